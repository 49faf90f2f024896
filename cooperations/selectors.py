"""Reads of listings beyond the visibility rule (which lives in ``access``)."""

from django.db.models import Case, IntegerField, QuerySet, Value, When, prefetch_related_objects

from cooperations.models import Listing
from members.models import Organisation

STATUS_ORDER = Case(
    When(status=Listing.Status.DRAFT, then=Value(0)),
    When(status=Listing.Status.PUBLISHED, then=Value(1)),
    When(status=Listing.Status.EXPIRED, then=Value(2)),
    default=Value(3),
    output_field=IntegerField(),
)


def listing_page(listing: Listing) -> Listing:
    """The listing with everything its page shows."""
    prefetch_related_objects([listing], "topics", "sectors", "regions", "shared_networks")
    return listing


def listings_of(organisations: QuerySet[Organisation]) -> QuerySet[Listing]:
    """Every listing of these organisations: drafts first, then published, expired, closed."""
    return (
        Listing.objects.filter(organisation__in=organisations)
        .select_related("organisation")
        .prefetch_related("topics")
        .order_by(STATUS_ORDER, "valid_until", "pk")
    )
