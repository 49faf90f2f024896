"""Every write about an organisation's profile: create, edit (on behalf too), logo, the
yearly confirmation and its reminder mail."""

import datetime

from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from members import roles
from members.models import Organisation, Person, User
from members.selectors import organisations as selectors
from network_portal.audit import audit_record
from network_portal.models import OutgoingMail
from network_portal.outbox import mail_about, mail_from_template

# The profile fields a form may change; sectors and training occupations are many-to-many.
PROFILE_FIELDS = (
    "name",
    "kind",
    "street",
    "postal_code",
    "city",
    "region",
    "size",
    "description",
    "products",
    "competences",
    "website",
    "email",
    "phone",
    "visibility",
)
RELATED_FIELDS = ("sectors", "training_occupations")
# Slugs that are paths of their own below "organisationen/".
RESERVED_SLUGS = frozenset({"neu"})
SLUG_LENGTH = 190


class DuplicateOrganisationError(Exception):
    """An organisation of the same name exists at the same postal code already."""

    def __init__(self, existing: Organisation) -> None:
        super().__init__(existing.name)
        self.existing = existing


@transaction.atomic
def organisation_create(
    *, creator: User, profile: dict, logo: ContentFile | None = None
) -> Organisation:
    """Create an organisation; ``creator`` becomes its admin. The profile counts as confirmed."""
    _check_not_duplicate(profile["name"], profile.get("postal_code", ""))
    organisation = Organisation(
        **{field: profile[field] for field in PROFILE_FIELDS if field in profile},
        confirmed_on=timezone.localdate(),
    )
    if logo is not None:
        organisation.logo.save(logo.name, logo, save=False)
    _save_with_unique_slug(organisation)
    for field in RELATED_FIELDS:
        getattr(organisation, field).set(profile.get(field, ()))
    Person.objects.create(
        organisation=organisation,
        user=creator,
        role=Person.Role.ADMIN,
        first_name=creator.first_name or creator.email.split("@")[0],
        last_name=creator.last_name,
        email=creator.email,
    )
    roles.forget(creator)
    return organisation


