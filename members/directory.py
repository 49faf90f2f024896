"""The member directory: who may be listed, full-text search, filters and sorting.

Search runs on PostgreSQL's German full-text search (stemming, prefix matching, ranking)
over the stored, GIN-indexed ``Organisation.search`` (name weighted above the rest);
elsewhere (SQLite for ``make run``) it falls back to ``icontains`` over the same fields.
"""

import calendar
import datetime
import re
from collections.abc import Mapping
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from members import access
from members.models import Membership, Organisation
from members.models.organisations import SEARCH_FIELDS

# Profiles not confirmed within this many months leave the public directory.
CONFIRMATION_MONTHS = 13
MAX_TERMS = 8
_TERM = re.compile(r"[^\W_]+")  # runs of letters and digits, umlauts included


class Sort:
    RELEVANCE = "relevance"
    NAME = "name"
    NEWEST = "newest"


def directory_search(
    *, viewer, query: str = "", filters: Mapping[str, Any] | None = None, sort: str = ""
) -> QuerySet[Organisation]:
    """Organisations ``viewer`` finds in the directory, searched, filtered and sorted.

    Region and sectors come along, so a page of results costs a fixed number of queries.
    """
    organisations = listed_for(viewer)
    organisations = _filtered(organisations, filters or {})
    terms = search_terms(query)
    if terms:
        organisations = _searched(organisations, terms)
    organisations = _sorted(organisations, sort=sort, searching=bool(terms))
    # The stored vector is searched in the database, never shown: not loaded.
    return organisations.select_related("region").defer("search").prefetch_related("sectors")


def listed_for(viewer) -> QuerySet[Organisation]:
    """Organisations the viewer may see (``access``), minus stale profiles for the public.

    Our reading of the 13-month rule: a profile whose ``confirmed_on`` is empty or older
    than 13 months has dropped out of the *public* directory. Anonymous visitors and
    signed-in users without a connection to it no longer find it, even if it is public.
    Whoever is connected to it (its own people, people of organisations active in a
    shared network, managers of its networks, platform admins — ``access``'s non-public
    part) still finds it: they can tell whether it is current, and managers need to see
    it to chase the confirmation. The rule only narrows ``organisations_visible_to``.
    """
    fresh = Q(confirmed_on__gte=confirmation_cutoff())
    connected = Q(pk__in=access.organisations_connected_to(viewer).values("pk"))
    return access.organisations_visible_to(viewer).filter(fresh | connected)


def confirmation_cutoff(today: datetime.date | None = None) -> datetime.date:
    """The oldest ``confirmed_on`` that still counts as current (13 months back)."""
    today = today or timezone.localdate()
    year, month = divmod(today.year * 12 + today.month - 1 - CONFIRMATION_MONTHS, 12)
    month += 1
    day = min(today.day, calendar.monthrange(year, month)[1])
    return datetime.date(year, month, day)


def search_terms(query: str) -> list[str]:
    """Letters and digits only: nothing of the input reaches tsquery syntax."""
    return _TERM.findall(query or "")[:MAX_TERMS]


def _searched(organisations: QuerySet, terms: list[str]) -> QuerySet:
    if connection.vendor != "postgresql":
        return plain_search(organisations, terms)
    query = SearchQuery(
        " & ".join(f"{term}:*" for term in terms), search_type="raw", config="german"
    )
    # The stored vector: filtered through its GIN index, ranked without recomputing it.
    return organisations.filter(search=query).alias(rank=SearchRank(F("search"), query))


def plain_search(organisations: QuerySet, terms: list[str]) -> QuerySet:
    """The fallback without PostgreSQL: every term somewhere in the fields, any case."""
    condition = Q()
    for term in terms:
        any_field = Q()
        for field in SEARCH_FIELDS:
            any_field |= Q(**{f"{field}__icontains": term})
        condition &= any_field
    return organisations.filter(condition)


def _filtered(organisations: QuerySet, filters: Mapping[str, Any]) -> QuerySet:
    if network := filters.get("network"):
        active = Membership.objects.filter(network=network, status=Membership.Status.ACTIVE)
        organisations = organisations.filter(pk__in=active.values("organisation_id"))
    if region := filters.get("region"):
        organisations = organisations.filter(region=region)
    if kind := filters.get("kind"):
        organisations = organisations.filter(kind=kind)
    if size := filters.get("size"):
        organisations = organisations.filter(size=size)
    if sector := filters.get("sector"):
        organisations = organisations.filter(pk__in=sector.organisations.values("pk"))
    if occupation := filters.get("occupation"):
        organisations = organisations.filter(pk__in=occupation.organisations.values("pk"))
    return organisations


def _sorted(organisations: QuerySet, *, sort: str, searching: bool) -> QuerySet:
    if sort == Sort.NEWEST:
        return organisations.order_by("-created_at", "name", "pk")
    if searching and sort in (Sort.RELEVANCE, "") and connection.vendor == "postgresql":
        return organisations.order_by(F("rank").desc(), "name", "pk")
    return organisations.order_by("name", "pk")
