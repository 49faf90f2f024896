"""Who may register: members of the organising and audience networks and of their
sub-networks, or everybody with an organisation when the event is open to all."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from events.models import Event, Registration
from events.selectors.public import audience_networks, organisations_in_audience
from events.services import RegistrationError, registration_create
from members.models import Membership, Person
from tests import factories
from tests.events.conftest import person_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_messages():
    with translation.override("en"):
        yield


@pytest.fixture
def networks(world) -> dict:
    """``world.network`` organises; ``partner`` is invited; each has a sub-network, the
    organiser's sub-network has one of its own."""
    city = factories.NetworkFactory(name="Netzwerk Produktion", parent=world.network)
    district = factories.NetworkFactory(name="Quartier Nord", parent=city)
    partner = factories.NetworkFactory(name="Partnercluster")
    partner_city = factories.NetworkFactory(name="Partnercluster Süd", parent=partner)
    unrelated = factories.NetworkFactory(name="Fremdes Netzwerk")
    return {
        "organiser": world.network,
        "city": city,
        "district": district,
        "partner": partner,
        "partner_city": partner_city,
        "unrelated": unrelated,
    }


@pytest.fixture
def closed_event(world, networks) -> Event:
    event = factories.EventFactory(
        title="Seminar für Mitglieder", organising_networks=[world.network], open_to_all=False
    )
    event.audience_networks.set([networks["partner"]])
    return event


def member_of(network, **membership) -> Person:
    person = factories.PersonFactory()
    factories.MembershipFactory(organisation=person.organisation, network=network, **membership)
    return person


def may_register(event, person) -> bool:
    return bool(organisations_in_audience(event=event, organisation_ids=[person.organisation_id]))


# --- The rule ----------------------------------------------------------------------------


@pytest.mark.parametrize("network", ["organiser", "city", "district", "partner", "partner_city"])
def test_members_of_audience_and_sub_networks_may_register(closed_event, networks, network):
    person = member_of(networks[network])
    assert may_register(closed_event, person)
    registration = registration_create(event=closed_event, person=person, registered_by=person.user)
    assert registration.status == Registration.Status.CONFIRMED


def test_partner_role_counts_like_a_member(closed_event, networks):
    assert may_register(closed_event, member_of(networks["organiser"], role="partner"))


@pytest.mark.parametrize(
    ("network", "status"),
    [
        ("unrelated", Membership.Status.ACTIVE),
        ("organiser", Membership.Status.APPLIED),
        ("organiser", Membership.Status.ENDED),
        ("organiser", Membership.Status.DECLINED),
    ],
)
def test_others_may_not_register(closed_event, networks, network, status):
    person = member_of(networks[network], status=status)
    assert not may_register(closed_event, person)
    with pytest.raises(RegistrationError) as refused:
        registration_create(event=closed_event, person=person, registered_by=person.user)
    assert str(refused.value) == (
        "Only members of the networks this event is meant for may register; "
        f"{person.organisation.name} is not a member of them."
    )
    assert not Registration.objects.exists()


def test_parent_network_members_are_not_in_a_sub_networks_audience(networks):
    event = factories.EventFactory(organising_networks=[networks["city"]], open_to_all=False)
    assert not may_register(event, member_of(networks["organiser"]))
    assert may_register(event, member_of(networks["district"]))


def test_open_to_all_lets_any_organisation_register(networks):
    event = factories.EventFactory(organising_networks=[networks["organiser"]], open_to_all=True)
    outsider = factories.PersonFactory()
    assert may_register(event, outsider)
    registration_create(event=event, person=outsider, registered_by=outsider.user)
    assert Registration.objects.filter(event=event, person=outsider).exists()


def test_audience_networks_lists_every_network_by_name(closed_event, networks):
    names = [network.name for network in audience_networks(closed_event)]
    assert names == [
        "In|Die RegionRuhr",
        "Netzwerk Produktion",
        "Partnercluster",
        "Partnercluster Süd",
        "Quartier Nord",
    ]


# --- The event page explains ---------------------------------------------------------------


def _page(client, event, user=None) -> str:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    if user is not None:
        client.force_login(user)
    return client.get(event.get_absolute_url()).content.decode()


def test_page_names_who_may_register(client, closed_event):
    content = _page(client, closed_event)
    assert "Who may register" in content
    assert (
        "Members and partners of: In|Die RegionRuhr, Netzwerk Produktion, Partnercluster, "
        "Partnercluster Süd, Quartier Nord" in content
    )


def test_page_of_open_event_says_every_organisation(client, world):
    event = factories.EventFactory(organising_networks=[world.network], open_to_all=True)
    assert "People of every organisation (members or not)" in _page(client, event)


def test_outsider_organisation_gets_explanation_instead_of_form(client, networks):
    event = factories.EventFactory(organising_networks=[networks["unrelated"]], open_to_all=False)
    staff = factories.PersonFactory(organisation__name="Außenseiter GmbH")
    content = _page(client, event, staff.user)
    assert (
        "This event is open only to members and partners of the networks named above; "
        "Außenseiter GmbH is not one of them." in content
    )
    assert reverse("events:register", args=[event.pk]) not in content


def test_outsider_post_refused_with_message(client, networks):
    event = factories.EventFactory(organising_networks=[networks["unrelated"]], open_to_all=False)
    staff = factories.PersonFactory(organisation__name="Außenseiter GmbH")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(staff.user)
    response = client.post(
        reverse("events:register", args=[event.pk]), {"person": staff.pk, "consent": "on"}
    )
    assert response.status_code == 400
    assert "Außenseiter GmbH is not a member of them." in response.content.decode()
    assert not Registration.objects.exists()


def test_member_of_sub_network_gets_the_form(client, closed_event, networks):
    person = member_of(networks["district"])
    content = _page(client, closed_event, person.user)
    assert reverse("events:register", args=[closed_event.pk]) in content
    assert "is not one of them" not in content


def test_admin_outside_audience_gets_no_colleagues_form(client, networks, world):
    event = factories.EventFactory(organising_networks=[networks["unrelated"]], open_to_all=False)
    content = _page(client, event, world.owner)
    assert "Register people of" not in content
    assert f"{world.company.name} is not one of them." in content
    assert person_of(world.owner).organisation == world.company


# --- The demo --------------------------------------------------------------------------------


def test_seed_opens_only_the_series_events_to_all(settings):
    from tests.portal.seed import seed  # noqa: PLC0415 - the demo is only needed here

    settings.DEBUG = True
    seed()
    open_titles = set(Event.objects.filter(open_to_all=True).values_list("title", flat=True))
    assert open_titles == set(
        Event.objects.filter(series__name="Wirtschaft trifft Wirtschaft").values_list(
            "title", flat=True
        )
    )
    assert Event.objects.filter(open_to_all=False).count() == 3
    for registration in Registration.objects.exclude(event__open_to_all=True):
        assert organisations_in_audience(
            event=registration.event, organisation_ids=[registration.organisation_id]
        )
