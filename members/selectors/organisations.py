"""Reusable reads about organisations and their profiles."""

import calendar
import datetime
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from events.models import Event
from members.models import ColleagueInvitation, JoinRequest, Membership, Organisation, Person, User

# Admins are asked "is this profile still current?" after this many months ...
CONFIRMATION_PROMPT_MONTHS = 11
# ... and reminded by mail once it is this many months old (members.tasks).
CONFIRMATION_REMINDER_MONTHS = 12
HOSTED_EVENTS_SHOWN = 5


def organisation_profile(organisation: Organisation) -> Organisation:
    """The organisation with what its profile page shows, in a fixed number of queries.

    ``upcoming_hosted_events``: the next published events it hosts that have not ended.
    """
    public_contacts = Person.objects.filter(is_public_contact=True, is_active=True)
    active = Membership.objects.filter(status=Membership.Status.ACTIVE).select_related("network")
    hosted = Event.objects.filter(
        status=Event.Status.PUBLISHED, ends_at__gte=timezone.now()
    ).order_by("starts_at", "id")
    return (
        Organisation.objects.select_related("region")
        .prefetch_related(
            "sectors",
            "training_occupations",
            Prefetch("people", queryset=public_contacts, to_attr="public_contacts"),
            Prefetch("memberships", queryset=active, to_attr="active_memberships"),
            Prefetch(
                "hosted_events",
                queryset=hosted[:HOSTED_EVENTS_SHOWN],
                to_attr="upcoming_hosted_events",
            ),
        )
        .get(pk=organisation.pk)
    )


def organisation_duplicate(
    *, name: str, postal_code: str, exclude_pk: int | None = None
) -> Organisation | None:
    """An organisation of the same name (any case) at the same postal code, if there is one."""
    if not name.strip() or not postal_code.strip():
        return None
    same = Organisation.objects.filter(
        name__iexact=name.strip(), postal_code=postal_code.strip()
    ).exclude(pk=exclude_pk)
    return same.order_by("pk").first()


# --- The yearly confirmation --------------------------------------------------------------


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` months earlier (the month's last day where it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def confirmation_due(organisation: Organisation, today: datetime.date | None = None) -> bool:
    """Whether its admins should confirm the profile: never confirmed, or over 11 months ago."""
    if organisation.confirmed_on is None:
        return True
    today = today or timezone.localdate()
    return organisation.confirmed_on < months_before(today, CONFIRMATION_PROMPT_MONTHS)


def organisations_due_for_reminder(today: datetime.date) -> QuerySet[Organisation]:
    """Organisations unconfirmed for 12 months or more, with their active admins."""
    cutoff = months_before(today, CONFIRMATION_REMINDER_MONTHS)
    return (
        Organisation.objects.filter(Q(confirmed_on__lte=cutoff) | Q(confirmed_on__isnull=True))
        .prefetch_related(Prefetch("people", queryset=admins(), to_attr="admins"))
        .order_by("pk")
    )


# --- Who acts for an organisation ----------------------------------------------------------


def admins() -> QuerySet[Person]:
    """Active organisation admins who can sign in, with their users (for mail)."""
    return Person.objects.filter(
        role=Person.Role.ADMIN, is_active=True, user__isnull=False, user__is_active=True
    ).select_related("user")


def admin_users_of(organisation: Organisation) -> list[User]:
    return [person.user for person in admins().filter(organisation=organisation)]


@dataclass(frozen=True)
class PeoplePage:
    people: list[Person]
    join_requests: list[JoinRequest]
    invitations: list[ColleagueInvitation]


def organisation_people(organisation: Organisation) -> PeoplePage:
    """Everyone of the organisation (active first), pending requests to join, open invitations."""
    people = (
        organisation.people.filter(anonymisation__isnull=True)
        .select_related("user")
        .order_by("-is_active", "last_name", "first_name", "pk")
    )
    requests = organisation.join_requests.filter(status=JoinRequest.Status.PENDING)
    invitations = organisation.colleague_invitations.filter(
        status=ColleagueInvitation.Status.OPEN
    ).select_related("invited_by")
    return PeoplePage(
        people=list(people),
        join_requests=list(requests.select_related("user").order_by("created_at", "pk")),
        invitations=list(invitations.order_by("-created_at", "-pk")),
    )


def pending_join_request(*, organisation: Organisation, user) -> JoinRequest | None:
    if not user.is_authenticated:
        return None
    return organisation.join_requests.filter(user=user, status=JoinRequest.Status.PENDING).first()


@dataclass(frozen=True)
class AdminTask:
    """What an organisation admin should look at on their dashboard."""

    organisation: Organisation
    pending_join_requests: int
    confirmation_due: bool


def admin_tasks_for(user: User) -> list[AdminTask]:
    """For each organisation ``user`` administers: pending requests and a due confirmation."""
    if not user.is_authenticated:
        return []
    pending = Q(join_requests__status=JoinRequest.Status.PENDING)
    organisations = (
        Organisation.objects.filter(
            people__user=user, people__role=Person.Role.ADMIN, people__is_active=True
        )
        .annotate(pending_count=Count("join_requests", filter=pending, distinct=True))
        .order_by("name", "pk")
    )
    tasks = [AdminTask(org, org.pending_count, confirmation_due(org)) for org in organisations]
    return [task for task in tasks if task.pending_join_requests or task.confirmation_due]
