"""The list of networks and each network's public page: what they show, to whom, in how
many queries. (Who sees which members: tests/members/test_access_pages.py.)"""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from members.models import Membership, Organisation, Person
from tests import factories
from tests.members.helpers import user_of

pytestmark = pytest.mark.django_db


def get_as(client, world, role: str, url: str):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    if role != "anonymous":
        client.force_login(user_of(world, role))
    return client.get(url)


def text_of(response) -> str:
    """The page as text: tags removed, whitespace collapsed."""
    without_tags = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", without_tags)


def section(response, heading_id: str) -> str:
    """The HTML of the ``<section>`` labelled by ``heading_id``."""
    content = response.content.decode()
    match = re.search(rf'<section[^>]*aria-labelledby="{heading_id}".*?</section>', content, re.S)
    return match.group(0) if match else ""


@pytest.fixture
def regional(world):
    """``world.network`` with regions, a sub-network, a closed sibling and a manager contact."""
    network = world.network
    network.description = "Fünf Wirtschaftsförderungen und drei Kammern."
    network.save()
    network.regions.add(
        factories.RegionFactory(name="Bochum"), factories.RegionFactory(name="Hagen")
    )
    child = factories.NetworkFactory(name="Netzwerk Produktion Bochum", parent=network)
    closed = factories.NetworkFactory(name="MEKOM Osterode", kind="cluster", is_open=False)
    agency = factories.OrganisationFactory(
        name="EN-Agentur", kind=Organisation.Kind.DEVELOPMENT_AGENCY
    )
    factories.PersonFactory(
        organisation=agency,
        user=world.manager,
        role=Person.Role.STAFF,
        function="Netzwerkmanagement",
        email="miriam.brandt@en-agentur.example",
        phone="02324 000000-14",
    )
    world.manager.first_name, world.manager.last_name = "Miriam", "Brandt"
    world.manager.save()
    return {"child": child, "closed": closed, "agency": agency}


# --- The list of networks ----------------------------------------------------------------


def card_of(response, name: str) -> str:
    """The text of the network card naming ``name`` (cards hold no nested list items)."""
    cards = [card.split("</li>")[0] for card in response.content.decode().split('class="card">')]
    (card,) = [card for card in cards if f">{name}</a></h2>" in card]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", card)).strip()


def test_network_list_shows_kind_regions_counts_and_sub_networks(client, world, regional):
    factories.MembershipFactory(network=world.network, status="applied")

    response = get_as(client, world, "anonymous", reverse("members:networks"))

    assert response.status_code == 200
    card = card_of(response, "In|Die RegionRuhr")
    assert card.startswith("In|Die RegionRuhr Regional initiative 1 member, 1 partner")
    assert "Regions Bochum, Hagen" in card
    assert "Sub-networks Netzwerk Produktion Bochum" in card
    assert "Open to new participants" in card


def test_network_list_shows_parent_and_closed_networks(client, world, regional):
    response = get_as(client, world, "anonymous", reverse("members:networks"))

    assert "part of In|Die RegionRuhr" in card_of(response, "Netzwerk Produktion Bochum")
    closed = card_of(response, "MEKOM Osterode")
    assert closed.startswith("MEKOM Osterode Cluster 0 members, 0 partners")
    assert closed.endswith("Not open to new participants")


@pytest.mark.parametrize("count", [1, 12])
def test_network_list_queries_do_not_grow(client, db, django_assert_num_queries, count):
    parent = factories.NetworkFactory(name="Dachnetzwerk")
    for number in range(count):
        network = factories.NetworkFactory(parent=parent)
        network.regions.add(factories.RegionFactory(name=f"Region {number}"))
        factories.MembershipFactory(network=network)
    with django_assert_num_queries(3):  # networks with counts, their regions, sub-networks
        response = client.get(reverse("members:networks"))
    assert response.content.decode().count('<li class="card">') == count + 1


# --- A network's page --------------------------------------------------------------------


def test_network_page_shows_description_regions_counts_and_sub_networks(client, world, regional):
    factories.MembershipFactory(network=world.network)
    factories.MembershipFactory(network=world.network, status="applied")

    response = get_as(client, world, "anonymous", world.network.get_absolute_url())

    text = text_of(response)
    assert "Fünf Wirtschaftsförderungen und drei Kammern." in text
    assert (
        "Members 2 Partners 1 Regions Bochum, Hagen Sub-networks Netzwerk Produktion Bochum" in text
    )
    assert f'href="{regional["child"].get_absolute_url()}"' in response.content.decode()


def test_sub_network_page_links_parent(client, world, regional):
    response = get_as(client, world, "anonymous", regional["child"].get_absolute_url())

    assert "part of In|Die RegionRuhr" in text_of(response)
    assert f'href="{world.network.get_absolute_url()}"' in response.content.decode()


def test_network_page_lists_partner_organisations_apart_from_members(client, world):
    response = get_as(client, world, "anonymous", world.network.get_absolute_url())

    partners = section(response, "partners-heading")
    members = section(response, "members-heading")
    assert f'href="{world.chamber.get_absolute_url()}"' in partners
    assert world.company.name not in partners
    assert f'href="{world.company.get_absolute_url()}"' in members
    assert world.chamber.name not in members


def test_network_page_omits_members_only_partner_for_outsiders(client, world):
    hidden_partner = factories.OrganisationFactory(
        name="Verborgene Hochschule",
        kind=Organisation.Kind.UNIVERSITY,
        visibility=Organisation.Visibility.MEMBERS,
    )
    factories.MembershipFactory(organisation=hidden_partner, network=world.network, role="partner")

    outsider = section(
        get_as(client, world, "outsider", world.network.get_absolute_url()), "partners-heading"
    )
    client.logout()
    member = section(
        get_as(client, world, "owner", world.network.get_absolute_url()), "partners-heading"
    )

    assert hidden_partner.name not in outsider
    assert hidden_partner.name in member


