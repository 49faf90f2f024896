"""The portal shell's pages: home, navigation by role, dashboard, legal pages, language.

Texts are asserted on English pages (the language cookie), so they hold whatever the
German catalogue says; the German default is asserted through ``lang`` and headers.
"""

import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from members.models import Membership, Person
from network_portal.models import LegalPage
from tests import factories

pytestmark = pytest.mark.django_db


def in_english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def text_of(response) -> str:
    """The page's HTML with runs of whitespace collapsed to one space."""
    return re.sub(r"\s+", " ", response.content.decode())


def main_nav(response) -> list[tuple[str, str]]:
    """(label, href) of each item of the main navigation."""
    nav = re.search(r'<nav class="main-nav".*?</ul>', text_of(response)).group(0)  # wide list
    return [(label, href) for href, label in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav)]


def card_of(response, name: str) -> str:
    """The text of the card on the page that names ``name``."""
    cards = re.findall(r'<li class="card">(.*?)</li>', text_of(response))
    (card,) = [card for card in cards if f">{name}</a>" in card]
    return re.sub(r"<[^>]+>", "", card).strip()


def add_membership(network, status: str = "active", role: str = "member"):
    return factories.MembershipFactory(network=network, status=status, role=role)


# --- Home ----------------------------------------------------------------------------------


def test_home_is_german_by_default(client, world):
    response = client.get(reverse("home"), headers={"accept-language": "en"})
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "de"
    content = response.content.decode()
    assert '<html lang="de">' in content
    assert "In|Die RegionRuhr" in content
    assert 'href="#main"' in content


def test_home_lists_networks_with_member_and_partner_counts(client, world):
    add_membership(world.network)
    add_membership(world.network, role=Membership.Role.FOUNDING_PARTNER)
    add_membership(world.network, status=Membership.Status.APPLIED)
    add_membership(world.network, status=Membership.Status.ENDED)
    response = in_english(client).get(reverse("home"))
    assert response.status_code == 200
    card = card_of(response, "In|Die RegionRuhr")
    assert card.endswith("2 members, 2 partners")
    assert f'href="{world.network.get_absolute_url()}"' in response.content.decode()


def test_home_counts_one_member_in_the_singular(client, world):
    response = in_english(client).get(reverse("home"))
    assert card_of(response, "In|Die RegionRuhr").endswith("1 member, 1 partner")


def test_home_shows_parent_of_sub_network(client, world):
    child = factories.NetworkFactory(name="Netzwerk Produktion Bochum", parent=world.network)
    response = in_english(client).get(reverse("home"))
    assert "part of In|Die RegionRuhr" in card_of(response, child.name)
    assert card_of(response, child.name).endswith("0 members, 0 partners")


def test_home_without_networks_says_so(client, db):
    response = in_english(client).get(reverse("home"))
    assert "No networks yet." in response.content.decode()


# --- Navigation by role --------------------------------------------------------------------

HOME = ("Home", "/")
NETWORKS = ("Networks", "/netzwerke/")
MY_AREA = ("My area", "/mein-bereich/")
EVENTS = ("Events", "/veranstaltungen/")
MEMBERS = ("Members", "/mitglieder/")
MY_EVENTS = ("My events", "/meine-veranstaltungen/")
COOPERATIONS = ("Cooperations", "/kooperationen/")
PUBLIC_NAV = [HOME, EVENTS, MEMBERS, COOPERATIONS, NETWORKS]
SIGNED_IN_NAV = [*PUBLIC_NAV, MY_AREA, MY_EVENTS]


def nav_as(client, user):
    if user is not None:
        client.force_login(user)
    return main_nav(in_english(client).get(reverse("home")))


def test_navigation_for_anonymous_offers_sign_in_and_sign_up(client, world):
    response = in_english(client).get(reverse("home"))
    assert main_nav(response) == PUBLIC_NAV
    content = response.content.decode()
    assert f'<a href="{reverse("account_login")}">Sign in</a>' in content
    assert f'href="{reverse("account_signup")}">Sign up</a>' in content
    assert reverse("account_logout") not in content


MY_COOPERATIONS = ("My cooperations", "/meine-kooperationen/")


def test_navigation_for_organisation_admin_links_my_area_and_organisation(client, world):
    company = (world.company.name, world.company.get_absolute_url())
    assert nav_as(client, world.owner) == [*SIGNED_IN_NAV, MY_COOPERATIONS, company]


def test_navigation_lists_first_three_organisations_by_name(client, world):
    """Where the user is admin or staff, active; from the query that loads the roles."""
    for name, role, active in (
        ("Zeche Zollverein eG", Person.Role.STAFF, True),
        ("Anker Werke AG", Person.Role.ADMIN, True),
        ("Bochumer Verein KG", Person.Role.STAFF, False),
        ("Dortmunder Union GmbH", Person.Role.STAFF, True),
    ):
        organisation = factories.OrganisationFactory(name=name)
        factories.PersonFactory(
            organisation=organisation, user=world.owner, role=role, is_active=active
        )
    organisations = nav_as(client, world.owner)[len(SIGNED_IN_NAV) + 1 :]
    names = ["Anker Werke AG", "Dortmunder Union GmbH", world.company.name]
    assert [label for label, _href in organisations] == names
    assert organisations[0][1] == reverse("members:organisation", kwargs={"slug": "anker-werke-ag"})


