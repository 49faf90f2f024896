"""Creating an event, and the rules and writes of its agenda: sessions and people.

The manager's form hands over plain fields, related networks/regions/sectors and an
``Agenda``. Every rule that needs the event or its registrations is checked here, under
the lock on the event row, before anything is written; the problems come back together
in an ``EventChangeError`` so the form can show each one next to its field.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from events.models import Event, EventPerson, EventSeries, Registration, Session, WorkshopChoice
from events.services.reminders import reminder_rules_create_defaults
from members.models import Person, User
from network_portal.audit import audit_record

# Many-to-many relations the form sets as a whole.
RELATIONS = frozenset(
    {"organising_networks", "audience_networks", "target_regions", "target_sectors"}
)


@dataclass(frozen=True)
class SessionData:
    """One agenda item as entered; ``id`` names an existing session of the event.

    A session to ``delete`` needs only its ``id`` (none for a row dropped from a copy).
    """

    title: str = ""
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    id: int | None = None
    description: str = ""
    is_workshop: bool = False
    capacity: int | None = None
    slot: str = ""
    room: str = ""
    delete: bool = False


@dataclass(frozen=True)
class PersonData:
    """A speaker, moderator, host or contact; ``session`` is an index into the sessions."""

    role: str
    person: Person | None = None
    name: str = ""
    function: str = ""
    session: int | None = None


@dataclass(frozen=True)
class Agenda:
    sessions: tuple[SessionData, ...] = ()
    people: tuple[PersonData, ...] = ()


@dataclass(frozen=True)
class Problem:
    """A rule the input breaks: ``field`` of the event form, or of session ``session``."""

    message: str
    field: str | None = None
    session: int | None = None
    person: int | None = None


@dataclass
class EventChangeError(Exception):
    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "; ".join(str(problem.message) for problem in self.problems)


@transaction.atomic
def event_create(
    *,
    created_by: User,
    relations: dict[str, Iterable],
    agenda: Agenda = Agenda(),
    new_series: str = "",
    **fields,
) -> Event:
    """A new event as a draft, with its networks, agenda, people and default reminders."""
    event = Event(**fields, status=Event.Status.DRAFT)
    if new_series:
        event.series = series_named(new_series)
    problems = model_problems(event) + agenda_problems(event=event, agenda=agenda)
    if problems:
        raise EventChangeError(problems)
    event.save()
    relations_set(event=event, relations=relations)
    agenda_save(event=event, agenda=agenda)
    reminder_rules_create_defaults(event=event)
    audit_record(actor=created_by, action="event.create", target=event)
    return event


def series_named(name: str) -> EventSeries:
    series, _created = EventSeries.objects.get_or_create(name=name.strip())
    return series


def model_problems(event: Event) -> list[Problem]:
    """The model's own validation (``Event.clean`` and field checks) as problems."""
    try:
        event.full_clean()
    except ValidationError as error:
        return [
            Problem(message=message, field=None if name == NON_FIELD_ERRORS else name)
            for name, messages in error.message_dict.items()
            for message in messages
        ]
    return []


def relations_set(*, event: Event, relations: dict[str, Iterable]) -> None:
    unknown = set(relations) - RELATIONS
    if unknown:
        raise TypeError(f"cannot set {', '.join(sorted(unknown))}")
    for name, values in relations.items():
        getattr(event, name).set(values)


# --- Agenda: rules --------------------------------------------------------------------------


def agenda_problems(*, event: Event, agenda: Agenda, keep_confirmed: bool = False) -> list[Problem]:
    """Sessions inside the event and in order; existing sessions only of this event;
    workshops with registrations are neither removed nor shrunk without a decision."""
    taken = _workshop_seats(event) if event.pk else {}
    problems: list[Problem] = []
    for index, session in enumerate(agenda.sessions):
        if session.id is not None and session.id not in taken:
            problems.append(Problem(_("This agenda item is not part of the event."), None, index))
        elif session.delete:
            problems += _removal_problems(index, taken.get(session.id))
        else:
            problems += _time_problems(event, index, session)
            problems += _workshop_problems(index, session, taken.get(session.id), keep_confirmed)
    problems += _people_problems(agenda)
    return problems


@dataclass(frozen=True)
class _Seats:
    capacity: int | None
    open_choices: int
    confirmed: int


