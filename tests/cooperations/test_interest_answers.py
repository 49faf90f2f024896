"""Interest with consent: answering it; contact details only after acceptance, seen from
every side; the mails the answers record."""

import pytest
from django.urls import reverse
from django.utils import timezone

from cooperations.models import Interest
from cooperations.services import interests as services
from members.models import Person
from network_portal.models import OutgoingMail
from tests import factories
from tests.cooperations.factories import InterestFactory
from tests.cooperations.helpers import german
from tests.cooperations.interest_helpers import (
    COMPANY_MAIL,
    OWNER_PHONE,
    SENDER_PHONE,
    Scene,
    interest_page,
    interest_scene,
    send,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(world, viewers, topics) -> Scene:
    return interest_scene(world, viewers, topics)


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
