"""The managers' dashboard: who may see it, the figures of its charts, its query count."""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone, translation

from members.models import Membership
from members.selectors.dashboard import last_months
from tests import factories
from tests.members.helpers import user_of

pytestmark = pytest.mark.django_db

DASHBOARD = "/verwaltung/"


def get_as(client, world, role: str, data=None):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    if role != "anonymous":
        client.force_login(user_of(world, role))
    return client.get(reverse("members:manage_dashboard"), data or {})


def table_of(response, chart_id: str) -> list[tuple[str, int]]:
    """The rows of the table that is the text alternative of the chart ``chart_id``."""
    content = response.content.decode()
    figure = re.search(rf'<figure[^>]*"{chart_id}-caption".*?</figure>', content, re.S).group(0)
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th><td class="number">(\d+)</td></tr>', figure)
    return [(label, int(value)) for label, value in rows]


def svg_of(response, chart_id: str) -> str:
    content = response.content.decode()
    return re.search(rf'<svg[^>]*"{chart_id}-title {chart_id}-desc".*?</svg>', content, re.S).group(
        0
    )


def tile_numbers(response) -> list[int]:
    return [
        int(n)
        for n in re.findall(r'<span class="tile-number">(\d+)</span>', response.content.decode())
    ]


def month_label(day: dt.date) -> str:
    with translation.override("en"):
        return formats.date_format(day, "F Y")


# --- Who may see it ------------------------------------------------------------------------


def test_dashboard_asks_anonymous_to_sign_in(client, world):
    response = get_as(client, world, "anonymous")

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={DASHBOARD}"


@pytest.mark.parametrize("role", ["owner", "colleague", "outsider", "partner"])
def test_dashboard_refused_outside_manager_area(client, world, role):
    assert get_as(client, world, role).status_code == 403


@pytest.mark.parametrize("role", ["manager", "other_manager", "platform_admin"])
def test_dashboard_shown_to_managers_and_platform_admins(client, world, role):
    response = get_as(client, world, role)

    assert response.status_code == 200
    assert "<h1>Network management</h1>" in response.content.decode()


# --- The figures -----------------------------------------------------------------------------


@pytest.fixture
def figures_world(world):
    """``world.network``: 3 members (Bochum 2, Hagen 1) with sectors, 2 applications; the
    other manager's network: 1 member in Göttingen."""
    bochum, hagen = factories.RegionFactory(name="Bochum"), factories.RegionFactory(name="Hagen")
    metal = factories.SectorFactory(name="Metallverarbeitung", name_en="Metalworking")
    machines = factories.SectorFactory(name="Maschinenbau", name_en="Mechanical engineering")
    world.company.sectors.add(metal, machines)
    today = timezone.localdate()
    for region, sectors, started in [
        (bochum, [metal], today),
        (hagen, [], today - dt.timedelta(days=70)),
    ]:
        organisation = factories.OrganisationFactory(region=region)
        organisation.sectors.add(*sectors)
        factories.MembershipFactory(
            organisation=organisation, network=world.network, started_on=started
        )
    Membership.objects.filter(organisation=world.company).update(
        started_on=today - dt.timedelta(days=800)
    )
    for _ in range(2):
        factories.MembershipFactory(network=world.network, status="applied")
    factories.MembershipFactory(network=world.network, status="ended", started_on=today)
    (elsewhere,) = world.other_manager.managed_networks.all()
    factories.MembershipFactory(
        network=elsewhere,
        organisation__region=factories.RegionFactory(name="Göttingen"),
        started_on=today,
    )
    return world


def test_dashboard_shows_member_partner_and_application_counts(client, figures_world):
    response = get_as(client, figures_world, "manager")

    assert tile_numbers(response) == [3, 1, 2]
    queue = reverse("members:applications")
    assert f'<a href="{queue}">applications to decide</a>' in response.content.decode()


