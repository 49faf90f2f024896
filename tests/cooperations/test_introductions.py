"""Introductions brokered by a partner: who may broker, what a proposal needs, the mails
asking both sides. The answers, contact details and withdrawal: test_introduction_answers.py."""

import pytest
from django.urls import reverse

from cooperations.models import Introduction
from members.models import Person
from network_portal.models import OutgoingMail
from tests import factories
from tests.cooperations.factories import ListingFactory
from tests.cooperations.helpers import german
from tests.cooperations.introduction_helpers import Pair, introduction_of, introduction_pair

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(world, viewers) -> Pair:
    return introduction_pair(world, viewers)


def propose(client, user, pair, **values):
    client.force_login(user)
    data = {
        "first_organisation": pair.first.pk,
        "second_organisation": pair.second.pk,
        "message": "Sie suchen beide Partner für die Verbundausbildung.",
        **values,
    }
    return client.post(reverse("cooperations:introduction_create"), data)


# --- Proposing ---------------------------------------------------------------------------


def test_a_partner_introduces_two_organisations_and_both_admins_are_asked(client, world, pair):
    pair.second_admin.language = "en"
    pair.second_admin.save(update_fields=["language"])

    response = propose(client, world.partner, pair)

    introduction = Introduction.objects.get()
    assert response.status_code == 302
    assert (introduction.broker, introduction.broker_organisation, introduction.status) == (
        world.partner,
        world.chamber,
        "pending",
    )
    mails = {m.recipient: m for m in OutgoingMail.objects.all()}
    assert set(mails) == {world.owner.email, pair.second_admin.email}
    assert mails[world.owner.email].language == "de"
    assert mails[pair.second_admin.email].language == "en"
    assert mails[pair.second_admin.email].subject == (
        "Test-IHK would like to introduce you to Hesterberg Testwerk GmbH"
    )
    assert mails[world.owner.email].key == (
        f"introduction-request:{introduction.pk}:{world.owner.email}"
    )
    assert all(m.about == f"cooperations.introduction:{introduction.pk}" for m in mails.values())


def test_an_introduction_about_a_listing_starts_from_the_listing(client, world, pair, topics):
    listing = ListingFactory(organisation=pair.first, topics=[topics["einkauf"]])
    client.force_login(world.partner)

    form = client.get(reverse("cooperations:introduction_create") + f"?listing={listing.pk}")
    client.post(
        reverse("cooperations:introduction_create") + f"?listing={listing.pk}",
        {
            "listing": listing.pk,
            "first_organisation": pair.first.pk,
            "second_organisation": pair.second.pk,
            "message": "Passt zu Ihrem Angebot.",
        },
    )

    assert listing.title in form.text
    assert Introduction.objects.get().listing == listing


def test_a_manager_acting_for_an_agency_may_broker(client, world, pair):
    agency = factories.OrganisationFactory(name="Wirtschaftsförderung Test", kind="agency")
    factories.PersonFactory(organisation=agency, user=world.manager, role=Person.Role.STAFF)

    response = propose(client, world.manager, pair)

    assert response.status_code == 302
    assert Introduction.objects.get().broker_organisation == agency


def test_a_manager_without_organisation_is_told_why_not(client, world, pair):
    client.force_login(world.manager)

    page = client.get(reverse("cooperations:introduction_create"))
    response = propose(client, world.manager, pair)

    assert page.status_code == 403
    assert (
        german(
            "An introduction is made on behalf of an organisation, for example your chamber or "
            "agency. You do not act for an organisation in the portal yet."
        )
        in page.text
    )
    assert response.status_code == 403
    assert not Introduction.objects.exists()


@pytest.mark.parametrize("who", ["owner", "colleague", "outsider"])
def test_companies_and_outsiders_do_not_broker(client, world, pair, who):
    response = propose(client, getattr(world, who), pair)

    assert response.status_code == 403
    assert not Introduction.objects.exists()


def test_anonymous_is_sent_to_sign_in(client, pair):
    response = client.get(reverse("cooperations:introduction_create"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"second_organisation": "SAME"}, "Please choose two different organisations."),
        ({"message": "  "}, "Please write why the two should meet."),
        (
            {"second_organisation": "CHAMBER"},
            "Select a valid choice. That choice is not one of the available choices.",
        ),
    ],
)
def test_bad_input_saves_nothing(client, world, pair, values, message):
    replace = {"SAME": pair.first.pk, "CHAMBER": world.chamber.pk}
    values = {k: replace.get(v, v) for k, v in values.items()}

    response = propose(client, world.partner, pair, **values)

    assert response.status_code == 400
    assert german(message) in response.text
    assert not Introduction.objects.exists()
    assert not OutgoingMail.objects.exists()


def test_a_listing_of_a_third_organisation_is_refused(client, world, pair, topics):
    listing = ListingFactory(topics=[topics["einkauf"]])

    response = propose(client, world.partner, pair, listing=listing.pk)

    assert response.status_code == 400
    assert german("The listing must belong to one of the two organisations.") in response.text
    assert not Introduction.objects.exists()


def test_the_same_pair_cannot_be_introduced_twice_while_pending(client, world, pair):
    introduction_of(world, pair)

    response = propose(
        client,
        world.partner,
        pair,
        first_organisation=pair.second.pk,
        second_organisation=pair.first.pk,
    )

    assert response.status_code == 400
    assert german("These two organisations have an introduction waiting for answers already.") in (
        response.text
    )
    assert Introduction.objects.count() == 1
