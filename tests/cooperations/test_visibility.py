"""Nobody sees a listing outside its visibility: every visibility × every viewer, on the
marketplace, the listing page and the feed."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from cooperations import access
from cooperations.models import Listing
from members.models import Network
from tests.cooperations.factories import DraftListingFactory, ListingFactory
from tests.cooperations.helpers import ATOM, de, feed_entries, german, short_date

pytestmark = pytest.mark.django_db

VIEWERS = (
    "anonymous",
    "owner",  # admin of the posting company
    "colleague",  # staff of the posting company
    "outsider",  # signed in, no organisation
    "network_member",  # company active in the shared network
    "other_member",  # company active in another network only
    "partner",  # chamber staff, chamber is a partner in the shared network
    "manager",  # manager of the shared network
    "other_manager",  # manager of another network
    "platform_admin",
)
OWN = {"owner", "colleague", "platform_admin"}
EXPECTED = {
    "public": set(VIEWERS),
    "partners": OWN | {"partner", "manager", "other_manager"},
    "networks": OWN | {"network_member", "partner", "manager"},
    "networks_elsewhere": OWN,  # shared only with a network none of the viewers is in
    "draft": OWN,
}


@pytest.fixture
def listings(world, topics) -> dict[str, Listing]:
    def listing(title, **values):
        return ListingFactory(
            organisation=world.company, title=title, topics=[topics["lohnfertigung"]], **values
        )

    elsewhere = Network.objects.create(name="Fernes Netzwerk", slug="fernes-netzwerk")
    return {
        "public": listing("Öffentliches Angebot"),
        "partners": listing("Angebot für Partner", visibility=Listing.Visibility.PARTNERS),
        "networks": listing(
            "Angebot für das Netzwerk",
            visibility=Listing.Visibility.NETWORKS,
            shared_networks=[world.network],
        ),
        "networks_elsewhere": listing(
            "Angebot für ein fernes Netzwerk",
            visibility=Listing.Visibility.NETWORKS,
            shared_networks=[elsewhere],
        ),
        "draft": DraftListingFactory(
            organisation=world.company, title="Entwurf eines Angebots", topics=[topics["einkauf"]]
        ),
    }


def viewer_user(name, world, viewers):
    if name == "anonymous":
        return None
    return getattr(world, name, None) or getattr(viewers, name)


def login(client, user):
    if user is not None:
        client.force_login(user)


@pytest.mark.parametrize("viewer", VIEWERS)
def test_listing_page_visible_exactly_within_visibility(client, world, viewers, listings, viewer):
    login(client, viewer_user(viewer, world, viewers))

    seen = {
        name
        for name, listing in listings.items()
        if client.get(reverse("cooperations:listing", args=[listing.pk])).status_code == 200
    }
    hidden = {
        client.get(reverse("cooperations:listing", args=[listing.pk])).status_code
        for name, listing in listings.items()
        if name not in seen
    }

    assert seen == {name for name, viewers_ in EXPECTED.items() if viewer in viewers_}
    assert hidden <= {404}


@pytest.mark.parametrize("viewer", VIEWERS)
def test_marketplace_lists_exactly_the_visible_published_listings(
    client, world, viewers, listings, viewer
):
    login(client, viewer_user(viewer, world, viewers))

    response = client.get(reverse("cooperations:marketplace"))

    shown = {name for name, listing in listings.items() if listing.title in response.text}
    expected = {n for n, v in EXPECTED.items() if viewer in v and n != "draft"}
    assert response.status_code == 200
    assert shown == expected


@pytest.mark.parametrize("viewer", VIEWERS)
def test_feed_holds_public_listings_only_whoever_asks(client, world, viewers, listings, viewer):
    login(client, viewer_user(viewer, world, viewers))

    response = client.get(reverse("cooperations:feed"))

    entries = feed_entries(response.content)
    assert [entry.find(f"{ATOM}title").text for entry in entries] == [
        f"{de('offer').capitalize()}: Öffentliches Angebot"
    ]


@pytest.mark.parametrize("viewer", VIEWERS)
def test_visible_query_agrees_with_the_page(world, viewers, listings, viewer):
    user = viewer_user(viewer, world, viewers) or AnonymousUser()

    visible = set(access.listings_visible_to(user).values_list("title", flat=True))

    assert visible == {
        listing.title for name, listing in listings.items() if viewer in EXPECTED[name]
    }


def test_closed_and_expired_listings_stay_visible_on_their_page_but_leave_the_marketplace(
    client, world, topics
):
    closed = ListingFactory(
        organisation=world.company,
        title="Geschlossenes Angebot",
        status="closed",
        closed_at=dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC),
    )
    expired = ListingFactory(organisation=world.company, title="Abgelaufenes", status="expired")

    page = client.get(reverse("cooperations:listing", args=[closed.pk]))
    marketplace = client.get(reverse("cooperations:marketplace"))

    assert page.status_code == 200
    assert german("This listing was closed on %(date)s.", date=short_date(closed.closed_at)) in (
        page.text
    )
    assert client.get(reverse("cooperations:listing", args=[expired.pk])).status_code == 200
    assert "Geschlossenes Angebot" not in marketplace.text
    assert "Abgelaufenes" not in marketplace.text


def test_a_membership_that_ended_no_longer_opens_network_listings(client, world, viewers, listings):
    viewers.other_company.memberships.update(status="ended")
    client.force_login(viewers.network_member)

    response = client.get(reverse("cooperations:listing", args=[listings["networks"].pk]))

    assert response.status_code == 404
