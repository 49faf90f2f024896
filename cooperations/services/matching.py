"""Matching: suggested counterparts for a listing, and new listings for an organisation.

Read-only (a selector in the services package). Candidates are always listings the viewer
may see (``access.live_listings_visible_to``): published, current, of another organisation.

How a counterpart is ranked (requests for an offer, offers for a request):

    score = 3 × shared topics + 2 × shared sectors + 2 if they share a place + text points

- a *place* is a target region of a listing or the region of its organisation: a request
  from Bochum shares a place with an offer aimed at Bochum, or with one from Bochum;
- *text points* come from PostgreSQL's German full-text search: ``ts_rank`` of the other
  listing's stored weighted vector (``Listing.search``: title A, summary and description
  B) against an OR query of this listing's most significant words (its stemmed lexemes
  without stop words and words every listing uses, ``GENERIC_WORDS``: title words first,
  then the most frequent; at most ``TEXT_TERMS``), times ``TEXT_WEIGHT``, at most
  ``TEXT_MAX``. With such an OR query ``ts_rank`` stays small (0.02 for one shared word,
  0.07 for a few in the title), so the factor brings it near a shared sector. "Similar
  text" is said from ``SIMILAR_TEXT`` points on.
  We chose ``ts_rank`` over trigram similarity: it stems German words ("Ausbildung",
  "Ausbildungsplätze"), ignores stop words and needs no extension. Without PostgreSQL
  (``make run`` on SQLite) the text counts nothing.

A suggestion needs a shared topic, a shared sector or similar text; a shared place alone
only ranks. Ties go to the newer listing. Each suggestion carries its reasons in the
user's words ("same topic: Marketing · same region: Bochum · similar text").

A call costs a fixed number of queries: the lexemes of the listing (one), the
candidates (one), and their topics, sectors and target regions (three prefetches).
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQueryField, SearchRank
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Least
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cooperations import access
from cooperations.models import Listing

TOPIC_POINTS, SECTOR_POINTS, PLACE_POINTS = 3, 2, 2
TEXT_WEIGHT, TEXT_MAX = 40.0, 4.0
SIMILAR_TEXT = 2.0
TEXT_TERMS = 12
# Words every listing uses; they say nothing about what it is about (stemmed in the query).
GENERIC_WORDS = (
    "Angebot Anfrage bieten bietet gesucht suchen sucht Partner Partnerin Unternehmen Betrieb "
    "Betriebe Firma Region regional gemeinsam Kooperation uns unser unsere sich gern Jahr "
    "neu neue freie Interesse"
)
SUGGESTIONS = 5
NAMES_SHOWN = 3

TopicLink = Listing.topics.through
SectorLink = Listing.sectors.through
RegionLink = Listing.regions.through


@dataclass(frozen=True)
class Match:
    """A suggested listing and why it was suggested."""

    listing: Listing
    score: float
    reasons: list[str]


# --- Counterparts of a listing -----------------------------------------------------------


def listing_matches(*, listing: Listing, viewer, limit: int = SUGGESTIONS, today=None) -> list:
    """Up to ``limit`` counterparts of ``listing`` that ``viewer`` may see, best first."""
    topics = _ids(listing.topics.all())
    sectors = _ids(listing.sectors.all())
    places = _ids(listing.regions.all()) | _ids_of(listing.organisation.region_id)
    candidates = (
        access.live_listings_visible_to(viewer, today)
        .filter(kind=_opposite(listing.kind))
        .exclude(organisation_id=listing.organisation_id)
        .annotate(
            shared_topics=shared_count(TopicLink, "topic_id", topics),
            shared_sectors=shared_count(SectorLink, "sector_id", sectors),
            shares_place=_shares_place(places),
            text_points=_text_points(listing),
        )
        .filter(Q(shared_topics__gt=0) | Q(shared_sectors__gt=0) | Q(text_points__gte=SIMILAR_TEXT))
        .annotate(score=_score())
        .order_by("-score", "-published_at", "-pk")
        .select_related("organisation__region")
        .prefetch_related("topics", "sectors", "regions")[:limit]
    )
    return [
        Match(
            listing=candidate,
            score=candidate.score,
            reasons=reasons(
                candidate,
                topics=topics,
                sectors=sectors,
                places=places,
                similar_text=candidate.text_points >= SIMILAR_TEXT,
            ),
        )
        for candidate in candidates
    ]


def _opposite(kind: str) -> str:
    return Listing.Kind.REQUEST if kind == Listing.Kind.OFFER else Listing.Kind.OFFER


def _ids(items: Iterable) -> frozenset[int]:
    return frozenset(item.pk for item in items)


def _ids_of(*ids: int | None) -> frozenset[int]:
    return frozenset(pk for pk in ids if pk is not None)


def shared_count(link, field: str, ids: frozenset[int]):
    """How many of ``ids`` the candidate listing holds through the link table ``link``."""
    if not ids:
        return Value(0, output_field=IntegerField())
    counted = (
        link.objects.filter(listing_id=OuterRef("pk"), **{f"{field}__in": ids})
        .order_by()
        .values("listing_id")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _shares_place(places: frozenset[int]):
    if not places:
        return Value(False)
    targets = RegionLink.objects.filter(listing_id=OuterRef("pk"), region_id__in=places)
    return ExpressionWrapper(
        Q(organisation__region_id__in=places) | Q(Exists(targets)), output_field=BooleanField()
    )


def _score():
    place = Case(When(shares_place=True, then=Value(PLACE_POINTS)), default=Value(0))
    return (
        F("shared_topics") * TOPIC_POINTS
        + F("shared_sectors") * SECTOR_POINTS
        + Cast(place, FloatField())
        + F("text_points")
    )


# --- Text similarity (PostgreSQL full-text search) ---------------------------------------


def _text_points(listing: Listing):
    terms = significant_terms(listing) if connection.vendor == "postgresql" else []
    if not terms:
        return Value(0.0, output_field=FloatField())
    query = Cast(Value(" | ".join(_quoted(term) for term in terms)), SearchQueryField())
    points = Cast(SearchRank(F("search"), query), FloatField()) * TEXT_WEIGHT
    return Least(points, Value(TEXT_MAX))


LEXEMES_SQL = """
SELECT lexeme, array_length(positions, 1), 'A' = ANY(weights::text[])
FROM unnest(setweight(to_tsvector('german', %s), 'A') || to_tsvector('german', %s))
WHERE lexeme <> ALL(tsvector_to_array(to_tsvector('german', %s)))
"""


def significant_terms(listing: Listing) -> list[str]:
    """The listing's stemmed words that say most: title words, then the most frequent."""
    text = f"{listing.summary}\n{listing.description}"
    with connection.cursor() as cursor:
        cursor.execute(LEXEMES_SQL, [listing.title, text, GENERIC_WORDS])
        rows = cursor.fetchall()
    words = [
        (in_title, count or 1, lexeme)
        for lexeme, count, in_title in rows
        if len(lexeme) >= 3 and any(char.isalpha() for char in lexeme)
    ]
    words.sort(key=lambda word: (not word[0], -word[1], -len(word[2]), word[2]))
    return [lexeme for _in_title, _count, lexeme in words[:TEXT_TERMS]]


