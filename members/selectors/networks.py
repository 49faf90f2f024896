"""Reusable reads about networks, their members, and what a user's dashboard shows."""

from django.db.models import Count, Q, QuerySet

from members import roles
from members.access import organisations_visible_to
from members.models import Membership, Network, Person, User


def networks_with_member_counts() -> QuerySet[Network]:
    active = Q(memberships__status=Membership.Status.ACTIVE)
    return Network.objects.select_related("parent").annotate(
        member_count=Count("memberships", filter=active & Q(memberships__role="member")),
        partner_count=Count("memberships", filter=active & ~Q(memberships__role="member")),
    )


def network_members(*, network: Network, viewer) -> QuerySet[Membership]:
    """Active memberships of ``network`` whose organisation the viewer may see."""
    return (
        Membership.objects.filter(network=network, status=Membership.Status.ACTIVE)
        .filter(organisation__in=organisations_visible_to(viewer))
        .select_related("organisation", "organisation__region")
        .order_by("role", "organisation__name")
    )


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
