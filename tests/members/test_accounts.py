"""Accounts through django-allauth: sign-up, verification, login, logout, reset, throttling."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from members.models import User
from network_portal.models import OutgoingMail
from tests import factories
from tests.members.helpers import adapter_message as _adapter_message
from tests.members.helpers import is_signed_in as _is_signed_in
from tests.members.helpers import sign_in as _sign_in

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Rotkehlchen-Schmiede-2026"
CONFIRM_LINK = re.compile(r"https?://testserver(/accounts/confirm-email/[-:\w]+/)")
RESET_LINK = re.compile(r"https?://testserver(/accounts/password/reset/key/[0-9A-Za-z]+-\S+/)")


@pytest.fixture(autouse=True)
def _mail_into_outbox(settings):
    """Django's test runner swaps in the locmem backend; accounts mail goes to the outbox."""
    settings.EMAIL_BACKEND = "network_portal.mail.OutboxBackend"


def _signup_data(**overrides: str) -> dict[str, str]:
    data = {
        "first_name": "Erika",
        "last_name": "Mustermann",
        "email": "erika.mustermann@example.org",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
    }
    return {**data, **overrides}


def _link_in(mail: OutgoingMail, pattern: re.Pattern[str]) -> str:
    match = pattern.search(mail.body_text)
    assert match, mail.body_text
    return match.group(1)


# --- Sign-up -----------------------------------------------------------------------------


def test_signup_page_shows_name_email_and_password_fields_in_german(client):
    response = client.get(reverse("account_signup"))

    assert response.status_code == 200
    assert response.headers["Content-Language"] == "de"
    content = response.content.decode()
    assert '<html lang="de">' in content
    names = re.findall(r'<input[^>]* name="(\w+)"', content)
    form_fields = [name for name in names if name not in {"csrfmiddlewaretoken", "next"}]
    assert form_fields == ["first_name", "last_name", "email", "password1", "password2"]
    assert '<label for="id_first_name">' in content
    with translation.override("de"):
        heading = translation.gettext("Sign Up")
    assert re.search(rf"<h1>\s*{heading}\s*</h1>", content)


def test_signup_creates_unverified_user_and_mails_confirmation_link(client):
    response = client.post(reverse("account_signup"), _signup_data())

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    user = User.objects.get(email="erika.mustermann@example.org")
    assert (user.first_name, user.last_name, user.language) == ("Erika", "Mustermann", "de")
    assert user.check_password(NEW_PASSWORD)
    address = EmailAddress.objects.get(user=user)
    assert (address.email, address.verified, address.primary) == (user.email, False, True)
    mail = OutgoingMail.objects.get()
    assert mail.recipient == "erika.mustermann@example.org"
    assert mail.subject.startswith("[Netzwerkportal] ")
    assert mail.language == "de"
    assert _link_in(mail, CONFIRM_LINK).startswith("/accounts/confirm-email/")


def test_signup_in_english_stores_language_english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    client.post(reverse("account_signup"), _signup_data())

    user = User.objects.get(email="erika.mustermann@example.org")
    assert user.language == "en"
    assert OutgoingMail.objects.get().language == "en"


def test_signup_names_are_stripped_of_surrounding_spaces(client):
    client.post(
        reverse("account_signup"), _signup_data(first_name="  Erika ", last_name=" Muster ")
    )

    user = User.objects.get(email="erika.mustermann@example.org")
    assert (user.first_name, user.last_name) == ("Erika", "Muster")


def test_login_before_verification_goes_to_verification_sent_page(client):
    client.post(reverse("account_signup"), _signup_data())
    client.logout()

    response = _sign_in(client, "erika.mustermann@example.org", NEW_PASSWORD)

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert not _is_signed_in(client)
    assert not EmailAddress.objects.get(email="erika.mustermann@example.org").verified


