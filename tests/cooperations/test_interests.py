"""Interest with consent: sending it, withdrawing it, and the panel on the listing page;
bad input saves nothing. The answers and who sees what: test_interest_answers.py."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from cooperations.models import Interest, Listing
from cooperations.services import interests as services
from members.models import Person
from network_portal.models import OutgoingMail
from tests import factories
from tests.cooperations.helpers import german
from tests.cooperations.interest_helpers import Scene, interest_scene, send

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(world, viewers, topics) -> Scene:
    return interest_scene(world, viewers, topics)


# --- Sending ----------------------------------------------------------------------------


def test_sending_records_the_interest_and_tells_admins_and_author(client, world, scene):
    world.owner.language = "en"
    world.owner.save(update_fields=["language"])

    response = send(client, scene.sender, scene.listing)

    interest = Interest.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("cooperations:interest", args=[interest.pk])
    assert (interest.listing, interest.organisation, interest.user, interest.status) == (
        scene.listing,
        scene.sender.people.get().organisation,
        scene.sender,
        "pending",
    )
    mails = OutgoingMail.objects.order_by("recipient")
    expected = sorted([world.owner, world.colleague], key=lambda u: u.email)
    assert [(m.recipient, m.language, m.kind) for m in mails] == [
        (u.email, u.language, "interest-received") for u in expected
    ]
    assert [m.key for m in mails] == [
        f"interest-received:{interest.pk}:{u.email}" for u in expected
    ]
    english = mails.get(recipient=world.owner.email)
    assert (
        english.subject
        == "Nachbar Metall GmbH is interested in “Verbundausbildung Industriemechanik”"
    )
    assert "Wir bilden selbst aus und suchen Partner." in english.body_text
    assert english.about == f"cooperations.listing:{scene.listing.pk}"


def test_a_person_with_two_organisations_chooses_which_one_is_interested(client, world, scene):
    second = factories.OrganisationFactory(name="Zweitfirma KG")
    factories.PersonFactory(organisation=second, user=scene.sender, role=Person.Role.STAFF)
    client.force_login(scene.sender)

    form = client.get(reverse("cooperations:interest_create", args=[scene.listing.pk]))
    client.post(
        reverse("cooperations:interest_create", args=[scene.listing.pk]),
        {"organisation": second.pk, "message": "Wir auch."},
    )

    assert "Zweitfirma KG" in form.text
    assert Interest.objects.get().organisation == second


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"status": "closed", "closed_at": timezone.now()},
            "This listing has been closed and no longer receives interest.",
        ),
        ({"status": "expired"}, "This listing has expired and no longer receives interest."),
        (
            {"valid_until": timezone.localdate() - dt.timedelta(days=1)},
            "This listing has expired and no longer receives interest.",
        ),
    ],
)
def test_closed_or_expired_listings_receive_no_interest(client, scene, change, message):
    Listing.objects.filter(pk=scene.listing.pk).update(**change)

    response = send(client, scene.sender, scene.listing)
    page = client.get(scene.listing.get_absolute_url())

    assert response.status_code == 400
    assert german(message) in response.text
    assert german(message) in page.text
    assert 'name="message"' not in page.text
    assert not Interest.objects.exists()
    assert not OutgoingMail.objects.exists()


def test_a_listing_one_may_not_see_is_not_found(client, world, scene, viewers):
    Listing.objects.filter(pk=scene.listing.pk).update(visibility="partners")

    response = send(client, viewers.other_member, scene.listing)

    assert response.status_code == 404
    assert not Interest.objects.exists()


def test_interest_in_the_own_listing_is_refused(client, world, scene):
    response = send(client, world.owner, scene.listing)

    assert response.status_code == 403
    assert not Interest.objects.exists()


def test_the_own_organisation_cannot_be_slipped_in(client, world, scene, viewers):
    factories.PersonFactory(organisation=world.company, user=scene.sender, role=Person.Role.STAFF)
    client.force_login(scene.sender)

    response = client.post(
        reverse("cooperations:interest_create", args=[scene.listing.pk]),
        {"organisation": world.company.pk, "message": "Hallo"},
    )

    assert response.status_code == 400
    assert german("Please choose one of your organisations.") in response.text
    assert not Interest.objects.exists()


def test_an_empty_message_is_refused(client, scene):
    response = send(client, scene.sender, scene.listing, message="   ")

    assert response.status_code == 400
    assert german("Please write a short message to the organisation.") in response.text
    assert not Interest.objects.exists()


def test_a_second_open_interest_of_the_same_organisation_is_refused(client, scene):
    send(client, scene.sender, scene.listing)

    response = send(client, scene.sender_admin, scene.listing, message="Nochmal")

    assert response.status_code == 400
    assert german("Your organisation has already expressed interest in this listing.") in (
        response.text
    )
    assert Interest.objects.count() == 1
    assert OutgoingMail.objects.filter(kind="interest-received").count() == 2


def test_after_a_withdrawal_the_organisation_may_send_again(client, scene):
    send(client, scene.sender, scene.listing)
    services.interest_withdraw(interest=Interest.objects.get())

    response = send(client, scene.sender, scene.listing, message="Doch noch einmal")

    assert response.status_code == 302
    assert sorted(Interest.objects.values_list("status", flat=True)) == ["pending", "withdrawn"]


def test_anonymous_and_people_without_organisation_cannot_send(client, world, scene):
    url = reverse("cooperations:interest_create", args=[scene.listing.pk])

    anonymous = client.post(url, {"message": "Hallo"})
    outsider = send(client, world.outsider, scene.listing)

    assert anonymous.status_code == 302
    assert anonymous.url.startswith(reverse("account_login"))
    assert outsider.status_code == 403
    assert not Interest.objects.exists()


# --- Withdrawing ------------------------------------------------------------------------


def test_the_sender_withdraws_while_pending_and_the_owner_is_told(client, world, scene):
    send(client, scene.sender, scene.listing)
    interest = Interest.objects.get()

    response = client.post(reverse("cooperations:interest_withdraw", args=[interest.pk]))

    interest.refresh_from_db()
    assert response.status_code == 302
    assert interest.status == "withdrawn"
    assert interest.withdrawn_at is not None
    assert sorted(
        OutgoingMail.objects.filter(kind="interest-withdrawn").values_list("recipient", flat=True)
    ) == sorted([world.owner.email, world.colleague.email])


def test_an_answered_interest_cannot_be_withdrawn(client, world, scene):
    send(client, scene.sender, scene.listing)
    interest = Interest.objects.get()
    services.interest_answer(interest=interest, user=world.owner, accept=True)

    response = client.post(
        reverse("cooperations:interest_withdraw", args=[interest.pk]), follow=True
    )

    assert german("Only an interest without an answer can be withdrawn.") in response.text
    assert Interest.objects.get().status == "accepted"


def test_the_listing_side_cannot_withdraw(client, world, scene):
    send(client, scene.sender, scene.listing)
    interest = Interest.objects.get()
    client.force_login(world.owner)

    response = client.post(reverse("cooperations:interest_withdraw", args=[interest.pk]))

    assert response.status_code == 403
    assert Interest.objects.get().status == "pending"


# --- The panel on the listing page ---------------------------------------------------------


def test_listing_page_offers_the_form_to_other_organisations(client, scene):
    client.force_login(scene.sender)

    page = client.get(scene.listing.get_absolute_url())

    assert reverse("cooperations:interest_create", args=[scene.listing.pk]) in page.text
    assert 'name="message"' in page.text


def test_listing_page_shows_the_sent_interest_instead_of_the_form(client, scene):
    send(client, scene.sender, scene.listing)

    page = client.get(scene.listing.get_absolute_url())

    assert 'name="message"' not in page.text
    assert reverse("cooperations:interest", args=[Interest.objects.get().pk]) in page.text


def test_listing_page_lists_received_interest_for_the_owner(client, world, scene):
    send(client, scene.sender, scene.listing)
    client.force_login(world.owner)

    page = client.get(scene.listing.get_absolute_url())

    assert "Nachbar Metall GmbH" in page.text
    assert reverse("cooperations:interest", args=[Interest.objects.get().pk]) in page.text
    assert 'name="message"' not in page.text


def test_listing_page_asks_anonymous_visitors_to_sign_in(client, scene):
    page = client.get(scene.listing.get_absolute_url())

    assert german("Sign in to express interest") in page.text
    assert 'name="message"' not in page.text


def test_listing_page_explains_to_people_without_organisation(client, world, scene):
    client.force_login(world.outsider)

    page = client.get(scene.listing.get_absolute_url())

    assert (
        german(
            "Interest is expressed on behalf of an organisation. You do not act for an "
            "organisation in the portal yet."
        )
        in page.text
    )