# --- The managers' contact ---------------------------------------------------------------


def contact_section(client, world, role: str) -> str:
    response = get_as(client, world, role, world.network.get_absolute_url())
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", section(response, "contact-heading")))


def test_network_page_names_managers_with_function_and_organisation(client, world, regional):
    contact = contact_section(client, world, "anonymous")

    assert "Miriam Brandt Netzwerkmanagement EN-Agentur" in contact


@pytest.mark.parametrize("role", ["anonymous", "outsider", "other_manager"])
def test_network_page_hides_manager_email_and_phone_from_public(client, world, regional, role):
    contact = contact_section(client, world, role)

    assert "Miriam Brandt" in contact
    assert "@" not in contact
    assert "02324" not in contact


@pytest.mark.parametrize("role", ["owner", "colleague", "partner", "manager", "platform_admin"])
def test_network_page_shows_manager_email_to_people_of_the_network(client, world, regional, role):
    contact = contact_section(client, world, role)

    assert world.manager.email in contact
    assert "02324" not in contact


def test_network_page_shows_manager_contact_details_made_public(client, world, regional):
    Person.objects.filter(user=world.manager).update(show_email=True, show_phone=True)

    contact = contact_section(client, world, "anonymous")

    assert "miriam.brandt@en-agentur.example" in contact
    assert "02324 000000-14" in contact
    assert world.manager.email not in contact


def test_network_page_without_managers_says_so(client, world, regional):
    response = get_as(client, world, "anonymous", regional["closed"].get_absolute_url())

    assert "No managers named yet." in text_of(response)


# --- Upcoming events -------------------------------------------------------------------------


def test_network_page_lists_upcoming_published_events_it_organises(client, world):
    later = factories.EventFactory(
        title="Wirtschaft trifft Wirtschaft", organising_networks=[world.network]
    )
    sooner = factories.EventFactory(
        title="Unternehmerfrühstück Hagen",
        organising_networks=[world.network],
        starts_at=timezone.now() + dt.timedelta(days=3),
        ends_at=timezone.now() + dt.timedelta(days=3, hours=2),
    )
    factories.EventFactory(title="Entwurf", status="draft", organising_networks=[world.network])
    factories.EventFactory(
        title="Vergangen",
        organising_networks=[world.network],
        starts_at=timezone.now() - dt.timedelta(days=3),
        ends_at=timezone.now() - dt.timedelta(days=3) + dt.timedelta(hours=2),
    )
    factories.EventFactory(
        title="Anderes Netzwerk", organising_networks=[factories.NetworkFactory()]
    )

    events = section(
        get_as(client, world, "anonymous", world.network.get_absolute_url()), "events-heading"
    )

    titles = re.findall(r'<a href="/veranstaltungen/\d+/">([^<]+)</a>', events)
    assert titles == [sooner.title, later.title]
    assert f'href="{later.get_absolute_url()}"' in events


def test_network_page_without_events_says_so(client, world):
    response = get_as(client, world, "anonymous", world.network.get_absolute_url())

    assert "No upcoming events of this network." in text_of(response)


# --- Manager links and application standing ----------------------------------------------------


@pytest.mark.parametrize(
    ("role", "sees"), [("manager", True), ("platform_admin", True), ("owner", False)]
)
def test_network_page_links_managers_to_queue_and_figures(client, world, role, sees):
    content = get_as(client, world, role, world.network.get_absolute_url()).content.decode()

    queue = f"{reverse('members:applications')}?network={world.network.slug}"
    assert (queue in content) is sees


def test_network_page_tells_admin_of_declined_organisation_it_may_apply_again(client, world):
    network = factories.NetworkFactory(name="Netzwerk Produktion Hagen")
    factories.MembershipFactory(
        organisation=world.company,
        network=network,
        status=Membership.Status.DECLINED,
        decided_at=timezone.now(),
    )

    response = get_as(client, world, "owner", network.get_absolute_url())

    assert "was declined on" in text_of(response)
    assert "You may apply again." in text_of(response)
    assert reverse("members:network_apply", args=[network.slug]) in response.content.decode()


# --- Query count -------------------------------------------------------------------------------


def populate(network, count: int) -> None:
    """``count`` members, partners, events, sub-networks, regions and managers."""
    for number in range(count):
        region = factories.RegionFactory(name=f"Region {number}")
        network.regions.add(region)
        factories.MembershipFactory(network=network, organisation__region=region)
        factories.MembershipFactory(
            network=network, role="partner", organisation__kind=Organisation.Kind.UNIVERSITY
        )
        factories.EventFactory(organising_networks=[network])
        factories.NetworkFactory(parent=network)
        manager = factories.NetworkManagerFactory(network=network).user
        factories.PersonFactory(user=manager, function="Netzwerkmanagement")


# user, roles (one query, navigation included), the network, again with counts, regions,
# sub-networks, members, partners, events, managers and their contact records, the admin's
# organisations with their memberships here (2); the session comes from the cache
OWNER_QUERIES = 13


@pytest.mark.parametrize("count", [1, 15])
def test_network_page_queries_do_not_grow(client, world, django_assert_num_queries, count):
    populate(world.network, count)
    client.force_login(world.owner)

    with django_assert_num_queries(OWNER_QUERIES):
        response = client.get(world.network.get_absolute_url())

    content = response.content.decode()
    assert content.count('<th scope="row">') == count + 1  # and world.company
    assert section(response, "events-heading").count("<li>") == min(count, 5)
    assert section(response, "contact-heading").count("<li>") == count + 1
