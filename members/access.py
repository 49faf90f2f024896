"""Who may see or change what. Views fetch objects by id or slug only through here.

Each ``*_for_view`` / ``*_for_change`` helper raises ``Http404`` when the user may not
know the object exists, and ``PermissionDenied`` when they may see it but not change it.
"""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from members import roles
from members.models import (
    ColleagueInvitation,
    JoinRequest,
    Membership,
    Network,
    Organisation,
    Person,
    User,
)

AnyUser = User | AnonymousUser
# Memberships through which a network manager looks after an organisation.
LOOKED_AFTER = (Membership.Status.ACTIVE, Membership.Status.APPLIED)


# --- Organisations ---------------------------------------------------------------------


def organisations_visible_to(user: AnyUser) -> QuerySet[Organisation]:
    """Public profiles for everybody; members-only profiles for people of a shared network.

    A members-only profile is visible to its own people, to people of organisations that
    are active in a network where it is active too, to the managers of a network where it
    is active or has applied (they decide the application), and to platform admins.
    """
    user_roles = roles.for_user(user)
    if user_roles.is_platform_admin:
        return Organisation.objects.all()
    return Organisation.objects.filter(
        Q(visibility=Organisation.Visibility.PUBLIC) | _connected(user_roles)
    )


def organisations_connected_to(user: AnyUser) -> QuerySet[Organisation]:
    """The non-public part of the rule above: organisations the user sees whatever their
    visibility (own, sharing an active network, managed; every one for platform admins)."""
    user_roles = roles.for_user(user)
    if user_roles.is_platform_admin:
        return Organisation.objects.all()
    return Organisation.objects.filter(_connected(user_roles))


def _connected(user_roles: roles.Roles) -> Q:
    connected = Q(pk__in=user_roles.organisation_ids)
    if user_roles.network_ids:
        connected |= Q(
            pk__in=_organisation_ids_in(user_roles.network_ids, Membership.Status.ACTIVE)
        )
    if user_roles.managed_network_ids:
        connected |= Q(pk__in=_organisation_ids_in(user_roles.managed_network_ids, *LOOKED_AFTER))
    return connected


def _organisation_ids_in(network_ids: frozenset[int], *statuses: str) -> QuerySet:
    return Membership.objects.filter(network_id__in=network_ids, status__in=statuses).values(
        "organisation_id"
    )


def organisations_managed_by(user: AnyUser) -> QuerySet[Organisation]:
    """Organisations a network manager looks after: members and applicants of their networks."""
    managed = roles.for_user(user).managed_network_ids
    return Organisation.objects.filter(pk__in=_organisation_ids_in(managed, *LOOKED_AFTER))


def can_view_organisation(user: AnyUser, organisation: Organisation) -> bool:
    return organisations_visible_to(user).filter(pk=organisation.pk).exists()


def can_change_organisation(user: AnyUser, organisation: Organisation) -> bool:
    """Its organisation admins, managers of a network it belongs to, platform admins."""
    user_roles = roles.for_user(user)
    if user_roles.is_platform_admin or organisation.pk in user_roles.admin_of:
        return True
    return organisations_managed_by(user).filter(pk=organisation.pk).exists()


def organisation_for_view(user: AnyUser, slug: str) -> Organisation:
    return get_object_or_404(organisations_visible_to(user), slug=slug)


def organisation_for_change(user: AnyUser, slug: str) -> Organisation:
    organisation = organisation_for_view(user, slug)
    if not can_change_organisation(user, organisation):
        raise PermissionDenied
    return organisation


def can_ask_to_join(user: AnyUser, organisation: Organisation) -> bool:
    """Signed-in users who do not act for the organisation yet may ask to join it."""
    return user.is_authenticated and organisation.pk not in roles.for_user(user).organisation_ids


# The people of an organisation, its requests to join and its invitations: for whoever may
# change the organisation (``organisation_for_change`` first), looked up within it.


def person_for_change(organisation: Organisation, pk: int) -> Person:
    return get_object_or_404(Person, organisation=organisation, pk=pk)


def join_request_for_decision(organisation: Organisation, pk: int) -> JoinRequest:
    return get_object_or_404(
        JoinRequest.objects.select_related("user"),
        organisation=organisation,
        pk=pk,
        status=JoinRequest.Status.PENDING,
    )


def invitation_for_change(organisation: Organisation, pk: int) -> ColleagueInvitation:
    return get_object_or_404(ColleagueInvitation, organisation=organisation, pk=pk)


# --- Networks --------------------------------------------------------------------------


def network_for_view(slug: str) -> Network:
    """Networks are public: everybody may see that a network exists and who manages it."""
    return get_object_or_404(Network.objects.select_related("parent"), slug=slug)


def can_manage_network(user: AnyUser, network: Network) -> bool:
    user_roles = roles.for_user(user)
    return user_roles.is_platform_admin or network.pk in user_roles.managed_network_ids


def network_for_manage(user: AnyUser, slug: str) -> Network:
    network = network_for_view(slug)
    if not can_manage_network(user, network):
        raise PermissionDenied
    return network


# --- Applications to join a network and the managers' dashboard -------------------------


def networks_for_manager_area(user: AnyUser) -> QuerySet[Network]:
    """The networks whose applications and figures the user sees: managed ones, or all."""
    user_roles = roles.for_user(user)
    if user_roles.is_platform_admin:
        return Network.objects.all()
    return Network.objects.filter(pk__in=user_roles.managed_network_ids)


def require_manager_area(user: AnyUser) -> None:
    """Only network managers and platform admins enter the manager area (403 otherwise)."""
    user_roles = roles.for_user(user)
    if not (user_roles.is_platform_admin or user_roles.is_manager):
        raise PermissionDenied


def application_for_decision(user: AnyUser, pk: int) -> Membership:
    """403 outside the manager area; 404 for a membership of a network not managed.

    A decided application is returned too: the service tells the manager it was decided.
    """
    require_manager_area(user)
    memberships = Membership.objects.filter(network__in=networks_for_manager_area(user))
    return get_object_or_404(memberships.select_related("organisation", "network"), pk=pk)


def organisations_that_may_apply(user: AnyUser) -> QuerySet[Organisation]:
    """Organisations the user may apply for: those they are organisation admin of."""
    return Organisation.objects.filter(pk__in=roles.for_user(user).admin_of)
