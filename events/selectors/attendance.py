"""Reads of the manager area of one event: counts, registrations, check-in, lists, mails.

Every function answers in a fixed number of queries, whatever the number of rows.
"""

from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    When,
)

from events.models import Event, Registration, Session, WorkshopChoice
from members.models import Person
from network_portal.models import OutgoingMail
from network_portal.outbox import mail_about

Status = Registration.Status
# Confirmed first, then the waiting list, then the cancelled registrations.
STATUS_ORDER = Case(
    When(status=Status.CONFIRMED, then=0),
    When(status=Status.WAITLISTED, then=1),
    default=2,
    output_field=IntegerField(),
)
WALK_IN_CANDIDATES = 20
# What a row of the manager's registration table shows, and no more (an organisation's
# description and search vector, a person's other details).
MANAGER_ROW_FIELDS = (
    "status",
    "source",
    "access_needs",
    "cancelled_at",
    "checked_in_at",
    "person__first_name",
    "person__last_name",
    "person__email",
    "organisation__name",
)


@dataclass(frozen=True)
class Counts:
    """The live figures of an event; ``workshops`` carry ``seats_taken`` and ``waiting``."""

    capacity: int
    confirmed: int
    waitlisted: int
    cancelled: int
    checked_in: int
    workshops: list[Session]

    @property
    def total(self) -> int:
        """Every registration of the event, whatever its status."""
        return self.confirmed + self.waitlisted + self.cancelled

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.confirmed, 0)

    @property
    def is_full(self) -> bool:
        return self.confirmed >= self.capacity

    @property
    def over_capacity(self) -> int:
        return max(self.confirmed - self.capacity, 0)


def event_counts(event: Event) -> Counts:
    """Confirmed, waitlisted, cancelled and checked-in registrations; seats per workshop."""
    figures = Registration.objects.filter(event=event).aggregate(
        confirmed=Count("pk", filter=Q(status=Status.CONFIRMED)),
        waitlisted=Count("pk", filter=Q(status=Status.WAITLISTED)),
        cancelled=Count("pk", filter=Q(status=Status.CANCELLED)),
        checked_in=Count("pk", filter=Q(status=Status.CONFIRMED, checked_in_at__isnull=False)),
    )
    workshops = Session.objects.filter(event=event, is_workshop=True).annotate(
        seats_taken=Count("choices", filter=Q(choices__status=WorkshopChoice.Status.CONFIRMED)),
        waiting=Count("choices", filter=Q(choices__status=WorkshopChoice.Status.WAITLISTED)),
    )
    return Counts(capacity=event.capacity, workshops=list(workshops), **figures)


def _with_people_and_workshops(
    registrations: QuerySet[Registration], *, workshops: bool = True
) -> QuerySet[Registration]:
    """With person and organisation; with the workshop choices unless the event has no
    workshops (``workshops=False`` spares their query)."""
    registrations = registrations.select_related("person", "organisation")
    if not workshops:
        return registrations
    choices = WorkshopChoice.objects.select_related("session").order_by(
        "session__starts_at", "session__slot", "session_id"
    )
    return registrations.prefetch_related(Prefetch("choices", queryset=choices))


def _matching(registrations: QuerySet[Registration], query: str) -> QuerySet[Registration]:
    """Every word of ``query`` in the name, the organisation or the e-mail address."""
    for word in query.split():
        registrations = registrations.filter(
            Q(person__first_name__icontains=word)
            | Q(person__last_name__icontains=word)
            | Q(organisation__name__icontains=word)
            | Q(person__email__icontains=word)
        )
    return registrations


def registrations_for_manager(
    event: Event,
    *,
    query: str = "",
    status: str = "",
    organisation_id: int | None = None,
    workshop_id: int | None = None,
    checked_in: bool | None = None,
    workshops: bool = True,
) -> QuerySet[Registration]:
    """The event's registrations: confirmed, then the waiting list in its order, then
    the cancelled ones; narrowed by the manager's filters. With their workshop choices
    unless ``workshops`` is false (an event without workshops)."""
    registrations = Registration.objects.filter(event=event)
    if status:
        registrations = registrations.filter(status=status)
    if organisation_id:
        registrations = registrations.filter(organisation_id=organisation_id)
    if workshop_id:
        registrations = registrations.filter(choices__session_id=workshop_id)
    if checked_in is not None:
        registrations = registrations.filter(checked_in_at__isnull=not checked_in)
    registrations = _matching(registrations, query)
    return (
        _with_people_and_workshops(registrations, workshops=workshops)
        .only(*MANAGER_ROW_FIELDS)
        .order_by(STATUS_ORDER, *Registration.WAITLIST_ORDER)
    )


def waitlist_positions(event: Event) -> dict[int, int]:
    """Registration id → place on the waiting list (1 for the first), in one query."""
    waiting = (
        Registration.objects.filter(event=event, status=Status.WAITLISTED)
        .order_by(*Registration.WAITLIST_ORDER)
        .values_list("pk", flat=True)
    )
    return {pk: position for position, pk in enumerate(waiting, start=1)}


def checkin_attendees(event: Event, *, query: str = "") -> QuerySet[Registration]:
    """Confirmed attendees for the check-in desk, by last name; searched by name or
    organisation."""
    registrations = Registration.objects.filter(event=event, status=Status.CONFIRMED)
    for word in query.split():
        registrations = registrations.filter(
            Q(person__first_name__icontains=word)
            | Q(person__last_name__icontains=word)
            | Q(organisation__name__icontains=word)
        )
    return _with_people_and_workshops(registrations).order_by(
        "person__last_name", "person__first_name", "id"
    )


def attendance_list(event: Event) -> QuerySet[Registration]:
    """Confirmed and waitlisted registrations for the exports, confirmed first, by name."""
    registrations = Registration.objects.filter(
        event=event, status__in=[Status.CONFIRMED, Status.WAITLISTED]
    )
    return _with_people_and_workshops(registrations).order_by(
        STATUS_ORDER, "person__last_name", "person__first_name", "id"
    )


def print_list(event: Event) -> QuerySet[Registration]:
    """Confirmed attendees for the signature list, sorted by last name."""
    return checkin_attendees(event)


def walk_in_candidates(event: Event, *, query: str) -> list[Person]:
    """Active persons of any organisation matching ``query`` (name, organisation, e-mail),
    each with ``open_status``: their open registration's status for ``event``, if any."""
    words = query.split()
    if not words:
        return []
    people = Person.objects.filter(is_active=True)
    for word in words:
        people = people.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(organisation__name__icontains=word)
            | Q(email__icontains=word)
        )
    open_registration = Registration.objects.filter(
        event=event, person=OuterRef("pk"), status__in=[Status.CONFIRMED, Status.WAITLISTED]
    ).values("status")[:1]
    people = people.select_related("organisation").annotate(open_status=Subquery(open_registration))
    return list(people.order_by("last_name", "first_name", "id")[:WALK_IN_CANDIDATES])


def event_mails(event: Event, *, status: str = "") -> QuerySet[OutgoingMail]:
    """The outbox rows about ``event``, newest first."""
    mails = OutgoingMail.objects.filter(about=mail_about(event))
    if status:
        mails = mails.filter(status=status)
    return mails.order_by("-created_at", "-id")
