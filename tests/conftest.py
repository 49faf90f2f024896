"""Shared fixtures: a small world with every role the portal knows (healthchecks habit)."""

from dataclasses import dataclass

import pytest
from django.core.cache import cache

from members.models import Network, Organisation, Person, User
from tests import factories


@dataclass
class World:
    network: Network
    company: Organisation
    owner: User  # organisation admin of ``company``
    colleague: User  # staff of ``company``
    outsider: User  # signed in, no organisation
    manager: User  # network manager of ``network``
    other_manager: User  # manager of a different network
    partner: User  # staff of a chamber that is partner of ``network``
    platform_admin: User
    chamber: Organisation


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache (rate limits live there)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(db) -> World:
    network = factories.NetworkFactory(name="In|Die RegionRuhr", slug="indie-regionruhr")
    company = factories.OrganisationFactory(name="Hesterberg Testwerk GmbH")
    factories.MembershipFactory(organisation=company, network=network)
    chamber = factories.OrganisationFactory(
        name="Test-IHK", kind=Organisation.Kind.CHAMBER_OF_COMMERCE
    )
    factories.MembershipFactory(organisation=chamber, network=network, role="partner")
    owner = factories.PersonFactory(organisation=company, role=Person.Role.ADMIN).user
    colleague = factories.PersonFactory(organisation=company, role=Person.Role.STAFF).user
    partner = factories.PersonFactory(organisation=chamber, role=Person.Role.STAFF).user
    manager = factories.NetworkManagerFactory(network=network).user
    other_manager = factories.NetworkManagerFactory().user
    return World(
        network=network,
        company=company,
        owner=owner,
        colleague=colleague,
        outsider=factories.UserFactory(),
        manager=manager,
        other_manager=other_manager,
        partner=partner,
        platform_admin=factories.UserFactory(is_superuser=True, is_staff=True),
        chamber=chamber,
    )
