"""Inviting colleagues by e-mail: a personal signed link, valid 14 days, single use."""

import re
import time
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core import signing
from django.urls import reverse

from members.models import ColleagueInvitation, Organisation, Person
from members.services.invitations import LINK_SALT, invitation_for_token
from network_portal.models import AuditEntry, OutgoingMail
from network_portal.outbox import mail_about
from tests import factories
from tests.members.self_service_helpers import CAN_CHANGE, CANNOT_CHANGE, sign_in_as

pytestmark = pytest.mark.django_db
INVITED = "neue.kollegin@testwerk.example"


def invite_url(organisation: Organisation) -> str:
    return reverse("members:invitation_create", args=[organisation.slug])


def invite(client, organisation, **overrides):
    data = {"email": INVITED, "first_name": "Nora", "last_name": "Neu", "role": "staff"}
    data.update(overrides)
    return client.post(invite_url(organisation), data)


def link_in(mail: OutgoingMail) -> str:
    return re.search(r"http://127\.0\.0\.1:8000(/einladung/\S+/)", mail.body_text).group(1)


@pytest.fixture
def invited_user(db):
    """The invited colleague's own account (verified address), English."""
    return factories.UserFactory(email=INVITED, first_name="Nora", last_name="Neu", language="en")


def sent_invitation(client, world) -> tuple[ColleagueInvitation, str]:
    """The owner invites; then the invitee's browser, which chose English, opens the link."""
    sign_in_as(client, world, "owner")
    invite(client, world.company)
    client.logout()  # drops every cookie, the language choice too
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return ColleagueInvitation.objects.get(), link_in(OutgoingMail.objects.get())


# --- Inviting ---------------------------------------------------------------------------------


def test_invite_sends_a_personal_link_through_the_outbox(client, world):
    world.owner.language = "en"
    world.owner.save()
    sign_in_as(client, world, "owner")
    response = invite(client, world.company, role="admin")
    assert response.status_code == 302
    invitation = ColleagueInvitation.objects.get()
    assert (invitation.email, invitation.role, invitation.status, invitation.invited_by) == (
        INVITED,
        "admin",
        "open",
        world.owner,
    )
    mail = OutgoingMail.objects.get()
    assert (mail.kind, mail.recipient, mail.language, mail.about) == (
        "colleague-invitation",
        INVITED,
        "en",
        mail_about(invitation),
    )
    assert mail.subject == f"Invitation to act for {world.company.name}"
    assert mail.body_text.startswith("Hello Nora Neu,")
    assert "as organisation admin" in mail.body_text
    assert "valid for 14 days and works once" in mail.body_text
    link = link_in(mail)
    token = link.removeprefix("/einladung/").removesuffix("/")
    assert invitation_for_token(token) == invitation
    assert f'href="http://127.0.0.1:8000{link}"' in mail.body_html
    assert INVITED not in link  # the link carries a signed id, no personal data
    page = client.get(response["Location"]).content.decode()
    assert f"The invitation to {INVITED} has been sent." in page
    assert "Open invitations" in page


def test_invite_mail_in_the_language_of_a_known_account(client, world, invited_user):
    world.owner.language = "de"
    world.owner.save()
    sign_in_as(client, world, "owner")
    invite(client, world.company)
    assert OutgoingMail.objects.get().language == "en"


def test_invite_asks_anonymous_to_sign_in(client, world):
    response = invite(client, world.company)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not ColleagueInvitation.objects.exists()


@pytest.mark.parametrize("role", CAN_CHANGE)
def test_invite_form_for_admin_manager_platform_admin(client, world, role):
    sign_in_as(client, world, role)
    response = client.get(invite_url(world.company))
    assert response.status_code == 200
    assert "<h1>Invite a colleague</h1>" in response.content.decode()


@pytest.mark.parametrize("role", CANNOT_CHANGE)
def test_invite_forbidden_for_others(client, world, role):
    sign_in_as(client, world, role)
    assert client.get(invite_url(world.company)).status_code == 403
    assert invite(client, world.company).status_code == 403
    assert not ColleagueInvitation.objects.exists()
    assert not OutgoingMail.objects.exists()


def test_invite_by_manager_is_audited(client, world):
    sign_in_as(client, world, "manager")
    invite(client, world.company)
    invitation = ColleagueInvitation.objects.get()
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.details) == (
        "invitation.create_on_behalf",
        {"invitation": invitation.pk},
    )


