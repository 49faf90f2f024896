"""Regressions found by the fuzz tests (tests/security/test_fuzz_inputs.py): cooperations."""

import pytest
from django.urls import reverse

from tests.cooperations.factories import ListingFactory

pytestmark = pytest.mark.django_db

INTRODUCE = reverse("cooperations:introduction_create")


@pytest.mark.parametrize("listing", ["²", "1①", "\x00", "9" * 25, "-1"])
def test_introducing_with_a_listing_that_is_no_number_shows_the_plain_form(client, world, listing):
    """``"²".isdigit()`` is true but ``int("²")`` fails: the page answered with a 500."""
    client.force_login(world.partner)

    response = client.get(INTRODUCE, {"listing": listing})

    assert response.status_code == 200
    assert response.context["listing"] is None


def test_introducing_about_a_listing_still_names_it(client, world):
    offer = ListingFactory(organisation=world.company)
    client.force_login(world.partner)

    response = client.get(INTRODUCE, {"listing": str(offer.pk)})

    assert response.status_code == 200
    assert response.context["listing"] == offer