def test_dashboard_charts_members_by_region(client, figures_world):
    response = get_as(client, figures_world, "manager")

    assert table_of(response, "chart-regions") == [("Bochum", 2), ("Hagen", 1)]
    svg = svg_of(response, "chart-regions")
    assert 'role="img"' in svg
    assert "<title>Bochum: 2</title>" in svg
    assert "<title>Hagen: 1</title>" in svg
    assert "Göttingen" not in response.content.decode()


def test_dashboard_charts_members_by_sector_in_viewer_language(client, figures_world):
    response = get_as(client, figures_world, "manager")

    assert table_of(response, "chart-sectors") == [
        ("Metalworking", 2),
        ("Mechanical engineering", 1),
        ("No sector given", 1),
    ]


def test_dashboard_charts_new_members_per_month(client, figures_world):
    response = get_as(client, figures_world, "manager")

    today = timezone.localdate()
    months = last_months(today, count=12)
    rows = table_of(response, "chart-months")
    assert [label for label, _ in rows] == [month_label(month) for month in months]
    joined_then = (today - dt.timedelta(days=70)).replace(day=1)
    expected = {months[-1]: 2, joined_then: 1}  # this month: one active, one since ended
    assert [value for _, value in rows] == [expected.get(month, 0) for month in months]
    assert f"<title>{month_label(months[-1])}: 2</title>" in svg_of(response, "chart-months")


def test_dashboard_of_platform_admin_counts_all_networks(client, figures_world):
    response = get_as(client, figures_world, "platform_admin")

    assert tile_numbers(response) == [4, 1, 2]
    assert ("Göttingen", 1) in table_of(response, "chart-regions")


def test_dashboard_for_one_chosen_network(client, figures_world):
    network = factories.NetworkFactory(name="Netzwerk Produktion Bochum")
    factories.NetworkManagerFactory(network=network, user=figures_world.manager)

    response = get_as(client, figures_world, "manager", {"network": network.slug})

    assert response.status_code == 200
    assert "Figures of Netzwerk Produktion Bochum." in response.content.decode()
    assert tile_numbers(response) == [0, 0, 0]
    assert table_of(response, "chart-regions") == []
    assert "No members yet." in response.content.decode()
    queue = f"{reverse('members:applications')}?network={network.slug}"
    assert f'href="{queue}"' in response.content.decode()


def test_dashboard_refuses_network_not_managed(client, figures_world):
    (elsewhere,) = figures_world.other_manager.managed_networks.all()

    response = get_as(client, figures_world, "manager", {"network": elsewhere.slug})

    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()
    assert "Göttingen" not in response.content.decode()


def test_dashboard_links_member_administration_and_events_when_they_exist(client, world):
    content = get_as(client, world, "manager").content.decode()

    for name in ("members:manage_members", "events:manage_list"):
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        assert f'href="{url}"' in content


# --- Reaching it ---------------------------------------------------------------------------


def test_user_dashboard_links_managers_to_network_management(client, world):
    client.force_login(world.manager)

    content = client.get(reverse("dashboard")).content.decode()

    assert f'href="{DASHBOARD}"' in content
    assert f'href="{reverse("members:applications")}"' in content


# --- Query count ---------------------------------------------------------------------------

# user, roles (one query: the manager's people, memberships, networks and TOTP), the
# networks to choose from, the totals, members by region, by sector, by month (the session
# comes from the cache)
DASHBOARD_QUERIES = 7


@pytest.mark.parametrize("count", [1, 50])
def test_dashboard_queries_do_not_grow_with_organisations(
    client, world, django_assert_num_queries, count
):
    sector = factories.SectorFactory()
    for number in range(count):
        organisation = factories.OrganisationFactory(
            region=factories.RegionFactory(name=f"Region {number}")
        )
        organisation.sectors.add(sector)
        factories.MembershipFactory(
            organisation=organisation, network=world.network, started_on=timezone.localdate()
        )
        factories.MembershipFactory(network=world.network, status="applied")
    client.force_login(world.manager)

    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = client.get(reverse("members:manage_dashboard"))

    assert tile_numbers(response) == [count + 1, 1, count]
