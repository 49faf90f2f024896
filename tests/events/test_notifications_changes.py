"""Change notices (time, place, online link) and the cancelled event's calendar CANCEL."""

import datetime as dt

import pytest

from events.models import Event, Registration
from events.services import event_update, registration_cancel, registration_create
from events.services.changes import event_cancel, event_publish
from network_portal.models import OutgoingMail
from tests import factories
from tests.events.notify_helpers import (
    BERLIN,
    calendar_of,
    mails_of,
    only_mail,
    person,
    portal_site,  # noqa: F401 - autouse fixture
    vevent_of,
)

pytestmark = pytest.mark.django_db
START = dt.datetime(2099, 6, 18, 17, 30, tzinfo=BERLIN)


@pytest.fixture
def event(world) -> Event:
    return factories.EventFactory(
        title="Netzwerktreffen Produktion",
        organising_networks=[world.network],
        capacity=1,
        starts_at=START,
        ends_at=START + dt.timedelta(hours=2, minutes=30),
    )


@pytest.fixture
def registered(event):
    """Anna has the seat, Ben waits, Carl cancelled; no mail recorded yet."""
    people = [person(email=f"{name}@example.org") for name in ("anna", "ben", "carl")]
    registrations = [
        registration_create(event=event, person=p, registered_by=p.user) for p in people
    ]
    registration_cancel(registration=registrations[2], cancelled_by=people[2].user)
    OutgoingMail.objects.all().delete()
    return registrations


def moved(event, hours: int = 24) -> Event:
    return event_update(
        event=event,
        starts_at=event.starts_at + dt.timedelta(hours=hours),
        ends_at=event.ends_at + dt.timedelta(hours=hours),
    )


def test_moved_event_notices_everybody_open_once(event, registered):
    anna, ben, _carl = registered
    event = moved(event)
    notices = mails_of("event-changed")
    assert [m.recipient for m in notices] == ["anna@example.org", "ben@example.org"]
    assert [m.key for m in notices] == [
        f"event-changed:{event.pk}:{event.sequence}:{anna.pk}",
        f"event-changed:{event.pk}:{event.sequence}:{ben.pk}",
    ]
    assert {m.about for m in notices} == {f"events.event:{event.pk}"}
    assert notices[0].subject == "Changed: Netzwerktreffen Produktion on 06/19/2099"
    assert OutgoingMail.objects.count() == 2


def test_moved_event_notice_tells_new_and_previous_time(event, registered):
    moved(event)
    notice = mails_of("event-changed")[0]
    assert "New time: Friday, June 19, 2099, 5:30 p.m. – 8 p.m." in notice.body_text
    assert "Previously: Thursday, June 18, 2099, 5:30 p.m. – 8 p.m." in notice.body_text
    assert "New place" not in notice.body_text


def test_moved_event_confirmed_get_request_with_raised_sequence(event, registered):
    before = event.sequence
    event = moved(event)
    confirmed = only_mail_to("anna@example.org")
    vevent = vevent_of(confirmed)
    assert str(calendar_of(confirmed)["METHOD"]) == "REQUEST"
    assert vevent["SEQUENCE"] == event.sequence == before + 1
    assert str(vevent["UID"]) == f"event-{event.pk}@portal.example"
    start = vevent.decoded("DTSTART")
    assert (start, str(start.tzinfo)) == (START + dt.timedelta(days=1), "Europe/Berlin")
    assert str(vevent["ATTENDEE"]) == "mailto:anna@example.org"
    assert "The attached calendar file updates the entry" in confirmed.body_text


def test_moved_event_waiting_list_notice_has_no_calendar(event, registered):
    moved(event)
    waiting = only_mail_to("ben@example.org")
    assert waiting.attachments == []
    assert "You are still on the waiting list." in waiting.body_text


def only_mail_to(recipient: str) -> OutgoingMail:
    return OutgoingMail.objects.get(kind="event-changed", recipient=recipient)