def _quoted(lexeme: str) -> str:
    """A lexeme as a literal of PostgreSQL's tsquery syntax (no second stemming)."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


# --- Reasons in the user's words ----------------------------------------------------------


def reasons(
    candidate: Listing,
    *,
    topics: frozenset[int],
    sectors: frozenset[int],
    places: frozenset[int],
    similar_text: bool = False,
    where_based: bool = True,
) -> list[str]:
    """Why ``candidate`` was suggested, e.g. ["same topic: Marketing", "similar text"].

    ``where_based``: the candidate's organisation's region counts as one of its places.
    """
    found = []
    shared_topics = [t.label for t in candidate.topics.all() if t.pk in topics]
    if shared_topics:
        count = len(shared_topics)
        pattern = ngettext("same topic: %(names)s", "same topics: %(names)s", count)
        found.append(_named(pattern, shared_topics))
    shared_sectors = [s.label for s in candidate.sectors.all() if s.pk in sectors]
    if shared_sectors:
        count = len(shared_sectors)
        pattern = ngettext("same sector: %(names)s", "same sectors: %(names)s", count)
        found.append(_named(pattern, shared_sectors))
    own_places = _places_of(candidate) if where_based else candidate.regions.all()
    shared_places = sorted({r.name for r in own_places if r.pk in places}, key=str.casefold)
    if shared_places:
        count = len(shared_places)
        pattern = ngettext("same region: %(names)s", "same regions: %(names)s", count)
        found.append(_named(pattern, shared_places))
    if similar_text:
        found.append(_("similar text"))
    return found


def _places_of(candidate: Listing) -> list:
    region = candidate.organisation.region
    return [*candidate.regions.all(), *([region] if region else [])]


def _named(pattern: str, names: list[str]) -> str:
    """At most ``NAMES_SHOWN`` names, then an ellipsis: "same regions: Bochum, Hagen, …"."""
    shown = ", ".join(names[:NAMES_SHOWN]) + (", …" if len(names) > NAMES_SHOWN else "")
    return pattern % {"names": shown}


# --- New listings for an organisation (the weekly digest) --------------------------------


def organisation_matches(
    *,
    organisation,
    viewer,
    since: datetime.datetime,
    now: datetime.datetime,
) -> list[Match]:
    """Listings published in ``[since, now)`` that fit ``organisation``, best first.

    A listing fits when it shares a topic with one of the organisation's current listings
    of the other kind (a request for what it offers, an offer for what it seeks), shares a
    sector with its profile or listings, or is aimed at the organisation's region. Only
    listings ``viewer`` may see; never the organisation's own.
    """
    own = list(
        access.live_listings_visible_to(viewer, timezone.localdate(now))
        .filter(organisation=organisation)
        .prefetch_related("topics", "sectors")
    )
    offered = _ids(t for o in own if o.kind == Listing.Kind.OFFER for t in o.topics.all())
    sought = _ids(t for o in own if o.kind == Listing.Kind.REQUEST for t in o.topics.all())
    sectors = _ids(organisation.sectors.all()) | _ids(s for o in own for s in o.sectors.all())
    places = _ids_of(organisation.region_id)
    candidates = _new_fitting(
        organisation, viewer, since, now, offered=offered, sought=sought, sectors=sectors
    )
    return [
        Match(
            listing=candidate,
            score=candidate.score,
            reasons=reasons(
                candidate,
                topics=sought if candidate.kind == Listing.Kind.OFFER else offered,
                sectors=sectors,
                places=places,
                where_based=False,  # only listings aimed at the region count it
            ),
        )
        for candidate in candidates
    ]


def _new_fitting(organisation, viewer, since, now, *, offered, sought, sectors) -> QuerySet:
    aimed_here = RegionLink.objects.filter(
        listing_id=OuterRef("pk"), region_id=organisation.region_id
    )
    topics = Case(
        When(kind=Listing.Kind.OFFER, then=shared_count(TopicLink, "topic_id", sought)),
        default=shared_count(TopicLink, "topic_id", offered),
    )
    place = Case(When(Exists(aimed_here), then=Value(PLACE_POINTS)), default=Value(0))
    return (
        access.live_listings_visible_to(viewer, timezone.localdate(now))
        .filter(published_at__gte=since, published_at__lt=now)
        .exclude(organisation=organisation)
        .annotate(
            shared_topics=topics,
            shared_sectors=shared_count(SectorLink, "sector_id", sectors),
            place_points=place,
        )
        .annotate(
            score=F("shared_topics") * TOPIC_POINTS
            + F("shared_sectors") * SECTOR_POINTS
            + F("place_points")
        )
        .filter(score__gt=0)
        .order_by("-score", "-published_at", "-pk")
        .select_related("organisation__region")
        .prefetch_related("topics", "sectors", "regions")
    )
