"""The manager's writes about one event's people: move up, cancel, walk-in, check-in."""

import datetime as dt

import pytest
from django.utils import timezone, translation

from events.models import Registration, WorkshopChoice
from events.selectors.public import waitlist_position
from events.services import RegistrationError, registration_cancel
from events.services.attendance import (
    NewPerson,
    registration_cancel_by_manager,
    registration_check_in,
    registration_check_in_undo,
    registration_move_up,
    registration_walk_in,
)
from members.models import Person
from network_portal.models import AuditEntry
from tests import factories

pytestmark = pytest.mark.django_db

CONFIRMED = Registration.Status.CONFIRMED
WAITLISTED = Registration.Status.WAITLISTED


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


def confirmed(event, **kwargs) -> Registration:
    return factories.RegistrationFactory(event=event, status=CONFIRMED, **kwargs)


def waitlisted(event, **kwargs) -> Registration:
    return factories.RegistrationFactory(event=event, status=WAITLISTED, **kwargs)


def statuses(event) -> list[tuple[int, str]]:
    return list(event.registrations.order_by("id").values_list("id", "status"))


def audit_actions(registration) -> list[str]:
    entries = AuditEntry.objects.filter(
        object_type="events.registration", object_id=str(registration.pk)
    )
    return list(entries.order_by("id").values_list("action", flat=True))


# --- Move up -------------------------------------------------------------------------------


def test_move_up_with_a_free_seat_confirms_ahead_of_the_others(event, world):
    confirmed(event)  # capacity 2: one seat free (a manager raised the capacity)
    first, second = waitlisted(event), waitlisted(event)
    moved = registration_move_up(registration=second, moved_by=world.manager)
    assert moved.status == CONFIRMED
    assert statuses(event)[1:] == [(first.pk, WAITLISTED), (second.pk, CONFIRMED)]
    assert audit_actions(second) == ["registration.move_up"]
    assert AuditEntry.objects.get(action="registration.move_up").details == {"confirmed": True}


def test_move_up_when_full_puts_them_first_on_the_waiting_list(event, world):
    confirmed(event), confirmed(event)
    first, second, third = waitlisted(event), waitlisted(event), waitlisted(event)
    registration_move_up(registration=third, moved_by=world.manager)
    registration_move_up(registration=second, moved_by=world.manager)
    for registration in (first, second, third):
        registration.refresh_from_db()
    assert (second.waitlist_priority, third.waitlist_priority, first.waitlist_priority) == (2, 1, 0)
    assert [waitlist_position(r) for r in (second, third, first)] == [1, 2, 3]
    assert event.registrations.filter(status=CONFIRMED).count() == 2


def test_move_up_when_full_then_a_cancellation_promotes_the_moved_person(event, world):
    seat, _other = confirmed(event), confirmed(event)
    first, second = waitlisted(event), waitlisted(event)
    registration_move_up(registration=second, moved_by=world.manager)
    registration_cancel(registration=seat, cancelled_by=world.manager)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (second.status, first.status) == (CONFIRMED, WAITLISTED)


def test_move_up_gives_the_new_seat_its_free_workshop_places(event, world):
    workshop = factories.WorkshopFactory(event=event, capacity=1)
    registration = waitlisted(event)
    choice = factories.WorkshopChoiceFactory(
        registration=registration, session=workshop, status=WorkshopChoice.Status.WAITLISTED
    )
    registration_move_up(registration=registration, moved_by=world.manager)
    choice.refresh_from_db()
    assert choice.status == WorkshopChoice.Status.CONFIRMED


@pytest.mark.parametrize("status", [CONFIRMED, Registration.Status.CANCELLED])
def test_move_up_refuses_anyone_not_waiting(event, world, status):
    registration = factories.RegistrationFactory(event=event, status=status)
    with pytest.raises(RegistrationError) as error:
        registration_move_up(registration=registration, moved_by=world.manager)
    assert str(error.value.message) == "Only people on the waiting list can be moved up."
    assert AuditEntry.objects.count() == 0


# --- Cancel by a manager -------------------------------------------------------------------


def test_manager_cancels_after_the_deadline_and_the_next_is_promoted(event, world):
    event.cancellation_deadline = timezone.now() - dt.timedelta(days=1)
    event.save()
    seat, _other = confirmed(event), confirmed(event)
    nxt, after = waitlisted(event), waitlisted(event)
    with pytest.raises(RegistrationError):  # the attendee may no longer cancel
        registration_cancel(registration=seat, cancelled_by=seat.person.user)
    registration_cancel_by_manager(registration=seat, cancelled_by=world.manager)
    seat.refresh_from_db()
    assert (seat.status, seat.cancelled_by) == (Registration.Status.CANCELLED, world.manager)
    assert [r.status for r in Registration.objects.filter(pk__in=[nxt.pk, after.pk])] == [
        CONFIRMED,
        WAITLISTED,
    ]
    assert audit_actions(seat) == ["registration.cancel_by_manager"]


# --- Walk-ins ------------------------------------------------------------------------------


