"""Login throttling on the real Redis cache: the sixth failure for one account is refused."""

import pytest
import redis
from django.conf import settings
from django.test import Client

from tests import factories
from tests.members.helpers import adapter_message as _adapter_message
from tests.members.helpers import is_signed_in as _is_signed_in
from tests.members.helpers import sign_in as _sign_in

pytestmark = pytest.mark.django_db


def _fail_logins(email: str, times: int, *, forged: bool = False) -> None:
    for attempt in range(times):
        extra = _forged_address(attempt) if forged else {}
        response = _sign_in(Client(), email, "falsches-passwort", **extra)
        assert response.status_code == 200
        assert _adapter_message("email_password_mismatch") in response.content.decode()


def _forged_address(attempt: int) -> dict[str, str]:
    return {
        "REMOTE_ADDR": f"203.0.113.{attempt + 1}",
        "HTTP_X_FORWARDED_FOR": f"198.51.100.{attempt + 1}, 192.0.2.{attempt + 1}",
    }


def _assert_refused(response) -> None:
    """allauth refuses with a form error on the login page (status 200), not a 429 page."""
    assert response.status_code == 200
    assert _adapter_message("too_many_login_attempts") in response.content.decode()
    assert response.context["form"].non_field_errors()
    assert not response.wsgi_request.user.is_authenticated


def test_rate_limits_live_in_redis():
    assert settings.CACHES["default"]["BACKEND"] == "network_portal.cache.PortalRedisCache"
    factories.UserFactory(email="hans.becker@example.org")
    _fail_logins("hans.becker@example.org", 1)

    connection = redis.Redis.from_url(settings.REDIS_URL)
    keys = connection.keys("np-test:*:allauth:rl:allauth.account:login_failed:*")
    assert len(keys) == 2  # one per IP, one per account


def test_login_after_five_failures_is_refused_even_with_right_password():
    factories.UserFactory(email="hans.becker@example.org")
    _fail_logins("hans.becker@example.org", 5)

    _assert_refused(_sign_in(Client(), "hans.becker@example.org"))


def test_login_failures_count_across_forged_addresses():
    factories.UserFactory(email="hans.becker@example.org")
    _fail_logins("hans.becker@example.org", 5, forged=True)

    _assert_refused(_sign_in(Client(), "Hans.Becker@example.org", **_forged_address(99)))


def test_login_refusal_does_not_affect_another_account():
    factories.UserFactory(email="hans.becker@example.org")
    factories.UserFactory(email="petra.schulz@example.org")
    _fail_logins("hans.becker@example.org", 5)

    other = Client()
    response = _sign_in(other, "petra.schulz@example.org")

    assert response.status_code == 302
    assert _is_signed_in(other)


def test_four_failures_still_allow_the_right_password():
    factories.UserFactory(email="hans.becker@example.org")
    _fail_logins("hans.becker@example.org", 4)

    client = Client()
    assert _sign_in(client, "hans.becker@example.org").status_code == 302
    assert _is_signed_in(client)
