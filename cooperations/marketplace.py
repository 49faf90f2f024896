"""The marketplace: live listings the viewer may see, searched, filtered and sorted.

Search runs on PostgreSQL's German full-text search (stemming, prefix matching, ranking)
over the stored, GIN-indexed ``Listing.search`` (title weighted above summary and
description); elsewhere (SQLite for ``make run``) it falls back to ``icontains`` over the
same fields.
"""

import datetime
from collections.abc import Mapping
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q, QuerySet

from cooperations import access
from cooperations.models import Listing
from cooperations.models.listings import SEARCH_FIELDS
from members.directory import search_terms
from members.models import Membership


class Sort:
    RELEVANCE = "relevance"
    NEWEST = "newest"


def marketplace_search(
    *,
    viewer,
    query: str = "",
    filters: Mapping[str, Any] | None = None,
    sort: str = "",
    today: datetime.date | None = None,
) -> QuerySet[Listing]:
    """Listings ``viewer`` finds in the marketplace; a page costs a fixed number of queries."""
    listings = access.live_listings_visible_to(viewer, today)
    listings = _filtered(listings, filters or {})
    terms = search_terms(query)
    if terms:
        listings = _searched(listings, terms)
    listings = _sorted(listings, sort=sort, searching=bool(terms))
    # The stored vectors are searched in the database, never shown: not loaded. (The join
    # with the organisations would otherwise carry each one's vector: 1.3 → 2.1 MB hashed.)
    return (
        listings.select_related("organisation")
        .defer("search", "organisation__search")
        .prefetch_related("topics", "regions")
    )


def _searched(listings: QuerySet, terms: list[str]) -> QuerySet:
    if connection.vendor != "postgresql":
        return _plain_search(listings, terms)
    query = SearchQuery(
        " & ".join(f"{term}:*" for term in terms), search_type="raw", config="german"
    )
    # The stored vector: filtered through its GIN index, ranked without recomputing it.
    return listings.filter(search=query).alias(rank=SearchRank(F("search"), query))


def _plain_search(listings: QuerySet, terms: list[str]) -> QuerySet:
    condition = Q()
    for term in terms:
        any_field = Q()
        for field in SEARCH_FIELDS:
            any_field |= Q(**{f"{field}__icontains": term})
        condition &= any_field
    return listings.filter(condition)


def _filtered(listings: QuerySet, filters: Mapping[str, Any]) -> QuerySet:
    if kind := filters.get("kind"):
        listings = listings.filter(kind=kind)
    if topic := filters.get("topic"):
        listings = listings.filter(pk__in=topic.listings.values("pk"))
    if sector := filters.get("sector"):
        listings = listings.filter(pk__in=sector.listings.values("pk"))
    if region := filters.get("region"):
        listings = listings.filter(pk__in=region.listings.values("pk"))
    if network := filters.get("network"):
        listings = listings.filter(_in_network(network))
    if organisation_kind := filters.get("organisation_kind"):
        listings = listings.filter(organisation__kind=organisation_kind)
    return listings


def _in_network(network) -> Q:
    """Posted by an active member of the network, or shared with it."""
    members = Membership.objects.filter(network=network, status=Membership.Status.ACTIVE)
    shared = access.SharedNetwork.objects.filter(network=network).values("listing_id")
    return Q(organisation_id__in=members.values("organisation_id")) | Q(pk__in=shared)


def _sorted(listings: QuerySet, *, sort: str, searching: bool) -> QuerySet:
    if searching and sort in (Sort.RELEVANCE, "") and connection.vendor == "postgresql":
        return listings.order_by(F("rank").desc(), "-published_at", "-pk")
    return listings.order_by("-published_at", "-pk")
