"""Listings shown on other apps' pages (an organisation's profile), without those apps
importing cooperations: the page loads this tag library."""

from django import template
from django.db.models import QuerySet

from cooperations import access
from cooperations.models import Listing
from members.models import Organisation

register = template.Library()

PROFILE_LISTINGS = 5


@register.simple_tag(takes_context=True)
def organisation_listings(context, organisation: Organisation) -> QuerySet[Listing]:
    """The organisation's current published listings the viewer may see, newest first."""
    request = context["request"]
    return (
        access.live_listings_visible_to(request.user)
        .filter(organisation=organisation)
        .prefetch_related("topics")
        .order_by("-published_at", "-pk")[:PROFILE_LISTINGS]
    )
