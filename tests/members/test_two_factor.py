"""Two-factor authentication (allauth.mfa, TOTP) and the requirement for managers and admins."""

import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from members.adapters import SIGNED_IN_AT_SESSION_KEY
from members.models import User
from tests import factories

pytestmark = pytest.mark.django_db

STAFF_ROLES = ["manager", "platform_admin"]
NON_STAFF_ROLES = ["owner", "colleague", "partner", "outsider"]


@pytest.fixture
def mfa_required(settings):
    settings.PORTAL_REQUIRE_MFA_FOR_STAFF = True


def _sign_in(client: Client, user: User):
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": factories.PASSWORD}
    )
    assert response.status_code == 302
    return response


def _totp_code(secret: str, *, periods_ago: int = 0) -> str:
    """The authenticator app's current code; waits out the last second of a period."""
    period = mfa_settings.TOTP_PERIOD
    if time.time() % period > period - 1:
        time.sleep(period - time.time() % period + 0.05)
    counter = int(time.time()) // period - periods_ago
    return format_hotp_value(hotp_value(secret, counter))


def _setup_message() -> str:
    with translation.override("de"):
        text = translation.gettext(
            "Please set up two-factor authentication: your role requires it."
        )
    return escape(text)


def _activate_totp(client: Client) -> None:
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    response = client.post(reverse("mfa_activate_totp"), {"code": _totp_code(secret)})
    assert response.status_code == 302
    assert response.url == reverse("mfa_view_recovery_codes")


# --- The requirement ---------------------------------------------------------------------


@pytest.mark.usefixtures("mfa_required")
@pytest.mark.parametrize("role", STAFF_ROLES)
def test_staff_without_totp_are_sent_to_totp_setup(client, world, role):
    _sign_in(client, getattr(world, role))

    response = client.get(reverse("dashboard"))

    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")
    page = client.get(response.url)
    assert page.status_code == 200
    content = page.content.decode()
    assert _setup_message() in content
    assert 'name="code"' in content
    assert client.session[SECRET_SESSION_KEY] in content


@pytest.mark.usefixtures("mfa_required")
@pytest.mark.parametrize("path", ["/", "/netzwerke/", "/admin/"])
def test_platform_admin_without_totp_is_sent_to_setup_from_any_page(client, world, path):
    _sign_in(client, world.platform_admin)

    response = client.get(path)

    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


@pytest.mark.usefixtures("mfa_required")
@pytest.mark.parametrize("role", NON_STAFF_ROLES)
def test_organisation_people_and_outsiders_need_no_totp(client, world, role):
    _sign_in(client, getattr(world, role))

    response = client.get(reverse("dashboard"))

    assert response.status_code == 200
    assert _setup_message() not in response.content.decode()


@pytest.mark.usefixtures("mfa_required")
@pytest.mark.parametrize(
    "path", ["/accounts/2fa/", "/accounts/email/", "/seite/datenschutz/", "/livez"]
)
def test_staff_without_totp_may_still_open_account_and_legal_pages(client, world, path):
    _sign_in(client, world.manager)

    assert client.get(path).status_code == 200


@pytest.mark.usefixtures("mfa_required")
def test_staff_without_totp_may_switch_language(client, world):
    _sign_in(client, world.manager)

    response = client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/2fa/"})

    assert response.status_code == 302
    assert response.url == "/accounts/2fa/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


@pytest.mark.usefixtures("mfa_required")
def test_staff_without_totp_can_sign_out(client, world):
    _sign_in(client, world.manager)

    response = client.post(reverse("account_logout"))

    assert response.status_code == 302
    assert SESSION_KEY not in client.session


@pytest.mark.usefixtures("mfa_required")
def test_wrong_code_does_not_activate_totp(client, world):
    _sign_in(client, world.manager)
    client.get(reverse("mfa_activate_totp"))

    response = client.post(reverse("mfa_activate_totp"), {"code": "000000"})

    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Authenticator.objects.filter(user=world.manager).exists()
    assert client.get(reverse("dashboard")).status_code == 302


@pytest.mark.usefixtures("mfa_required")
@pytest.mark.parametrize("role", STAFF_ROLES)
def test_staff_reach_dashboard_after_activating_totp(client, world, role):
    user = getattr(world, role)
    _sign_in(client, user)

    _activate_totp(client)

    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).count() == 1
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    assert _setup_message() not in response.content.decode()


