"""The registration rules of ``events.services``, with rows and values that land."""

import datetime as dt

import pytest
from django.utils import timezone, translation

from events.models import Event, Registration, WorkshopChoice
from events.services import RegistrationError, registration_cancel, registration_create
from tests import factories
from tests.events.conftest import new_person, person_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_messages():
    """The rule messages are asserted in their English source form."""
    with translation.override("en"):
        yield


CONFIRMED = Registration.Status.CONFIRMED
WAITLISTED = Registration.Status.WAITLISTED
CANCELLED = Registration.Status.CANCELLED


def register(event, person, **kwargs) -> Registration:
    return registration_create(event=event, person=person, registered_by=person.user, **kwargs)


def test_registration_create_confirms_while_seats_are_left(event, world):
    person = person_of(world.owner)
    registration = register(event, person, access_needs="Rollstuhlgerecht")
    registration.refresh_from_db()
    assert registration.status == CONFIRMED
    assert registration.organisation == world.company
    assert registration.registered_by == world.owner
    assert registration.access_needs == "Rollstuhlgerecht"
    assert registration.consent_at is not None


def test_registration_create_waitlists_when_full(event):
    first, second, third = (register(event, new_person()) for _ in range(3))
    statuses = [r.status for r in (first, second, third)]
    assert statuses == [CONFIRMED, CONFIRMED, WAITLISTED]


def test_registration_create_twice_is_refused(event, world):
    register(event, person_of(world.owner))
    with pytest.raises(RegistrationError, match="already registered"):
        register(event, person_of(world.owner))
    assert Registration.objects.filter(event=event).count() == 1


def test_registration_create_after_cancellation_is_allowed(event, world):
    registration = register(event, person_of(world.owner))
    registration_cancel(registration=registration, cancelled_by=world.owner)
    again = register(event, person_of(world.owner))
    assert again.status == CONFIRMED
    assert Registration.objects.filter(event=event).count() == 2


@pytest.mark.parametrize("status", [Event.Status.DRAFT, Event.Status.CANCELLED])
def test_registration_create_refused_for_unpublished_event(event, world, status):
    Event.objects.filter(pk=event.pk).update(status=status)
    with pytest.raises(RegistrationError, match="not open for registration"):
        register(event, person_of(world.owner))
    assert not Registration.objects.exists()


def test_registration_create_refused_before_window_opens(event, world):
    Event.objects.filter(pk=event.pk).update(
        registration_opens_at=timezone.now() + dt.timedelta(days=1)
    )
    with pytest.raises(RegistrationError, match="not opened yet"):
        register(event, person_of(world.owner))


def test_registration_create_refused_after_window_closed(event, world):
    Event.objects.filter(pk=event.pk).update(
        registration_closes_at=timezone.now() - dt.timedelta(minutes=1)
    )
    with pytest.raises(RegistrationError, match="Registration is closed"):
        register(event, person_of(world.owner))


def test_registration_create_refused_after_event_started(event, world):
    start = timezone.now() - dt.timedelta(minutes=5)
    Event.objects.filter(pk=event.pk).update(starts_at=start, ends_at=start + dt.timedelta(hours=1))
    with pytest.raises(RegistrationError, match="Registration is closed"):
        register(event, person_of(world.owner))


def test_registration_create_refused_without_consent(event, world):
    with pytest.raises(RegistrationError, match="agree"):
        register(event, person_of(world.owner), consent=False)
    assert not Registration.objects.exists()


def test_registration_create_refused_over_organisation_limit(event, world):
    Event.objects.filter(pk=event.pk).update(seats_per_organisation=1, capacity=10)
    register(event, person_of(world.owner))
    with pytest.raises(RegistrationError, match="limit"):
        register(event, person_of(world.colleague))
    assert list(Registration.objects.values_list("person__user", flat=True)) == [world.owner.pk]


def test_organisation_limit_counts_waitlisted_but_not_cancelled(event, world):
    Event.objects.filter(pk=event.pk).update(seats_per_organisation=1, capacity=0)
    waiting = register(event, person_of(world.owner))
    assert waiting.status == WAITLISTED
    with pytest.raises(RegistrationError, match="limit"):
        register(event, person_of(world.colleague))
    registration_cancel(registration=waiting, cancelled_by=world.owner)
    assert register(event, person_of(world.colleague)).status == WAITLISTED


def test_registration_create_refused_for_overlapping_workshops(event, world):
    first = factories.WorkshopFactory(event=event)
    second = factories.WorkshopFactory(event=event, slot="Slot B", starts_at=first.starts_at)
    with pytest.raises(RegistrationError, match="overlap"):
        register(event, person_of(world.owner), workshops=[first, second])
    assert not Registration.objects.exists()
    assert not WorkshopChoice.objects.exists()


