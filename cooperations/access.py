"""Who may see or change which listing. Every read of listings starts here.

``listings_visible_to`` is the one rule of visibility (marketplace, listing page, feed,
matching): an organisation's own people see all its listings, drafts included; everybody
else sees listings that left the draft stage, and only within their visibility:

- public: everybody, anonymous visitors too;
- partners: people of partner organisations (chambers, agencies, universities, ...) and
  network managers;
- networks: people of organisations active in one of the chosen networks, and the managers
  of those networks.

Platform admins see every listing. Views fetch a listing by id only through the helpers
below: 404 when the user may not know it exists, 403 when they see it but may not change it.
"""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from cooperations.models import Listing
from members import roles
from members.models import Organisation, User

AnyUser = User | AnonymousUser
SharedNetwork = Listing.shared_networks.through


def listings_visible_to(user: AnyUser) -> QuerySet[Listing]:
    """Every listing ``user`` may see, in any status (see the module's rule)."""
    user_roles = roles.for_user(user)
    if user_roles.is_platform_admin:
        return Listing.objects.all()
    own = Q(organisation_id__in=user_roles.organisation_ids)
    return Listing.objects.filter(own | (~Q(status=Listing.Status.DRAFT) & _audience(user_roles)))


def _audience(user_roles: roles.Roles) -> Q:
    audience = Q(visibility=Listing.Visibility.PUBLIC)
    if user_roles.is_partner or user_roles.is_manager:
        audience |= Q(visibility=Listing.Visibility.PARTNERS)
    networks = user_roles.network_ids | user_roles.managed_network_ids
    if networks:
        shared = SharedNetwork.objects.filter(network_id__in=networks).values("listing_id")
        audience |= Q(visibility=Listing.Visibility.NETWORKS, pk__in=shared)
    return audience


def live_listings_visible_to(user: AnyUser, today=None) -> QuerySet[Listing]:
    """The visible listings that are published and not past their date (marketplace)."""
    return listings_visible_to(user).filter(
        status=Listing.Status.PUBLISHED, valid_until__gte=today or timezone.localdate()
    )


def listing_for_view(user: AnyUser, pk: int) -> Listing:
    return get_object_or_404(listings_visible_to(user).select_related("organisation"), pk=pk)


def can_change_listing(user: AnyUser, listing: Listing) -> bool:
    """The admins and staff of the organisation that posted it."""
    return listing.organisation_id in roles.for_user(user).organisation_ids


def listing_for_change(user: AnyUser, pk: int) -> Listing:
    listing = listing_for_view(user, pk)
    if not can_change_listing(user, listing):
        raise PermissionDenied
    return listing


def organisations_that_may_post(user: AnyUser) -> QuerySet[Organisation]:
    """Organisations the user posts listings for: those they are admin or staff of."""
    return Organisation.objects.filter(pk__in=roles.for_user(user).organisation_ids)
