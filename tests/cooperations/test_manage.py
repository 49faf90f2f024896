"""The managers' view of cooperations: the networks' listings and interests, charts, stale
listings, CSV downloads; projects and funding totals per network and year; constant
query counts."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cooperations import selectors_projects
from cooperations.models import Listing, ProjectNetwork
from members.models import Network
from network_portal.models import AuditEntry
from tests import factories
from tests.cooperations.factories import (
    DraftListingFactory,
    FundingFactory,
    InterestFactory,
    ListingFactory,
    ProjectFactory,
    ProjectNetworkFactory,
)
from tests.cooperations.helpers import german
from tests.cooperations.project_helpers import as_user, is_login_redirect

pytestmark = pytest.mark.django_db

MARKETPLACE = reverse("cooperations:manage_marketplace")
PROJECTS = reverse("cooperations:manage_projects")
LISTINGS_CSV = reverse("cooperations:manage_export", args=["angebote"])
INTERESTS_CSV = reverse("cooperations:manage_export", args=["interessen"])


@pytest.fixture
def market(world, topics):
    """A member's offer with an interest, an outsider's offer shared with the network, an
    outsider's offer not shared, and a member's draft."""
    member_offer = ListingFactory(
        organisation=world.company,
        title="Verbundausbildung Industriemechanik",
        topics=[topics["aus-weiterbildung"], topics["wissenstransfer"]],
        created_by=world.owner,
    )
    InterestFactory(listing=member_offer, organisation=world.chamber)
    outside = factories.OrganisationFactory(name="Harzer Gießerei GmbH")
    shared = ListingFactory(
        organisation=outside,
        title="Gussteile in Kleinserien",
        visibility=Listing.Visibility.NETWORKS,
        shared_networks=[world.network],
        topics=[topics["lohnfertigung"]],
    )
    ListingFactory(
        organisation=outside, title="Nicht geteiltes Angebot", topics=[topics["einkauf"]]
    )
    DraftListingFactory(organisation=world.company, title="Entwurf Messestand")
    return {"member_offer": member_offer, "shared": shared}


# --- Who enters ---------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [MARKETPLACE, PROJECTS, LISTINGS_CSV, INTERESTS_CSV])
@pytest.mark.parametrize(
    ("side", "status"),
    [
        ("owner", 403),
        ("colleague", 403),
        ("partner", 403),
        ("outsider", 403),
        ("manager", 200),
        ("other_manager", 200),
        ("platform_admin", 200),
    ],
)
def test_manager_pages_only_for_managers_and_platform_admins(client, world, url, side, status):
    assert as_user(client, getattr(world, side)).get(url).status_code == status


@pytest.mark.parametrize("url", [MARKETPLACE, PROJECTS, LISTINGS_CSV])
def test_manager_pages_send_anonymous_visitors_to_sign_in(client, url):
    assert is_login_redirect(client.get(url))


# --- The marketplace of the networks ----------------------------------------------------------


def test_manager_sees_members_and_shared_listings_but_no_drafts(client, world, market):
    page = as_user(client, world.manager).get(MARKETPLACE).content.decode()

    assert "Verbundausbildung Industriemechanik" in page
    assert "Gussteile in Kleinserien" in page
    assert "Nicht geteiltes Angebot" not in page
    assert "Entwurf Messestand" not in page
    assert world.chamber.name in page  # the interest


def test_other_networks_manager_sees_none_of_them(client, world, market):
    page = as_user(client, world.other_manager).get(MARKETPLACE).content.decode()

    assert "Verbundausbildung Industriemechanik" not in page
    assert "Gussteile in Kleinserien" not in page


def test_unknown_network_choice_is_a_bad_request(client, world, market):
    response = as_user(client, world.manager).get(MARKETPLACE, {"network": "gibt-es-nicht"})

    assert response.status_code == 400


def test_stale_listings_expire_soon_or_were_not_changed_for_six_months(
    client, world, market, topics
):
    soon = ListingFactory(
        organisation=world.company,
        title="Läuft bald ab",
        valid_until=timezone.localdate() + dt.timedelta(days=10),
    )
    old = ListingFactory(organisation=world.company, title="Lange nicht geändert")
    Listing.objects.filter(pk=old.pk).update(updated_at=timezone.now() - dt.timedelta(days=200))

    response = as_user(client, world.manager).get(MARKETPLACE)

    assert [listing.pk for listing in response.context["stale"]] == [soon.pk, old.pk]
    page = response.content.decode()
    assert german("expires soon") in page
    assert german("not changed for six months") in page


def test_charts_are_accessible_svg_with_the_counts(client, world, market):
    response = as_user(client, world.manager).get(MARKETPLACE)

    month_chart, topic_chart, interest_chart = response.context["charts"]
    assert [(bar.label, bar.value) for bar in topic_chart.bars] == [
        ("Aus- und Weiterbildung, Verbundausbildung", 1),
        ("Lohnfertigung", 1),
        ("Wissenstransfer", 1),
    ]
    assert sum(bar.value for bar in month_chart.bars) == 2  # published yesterday
    assert len(month_chart.bars) == 12
    assert sum(bar.value for bar in interest_chart.bars) == 1
    svg = str(topic_chart.svg)
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img"')
    assert "<title>Lohnfertigung: 1</title>" in svg
    assert "style=" not in svg
    page = response.content.decode()
    assert svg in page
    assert '<th scope="row">Lohnfertigung</th><td class="number">1</td>' in page


def test_listings_csv_holds_the_networks_listings_and_is_audited(client, world, market):
    response = as_user(client, world.manager).get(LISTINGS_CSV)

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert response["Content-Disposition"].startswith(
        'attachment; filename="kooperationen-angebote-'
    )
    assert rows[0][:5] == [
        german("Title"),
        german("Offer or request"),
        german("Status"),
        german("Organisation"),
        german("Posted by"),
    ]
    by_title = {row[0]: row for row in rows[1:]}
    assert sorted(by_title) == ["Gussteile in Kleinserien", "Verbundausbildung Industriemechanik"]
    offer = by_title["Verbundausbildung Industriemechanik"]
    assert offer[3:5] == [world.company.name, world.owner.get_full_name()]
    assert offer[-2:] == ["1", "0"]
    entry = AuditEntry.objects.get(action="cooperations.export")
    assert (entry.actor, entry.details) == (
        world.manager,
        {"what": "listings", "format": "csv", "rows": 2},
    )


def test_interests_csv_names_who_sent_them(client, world, market):
    response = as_user(client, world.manager).get(INTERESTS_CSV, {"network": world.network.slug})

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    interest = market["member_offer"].interests.get()
    assert rows[1][:4] == [
        "Verbundausbildung Industriemechanik",
        world.company.name,
        world.chamber.name,
        interest.user.get_full_name(),
    ]
    entry = AuditEntry.objects.get(action="cooperations.export")
    assert (entry.object_type, entry.object_id) == ("members.network", str(world.network.pk))


def _listings(world, topics, count):
    for number in range(count):
        listing = ListingFactory(
            organisation=world.company, title=f"Angebot {number}", topics=[topics["marketing"]]
        )
        InterestFactory(listing=listing, organisation=world.chamber)


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_marketplace_view_queries_do_not_grow_with_rows(client, world, topics):
    as_user(client, world.manager)
    _listings(world, topics, 1)
    one = _queries(client, MARKETPLACE)
    _listings(world, topics, 29)
    thirty = _queries(client, MARKETPLACE)

    assert one == thirty


# --- Projects and funding --------------------------------------------------------------------


@pytest.fixture
def funded(world, topics):
    """Network A (world.network): P1 with 10,000.00 (2023), 26,550.00 (2024), 500.00 not yet
    approved; P2 in A and B with 1,000.50 (2024). Network B: P2 only."""
    other = Network.objects.get(manager_roles__user=world.other_manager)
    first = ProjectFactory(title="Regionales Entwicklungskonzept", lead_organisation=world.company)
    second = ProjectFactory(title="Qualifizierung im Verbund", lead_organisation=world.chamber)
    ProjectNetworkFactory(project=first, network=world.network, role=ProjectNetwork.Role.LEAD)
    ProjectNetworkFactory(project=second, network=world.network)
    ProjectNetworkFactory(project=second, network=other, role=ProjectNetwork.Role.LEAD)
    FundingFactory(project=first, amount=Decimal("10000.00"), approved_on=dt.date(2023, 5, 2))
    FundingFactory(project=first, amount=Decimal("26550.00"), approved_on=dt.date(2024, 3, 1))
    FundingFactory(project=first, amount=Decimal("500.00"), approved_on=None)
    FundingFactory(project=second, amount=Decimal("1000.50"), approved_on=dt.date(2024, 12, 31))
    ProjectFactory(title="Ohne Netzwerk")
    return other


def test_funding_totals_per_network_and_year(world, funded):
    totals = selectors_projects.funding_by_network_and_year(Network.objects.all())

    # Networks by name: "In|Die RegionRuhr" before "Netzwerk …".
    assert [
        (row.network, [(y.year, y.amount, y.projects) for y in row.years], row.amount)
        for row in totals
    ] == [
        (
            world.network,
            [
                (2023, Decimal("10000.00"), 1),
                (2024, Decimal("27550.50"), 2),
                (None, Decimal("500.00"), 1),
            ],
            Decimal("38050.50"),
        ),
        (funded, [(2024, Decimal("1000.50"), 1)], Decimal("1000.50")),
    ]


def test_projects_overview_shows_the_managers_networks_only(client, world, funded):
    response = as_user(client, world.manager).get(PROJECTS)

    page = response.content.decode().replace("\xa0", " ")
    assert [p.title for p in response.context["projects"]] == [
        "Qualifizierung im Verbund",
        "Regionales Entwicklungskonzept",
    ]
    assert [row.network for row in response.context["funding"]] == [world.network]
    assert german("€%(amount)s", amount="38.050,50") in page
    assert german("€%(amount)s", amount="27.550,50") in page
    assert "Ohne Netzwerk" not in page


def test_projects_overview_in_english_formats_the_english_way(client, world, funded):
    client.cookies["portal_language"] = "en"

    page = as_user(client, world.manager).get(PROJECTS).content.decode()

    assert "€38,050.50" in page
    assert "€27,550.50" in page


def test_platform_admin_sees_every_network_with_funding(client, world, funded):
    response = as_user(client, world.platform_admin).get(PROJECTS)

    assert {row.network for row in response.context["funding"]} == {world.network, funded}


def _projects(world, count):
    for _number in range(count):
        project = ProjectFactory(lead_organisation=world.company)
        ProjectNetworkFactory(project=project, network=world.network)
        FundingFactory(project=project, approved_on=dt.date(2025, 1, 1))


def test_projects_overview_queries_do_not_grow_with_rows(client, world):
    as_user(client, world.manager)
    _projects(world, 1)
    one = _queries(client, PROJECTS)
    _projects(world, 29)
    thirty = _queries(client, PROJECTS)

    assert one == thirty


def test_public_project_list_queries_do_not_grow_with_rows(client, world):
    def published(count):
        for _number in range(count):
            project = ProjectFactory(lead_organisation=world.company, is_public=True)
            ProjectNetworkFactory(project=project, network=world.network)
            FundingFactory(project=project)

    published(1)
    one = _queries(client, reverse("cooperations:projects"))
    published(29)
    thirty = _queries(client, reverse("cooperations:projects"))

    assert one == thirty
