"""Fixtures of the cooperations tests: topics, and viewers around the ``world``."""

from dataclasses import dataclass

import pytest

from members.models import Organisation, Person, User
from tests import factories
from tests.cooperations.factories import standard_topics


@pytest.fixture
def topics(db) -> dict:
    return standard_topics()


@dataclass
class Viewers:
    """Users beyond ``world``: another member of ``world.network``, a member elsewhere."""

    network_member: User  # staff of another company active in ``world.network``
    other_member: User  # staff of a company active only in another network
    other_company: Organisation  # the network member's company


@pytest.fixture
def viewers(world) -> Viewers:
    other_company = factories.OrganisationFactory(name="Nachbar Metall GmbH")
    factories.MembershipFactory(organisation=other_company, network=world.network)
    far_company = factories.OrganisationFactory(name="Weit Weg Verpackung GmbH")
    factories.MembershipFactory(organisation=far_company, network=factories.NetworkFactory())
    return Viewers(
        network_member=factories.PersonFactory(
            organisation=other_company, role=Person.Role.STAFF
        ).user,
        other_member=factories.PersonFactory(organisation=far_company, role=Person.Role.ADMIN).user,
        other_company=other_company,
    )
