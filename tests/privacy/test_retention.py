"""Retention with a controlled clock: access needs after the event, attendees after 24 months."""

import datetime as dt

import pytest

from events.models import Registration
from network_portal import celery_app
from network_portal.models import (
    AnonymisedPerson,
    AuditEntry,
    Consent,
    ConsentPurpose,
    OutgoingMail,
)
from network_portal.outbox import mail_about
from network_portal.privacy.anonymise import placeholder_name
from network_portal.privacy.consent import consent_give
from network_portal.privacy.retention import RetentionReport, months_before, retention_run
from network_portal.tasks import privacy_retention
from tests import factories

pytestmark = pytest.mark.django_db


def _event_ending_at(ends: dt.datetime, **values):
    return factories.EventFactory(starts_at=ends - dt.timedelta(hours=3), ends_at=ends, **values)


@pytest.fixture
def now() -> dt.datetime:
    """The clock of the run: a fixed day, so the months are exact."""
    return dt.datetime(2028, 6, 15, 12, 0, tzinfo=dt.UTC)


def test_attendees_of_an_event_older_than_24_months_are_anonymised(world, now):
    event = _event_ending_at(now - dt.timedelta(days=2 * 365 + 10))
    owner, colleague = world.owner.people.get(), world.colleague.people.get()
    workshop = factories.WorkshopFactory(event=event)
    first = factories.RegistrationFactory(
        event=event, person=owner, checked_in_at=event.starts_at, checked_in_by=world.manager
    )
    factories.WorkshopChoiceFactory(registration=first, session=workshop)
    second = factories.RegistrationFactory(event=event, person=colleague, registered_by=world.owner)
    consent_give(
        purpose=ConsentPurpose.EVENT_REGISTRATION, user=world.owner, person=owner, about=event
    )

    report = retention_run(now=now)

    assert report == RetentionReport(
        access_needs_deleted=0, events_anonymised=1, registrations_anonymised=2
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert {first.person_id, second.person_id}.isdisjoint({owner.pk, colleague.pk})
    assert first.person != second.person
    for registration in (first, second):
        assert registration.person.full_name.startswith(placeholder_name())
        assert registration.person.user is None
        assert registration.person.anonymisation.reason == AnonymisedPerson.Reason.RETENTION
        assert registration.organisation == world.company
        assert registration.registered_by is None
        assert registration.status == Registration.Status.CONFIRMED
    assert (first.checked_in_at, first.checked_in_by) == (event.starts_at, None)
    assert first.choices.get().session == workshop
    assert not owner.registrations.exists()
    assert not Consent.objects.exists()
    assert AuditEntry.objects.get(action="privacy.retention").object_id == str(event.pk)


def test_attendees_of_a_younger_event_are_kept_but_access_needs_deleted(world, now):
    event = _event_ending_at(now - dt.timedelta(days=2 * 365 - 30))
    registration = factories.RegistrationFactory(
        event=event, person=world.owner.people.get(), access_needs="Rollstuhlplatz"
    )

    report = retention_run(now=now)

    registration.refresh_from_db()
    assert report == RetentionReport(
        access_needs_deleted=1, events_anonymised=0, registrations_anonymised=0
    )
    assert registration.person.user == world.owner
    assert registration.access_needs == ""


def test_access_needs_stay_until_the_event_is_over(world, now):
    running = _event_ending_at(now + dt.timedelta(hours=1))
    over = _event_ending_at(now - dt.timedelta(minutes=1))
    kept = factories.RegistrationFactory(
        event=running, person=world.owner.people.get(), access_needs="Rampe"
    )
    deleted = factories.RegistrationFactory(
        event=over, person=world.owner.people.get(), access_needs="Rampe"
    )

    retention_run(now=now)

    kept.refresh_from_db()
    deleted.refresh_from_db()
    assert (kept.access_needs, deleted.access_needs) == ("Rampe", "")


def test_retention_run_is_idempotent_and_reuses_placeholders(world, now):
    old = _event_ending_at(now - dt.timedelta(days=800))
    older = _event_ending_at(now - dt.timedelta(days=900))
    for event in (old, older):
        factories.RegistrationFactory(event=event, person=world.owner.people.get())
        factories.RegistrationFactory(event=event, person=world.colleague.people.get())
    retention_run(now=now)
    placeholders = set(AnonymisedPerson.objects.values_list("person_id", flat=True))

    again = retention_run(now=now)

    assert again == RetentionReport(
        access_needs_deleted=0, events_anonymised=0, registrations_anonymised=0
    )
    assert len(placeholders) == 2
    assert set(old.registrations.values_list("person_id", flat=True)) == placeholders
    assert set(older.registrations.values_list("person_id", flat=True)) == placeholders
    assert sorted(AnonymisedPerson.objects.values_list("slot", flat=True)) == [1, 2]


def test_cancelled_registrations_share_the_first_placeholder(world, now):
    event = _event_ending_at(now - dt.timedelta(days=800))
    factories.RegistrationFactory(event=event, person=world.owner.people.get())
    cancelled = factories.RegistrationFactory(
        event=event,
        person=world.colleague.people.get(),
        status=Registration.Status.CANCELLED,
        cancelled_by=world.colleague,
    )

    retention_run(now=now)

    cancelled.refresh_from_db()
    assert cancelled.person.anonymisation.slot == 1
    assert cancelled.cancelled_by is None
    assert event.registrations.filter(status=Registration.Status.CANCELLED).count() == 1


def test_mails_about_an_anonymised_event_lose_address_and_content(world, now):
    event = _event_ending_at(now - dt.timedelta(days=800))
    factories.RegistrationFactory(event=event, person=world.owner.people.get())
    mail = OutgoingMail.objects.create(
        key="reminder:1",
        recipient=world.owner.email,
        from_email="portal@example.org",
        subject="Erinnerung",
        body_text="Hallo",
        about=mail_about(event),
        status=OutgoingMail.Status.SENT,
    )

    retention_run(now=now)

    mail.refresh_from_db()
    assert mail.recipient.endswith("@erased.invalid")
    assert (mail.subject, mail.body_text) == ("Erinnerung", "")


def test_retention_period_comes_from_the_settings(world, now, settings):
    settings.PRIVACY_RETENTION_MONTHS = 6
    event = _event_ending_at(now - dt.timedelta(days=200))
    registration = factories.RegistrationFactory(event=event, person=world.owner.people.get())

    retention_run(now=now)

    registration.refresh_from_db()
    assert registration.person.user is None


def test_an_event_in_the_future_of_the_clock_is_untouched(world):
    event = factories.EventFactory()  # in two weeks
    registration = factories.RegistrationFactory(event=event, person=world.owner.people.get())

    retention_run(now=event.ends_at + dt.timedelta(days=30))
    registration.refresh_from_db()
    assert registration.person.user == world.owner

    retention_run(now=event.ends_at + dt.timedelta(days=2 * 366))
    registration.refresh_from_db()
    assert registration.person.user is None


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        (
            dt.datetime(2028, 6, 15, 12, tzinfo=dt.UTC),
            24,
            dt.datetime(2026, 6, 15, 12, tzinfo=dt.UTC),
        ),
        (dt.datetime(2028, 3, 31, 8, tzinfo=dt.UTC), 1, dt.datetime(2028, 2, 29, 8, tzinfo=dt.UTC)),
        (
            dt.datetime(2028, 1, 31, 8, tzinfo=dt.UTC),
            2,
            dt.datetime(2027, 11, 30, 8, tzinfo=dt.UTC),
        ),
        (
            dt.datetime(2028, 12, 31, 8, tzinfo=dt.UTC),
            12,
            dt.datetime(2027, 12, 31, 8, tzinfo=dt.UTC),
        ),
    ],
)
def test_months_before_counts_calendar_months(moment, months, expected):
    assert months_before(moment, months) == expected


def test_retention_task_runs_daily_and_reports_counts(world):
    entry = celery_app.conf.beat_schedule["privacy-retention"]
    assert entry["task"] == "network_portal.privacy_retention"
    assert entry["task"] in celery_app.tasks

    assert privacy_retention() == {
        "access_needs_deleted": 0,
        "events_anonymised": 0,
        "registrations_anonymised": 0,
    }
