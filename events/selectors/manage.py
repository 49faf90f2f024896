"""Reads of the manager area's event pages: the list, the form's choices, the copy."""

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from events import access
from events.models import Event, EventPerson, Registration, Session
from members import roles
from members.models import Membership, Network, Person, User

PAST_SHOWN = 20


def managed_events(user: User, *, past: bool) -> QuerySet[Event]:
    """The user's events with ``confirmed_count`` and ``waitlisted_count``; two queries.

    Upcoming (not ended) soonest first; past ones latest first.
    """
    now = timezone.now()
    events = (
        access.events_managed_by(user)
        .select_related("series")
        .prefetch_related("organising_networks")
        .annotate(
            confirmed_count=Count(
                "registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)
            ),
            waitlisted_count=Count(
                "registrations", filter=Q(registrations__status=Registration.Status.WAITLISTED)
            ),
        )
    )
    if past:
        return events.filter(ends_at__lt=now).order_by("-starts_at", "-id")
    return events.filter(ends_at__gte=now).order_by("starts_at", "id")


def networks_for_organising(user: User) -> QuerySet[Network]:
    """The networks the user may name as organisers: managed ones, all for platform admins."""
    user_roles = roles.for_user(user)
    if user_roles.is_platform_admin:
        return Network.objects.all()
    return Network.objects.filter(pk__in=user_roles.managed_network_ids)


def people_for_event(user: User, event: Event | None = None) -> QuerySet[Person]:
    """Persons a manager may name as contact or speaker.

    The active people of organisations active in the managed networks, the user's own
    people, and those the event names already; every active person for platform admins.
    """
    user_roles = roles.for_user(user)
    people = Person.objects.select_related("organisation").order_by(
        "last_name", "first_name", "organisation__name", "pk"
    )
    chosen = Q(is_active=True)
    if not user_roles.is_platform_admin:
        in_networks = Membership.objects.filter(
            network_id__in=user_roles.managed_network_ids, status=Membership.Status.ACTIVE
        ).values("organisation_id")
        chosen &= Q(organisation_id__in=in_networks) | Q(user=user)
    if event is not None and event.pk:
        chosen |= Q(pk__in=EventPerson.objects.filter(event=event).values("person_id"))
        chosen |= Q(pk__in=Event.objects.filter(pk=event.pk).values("contact_person_id"))
    return people.filter(chosen)


def event_for_form(event: Event) -> Event:
    """The event with its sessions and people, as the edit and copy forms need them."""
    return (
        Event.objects.select_related("series")
        .prefetch_related(
            "organising_networks",
            "audience_networks",
            "target_regions",
            "target_sectors",
            "sessions",
            "people",
        )
        .get(pk=event.pk)
    )


def open_registration_counts(event: Event) -> dict[str, int]:
    """How many are confirmed and waiting: those the cancellation mail goes to."""
    counts = event.registrations.aggregate(
        confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
        waitlisted=Count("pk", filter=Q(status=Registration.Status.WAITLISTED)),
    )
    return {name: value or 0 for name, value in counts.items()}


def sessions_of(event: Event) -> QuerySet[Session]:
    return event.sessions.order_by("starts_at", "slot", "id")
