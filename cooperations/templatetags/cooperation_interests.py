"""Template tags for the listing page: the interest panel and the suggested counterparts.

The listing page includes ``cooperations/interests/_listing_interest.html`` and
``cooperations/_matches.html``; those partials call these tags, so the listing view needs
no extra context.
"""

from django import template

from cooperations.mine import InterestPanel, interest_panel
from cooperations.services.matching import Match, listing_matches

register = template.Library()


@register.simple_tag(takes_context=True)
def listing_interest_panel(context, listing) -> InterestPanel:
    return interest_panel(context["request"].user, listing)


@register.simple_tag(takes_context=True)
def suggested_counterparts(context, listing) -> list[Match]:
    return listing_matches(listing=listing, viewer=context["request"].user)
