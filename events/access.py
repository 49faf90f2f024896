"""Who may see events and cancel registrations. Views fetch objects only through here."""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, Expression, OuterRef, Q, QuerySet, Value
from django.http import Http404
from django.shortcuts import get_object_or_404

from events.models import Event, Registration
from members import roles
from members.models import Person, User

AnyUser = User | AnonymousUser


def events_visible_to(user: AnyUser) -> QuerySet[Event]:
    """Published and cancelled events for everybody; drafts for their managers and admins."""
    user_roles = roles.for_user(user)
    if user_roles.is_platform_admin:
        return Event.objects.all()
    visible = ~Q(status=Event.Status.DRAFT)
    if user_roles.managed_network_ids:
        managed = Event.objects.filter(organising_networks__in=user_roles.managed_network_ids)
        visible |= Q(pk__in=managed.values("pk"))
    return Event.objects.filter(visible)


def event_for_view(user: AnyUser, pk: int) -> Event:
    return get_object_or_404(events_visible_to(user), pk=pk)


def events_managed_by(user: AnyUser) -> QuerySet[Event]:
    """Every event of the networks the user manages (all events for platform admins)."""
    user_roles = roles.for_user(user)
    if user_roles.is_platform_admin:
        return Event.objects.all()
    if not user_roles.managed_network_ids:
        return Event.objects.none()
    managed = Event.objects.filter(organising_networks__in=user_roles.managed_network_ids)
    return Event.objects.filter(pk__in=managed.values("pk"))


def event_for_manager(user: AnyUser, pk: int) -> Event:
    """The event for the manager area: 404 when not visible, 403 when not managed.
    One query: whether ``user`` manages the event comes with it."""
    events = events_visible_to(user).annotate(is_managed_by_user=_managed_by(user))
    event = get_object_or_404(events, pk=pk)
    if not event.is_managed_by_user:
        raise PermissionDenied
    return event


def _managed_by(user: AnyUser) -> Expression:
    """True for the events ``user`` may manage, as ``can_manage_event`` decides."""
    user_roles = roles.for_user(user)
    if user_roles.is_platform_admin:
        return Value(True)
    if not user_roles.managed_network_ids:
        return Value(False)
    organisers = Event.organising_networks.through.objects.filter(
        event_id=OuterRef("pk"), network_id__in=user_roles.managed_network_ids
    )
    return Exists(organisers)


def can_manage_event(user: AnyUser, event: Event) -> bool:
    user_roles = roles.for_user(user)
    if user_roles.is_platform_admin:
        return True
    return event.organising_networks.filter(pk__in=user_roles.managed_network_ids).exists()


def can_cancel_registration(user: AnyUser, registration: Registration) -> bool:
    """The attendee, an admin of their organisation, a manager of an organising network."""
    if not user.is_authenticated:
        return False
    if registration.person.user_id == user.pk:
        return True
    if registration.organisation_id in roles.for_user(user).admin_of:
        return True
    return can_manage_event(user, registration.event)


def registration_for_cancel(user: AnyUser, pk: int) -> Registration:
    """404 for everybody else, so nobody learns whom others registered."""
    registration = get_object_or_404(
        Registration.objects.select_related("event", "person", "organisation"), pk=pk
    )
    if not can_cancel_registration(user, registration):
        raise Http404
    return registration


def people_registrable_by(user: AnyUser) -> QuerySet[Person]:
    """The user's own active person records (one per organisation)."""
    if not user.is_authenticated:
        return Person.objects.none()
    return Person.objects.filter(user=user, is_active=True).select_related("organisation")


def registration_for_manager(user: AnyUser, pk: int) -> Registration:
    """A registration for the manager area: 404 when unknown or its event is not visible,
    403 when the event is not managed by ``user``."""
    registration = get_object_or_404(
        Registration.objects.select_related("event", "person", "organisation"), pk=pk
    )
    event_for_manager(user, registration.event_id)
    return registration
