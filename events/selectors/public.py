"""Reusable reads about events and registrations, each in a fixed number of queries."""

import datetime as dt

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.utils import timezone

from events.models import Event, EventPerson, Registration, Session, WorkshopChoice
from members.models import User

CONFIRMED = Q(registrations__status=Registration.Status.CONFIRMED)


def upcoming_events(*, network_id: int | None = None, format: str = "") -> QuerySet[Event]:
    """Published events that have not ended, with ``seats_taken`` annotated."""
    events = (
        Event.objects.filter(status=Event.Status.PUBLISHED, ends_at__gte=timezone.now())
        .select_related("series", "host_organisation", "region")
        .prefetch_related("organising_networks")
        .annotate(seats_taken=Count("registrations", filter=CONFIRMED))
        .annotate(seats_left=F("capacity") - F("seats_taken"))
        .order_by("starts_at", "id")
    )
    if network_id:
        events = events.filter(
            Q(organising_networks=network_id) | Q(audience_networks=network_id)
        ).distinct()
    if format:
        events = events.filter(format=format)
    return events


def event_page(event: Event) -> Event:
    """The event with its agenda, people and seats taken (per workshop too)."""
    sessions = (
        Session.objects.annotate(
            seats_taken=Count("choices", filter=Q(choices__status=WorkshopChoice.Status.CONFIRMED))
        ).annotate(seats_left=F("capacity") - F("seats_taken"))
    ).prefetch_related(Prefetch("people", queryset=EventPerson.objects.select_related("person")))
    event_people = EventPerson.objects.filter(session__isnull=True).select_related("person")
    return (
        Event.objects.select_related("series", "host_organisation", "region", "contact_person")
        .prefetch_related(
            "organising_networks",
            "audience_networks",
            Prefetch("sessions", queryset=sessions),
            Prefetch("people", queryset=event_people, to_attr="event_people"),
        )
        .annotate(seats_taken=Count("registrations", filter=CONFIRMED))
        .annotate(seats_left=F("capacity") - F("seats_taken"))
        .get(pk=event.pk)
    )


def registration_of(*, event: Event, user: User) -> Registration | None:
    """The viewer's own open registration for ``event``, if any."""
    if not user.is_authenticated:
        return None
    return (
        Registration.objects.filter(event=event, person__user=user)
        .exclude(status=Registration.Status.CANCELLED)
        .prefetch_related("choices__session")
        .first()
    )


def registrations_of(user: User) -> QuerySet[Registration]:
    """The user's own registrations, latest event first, cancelled ones included."""
    return (
        Registration.objects.filter(person__user=user)
        .select_related("event", "organisation")
        .prefetch_related("choices__session")
        .order_by("-event__starts_at", "id")
    )


def waitlist_position(registration: Registration) -> int | None:
    """1 for the first on the waiting list; ``None`` when not waitlisted."""
    if registration.status != Registration.Status.WAITLISTED:
        return None
    priority = registration.waitlist_priority
    arrived_before = Q(created_at__lt=registration.created_at) | Q(
        created_at=registration.created_at, id__lt=registration.id
    )
    ahead = Registration.objects.filter(
        event_id=registration.event_id, status=Registration.Status.WAITLISTED
    ).filter(Q(waitlist_priority__gt=priority) | Q(waitlist_priority=priority) & arrived_before)
    return ahead.count() + 1


CALENDAR_PAST = dt.timedelta(days=90)


def calendar_events(*, network_id: int | None = None) -> QuerySet[Event]:
    """Published and cancelled events of the feeds: upcoming and ended in the last 90 days.

    Drafts never appear. One query: the feed needs only the event's own fields.
    """
    events = Event.objects.filter(
        status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED],
        ends_at__gte=timezone.now() - CALENDAR_PAST,
    ).order_by("starts_at", "id")
    if network_id:
        in_network = Q(organising_networks=network_id) | Q(audience_networks=network_id)
        events = events.filter(pk__in=Event.objects.filter(in_network).values("pk"))
    return events