def test_registration_create_refused_for_workshop_of_other_event(event, world):
    foreign = factories.WorkshopFactory()
    with pytest.raises(RegistrationError, match="only workshops of this event"):
        register(event, person_of(world.owner), workshops=[foreign])
    assert not Registration.objects.exists()


def test_registration_create_books_workshops_in_sequence(event, world):
    morning = factories.WorkshopFactory(event=event, capacity=1)
    later = factories.WorkshopFactory(event=event, starts_at=morning.ends_at, capacity=1)
    first = register(event, person_of(world.owner), workshops=[morning, later])
    second = register(event, person_of(world.colleague), workshops=[morning])
    assert set(first.choices.values_list("status", flat=True)) == {CONFIRMED}
    assert list(second.choices.values_list("status", flat=True)) == [WAITLISTED]


def test_waitlisted_registration_waits_for_workshop_too(event, world):
    workshop = factories.WorkshopFactory(event=event, capacity=5)
    register(event, new_person())
    register(event, new_person())
    waiting = register(event, person_of(world.owner), workshops=[workshop])
    assert waiting.status == WAITLISTED
    assert list(waiting.choices.values_list("status", flat=True)) == [WAITLISTED]


def test_registration_cancel_promotes_first_waitlisted_in_order(event, world):
    first = register(event, new_person())
    register(event, new_person())
    first_waiting = register(event, new_person())
    second_waiting = register(event, new_person())
    registration_cancel(registration=first, cancelled_by=first.person.user)
    statuses = dict(Registration.objects.values_list("pk", "status"))
    assert statuses[first.pk] == CANCELLED
    assert statuses[first_waiting.pk] == CONFIRMED
    assert statuses[second_waiting.pk] == WAITLISTED


def test_waiting_list_order_follows_arrival_time(event, world):
    first = register(event, new_person())
    register(event, new_person())
    late_id = register(event, new_person())
    early_id = register(event, new_person())
    earlier = late_id.created_at - dt.timedelta(seconds=1)
    Registration.objects.filter(pk=early_id.pk).update(created_at=earlier)
    registration_cancel(registration=first, cancelled_by=first.person.user)
    statuses = dict(Registration.objects.values_list("pk", "status"))
    assert (statuses[early_id.pk], statuses[late_id.pk]) == (CONFIRMED, WAITLISTED)


def test_registration_cancel_promotes_into_freed_workshop_seat(event, world):
    Event.objects.filter(pk=event.pk).update(capacity=10)
    workshop = factories.WorkshopFactory(event=event, capacity=1)
    holder = register(event, person_of(world.owner), workshops=[workshop])
    waiting = register(event, person_of(world.colleague), workshops=[workshop])
    registration_cancel(registration=holder, cancelled_by=world.owner)
    assert list(holder.choices.values_list("status", flat=True)) == [CANCELLED]
    assert list(waiting.choices.values_list("status", flat=True)) == [CONFIRMED]


def test_promoted_registration_gets_free_workshop_seat(event, world):
    workshop = factories.WorkshopFactory(event=event, capacity=5)
    holder = register(event, new_person())
    register(event, new_person())
    waiting = register(event, person_of(world.owner), workshops=[workshop])
    registration_cancel(registration=holder, cancelled_by=holder.person.user)
    waiting.refresh_from_db()
    assert waiting.status == CONFIRMED
    assert list(waiting.choices.values_list("status", flat=True)) == [CONFIRMED]


def test_registration_cancel_refused_after_deadline(event, world):
    registration = register(event, person_of(world.owner))
    Event.objects.filter(pk=event.pk).update(
        cancellation_deadline=timezone.now() - dt.timedelta(minutes=1)
    )
    with pytest.raises(RegistrationError, match="deadline"):
        registration_cancel(registration=registration, cancelled_by=world.owner)
    registration.refresh_from_db()
    assert registration.status == CONFIRMED
    assert registration.cancelled_at is None


def test_registration_cancel_twice_is_refused(event, world):
    registration = register(event, person_of(world.owner))
    registration_cancel(registration=registration, cancelled_by=world.owner)
    with pytest.raises(RegistrationError, match="already cancelled"):
        registration_cancel(registration=registration, cancelled_by=world.owner)


def test_registration_cancel_records_who_and_when(event, world):
    registration = register(event, person_of(world.colleague))
    registration_cancel(registration=registration, cancelled_by=world.owner)
    registration.refresh_from_db()
    assert registration.status == CANCELLED
    assert registration.cancelled_by == world.owner
    assert registration.cancelled_at is not None
