"""Every write about registrations. Capacity is decided under a lock on the event row.

Each function locks the event (``SELECT ... FOR UPDATE``) first, so registrations and
cancellations of one event run one after the other; seats are counted inside that lock.
The per-organisation limit counts the organisation's non-cancelled registrations
(confirmed and waitlisted), so a full waiting list cannot be filled by one organisation.
"""

from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import Event, Registration, Session, WorkshopChoice
from members.models import Person, User

OPEN = (Registration.Status.CONFIRMED, Registration.Status.WAITLISTED)


class RegistrationError(Exception):
    """A registration or cancellation that the rules do not allow; ``message`` says why."""

    def __init__(self, message) -> None:
        super().__init__(message)
        self.message = message


@transaction.atomic
def registration_create(
    *,
    event: Event,
    person: Person,
    registered_by: User,
    workshops: Iterable[Session] = (),
    access_needs: str = "",
    consent: bool = True,
) -> Registration:
    """Register ``person``: confirmed while seats are left, otherwise on the waiting list."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    workshops = list(workshops)
    _check_can_register(event=event, person=person, consent=consent)
    _check_workshops(event=event, workshops=workshops)
    status = (
        Registration.Status.CONFIRMED if _seats_left(event) > 0 else Registration.Status.WAITLISTED
    )
    try:
        with transaction.atomic():
            registration = Registration.objects.create(
                event=event,
                person=person,
                organisation_id=person.organisation_id,
                registered_by=registered_by,
                status=status,
                access_needs=access_needs,
                consent_at=timezone.now(),
            )
    except IntegrityError as error:
        raise RegistrationError(_("This person is already registered for the event.")) from error
    _choose_workshops(registration=registration, workshops=workshops)
    return registration


def _check_can_register(*, event: Event, person: Person, consent: bool) -> None:
    if not consent:
        raise RegistrationError(_("Please agree to the processing of your data."))
    if event.status != Event.Status.PUBLISHED:
        raise RegistrationError(_("This event is not open for registration."))
    _check_window(event)
    if event.registrations.filter(person=person, status__in=OPEN).exists():
        raise RegistrationError(_("This person is already registered for the event."))
    _check_organisation_limit(event=event, person=person)


def _check_window(event: Event) -> None:
    now = timezone.now()
    if event.registration_opens_at and now < event.registration_opens_at:
        raise RegistrationError(_("Registration has not opened yet."))
    if now >= event.registration_closes:
        raise RegistrationError(_("Registration is closed."))


def _check_organisation_limit(*, event: Event, person: Person) -> None:
    limit = event.seats_per_organisation
    if limit is None:
        return
    taken = event.registrations.filter(
        organisation_id=person.organisation_id, status__in=OPEN
    ).count()
    if taken >= limit:
        raise RegistrationError(
            _("Your organisation has reached its limit of registrations for this event.")
        )


def _check_workshops(*, event: Event, workshops: list[Session]) -> None:
    for workshop in workshops:
        if workshop.event_id != event.pk or not workshop.is_workshop:
            raise RegistrationError(_("Please choose only workshops of this event."))
    for index, workshop in enumerate(workshops):
        if any(workshop.overlaps(other) for other in workshops[index + 1 :]):
            raise RegistrationError(_("Please choose workshops that do not overlap in time."))


def _seats_left(event: Event) -> int:
    confirmed = event.registrations.filter(status=Registration.Status.CONFIRMED).count()
    return event.capacity - confirmed


def _workshop_seats_left(workshop: Session) -> int | None:
    if workshop.capacity is None:
        return None
    confirmed = workshop.choices.filter(status=WorkshopChoice.Status.CONFIRMED).count()
    return workshop.capacity - confirmed


def _choose_workshops(*, registration: Registration, workshops: list[Session]) -> None:
    for workshop in workshops:
        WorkshopChoice.objects.create(
            registration=registration, session=workshop, status=WorkshopChoice.Status.WAITLISTED
        )
    if registration.is_confirmed:
        _fill_workshops(workshops)


def _fill_workshops(workshops: Iterable[Session]) -> None:
    """Give free workshop seats to waitlisted choices of confirmed attendees, in order."""
    for workshop in workshops:
        left = _workshop_seats_left(workshop)
        waiting = workshop.choices.filter(
            status=WorkshopChoice.Status.WAITLISTED,
            registration__status=Registration.Status.CONFIRMED,
        ).order_by(
            "-registration__waitlist_priority", "registration__created_at", "registration_id"
        )
        if left is not None:
            waiting = waiting[: max(left, 0)]
        WorkshopChoice.objects.filter(pk__in=[c.pk for c in waiting]).update(
            status=WorkshopChoice.Status.CONFIRMED
        )


@transaction.atomic
def registration_cancel(*, registration: Registration, cancelled_by: User) -> Registration:
    """Cancel before the deadline; the freed seats go to the first on the waiting lists."""
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    registration = Registration.objects.get(pk=registration.pk)
    if registration.status == Registration.Status.CANCELLED:
        raise RegistrationError(_("This registration is already cancelled."))
    if timezone.now() >= event.cancellation_closes:
        raise RegistrationError(_("The cancellation deadline has passed."))
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.cancelled_by = cancelled_by
    registration.save(update_fields=["status", "cancelled_at", "cancelled_by"])
    registration.choices.update(status=WorkshopChoice.Status.CANCELLED)
    promote_waitlisted(event)
    _fill_workshops(event.sessions.filter(is_workshop=True))
    return registration


def promote_waitlisted(event: Event) -> list[Registration]:
    """Confirm the first waitlisted registrations while seats are left.

    Call it with the event row locked (inside the transaction that freed or added seats).
    """
    left = _seats_left(event)
    if left <= 0:
        return []
    waiting = list(
        event.registrations.filter(status=Registration.Status.WAITLISTED).order_by(
            *Registration.WAITLIST_ORDER
        )[:left]
    )
    Registration.objects.filter(pk__in=[r.pk for r in waiting]).update(
        status=Registration.Status.CONFIRMED
    )
    return waiting