def _workshop_seats(event: Event) -> dict[int, _Seats]:
    open_choice = ~Q(choices__status=WorkshopChoice.Status.CANCELLED)
    confirmed = Q(choices__status=WorkshopChoice.Status.CONFIRMED)
    rows = event.sessions.annotate(
        open_choices=Count("choices", filter=open_choice),
        confirmed=Count("choices", filter=confirmed),
    ).values_list("pk", "capacity", "open_choices", "confirmed")
    return {pk: _Seats(capacity, open_, confirmed) for pk, capacity, open_, confirmed in rows}


def _removal_problems(index: int, seats: _Seats | None) -> list[Problem]:
    if seats and seats.open_choices:
        message = _("People have chosen this workshop; it cannot be removed.")
        return [Problem(message, "DELETE", index)]
    return []


def _time_problems(event: Event, index: int, session: SessionData) -> list[Problem]:
    if session.ends_at <= session.starts_at:
        return [Problem(_("The session must end after it starts."), "ends", index)]
    if not (event.starts_at and event.ends_at):
        return []
    if session.starts_at < event.starts_at or session.ends_at > event.ends_at:
        message = _("The session must lie within the event (%(starts)s – %(ends)s).") % {
            "starts": _local(event.starts_at),
            "ends": _local(event.ends_at),
        }
        return [Problem(message, "starts", index)]
    return []


def _local(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


def _workshop_problems(
    index: int, session: SessionData, seats: _Seats | None, keep_confirmed: bool
) -> list[Problem]:
    if seats is None or not seats.open_choices:
        return []
    if not session.is_workshop:
        message = _("People have chosen this workshop; it must stay a workshop.")
        return [Problem(message, "is_workshop", index)]
    lowered = session.capacity is not None and session.capacity != seats.capacity
    if lowered and session.capacity < seats.confirmed and not keep_confirmed:
        return [Problem(_below_confirmed(seats.confirmed), "capacity", index)]
    return []


def _below_confirmed(confirmed: int) -> str:
    message = ngettext(
        "%(count)s place is confirmed already. To set fewer, tick “Keep those already "
        "confirmed” below the event's capacity.",
        "%(count)s places are confirmed already. To set fewer, tick “Keep those already "
        "confirmed” below the event's capacity.",
        confirmed,
    )
    return message % {"count": confirmed}


def _people_problems(agenda: Agenda) -> list[Problem]:
    problems = []
    for index, person in enumerate(agenda.people):
        if person.session is None:
            continue
        if person.session >= len(agenda.sessions) or agenda.sessions[person.session].delete:
            message = _("Choose an agenda item that stays on the agenda.")
            problems.append(Problem(message, "session", person=index))
    return problems


def capacity_problems(*, event: Event, old_capacity: int, keep_confirmed: bool) -> list[Problem]:
    """Lowering the capacity below the confirmed count needs the manager's decision."""
    if event.capacity == old_capacity or keep_confirmed:
        return []
    confirmed = event.registrations.filter(status=Registration.Status.CONFIRMED).count()
    if event.capacity < confirmed:
        message = ngettext(
            "%(count)s person is confirmed already. To set a lower capacity, tick “Keep "
            "those already confirmed”: nobody loses their seat, and nobody new is confirmed "
            "until enough have cancelled.",
            "%(count)s people are confirmed already. To set a lower capacity, tick “Keep "
            "those already confirmed”: nobody loses their seat, and nobody new is confirmed "
            "until enough have cancelled.",
            confirmed,
        )
        return [Problem(message % {"count": confirmed}, "capacity")]
    return []


# --- Agenda: writes -------------------------------------------------------------------------


def agenda_save(*, event: Event, agenda: Agenda) -> None:
    """Update existing sessions, add new ones, remove those marked; replace the people."""
    existing = {session.pk: session for session in event.sessions.all()}
    event.people.all().delete()
    saved: list[Session | None] = []
    for data in agenda.sessions:
        session = existing.get(data.id) if data.id else None
        if data.delete:
            if session:
                session.delete()
            saved.append(None)
            continue
        saved.append(_session_save(session or Session(event=event), data))
    EventPerson.objects.bulk_create(
        EventPerson(
            event=event,
            session=saved[data.session] if data.session is not None else None,
            role=data.role,
            person=data.person,
            name=data.name,
            function=data.function,
            position=position,
        )
        for position, data in enumerate(agenda.people)
    )


def _session_save(session: Session, data: SessionData) -> Session:
    session.title = data.title
    session.description = data.description
    session.starts_at = data.starts_at
    session.ends_at = data.ends_at
    session.is_workshop = data.is_workshop
    session.capacity = data.capacity if data.is_workshop else None
    session.slot = data.slot
    session.room = data.room
    session.save()
    return session
