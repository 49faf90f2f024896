"""Reusable reads about networks, their members, and what a user's dashboard shows."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from events.models import Event
from members import roles
from members.access import (
    can_manage_network,
    organisations_that_may_apply,
    organisations_visible_to,
)
from members.models import Membership, Network, NetworkManager, Organisation, Person, User

NETWORK_PAGE_EVENT_COUNT = 5
OPEN_STATUSES = (Membership.Status.APPLIED, Membership.Status.ACTIVE)


def networks_with_member_counts() -> QuerySet[Network]:
    active = Q(memberships__status=Membership.Status.ACTIVE)
    return Network.objects.select_related("parent").annotate(
        member_count=Count("memberships", filter=active & Q(memberships__role="member")),
        partner_count=Count("memberships", filter=active & ~Q(memberships__role="member")),
    )


def networks_for_list() -> QuerySet[Network]:
    """Every network with its counts, regions and sub-networks (the list of networks)."""
    return networks_with_member_counts().prefetch_related("regions", "children")


def network_page(network: Network) -> Network:
    """The network with its counts, regions and sub-networks, for its public page."""
    return networks_for_list().get(pk=network.pk)


def network_members(*, network: Network, viewer, partners: bool = False) -> QuerySet[Membership]:
    """Active members (or partners) of ``network`` whose organisation the viewer may see."""
    memberships = Membership.objects.filter(network=network, status=Membership.Status.ACTIVE)
    if partners:
        memberships = memberships.exclude(role=Membership.Role.MEMBER)
    else:
        memberships = memberships.filter(role=Membership.Role.MEMBER)
    return (
        memberships.filter(organisation__in=organisations_visible_to(viewer))
        .select_related("organisation", "organisation__region")
        .order_by("role", "organisation__name")
    )


def network_events(network: Network) -> QuerySet[Event]:
    """The next published events the network organises."""
    return Event.objects.filter(
        organising_networks=network,
        status=Event.Status.PUBLISHED,
        ends_at__gte=timezone.now(),
    ).order_by("starts_at", "id")[:NETWORK_PAGE_EVENT_COUNT]


# --- The managers' contact --------------------------------------------------------------


@dataclass(frozen=True)
class ManagerContact:
    """What the network page shows of a manager.

    Name, function and organisation are public; the e-mail address and phone number only
    where the manager's contact record makes them public. People of the network (members,
    its managers, platform admins) also see the manager's e-mail address.
    """

    name: str
    function: str
    organisation: Organisation | None
    email: str
    phone: str


def manager_contacts(*, network: Network, viewer) -> list[ManagerContact]:
    people = Person.objects.filter(is_active=True).select_related("organisation")
    manager_roles = (
        NetworkManager.objects.filter(network=network, user__is_active=True)
        .select_related("user")
        .prefetch_related(Prefetch("user__people", queryset=people, to_attr="active_people"))
        .order_by("user__last_name", "user__first_name", "pk")
    )
    insider = _is_insider(viewer, network)
    return [_contact(role.user, insider=insider) for role in manager_roles]


def _is_insider(viewer, network: Network) -> bool:
    return can_manage_network(viewer, network) or network.pk in roles.for_user(viewer).network_ids


def _contact(user: User, *, insider: bool) -> ManagerContact:
    person = user.active_people[0] if user.active_people else None
    email = person.email if person and person.show_email and person.email else ""
    return ManagerContact(
        name=user.get_full_name() or (person.full_name if person else ""),
        function=person.function if person else "",
        organisation=person.organisation if person else None,
        email=email or (user.email if insider else ""),
        phone=person.phone if person and person.show_phone else "",
    )


# --- What an organisation admin sees about applying --------------------------------------


@dataclass(frozen=True)
class Standing:
    """One of the viewer's organisations and its latest membership in the network."""

    organisation: Organisation
    membership: Membership | None

    @property
    def is_open(self) -> bool:
        return self.membership is not None and self.membership.status in OPEN_STATUSES


def standings(*, network: Network, user) -> list[Standing]:
    """The organisations the user administers, each with its standing in ``network``."""
    admin_of = roles.for_user(user).admin_of
    if not admin_of:
        return []
    latest = Membership.objects.filter(network=network).order_by("-applied_at", "-id")
    organisations = Organisation.objects.filter(pk__in=admin_of).prefetch_related(
        Prefetch("memberships", queryset=latest, to_attr="memberships_here")
    )
    return [Standing(o, next(iter(o.memberships_here), None)) for o in organisations]


def organisations_free_to_apply(*, network: Network, user) -> QuerySet[Organisation]:
    """The user's organisations (as admin) that are neither in ``network`` nor applying."""
    open_memberships = Membership.objects.filter(network=network, status__in=OPEN_STATUSES)
    return organisations_that_may_apply(user).exclude(
        pk__in=open_memberships.values("organisation_id")
    )


# --- The user's own dashboard ("My area") ------------------------------------------------


def dashboard_for(user: User) -> dict:
    """What the dashboard shows: the user's organisations and the networks they manage."""
    user_roles = roles.for_user(user)
    people = Person.objects.filter(user=user, is_active=True).select_related("organisation")
    managed = networks_with_member_counts().filter(pk__in=user_roles.managed_network_ids)
    managed = managed.annotate(
        application_count=Count(
            "memberships",
            filter=Q(memberships__status=Membership.Status.APPLIED),
            distinct=True,
        )
    )
    return {"roles": user_roles, "people": people, "managed_networks": managed}
