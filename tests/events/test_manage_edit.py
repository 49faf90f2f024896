"""Creating and changing events through the manager's form: what lands, and bad input."""

import datetime as dt

import pytest
from django.urls import reverse

from events.models import Event, EventPerson, EventSeries, Session
from network_portal.models import AuditEntry
from tests import factories
from tests.events.conftest import person_of
from tests.events.manage_helpers import (
    as_user,
    berlin,
    edit_data,
    error_of,
    event_data,
    person_row,
    rows_of,
    session_row,
)

pytestmark = pytest.mark.django_db
UTC = dt.UTC
CREATE = "events:manage_create"


def _create(client, data):
    return client.post(reverse(CREATE), data)


def _edit(client, event, data):
    return client.post(reverse("events:manage_edit", args=[event.pk]), data)


# --- Create -----------------------------------------------------------------------------


def test_create_saves_a_draft_with_agenda_and_people(client, world):
    audience = factories.NetworkFactory(name="VerpackungsCluster Göttingen")
    region = factories.RegionFactory(name="Ennepe-Ruhr-Kreis")
    sector = factories.SectorFactory(name="Metallverarbeitung")
    contact = person_of(world.owner)
    data = event_data(
        [world.network.pk],
        new_series="Wirtschaft trifft Wirtschaft",
        audience_networks=[audience.pk],
        open_to_all="on",
        host_organisation=world.company.pk,
        contact_person=contact.pk,
        region=region.pk,
        target_regions=[region.pk],
        target_sectors=[sector.pk],
        seats_per_organisation="2",
        registration_opens_at=berlin("2099-05-01 09:00"),
        registration_closes_at=berlin("2099-06-16 12:00"),
        cancellation_deadline=berlin("2099-06-17 12:00"),
        sessions=[
            session_row(0, title="Begrüßung", starts="17:30", ends="17:45", room="Foyer"),
            session_row(
                1,
                title="Werksführung",
                starts="17:45",
                ends="19:00",
                is_workshop="on",
                capacity="12",
                slot="A",
            ),
        ],
        people=[
            person_row(0, role="host", person=contact.pk),
            person_row(1, role="speaker", name="Dr. Erika Musterfrau", function="CEO", session=1),
        ],
    )
    response = _create(as_user(client, world.manager), data)
    assert response.status_code == 302
    assert response.url == reverse("events:manage_list")
    event = Event.objects.get()
    assert event.status == Event.Status.DRAFT
    assert event.sequence == 0
    assert event.title == "Wirtschaft trifft Wirtschaft bei Hesterberg"
    assert event.series == EventSeries.objects.get(name="Wirtschaft trifft Wirtschaft")
    assert event.starts_at == dt.datetime(2099, 6, 18, 15, 30, tzinfo=UTC)
    assert event.ends_at == dt.datetime(2099, 6, 18, 18, 0, tzinfo=UTC)
    assert event.registration_opens_at == dt.datetime(2099, 5, 1, 7, 0, tzinfo=UTC)
    assert event.registration_closes_at == dt.datetime(2099, 6, 16, 10, 0, tzinfo=UTC)
    assert event.cancellation_deadline == dt.datetime(2099, 6, 17, 10, 0, tzinfo=UTC)
    assert (event.capacity, event.seats_per_organisation) == (40, 2)
    assert (event.host_organisation, event.contact_person, event.region) == (
        world.company,
        contact,
        region,
    )
    assert list(event.organising_networks.all()) == [world.network]
    assert list(event.audience_networks.all()) == [audience]
    assert event.open_to_all
    assert list(event.target_regions.all()) == [region]
    assert list(event.target_sectors.all()) == [sector]
    sessions = list(
        event.sessions.values_list(
            "title", "starts_at", "ends_at", "is_workshop", "capacity", "slot", "room"
        )
    )
    assert sessions == [
        (
            "Begrüßung",
            dt.datetime(2099, 6, 18, 15, 30, tzinfo=UTC),
            dt.datetime(2099, 6, 18, 15, 45, tzinfo=UTC),
            False,
            None,
            "",
            "Foyer",
        ),
        (
            "Werksführung",
            dt.datetime(2099, 6, 18, 15, 45, tzinfo=UTC),
            dt.datetime(2099, 6, 18, 17, 0, tzinfo=UTC),
            True,
            12,
            "A",
            "",
        ),
    ]
    people = list(
        event.people.values_list("role", "person", "name", "function", "session__title", "position")
    )
    assert people == [
        ("host", contact.pk, "", "", None, 0),
        ("speaker", None, "Dr. Erika Musterfrau", "CEO", "Werksführung", 1),
    ]
    assert AuditEntry.objects.get(action="event.create").object_id == str(event.pk)


