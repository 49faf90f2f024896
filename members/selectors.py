"""Reusable reads about networks, organisations and people."""

from django.db.models import Count, Prefetch, Q, QuerySet

from members import roles
from members.access import organisations_visible_to
from members.models import Membership, Network, Organisation, Person, User


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


def organisation_profile(organisation: Organisation) -> Organisation:
    """The organisation with what its profile page shows, in a fixed number of queries."""
    public_contacts = Person.objects.filter(is_public_contact=True, is_active=True)
    active = Membership.objects.filter(status=Membership.Status.ACTIVE).select_related("network")
    return (
        Organisation.objects.select_related("region")
        .prefetch_related(
            "sectors",
            "training_occupations",
            Prefetch("people", queryset=public_contacts, to_attr="public_contacts"),
            Prefetch("memberships", queryset=active, to_attr="active_memberships"),
        )
        .get(pk=organisation.pk)
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
