"""A manager's writes about the people at one event: move up, cancel, walk-in, check-in.

Like ``registrations``, every function locks the event row (``SELECT ... FOR UPDATE``)
first, so these writes and the attendees' own registrations and cancellations of the
same event run one after the other, and seats are counted inside that lock.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import Event, Registration
from events.services import notifications
from events.services.registrations import (
    OPEN,
    RegistrationError,
    _fill_workshops,
    _seats_left,
    registration_cancel,
)
from members.models import Organisation, Person, User
from network_portal.audit import audit_record

Status = Registration.Status


@dataclass(frozen=True)
class NewPerson:
    """A walk-in who is not in the portal yet: a contact of an existing organisation."""

    first_name: str
    last_name: str
    organisation: Organisation
    email: str = ""


def _lock(registration: Registration) -> tuple[Event, Registration]:
    """Lock the registration's event; return it and the registration as stored now."""
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    return event, Registration.objects.select_related("person").get(pk=registration.pk)


@transaction.atomic
def registration_move_up(*, registration: Registration, moved_by: User) -> Registration:
    """Move a waitlisted person up by hand.

    With a seat free they are confirmed at once (ahead of anyone else waiting: the
    manager decides) and get their promotion mail. Otherwise they become first on the
    waiting list: their ``waitlist_priority`` is set above the highest one of the event.
    Capacity is never exceeded.
    """
    event, registration = _lock(registration)
    if registration.status != Status.WAITLISTED:
        raise RegistrationError(_("Only people on the waiting list can be moved up."))
    if _seats_left(event) > 0:
        registration.status = Status.CONFIRMED
        registration.save(update_fields=["status"])
        _fill_workshops(registration.workshops.all())
        registration.event = event
        notifications.mail_promoted([registration])
    else:
        waiting = event.registrations.filter(status=Status.WAITLISTED)
        highest = waiting.aggregate(highest=Max("waitlist_priority"))["highest"] or 0
        registration.waitlist_priority = highest + 1
        registration.save(update_fields=["waitlist_priority"])
    audit_record(
        actor=moved_by,
        action="registration.move_up",
        target=registration,
        details={"confirmed": registration.is_confirmed},
    )
    return registration


@transaction.atomic
def registration_cancel_by_manager(
    *, registration: Registration, cancelled_by: User
) -> Registration:
    """A manager cancels a registration, also after the attendees' deadline; the freed
    seat goes to the first on the waiting list in the same transaction."""
    registration = registration_cancel(
        registration=registration, cancelled_by=cancelled_by, by_manager=True
    )
    audit_record(actor=cancelled_by, action="registration.cancel_by_manager", target=registration)
    return registration


@transaction.atomic
def registration_walk_in(
    *,
    event: Event,
    added_by: User,
    person: Person | None = None,
    new_person: NewPerson | None = None,
    over_capacity: bool = False,
) -> Registration:
    """Add someone who turned up at the event: an existing ``person`` or a ``new_person``.

    The decision on capacity: a walk-in is physically at the door, so a manager may let
    them in beyond the capacity, but only by saying so (``over_capacity=True``: "the
    person is already here"). Without that decision the normal rule holds: confirmed
    while a seat is free, otherwise on the waiting list (and not checked in).

    A confirmed walk-in is checked in at once. The registration window and the
    per-organisation limit do not apply (the manager decides at the door); workshops
    are not chosen. Someone already on the waiting list is confirmed and checked in
    under the same rule; someone already confirmed is refused (check them in instead).
    Walk-ins get no confirmation mail: they are at the door.
    """
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status != Event.Status.PUBLISHED:
        raise RegistrationError(_("Walk-ins can only be added to a published event."))
    if person is None:
        person = _person_create(new_person)
    confirm = over_capacity or _seats_left(event) > 0
    existing = event.registrations.filter(person=person, status__in=OPEN).first()
    if existing is None:
        registration = _walk_in_create(
            event=event, person=person, added_by=added_by, confirm=confirm
        )
    else:
        registration = _walk_in_confirm(existing, added_by=added_by, confirm=confirm)
    audit_record(
        actor=added_by,
        action="registration.walk_in",
        target=registration,
        details={"status": registration.status, "over_capacity": _seats_left(event) < 0},
    )
    return registration


def _person_create(new_person: NewPerson | None) -> Person:
    if new_person is None:
        raise RegistrationError(_("Please choose a person or enter a new one."))
    return Person.objects.create(
        organisation=new_person.organisation,
        first_name=new_person.first_name,
        last_name=new_person.last_name,
        email=new_person.email,
        role=Person.Role.CONTACT,
    )


def _walk_in_create(*, event: Event, person: Person, added_by: User, confirm: bool) -> Registration:
    now = timezone.now()
    return Registration.objects.create(
        event=event,
        person=person,
        organisation_id=person.organisation_id,
        registered_by=added_by,
        source=Registration.Source.WALK_IN,
        status=Status.CONFIRMED if confirm else Status.WAITLISTED,
        checked_in_at=now if confirm else None,
        checked_in_by=added_by if confirm else None,
    )


def _walk_in_confirm(registration: Registration, *, added_by: User, confirm: bool) -> Registration:
    if registration.is_confirmed:
        raise RegistrationError(
            _("This person is already confirmed for the event. Please check them in instead.")
        )
    if not confirm:
        raise RegistrationError(
            _(
                "This person is already on the waiting list and the event is full. Confirm "
                "beyond the capacity if they are already here."
            )
        )
    registration.status = Status.CONFIRMED
    registration.checked_in_at = timezone.now()
    registration.checked_in_by = added_by
    registration.save(update_fields=["status", "checked_in_at", "checked_in_by"])
    _fill_workshops(registration.workshops.all())
    return registration


@transaction.atomic
def registration_check_in(*, registration: Registration, checked_in_by: User) -> Registration:
    """Record that a confirmed attendee arrived. A second tap changes nothing."""
    _event, registration = _lock(registration)
    if not registration.is_confirmed:
        raise RegistrationError(_("Only confirmed attendees can be checked in."))
    if registration.checked_in_at is not None:
        return registration
    registration.checked_in_at = timezone.now()
    registration.checked_in_by = checked_in_by
    registration.save(update_fields=["checked_in_at", "checked_in_by"])
    audit_record(actor=checked_in_by, action="registration.check_in", target=registration)
    return registration


@transaction.atomic
def registration_check_in_undo(*, registration: Registration, undone_by: User) -> Registration:
    """Take back a check-in made by mistake. A second tap changes nothing."""
    _event, registration = _lock(registration)
    if registration.checked_in_at is None:
        return registration
    registration.checked_in_at = None
    registration.checked_in_by = None
    registration.save(update_fields=["checked_in_at", "checked_in_by"])
    audit_record(actor=undone_by, action="registration.check_in_undone", target=registration)
    return registration


@transaction.atomic
def attendance_export_record(
    *, event: Event, exported_by: User, file_format: str, row_count: int
) -> None:
    """Note in the audit log that the attendance list (personal data) left the portal."""
    audit_record(
        actor=exported_by,
        action="event.attendance_export",
        target=event,
        details={"format": file_format, "rows": row_count},
    )
