"""The personal invitation link: sign in or sign up on the way, then a registration that
is marked as coming from the invitation."""

import re
from urllib.parse import quote

import pytest
from django.core import mail, signing
from django.urls import reverse

from events.models import Event, Invitation, Registration
from events.services.invitation_mails import invitation_token
from members.models import Person, User
from tests import factories
from tests.events.invitation_fixtures import audience_fixture, prepare, record_all  # noqa: F401
from tests.events.manage_helpers import as_user
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
SESSION_KEY = "event_invitation"


@pytest.fixture
def invited(audience, world) -> dict[str, Invitation]:
    record_all(prepare(audience, world.manager, networks=[audience.ruhr.pk]), world.manager)
    return {i.email.split("@")[0]: i for i in Invitation.objects.select_related("person")}


def link(invitation: Invitation) -> str:
    return reverse("events:invitation", kwargs={"token": invitation_token(invitation)})


def register(client, url: str, person: Person):
    return client.post(url, {"person": person.pk, "access_needs": "", "consent": "on"})


@pytest.mark.parametrize(
    "token",
    [
        "forged",
        signing.dumps(999999, salt="events.invitation"),
        signing.dumps(1, salt="another.salt"),
        signing.dumps("1", salt="events.invitation"),
    ],
)
def test_forged_or_unknown_link_is_not_found(client, invited, token):
    response = as_user(client).get(reverse("events:invitation", kwargs={"token": token}))

    assert response.status_code == 404
    assert "This invitation link is not valid." in response.text


def test_token_carries_no_personal_data(invited):
    token = invitation_token(invited["alma"])

    assert "alma" not in signing.b64_decode(token.split(":")[0].encode()).decode()
    assert "example" not in token


def test_anonymous_visitor_is_asked_to_sign_in_or_up(client, invited):
    url = link(invited["anton"])

    response = as_user(client).get(url)

    assert response.status_code == 200
    assert "Wirtschaft trifft Wirtschaft im Juni" in response.text
    assert f'{reverse("account_login")}?next={quote(url)}"' in response.text
    assert f'{reverse("account_signup")}?next={quote(url)}"' in response.text
    assert "Hello Anton Muster" in response.text
    assert client.session[SESSION_KEY] == url.split("/")[-2]
    assert as_user(client).post(url)["Location"].startswith(reverse("account_login"))


def test_sign_in_then_register_marks_the_registration(client, audience, invited):
    url = link(invited["alma"])
    as_user(client).get(url)

    signed_in = client.post(
        reverse("account_login"), {"login": "alma@example.org", "password": PASSWORD, "next": url}
    )
    form_page = client.get(signed_in["Location"])
    response = register(client, url, audience.people["alma"])

    registration = Registration.objects.get()
    invitation = Invitation.objects.get(pk=invited["alma"].pk)
    assert signed_in["Location"] == url
    assert "Alpha Metall GmbH" in form_page.text
    assert response.status_code == 302
    assert response["Location"] == audience.event.get_absolute_url()
    assert (registration.person, registration.source) == (audience.people["alma"], "invitation")
    assert registration.status == Registration.Status.CONFIRMED
    assert invitation.registration == registration
    assert invitation.registered_at is not None
    assert SESSION_KEY not in client.session


def test_sign_up_with_the_invited_address_registers_the_invited_person(client, audience, invited):
    url = link(invited["anton"])
    as_user(client).get(url)

    client.post(
        reverse("account_signup"),
        {
            "email": "Anton@example.org",
            "password1": "ein-langes-Passwort-2026",
            "password2": "ein-langes-Passwort-2026",
            "first_name": "Anton",
            "last_name": "Muster",
            "next": url,
        },
    )
    confirm_url = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+/)", mail.outbox[-1].body)
    confirmed = client.post(confirm_url.group(1))
    form_page = client.get(url)
    response = register(client, url, audience.people["anton"])

    user = User.objects.get(email__iexact="anton@example.org")
    anton = Person.objects.get(pk=audience.people["anton"].pk)
    registration = Registration.objects.get()
    assert confirmed["Location"] == url
    assert "Alpha Metall GmbH" in form_page.text
    assert response.status_code == 302
    assert (anton.user, anton.role) == (user, Person.Role.STAFF)
    assert (registration.person, registration.registered_by) == (anton, user)
    assert registration.source == Registration.Source.INVITATION
    assert Invitation.objects.get(pk=invited["anton"].pk).registration == registration
    assert list(Registration.objects.filter(person__user=user)) == [registration]


