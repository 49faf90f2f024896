"""Reusable reads about events and registrations, each in a fixed number of queries."""

import datetime as dt
import enum
import functools
import re
from collections.abc import Iterable

from django.db import connection
from django.db.models import (
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils import timezone

from events.models import Event, EventPerson, EventSeries, Registration, Session, WorkshopChoice
from members.models import Membership, Network, Organisation, Person, Region, User

OPEN = (Registration.Status.CONFIRMED, Registration.Status.WAITLISTED)
TOPIC_WORDS = 6


def seats_taken() -> Coalesce:
    """The event's confirmed registrations, counted per row (index-only on
    ``event, status``); unlike a join with GROUP BY it costs nothing for events a list
    does not show and keeps wide joined rows out of the grouping."""
    confirmed = (
        Registration.objects.filter(event=OuterRef("pk"), status=Registration.Status.CONFIRMED)
        .order_by()
        .values("event")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(confirmed, output_field=IntegerField()), 0)


def _listed_events() -> QuerySet[Event]:
    """Published events with what a list shows, and ``seats_taken``/``seats_left``."""
    return (
        Event.objects.filter(status=Event.Status.PUBLISHED)
        .select_related("series", "host_organisation", "region")
        .prefetch_related("organising_networks")
        .annotate(seats_taken=seats_taken())
        .annotate(seats_left=F("capacity") - F("seats_taken"))
    )


def upcoming_events(*, network_id: int | None = None, format: str = "") -> QuerySet[Event]:
    """Published events that have not ended, soonest first, with ``seats_taken`` annotated."""
    return events_for_list(network=network_id, format=format)


def events_for_list(
    *,
    past: bool = False,
    network: Network | int | None = None,
    series: EventSeries | int | None = None,
    region: Region | int | None = None,
    topic: str = "",
    format: str = "",
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> QuerySet[Event]:
    """The event list: upcoming events soonest first, or past ones (``past``) newest first.

    ``network`` matches organising and audience networks; ``region`` the event's region
    and its target regions; ``topic`` every word in topics, title or description; the
    date range (days in Berlin, both included) the start.
    """
    now = timezone.now()
    events = _listed_events()
    if past:
        events = events.filter(ends_at__lt=now).order_by("-starts_at", "-id")
    else:
        events = events.filter(ends_at__gte=now).order_by("starts_at", "id")
    if network:
        in_network = Q(organising_networks=network) | Q(audience_networks=network)
        events = events.filter(pk__in=Event.objects.filter(in_network).values("pk"))
    if region:
        targeted = Event.objects.filter(target_regions=region).values("pk")
        events = events.filter(Q(region=region) | Q(pk__in=targeted))
    if series:
        events = events.filter(series=series)
    if format:
        events = events.filter(format=format)
    for word in re.split(r"[\s,;]+", topic.strip())[:TOPIC_WORDS]:
        if word:
            text = Q(topics__icontains=word) | Q(title__icontains=word)
            events = events.filter(text | Q(description__icontains=word))
    if date_from:
        events = events.filter(starts_at__gte=_start_of_day(date_from))
    if date_to and date_to < dt.date.max:  # nothing starts after 31.12.9999 (no day after)
        events = events.filter(starts_at__lt=_start_of_day(date_to + dt.timedelta(days=1)))
    return events


def _start_of_day(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=timezone.get_default_timezone())


# --- Who may register, and when ----------------------------------------------------------


class RegistrationWindow(enum.StrEnum):
    NOT_YET = "not_yet"
    OPEN = "open"
    CLOSED = "closed"


def registration_window(event: Event) -> RegistrationWindow:
    """Whether the event's registration window is open now (whatever its status)."""
    now = timezone.now()
    if event.registration_opens_at and now < event.registration_opens_at:
        return RegistrationWindow.NOT_YET
    if now >= event.registration_closes:
        return RegistrationWindow.CLOSED
    return RegistrationWindow.OPEN


def _audience(event: Event) -> list[Network]:
    """The organising and audience networks of ``event`` and their sub-networks, any depth,
    by name. One query whatever the depth (``_audience_sql``)."""
    subquery = f"{_audience_sql()} SELECT id FROM audience"  # noqa: S608  # nosec B608
    ids = RawSQL(subquery, [event.pk, event.pk])  # noqa: S611  # nosec B611 - ids as parameters
    return list(
        Network.objects.filter(pk__in=ids).only("pk", "name", "slug", "parent_id").order_by("name")
    )


def audience_network_ids(event: Event) -> set[int]:
    """The organising and audience networks of ``event`` and their sub-networks, any depth."""
    return {network.pk for network in _audience(event)}


def audience_networks(event: Event) -> list[Network]:
    """The networks whose members may register, by name (empty when open to all)."""
    if event.open_to_all:
        return []
    return _audience(event)


def organisations_in_audience(*, event: Event, organisation_ids: Iterable[int]) -> set[int]:
    """Those of ``organisation_ids`` whose people may register for ``event``.

    Everybody's when the event is open to all; otherwise those with an active membership
    (member or partner) in an organising or audience network or one of their sub-networks.
    """
    organisation_ids = set(organisation_ids)
    if event.open_to_all or not organisation_ids:
        return organisation_ids
    members = Membership.objects.filter(
        organisation_id__in=organisation_ids,
        network_id__in=audience_network_ids(event),
        status=Membership.Status.ACTIVE,
    )
    return set(members.order_by().values_list("organisation_id", flat=True))


def organisation_in_audience(*, event: Event, organisation_id: int) -> bool:
    """Whether the people of one organisation may register for ``event`` (as
    ``organisations_in_audience``), in one query.

    Asked on every registration, so written as SQL: the ORM took longer to build the query
    (subqueries of both audiences, the membership) than the database to answer it."""
    if event.open_to_all:
        return True
    member = f"""
        {_audience_sql()}
        SELECT EXISTS (
            SELECT 1 FROM {Membership._meta.db_table} membership
            JOIN audience ON audience.id = membership.network_id
            WHERE membership.organisation_id = %s AND membership.status = %s
        )
    """  # noqa: S608  # nosec B608 - table names from the models, values as parameters
    with connection.cursor() as cursor:
        cursor.execute(member, [event.pk, event.pk, organisation_id, Membership.Status.ACTIVE])
        return bool(cursor.fetchone()[0])


@functools.cache
def _audience_sql() -> str:
    """``audience``: the event's organising and audience networks (the event's id twice as
    parameters) and their sub-networks at any depth; ``UNION`` stops at a network seen
    before. The one definition of an event's audience."""
    organising = Event.organising_networks.through._meta.db_table
    audience = Event.audience_networks.through._meta.db_table
    return f"""
        WITH RECURSIVE audience (id) AS (
            SELECT network_id FROM {organising} WHERE event_id = %s
            UNION SELECT network_id FROM {audience} WHERE event_id = %s
            UNION SELECT child.id FROM {Network._meta.db_table} child
                JOIN audience ON child.parent_id = audience.id
        )
    """  # noqa: S608  # nosec B608 - table names from the models, values as parameters


def people_for_colleague_registration(*, event: Event, organisation: Organisation) -> list[Person]:
    """The organisation's active persons by name, each with ``open_registrations`` for
    ``event`` (confirmed or waitlisted: at most one)."""
    registrations = Registration.objects.filter(event=event, status__in=OPEN)
    return list(
        organisation.people.filter(is_active=True)
        .order_by("last_name", "first_name", "id")
        .prefetch_related(
            Prefetch("registrations", queryset=registrations, to_attr="open_registrations")
        )
    )


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
        .annotate(seats_taken=seats_taken())
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
