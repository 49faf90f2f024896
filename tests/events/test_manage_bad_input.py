"""Bad input in the manager's event form: 400, the message next to the field, nothing saved."""

import datetime as dt

import pytest
from django.urls import reverse

from events.models import Event, EventSeries, Session
from tests import factories
from tests.events.manage_helpers import (
    as_user,
    berlin,
    error_of,
    event_data,
    person_row,
    session_row,
)

pytestmark = pytest.mark.django_db


def _create(client, data):
    return client.post(reverse("events:manage_create"), data)


BAD_EVENTS = [
    (
        {"ends_at": berlin("2099-06-18 17:00")},
        "ends_at",
        "The event must end after it starts.",
    ),
    (
        {
            "registration_opens_at": berlin("2099-06-10 12:00"),
            "registration_closes_at": berlin("2099-06-01 12:00"),
        },
        "registration_closes_at",
        "Registration must close after it opens.",
    ),
    (
        {"registration_opens_at": berlin("2099-06-18 18:00")},
        "registration_opens_at",
        "Registration must open before the event starts.",
    ),
    (
        {"registration_closes_at": berlin("2099-06-18 21:00")},
        "registration_closes_at",
        "Registration must close no later than the end of the event.",
    ),
    (
        {"cancellation_deadline": berlin("2099-06-18 18:00")},
        "cancellation_deadline",
        "The cancellation deadline must not be after the start of the event.",
    ),
    ({"format": "online"}, "online_url", "Online and hybrid events need an online link."),
    ({"format": "hybrid"}, "online_url", "Online and hybrid events need an online link."),
    ({"capacity": "-1"}, "capacity", "Ensure this value is greater than or equal to 0."),
    ({"title": ""}, "title", "This field is required."),
    ({"starts_at_1": "25:00"}, "starts_at", "Enter a valid time, e.g. 17:30."),
    (
        {"series": "__series__", "new_series": "Neu"},
        "new_series",
        "Choose a series or name a new one, not both.",
    ),
]


@pytest.mark.parametrize(("fields", "field", "message"), BAD_EVENTS)
def test_create_bad_input_shows_message_and_saves_nothing(client, world, fields, field, message):
    if fields.get("series") == "__series__":
        fields = {**fields, "series": factories.EventSeriesFactory().pk}
    data = _event_data_with(world, **fields)
    response = _create(as_user(client, world.manager), data)
    content = response.content.decode()
    assert response.status_code == 400
    assert error_of(content, field, message.replace("’", "&#x27;"))
    assert "Nothing has been saved yet. Please correct the marked fields." in content
    assert not Event.objects.exists()
    assert not EventSeries.objects.filter(name="Neu").exists()


def _event_data_with(world, **fields):
    datetimes = {k: v for k, v in fields.items() if isinstance(v, dt.datetime)}
    data = event_data([world.network.pk], **datetimes)
    data.update({k: v for k, v in fields.items() if k not in datetimes})
    return data


BAD_SESSIONS = [
    (
        session_row(0, title="Zu früh", starts="16:00", ends="17:00"),
        "sessions-0-starts",
        "The session must lie within the event (06/18/2099 5:30 p.m. – 06/18/2099 8 p.m.).",
    ),
    (
        session_row(0, title="Zu lang", starts="19:00", ends="21:00"),
        "sessions-0-starts",
        "The session must lie within the event (06/18/2099 5:30 p.m. – 06/18/2099 8 p.m.).",
    ),
    (
        session_row(0, title="Anderer Tag", day="2099-06-19", starts="18:00", ends="19:00"),
        "sessions-0-starts",
        "The session must lie within the event (06/18/2099 5:30 p.m. – 06/18/2099 8 p.m.).",
    ),
    (
        session_row(0, title="Rückwärts", starts="19:00", ends="18:00"),
        "sessions-0-ends",
        "The session must end after it starts.",
    ),
    (
        session_row(0, title="", starts="18:00", ends="19:00"),
        "sessions-0-title",
        "This field is required.",
    ),
]


@pytest.mark.parametrize(("row", "field", "message"), BAD_SESSIONS)
def test_create_with_bad_session_saves_nothing(client, world, row, field, message):
    data = event_data([world.network.pk], sessions=[row])
    response = _create(as_user(client, world.manager), data)
    assert response.status_code == 400
    assert error_of(response.content.decode(), field, message)
    assert not Event.objects.exists()
    assert not Session.objects.exists()


def test_create_with_person_without_name_saves_nothing(client, world):
    data = event_data([world.network.pk], people=[person_row(0, role="moderator", function="IHK")])
    response = _create(as_user(client, world.manager), data)
    assert response.status_code == 400
    assert error_of(response.content.decode(), "people-0-name", "Choose a person or enter a name.")
    assert not Event.objects.exists()


def test_create_with_person_at_an_empty_agenda_row_saves_nothing(client, world):
    data = event_data([world.network.pk], people=[person_row(0, name="Max Beispiel", session=2)])
    response = _create(as_user(client, world.manager), data)
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Event.objects.exists()


def test_hybrid_event_with_link_is_saved(client, world):
    data = _event_data_with(world, format="hybrid", online_url="https://konferenz.example.org/r7")
    assert _create(as_user(client, world.manager), data).status_code == 302
    assert Event.objects.get().online_url == "https://konferenz.example.org/r7"