def test_nobody_else_may_register_the_invited_person(client, audience, invited, world):
    url = link(invited["anton"])
    as_user(client, world.owner)

    response = register(client, url, audience.people["anton"])

    assert response.status_code == 400
    assert "Select a valid choice" in str(response.context["form"].errors["person"])
    assert not Registration.objects.exists()
    assert Person.objects.get(pk=audience.people["anton"].pk).user is None


def test_forwarded_link_person_outside_the_audience_is_refused(client, invited, world):
    url = link(invited["anton"])
    as_user(client, world.owner)  # admin of a company outside the event's networks

    response = register(client, url, world.owner.people.get())

    assert response.status_code == 400
    assert "is not a member of them" in response.text
    assert not Registration.objects.exists()
    assert Invitation.objects.get(pk=invited["anton"].pk).registration is None


def test_account_without_organisation_is_told_why(client, invited, world):
    response = as_user(client, world.outsider).get(link(invited["anton"]))

    assert response.status_code == 200
    assert "does not belong to an organisation" in response.text
    assert '<form method="post" novalidate class="invite-register-form">' not in response.text


def test_registered_already_shows_the_registration(client, audience, invited):
    factories.RegistrationFactory(event=audience.event, person=audience.people["alma"])
    as_user(client, audience.people["alma"].user)

    page = client.get(link(invited["alma"]))
    posted = register(client, link(invited["alma"]), audience.people["alma"])

    assert "You are registered for this event." in page.text
    assert posted.status_code == 400
    assert Registration.objects.count() == 1


@pytest.mark.parametrize("status", [Event.Status.CANCELLED, Event.Status.DRAFT])
def test_closed_event_cannot_be_registered_through_the_link(client, audience, invited, status):
    Event.objects.filter(pk=audience.event.pk).update(status=status)
    as_user(client, audience.people["alma"].user)

    page = client.get(link(invited["alma"]))
    posted = register(client, link(invited["alma"]), audience.people["alma"])

    assert "Registration is not possible for this event." in page.text
    assert posted.status_code == 400
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    ("language", "kicker"), [("de", "Sie sind eingeladen"), ("en", "You are invited")]
)
def test_invitation_page_in_both_languages(client, invited, language, kicker):
    response = as_user(client, language=language).get(link(invited["anton"]))

    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.text
    assert f'<p class="invite-kicker">{kicker}</p>' in response.text


def test_registering_on_the_event_page_after_the_link_counts_as_from_the_invitation(
    client, audience, invited
):
    url = link(invited["alma"])
    client.post(
        reverse("account_login"), {"login": "alma@example.org", "password": PASSWORD, "next": url}
    )
    client.get(url)  # the link keeps its token in the session
    event_page = reverse("events:register", kwargs={"pk": audience.event.pk})

    response = register(client, event_page, audience.people["alma"])

    registration = Registration.objects.get()
    invitation = Invitation.objects.get(pk=invited["alma"].pk)
    assert response.status_code == 302
    assert registration.source == Registration.Source.INVITATION
    assert invitation.registration == registration
    assert SESSION_KEY not in client.session


def test_registering_on_the_event_page_without_the_link_is_not_from_an_invitation(
    client, audience, invited
):
    client.post(reverse("account_login"), {"login": "alma@example.org", "password": PASSWORD})
    event_page = reverse("events:register", kwargs={"pk": audience.event.pk})

    register(client, event_page, audience.people["alma"])

    assert Registration.objects.get().source == Registration.Source.SELF
    assert Invitation.objects.get(pk=invited["alma"].pk).registration is None
