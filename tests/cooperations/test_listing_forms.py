"""An organisation's people create, edit, publish and close its listings; bad input saves
nothing."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from cooperations.models import Listing
from members.models import Person
from tests import factories
from tests.cooperations.factories import DraftListingFactory, ListingFactory
from tests.cooperations.helpers import german

pytestmark = pytest.mark.django_db

CREATE = reverse("cooperations:listing_create")


def form_data(world, topics, /, **changes) -> dict:
    data = {
        "organisation": world.company.pk,
        "kind": "request",
        "title": "  Zulieferer für   Verzahnungsteile gesucht ",
        "summary": "Wir suchen Lohnfertiger in der Region.",
        "description": "Jahresbedarf etwa 4.000 Teile.",
        "topics": [topics["lohnfertigung"].pk, topics["einkauf"].pk],
        "sectors": [factories.SectorFactory(name="Metallverarbeitung").pk],
        "regions": [world.company.region_id],
        "partner_kinds": ["company", "research"],
        "visibility": "networks",
        "shared_networks": [world.network.pk],
        "valid_until": (timezone.localdate() + dt.timedelta(days=200)).isoformat(),
        "action": "publish",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


# --- Create ------------------------------------------------------------------------------


def test_create_and_publish_saves_every_value(client, world, topics):
    client.force_login(world.colleague)

    response = client.post(CREATE, form_data(world, topics))

    listing = Listing.objects.get()
    assert response.status_code == 302
    assert response["Location"] == listing.get_absolute_url()
    assert (listing.organisation, listing.kind, listing.title, listing.created_by) == (
        world.company,
        "request",
        "Zulieferer für Verzahnungsteile gesucht",
        world.colleague,
    )
    assert (listing.status, listing.visibility, listing.partner_kinds) == (
        "published",
        "networks",
        ["company", "research"],
    )
    assert listing.published_at is not None
    assert listing.valid_until == timezone.localdate() + dt.timedelta(days=200)
    assert sorted(t.slug for t in listing.topics.all()) == ["einkauf", "lohnfertigung"]
    assert [n.pk for n in listing.shared_networks.all()] == [world.network.pk]
    assert [r.pk for r in listing.regions.all()] == [world.company.region_id]
    assert [s.name for s in listing.sectors.all()] == ["Metallverarbeitung"]


def test_create_as_draft_is_not_published(client, world, topics):
    client.force_login(world.owner)

    client.post(CREATE, form_data(world, topics, action="draft", visibility="public"))

    listing = Listing.objects.get()
    assert (listing.status, listing.published_at) == ("draft", None)
    assert list(listing.shared_networks.all()) == []  # only network listings keep networks


def test_create_form_defaults_to_a_year_of_validity(client, world, topics):
    client.force_login(world.owner)

    response = client.get(CREATE + "?kind=request")

    a_year = (timezone.localdate() + dt.timedelta(days=365)).isoformat()
    assert response.status_code == 200
    assert f'value="{a_year}"' in response.text
    assert 'value="request" required id="id_kind_1" checked' in response.text


@pytest.mark.parametrize(
    "bad",
    [
        ({"valid_until": "2020-01-01"}, "valid_until", "Please choose today or a later date."),
        ({"title": "   "}, "title", "This field is required."),
        ({"topics": None}, "topics", "Choose at least one topic."),
        (
            {"shared_networks": None},
            "shared_networks",
            "Choose the networks that may see the listing.",
        ),
        (
            {"valid_until": "2099-01-01"},
            "valid_until",
            "Please choose a date at most two years ahead.",
        ),
        ({"partner_kinds": ["pirate"]}, "partner_kinds", None),
    ],
)
def test_create_with_bad_input_saves_nothing(client, world, topics, bad):
    changes, field, message = bad
    client.force_login(world.owner)

    response = client.post(CREATE, form_data(world, topics, **changes))

    assert response.status_code == 400
    assert field in response.context["form"].errors
    if message:
        assert german(message) in response.text
    assert Listing.objects.count() == 0


def test_create_for_an_organisation_one_does_not_act_for_is_refused(client, world, topics, viewers):
    client.force_login(world.owner)

    response = client.post(CREATE, form_data(world, topics, organisation=viewers.other_company.pk))

    assert response.status_code == 400
    assert "organisation" in response.context["form"].errors
    assert Listing.objects.count() == 0


def test_create_without_an_organisation_explains_and_refuses(client, world, topics):
    client.force_login(world.outsider)

    page = client.get(CREATE)
    post = client.post(CREATE, form_data(world, topics))

    assert (page.status_code, post.status_code) == (403, 403)
    assert german("Add your organisation") in page.text
    assert Listing.objects.count() == 0


def test_create_needs_sign_in(client, world, topics):
    response = client.post(CREATE, form_data(world, topics))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert Listing.objects.count() == 0


def test_a_person_with_two_organisations_chooses_one(client, world, topics, viewers):
    factories.PersonFactory(
        organisation=viewers.other_company, user=world.owner, role=Person.Role.STAFF
    )
    client.force_login(world.owner)

    client.post(CREATE, form_data(world, topics, organisation=viewers.other_company.pk))

    assert Listing.objects.get().organisation == viewers.other_company


# --- Edit --------------------------------------------------------------------------------


def edit_url(listing) -> str:
    return reverse("cooperations:listing_edit", args=[listing.pk])


def test_edit_changes_values_and_keeps_it_published(client, world, topics):
    listing = ListingFactory(organisation=world.company, topics=[topics["marketing"]])
    client.force_login(world.colleague)

    response = client.post(
        edit_url(listing),
        form_data(world, topics, organisation=None, title="Neuer Titel", action="save"),
    )

    listing.refresh_from_db()
    assert response.status_code == 302
    assert (listing.title, listing.status, listing.visibility) == (
        "Neuer Titel",
        "published",
        "networks",
    )
    assert sorted(t.slug for t in listing.topics.all()) == ["einkauf", "lohnfertigung"]


def test_edit_from_networks_to_public_drops_the_networks(client, world, topics):
    listing = ListingFactory(
        organisation=world.company,
        visibility="networks",
        shared_networks=[world.network],
        topics=[topics["marketing"]],
    )
    client.force_login(world.owner)

    client.post(edit_url(listing), form_data(world, topics, visibility="public", action="save"))

    listing.refresh_from_db()
    assert (listing.visibility, list(listing.shared_networks.all())) == ("public", [])


def test_edit_with_bad_input_changes_nothing(client, world, topics):
    listing = ListingFactory(
        organisation=world.company, title="Alter Titel", topics=[topics["marketing"]]
    )
    client.force_login(world.owner)

    response = client.post(edit_url(listing), form_data(world, topics, title="Neu", topics=None))

    listing.refresh_from_db()
    assert response.status_code == 400
    assert listing.title == "Alter Titel"
    assert [t.slug for t in listing.topics.all()] == ["marketing"]


@pytest.mark.parametrize(
    ("viewer", "status"),
    [("manager", 403), ("partner", 403), ("platform_admin", 403), ("outsider", 403)],
)
def test_edit_by_others_is_refused(client, world, topics, viewer, status):
    listing = ListingFactory(organisation=world.company, title="Alter Titel")
    client.force_login(getattr(world, viewer))

    get = client.get(edit_url(listing))
    post = client.post(edit_url(listing), form_data(world, topics, title="Übernommen"))

    listing.refresh_from_db()
    assert (get.status_code, post.status_code) == (status, status)
    assert listing.title == "Alter Titel"


def test_edit_of_a_listing_one_may_not_see_is_not_found(client, world, topics, viewers):
    listing = ListingFactory(organisation=world.company, visibility="partners")
    client.force_login(viewers.other_member)

    assert client.get(edit_url(listing)).status_code == 404


# --- Publish and close -------------------------------------------------------------------


def test_publish_a_draft(client, world, topics):
    listing = DraftListingFactory(organisation=world.company, topics=[topics["marketing"]])
    client.force_login(world.colleague)

    response = client.post(reverse("cooperations:listing_publish", args=[listing.pk]))

    listing.refresh_from_db()
    assert response.status_code == 302
    assert listing.status == "published"
    assert listing.published_at is not None


def test_publish_past_the_valid_until_date_is_refused(client, world, topics):
    listing = ListingFactory(
        organisation=world.company,
        status="expired",
        valid_until=timezone.localdate() - dt.timedelta(days=3),
        topics=[topics["marketing"]],
    )
    client.force_login(world.owner)

    response = client.post(reverse("cooperations:listing_publish", args=[listing.pk]), follow=True)

    listing.refresh_from_db()
    assert listing.status == "expired"
    assert german("The valid-until date has passed. Please choose a later date.") in response.text


def test_close_a_published_listing(client, world, topics):
    listing = ListingFactory(organisation=world.company)
    client.force_login(world.owner)

    response = client.post(reverse("cooperations:listing_close", args=[listing.pk]))

    listing.refresh_from_db()
    assert response.status_code == 302
    assert listing.status == "closed"
    assert listing.closed_at is not None


def test_close_a_draft_is_refused_with_a_message(client, world, topics):
    listing = DraftListingFactory(organisation=world.company)
    client.force_login(world.owner)

    response = client.post(reverse("cooperations:listing_close", args=[listing.pk]), follow=True)

    listing.refresh_from_db()
    assert listing.status == "draft"
    assert german("Only a published listing can be closed.") in response.text


def test_publish_and_close_by_others_are_refused(client, world, topics):
    listing = ListingFactory(organisation=world.company)
    client.force_login(world.manager)

    close = client.post(reverse("cooperations:listing_close", args=[listing.pk]))
    publish = client.get(reverse("cooperations:listing_publish", args=[listing.pk]))

    listing.refresh_from_db()
    assert (close.status_code, publish.status_code, listing.status) == (403, 405, "published")


def test_owner_sees_actions_others_do_not(client, world, topics):
    listing = ListingFactory(organisation=world.company)
    edit = edit_url(listing)

    client.force_login(world.manager)
    assert edit not in client.get(listing.get_absolute_url()).text
    client.force_login(world.colleague)
    assert edit in client.get(listing.get_absolute_url()).text


def test_my_listings_shows_every_status_of_own_organisations_only(client, world, topics, viewers):
    ListingFactory(organisation=world.company, title="Veröffentlicht")
    DraftListingFactory(organisation=world.company, title="Mein Entwurf")
    ListingFactory(organisation=viewers.other_company, title="Fremdes Angebot")
    client.force_login(world.colleague)

    response = client.get(reverse("cooperations:my_listings"))

    assert response.status_code == 200
    assert [listing.title for listing in response.context["listings"]] == [
        "Mein Entwurf",
        "Veröffentlicht",
    ]