def test_navigation_for_signed_in_user_offers_sign_out(client, world):
    client.force_login(world.owner)
    content = in_english(client).get(reverse("home")).content.decode()
    assert f'action="{reverse("account_logout")}"' in content
    assert f'href="{reverse("account_login")}"' not in content


def test_navigation_for_outsider_links_my_area_only(client, world):
    assert nav_as(client, world.outsider) == SIGNED_IN_NAV


MANAGEMENT = ("Network management", "/verwaltung/")


def test_navigation_for_manager_links_network_management(client, world):
    assert nav_as(client, world.manager) == [*SIGNED_IN_NAV, MANAGEMENT]


def test_navigation_for_platform_admin_links_management_and_administration(client, world):
    administration = ("Administration", reverse("admin:index"))
    assert nav_as(client, world.platform_admin) == [*SIGNED_IN_NAV, MANAGEMENT, administration]


def test_navigation_marks_current_page(client, world):
    content = in_english(client).get(reverse("members:networks")).content.decode()
    assert f'<a href="{reverse("members:networks")}" aria-current="page">' in content


# --- Dashboard -----------------------------------------------------------------------------


def managed_row(response, network) -> list[str]:
    """The figures in the dashboard's row of ``network``."""
    row = re.search(
        rf"<tr> <th scope=\"row\"><a href=\"{network.get_absolute_url()}\">"
        r".*?</tr>",
        text_of(response),
    )
    return re.findall(r'<td class="number">(\d+)</td>', row.group(0)) if row else []


def test_dashboard_shows_manager_networks_with_members_and_open_applications(client, world):
    add_membership(world.network)
    for _ in range(3):
        add_membership(world.network, status=Membership.Status.APPLIED)
    add_membership(world.network, status=Membership.Status.ENDED)
    client.force_login(world.manager)
    response = in_english(client).get(reverse("dashboard"))
    assert response.status_code == 200
    assert 'id="verwaltung"' in response.content.decode()
    assert managed_row(response, world.network) == ["2", "1", "3"]


def test_dashboard_lists_only_networks_the_user_manages(client, world):
    client.force_login(world.other_manager)
    response = in_english(client).get(reverse("dashboard"))
    assert managed_row(response, world.network) == []
    (managed,) = world.other_manager.managed_networks.all()
    assert managed_row(response, managed) == ["0", "0", "0"]


def test_dashboard_for_organisation_admin_lists_organisation_without_management(client, world):
    client.force_login(world.owner)
    response = in_english(client).get(reverse("dashboard"))
    content = text_of(response)
    assert f'<h3><a href="{world.company.get_absolute_url()}">{world.company.name}</a></h3>' in (
        content
    )
    assert "Organisation admin" in content
    assert 'id="verwaltung"' not in content


def test_dashboard_asks_anonymous_to_sign_in(client, db):
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={reverse('dashboard')}"


# --- Legal pages ---------------------------------------------------------------------------


def edit_legal_page_in_admin(client, admin_user, **fields) -> None:
    client.force_login(admin_user)
    response = client.post(reverse("admin:network_portal_legalpage_add"), fields)
    assert response.status_code == 302
    client.logout()


@pytest.mark.parametrize("slug", LegalPage.Slug.values)
def test_legal_page_shows_text_edited_in_admin(client, world, slug):
    body_de = "Verantwortlich: Wirtschaftsförderung Musterstadt, Hauptstraße 1"
    edit_legal_page_in_admin(client, world.platform_admin, slug=slug, body_de=body_de)
    response = client.get(reverse("legal", args=[slug]))
    assert response.status_code == 200
    assert f"<p>{body_de}</p>" in response.content.decode()


def test_legal_page_in_english_shows_english_text(client, world):
    edit_legal_page_in_admin(
        client, world.platform_admin, slug="impressum", body_de="Deutsch", body_en="English"
    )
    response = in_english(client).get(reverse("legal", args=["impressum"]))
    assert "<p>English</p>" in response.content.decode()
    assert "<h1>Legal notice</h1>" in response.content.decode()


def test_legal_page_in_english_falls_back_to_german_text(client, world):
    LegalPage.objects.create(slug="datenschutz", body_de="Nur auf Deutsch")
    response = in_english(client).get(reverse("legal", args=["datenschutz"]))
    assert "<p>Nur auf Deutsch</p>" in response.content.decode()


def test_legal_page_not_yet_written_says_so(client, db):
    response = in_english(client).get(reverse("legal", args=["barrierefreiheit"]))
    assert response.status_code == 200
    assert "This text has not been written yet." in response.content.decode()


def test_legal_page_unknown_slug_is_404(client, db):
    response = client.get(reverse("legal", args=["agb"]))
    assert response.status_code == 404