def test_new_venue_notice_tells_new_and_previous_place(event, registered):
    event_update(event=event, venue="Zeche Zollverein", address="Gelsenkirchener Str. 181, Essen")
    notice = only_mail_to("anna@example.org")
    assert "New place: Zeche Zollverein, Gelsenkirchener Str. 181, Essen" in notice.body_text
    assert (
        "Previously: Technologiezentrum Ruhr, Universitätsstraße 142, 44799 Bochum"
        in notice.body_text
    )
    assert "<s>Technologiezentrum Ruhr" in notice.body_html


def test_new_online_link_tells_only_those_with_a_seat(event, registered):
    Event.objects.filter(pk=event.pk).update(
        format=Event.Format.HYBRID, online_url="https://meet.example/alt"
    )
    event_update(event=event, online_url="https://meet.example/neu")
    notice = only_mail("event-changed")
    assert notice.recipient == "anna@example.org"
    assert "The online link has changed" in notice.body_text
    assert "Online link: https://meet.example/neu" in notice.body_text
    assert "https://meet.example/neu" in str(vevent_of(notice)["DESCRIPTION"])


def test_new_title_raises_sequence_but_is_no_notice(event, registered):
    event = event_update(event=event, title="Netzwerktreffen Produktion 2099")
    assert event.sequence == 1
    assert not OutgoingMail.objects.exists()


def test_draft_changes_tell_nobody(world):
    draft = factories.EventFactory(
        status=Event.Status.DRAFT, starts_at=START, ends_at=START + dt.timedelta(hours=2)
    )
    factories.RegistrationFactory(event=draft, person__user__email="anna@example.org")
    moved(draft)
    assert not OutgoingMail.objects.exists()


def test_publishing_is_no_change_notice(world):
    draft = factories.EventFactory(
        status=Event.Status.DRAFT, starts_at=START, ends_at=START + dt.timedelta(hours=2)
    )
    event_publish(event=draft, published_by=world.manager)
    assert not OutgoingMail.objects.exists()


def test_two_changes_two_notices_each(event, registered):
    event = moved(event)
    moved(event)
    notices = mails_of("event-changed")
    assert (
        sorted(m.recipient for m in notices) == ["anna@example.org"] * 2 + ["ben@example.org"] * 2
    )
    assert len({m.key for m in notices}) == 4


def test_move_with_more_seats_promoted_get_only_their_promotion(event, registered):
    event_update(
        event=event,
        capacity=2,
        starts_at=event.starts_at + dt.timedelta(hours=1),
        ends_at=event.ends_at + dt.timedelta(hours=1),
    )
    assert [m.recipient for m in mails_of("event-changed")] == ["anna@example.org"]
    promoted = only_mail("registration-promoted")
    assert promoted.recipient == "ben@example.org"
    assert vevent_of(promoted).decoded("DTSTART") == START + dt.timedelta(hours=1)


# --- The event is cancelled -----------------------------------------------------------------


def test_cancelled_event_mail_carries_calendar_cancel(event, registered, world):
    before = event.sequence
    event_cancel(event=event, cancelled_by=world.manager, message="")
    mails = mails_of("event-cancelled")
    assert [m.recipient for m in mails] == ["anna@example.org", "ben@example.org"]
    for mail in mails:
        calendar = calendar_of(mail)
        vevent = vevent_of(mail)
        assert mail.attachments[0]["type"] == "text/calendar; method=CANCEL"
        assert str(calendar["METHOD"]) == "CANCEL"
        assert str(vevent["STATUS"]) == "CANCELLED"
        assert vevent["SEQUENCE"] == before + 1
        assert str(vevent["ATTENDEE"]) == f"mailto:{mail.recipient}"
    assert not mails_of("event-changed")
    assert not mails_of("registration-cancelled")
    assert not Registration.objects.filter(status__in=["confirmed", "waitlisted"]).exists()
