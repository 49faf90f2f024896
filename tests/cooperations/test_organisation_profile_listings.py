"""An organisation's profile shows its current listings, as far as the viewer may see them."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cooperations.models import Listing
from tests.cooperations import factories as coop_factories

pytestmark = pytest.mark.django_db


def _listing(world, title: str, **values) -> Listing:
    return coop_factories.ListingFactory(organisation=world.company, title=title, **values)


def test_profile_lists_published_public_listings_for_everybody(client, world):
    _listing(world, "Verbundausbildung Zerspanung")
    _listing(world, "Entwurf Lohnfertigung", status=Listing.Status.DRAFT)
    _listing(
        world,
        "Abgelaufen Vertrieb",
        valid_until=timezone.localdate() - datetime.timedelta(days=1),
    )

    content = client.get(world.company.get_absolute_url()).content.decode()

    assert "Verbundausbildung Zerspanung" in content
    assert "Entwurf Lohnfertigung" not in content
    assert "Abgelaufen Vertrieb" not in content


def test_partner_only_listing_shows_to_partners_not_to_anonymous(client, world):
    _listing(world, "Nur für Partner", visibility=Listing.Visibility.PARTNERS)

    anonymous = client.get(world.company.get_absolute_url()).content.decode()
    client.force_login(world.partner)
    partner = client.get(world.company.get_absolute_url()).content.decode()

    assert "Nur für Partner" not in anonymous
    assert "Nur für Partner" in partner


def _queries_for_profile(client, organisation) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(organisation.get_absolute_url())
    assert response.status_code == 200
    return len(queries)


def test_profile_listings_take_the_same_queries_for_one_and_many(client, world):
    _listing(world, "Angebot 0")
    one = _queries_for_profile(client, world.company)
    for number in range(1, 8):
        _listing(world, f"Angebot {number}")

    many = _queries_for_profile(client, world.company)

    content = client.get(world.company.get_absolute_url()).content.decode()
    assert content.count(">Angebot ") == 5
    assert one == many
