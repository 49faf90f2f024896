"""iCalendar: the single event download, the feeds, SEQUENCE and the Berlin time zone."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from events.models import Event
from events.services import event_update
from tests import factories

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")
ONLINE_URL = "https://meet.example.org/geheim-123"


@pytest.fixture(autouse=True)
def english_site(client, settings):
    settings.SITE_URL = "https://portal.example"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def get_calendar(client, url: str) -> Calendar:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def event_ics(client, event: Event) -> Calendar:
    return get_calendar(client, reverse("events:ics", kwargs={"pk": event.pk}))


def vevents(calendar: Calendar) -> dict:
    return {str(vevent["SUMMARY"]): vevent for vevent in calendar.walk("VEVENT")}


def online_event(**kwargs) -> Event:
    return factories.EventFactory(
        format=Event.Format.ONLINE, venue="", address="", online_url=ONLINE_URL, **kwargs
    )


# --- Single event ---------------------------------------------------------------------------


def test_event_ics_is_a_download_with_the_event(client, event):
    response = client.get(reverse("events:ics", kwargs={"pk": event.pk}))
    vevent = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="veranstaltung-{event.pk}.ics"'
    )
    assert str(vevent["UID"]) == f"event-{event.pk}@portal.example"
    assert str(vevent["SUMMARY"]) == "Wirtschaft trifft Wirtschaft im Juni"
    assert str(vevent["LOCATION"]) == f"{event.venue}, {event.address}"
    assert event.address == "Universitätsstraße 142, 44799 Bochum"
    assert str(vevent["URL"]) == f"https://portal.example/veranstaltungen/{event.pk}/"
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert vevent.decoded("SEQUENCE") == 0
    assert vevent.decoded("DTSTAMP") == event.updated_at.replace(microsecond=0)


def test_event_ics_uid_is_stable_across_requests(client, event):
    first = event_ics(client, event).walk("VEVENT")[0]
    event_update(event=event, title="Neuer Titel")
    second = event_ics(client, event).walk("VEVENT")[0]
    assert str(second["UID"]) == str(first["UID"]) == f"event-{event.pk}@portal.example"


@pytest.mark.parametrize(
    "local_start",
    [dt.datetime(2027, 7, 1, 18, 0, tzinfo=BERLIN), dt.datetime(2027, 1, 14, 18, 0, tzinfo=BERLIN)],
    ids=["summer", "winter"],
)
def test_event_ics_dtstart_is_berlin_local_time(client, local_start):
    starts_at = local_start
    event = factories.EventFactory(starts_at=starts_at, ends_at=starts_at + dt.timedelta(hours=2))
    vevent = event_ics(client, event).walk("VEVENT")[0]
    assert vevent["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert vevent["DTSTART"].to_ical() == local_start.strftime("%Y%m%dT%H%M%S").encode()
    assert vevent.decoded("DTSTART") == event.starts_at
    assert vevent.decoded("DTEND") == event.ends_at


def test_event_ics_has_berlin_timezone_with_daylight_saving(client, event):
    calendar = event_ics(client, event)
    (vtimezone,) = calendar.walk("VTIMEZONE")
    tz = vtimezone.to_tz()
    assert str(vtimezone["TZID"]) == "Europe/Berlin"
    assert sorted(sub.name for sub in vtimezone.subcomponents) == ["DAYLIGHT", "STANDARD"]
    assert dt.datetime(2030, 7, 1, 12, tzinfo=tz).utcoffset() == dt.timedelta(hours=2)
    assert dt.datetime(2030, 1, 15, 12, tzinfo=tz).utcoffset() == dt.timedelta(hours=1)
    assert dt.datetime(2030, 3, 31, 3, 30, tzinfo=tz).utcoffset() == dt.timedelta(hours=2)
    assert dt.datetime(2030, 3, 31, 1, 30, tzinfo=tz).utcoffset() == dt.timedelta(hours=1)


def test_event_ics_of_cancelled_event_has_status_cancelled(client, event):
    event_update(event=event, status=Event.Status.CANCELLED)
    vevent = event_ics(client, event).walk("VEVENT")[0]
    assert str(vevent["STATUS"]) == "CANCELLED"
    assert vevent.decoded("SEQUENCE") == 1


def test_event_ics_of_draft_is_404_for_anonymous(client):
    draft = factories.EventFactory(status=Event.Status.DRAFT)
    response = client.get(reverse("events:ics", kwargs={"pk": draft.pk}))
    assert response.status_code == 404


def test_event_ics_of_draft_is_shown_to_its_manager(client, world):
    draft = factories.EventFactory(
        title="Entwurf", status=Event.Status.DRAFT, organising_networks=[world.network]
    )
    client.force_login(world.manager)
    vevent = event_ics(client, draft).walk("VEVENT")[0]
    assert str(vevent["SUMMARY"]) == "Entwurf"
    assert str(vevent["STATUS"]) == "TENTATIVE"


def test_event_ics_of_online_event_hides_link_from_anonymous(client):
    event = online_event(description="Digitalisierung im Mittelstand")
    response = client.get(reverse("events:ics", kwargs={"pk": event.pk}))
    vevent = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert ONLINE_URL not in response.content.decode()
    assert str(vevent["LOCATION"]) == "Online"
    assert str(vevent["DESCRIPTION"]) == "Digitalisierung im Mittelstand"


def test_event_ics_of_online_event_shows_link_to_confirmed_attendee(client):
    event = online_event(description="Digitalisierung im Mittelstand")
    registration = factories.RegistrationFactory(event=event)
    client.force_login(registration.person.user)
    vevent = event_ics(client, event).walk("VEVENT")[0]
    assert str(vevent["DESCRIPTION"]) == (
        f"Digitalisierung im Mittelstand\n\nOnline link: {ONLINE_URL}"
    )
    assert str(vevent["LOCATION"]) == "Online"


def test_event_ics_of_online_event_hides_link_from_waitlisted(client):
    event = online_event()
    registration = factories.RegistrationFactory(event=event, status="waitlisted")
    client.force_login(registration.person.user)
    response = client.get(reverse("events:ics", kwargs={"pk": event.pk}))
    assert response.status_code == 200
    assert ONLINE_URL not in response.content.decode()


# --- SEQUENCE -------------------------------------------------------------------------------


def test_event_update_of_time_raises_sequence_in_ics(client, event):
    before = event_ics(client, event).walk("VEVENT")[0].decoded("SEQUENCE")
    later = event.starts_at + dt.timedelta(hours=1)
    updated = event_update(event=event, starts_at=later, ends_at=later + dt.timedelta(hours=2))
    vevent = event_ics(client, event).walk("VEVENT")[0]
    assert (before, updated.sequence) == (0, 1)
    assert vevent.decoded("SEQUENCE") == 1
    assert vevent.decoded("DTSTART") == later


def test_event_update_of_description_keeps_sequence(client, event):
    event_update(event=event, description="Mit Imbiss", capacity=40)
    vevent = event_ics(client, event).walk("VEVENT")[0]
    event.refresh_from_db()
    assert (event.sequence, event.description, event.capacity) == (0, "Mit Imbiss", 40)
    assert vevent.decoded("SEQUENCE") == 0
    assert str(vevent["DESCRIPTION"]) == "Mit Imbiss"


@pytest.mark.parametrize(
    "changes",
    [
        {"title": "Neu"},
        {"venue": "Rathaus"},
        {"address": "Markt 1, 44787 Bochum"},
        {"online_url": "https://meet.example.org/neu"},
        {"status": Event.Status.CANCELLED},
    ],
    ids=["title", "venue", "address", "online_url", "status"],
)
def test_event_update_of_calendar_field_raises_sequence(event, changes):
    assert event_update(event=event, **changes).sequence == 1
    event.refresh_from_db()
    assert event.sequence == 1


def test_event_update_with_same_values_keeps_sequence(event):
    updated = event_update(event=event, title=event.title, starts_at=event.starts_at)
    assert updated.sequence == 0


def test_event_update_rejects_sequence_and_unknown_fields(event):
    with pytest.raises(TypeError):
        event_update(event=event, sequence=5)
    with pytest.raises(TypeError):
        event_update(event=event, organising_networks=[])
    event.refresh_from_db()
    assert event.sequence == 0


# --- Feeds ----------------------------------------------------------------------------------


def test_feed_lists_published_cancelled_and_recent_events(client, event):
    cancelled = factories.EventFactory(title="Abgesagt", status=Event.Status.CANCELLED)
    factories.EventFactory(title="Entwurf", status=Event.Status.DRAFT)
    recent_start = timezone.now() - dt.timedelta(days=10)
    factories.EventFactory(
        title="Neulich", starts_at=recent_start, ends_at=recent_start + dt.timedelta(hours=2)
    )
    old_start = timezone.now() - dt.timedelta(days=200)
    factories.EventFactory(
        title="Lange her", starts_at=old_start, ends_at=old_start + dt.timedelta(hours=2)
    )
    found = vevents(get_calendar(client, reverse("events:feed")))
    assert set(found) == {event.title, "Abgesagt", "Neulich"}
    assert str(found["Abgesagt"]["STATUS"]) == "CANCELLED"
    assert str(found["Abgesagt"]["UID"]) == f"event-{cancelled.pk}@portal.example"


def test_feed_never_lists_drafts_even_for_admin(client, world):
    factories.EventFactory(title="Entwurf", status=Event.Status.DRAFT)
    client.force_login(world.manager)
    calendar = get_calendar(client, reverse("events:feed"))
    assert "Entwurf" not in vevents(calendar)


def test_feed_never_contains_online_links(client, world):
    event = online_event(title="Webinar", organising_networks=[world.network])
    factories.RegistrationFactory(event=event)
    for url in [reverse("events:feed"), reverse("events:network_feed", args=[world.network.slug])]:
        response = client.get(url)
        assert "Webinar" in vevents(Calendar.from_ical(response.content))
        assert ONLINE_URL not in response.content.decode()


def test_feed_has_berlin_timezone(client, event):
    calendar = get_calendar(client, reverse("events:feed"))
    (vtimezone,) = calendar.walk("VTIMEZONE")
    assert str(vtimezone["TZID"]) == "Europe/Berlin"
    assert {sub.name for sub in vtimezone.subcomponents} == {"DAYLIGHT", "STANDARD"}
    assert str(calendar["X-WR-CALNAME"]) == "Events"


def test_network_feed_contains_only_that_networks_events(client, world, event):
    other_network = factories.NetworkFactory()
    factories.EventFactory(title="Anderes Netzwerk", organising_networks=[other_network])
    guest = factories.EventFactory(title="Gast", organising_networks=[other_network])
    guest.audience_networks.set([world.network])
    url = reverse("events:network_feed", kwargs={"slug": world.network.slug})
    calendar = get_calendar(client, url)
    assert url == "/netzwerke/indie-regionruhr/kalender.ics"
    assert set(vevents(calendar)) == {event.title, "Gast"}
    assert str(calendar["X-WR-CALNAME"]) == "Events of In|Die RegionRuhr"


def test_network_feed_of_unknown_network_is_404(client):
    response = client.get(reverse("events:network_feed", kwargs={"slug": "gibt-es-nicht"}))
    assert response.status_code == 404


def feed_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_feed_query_count_is_constant(client, world):
    url = reverse("events:network_feed", kwargs={"slug": world.network.slug})
    factories.EventFactory(organising_networks=[world.network])
    one = (feed_queries(client, reverse("events:feed")), feed_queries(client, url))
    for _ in range(5):
        factories.EventFactory(organising_networks=[world.network])
    many = (feed_queries(client, reverse("events:feed")), feed_queries(client, url))
    assert one == many


# --- Links on the pages ---------------------------------------------------------------------


def test_event_page_links_to_ics(client, event):
    content = client.get(event.get_absolute_url()).content.decode()
    ics_url = reverse("events:ics", kwargs={"pk": event.pk})
    assert f'<a href="{ics_url}" download>Add to calendar (.ics)</a>' in content


def test_event_list_links_to_feed(client):
    content = client.get(reverse("events:list")).content.decode()
    assert '<a href="/veranstaltungen/kalender.ics">Subscribe to the events calendar' in content
