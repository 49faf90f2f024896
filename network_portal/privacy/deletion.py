"""Deleting one's account, and removing a colleague's person record.

What stays: organisations and their data, registrations (as anonymous counts: they point
at person rows without personal data), listings and interests an organisation sent, the
audit log (with the erased name). What goes: the user's login, names, e-mail addresses,
password, two-factor keys and sessions; their person records' details; consents, requests
to join, invitations, digest subscriptions and mail settings; the content and address of
mails sent to them. Registrations for events that have not started are cancelled (the
seats go to the waiting list).

The last admin of an organisation cannot leave while colleagues with an account remain:
they make one of them admin first. An organisation without anybody else keeps its data
without an admin; its network managers and platform admins still look after it.
"""

from importlib import import_module

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import Registration
from events.services.registrations import registration_cancel
from members import roles
from members.models import (
    ColleagueInvitation,
    JoinRequest,
    NetworkManager,
    Organisation,
    Person,
    User,
)
from network_portal.audit import audit_record
from network_portal.models import AnonymisedPerson, Consent, MailPreference
from network_portal.privacy.anonymise import (
    audit_names_erase,
    deleted_person_name,
    erased_address,
    mails_erase,
    person_anonymise,
)

OPEN = (Registration.Status.CONFIRMED, Registration.Status.WAITLISTED)


class PrivacyError(Exception):
    """A deletion the rules do not allow; ``message`` says why, in the user's words."""

    def __init__(self, message) -> None:
        super().__init__(message)
        self.message = message


# --- Deleting one's own account ----------------------------------------------------------


def organisations_blocking_deletion(user: User) -> QuerySet[Organisation]:
    """Organisations the user is the last admin of while colleagues with an account remain."""
    admin_of = Person.objects.filter(user=user, role=Person.Role.ADMIN, is_active=True)
    others = _acting_people().exclude(user=user)
    other_admins = others.filter(role=Person.Role.ADMIN).values("organisation_id")
    with_colleagues = others.values("organisation_id")
    return (
        Organisation.objects.filter(pk__in=admin_of.values("organisation_id"))
        .exclude(pk__in=other_admins)
        .filter(pk__in=with_colleagues)
        .order_by("name")
    )


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Erase the user's personal data and deactivate the account; see the module text."""
    _lock_organisations_of(user)
    _check_may_delete(user)
    people = list(Person.objects.filter(user=user))
    addresses = _addresses_of(user, people)
    _registrations_cancel_upcoming(people=people, cancelled_by=user)
    for person in people:
        person_anonymise(person=person, reason=AnonymisedPerson.Reason.ACCOUNT_DELETED)
    Consent.objects.filter(user=user).delete()
    JoinRequest.objects.filter(user=user).delete()
    _invitations_of(user, addresses).delete()
    _digests_end(user)
    NetworkManager.objects.filter(user=user).delete()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    mails_erase(recipients=addresses)
    MailPreference.objects.filter(email__in=addresses).delete()
    _user_anonymise(user)
    audit_names_erase(object_type="members.user", object_ids=[user.pk])
    audit_record(
        actor=user,
        action="privacy.account_delete",
        target=user,
        details={"persons": [person.pk for person in people]},
    )
    sessions_end(user)
    roles.forget(user)


def _check_may_delete(user: User) -> None:
    if not user.is_active:
        raise PrivacyError(_("This account has been deleted already."))
    if user.is_superuser:
        raise PrivacyError(
            _(
                "Platform admins cannot delete their own account here; another platform "
                "admin removes it in the administration."
            )
        )
    blocking = list(organisations_blocking_deletion(user).values_list("name", flat=True))
    if blocking:
        raise PrivacyError(
            _(
                "You are the last admin of %(organisations)s. Make a colleague admin first, "
                "then delete your account."
            )
            % {"organisations": ", ".join(blocking)}
        )


def _addresses_of(user: User, people: list[Person]) -> set[str]:
    addresses = {user.email.lower()}
    addresses |= {address.lower() for address in _emails_of(user)}
    addresses |= {person.email.lower() for person in people if person.email}
    return addresses