def test_create_reads_german_dates_as_berlin_winter_time(client, world):
    data = event_data([world.network.pk])
    data.update(
        {
            "starts_at_0": "14.01.2099",
            "starts_at_1": "18:00",
            "ends_at_0": "14.01.2099",
            "ends_at_1": "21:15",
        }
    )
    response = _create(as_user(client, world.manager, language="de"), data)
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.starts_at == dt.datetime(2099, 1, 14, 17, 0, tzinfo=UTC)
    assert event.ends_at == dt.datetime(2099, 1, 14, 20, 15, tzinfo=UTC)


def test_create_with_save_and_continue_opens_the_edit_form(client, world):
    data = {**event_data([world.network.pk]), "continue": "1"}
    response = _create(as_user(client, world.manager), data)
    event = Event.objects.get()
    assert response.url == reverse("events:manage_edit", args=[event.pk])
    page = client.get(response.url).content.decode()
    assert 'name="sessions-TOTAL_FORMS" value="3"' in page


def test_create_form_shows_labelled_date_and_time_inputs(client, world):
    page = as_user(client, world.manager).get(reverse(CREATE)).content.decode()
    assert '<legend>Starts <span class="required" aria-hidden="true">*</span></legend>' in page
    assert '<label for="id_starts_at_0">Date</label>' in page
    assert '<input type="date" name="starts_at_0"' in page
    assert '<label for="id_starts_at_1">Time</label>' in page
    assert '<input type="time" name="starts_at_1"' in page
    assert "<legend>Agenda item 1</legend>" in page


# --- Edit -------------------------------------------------------------------------------


@pytest.fixture
def planned(world) -> Event:
    event = factories.EventFactory(
        title="Unternehmerfrühstück",
        organising_networks=[world.network],
        starts_at=berlin("2099-03-05 08:00"),
        ends_at=berlin("2099-03-05 10:00"),
        capacity=20,
    )
    opening = factories.SessionFactory(
        event=event,
        title="Frühstück",
        starts_at=event.starts_at,
        ends_at=berlin("2099-03-05 08:30"),
    )
    factories.SessionFactory(
        event=event, title="Impuls", starts_at=berlin("2099-03-05 08:30"), ends_at=event.ends_at
    )
    factories.EventPersonFactory(event=event, session=opening, name="Anna Gastgeberin", role="host")
    return event


def test_edit_round_trip_changes_fields_agenda_and_people(client, world, planned):
    existing, _people = rows_of(planned)
    existing[1]["sessions-1-DELETE"] = "on"
    existing[0]["sessions-0-title"] = "Frühstück und Ankommen"
    data = edit_data(
        planned,
        title="Unternehmerfrühstück im März",
        starts_at=berlin("2099-03-05 07:30"),
        capacity="25",
        sessions=[
            *existing,
            session_row(
                2, title="Rundgang", starts="09:00", ends="10:00", is_workshop="on", capacity="8"
            ),
        ],
        people=[person_row(0, role="moderator", name="Max Beispiel", session=2)],
    )
    response = _edit(as_user(client, world.manager), planned, data)
    assert response.status_code == 302
    planned.refresh_from_db()
    assert planned.title == "Unternehmerfrühstück im März"
    assert planned.starts_at == dt.datetime(2099, 3, 5, 6, 30, tzinfo=UTC)
    assert planned.capacity == 25
    assert planned.sequence == 1
    assert planned.status == Event.Status.PUBLISHED
    assert list(planned.sessions.values_list("title", "is_workshop", "capacity")) == [
        ("Frühstück und Ankommen", False, None),
        ("Rundgang", True, 8),
    ]
    assert list(EventPerson.objects.values_list("name", "role", "session__title")) == [
        ("Max Beispiel", "moderator", "Rundgang")
    ]
    assert AuditEntry.objects.get(action="event.edit").details["fields"] == [
        "capacity",
        "starts_at",
        "title",
    ]


