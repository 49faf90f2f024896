"""Organisation admins register colleagues in one step: all or nothing, in form order."""

import datetime as dt

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from events.models import Event, Registration, WorkshopChoice
from events.services import registration_create
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
    """An event of ``world.network`` with 3 seats, closed to outsiders."""
    return factories.EventFactory(
        title="Lean-Seminar", organising_networks=[world.network], capacity=3, open_to_all=False
    )


def as_user(client, user=None):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    if user is not None:
        client.force_login(user)
    return client


def post(client, event: Event, data: dict):
    return client.post(reverse("events:register", args=[event.pk]), data)


def form_data(organisation, *, people=(), new=(), consent=True, **extra) -> dict:
    """The colleagues form: ticked ``people``, ``new`` rows as (first, last, e-mail)."""
    data = {"organisation": organisation.pk, **extra}
    for person in people:
        data[f"person_{person.pk}"] = "on"
    for index, (first_name, last_name, email) in enumerate(new):
        data[f"new_{index}_first_name"] = first_name
        data[f"new_{index}_last_name"] = last_name
        data[f"new_{index}_email"] = email
    if consent:
        data["consent"] = "on"
    return data


def nothing_saved(people_before: int) -> bool:
    return not Registration.objects.exists() and Person.objects.count() == people_before


# --- The form on the event page ----------------------------------------------------------


def test_admin_sees_colleagues_form_with_registered_people_marked(client, seminar, world):
    colleague = person_of(world.colleague)
    registration_create(event=seminar, person=colleague, registered_by=world.colleague)
    content = as_user(client, world.owner).get(seminar.get_absolute_url()).content.decode()
    owner = person_of(world.owner)
    assert "Register people of Hesterberg Testwerk GmbH" in content
    assert f'name="person_{owner.pk}"' in content
    assert f"{owner.full_name} (you)" in content
    assert f'name="person_{colleague.pk}"' not in content
    assert "Already registered" in content
    assert f"{colleague.full_name} – <span" in content
    assert 'name="new_2_email"' in content
    assert "I confirm that the colleagues I register agreed" in content


def test_staff_gets_only_the_form_for_themself(client, seminar, world):
    content = as_user(client, world.colleague).get(seminar.get_absolute_url()).content.decode()
    assert 'name="person"' in content
    assert "Register people of" not in content
    assert 'name="organisation"' not in content


def _page_queries(client, event) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(event.get_absolute_url()).status_code == 200
    return len(queries)


def test_colleagues_form_queries_do_not_grow_with_people_or_workshops(client, seminar, world):
    as_user(client, world.owner)
    factories.WorkshopFactory(event=seminar)
    registration_create(
        event=seminar, person=person_of(world.colleague), registered_by=world.colleague
    )
    few = _page_queries(client, seminar)
    for _ in range(10):
        person = factories.PersonFactory(organisation=world.company, user=None)
        registration_create(event=seminar, person=person, registered_by=world.owner)
        factories.PersonFactory(organisation=world.company, user=None)
        factories.WorkshopFactory(event=seminar)
    assert _page_queries(client, seminar) == few


# --- Registering -------------------------------------------------------------------------


def test_admin_registers_themself_colleague_and_new_people_in_order(client, seminar, world):
    Person.objects.filter(user=world.owner).update(last_name="Zander")
    Person.objects.filter(user=world.colleague).update(last_name="Adler")
    owner, colleague = person_of(world.owner), person_of(world.colleague)
    data = form_data(
        world.company,
        people=[owner, colleague],
        new=[("Anna", "Neu", "anna.neu@example.org"), ("Bernd", "Spät", "bernd@example.org")],
        **{f"person_{colleague.pk}_access_needs": "Rollstuhl"},
    )
    response = as_user(client, world.owner).post(
        reverse("events:register", args=[seminar.pk]), data, follow=True
    )
    assert response.status_code == 200
    assert "Registered: 3 confirmed, 1 on the waiting list." in response.content.decode()
    rows = list(
        Registration.objects.filter(event=seminar)
        .order_by("created_at", "id")
        .values_list("person__last_name", "status", "source", "registered_by", "access_needs")
    )
    assert rows == [  # in the form's order: people by name, then the new rows
        ("Adler", "confirmed", "colleague", world.owner.pk, "Rollstuhl"),
        ("Zander", "confirmed", "self", world.owner.pk, ""),
        ("Neu", "confirmed", "colleague", world.owner.pk, ""),
        ("Spät", "waitlisted", "colleague", world.owner.pk, ""),
    ]
    anna = Person.objects.get(email="anna.neu@example.org")
    assert (anna.organisation, anna.role, anna.first_name, anna.user) == (
        world.company,
        Person.Role.CONTACT,
        "Anna",
        None,
    )
    assert all(r.consent_at for r in Registration.objects.all())