def test_walk_in_within_capacity_is_confirmed_and_checked_in(event, world):
    person = factories.PersonFactory()  # of any organisation, no limit or window applies
    registration = registration_walk_in(event=event, person=person, added_by=world.manager)
    assert registration.status == CONFIRMED
    assert registration.source == Registration.Source.WALK_IN
    assert registration.registered_by == world.manager
    assert registration.checked_in_by == world.manager
    assert registration.checked_in_at is not None
    assert registration.organisation == person.organisation
    assert audit_actions(registration) == ["registration.walk_in"]


def test_walk_in_of_a_new_person_creates_a_contact(event, world):
    new = NewPerson(
        first_name="Hanna", last_name="Kleine", organisation=world.company, email="h@example.org"
    )
    registration = registration_walk_in(event=event, new_person=new, added_by=world.manager)
    person = Person.objects.get(last_name="Kleine")
    assert registration.person == person
    assert (person.first_name, person.email, person.organisation) == (
        "Hanna",
        "h@example.org",
        world.company,
    )
    assert (person.role, person.user) == (Person.Role.CONTACT, None)


def test_walk_in_at_a_full_event_without_the_decision_goes_on_the_waiting_list(event, world):
    confirmed(event), confirmed(event)
    registration = registration_walk_in(
        event=event, person=factories.PersonFactory(), added_by=world.manager
    )
    assert registration.status == WAITLISTED
    assert registration.checked_in_at is None
    assert event.registrations.filter(status=CONFIRMED).count() == 2


def test_walk_in_at_a_full_event_with_the_decision_is_confirmed_beyond_capacity(event, world):
    confirmed(event), confirmed(event)
    registration = registration_walk_in(
        event=event, person=factories.PersonFactory(), added_by=world.manager, over_capacity=True
    )
    assert (registration.status, registration.checked_in_by) == (CONFIRMED, world.manager)
    assert event.registrations.filter(status=CONFIRMED).count() == 3
    entry = AuditEntry.objects.get(action="registration.walk_in")
    assert entry.details == {"status": "confirmed", "over_capacity": True}


def test_walk_in_of_someone_waiting_confirms_their_registration(event, world):
    confirmed(event)
    waiting = waitlisted(event)
    registration = registration_walk_in(event=event, person=waiting.person, added_by=world.manager)
    assert registration.pk == waiting.pk
    assert (registration.status, registration.checked_in_by) == (CONFIRMED, world.manager)
    assert event.registrations.count() == 2


def test_walk_in_of_someone_waiting_at_a_full_event_needs_the_decision(event, world):
    confirmed(event), confirmed(event)
    waiting = waitlisted(event)
    with pytest.raises(RegistrationError):
        registration_walk_in(event=event, person=waiting.person, added_by=world.manager)
    waiting.refresh_from_db()
    assert (waiting.status, waiting.checked_in_at) == (WAITLISTED, None)


def test_walk_in_of_someone_confirmed_is_refused(event, world):
    registration = confirmed(event)
    with pytest.raises(RegistrationError) as error:
        registration_walk_in(event=event, person=registration.person, added_by=world.manager)
    assert "already confirmed" in str(error.value.message)
    assert event.registrations.count() == 1


@pytest.mark.parametrize("status", ["draft", "cancelled"])
def test_walk_in_only_at_a_published_event(event, world, status):
    event.status = status
    event.save()
    new = NewPerson(first_name="A", last_name="B", organisation=world.company)
    with pytest.raises(RegistrationError):
        registration_walk_in(event=event, new_person=new, added_by=world.manager)
    assert (event.registrations.count(), Person.objects.filter(last_name="B").count()) == (0, 0)


# --- Check-in ------------------------------------------------------------------------------


def test_check_in_and_undo_set_the_row_and_the_audit_log(event, world):
    registration = confirmed(event)
    registration_check_in(registration=registration, checked_in_by=world.manager)
    registration.refresh_from_db()
    assert registration.checked_in_by == world.manager
    assert registration.checked_in_at is not None
    registration_check_in(registration=registration, checked_in_by=world.manager)  # 2nd tap
    registration_check_in_undo(registration=registration, undone_by=world.manager)
    registration.refresh_from_db()
    assert (registration.checked_in_at, registration.checked_in_by) == (None, None)
    registration_check_in_undo(registration=registration, undone_by=world.manager)  # 2nd tap
    assert audit_actions(registration) == [
        "registration.check_in",
        "registration.check_in_undone",
    ]
    assert set(AuditEntry.objects.values_list("actor", flat=True)) == {world.manager.pk}


@pytest.mark.parametrize("status", [WAITLISTED, Registration.Status.CANCELLED])
def test_check_in_only_of_confirmed_attendees(event, world, status):
    registration = factories.RegistrationFactory(event=event, status=status)
    with pytest.raises(RegistrationError):
        registration_check_in(registration=registration, checked_in_by=world.manager)
    registration.refresh_from_db()
    assert registration.checked_in_at is None
