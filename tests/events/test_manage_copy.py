"""Copying an event (the common case for a series) and publishing a draft."""

import datetime as dt

import pytest
from django.urls import reverse

from events.models import Event
from network_portal.models import AuditEntry
from tests import factories
from tests.events.conftest import person_of
from tests.events.manage_helpers import as_user, berlin, form_of

pytestmark = pytest.mark.django_db
UTC = dt.UTC


@pytest.fixture
def series_event(world) -> Event:
    """A June evening of the series with a registration window, agenda, speakers."""
    region = factories.RegionFactory(name="Ennepe-Ruhr-Kreis")
    event = factories.EventFactory(
        title="Wirtschaft trifft Wirtschaft",
        series=factories.EventSeriesFactory(),
        organising_networks=[world.network],
        host_organisation=world.company,
        contact_person=person_of(world.owner),
        region=region,
        starts_at=berlin("2099-06-18 17:30"),
        ends_at=berlin("2099-06-18 20:00"),
        registration_opens_at=berlin("2099-05-18 09:00"),
        registration_closes_at=berlin("2099-06-16 12:00"),
        cancellation_deadline=berlin("2099-06-17 12:00"),
        capacity=35,
        seats_per_organisation=3,
        description="Betriebsbesichtigung",
    )
    event.audience_networks.set([factories.NetworkFactory(name="Netzwerk Produktion")])
    event.target_regions.set([region])
    tour = factories.WorkshopFactory(
        event=event,
        title="Werksführung",
        starts_at=berlin("2099-06-18 18:00"),
        ends_at=berlin("2099-06-18 19:00"),
        capacity=15,
        room="Halle 2",
    )
    factories.EventPersonFactory(event=event, name="Frank Hesterberg", role="host")
    factories.EventPersonFactory(event=event, session=tour, name="Dr. Erika Musterfrau")
    factories.RegistrationFactory(event=event)
    return event


def _copy_url(event: Event) -> str:
    return reverse("events:manage_copy", args=[event.pk])


def test_copy_asks_for_the_new_date_first(client, world, series_event):
    response = as_user(client, world.manager).get(_copy_url(series_event))
    content = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Copy “Wirtschaft trifft Wirtschaft”</h1>" in content
    assert '<input type="date" name="starts_on"' in content
    assert Event.objects.count() == 1


def test_copy_form_is_prefilled_and_moved_to_the_new_date(client, world, series_event):
    response = as_user(client, world.manager).get(
        _copy_url(series_event), {"starts_on": "2099-09-10"}
    )
    form = form_of(response.content.decode())
    assert response.status_code == 200
    assert form["title"] == ["Wirtschaft trifft Wirtschaft"]
    assert form["starts_at_0"] == ["2099-09-10"]
    assert form["starts_at_1"] == ["17:30"]
    assert form["registration_closes_at_0"] == ["2099-09-08"]
    assert form["sessions-0-day"] == ["2099-09-10"]
    assert form["sessions-0-starts"] == ["18:00"]
    assert form["sessions-0-id"] == [""]
    assert form["capacity"] == ["35"]
    assert form["people-1-session"] == ["0"]
    assert Event.objects.count() == 1


def test_copy_saves_a_new_draft_with_everything_moved(client, world, series_event):
    as_user(client, world.manager)
    page = client.get(_copy_url(series_event), {"starts_on": "2099-12-03"})
    response = client.post(_copy_url(series_event), form_of(page.content.decode()))
    assert response.status_code == 302
    copy = Event.objects.exclude(pk=series_event.pk).get()
    assert copy.status == Event.Status.DRAFT
    assert copy.sequence == 0
    # December is winter time: 17:30 in Berlin is 16:30 UTC.
    assert copy.starts_at == dt.datetime(2099, 12, 3, 16, 30, tzinfo=UTC)
    assert copy.ends_at == dt.datetime(2099, 12, 3, 19, 0, tzinfo=UTC)
    # The window and deadline keep their clock times, 168 days later.
    assert copy.registration_opens_at == berlin("2099-11-02 09:00")
    assert copy.registration_closes_at == berlin("2099-12-01 12:00")
    assert copy.cancellation_deadline == berlin("2099-12-02 12:00")
    same = ["title", "series", "host_organisation", "contact_person", "region", "venue"]
    same += ["address", "capacity", "seats_per_organisation", "description", "format"]
    for field in same:
        assert getattr(copy, field) == getattr(series_event, field), field
    assert list(copy.organising_networks.all()) == [world.network]
    assert list(copy.audience_networks.all()) == list(series_event.audience_networks.all())
    assert list(copy.target_regions.all()) == list(series_event.target_regions.all())
    (tour,) = copy.sessions.all()
    assert (tour.title, tour.is_workshop, tour.capacity, tour.room) == (
        "Werksführung",
        True,
        15,
        "Halle 2",
    )
    assert tour.starts_at == dt.datetime(2099, 12, 3, 17, 0, tzinfo=UTC)
    assert tour.ends_at == dt.datetime(2099, 12, 3, 18, 0, tzinfo=UTC)
    assert list(copy.people.values_list("name", "role", "session")) == [
        ("Frank Hesterberg", "host", None),
        ("Dr. Erika Musterfrau", "speaker", tour.pk),
    ]
    assert not copy.registrations.exists()
    assert series_event.sessions.count() == 1
    assert series_event.registrations.count() == 1


