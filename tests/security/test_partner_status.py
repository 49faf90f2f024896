"""Partner rights come from a network, not from the kind an organisation gives itself.

Anybody signed in may create an organisation and call it a university or a chamber. Only
once it is active in a network (a manager approved it) do its people count as partners:
they see listings meant for partners and may broker introductions.
"""

import pytest
from django.urls import reverse

from cooperations.models import Introduction, Listing
from members import roles
from members.models import Membership, Organisation
from tests import factories
from tests.cooperations.factories import ListingFactory

pytestmark = pytest.mark.django_db

NEW_UNIVERSITY = {
    "name": "Selbsternannte Hochschule",
    "kind": Organisation.Kind.UNIVERSITY,
    "postal_code": "44801",
    "city": "Bochum",
    "visibility": Organisation.Visibility.PUBLIC,
}


@pytest.fixture
def for_partners(world) -> Listing:
    return ListingFactory(
        organisation=world.company,
        title="Nur für Partnerorganisationen",
        visibility=Listing.Visibility.PARTNERS,
    )


def test_a_self_made_partner_organisation_gives_no_partner_rights(client, world, for_partners):
    client.force_login(world.outsider)

    created = client.post(reverse("members:organisation_create"), NEW_UNIVERSITY)
    listing_page = client.get(for_partners.get_absolute_url())
    marketplace = client.get(reverse("cooperations:marketplace"))
    brokering = client.get(reverse("cooperations:introduction_create"))

    assert created.status_code == 302
    assert Organisation.objects.get(name=NEW_UNIVERSITY["name"]).kind == "university"
    assert roles.for_user(world.outsider).is_partner is False
    assert listing_page.status_code == 404
    assert for_partners.title not in marketplace.content.decode()
    assert brokering.status_code == 403
    assert not Introduction.objects.exists()


def test_a_partner_organisation_active_in_a_network_gives_partner_rights(
    client, world, for_partners
):
    university = factories.OrganisationFactory(kind=Organisation.Kind.UNIVERSITY)
    membership = factories.MembershipFactory(
        organisation=university,
        network=world.network,
        role=Membership.Role.PARTNER,
        status=Membership.Status.APPLIED,
    )
    user = factories.PersonFactory(organisation=university).user
    client.force_login(user)
    while_applying = client.get(for_partners.get_absolute_url()).status_code

    membership.status = Membership.Status.ACTIVE
    membership.save()

    assert while_applying == 404
    assert client.get(for_partners.get_absolute_url()).status_code == 200
    assert client.get(reverse("cooperations:introduction_create")).status_code == 200


def test_a_company_calling_itself_an_agency_is_not_a_partner(client, world):
    """The kind is self-declared; partner rights come with a partner membership."""
    elsewhere = ListingFactory(visibility=Listing.Visibility.PARTNERS)
    world.company.kind = Organisation.Kind.DEVELOPMENT_AGENCY
    world.company.save()
    client.force_login(world.owner)

    assert client.get(elsewhere.get_absolute_url()).status_code == 404
    assert client.get(reverse("cooperations:introduction_create")).status_code == 403
