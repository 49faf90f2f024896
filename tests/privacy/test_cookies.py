"""Only strictly necessary cookies, so no cookie banner is needed.

The portal sets exactly three cookies: the session (sign-in; messages after an action live
in the session too, see ``MESSAGE_STORAGE``), the CSRF token (forms) and the language
chosen with the switcher. allauth sets none of its own: it keeps its state (login stages,
reauthentication, rate limits) in the session and the cache. The walk below signs in
through allauth's own form, so a cookie allauth set would show up here.
"""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.cooperations.factories import ListingFactory
from tests.factories import PASSWORD

NECESSARY = {
    settings.SESSION_COOKIE_NAME,
    settings.CSRF_COOKIE_NAME,
    settings.LANGUAGE_COOKIE_NAME,
}

pytestmark = pytest.mark.django_db


class CookieWalk:
    """A test client that remembers every cookie any response set."""

    def __init__(self) -> None:
        self.client = Client()
        self.set: dict[str, dict] = {}

    def visit(self, url: str, data: dict | None = None) -> None:
        response = self.client.get(url) if data is None else self.client.post(url, data)
        assert response.status_code in (200, 302), (url, response.status_code)
        for name, morsel in response.cookies.items():
            self.set[name] = dict(morsel)


def _public_pages(world) -> list[str]:
    event = factories.EventFactory(organising_networks=[world.network])
    listing = ListingFactory(organisation=world.company)
    return [
        reverse("home"),
        reverse("events:list"),
        reverse("events:detail", args=[event.pk]),
        reverse("members:directory"),
        reverse("members:organisation", args=[world.company.slug]),
        reverse("members:networks"),
        reverse("members:network", args=[world.network.slug]),
        reverse("cooperations:marketplace"),
        listing.get_absolute_url(),
        reverse("legal", args=["impressum"]),
        reverse("legal", args=["datenschutz"]),
        reverse("account_login"),
        reverse("account_signup"),
    ]


def _own_pages(world) -> list[str]:
    return [
        reverse("dashboard"),
        reverse("events:mine"),
        reverse("privacy:my_data"),
        reverse("privacy:export"),
        reverse("privacy:account_delete"),
        reverse("members:organisation_people", args=[world.company.slug]),
        reverse("account_email"),
    ]


def test_anonymous_visitors_get_only_the_csrf_cookie(world):
    walk = CookieWalk()

    for url in _public_pages(world):
        walk.visit(url)

    assert set(walk.set) == {settings.CSRF_COOKIE_NAME}


def test_signed_in_walk_sets_only_session_csrf_and_language(world):
    walk = CookieWalk()
    pages = _public_pages(world)
    walk.visit(reverse("account_login"))
    walk.visit(reverse("account_login"), {"login": world.owner.email, "password": PASSWORD})
    for url in pages + _own_pages(world):
        walk.visit(url)
    walk.visit(reverse("set_language"), {"language": "en", "next": "/"})
    walk.visit(reverse("home"))
    walk.visit(reverse("account_logout"), {})

    assert set(walk.set) == NECESSARY


def test_the_cookies_are_first_party_and_not_for_scripts(world):
    walk = CookieWalk()
    walk.visit(reverse("account_login"), {"login": world.owner.email, "password": PASSWORD})
    walk.visit(reverse("set_language"), {"language": "en", "next": "/"})

    session = walk.set[settings.SESSION_COOKIE_NAME]
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"
    assert walk.set[settings.LANGUAGE_COOKIE_NAME]["samesite"] == "Lax"
    for cookie in walk.set.values():
        assert cookie["domain"] == ""  # this host only