def test_copy_with_a_new_start_time_moves_the_agenda_with_it(client, world, series_event):
    as_user(client, world.manager)
    page = client.get(_copy_url(series_event), {"starts_on": "2099-07-02", "starts_time": "16:00"})
    form = form_of(page.content.decode())
    assert (form["starts_at_1"], form["ends_at_1"]) == (["16:00"], ["18:30"])
    assert (form["sessions-0-starts"], form["sessions-0-ends"]) == (["16:30"], ["17:30"])


def test_copy_with_an_invalid_date_asks_again(client, world, series_event):
    response = as_user(client, world.manager).get(
        _copy_url(series_event), {"starts_on": "31.02.2099"}
    )
    assert response.status_code == 400
    assert '<ul class="errorlist" id="id_starts_on_error"><li>Enter a valid date.</li></ul>' in (
        response.content.decode()
    )
    assert Event.objects.count() == 1


def test_copy_with_bad_input_saves_nothing(client, world, series_event):
    as_user(client, world.manager)
    form = form_of(
        client.get(_copy_url(series_event), {"starts_on": "2099-09-10"}).content.decode()
    )
    form["ends_at_1"] = ["17:00"]
    response = client.post(_copy_url(series_event), form)
    assert response.status_code == 400
    assert "The event must end after it starts." in response.content.decode()
    assert Event.objects.count() == 1


def test_copy_can_drop_an_agenda_item(client, world, series_event):
    as_user(client, world.manager)
    form = form_of(
        client.get(_copy_url(series_event), {"starts_on": "2099-09-10"}).content.decode()
    )
    form["sessions-0-DELETE"] = ["on"]
    form["people-1-session"] = [""]
    assert client.post(_copy_url(series_event), form).status_code == 302
    copy = Event.objects.exclude(pk=series_event.pk).get()
    assert not copy.sessions.exists()
    assert copy.people.count() == 2


def test_edit_form_round_trips_unchanged(client, world, series_event):
    """What the edit page shows, sent back as it is, changes nothing."""
    as_user(client, world.manager)
    url = reverse("events:manage_edit", args=[series_event.pk])
    before = list(Event.objects.filter(pk=series_event.pk).values())
    sessions = list(series_event.sessions.values())
    response = client.post(url, form_of(client.get(url).content.decode()))
    assert response.status_code == 302
    after = list(Event.objects.filter(pk=series_event.pk).values())
    assert [dict(row, updated_at=None) for row in after] == [
        dict(row, updated_at=None) for row in before
    ]
    assert list(series_event.sessions.values()) == sessions
    assert series_event.people.count() == 2


# --- Publish ----------------------------------------------------------------------------


def test_publish_makes_a_draft_public_and_raises_sequence(client, world):
    draft = factories.EventFactory(
        title="Auftakt", status=Event.Status.DRAFT, organising_networks=[world.network]
    )
    as_user(client, world.manager)
    response = client.post(reverse("events:manage_publish", args=[draft.pk]), follow=True)
    draft.refresh_from_db()
    assert (draft.status, draft.sequence) == (Event.Status.PUBLISHED, 1)
    assert "“Auftakt” is published." in response.content.decode()
    assert AuditEntry.objects.get(action="event.publish").object_id == str(draft.pk)
    assert "Auftakt" in client.get(reverse("events:list")).content.decode()


@pytest.mark.parametrize("status", [Event.Status.PUBLISHED, Event.Status.CANCELLED])
def test_publish_refused_for_events_that_are_not_drafts(client, world, status):
    event = factories.EventFactory(status=status, organising_networks=[world.network])
    as_user(client, world.manager)
    response = client.post(reverse("events:manage_publish", args=[event.pk]), follow=True)
    event.refresh_from_db()
    assert (event.status, event.sequence) == (status, 0)
    assert "Only a draft can be published." in response.content.decode()
