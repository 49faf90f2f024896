"""Fixtures of the members tests."""

import pytest

from members.models import Organisation
from tests import factories


@pytest.fixture
def hidden(world) -> Organisation:
    """A members-only company, active member of ``world.network``."""
    company = factories.OrganisationFactory(
        name="Verborgene Präzision GmbH",
        slug="verborgene-praezision",
        visibility=Organisation.Visibility.MEMBERS,
    )
    factories.MembershipFactory(organisation=company, network=world.network)
    return company