def test_invite_one_open_invitation_per_address(client, world):
    sign_in_as(client, world, "owner")
    invite(client, world.company)
    response = invite(client, world.company, email=INVITED.upper())
    assert response.status_code == 400
    assert (
        "An invitation to this address is open already. Withdraw it to send a new one."
        in response.content.decode()
    )
    assert ColleagueInvitation.objects.count() == 1
    assert OutgoingMail.objects.count() == 1


def test_invite_someone_already_acting_refused(client, world):
    sign_in_as(client, world, "owner")
    response = invite(client, world.company, email=world.colleague.email)
    assert response.status_code == 400
    assert "This person already acts for the organisation." in response.content.decode()
    assert not ColleagueInvitation.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "kein-at-zeichen"}, "Enter a valid email address."),
        ({"email": ""}, "This field is required."),
        ({"role": "contact"}, "Select a valid choice."),
    ],
)
def test_invite_bad_input_refused(client, world, data, message):
    sign_in_as(client, world, "owner")
    response = invite(client, world.company, **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ColleagueInvitation.objects.exists()
    assert not OutgoingMail.objects.exists()


def test_withdraw_then_invite_again(client, world):
    sign_in_as(client, world, "owner")
    invite(client, world.company)
    invitation = ColleagueInvitation.objects.get()
    withdraw = reverse("members:invitation_withdraw", args=[world.company.slug, invitation.pk])
    response = client.post(withdraw)
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == "withdrawn"
    assert invite(client, world.company).status_code == 302
    assert ColleagueInvitation.objects.filter(status="open").count() == 1


@pytest.mark.parametrize("role", CANNOT_CHANGE)
def test_withdraw_forbidden_for_others(client, world, role):
    invitation, _link = sent_invitation(client, world)
    sign_in_as(client, world, role)
    withdraw = reverse("members:invitation_withdraw", args=[world.company.slug, invitation.pk])
    assert client.post(withdraw).status_code == 403
    invitation.refresh_from_db()
    assert invitation.status == "open"


# --- Opening and accepting the link --------------------------------------------------------------


def test_link_for_anonymous_offers_sign_in_and_sign_up_coming_back(client, world):
    _invitation, link = sent_invitation(client, world)
    response = client.get(link)
    assert response.status_code == 200
    content = response.content.decode()
    assert f"Invitation to {world.company.name}" in content
    assert f'href="{reverse("account_login")}?next={quote(link)}"' in content
    assert f'href="{reverse("account_signup")}?next={quote(link)}"' in content


def test_sign_in_with_next_comes_back_to_the_link(client, world, invited_user):
    _invitation, link = sent_invitation(client, world)
    response = client.post(
        reverse("account_login"),
        {"login": INVITED, "password": factories.PASSWORD, "next": link},
    )
    assert response.status_code == 302
    assert response["Location"] == link
    assert "Accept the invitation" in client.get(link).content.decode()


def test_accept_makes_the_invitee_act_in_the_invited_role(client, world, invited_user):
    sign_in_as(client, world, "owner")
    invite(client, world.company, role="admin")
    invitation = ColleagueInvitation.objects.get()
    link = link_in(OutgoingMail.objects.get())
    client.force_login(invited_user)
    response = client.post(link)
    assert response.status_code == 302
    assert response["Location"] == world.company.get_absolute_url()
    person = Person.objects.get(user=invited_user)
    assert (person.organisation, person.role, person.is_active, person.email) == (
        world.company,
        Person.Role.ADMIN,
        True,
        INVITED,
    )
    invitation.refresh_from_db()
    assert (invitation.status, invitation.accepted_by) == ("accepted", invited_user)
    page = client.get(response["Location"]).content.decode()
    assert f"Welcome! You now act for {world.company.name}." in page
    assert reverse("members:organisation_edit", args=[world.company.slug]) in page


def test_accept_anonymous_post_goes_to_sign_in(client, world):
    _invitation, link = sent_invitation(client, world)
    response = client.post(link)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={quote(link)}"
    assert not Person.objects.filter(email=INVITED).exists()


def test_accept_with_another_address_refused(client, world):
    invitation, link = sent_invitation(client, world)
    sign_in_as(client, world, "outsider")
    page = client.get(link).content.decode()
    assert f"The invitation was sent to {INVITED}, but you are signed in as" in page
    response = client.post(link)
    assert response.status_code == 400
    assert "This invitation was sent to another e-mail address." in response.content.decode()
    assert not Person.objects.filter(user=world.outsider).exists()
    invitation.refresh_from_db()
    assert invitation.status == "open"


def test_accept_needs_the_address_verified(client, world):
    unverified = factories.UserFactory(email=INVITED, verified=False)
    _invitation, link = sent_invitation(client, world)
    client.force_login(unverified)
    assert client.post(link).status_code == 400
    assert not Person.objects.filter(user=unverified).exists()


def test_link_works_only_once(client, world, invited_user):
    _invitation, link = sent_invitation(client, world)
    client.force_login(invited_user)
    client.post(link)
    response = client.get(link)
    assert response.status_code == 410
    assert "This invitation has been accepted already. Each link works only once." in (
        response.content.decode()
    )
    assert client.post(link).status_code == 410
    assert Person.objects.filter(user=invited_user).count() == 1


def test_withdrawn_link_says_so(client, world, invited_user):
    invitation, link = sent_invitation(client, world)
    invitation.status = ColleagueInvitation.Status.WITHDRAWN
    invitation.save()
    client.force_login(invited_user)
    response = client.post(link)
    assert response.status_code == 410
    assert "This invitation has been withdrawn." in response.content.decode()
    assert not Person.objects.filter(user=invited_user).exists()


class _SignedFifteenDaysAgo(signing.TimestampSigner):
    def timestamp(self) -> str:
        return signing.b62_encode(int(time.time()) - 15 * 24 * 60 * 60)


def test_expired_link_says_so(client, world, invited_user):
    invitation, _link = sent_invitation(client, world)
    token = _SignedFifteenDaysAgo(salt=LINK_SALT).sign_object({"invitation": invitation.pk})
    client.force_login(invited_user)
    link = reverse("members:invitation", args=[token])
    response = client.post(link)
    assert response.status_code == 410
    assert "This invitation has expired. Please ask for a new one." in response.content.decode()
    assert not Person.objects.filter(user=invited_user).exists()


@pytest.mark.parametrize(
    "forge",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        lambda token: signing.dumps({"invitation": 1}, salt="another-salt"),
        lambda token: "einfach-geraten",
    ],
)
def test_forged_link_is_not_valid(client, world, invited_user, forge):
    _invitation, link = sent_invitation(client, world)
    token = link.removeprefix("/einladung/").removesuffix("/")
    client.force_login(invited_user)
    response = client.post(reverse("members:invitation", args=[forge(token)]))
    assert response.status_code == 404
    assert "This invitation link is not valid." in response.content.decode()
    assert not Person.objects.filter(user=invited_user).exists()


