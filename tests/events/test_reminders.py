"""Reminders with a controlled clock: due ones once, moved events afresh, never too late."""

import datetime as dt

import pytest
from django.conf import settings
from django.utils import timezone

from events.models import Event, Registration, ReminderRule
from events.services import event_update, registration_cancel, registration_create
from events.services.editing import event_create
from events.services.reminders import reminder_rules_create_defaults, reminders_queue_due
from events.tasks import queue_due_reminders
from network_portal import preferences
from network_portal.models import MailPreference, OutgoingMail
from tests import factories
from tests.events.notify_helpers import (
    cancel_link_in,
    mails_of,
    person,
    portal_site,  # noqa: F401 - autouse fixture
)

pytestmark = pytest.mark.django_db
DAY, MINUTE = dt.timedelta(days=1), dt.timedelta(minutes=1)
WEEK = 7 * DAY


@pytest.fixture
def event(world) -> Event:
    """Starts in ten days; default rules (7 days and 1 day before); two seats."""
    starts_at = (timezone.now() + 10 * DAY).replace(second=0, microsecond=0)
    event = factories.EventFactory(
        title="Unternehmerfrühstück",
        organising_networks=[world.network],
        capacity=2,
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=2),
    )
    reminder_rules_create_defaults(event=event)
    return event


@pytest.fixture
def registered(event):
    """Anna and Ben confirmed, Carl waiting, Dora cancelled; none of their mails kept."""
    people = [person(email=f"{name}@example.org") for name in ("anna", "ben", "carl", "dora")]
    registrations = [
        registration_create(event=event, person=p, registered_by=p.user) for p in people[:3]
    ]
    dora = factories.RegistrationFactory(
        event=event, person=people[3], status=Registration.Status.CANCELLED
    )
    OutgoingMail.objects.all().delete()
    return [*registrations, dora]


def reminders() -> list[OutgoingMail]:
    return mails_of("event-reminder")


def test_new_event_gets_the_default_rules(world):
    starts_at = timezone.now() + 30 * DAY
    event = event_create(
        created_by=world.manager,
        relations={"organising_networks": [world.network]},
        title="Neu",
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=2),
        capacity=10,
    )
    assert [rule.offset for rule in event.reminder_rules.all()] == [WEEK, DAY]


def test_not_due_yet_nothing_queued(event, registered):
    assert reminders_queue_due(now=event.starts_at - WEEK - MINUTE) == 0
    assert not reminders()


def test_due_reminder_queued_once_for_each_confirmed_attendee(event, registered):
    anna, ben, _carl, _dora = registered
    now = event.starts_at - WEEK + MINUTE
    assert reminders_queue_due(now=now) == 2
    mails = reminders()
    start = event.starts_at.astimezone(dt.UTC).isoformat()
    assert [m.key for m in mails] == [
        f"reminder:{7 * 24 * 60}:{start}:{anna.pk}",
        f"reminder:{7 * 24 * 60}:{start}:{ben.pk}",
    ]
    assert [m.recipient for m in mails] == ["anna@example.org", "ben@example.org"]
    assert {m.about for m in mails} == {f"events.event:{event.pk}"}
    assert reminders_queue_due(now=now) == 0
    assert reminders_queue_due(now=now + 4 * dt.timedelta(minutes=5)) == 0
    assert len(reminders()) == 2


def test_reminder_mail_text_links_and_unsubscribe_header(event, registered):
    reminders_queue_due(now=event.starts_at - WEEK + MINUTE)
    mail = reminders()[0]
    assert mail.subject.startswith("Reminder: Unternehmerfrühstück on ")
    assert mail.language == "en"
    assert "a reminder of the event you registered for" in mail.body_text
    cancel_link_in(mail.body_text)
    unsubscribe = mail.headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe.startswith(f"{settings.SITE_URL}/")
    assert mail.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in mail.body_text
    assert unsubscribe in mail.body_html
    assert mail.attachments == []


def test_reminder_in_german_for_a_german_attendee(event):
    anna = person(language="de", email="anna@example.org")
    registration_create(event=event, person=anna, registered_by=anna.user)
    reminders_queue_due(now=event.starts_at - DAY + MINUTE)
    [mail] = reminders()
    assert mail.language == "de"
    assert mail.subject.startswith("Erinnerung: Unternehmerfrühstück am ")
    assert "Keine Erinnerungen mehr? Mit einem Klick abbestellen:" in mail.body_text


def test_only_the_rule_due_last_goes_out_when_several_are_due(event, registered):
    assert reminders_queue_due(now=event.starts_at - dt.timedelta(hours=2)) == 2
    assert {m.key.split(":")[1] for m in reminders()} == {str(24 * 60)}
    assert reminders_queue_due(now=event.starts_at - dt.timedelta(hours=1)) == 0


def test_seven_days_then_one_day_each_once(event, registered):
    assert reminders_queue_due(now=event.starts_at - WEEK) == 2
    assert reminders_queue_due(now=event.starts_at - 3 * DAY) == 0
    assert reminders_queue_due(now=event.starts_at - DAY) == 2
    assert reminders_queue_due(now=event.starts_at - MINUTE) == 0
    assert len(reminders()) == 4


def test_nothing_once_the_event_started(event, registered):
    assert reminders_queue_due(now=event.starts_at) == 0
    assert reminders_queue_due(now=event.starts_at + dt.timedelta(hours=1)) == 0
    assert not reminders()


