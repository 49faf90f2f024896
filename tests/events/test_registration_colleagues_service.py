"""The colleagues service: all or nothing, its rules, and its order under concurrency."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.utils import translation

from events.models import Event, Registration
from events.services import (
    Attendee,
    AttendeeError,
    RegistrationError,
    registration_create,
    registrations_create_for_colleagues,
)
from members.models import Person
from tests import factories
from tests.events.conftest import person_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_messages():
    """The rule messages are asserted in their English source form."""
    with translation.override("en"):
        yield


@pytest.fixture
def seminar(world) -> Event:
    return factories.EventFactory(
        organising_networks=[world.network], capacity=3, open_to_all=False
    )


# --- The service -------------------------------------------------------------------------


def test_service_refuses_staff(seminar, world):
    with pytest.raises(RegistrationError, match="Only an admin of the organisation"):
        registrations_create_for_colleagues(
            event=seminar,
            organisation=world.company,
            attendees=[Attendee(person=person_of(world.owner))],
            registered_by=world.colleague,
            consent=True,
        )
    assert not Registration.objects.exists()


def test_service_refuses_person_of_another_organisation(seminar, world):
    stranger = factories.PersonFactory()
    attendees = [Attendee(person=person_of(world.owner)), Attendee(person=stranger)]
    with pytest.raises(AttendeeError) as refused:
        registrations_create_for_colleagues(
            event=seminar,
            organisation=world.company,
            attendees=attendees,
            registered_by=world.owner,
            consent=True,
        )
    assert (refused.value.index, refused.value.name) == (1, stranger.full_name)
    assert not Registration.objects.exists()


def test_service_refuses_already_registered_and_saves_nothing(seminar, world):
    colleague = person_of(world.colleague)
    registration_create(event=seminar, person=colleague, registered_by=world.colleague)
    attendees = [
        Attendee(first_name="Anna", last_name="Neu", email="anna@example.org"),
        Attendee(person=colleague),
    ]
    with pytest.raises(AttendeeError, match="already registered") as refused:
        registrations_create_for_colleagues(
            event=seminar,
            organisation=world.company,
            attendees=attendees,
            registered_by=world.owner,
            consent=True,
        )
    assert refused.value.index == 1
    assert Registration.objects.count() == 1
    assert not Person.objects.filter(email="anna@example.org").exists()


def test_service_refuses_invalid_email_and_same_person_twice(seminar, world):
    owner = person_of(world.owner)
    for attendees, message in [
        ([Attendee(first_name="A", last_name="B", email="kein-mail")], "valid e-mail"),
        ([Attendee(person=owner), Attendee(person=owner)], "listed twice"),
    ]:
        with pytest.raises(AttendeeError, match=message):
            registrations_create_for_colleagues(
                event=seminar,
                organisation=world.company,
                attendees=attendees,
                registered_by=world.owner,
                consent=True,
            )
    assert not Registration.objects.exists()


# --- Concurrency -------------------------------------------------------------------------


def _company_admin(network):
    company = factories.OrganisationFactory()
    factories.MembershipFactory(organisation=company, network=network)
    return factories.PersonFactory(organisation=company, role=Person.Role.ADMIN)


@pytest.mark.django_db(transaction=True)
def test_two_admins_batches_for_the_last_seats_never_exceed_capacity():
    network = factories.NetworkFactory()
    event = factories.EventFactory(organising_networks=[network], capacity=10, open_to_all=False)
    for _ in range(4):
        early = _company_admin(network)
        registration_create(event=event, person=early, registered_by=early.user)
    admins = [_company_admin(network) for _ in range(2)]
    start = threading.Barrier(len(admins))

    def register_five(admin: Person) -> list[Registration]:
        attendees = [
            Attendee(
                first_name="Kollegin", last_name=f"{admin.pk}-{n}", email=f"k{n}@{admin.pk}.de"
            )
            for n in range(5)
        ]
        try:
            start.wait(timeout=10)
            return registrations_create_for_colleagues(
                event=event,
                organisation=admin.organisation,
                attendees=attendees,
                registered_by=admin.user,
                consent=True,
            )
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(admins)) as pool:
        batches = [f.result() for f in [pool.submit(register_five, a) for a in admins]]

    statuses = Registration.objects.filter(event=event).values_list("status", flat=True)
    assert statuses.filter(status="confirmed").count() == 10
    assert statuses.filter(status="waitlisted").count() == 4
    stored = [[Registration.objects.get(pk=r.pk).status for r in batch] for batch in batches]
    assert sorted(stored) == [
        ["confirmed"] * 5,
        ["confirmed"] + ["waitlisted"] * 4,
    ]