def test_link_of_a_deleted_invitation_is_not_valid(client, world):
    invitation, link = sent_invitation(client, world)
    invitation.delete()
    assert client.get(link).status_code == 404


def test_accept_brings_back_a_deactivated_person(client, world, invited_user):
    former = factories.PersonFactory(
        organisation=world.company, user=invited_user, role=Person.Role.STAFF, is_active=False
    )
    _invitation, link = sent_invitation(client, world)
    client.force_login(invited_user)
    client.post(link)
    former.refresh_from_db()
    assert former.is_active is True
    assert Person.objects.filter(user=invited_user).count() == 1


def test_sign_up_from_the_link_comes_back_to_it_after_confirming(client, world, settings):
    settings.EMAIL_BACKEND = "network_portal.mail.OutboxBackend"  # allauth's mail to the outbox
    invitation, link = sent_invitation(client, world)
    password = "Rotkehlchen-Schmiede-2026"
    client.post(
        f"{reverse('account_signup')}?next={quote(link)}",
        {
            "first_name": "Nora",
            "last_name": "Neu",
            "email": INVITED,
            "password1": password,
            "password2": password,
            "next": link,
        },
    )
    confirmation = OutgoingMail.objects.exclude(kind="colleague-invitation").get()
    confirm_link = re.search(
        r"https?://testserver(/accounts/confirm-email/[-:\w]+/)", confirmation.body_text
    ).group(1)
    response = client.post(confirm_link)
    assert response.status_code == 302
    assert response["Location"] == link
    assert client.post(link).status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == "accepted"
    assert Person.objects.get(email=INVITED).organisation == world.company