def test_totp_setup_long_after_sign_in_asks_for_password_again(client, world):
    _sign_in(client, world.manager)
    session = client.session
    session[SIGNED_IN_AT_SESSION_KEY] = time.time() - 301
    session.save()

    response = client.get(reverse("mfa_activate_totp"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_reauthenticate"))
    confirmed = client.post(response.url, {"password": factories.PASSWORD})
    assert confirmed.status_code == 302
    assert confirmed.url == reverse("mfa_activate_totp")
    assert client.get(reverse("mfa_activate_totp")).status_code == 200


def test_staff_sign_in_with_password_alone_when_not_required(client, world):
    _sign_in(client, world.manager)

    response = client.get(reverse("dashboard"))

    assert response.status_code == 200
    assert not Authenticator.objects.filter(user=world.manager).exists()


# --- Signing in with TOTP ----------------------------------------------------------------


@pytest.fixture
def totp_secret(world) -> str:
    secret = generate_totp_secret()
    TOTP.activate(world.manager, secret)
    return secret


@pytest.mark.usefixtures("mfa_required")
def test_totp_login_asks_for_code_before_signing_in(client, world, totp_secret):
    response = _sign_in(client, world.manager)

    assert response.url == reverse("mfa_authenticate")
    assert SESSION_KEY not in client.session
    page = client.get(reverse("mfa_authenticate"))
    assert page.status_code == 200
    assert 'name="code"' in page.content.decode()
    assert client.get(reverse("dashboard")).status_code == 302


@pytest.mark.usefixtures("mfa_required")
def test_totp_login_with_right_code_reaches_dashboard(client, world, totp_secret):
    _sign_in(client, world.manager)

    response = client.post(reverse("mfa_authenticate"), {"code": _totp_code(totp_secret)})

    assert response.status_code == 302
    assert response.url == reverse("dashboard")
    assert client.get(reverse("dashboard")).status_code == 200


def test_totp_login_is_asked_for_even_when_not_required(client, world, totp_secret):
    response = _sign_in(client, world.manager)

    assert response.url == reverse("mfa_authenticate")


def test_totp_login_with_wrong_code_stays_anonymous(client, world, totp_secret):
    _sign_in(client, world.manager)
    wrong = _totp_code(totp_secret, periods_ago=10)

    response = client.post(reverse("mfa_authenticate"), {"code": wrong})

    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert SESSION_KEY not in client.session


def test_totp_code_cannot_be_used_twice(world, totp_secret):
    code = _totp_code(totp_secret)
    first, second = Client(), Client()
    _sign_in(first, world.manager)
    _sign_in(second, world.manager)

    assert first.post(reverse("mfa_authenticate"), {"code": code}).status_code == 302
    replay = second.post(reverse("mfa_authenticate"), {"code": code})

    assert replay.status_code == 200
    assert SESSION_KEY not in second.session


# --- Django admin ------------------------------------------------------------------------


def test_admin_login_redirects_to_portal_login(client):
    response = client.get("/admin/login/?next=/admin/")

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next=%2Fadmin%2F"


def test_admin_login_of_platform_admin_with_totp_asks_for_code(client, world):
    secret = generate_totp_secret()
    TOTP.activate(world.platform_admin, secret)
    login = client.get("/admin/login/?next=/admin/").url

    response = client.post(
        login, {"login": world.platform_admin.email, "password": factories.PASSWORD}
    )

    assert response.url == reverse("mfa_authenticate")
    assert client.get("/admin/").status_code == 302
    finished = client.post(reverse("mfa_authenticate"), {"code": _totp_code(secret)})
    assert finished.url == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_signed_in_non_staff_user_is_refused_admin_login(client, world):
    _sign_in(client, world.manager)

    assert client.get("/admin/login/").status_code == 403


# --- Layout ------------------------------------------------------------------------------


def test_mfa_pages_render_in_portal_layout(client, world):
    _sign_in(client, world.manager)

    pages = [client.get(reverse("mfa_index")), client.get(reverse("mfa_activate_totp"))]
    _activate_totp(client)
    pages.append(client.get(reverse("mfa_view_recovery_codes")))

    for page in pages:
        _assert_portal_layout(page)
    assert 'class="qr-code"' in pages[1].content.decode()


def test_totp_authenticate_page_renders_in_portal_layout(client, world, totp_secret):
    _sign_in(client, world.manager)

    _assert_portal_layout(client.get(reverse("mfa_authenticate")))


def _assert_portal_layout(response) -> None:
    assert response.status_code == 200
    content = response.content.decode()
    assert 'href="#main"' in content
    assert '<main id="main"' in content
    assert 'class="language-switcher"' in content
