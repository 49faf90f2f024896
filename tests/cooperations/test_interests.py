"""Interest with consent: send, answer, withdraw; contact details only after acceptance,
seen from every side; the mails it records; bad input saves nothing."""

import datetime as dt
from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import timezone

from cooperations.models import Interest, Listing
from cooperations.services import interests as services
from members.models import Person, User
from network_portal.models import OutgoingMail
from tests import factories
from tests.cooperations.factories import InterestFactory, ListingFactory
from tests.cooperations.helpers import german

pytestmark = pytest.mark.django_db

OWNER_PHONE = "0234 5550-11"
SENDER_PHONE = "0234 7770-22"
COMPANY_MAIL = "zentrale@hesterberg-testwerk.example"


@dataclass
class Scene:
    listing: Listing
    sender: User  # staff of the interested company (a member of the same network)
    sender_admin: User  # admin of the interested company


@pytest.fixture
def scene(world, viewers, topics) -> Scene:
    Person.objects.filter(user=world.owner).update(phone=OWNER_PHONE)
    Person.objects.filter(user=viewers.network_member).update(phone=SENDER_PHONE)
    world.company.email = COMPANY_MAIL
    world.company.save(update_fields=["email"])
    sender_admin = factories.PersonFactory(
        organisation=viewers.other_company, role=Person.Role.ADMIN
    ).user
    listing = ListingFactory(
        organisation=world.company,
        title="Verbundausbildung Industriemechanik",
        topics=[topics["aus-weiterbildung"]],
        created_by=world.colleague,
    )
    return Scene(listing=listing, sender=viewers.network_member, sender_admin=sender_admin)


def send(client, user, listing, message="Wir bilden selbst aus und suchen Partner."):
    client.force_login(user)
    return client.post(
        reverse("cooperations:interest_create", args=[listing.pk]), {"message": message}
    )


def interest_page(client, user, interest):
    client.force_login(user)
    return client.get(reverse("cooperations:interest", args=[interest.pk]))


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


# --- Consent: who sees what, before and after ----------------------------------------------


SIDES = ("sender", "sender_admin", "owner", "colleague")


def side_user(name, world, scene):
    return getattr(scene, name, None) or getattr(world, name)


@pytest.mark.parametrize("side", SIDES)
def test_no_contact_details_before_acceptance(client, world, scene, side):
    send(client, scene.sender, scene.listing)
    interest = Interest.objects.get()

    page = interest_page(client, side_user(side, world, scene), interest)
    listing_page = client.get(scene.listing.get_absolute_url())

    assert page.status_code == 200
    assert "Wir bilden selbst aus" in page.text
    for secret in (OWNER_PHONE, SENDER_PHONE, world.owner.email, scene.sender.email, COMPANY_MAIL):
        assert secret not in page.text
        assert secret not in listing_page.text


def test_after_acceptance_both_sides_see_each_other(client, world, scene):
    send(client, scene.sender, scene.listing)
    interest = Interest.objects.get()
    client.force_login(world.owner)

    answer = client.post(
        reverse("cooperations:interest_answer", args=[interest.pk]),
        {"decision": "accept", "reply": "Gern, rufen Sie an."},
    )

    interest.refresh_from_db()
    assert answer.status_code == 302
    assert (interest.status, interest.decided_by, interest.reply) == (
        "accepted",
        world.owner,
        "Gern, rufen Sie an.",
    )
    for user in (world.owner, world.colleague):  # the listing's side sees the sender
        page = interest_page(client, user, interest).text
        assert scene.sender.email in page
        assert SENDER_PHONE in page
        assert OWNER_PHONE not in page
    for user in (scene.sender, scene.sender_admin):  # the sender's side sees who accepted
        page = interest_page(client, user, interest).text
        assert world.owner.email in page
        assert OWNER_PHONE in page
        assert COMPANY_MAIL in page
        assert "Gern, rufen Sie an." in page


def test_acceptance_is_told_to_the_sender_and_their_admins_with_the_contact(client, world, scene):
    send(client, scene.sender, scene.listing)
    interest = Interest.objects.get()

    services.interest_answer(interest=interest, user=world.owner, accept=True)

    mails = OutgoingMail.objects.filter(kind="interest-accepted").order_by("recipient")
    expected = sorted([scene.sender.email, scene.sender_admin.email])
    assert [m.recipient for m in mails] == expected
    assert [m.key for m in mails] == [f"interest-accepted:{interest.pk}:{e}" for e in expected]
    assert all(m.language == "de" for m in mails)
    assert OWNER_PHONE in mails[0].body_text
    assert world.owner.email in mails[0].body_text


