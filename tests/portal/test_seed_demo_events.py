"""``seed_demo``: the demo events from the press releases and their registrations."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings as django_settings
from django.utils import formats, timezone, translation
from django.utils.html import escape

from events.models import Event, Registration, WorkshopChoice
from members.models import Person
from tests.portal.seed import seed

pytestmark = pytest.mark.django_db


VERBUNDAUSBILDUNG = "Wirtschaft trifft Wirtschaft: Verbundausbildung bei F. Hesterberg & Söhne"
PRODUKTION = "Netzwerktreffen Produktion Bochum: Vertriebskooperationen"
NATIONAL_MEETING = "Bundesweites Netzwerktreffen der regionalen Industrieinitiativen"
SEMINAR = "VerpackungsAkademie: Vertriebsseminar für MEKOM-Mitglieder"
PAST = "Wirtschaft trifft Wirtschaft: Energieeffizienz in der Schmiede"
BERLIN = ZoneInfo("Europe/Berlin")


def confirmed(event: Event) -> int:
    return event.registrations.filter(status=Registration.Status.CONFIRMED).count()


def test_seed_demo_keeps_a_changed_event_and_its_registrations(demo):
    event = Event.objects.get(title=PRODUKTION)
    Event.objects.filter(pk=event.pk).update(capacity=20)
    event.registrations.filter(person__last_name="Rehbein").update(
        status=Registration.Status.CANCELLED
    )

    output = seed()

    event.refresh_from_db()
    assert event.capacity == 20
    assert event.registrations.filter(status=Registration.Status.CANCELLED).count() == 1
    assert (Event.objects.count(), Registration.objects.count()) == (5, 56)
    assert output[-1].endswith("; 0 rows created, 0 updated.")


def test_seed_demo_series_event_is_nearly_full(demo):
    event = Event.objects.get(title=VERBUNDAUSBILDUNG)
    starts, ends = event.starts_at.astimezone(BERLIN), event.ends_at.astimezone(BERLIN)

    assert (event.series.name, event.host_organisation.slug, event.region.slug) == (
        "Wirtschaft trifft Wirtschaft",
        "f-hesterberg-soehne",
        "ennepe-ruhr-kreis",
    )
    assert (starts.strftime("%A %H:%M"), ends.strftime("%H:%M")) == ("Thursday 17:30", "20:00")
    assert [network.slug for network in event.organising_networks.all()] == ["indie-regionruhr"]
    assert event.contact_person.organisation.slug == "en-agentur"
    assert "Verbundausbildung" in event.topics
    assert 1 <= event.capacity - confirmed(event) <= 3
    assert event.registrations.exclude(status=Registration.Status.CONFIRMED).count() == 0


def test_seed_demo_series_event_names_host_speaker_and_moderator(demo):
    people = Event.objects.get(title=VERBUNDAUSBILDUNG).people.order_by("position")

    assert [(p.role, p.display_name) for p in people] == [
        ("host", "Katrin Oberhaus"),
        ("speaker", "Dr. Verena Albers"),
        ("moderator", "Claudia Wehling"),
    ]


def test_seed_demo_bochum_meeting_has_a_waiting_list_in_arrival_order(demo):
    event = Event.objects.get(title=PRODUKTION)
    waiting = event.registrations.filter(status=Registration.Status.WAITLISTED).order_by(
        "created_at", "id"
    )

    assert (event.venue, event.capacity, confirmed(event)) == ("Technologie-Zentrum Ruhr", 8, 8)
    assert [r.person.last_name for r in waiting] == ["Olbrich", "Bremer", "Achterberg"]
    assert [r.pk for r in waiting] == sorted(r.pk for r in waiting)


def test_seed_demo_online_meeting_has_five_parallel_workshops(demo):
    event = Event.objects.get(title=NATIONAL_MEETING)
    workshops = event.sessions.filter(is_workshop=True)
    times = {
        (
            w.starts_at.astimezone(BERLIN).strftime("%H:%M"),
            w.ends_at.astimezone(BERLIN).strftime("%H:%M"),
        )
        for w in workshops
    }
    plenary = event.sessions.get(is_workshop=False)

    assert (event.format, event.online_url.startswith("https://meeting.example/")) == (
        "online",
        True,
    )
    assert plenary.starts_at.astimezone(BERLIN).strftime("%H:%M") == "10:00"
    assert (workshops.count(), times) == (5, {("13:00", "15:00")})
    assert {w.slot for w in workshops} == {"Workshop-Phase"}
    assert [w.capacity for w in workshops] == [15, 15, 12, 12, 10]
    assert (
        WorkshopChoice.objects.filter(
            session__event=event, status=WorkshopChoice.Status.CONFIRMED
        ).count()
        == 8
    )


def test_seed_demo_seminar_is_open_to_both_packaging_networks(demo):
    event = Event.objects.get(title=SEMINAR)
    audience = sorted(network.slug for network in event.audience_networks.all())
    organisations = set(event.registrations.values_list("organisation__slug", flat=True))

    assert [n.slug for n in event.organising_networks.all()] == [
        "verpackungscluster-suedniedersachsen"
    ]
    assert audience == ["mekom-osterode", "verpackungscluster-suedniedersachsen"]
    assert event.host_organisation.slug == "verpackungsakademie-suedniedersachsen"
    assert {"harzer-giesserei-soesetal", "goettinger-faltschachtel"} <= organisations


def test_seed_demo_past_event_has_check_ins(demo):
    event = Event.objects.get(title=PAST)
    registrations = event.registrations.all()

    assert event.ends_at < timezone.now() - dt.timedelta(days=30)
    assert [r.status for r in registrations] == ["confirmed"] * 8
    assert registrations.filter(checked_in_at__isnull=False).count() == 6
    assert all(r.checked_in_at >= event.starts_at for r in registrations if r.checked_in_at)


def test_seed_demo_registers_only_demo_contacts_without_accounts(demo):
    people = Person.objects.filter(registrations__isnull=False).distinct()

    assert people.count() > 0
    assert set(people.values_list("role", flat=True)) == {"contact"}
    assert people.filter(user__isnull=False).count() == 0


def test_seed_demo_event_list_shows_the_upcoming_events_in_german(demo, client):
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "de"

    response = client.get("/veranstaltungen/")
    content = response.content.decode()

    assert response.status_code == 200
    for title in (VERBUNDAUSBILDUNG, PRODUKTION, NATIONAL_MEETING, SEMINAR):
        assert escape(title) in content
    assert PAST not in content
    assert "2 Plätze frei" in content
    assert "Warteliste" in content
    hesterberg = Event.objects.get(title=VERBUNDAUSBILDUNG)
    with translation.override("de"):
        day = formats.date_format(timezone.localtime(hesterberg.starts_at), "l, j. F Y")
    assert day.startswith("Donnerstag, ")
    assert f"{day}, 17:30" in content