def test_confirmation_link_verifies_address_and_signs_in(client):
    client.post(reverse("account_signup"), _signup_data())
    link = _link_in(OutgoingMail.objects.get(), CONFIRM_LINK)

    page = client.get(link)
    assert page.status_code == 200
    assert f'action="{link}"' in page.content.decode()
    assert "erika.mustermann@example.org" in page.content.decode()
    assert not EmailAddress.objects.get(email="erika.mustermann@example.org").verified
    response = client.post(link)

    assert response.status_code == 302
    assert response.url == reverse("dashboard")
    assert EmailAddress.objects.get(email="erika.mustermann@example.org").verified
    dashboard = client.get(reverse("dashboard"))
    assert dashboard.status_code == 200
    assert "Erika Mustermann" in dashboard.content.decode()


def test_confirmation_link_in_another_browser_verifies_then_asks_to_sign_in(client):
    client.post(reverse("account_signup"), _signup_data())
    link = _link_in(OutgoingMail.objects.get(), CONFIRM_LINK)
    other_browser = Client()

    response = other_browser.post(link)

    assert response.status_code == 302
    assert response.url == reverse("account_login")
    assert EmailAddress.objects.get(email="erika.mustermann@example.org").verified
    assert not _is_signed_in(other_browser)
    _sign_in(other_browser, "erika.mustermann@example.org", NEW_PASSWORD)
    assert _is_signed_in(other_browser)


def test_confirmation_link_with_unknown_key_verifies_nothing(client):
    client.post(reverse("account_signup"), _signup_data())

    page = client.get("/accounts/confirm-email/not-a-real-key/")

    assert page.status_code == 200
    assert 'href="/accounts/email/"' in page.content.decode()
    assert client.post("/accounts/confirm-email/not-a-real-key/").status_code == 404
    assert not EmailAddress.objects.get(email="erika.mustermann@example.org").verified


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"password2": "Anderes-Passwort-2026"}, "password2"),
        ({"first_name": ""}, "first_name"),
        ({"last_name": "   "}, "last_name"),
        ({"first_name": "E" * 151}, "first_name"),
        ({"last_name": "M" * 151}, "last_name"),
        ({"email": "keine-adresse"}, "email"),
        ({"password1": "kurz", "password2": "kurz"}, "password1"),
    ],
)
def test_signup_with_invalid_input_shows_field_error_and_saves_nothing(client, overrides, field):
    response = client.post(reverse("account_signup"), _signup_data(**overrides))

    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    assert f'id="id_{field}_error"' in response.content.decode()
    assert not User.objects.exists()
    assert not EmailAddress.objects.exists()
    assert not OutgoingMail.objects.exists()


def test_signup_with_existing_email_tells_only_the_owner(client):
    """Enumeration prevention: the form looks successful; the owner gets a notice."""
    owner = factories.UserFactory(email="erika.mustermann@example.org", first_name="Alt")

    response = client.post(
        reverse("account_signup"), _signup_data(email="Erika.Mustermann@Example.org")
    )

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert list(User.objects.values_list("pk", "first_name")) == [(owner.pk, "Alt")]
    assert EmailAddress.objects.count() == 1
    mail = OutgoingMail.objects.get()
    assert mail.recipient == "erika.mustermann@example.org"
    assert "/accounts/password/reset/" in mail.body_text
    assert not CONFIRM_LINK.search(mail.body_text)


# --- Login and logout --------------------------------------------------------------------


def test_login_accepts_email_in_any_case(client):
    factories.UserFactory(email="hans.becker@example.org")

    response = _sign_in(client, "  Hans.BECKER@Example.ORG ")

    assert response.status_code == 302
    assert response.url == reverse("dashboard")
    assert _is_signed_in(client)


def test_login_with_wrong_password_shows_error(client):
    factories.UserFactory(email="hans.becker@example.org")

    response = _sign_in(client, "hans.becker@example.org", "falsches-passwort")

    assert response.status_code == 200
    assert _adapter_message("email_password_mismatch") in response.content.decode()
    assert not _is_signed_in(client)


