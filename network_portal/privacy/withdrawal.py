"""Withdrawing on "My data": the ledger entry and the processing it allowed, in one step.

Withdrawing is as easy as giving: one button. What stops, per purpose:

- event registration: the access needs are deleted at once; a registration for an event
  that has not started is cancelled (whatever the cancellation deadline), so the seat
  goes to the waiting list; a past registration is anonymised by retention;
- contact in the directory: the person is no longer shown, nor their e-mail and phone;
- weekly digest: the subscription ends.
"""

from collections.abc import Callable

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import Event, Registration
from events.services.registrations import registration_cancel
from members.models import Organisation, Person, User
from members.services.people import person_update
from network_portal.models import Consent, ConsentPurpose
from network_portal.privacy.consent import consent_withdraw

OPEN = (Registration.Status.CONFIRMED, Registration.Status.WAITLISTED)
NOT_SHOWN = {"is_public_contact": False, "show_email": False, "show_phone": False}


@transaction.atomic
def consent_withdraw_and_stop(*, consent: Consent, withdrawn_by: User) -> str:
    """Withdraw ``consent`` (and the same consent in other text versions), stop what it
    allowed; return what happened, in the user's words."""
    consent = Consent.objects.select_for_update().get(pk=consent.pk)
    if consent.withdrawn_at is not None:
        return _("You had withdrawn this consent already.")
    stop = STOPS.get(consent.purpose, _nothing_to_stop)
    message = stop(consent, withdrawn_by)
    if consent.about is not None or consent.about_type_id is None:
        consent_withdraw(
            purpose=consent.purpose, user=consent.user, person=consent.person, about=consent.about
        )
    Consent.objects.filter(pk=consent.pk).update(withdrawn_at=timezone.now())
    return message


def _people_of(consent: Consent) -> list[Person]:
    if consent.person_id is not None:
        return [consent.person]
    return list(Person.objects.filter(user=consent.user))


def _registration_stop(consent: Consent, withdrawn_by: User) -> str:
    event = consent.about
    if not isinstance(event, Event):
        return _nothing_to_stop(consent, withdrawn_by)
    registrations = Registration.objects.filter(
        event=event, person__in=_people_of(consent), status__in=OPEN
    )
    registrations.exclude(access_needs="").update(access_needs="")
    if event.starts_at <= timezone.now():
        return _(
            "Your consent has been withdrawn and your access needs deleted. The registration "
            "for this past event is anonymised when the retention period ends."
        )
    for registration in registrations.order_by("pk"):
        # Withdrawing consent is not bound to the cancellation deadline.
        registration_cancel(registration=registration, cancelled_by=withdrawn_by, by_manager=True)
    return _("Your consent has been withdrawn and your registration for %(event)s cancelled.") % {
        "event": event.title
    }


def _directory_stop(consent: Consent, withdrawn_by: User) -> str:
    about = consent.about
    person = about if isinstance(about, Person) else consent.person
    if person is None:
        return _nothing_to_stop(consent, withdrawn_by)
    person_update(person=person, updated_by=withdrawn_by, contact=NOT_SHOWN)
    return _(
        "Your consent has been withdrawn: you are no longer shown as a contact of %(organisation)s."
    ) % {"organisation": person.organisation.name}


def _digest_stop(consent: Consent, withdrawn_by: User) -> str:
    organisation = consent.about
    if not isinstance(organisation, Organisation) or not apps.is_installed("cooperations"):
        return _nothing_to_stop(consent, withdrawn_by)
    from cooperations.services.digests import digest_unsubscribe  # noqa: PLC0415

    digest_unsubscribe(user=consent.user or withdrawn_by, organisation=organisation)
    return _(
        "Your consent has been withdrawn: you will no longer receive the weekly digest for "
        "%(organisation)s."
    ) % {"organisation": organisation.name}


def _nothing_to_stop(consent: Consent, withdrawn_by: User) -> str:
    return _("Your consent has been withdrawn.")


STOPS: dict[str, Callable[[Consent, User], str]] = {
    ConsentPurpose.EVENT_REGISTRATION: _registration_stop,
    ConsentPurpose.DIRECTORY_LISTING: _directory_stop,
    ConsentPurpose.COOPERATION_DIGEST: _digest_stop,
}
