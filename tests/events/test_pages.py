"""Event pages through HTTP: list, detail, registration, cancellation, "My events"."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.models import Event, Registration
from events.services import registration_create
from tests import factories
from tests.events.conftest import person_of
from tests.members.helpers import user_of

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def as_user(client, user=None, language: str = "en"):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    if user is not None:
        client.force_login(user)
    return client


def register(event, person, **kwargs) -> Registration:
    return registration_create(event=event, person=person, registered_by=person.user, **kwargs)


# --- List --------------------------------------------------------------------------------


def test_event_list_shows_upcoming_published_events(client, event, world):
    factories.EventFactory(title="Entwurf", status=Event.Status.DRAFT)
    past = timezone.now() - dt.timedelta(days=3)
    factories.EventFactory(title="Vorbei", starts_at=past, ends_at=past + dt.timedelta(hours=1))
    response = as_user(client).get(reverse("events:list"))
    content = response.content.decode()
    assert response.status_code == 200
    assert f'<a href="{event.get_absolute_url()}">{event.title}</a>' in content
    assert "2 seats left" in content
    assert "Entwurf" not in content
    assert "Vorbei" not in content


def test_event_list_shows_waiting_list_when_full(client, event):
    register(event, factories.PersonFactory())
    register(event, factories.PersonFactory())
    content = as_user(client).get(reverse("events:list")).content.decode()
    assert "Waiting list" in content
    assert "seats left" not in content


def test_event_list_filters_by_network_and_format(client, event, world):
    other = factories.EventFactory(title="Online-Seminar", format=Event.Format.ONLINE)
    url = reverse("events:list")
    by_network = as_user(client).get(url, {"network": world.network.pk}).content.decode()
    by_format = client.get(url, {"format": "online"}).content.decode()
    assert event.title in by_network
    assert other.title not in by_network
    assert other.title in by_format
    assert event.title not in by_format


def test_event_list_shows_german_dates(client, world):
    start = dt.datetime(2099, 6, 18, 17, 30, tzinfo=BERLIN)
    factories.EventFactory(starts_at=start, ends_at=start + dt.timedelta(hours=2))
    content = as_user(client, language="de").get(reverse("events:list")).content.decode()
    assert "Donnerstag, 18. Juni 2099, 17:30" in content


def _list_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("events:list")).status_code == 200
    return len(queries)


def test_event_list_query_count_does_not_grow_with_events(client, world):
    as_user(client, world.owner)
    factories.EventFactory(organising_networks=[world.network])
    one = _list_queries(client)
    for _ in range(10):
        event = factories.EventFactory(organising_networks=[world.network])
        register(event, factories.PersonFactory())
    assert _list_queries(client) == one


# --- Detail ------------------------------------------------------------------------------


def test_event_page_shows_agenda_speakers_and_seats(client, event, world):
    workshop = factories.WorkshopFactory(event=event, title="Lean im Mittelstand", capacity=3)
    factories.EventPersonFactory(event=event, name="Dr. Erika Musterfrau")
    factories.EventPersonFactory(event=event, session=workshop, name="Max Beispiel")
    content = as_user(client).get(event.get_absolute_url()).content.decode()
    assert f"<h1>{event.title}</h1>" in content
    assert "Dr. Erika Musterfrau, Geschäftsführerin (speaker)" in content
    assert "Lean im Mittelstand" in content
    assert "Max Beispiel" in content
    assert "3 seats left" in content
    assert "2 seats left" in content
    assert "sign in</a> to register" in content


@pytest.mark.parametrize("role", ["anonymous", "outsider", "owner", "other_manager"])
def test_draft_event_hidden_from_non_managers(client, event, world, role):
    Event.objects.filter(pk=event.pk).update(status=Event.Status.DRAFT)
    user = None if role == "anonymous" else user_of(world, role)
    assert as_user(client, user).get(event.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("role", ["manager", "platform_admin"])
def test_draft_event_shown_to_managers(client, event, world, role):
    Event.objects.filter(pk=event.pk).update(status=Event.Status.DRAFT)
    response = as_user(client, user_of(world, role)).get(event.get_absolute_url())
    assert response.status_code == 200
    assert "Draft – not published yet" in response.content.decode()


def test_online_link_only_for_confirmed_attendees(client, event, world):
    Event.objects.filter(pk=event.pk).update(
        format=Event.Format.HYBRID, online_url="https://konferenz.example.org/raum-7", capacity=1
    )
    register(event, person_of(world.owner))
    register(event, person_of(world.colleague))
    link = "https://konferenz.example.org/raum-7"
    assert link in as_user(client, world.owner).get(event.get_absolute_url()).content.decode()
    waiting = as_user(client, world.colleague).get(event.get_absolute_url()).content.decode()
    assert link not in waiting
    assert "You are on the waiting list (position 1)." in waiting
    client.logout()
    assert link not in client.get(event.get_absolute_url()).content.decode()


# --- Register ----------------------------------------------------------------------------


def test_register_form_registers_with_workshop(client, event, world):
    workshop = factories.WorkshopFactory(event=event)
    person = person_of(world.owner)
    data = {"person": person.pk, "workshops": [workshop.pk], "consent": "on"}
    response = as_user(client, world.owner).post(reverse("events:register", args=[event.pk]), data)
    assert response.status_code == 302
    registration = Registration.objects.get(event=event)
    assert (registration.person, registration.status) == (person, "confirmed")
    assert list(registration.workshops.all()) == [workshop]
    page = client.get(event.get_absolute_url()).content.decode()
    assert "You are registered. We look forward to seeing you." in page


def test_register_form_without_consent_shows_error(client, event, world):
    data = {"person": person_of(world.owner).pk}
    response = as_user(client, world.owner).post(reverse("events:register", args=[event.pk]), data)
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not Registration.objects.exists()


def test_register_twice_shows_rule_message(client, event, world):
    person = person_of(world.owner)
    register(event, person)
    data = {"person": person.pk, "consent": "on"}
    response = as_user(client, world.owner).post(reverse("events:register", args=[event.pk]), data)
    assert response.status_code == 400
    assert "This person is already registered for the event." in response.content.decode()


def test_register_refuses_someone_elses_person(client, event, world):
    data = {"person": person_of(world.colleague).pk, "consent": "on"}
    response = as_user(client, world.owner).post(reverse("events:register", args=[event.pk]), data)
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_register_requires_sign_in(client, event):
    response = client.post(reverse("events:register", args=[event.pk]), {"consent": "on"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


# --- Cancel ------------------------------------------------------------------------------

MAY_CANCEL = ["attendee", "owner", "manager", "platform_admin"]
MAY_NOT_CANCEL = ["colleague", "outsider", "other_manager", "partner"]


@pytest.fixture
def attendee_registration(event, world) -> Registration:
    attendee = factories.PersonFactory(organisation=world.company)
    return register(event, attendee)


def _user(world, registration, role: str):
    return registration.person.user if role == "attendee" else user_of(world, role)


@pytest.mark.parametrize("role", MAY_CANCEL)
def test_cancel_page_shown_to_allowed_roles(client, world, attendee_registration, role):
    url = reverse("events:registration_cancel", args=[attendee_registration.pk])
    response = as_user(client, _user(world, attendee_registration, role)).get(url)
    assert response.status_code == 200
    assert "Yes, cancel the registration" in response.content.decode()


@pytest.mark.parametrize("role", MAY_CANCEL)
def test_cancel_post_cancels_for_allowed_roles(client, world, attendee_registration, role):
    url = reverse("events:registration_cancel", args=[attendee_registration.pk])
    response = as_user(client, _user(world, attendee_registration, role)).post(url)
    assert response.status_code == 302
    attendee_registration.refresh_from_db()
    assert attendee_registration.status == Registration.Status.CANCELLED


@pytest.mark.parametrize("role", MAY_NOT_CANCEL)
def test_cancel_refused_to_other_roles(client, world, attendee_registration, role):
    url = reverse("events:registration_cancel", args=[attendee_registration.pk])
    client = as_user(client, user_of(world, role))
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    attendee_registration.refresh_from_db()
    assert attendee_registration.status == Registration.Status.CONFIRMED


def test_cancel_requires_sign_in(client, attendee_registration):
    url = reverse("events:registration_cancel", args=[attendee_registration.pk])
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    attendee_registration.refresh_from_db()
    assert attendee_registration.status == Registration.Status.CONFIRMED


def test_cancel_after_deadline_shows_message(client, world, attendee_registration):
    Event.objects.filter(pk=attendee_registration.event_id).update(
        cancellation_deadline=timezone.now() - dt.timedelta(hours=1)
    )
    url = reverse("events:registration_cancel", args=[attendee_registration.pk])
    response = as_user(client, world.owner).post(url)
    assert response.status_code == 400
    assert "The cancellation deadline has passed." in response.content.decode()


# --- My events ---------------------------------------------------------------------------


def test_my_events_lists_own_registrations(client, event, world):
    register(event, person_of(world.owner))
    other = factories.EventFactory(title="Nicht meins")
    register(other, person_of(world.colleague))
    response = as_user(client, world.owner).get(reverse("events:mine"))
    content = response.content.decode()
    assert response.status_code == 200
    assert event.title in content
    assert "Confirmed" in content
    assert "Nicht meins" not in content


def test_my_events_requires_sign_in(client):
    response = client.get(reverse("events:mine"))
    assert response.status_code == 302