def test_footer_links_every_legal_page(client, db):
    content = client.get(reverse("home")).content.decode()
    for slug in LegalPage.Slug.values:
        assert f'href="{reverse("legal", args=[slug])}"' in content


# --- Language switch -----------------------------------------------------------------------


def switch_language(client, language: str, next_url: str = "/"):
    return client.post(reverse("set_language"), {"language": language, "next": next_url})


def test_language_switch_to_english_makes_next_page_english(client, world):
    response = switch_language(client, "en", reverse("members:networks"))
    assert response.status_code == 302
    assert response.url == reverse("members:networks")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    page = client.get(reverse("members:networks"))
    assert page.headers["Content-Language"] == "en"
    assert '<html lang="en">' in page.content.decode()
    assert '<option value="en" lang="en" selected>' in page.content.decode()


def test_language_switch_back_to_german(client, world):
    switch_language(client, "en")
    switch_language(client, "de")
    page = client.get(reverse("home"))
    assert page.headers["Content-Language"] == "de"
    assert '<html lang="de">' in page.content.decode()
    with translation.override("de"):
        assert (
            f"<h1>{translation.gettext('Networks')}</h1>"
            in client.get(reverse("members:networks")).content.decode()
        )


def test_language_switch_ignores_unknown_language(client, db):
    switch_language(client, "fr")
    page = client.get(reverse("home"))
    assert page.headers["Content-Language"] == "de"


# --- Query counts: constant, whatever the number of rows -----------------------------------

HOME_QUERIES = 3  # next events, their organising networks, networks with their counts
# the network, again with its counts, its regions, its sub-networks, its members, its
# partners, its upcoming events, its managers (none here)
NETWORK_PAGE_QUERIES = 8
# user, roles, the organisation, its profile with five prefetches (the fifth:
# the upcoming events it hosts), its cooperation listings (and their topics); issue 9: <= 12
ORGANISATION_PAGE_QUERIES = 12


def many_networks(count: int) -> None:
    parent = factories.NetworkFactory(name="Dachnetzwerk")
    for _ in range(count):
        network = factories.NetworkFactory(parent=parent)
        add_membership(network)
        add_membership(network, role=Membership.Role.PARTNER)


@pytest.mark.parametrize("count", [1, 12])
def test_home_queries_do_not_grow_with_networks(client, db, django_assert_max_num_queries, count):
    many_networks(count)
    with django_assert_max_num_queries(HOME_QUERIES):
        response = client.get(reverse("home"))
    assert response.content.decode().count('<li class="card">') == count + 1


@pytest.mark.parametrize("count", [1, 6])
def test_home_queries_do_not_grow_with_events(client, db, django_assert_max_num_queries, count):
    network = factories.NetworkFactory()
    for number in range(count):
        factories.EventFactory(title=f"Netzwerktreffen {number}", organising_networks=[network])
    with django_assert_max_num_queries(HOME_QUERIES):
        response = client.get(reverse("home"))
    assert response.content.decode().count("Netzwerktreffen") == min(count, 4)


def test_home_shows_next_events_with_seats_in_german(client, db):
    factories.EventFactory(title="Wirtschaft trifft Wirtschaft", capacity=25)

    content = client.get(reverse("home")).content.decode()

    assert "Nächste Veranstaltungen" in content
    assert "Wirtschaft trifft Wirtschaft" in content
    assert "25 Plätze frei" in content


@pytest.mark.parametrize("count", [1, 15])
def test_network_page_queries_do_not_grow_with_members(
    client, db, django_assert_max_num_queries, count
):
    network = factories.NetworkFactory()
    for number in range(count):
        region = factories.RegionFactory(name=f"Region {number}")
        factories.MembershipFactory(network=network, organisation__region=region)
    with django_assert_max_num_queries(NETWORK_PAGE_QUERIES):
        response = client.get(network.get_absolute_url())
    assert response.content.decode().count('<th scope="row">') == count


def fill_profile(organisation, count: int) -> None:
    """``count`` sectors, training occupations, networks and public contacts."""
    for _ in range(count):
        organisation.sectors.add(factories.SectorFactory())
        organisation.training_occupations.add(factories.TrainingOccupationFactory())
        factories.MembershipFactory(organisation=organisation)
        factories.PersonFactory(
            organisation=organisation, user=None, is_public_contact=True, show_email=True
        )


@pytest.mark.parametrize("count", [1, 10])
def test_organisation_page_queries_do_not_grow_with_rows(
    client, world, django_assert_max_num_queries, count
):
    fill_profile(world.company, count)
    client.force_login(world.owner)
    with django_assert_max_num_queries(ORGANISATION_PAGE_QUERIES):
        response = client.get(world.company.get_absolute_url())
    content = response.content.decode()
    assert content.count('href="mailto:') == count
    assert content.count("Ausbildungsberuf ") == count
    assert len(re.findall(r'href="/netzwerke/[^"]+/"', content)) == count + 1