def _emails_of(user: User) -> list[str]:
    return list(EmailAddress.objects.filter(user=user).values_list("email", flat=True))


def _invitations_of(user: User, addresses: set[str]) -> QuerySet[ColleagueInvitation]:
    matching = Q(accepted_by=user)
    for address in addresses:
        matching |= Q(email__iexact=address)
    return ColleagueInvitation.objects.filter(matching)


def _digests_end(user: User) -> None:
    if not apps.is_installed("cooperations"):
        return
    from cooperations.services.digests import digest_unsubscribe  # noqa: PLC0415

    for subscription in user.digest_subscriptions.select_related("organisation"):
        digest_unsubscribe(user=user, organisation=subscription.organisation)


def _user_anonymise(user: User) -> None:
    """The row stays (others' records name who registered or decided) but is nobody's."""
    user.email = erased_address()
    user.first_name = deleted_person_name()
    user.last_name = ""
    user.is_active = user.is_staff = user.is_superuser = False
    user.set_unusable_password()
    user.save()


def sessions_end(user: User) -> int:
    """Delete the user's sessions (kept in the database, read through the cache).

    A deactivated user with a new password hash is signed out on the next request anyway;
    this also removes what the sessions hold, from the database and from the cache.
    """
    key = str(user.pk)
    sessions = Session.objects.filter(expire_date__gt=timezone.now())
    stale = [s.session_key for s in sessions.iterator() if s.get_decoded().get(SESSION_KEY) == key]
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for session_key in stale:
        store(session_key=session_key).delete()
    return len(stale)


# --- Removing a colleague's person record ------------------------------------------------


@transaction.atomic
def person_remove(*, person: Person, removed_by: User) -> None:
    """An organisation admin erases a colleague's (or contact's) record; see the module text.

    A colleague with an account keeps the account but no longer acts for the organisation.
    """
    _lock(person.organisation_id)
    person = Person.objects.select_related("organisation").get(pk=person.pk)
    if AnonymisedPerson.objects.filter(person=person).exists():
        raise PrivacyError(_("This person has been removed already."))
    if person.role == Person.Role.ADMIN and person.is_active:
        _check_another_admin_remains(person)
    user = person.user
    _registrations_cancel_upcoming(people=[person], cancelled_by=removed_by)
    person_anonymise(person=person, reason=AnonymisedPerson.Reason.REMOVED)
    audit_record(
        actor=removed_by,
        action="privacy.person_remove",
        target=person.organisation,
        details={"person": person.pk},
    )
    if user is not None:
        roles.forget(user)


def _check_another_admin_remains(person: Person) -> None:
    others = _acting_people().filter(organisation_id=person.organisation_id)
    if not others.filter(role=Person.Role.ADMIN).exclude(pk=person.pk).exists():
        raise PrivacyError(
            _("The organisation needs at least one admin. Make another colleague admin first.")
        )


# --- Shared steps ------------------------------------------------------------------------


def _acting_people() -> QuerySet[Person]:
    """People who act for their organisation: active, with an active account."""
    return Person.objects.filter(is_active=True, user__isnull=False, user__is_active=True)


def _registrations_cancel_upcoming(*, people: list[Person], cancelled_by: User) -> None:
    """Free the seats of events that have not started; the waiting list moves up.

    ``by_manager``: erasure is not bound to the cancellation deadline.
    """
    upcoming = Registration.objects.filter(
        person__in=people, status__in=OPEN, event__starts_at__gt=timezone.now()
    )
    for registration in upcoming.order_by("event_id", "pk"):
        registration_cancel(registration=registration, cancelled_by=cancelled_by, by_manager=True)


def _lock_organisations_of(user: User) -> None:
    """Lock the organisations the user is admin of (as role changes do), in id order."""
    ids = Person.objects.filter(user=user, role=Person.Role.ADMIN).values("organisation_id")
    list(Organisation.objects.select_for_update().filter(pk__in=ids).order_by("pk"))


def _lock(organisation_id: int) -> None:
    Organisation.objects.select_for_update().filter(pk=organisation_id).first()
