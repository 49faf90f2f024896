"""The managers' member list: who may open it, what it lists, filters, search, sort, queries."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from members.models import Membership, Organisation
from tests import factories
from tests.members.helpers import user_of

pytestmark = pytest.mark.django_db

URL = reverse("members:manage_members")


def _names(response) -> list[str]:
    return [m.organisation.name for m in response.context["memberships"]]


@pytest.fixture
def other_network_member(world):
    """A company in the network that ``other_manager`` manages (not ``world.network``)."""
    network = world.other_manager.managed_networks.get()
    company = factories.OrganisationFactory(name="Fremdnetz Fertigung AG")
    factories.MembershipFactory(organisation=company, network=network)
    return company


@pytest.mark.parametrize("role", ["owner", "colleague", "partner", "outsider"])
def test_member_list_is_forbidden_without_a_manager_role(client, world, role):
    client.force_login(user_of(world, role))
    assert client.get(URL).status_code == 403


def test_member_list_sends_anonymous_visitors_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_member_list_shows_the_managed_network_only(client, world, other_network_member):
    client.force_login(world.manager)
    response = client.get(URL)
    assert response.status_code == 200
    assert _names(response) == ["Hesterberg Testwerk GmbH", "Test-IHK"]


def test_member_list_of_another_network_manager_excludes_ours(client, world, other_network_member):
    client.force_login(world.other_manager)
    assert _names(client.get(URL)) == ["Fremdnetz Fertigung AG"]


def test_member_list_shows_every_network_to_a_platform_admin(client, world, other_network_member):
    client.force_login(world.platform_admin)
    assert _names(client.get(URL)) == [
        "Fremdnetz Fertigung AG",
        "Hesterberg Testwerk GmbH",
        "Test-IHK",
    ]


def test_member_list_rows_link_to_profile_edit_and_ending(client, world):
    client.force_login(world.manager)
    page = client.get(URL).content.decode()
    membership = world.company.memberships.get()
    assert f'href="{world.company.get_absolute_url()}"' in page
    assert reverse("members:manage_membership_end", args=[membership.pk]) in page
    try:
        edit_url = reverse("members:organisation_edit", args=[world.company.slug])
    except NoReverseMatch:  # the self-service edit page is built separately
        return
    assert f'href="{edit_url}"' in page


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("", ["Aktiv GmbH"]),
        ("active", ["Aktiv GmbH"]),
        ("applied", ["Antrag GmbH"]),
        ("ended", ["Ehemals GmbH"]),
        ("all", ["Aktiv GmbH", "Antrag GmbH", "Ehemals GmbH"]),
    ],
)
def test_member_list_filters_by_status_active_by_default(client, status, expected):
    network = factories.NetworkFactory()
    for name, state in [("Aktiv", "active"), ("Antrag", "applied"), ("Ehemals", "ended")]:
        company = factories.OrganisationFactory(name=f"{name} GmbH")
        factories.MembershipFactory(organisation=company, network=network, status=state)
    manager = factories.NetworkManagerFactory(network=network).user
    client.force_login(manager)
    assert _names(client.get(URL, {"status": status})) == expected


@pytest.fixture
def varied(world):
    """Members of ``world.network`` that differ in one respect each."""
    dortmund = factories.RegionFactory(name="Dortmund")
    logistik = factories.SectorFactory(name="Logistik")
    cutoff = timezone.localdate() - dt.timedelta(days=30)
    made = {
        "Dortmunder Logistik KG": {"region": dortmund, "postal_code": "44137", "city": "Dortmund"},
        "Große Werke AG": {"size": Organisation.Size.LARGE, "confirmed_on": cutoff},
        "Hochschule Test": {"kind": Organisation.Kind.UNIVERSITY},
    }
    for name, fields in made.items():
        organisation = factories.OrganisationFactory(name=name, **fields)
        factories.MembershipFactory(organisation=organisation, network=world.network)
    Organisation.objects.get(name="Dortmunder Logistik KG").sectors.add(logistik)
    factories.PersonFactory(
        organisation=Organisation.objects.get(name="Hochschule Test"),
        user=None,
        email="kontakt@hochschule-test.example",
    )
    return made


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"role": "partner"}, ["Test-IHK"]),
        (
            {"role": "member"},
            [
                "Dortmunder Logistik KG",
                "Große Werke AG",
                "Hesterberg Testwerk GmbH",
                "Hochschule Test",
            ],
        ),
        ({"region": "dortmund"}, ["Dortmunder Logistik KG"]),
        ({"sector": "logistik"}, ["Dortmunder Logistik KG"]),
        ({"kind": "university"}, ["Hochschule Test"]),
        ({"size": "large"}, ["Große Werke AG"]),
        ({"profile": "confirmed"}, ["Große Werke AG"]),
        ({"network": "indie-regionruhr", "kind": "ihk"}, ["Test-IHK"]),
        ({"q": "große"}, ["Große Werke AG"]),
        ({"q": "dortmund"}, ["Dortmunder Logistik KG"]),
        ({"q": "4413"}, ["Dortmunder Logistik KG"]),
        ({"q": "KONTAKT@hochschule"}, ["Hochschule Test"]),
        ({"q": "niemand"}, []),
    ],
)
def test_member_list_filters_and_search(client, world, varied, params, expected):
    client.force_login(world.manager)
    response = client.get(URL, params)
    assert _names(response) == expected
    assert response.context["page"].paginator.count == len(expected)


def test_member_list_stale_profiles_are_the_unconfirmed_ones(client, world, varied):
    client.force_login(world.manager)
    names = _names(client.get(URL, {"profile": "stale"}))
    assert "Große Werke AG" not in names
    assert len(names) == 4


def test_member_list_invalid_filter_is_reported_and_ignored(client, world, varied):
    client.force_login(world.manager)
    response = client.get(URL, {"region": "atlantis"})
    assert response.status_code == 200
    assert len(_names(response)) == 5
    assert "region" in response.context["form"].errors


def test_member_list_network_filter_offers_only_managed_networks(client, world):
    client.force_login(world.manager)
    other = world.other_manager.managed_networks.get()
    response = client.get(URL, {"network": other.slug})
    assert "network" in response.context["form"].errors
    assert list(response.context["form"].fields["network"].queryset) == [world.network]


def test_member_list_sorts_by_newest_membership(client, world):
    today = timezone.localdate()
    world.company.memberships.update(started_on=today - dt.timedelta(days=400))
    world.chamber.memberships.update(started_on=today)
    client.force_login(world.manager)
    assert _names(client.get(URL, {"sort": "newest"})) == ["Test-IHK", "Hesterberg Testwerk GmbH"]
    assert _names(client.get(URL, {"sort": "oldest"})) == ["Hesterberg Testwerk GmbH", "Test-IHK"]


def test_member_list_paginates_50_and_counts_all(client, world):
    for number in range(51):
        organisation = factories.OrganisationFactory(name=f"Firma {number:02d}")
        factories.MembershipFactory(organisation=organisation, network=world.network)
    client.force_login(world.manager)
    first, second = client.get(URL), client.get(URL, {"page": 2})
    assert len(first.context["memberships"]) == 50
    assert len(second.context["memberships"]) == 3
    assert first.context["page"].paginator.count == 53


def test_member_list_htmx_request_gets_only_the_results(client, world):
    client.force_login(world.manager)
    response = client.get(URL, {"q": "Hesterberg"}, HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert "<html" not in content
    assert "Hesterberg Testwerk GmbH" in content
    assert response["Vary"].count("HX-Request") == 1


def _queries(client, params=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL, params or {}).status_code == 200
    return len(queries)


def _fill(network, numbers: range) -> None:
    """Members as the list shows them: with a sector and a contact person each."""
    sector = factories.SectorFactory(name="Metall")
    for number in numbers:
        organisation = factories.OrganisationFactory(name=f"Mitglied {number:02d}")
        organisation.sectors.add(sector)
        factories.MembershipFactory(organisation=organisation, network=network)
        factories.PersonFactory(organisation=organisation, user=None)


@pytest.mark.parametrize("params", [{}, {"q": "Mitglied", "sort": "newest", "status": "all"}])
def test_member_list_query_count_is_the_same_for_1_and_50_organisations(client, params):
    network = factories.NetworkFactory()
    client.force_login(factories.NetworkManagerFactory(network=network).user)
    _fill(network, range(1))
    with_one = _queries(client, params)

    _fill(network, range(1, 50))

    assert Membership.objects.filter(network=network).count() == 50
    assert _queries(client, params) == with_one
