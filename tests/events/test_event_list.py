"""The event list: filters (network, series, region, topic, format, dates), archive, pages."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from events.services import registration_create
from tests import factories

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")
URL = reverse("events:list")


def on(day: dt.date, clock: str = "17:30") -> dict:
    starts = dt.datetime.combine(day, dt.time.fromisoformat(clock), tzinfo=BERLIN)
    return {"starts_at": starts, "ends_at": starts + dt.timedelta(hours=2)}


def in_days(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


def titles(client, language: str = "en", **params) -> list[str]:
    """The event titles the list shows, in order."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(URL, params)
    assert response.status_code == 200
    return re.findall(
        r'<th scope="row"><a href="/veranstaltungen/\d+/">([^<]+)</a>', (response.content.decode())
    )


@pytest.fixture
def calendar(world) -> dict:
    """Four upcoming events and two past ones, in different networks, regions, formats."""
    wtw = factories.EventSeriesFactory(name="Wirtschaft trifft Wirtschaft")
    ennepe = factories.RegionFactory(name="Ennepe-Ruhr-Kreis")
    goettingen = factories.RegionFactory(name="Göttingen")
    cluster = factories.NetworkFactory(name="VerpackungsCluster")
    events = {
        "verbund": factories.EventFactory(
            title="Verbundausbildung in Ennepetal",
            series=wtw,
            region=ennepe,
            topics="Verbundausbildung, Fachkräfte",
            organising_networks=[world.network],
            **on(in_days(10)),
        ),
        "online": factories.EventFactory(
            title="Bundesweites Netzwerktreffen",
            format=Event.Format.ONLINE,
            description="Fünf Workshops zu Fachkräften und Transformation.",
            organising_networks=[cluster],
            **on(in_days(20), "10:00"),
        ),
        "seminar": factories.EventFactory(
            title="Vertriebsseminar",
            region=goettingen,
            topics="Vertrieb",
            organising_networks=[cluster],
            **on(in_days(30), "09:00"),
        ),
        "targeted": factories.EventFactory(
            title="Energieberatung",
            topics="Energieeffizienz",
            organising_networks=[world.network],
            **on(in_days(40)),
        ),
        "old": factories.EventFactory(
            title="Schmiede-Abend", series=wtw, region=ennepe, **on(in_days(-60))
        ),
        "older": factories.EventFactory(title="Auftakt", **on(in_days(-400))),
    }
    events["targeted"].target_regions.set([ennepe])
    events["online"].audience_networks.set([world.network])
    return events


def test_list_shows_upcoming_soonest_first(client, calendar):
    assert titles(client) == [
        "Verbundausbildung in Ennepetal",
        "Bundesweites Netzwerktreffen",
        "Vertriebsseminar",
        "Energieberatung",
    ]


def test_network_filter_includes_audience_events(client, calendar, world):
    shown = titles(client, network=world.network.pk)
    assert shown == [
        "Verbundausbildung in Ennepetal",
        "Bundesweites Netzwerktreffen",
        "Energieberatung",
    ]


def test_region_filter_matches_region_and_target_regions(client, calendar):
    assert titles(client, region="ennepe-ruhr-kreis") == [
        "Verbundausbildung in Ennepetal",
        "Energieberatung",
    ]


def test_series_topic_and_format_filters(client, calendar):
    series = calendar["verbund"].series
    assert titles(client, series=series.pk) == ["Verbundausbildung in Ennepetal"]
    assert titles(client, topic="fachkräfte") == [
        "Verbundausbildung in Ennepetal",
        "Bundesweites Netzwerktreffen",
    ]
    assert titles(client, topic="Fachkräfte Transformation") == ["Bundesweites Netzwerktreffen"]
    assert titles(client, format="online") == ["Bundesweites Netzwerktreffen"]


