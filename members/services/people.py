"""Every write about who acts for an organisation: contact persons and what of them is
public, roles (admin or staff), and requests to join.

Role changes run under a lock on the organisation row, so two admins demoting each
other at the same moment cannot leave the organisation without an admin.
"""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members import roles
from members.models import JoinRequest, NetworkManager, Organisation, Person, User
from members.selectors import organisations as selectors
from network_portal.audit import audit_record
from network_portal.models import ConsentPurpose
from network_portal.outbox import mail_about, mail_from_template
from network_portal.privacy.consent import consent_give, consent_withdraw

CONTACT_FIELDS = (
    "first_name",
    "last_name",
    "function",
    "email",
    "phone",
    "is_public_contact",
    "show_email",
    "show_phone",
)
ACCOUNT_ROLES = (Person.Role.ADMIN, Person.Role.STAFF)


class PeopleError(Exception):
    """A change the rules do not allow; ``message`` says why, in the user's words."""

    def __init__(self, message) -> None:
        super().__init__(message)
        self.message = message


def audit_if_on_behalf(*, actor: User, organisation: Organisation, action: str, **details) -> None:
    """Record ``action`` when someone who is not an admin of the organisation did it."""
    if organisation.pk not in roles.for_user(actor).admin_of:
        audit_record(actor=actor, action=action, target=organisation, details=details)


# --- Contact persons ---------------------------------------------------------------------


@transaction.atomic
def person_create(*, organisation: Organisation, created_by: User, contact: dict) -> Person:
    """Add a contact person without an account (colleagues with accounts are invited)."""
    person = Person.objects.create(
        organisation=organisation,
        role=Person.Role.CONTACT,
        **{field: contact[field] for field in CONTACT_FIELDS if field in contact},
    )
    audit_if_on_behalf(
        actor=created_by,
        organisation=organisation,
        action="person.create_on_behalf",
        person=person.pk,
    )
    if person.is_public_contact:
        _record_listing_consent(person=person, by=created_by)
    return person


@transaction.atomic
def person_update(*, person: Person, updated_by: User, contact: dict) -> list[str]:
    """Change a person's details and what of them is public; return the changed fields."""
    changed = [
        field
        for field in CONTACT_FIELDS
        if field in contact and getattr(person, field) != contact[field]
    ]
    for field in changed:
        setattr(person, field, contact[field])
    if changed:
        person.save(update_fields=changed)
        audit_if_on_behalf(
            actor=updated_by,
            organisation=person.organisation,
            action="person.edit_on_behalf",
            person=person.pk,
            fields=changed,
        )
    if "is_public_contact" in changed:
        _record_listing_consent(person=person, by=updated_by)
    return changed


def _record_listing_consent(*, person: Person, by: User) -> None:
    """The consent ledger follows whether the person is shown as a contact on the profile."""
    if person.is_public_contact:
        consent_give(purpose=ConsentPurpose.DIRECTORY_LISTING, user=by, person=person, about=person)
    else:
        consent_withdraw(purpose=ConsentPurpose.DIRECTORY_LISTING, person=person, about=person)


@transaction.atomic
def person_set_active(*, person: Person, active: bool, changed_by: User) -> None:
    """Deactivate a person (they no longer act for the organisation) or take them back."""
    _lock(person.organisation)
    person.refresh_from_db()
    if not active and person.role == Person.Role.ADMIN and person.is_active:
        _check_another_admin_remains(person)
    person.is_active = active
    person.save(update_fields=["is_active"])
    audit_if_on_behalf(
        actor=changed_by,
        organisation=person.organisation,
        action="person.activate_on_behalf" if active else "person.deactivate_on_behalf",
        person=person.pk,
    )
    if person.user is not None:
        roles.forget(person.user)


@transaction.atomic
def person_set_role(*, person: Person, role: str, changed_by: User) -> None:
    """Make a colleague with an account an organisation admin, or staff."""
    if role not in ACCOUNT_ROLES or person.user_id is None:
        raise PeopleError(_("Only colleagues with an account can be admin or staff."))
    _lock(person.organisation)
    person.refresh_from_db()
    if person.role == role:
        return
    if person.role == Person.Role.ADMIN and person.is_active:
        _check_another_admin_remains(person)
    person.role = role
    person.save(update_fields=["role"])
    audit_record(
        actor=changed_by,
        action="person.role_change",
        target=person.organisation,
        details={"person": person.pk, "role": role},
    )
    roles.forget(person.user)


def _lock(organisation: Organisation) -> None:
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()