def _save_with_unique_slug(organisation: Organisation) -> None:
    """Save with the first free slug of the name; a slug taken meanwhile tries the next."""
    base = slugify(organisation.name)[:SLUG_LENGTH].strip("-") or "organisation"
    taken = set(Organisation.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    taken |= RESERVED_SLUGS
    number = 1
    while True:
        slug = base if number == 1 else f"{base}-{number}"
        number += 1
        if slug in taken:
            continue
        organisation.slug = slug
        try:
            with transaction.atomic():
                organisation.save()
        except IntegrityError:
            if Organisation.objects.filter(slug=slug).exists():
                continue
            raise
        return


def _check_not_duplicate(name: str, postal_code: str, exclude_pk: int | None = None) -> None:
    """Refuse a second organisation of the same name and postal code.

    On PostgreSQL a transaction-level advisory lock on the pair makes two simultaneous
    creations of the same organisation wait for each other, so the second sees the first.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            pair = f"organisation:{' '.join(name.lower().split())}:{postal_code.strip()}"
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [pair])
    existing = selectors.organisation_duplicate(
        name=name, postal_code=postal_code, exclude_pk=exclude_pk
    )
    if existing is not None:
        raise DuplicateOrganisationError(existing)


@transaction.atomic
def organisation_update(
    *,
    organisation: Organisation,
    editor: User,
    profile: dict,
    logo: ContentFile | None = None,
    remove_logo: bool = False,
) -> list[str]:
    """Change the profile; return the names of the fields that changed.

    An organisation admin's save also confirms the profile as current. Anyone else (a
    network manager, a platform admin) edits on the organisation's behalf: that is
    recorded in the audit log with the changed field names.
    """
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    changed = _changed_fields(organisation, profile)
    if {"name", "postal_code"} & set(changed):
        _check_not_duplicate(
            profile.get("name", organisation.name),
            profile.get("postal_code", organisation.postal_code),
            exclude_pk=organisation.pk,
        )
    for field in changed:
        if field in PROFILE_FIELDS:
            setattr(organisation, field, profile[field])
    if _replace_logo(organisation, logo=logo, remove=remove_logo):
        changed.append("logo")
    on_behalf = organisation.pk not in roles.for_user(editor).admin_of
    if not on_behalf:
        organisation.confirmed_on = timezone.localdate()
    organisation.save()
    for field in RELATED_FIELDS:
        if field in changed:
            getattr(organisation, field).set(profile[field])
    if on_behalf and changed:
        audit_record(
            actor=editor,
            action="organisation.edit_on_behalf",
            target=organisation,
            details={"fields": changed},
        )
    return changed


def _changed_fields(organisation: Organisation, profile: dict) -> list[str]:
    changed = [
        field
        for field in PROFILE_FIELDS
        if field in profile and getattr(organisation, field) != profile[field]
    ]
    for field in RELATED_FIELDS:
        if field in profile:
            current = set(getattr(organisation, field).values_list("pk", flat=True))
            if current != {item.pk for item in profile[field]}:
                changed.append(field)
    return changed


def _replace_logo(organisation: Organisation, *, logo: ContentFile | None, remove: bool) -> bool:
    """Store a new logo or remove the old one; the old file goes once the change commits."""
    old_name = organisation.logo.name
    if logo is not None:
        organisation.logo.save(logo.name, logo, save=False)
    elif remove and old_name:
        organisation.logo = ""
    else:
        return False
    if old_name:
        storage = organisation.logo.storage
        transaction.on_commit(lambda: storage.delete(old_name))
    return True


@transaction.atomic
def organisation_confirm(*, organisation: Organisation, confirmed_by: User) -> None:
    """Confirm the profile as current today (the yearly "is this still current?")."""
    Organisation.objects.filter(pk=organisation.pk).update(confirmed_on=timezone.localdate())
    organisation.confirmed_on = timezone.localdate()
    if organisation.pk not in roles.for_user(confirmed_by).admin_of:
        audit_record(
            actor=confirmed_by, action="organisation.confirm_on_behalf", target=organisation
        )


# --- The yearly reminder --------------------------------------------------------------------


def confirmation_reminders_send(*, today: datetime.date | None = None) -> int:
    """Mail the admins of every profile unconfirmed for 12 months, once per year of it.

    The outbox key carries the year of the anniversary that made the reminder due, so a
    reminder goes out once a year for as long as nobody confirms. Returns the number of
    mails recorded.
    """
    today = today or timezone.localdate()
    recorded = 0
    for organisation in selectors.organisations_due_for_reminder(today):
        mails = {
            _reminder_key(organisation, person, today): person.user
            for person in organisation.admins
        }
        known = set(OutgoingMail.objects.filter(key__in=mails).values_list("key", flat=True))
        for key, user in mails.items():
            if key not in known:
                recorded += _remind(organisation, user, key)
    return recorded


def _reminder_key(organisation: Organisation, person: Person, today: datetime.date) -> str:
    year = _reminder_year(organisation, today)
    return f"profile-confirm:{organisation.pk}:{year}:{person.user.email.lower()}"


def _reminder_year(organisation: Organisation, today: datetime.date) -> int:
    """The year of the latest anniversary of the confirmation (this year if never confirmed)."""
    confirmed = organisation.confirmed_on
    if confirmed is None:
        return today.year
    anniversary_passed = (today.month, today.day) >= (confirmed.month, confirmed.day)
    return today.year if anniversary_passed else today.year - 1


@transaction.atomic
def _remind(organisation: Organisation, user: User, key: str) -> int:
    path = reverse("members:organisation", kwargs={"slug": organisation.slug})
    mail = mail_from_template(
        key=key,
        kind="profile-confirm-reminder",
        recipient=user.email,
        language=user.language or "de",
        template="profile_confirm_reminder",
        context={"organisation": organisation, "user": user, "profile_path": path},
        about=mail_about(organisation),
    )
    return 1 if mail else 0