def test_date_range_in_german_format_includes_both_days(client, calendar):
    start, end = in_days(20), in_days(30)
    shown = titles(
        client, "de", date_from=start.strftime("%d.%m.%Y"), date_to=end.strftime("%d.%m.%Y")
    )
    assert shown == ["Bundesweites Netzwerktreffen", "Vertriebsseminar"]
    assert titles(client, date_from=start.isoformat(), date_to=start.isoformat()) == [
        "Bundesweites Netzwerktreffen"
    ]


def test_filters_combine(client, calendar, world):
    shown = titles(client, network=world.network.pk, region="ennepe-ruhr-kreis", topic="energie")
    assert shown == ["Energieberatung"]
    assert titles(client, network=world.network.pk, format="online", series="") == [
        "Bundesweites Netzwerktreffen"
    ]


def test_archive_shows_past_events_newest_first_with_filters(client, calendar):
    assert titles(client, period="past") == ["Schmiede-Abend", "Auftakt"]
    assert titles(client, period="past", region="ennepe-ruhr-kreis") == ["Schmiede-Abend"]
    content = client.get(URL, {"period": "past"}).content.decode()
    assert "Past events, newest first" in content
    assert "seats left" not in content


def test_list_links_to_the_archive_keeping_filters(client, calendar):
    content = client.get(URL, {"format": "online"}).content.decode()
    assert 'href="?format=online&amp;period=past"' in content


def test_drafts_and_cancelled_events_never_listed(client, calendar):
    factories.EventFactory(title="Entwurf", status=Event.Status.DRAFT, **on(in_days(5)))
    factories.EventFactory(title="Abgesagt", status=Event.Status.CANCELLED, **on(in_days(-5)))
    assert "Entwurf" not in titles(client)
    assert "Abgesagt" not in titles(client, period="past")


def test_invalid_filters_are_reported_and_ignored(client, calendar):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(
        URL,
        {"network": "999999", "format": "hologram", "date_from": "31.02.2027", "region": "mars"},
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Some of your entries could not be used and were ignored:" in content
    assert "Format: Select a valid choice. hologram is not one of the available choices." in content
    assert "From: Enter a valid date." in content
    assert content.count("Select a valid choice. That choice is not one of the available") == 2
    assert len(titles(client, network="999999", date_from="31.02.2027")) == 4


def test_date_range_backwards_is_reported(client, calendar):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    params = {"date_from": in_days(30).isoformat(), "date_to": in_days(10).isoformat()}
    content = client.get(URL, params).content.decode()
    assert "Until: The end of the date range lies before its start." in content
    assert titles(client, **params) == ["Vertriebsseminar", "Energieberatung"]


def test_list_is_paginated(client, world):
    for number in range(23):
        factories.EventFactory(title=f"Treffen {number:02d}", **on(in_days(number + 1)))
    first = titles(client)
    second = titles(client, page=2)
    assert first == [f"Treffen {n:02d}" for n in range(20)]
    assert second == ["Treffen 20", "Treffen 21", "Treffen 22"]
    content = client.get(URL, {"page": 2}).content.decode()
    assert "Page 2 of 2" in content
    assert "23 events" in content


def _queries(client, **params) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL, params).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "params", [{}, {"period": "past"}, {"topic": "Treffen", "format": "on_site"}]
)
def test_list_query_count_same_for_one_and_thirty_events(client, world, params):
    client.force_login(world.owner)
    past = params.get("period") == "past"
    offset = -100 if past else 1
    factories.EventFactory(
        title="Treffen", organising_networks=[world.network], **on(in_days(offset))
    )
    one = _queries(client, **params)
    for number in range(29):
        event = factories.EventFactory(
            title=f"Treffen {number}",
            organising_networks=[world.network],
            **on(in_days(offset + number + 1 if not past else offset - number - 1)),
        )
        if not past:
            person = factories.PersonFactory()
            registration_create(event=event, person=person, registered_by=person.user)
    assert _queries(client, **params) == one