def _check_another_admin_remains(person: Person) -> None:
    others = Person.objects.filter(
        organisation_id=person.organisation_id, role=Person.Role.ADMIN, is_active=True
    ).exclude(pk=person.pk)
    if not others.exists():
        raise PeopleError(
            _("The organisation needs at least one admin. Make another colleague admin first.")
        )


# --- Requests to join ----------------------------------------------------------------------


@transaction.atomic
def join_request_create(
    *, organisation: Organisation, user: User, function: str = "", message: str = ""
) -> JoinRequest:
    """``user`` asks to act for ``organisation``; its admins are told by mail."""
    if organisation.pk in roles.for_user(user).organisation_ids:
        raise PeopleError(_("You already act for this organisation."))
    try:
        with transaction.atomic():
            join_request = JoinRequest.objects.create(
                organisation=organisation, user=user, function=function, message=message
            )
    except IntegrityError as error:
        raise PeopleError(
            _("You have asked to join this organisation already. Its admins will decide.")
        ) from error
    for recipient in _deciders(organisation):
        _mail(
            "join_request",
            join_request,
            recipient,
            people_path=reverse("members:organisation_people", args=[organisation.slug]),
        )
    return join_request


def _deciders(organisation: Organisation) -> list[User]:
    """Its admins; without any, the managers of the networks it is active in."""
    admins = selectors.admin_users_of(organisation)
    if admins:
        return admins
    managers = NetworkManager.objects.filter(
        network__memberships__organisation=organisation,
        network__memberships__status="active",
        user__is_active=True,
    ).select_related("user")
    return list({manager.user for manager in managers})


@transaction.atomic
def join_request_approve(*, join_request: JoinRequest, decided_by: User) -> Person:
    """The requester becomes staff of the organisation and is told by mail."""
    join_request = _lock_pending(join_request)
    person = person_link_user(
        organisation=join_request.organisation,
        user=join_request.user,
        role=Person.Role.STAFF,
        function=join_request.function,
    )
    _decide(join_request, JoinRequest.Status.APPROVED, decided_by)
    _mail("join_approved", join_request, join_request.user)
    return person


@transaction.atomic
def join_request_decline(*, join_request: JoinRequest, decided_by: User) -> None:
    join_request = _lock_pending(join_request)
    _decide(join_request, JoinRequest.Status.DECLINED, decided_by)
    _mail("join_declined", join_request, join_request.user)


def _lock_pending(join_request: JoinRequest) -> JoinRequest:
    locked = (
        JoinRequest.objects.select_for_update()
        .select_related("organisation", "user")
        .get(pk=join_request.pk)
    )
    if locked.status != JoinRequest.Status.PENDING:
        raise PeopleError(_("This request has been decided already."))
    return locked


def _decide(join_request: JoinRequest, status: str, decided_by: User) -> None:
    join_request.status = status
    join_request.decided_at = timezone.now()
    join_request.decided_by = decided_by
    join_request.save(update_fields=["status", "decided_at", "decided_by"])
    audit_if_on_behalf(
        actor=decided_by,
        organisation=join_request.organisation,
        action="join_request.decide_on_behalf",
        join_request=join_request.pk,
        status=status,
    )


def _mail(template: str, join_request: JoinRequest, recipient: User, **context) -> None:
    kind = template.replace("_", "-")
    mail_from_template(
        key=f"{kind}:{join_request.pk}:{recipient.email.lower()}",
        kind=kind,
        recipient=recipient.email,
        language=recipient.language or "de",
        template=template,
        context={
            "join_request": join_request,
            "organisation": join_request.organisation,
            "requester": join_request.user,
            "recipient": recipient,
            "organisation_path": join_request.organisation.get_absolute_url(),
            **context,
        },
        about=mail_about(join_request),
    )


def person_link_user(
    *, organisation: Organisation, user: User, role: str, function: str = ""
) -> Person:
    """The user's person at the organisation, active, with at least ``role``.

    An earlier (deactivated) person of the user comes back; a contact without account
    with the user's e-mail address gets the account; otherwise a new person is created.
    An admin stays admin.
    """
    person = (
        Person.objects.filter(organisation=organisation, user=user).first()
        or Person.objects.filter(
            organisation=organisation, user__isnull=True, email__iexact=user.email
        ).first()
        or Person(
            organisation=organisation,
            first_name=user.first_name or user.email.split("@")[0],
            last_name=user.last_name,
            email=user.email,
        )
    )
    person.user = user
    person.is_active = True
    if person.role != Person.Role.ADMIN:
        person.role = role
    if function and not person.function:
        person.function = function
    person.save()
    roles.forget(user)
    return person