def test_declining_passes_no_contact_details(client, world, scene):
    send(client, scene.sender, scene.listing)
    interest = Interest.objects.get()
    client.force_login(world.owner)

    client.post(
        reverse("cooperations:interest_answer", args=[interest.pk]),
        {"decision": "decline", "reply": "Leider schon vergeben."},
    )

    interest.refresh_from_db()
    page = interest_page(client, scene.sender, interest).text
    mail = OutgoingMail.objects.get(kind="interest-declined", recipient=scene.sender.email)
    assert interest.status == "declined"
    assert "Leider schon vergeben." in page
    assert OWNER_PHONE not in page
    assert world.owner.email not in page
    assert "Leider schon vergeben." in mail.body_text
    assert OWNER_PHONE not in mail.body_text


@pytest.mark.parametrize("viewer", ["outsider", "partner", "manager", "other_manager"])
def test_people_outside_both_sides_do_not_find_the_interest(client, world, scene, viewer):
    interest = InterestFactory(
        listing=scene.listing,
        organisation=scene.sender.people.get().organisation,
        user=scene.sender,
        status="accepted",
        decided_at=timezone.now(),
        decided_by=world.owner,
    )
    client.force_login(getattr(world, viewer))

    page = client.get(reverse("cooperations:interest", args=[interest.pk]))
    answer = client.post(
        reverse("cooperations:interest_answer", args=[interest.pk]), {"decision": "accept"}
    )
    listing_page = client.get(scene.listing.get_absolute_url())

    assert page.status_code == 404
    assert answer.status_code == 404
    assert SENDER_PHONE not in listing_page.text
    assert scene.sender.email not in listing_page.text


def test_anonymous_is_sent_to_sign_in(client, scene):
    interest = InterestFactory(listing=scene.listing)

    response = client.get(reverse("cooperations:interest", args=[interest.pk]))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_only_admins_and_the_author_answer(client, world, scene):
    send(client, scene.sender, scene.listing)
    interest = Interest.objects.get()
    staff = factories.PersonFactory(organisation=world.company, role=Person.Role.STAFF).user
    client.force_login(staff)

    page = client.get(reverse("cooperations:interest", args=[interest.pk]))
    refused = client.post(
        reverse("cooperations:interest_answer", args=[interest.pk]), {"decision": "accept"}
    )
    client.force_login(world.colleague)  # staff, but posted the listing
    allowed = client.post(
        reverse("cooperations:interest_answer", args=[interest.pk]), {"decision": "decline"}
    )

    assert page.status_code == 200
    assert 'value="accept"' not in page.text
    assert refused.status_code == 403
    assert allowed.status_code == 302
    assert Interest.objects.get().status == "declined"


def test_the_sender_cannot_answer_their_own_interest(client, scene):
    send(client, scene.sender, scene.listing)
    interest = Interest.objects.get()

    response = client.post(
        reverse("cooperations:interest_answer", args=[interest.pk]), {"decision": "accept"}
    )

    assert response.status_code == 403
    assert Interest.objects.get().status == "pending"


def test_an_answer_without_decision_is_refused(client, world, scene):
    send(client, scene.sender, scene.listing)
    interest = Interest.objects.get()
    client.force_login(world.owner)

    response = client.post(reverse("cooperations:interest_answer", args=[interest.pk]), {})

    assert response.status_code == 400
    assert german("Please accept or decline.") in response.text
    assert Interest.objects.get().status == "pending"


def test_answering_twice_keeps_the_first_answer_and_records_no_second_mail(client, world, scene):
    send(client, scene.sender, scene.listing)
    interest = Interest.objects.get()
    services.interest_answer(interest=interest, user=world.owner, accept=True)
    client.force_login(world.owner)

    response = client.post(
        reverse("cooperations:interest_answer", args=[interest.pk]),
        {"decision": "decline"},
        follow=True,
    )

    assert german("This interest has been answered or withdrawn already.") in response.text
    assert Interest.objects.get().status == "accepted"
    assert OutgoingMail.objects.filter(kind__startswith="interest-declined").count() == 0
    assert OutgoingMail.objects.filter(kind="interest-accepted").count() == 2


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