def test_each_attendee_gets_their_own_workshops(client, seminar, world):
    morning = factories.WorkshopFactory(event=seminar, title="Lean", slot="Slot A")
    afternoon = factories.WorkshopFactory(
        event=seminar,
        title="Kanban",
        slot="Slot B",
        starts_at=seminar.starts_at + dt.timedelta(hours=1),
    )
    owner, colleague = person_of(world.owner), person_of(world.colleague)
    data = form_data(world.company, people=[owner, colleague])
    data[f"person_{owner.pk}_workshops"] = [morning.pk, afternoon.pk]
    data[f"person_{colleague.pk}_workshops"] = [afternoon.pk]
    response = post(as_user(client, world.owner), seminar, data)
    assert response.status_code == 302
    chosen = set(WorkshopChoice.objects.values_list("registration__person", "session", "status"))
    assert chosen == {
        (owner.pk, morning.pk, "confirmed"),
        (owner.pk, afternoon.pk, "confirmed"),
        (colleague.pk, afternoon.pk, "confirmed"),
    }


# --- Bad input: 400, the message, nothing saved -------------------------------------------


def _refused(client, world, event, data, message: str) -> None:
    before = Person.objects.count()
    response = post(as_user(client, world.owner), event, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert nothing_saved(before)


def test_invalid_email_of_new_colleague_refused(client, seminar, world):
    data = form_data(
        world.company,
        people=[person_of(world.colleague)],
        new=[("Anna", "Neu", "anna.neu@example")],
    )
    _refused(client, world, seminar, data, "Anna Neu: Enter a valid email address.")


def test_new_row_needs_every_name_and_email(client, seminar, world):
    data = form_data(world.company, new=[("Anna", "", "")])
    before = Person.objects.count()
    response = post(as_user(client, world.owner), seminar, data)
    content = response.content.decode()
    assert response.status_code == 400
    assert "Anna: Please enter the last name." in content
    assert "Anna: Please enter the e-mail address." in content
    assert nothing_saved(before)


def test_existing_person_entered_again_as_new_refused(client, seminar, world):
    colleague = person_of(world.colleague)
    data = form_data(world.company, new=[("Sabine", "Doppelt", colleague.email.upper())])
    message = f"{colleague.full_name} is in your organisation already: please tick them above."
    _refused(client, world, seminar, data, message)


def test_same_new_person_twice_refused(client, seminar, world):
    new = [("Anna", "Neu", "anna@example.org"), ("Anna", "Neu", "ANNA@example.org")]
    data = form_data(world.company, new=new)
    _refused(client, world, seminar, data, "This e-mail address is entered twice.")


def test_registered_person_entered_as_new_refused(client, seminar, world):
    colleague = person_of(world.colleague)
    registration_create(event=seminar, person=colleague, registered_by=world.colleague)
    data = form_data(world.company, new=[("Sabine", "Doppelt", colleague.email)])
    before = Person.objects.count()
    response = post(as_user(client, world.owner), seminar, data)
    assert response.status_code == 400
    assert f"{colleague.full_name} is already registered for this event." in (
        response.content.decode()
    )
    assert Person.objects.count() == before
    assert Registration.objects.count() == 1


def test_over_organisation_limit_refuses_all_and_names_the_attendee(client, seminar, world):
    Event.objects.filter(pk=seminar.pk).update(seats_per_organisation=2)
    data = form_data(
        world.company,
        people=[person_of(world.owner), person_of(world.colleague)],
        new=[("Anna", "Neu", "anna@example.org")],
    )
    message = "Anna Neu: Your organisation has reached its limit of registrations for this event."
    _refused(client, world, seminar, data, message)


def test_overlapping_workshops_refused(client, seminar, world):
    first = factories.WorkshopFactory(event=seminar, slot="Slot A")
    second = factories.WorkshopFactory(event=seminar, slot="Slot A")
    owner = person_of(world.owner)
    data = form_data(world.company, people=[owner])
    data[f"person_{owner.pk}_workshops"] = [first.pk, second.pk]
    _refused(client, world, seminar, data, "Please choose workshops that do not overlap in time.")


def test_workshop_of_another_event_refused(client, seminar, world):
    factories.WorkshopFactory(event=seminar)
    foreign = factories.WorkshopFactory()
    owner = person_of(world.owner)
    data = form_data(world.company, people=[owner])
    data[f"person_{owner.pk}_workshops"] = [foreign.pk]
    _refused(client, world, seminar, data, "is not one of the available choices.")


def test_choices_without_ticking_the_person_refused(client, seminar, world):
    colleague = person_of(world.colleague)
    data = form_data(world.company, people=[person_of(world.owner)])
    data[f"person_{colleague.pk}_access_needs"] = "Gebärdensprache"
    message = f"Tick {colleague.full_name} to register them, or clear their choices."
    _refused(client, world, seminar, data, message)


def test_nobody_chosen_refused(client, seminar, world):
    _refused(client, world, seminar, form_data(world.company), "Please choose at least one")


def test_missing_consent_refused(client, seminar, world):
    data = form_data(world.company, people=[person_of(world.owner)], consent=False)
    _refused(client, world, seminar, data, "This field is required.")


def test_closed_window_refused(client, seminar, world):
    Event.objects.filter(pk=seminar.pk).update(
        registration_closes_at=timezone.now() - dt.timedelta(hours=1)
    )
    data = form_data(world.company, people=[person_of(world.owner)])
    _refused(client, world, seminar, data, "Registration is closed.")
    page = as_user(client, world.owner).get(seminar.get_absolute_url()).content.decode()
    assert "Registration closed on" in page
    assert "Register people of" not in page


def test_window_not_open_yet_refused(client, seminar, world):
    opens = timezone.now() + dt.timedelta(days=2)
    Event.objects.filter(pk=seminar.pk).update(registration_opens_at=opens)
    data = form_data(world.company, people=[person_of(world.owner)])
    _refused(client, world, seminar, data, "Registration has not opened yet.")
    page = as_user(client, world.owner).get(seminar.get_absolute_url()).content.decode()
    assert "Registration opens on" in page
    assert "Register people of" not in page


def test_cancelled_event_refused(client, seminar, world):
    Event.objects.filter(pk=seminar.pk).update(status=Event.Status.CANCELLED)
    data = form_data(world.company, people=[person_of(world.owner)])
    _refused(client, world, seminar, data, "This event is not open for registration.")


def test_draft_event_not_found(client, seminar, world):
    Event.objects.filter(pk=seminar.pk).update(status=Event.Status.DRAFT)
    data = form_data(world.company, people=[person_of(world.owner)])
    assert post(as_user(client, world.owner), seminar, data).status_code == 404
    assert not Registration.objects.exists()


def test_organisation_outside_audience_refused(client, world):
    other_network = factories.NetworkFactory()
    event = factories.EventFactory(organising_networks=[other_network], open_to_all=False)
    data = form_data(world.company, people=[person_of(world.owner)])
    message = "Only members of the networks this event is meant for may register"
    _refused(client, world, event, data, message)


# --- Permissions -------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["colleague", "outsider", "manager", "partner", "other_manager"])
def test_only_admins_register_colleagues(client, seminar, world, role):
    data = form_data(world.company, people=[person_of(world.owner)])
    response = post(as_user(client, getattr(world, role)), seminar, data)
    assert response.status_code == 403
    assert not Registration.objects.exists()


def test_admin_of_another_organisation_cannot_register_our_people(client, seminar, world):
    rival = factories.OrganisationFactory(name="Wettbewerb GmbH")
    factories.MembershipFactory(organisation=rival, network=world.network)
    rival_admin = factories.PersonFactory(organisation=rival, role=Person.Role.ADMIN).user
    ours = [person_of(world.owner), person_of(world.colleague)]
    client = as_user(client, rival_admin)
    as_ours = post(client, seminar, form_data(world.company, people=ours))
    as_theirs = post(client, seminar, form_data(rival, people=ours))
    assert as_ours.status_code == 403
    assert as_theirs.status_code == 400
    assert "Please choose at least one person to register." in as_theirs.content.decode()
    assert not Registration.objects.exists()


def test_colleagues_registration_requires_sign_in(client, seminar, world):
    response = post(client, seminar, form_data(world.company, people=[person_of(world.owner)]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not Registration.objects.exists()