def test_login_of_deactivated_user_goes_to_inactive_page(client):
    factories.UserFactory(email="hans.becker@example.org", is_active=False)

    response = _sign_in(client, "hans.becker@example.org")

    assert response.status_code == 302
    assert response.url == reverse("account_inactive")
    assert not _is_signed_in(client)


def test_logout_by_post_ends_session(client):
    factories.UserFactory(email="hans.becker@example.org")
    _sign_in(client, "hans.becker@example.org")

    response = client.post(reverse("account_logout"))

    assert response.status_code == 302
    assert response.url == reverse("home")
    dashboard = client.get(reverse("dashboard"))
    assert dashboard.status_code == 302
    assert dashboard.url.startswith(reverse("account_login"))


def test_logout_by_get_only_asks_for_confirmation(client):
    factories.UserFactory(email="hans.becker@example.org")
    _sign_in(client, "hans.becker@example.org")

    response = client.get(reverse("account_logout"))

    assert response.status_code == 200
    assert 'action="/accounts/logout/"' in response.content.decode()
    assert _is_signed_in(client)


def test_session_of_deactivated_user_ends(client):
    user = factories.UserFactory(email="hans.becker@example.org")
    _sign_in(client, "hans.becker@example.org")
    assert _is_signed_in(client)

    User.objects.filter(pk=user.pk).update(is_active=False)

    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next=/mein-bereich/"
    assert not response.wsgi_request.user.is_authenticated


# --- Password reset ----------------------------------------------------------------------


def _request_reset(client: Client, email: str) -> OutgoingMail:
    response = client.post(reverse("account_reset_password"), {"email": email})
    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_done")
    return OutgoingMail.objects.get(recipient=email)


def test_password_reset_link_sets_new_password(client):
    factories.UserFactory(email="hans.becker@example.org")
    mail = _request_reset(client, "hans.becker@example.org")
    link = _link_in(mail, RESET_LINK)

    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    assert 'name="password1"' in form_page.content.decode()
    action = form_page.redirect_chain[-1][0]
    response = client.post(action, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_from_key_done")
    assert _sign_in(Client(), "hans.becker@example.org").status_code == 200  # old password
    fresh = Client()
    assert _sign_in(fresh, "hans.becker@example.org", NEW_PASSWORD).status_code == 302
    assert _is_signed_in(fresh)


def test_password_reset_link_works_only_once(client):
    factories.UserFactory(email="hans.becker@example.org")
    link = _link_in(_request_reset(client, "hans.becker@example.org"), RESET_LINK)
    action = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(action, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    again = Client().get(link, follow=True)

    assert again.status_code == 200
    assert 'name="password1"' not in again.content.decode()


def test_password_reset_for_unknown_address_sends_no_link(client):
    mail = _request_reset(client, "niemand@example.org")

    assert not RESET_LINK.search(mail.body_text)
    assert not User.objects.exists()


# --- Layout ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url_name",
    [
        "account_login",
        "account_signup",
        "account_reset_password",
        "account_reset_password_done",
        "account_email_verification_sent",
        "account_inactive",
    ],
)
def test_allauth_entrance_pages_render_in_portal_layout(client, url_name):
    _assert_portal_layout(client.get(reverse(url_name)))


@pytest.mark.parametrize(
    "url_name", ["account_email", "account_change_password", "account_logout", "mfa_index"]
)
def test_allauth_account_pages_render_in_portal_layout(client, url_name):
    factories.UserFactory(email="hans.becker@example.org")
    _sign_in(client, "hans.becker@example.org")

    _assert_portal_layout(client.get(reverse(url_name)))


def _assert_portal_layout(response) -> None:
    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="de">' in content
    assert 'href="#main"' in content
    assert '<main id="main"' in content
    assert 'class="language-switcher"' in content
    assert 'name="language"' in content
    assert "<h1>" in content
