"""Matching: suggested counterparts ranked on a fixed data set, explained, within the
viewer's visibility, at a fixed number of queries."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from cooperations.models import Listing
from cooperations.services.matching import listing_matches
from tests import factories
from tests.cooperations.factories import ListingFactory
from tests.cooperations.helpers import german

pytestmark = pytest.mark.django_db

OFFER, REQUEST = Listing.Kind.OFFER, Listing.Kind.REQUEST


@pytest.fixture
def places(db) -> dict:
    return {
        slug: factories.RegionFactory(name=name)
        for slug, name in (("bochum", "Bochum"), ("hagen", "Hagen"), ("goettingen", "Göttingen"))
    }


@pytest.fixture
def sectors(db) -> dict:
    return {
        "metall": factories.SectorFactory(name="Metallverarbeitung", name_en="Metalworking"),
        "verpackung": factories.SectorFactory(name="Verpackung", name_en="Packaging"),
    }


@pytest.fixture
def market(world, topics, places, sectors) -> dict:
    """A request from Bochum and the offers around it, each published a day apart.

    The other organisations sit in Göttingen, so only the places named here are shared.
    """
    days = iter(range(1, 30))

    def listing(name, kind=OFFER, organisation=None, **values):
        organisation = organisation or factories.OrganisationFactory(
            name=f"{name} GmbH", region=places["goettingen"]
        )
        return ListingFactory(
            title=values.pop("title"),
            kind=kind,
            organisation=organisation,
            published_at=timezone.now() - dt.timedelta(days=next(days)),
            **values,
        )

    fitting = {"topics": [topics["lohnfertigung"]], "sectors": [sectors["metall"]]}
    quiet = {"summary": "Bitte melden Sie sich.", "description": "", **fitting}
    return {
        "request": listing(
            "Anfrager",
            kind=REQUEST,
            organisation=world.company,
            title="Zulieferer für Stanzteile und Biegeteile gesucht",
            summary="Wir suchen Stanzteile aus Edelstahl in Kleinserien.",
            description="Jahresbedarf etwa 20.000 Stanzteile.",
            topics=[topics["lohnfertigung"], topics["einkauf"]],
            sectors=[sectors["metall"]],
            regions=[places["bochum"], places["hagen"]],
        ),
        "best": listing(
            "Volme Federn",
            title="Kapazitäten für Kleinteile",
            summary="Freie Pressen.",
            description="",
            topics=[topics["lohnfertigung"], topics["einkauf"]],
            sectors=[sectors["metall"]],
            regions=[places["hagen"]],
        ),
        "text": listing(
            "Ruhrstanz",
            title="Stanzteile und Biegeteile aus Edelstahl",
            summary="Kleinserien ab 500 Stück.",
            description="",
            topics=[topics["lohnfertigung"]],
        ),
        "far": listing(
            "Harz Kunststoff",
            title="Spritzguss in Lohnfertigung",
            summary="Freie Maschinenstunden.",
            description="",
            regions=[places["goettingen"]],
            **fitting,
        ),
        "words_only": listing(
            "Wortgleich",
            title="Stanzteile und Biegeteile für Zulieferer",
            summary="Edelstahl, Kleinserien.",
            description="",
            topics=[topics["marketing"]],
        ),
        "region_only": listing(
            "Nachbar",
            title="Messestand zu teilen",
            summary="Gemeinsamer Auftritt.",
            description="",
            topics=[topics["marketing"]],
            regions=[places["bochum"]],
        ),
        "same_kind": listing("Auch Anfrage", kind=REQUEST, title="Stanzteile gesucht", **quiet),
        "own": listing("Eigen", organisation=world.company, title="Eigene Stanzteile", **quiet),
        "partners_only": listing(
            "Nur Partner", title="Stanzteile für Partner", visibility="partners", **quiet
        ),
        "expired": listing(
            "Abgelaufen",
            title="Alte Stanzteile",
            valid_until=timezone.localdate() - dt.timedelta(days=1),
            **quiet,
        ),
        "closed": listing(
            "Geschlossen",
            title="Geschlossene Stanzteile",
            status="closed",
            closed_at=timezone.now(),
            **quiet,
        ),
    }


def titles(matches):
    return [match.listing.title for match in matches]


def test_counterparts_are_ranked_in_a_fixed_order(world, market):
    with translation.override("en"):
        matches = listing_matches(listing=market["request"], viewer=world.owner)

    assert titles(matches) == [
        market["best"].title,  # two topics, a sector, a place
        market["text"].title,  # a topic and much the same words
        market["far"].title,  # a topic and a sector, far away
        market["words_only"].title,  # only the words
    ]
    assert [m.reasons for m in matches] == [
        [
            "same topics: Purchasing, Contract manufacturing",
            "same sector: Metalworking",
            "same region: Hagen",
        ],
        ["same topic: Contract manufacturing", "similar text"],
        ["same topic: Contract manufacturing", "same sector: Metalworking"],
        ["similar text"],
    ]
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)


def test_a_partner_also_gets_listings_shared_with_partners(world, market):
    matches = listing_matches(listing=market["request"], viewer=world.partner, limit=10)
    mine = listing_matches(listing=market["request"], viewer=world.owner, limit=10)

    assert market["partners_only"].title in titles(matches)
    assert market["partners_only"].title not in titles(mine)


def test_anonymous_visitors_get_public_listings_only(world, market):
    matches = listing_matches(listing=market["request"], viewer=AnonymousUser(), limit=10)

    assert market["partners_only"].title not in titles(matches)
    assert titles(matches) == titles(listing_matches(listing=market["request"], viewer=world.owner))


def test_an_offer_gets_requests(world, market):
    matches = listing_matches(listing=market["best"], viewer=world.owner, limit=10)

    assert titles(matches) == [market["request"].title, market["same_kind"].title]


def test_the_listing_page_shows_the_suggestions_with_reasons(client, world, market):
    client.force_login(world.owner)

    page = client.get(market["request"].get_absolute_url())

    assert page.status_code == 200
    assert german("Offers that may fit") in page.text
    shown = titles(listing_matches(listing=market["request"], viewer=world.owner))
    positions = [page.text.index(title) for title in shown]
    assert positions == sorted(positions)
    assert german("similar text") in page.text
    assert market["region_only"].title not in page.text


def test_at_most_five_suggestions(world, topics, sectors):
    request = ListingFactory(
        kind=REQUEST, title="Lohnfertigung gesucht", topics=[topics["lohnfertigung"]]
    )
    for number in range(7):
        ListingFactory(title=f"Angebot {number}", topics=[topics["lohnfertigung"]])

    assert len(listing_matches(listing=request, viewer=world.owner)) == 5


def fresh(user):
    """The user without cached roles, so each measured call loads them alike."""
    return type(user).objects.get(pk=user.pk)


def _queries(callable_) -> int:
    with CaptureQueriesContext(connection) as queries:
        callable_()
    return len(queries)


def test_matching_costs_the_same_queries_for_one_and_many(world, topics, sectors):
    request = ListingFactory(
        kind=REQUEST,
        title="Stanzteile gesucht",
        topics=[topics["lohnfertigung"]],
        sectors=[sectors["metall"]],
    )
    ListingFactory(title="Stanzteile 1", topics=[topics["lohnfertigung"]])
    request = Listing.objects.get(pk=request.pk)
    one = _queries(lambda: listing_matches(listing=request, viewer=fresh(world.owner)))
    for number in range(2, 5):
        ListingFactory(
            title=f"Stanzteile {number}",
            topics=[topics["lohnfertigung"]],
            sectors=[sectors["metall"]],
            regions=[factories.RegionFactory(name=f"Ort {number}")],
        )
    request = Listing.objects.get(pk=request.pk)

    many = _queries(lambda: listing_matches(listing=request, viewer=fresh(world.owner)))

    assert one == many


def test_the_listing_page_costs_the_same_queries_for_one_and_many(client, world, topics):
    request = ListingFactory(kind=REQUEST, title="Stanzteile gesucht", topics=[topics["einkauf"]])
    ListingFactory(title="Stanzteile 1", topics=[topics["einkauf"]])
    client.force_login(world.owner)
    one = _queries(lambda: client.get(request.get_absolute_url()))
    for number in range(2, 5):
        ListingFactory(title=f"Stanzteile {number}", topics=[topics["einkauf"]])

    many = _queries(lambda: client.get(request.get_absolute_url()))

    assert one == many