def test_past_event_gets_none(world):
    starts_at = timezone.now() - DAY
    past = factories.EventFactory(starts_at=starts_at, ends_at=starts_at + dt.timedelta(hours=2))
    reminder_rules_create_defaults(event=past)
    factories.RegistrationFactory(event=past, person__user__email="anna@example.org")
    assert reminders_queue_due(now=timezone.now()) == 0
    assert not reminders()


def test_cancelled_registration_gets_none(event, registered):
    anna = registered[0]
    registration_cancel(registration=anna, cancelled_by=anna.person.user)
    reminders_queue_due(now=event.starts_at - DAY + MINUTE)
    recipients = [m.recipient for m in reminders()]
    assert "anna@example.org" not in recipients
    assert "dora@example.org" not in recipients
    assert sorted(recipients) == ["ben@example.org", "carl@example.org"]  # Carl moved up


@pytest.mark.parametrize("status", [Event.Status.CANCELLED, Event.Status.DRAFT])
def test_cancelled_or_draft_event_gets_none(event, registered, status):
    Event.objects.filter(pk=event.pk).update(status=status)
    assert reminders_queue_due(now=event.starts_at - DAY + MINUTE) == 0


def test_registered_after_the_reminders_moment_gets_only_later_ones(event, registered):
    anna = registered[0]
    Registration.objects.filter(pk=anna.pk).update(created_at=event.starts_at - 3 * DAY)
    reminders_queue_due(now=event.starts_at - WEEK + MINUTE)
    assert [m.recipient for m in reminders()] == ["ben@example.org"]
    reminders_queue_due(now=event.starts_at - DAY + MINUTE)
    assert sorted(m.recipient for m in reminders()) == [
        "anna@example.org",
        "ben@example.org",
        "ben@example.org",
    ]


def test_moved_event_recomputes_old_reminders_never_go_out(event, registered):
    old_start = event.starts_at
    assert reminders_queue_due(now=old_start - WEEK + MINUTE) == 2
    event = event_update(
        event=event, starts_at=old_start + 14 * DAY, ends_at=event.ends_at + 14 * DAY
    )
    assert reminders_queue_due(now=old_start - DAY + MINUTE) == 0  # the old 1-day moment
    assert reminders_queue_due(now=event.starts_at - WEEK - MINUTE) == 0
    assert reminders_queue_due(now=event.starts_at - WEEK + MINUTE) == 2
    assert reminders_queue_due(now=event.starts_at - WEEK + 2 * MINUTE) == 0
    new_start = event.starts_at.astimezone(dt.UTC).isoformat()
    old = old_start.astimezone(dt.UTC).isoformat()
    assert sorted(m.key.split(":", 2)[2].rsplit(":", 1)[0] for m in reminders()) == sorted(
        [old, old, new_start, new_start]
    )


def test_event_moved_closer_sends_one_reminder_not_two(event, registered):
    Registration.objects.update(created_at=timezone.now() - 5 * DAY)
    event = event_update(
        event=event,
        starts_at=timezone.now() + dt.timedelta(hours=12),
        ends_at=timezone.now() + dt.timedelta(hours=14),
    )
    assert reminders_queue_due(now=timezone.now()) == 2
    assert {m.key.split(":")[1] for m in reminders()} == {str(24 * 60)}


def test_address_that_switched_reminders_off_gets_none(event, registered):
    preferences.preference_set(
        email="Anna@Example.org",
        category="reminders",
        wanted=False,
        via=MailPreference.Change.PAGE,
    )
    assert reminders_queue_due(now=event.starts_at - DAY + MINUTE) == 1
    assert [m.recipient for m in reminders()] == ["ben@example.org"]


def test_person_without_address_gets_none(event, world):
    nobody = factories.PersonFactory(user=None, email="", organisation=world.company)
    registration_create(event=event, person=nobody, registered_by=world.owner)
    assert reminders_queue_due(now=event.starts_at - DAY + MINUTE) == 0


def test_removed_rule_is_not_sent(event, registered):
    assert reminders_queue_due(now=event.starts_at - WEEK + MINUTE) == 2
    event.reminder_rules.filter(offset=DAY).delete()
    assert reminders_queue_due(now=event.starts_at - DAY + MINUTE) == 0
    assert {m.key.split(":")[1] for m in reminders()} == {str(7 * 24 * 60)}


def test_task_records_the_due_reminders_now(world):
    starts_at = timezone.now() + dt.timedelta(hours=6)
    soon = factories.EventFactory(starts_at=starts_at, ends_at=starts_at + dt.timedelta(hours=2))
    reminder_rules_create_defaults(event=soon)
    factories.RegistrationFactory(event=soon, person__user__email="anna@example.org")
    Registration.objects.update(created_at=timezone.now() - 3 * DAY)
    assert queue_due_reminders() == 1
    assert queue_due_reminders() == 0


def test_beat_runs_the_sweep_every_five_minutes():
    entry = settings.CELERY_BEAT_SCHEDULE["event-reminders"]
    assert entry["task"] == "events.queue_due_reminders"
    assert entry["schedule"].minute == set(range(0, 60, 5))


def test_rules_are_unique_per_offset(event):
    reminder_rules_create_defaults(event=event)
    assert ReminderRule.objects.filter(event=event).count() == 2