def test_edit_without_changes_keeps_sequence_and_rows(client, world, planned):
    sessions = list(planned.sessions.values_list("pk", "title", "starts_at", "ends_at"))
    response = _edit(as_user(client, world.manager), planned, edit_data(planned))
    assert response.status_code == 302
    planned.refresh_from_db()
    assert planned.sequence == 0
    assert list(planned.sessions.values_list("pk", "title", "starts_at", "ends_at")) == sessions
    assert list(planned.people.values_list("name", "session__title")) == [
        ("Anna Gastgeberin", "Frühstück")
    ]


def test_edit_of_description_keeps_sequence(client, world, planned):
    _edit(as_user(client, world.manager), planned, edit_data(planned, description="Mit Imbiss"))
    planned.refresh_from_db()
    assert (planned.description, planned.sequence) == ("Mit Imbiss", 0)


def _state(event: Event) -> dict:
    return {
        "title": event.title,
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "capacity": event.capacity,
        "sequence": event.sequence,
        "sessions": list(event.sessions.values_list("pk", "title", "starts_at", "ends_at")),
        "people": list(event.people.values_list("name", "session_id")),
    }


def _unchanged(event: Event, before: dict) -> bool:
    event.refresh_from_db()
    return _state(event) == before


def test_edit_with_end_before_start_saves_nothing(client, world, planned):
    before = _state(planned)
    data = edit_data(planned, title="Neu", ends_at=berlin("2099-03-05 07:00"))
    response = _edit(as_user(client, world.manager), planned, data)
    assert response.status_code == 400
    content = response.content.decode()
    assert error_of(content, "ends_at", "The event must end after it starts.")
    assert "<h1>Edit “Unternehmerfrühstück”</h1>" in content
    assert 'value="Neu"' in content
    assert _unchanged(planned, before)


def test_edit_moving_the_event_away_from_its_agenda_saves_nothing(client, world, planned):
    before = _state(planned)
    data = edit_data(
        planned, starts_at=berlin("2099-03-06 08:00"), ends_at=berlin("2099-03-06 10:00")
    )
    response = _edit(as_user(client, world.manager), planned, data)
    content = response.content.decode()
    assert response.status_code == 400
    message = "The session must lie within the event (03/06/2099 8 a.m. – 03/06/2099 10 a.m.)."
    assert error_of(content, "sessions-0-starts", message)
    assert error_of(content, "sessions-1-starts", message)
    assert _unchanged(planned, before)


def test_edit_refuses_a_session_of_another_event(client, world, planned):
    stranger = factories.SessionFactory(title="Fremd")
    before = _state(planned)
    rows, _people = rows_of(planned)
    rows[0]["sessions-0-id"] = stranger.pk
    response = _edit(as_user(client, world.manager), planned, edit_data(planned, sessions=rows))
    assert response.status_code == 400
    assert "This agenda item is not part of the event." in response.content.decode()
    assert _unchanged(planned, before)
    assert Session.objects.get(pk=stranger.pk).title == "Fremd"


def test_edit_of_co_organised_event_keeps_the_other_network(client, world):
    other = factories.NetworkFactory(name="MEKOM Osterode")
    event = factories.EventFactory(organising_networks=[world.network, other])
    page = as_user(client, world.manager).get(reverse("events:manage_edit", args=[event.pk]))
    assert "MEKOM Osterode" in page.content.decode()
    response = _edit(client, event, edit_data(event, organising_networks=[world.network.pk]))
    assert response.status_code == 302
    assert set(event.organising_networks.all()) == {world.network, other}


def test_edit_keeps_an_inactive_contact_person(client, world, planned):
    contact = person_of(world.colleague)
    contact.is_active = False
    contact.save()
    Event.objects.filter(pk=planned.pk).update(contact_person=contact)
    planned.refresh_from_db()
    for user in [world.manager, world.platform_admin]:
        response = _edit(as_user(client, user), planned, edit_data(planned))
        assert response.status_code == 302
    planned.refresh_from_db()
    assert planned.contact_person == contact
