"""Turns the demo events into rows: each event once, its registrations once.

An event is found again by ``(title, starts_at)``; when it exists, nothing of it is
written again, so a manager's edits survive. Registrations are added only to an event
without any. Upcoming events are filled through ``registration_create`` so every rule
(capacity, waiting list, workshop seats) holds; the past event is built directly, see
``past_registrations_seed``.
"""

from datetime import timedelta
from typing import Any

from events.models import Event, EventPerson, EventSeries, Registration, Session
from events.services import registration_create
from events.services.reminders import reminder_rules_create_defaults
from members.models import Network, Organisation, Person, Region
from network_portal.demo.calendar import event_day
from network_portal.demo.events import (
    PAST_CHECKED_IN,
    PAST_MEETING,
    SERIES,
    UPCOMING_EVENTS,
    Attendee,
    EventSeed,
    berlin,
)
from network_portal.demo.rows import SeedReport, related_sync, row_upsert


def events_seed(*, networks: dict[str, Network], report: SeedReport) -> None:
    series = {
        name: row_upsert(
            model=EventSeries, lookup={"name": name}, values={"description": text}, report=report
        )
        for name, text in SERIES.items()
    }
    for seed in UPCOMING_EVENTS:
        event = event_seed(seed=seed, series=series, networks=networks, report=report)
        if event is not None:
            upcoming_registrations_seed(event=event, seed=seed, report=report)
    past = event_seed(seed=PAST_MEETING, series=series, networks=networks, report=report)
    if past is not None:
        past_registrations_seed(event=past, seed=PAST_MEETING, report=report)


def event_seed(
    *,
    seed: EventSeed,
    series: dict[str, EventSeries],
    networks: dict[str, Network],
    report: SeedReport,
) -> Event | None:
    """The event as a new row; ``None`` when it exists already (it is left as it is)."""
    starts_at = berlin(event_day(seed.day), seed.starts)
    if Event.objects.filter(title=seed.title, starts_at=starts_at).exists():
        return None
    event = Event.objects.create(
        title=seed.title, starts_at=starts_at, **_event_values(seed=seed, series=series)
    )
    report.created += 1
    related_sync(
        manager=event.organising_networks,
        targets=[networks[s] for s in seed.organisers],
        report=report,
    )
    related_sync(
        manager=event.audience_networks, targets=[networks[s] for s in seed.audience], report=report
    )
    _sessions_seed(event=event, seed=seed, report=report)
    _people_seed(event=event, seed=seed, report=report)
    reminder_rules_create_defaults(event=event)
    return event


def _event_values(*, seed: EventSeed, series: dict[str, EventSeries]) -> dict[str, Any]:
    return {
        "ends_at": berlin(event_day(seed.day), seed.ends),
        "series": series[seed.series] if seed.series else None,
        "host_organisation": Organisation.objects.get(slug=seed.host) if seed.host else None,
        "format": seed.format,
        "venue": seed.venue,
        "address": seed.address,
        "region": Region.objects.get(slug=seed.region) if seed.region else None,
        "online_url": seed.online_url,
        "description": seed.description,
        "topics": seed.topics,
        "capacity": seed.capacity,
        "open_to_all": seed.open_to_all,
        "status": Event.Status.PUBLISHED,
        "contact_person": demo_person(seed.contact) if seed.contact else None,
    }


def _sessions_seed(*, event: Event, seed: EventSeed, report: SeedReport) -> None:
    for session in seed.sessions:
        Session.objects.create(
            event=event,
            title=session.title,
            starts_at=berlin(event_day(seed.day), session.starts),
            ends_at=berlin(event_day(seed.day), session.ends),
            is_workshop=session.is_workshop,
            capacity=session.capacity,
            slot=session.slot,
            room=session.room,
        )
        report.created += 1


def _people_seed(*, event: Event, seed: EventSeed, report: SeedReport) -> None:
    for position, speaker in enumerate(seed.people, start=1):
        EventPerson.objects.create(
            event=event,
            role=speaker.role,
            person=demo_person(speaker.person) if speaker.person else None,
            name=speaker.name,
            function=speaker.function,
            position=position,
        )
        report.created += 1


def demo_person(attendee: Attendee) -> Person:
    slug, last_name = attendee
    return Person.objects.get(
        organisation__slug=slug, last_name=last_name, role=Person.Role.CONTACT
    )


def upcoming_registrations_seed(*, event: Event, seed: EventSeed, report: SeedReport) -> None:
    """Registrations in arrival order, through the service; only for an event without any.

    ``registered_by`` stays empty: the demo contacts have no accounts, and the
    registrations were not made by anyone signed in.
    """
    if event.registrations.exists():
        return
    for attendee in seed.attendees:
        registration_create(event=event, person=demo_person(attendee), registered_by=None)
        report.created += 1
    workshops = {session.title: session for session in event.sessions.filter(is_workshop=True)}
    for attendee, title in seed.workshop_choices:
        registration_create(
            event=event,
            person=demo_person(attendee),
            registered_by=None,
            workshops=[workshops[title]],
        )
        report.created += 2  # the registration and its workshop choice


def past_registrations_seed(*, event: Event, seed: EventSeed, report: SeedReport) -> None:
    """Confirmed registrations with check-ins, written directly with the ORM.

    ``registration_create`` refuses events whose registration has closed, which a past
    event's has; the rows are what it would have written back then, plus the check-ins.
    """
    if event.registrations.exists():
        return
    for index, attendee in enumerate(seed.attendees):
        person = demo_person(attendee)
        came = index < PAST_CHECKED_IN
        Registration.objects.create(
            event=event,
            person=person,
            organisation_id=person.organisation_id,
            status=Registration.Status.CONFIRMED,
            consent_at=event.starts_at - timedelta(days=14 - index),
            checked_in_at=event.starts_at + timedelta(minutes=index) if came else None,
        )
        report.created += 1
