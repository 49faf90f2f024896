"""The cookie walk in a real browser (Debian's Chromium): a script could set cookies the
test client never sees. It also checks the data protection pages with axe (WCAG 2.1 AA)
and saves them as screenshots (``tests/e2e/screenshots/``). The test-client walk is in
``tests/privacy/test_cookies.py``."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

pytestmark = pytest.mark.usefixtures("demo_world")

PUBLIC = ("/", "/veranstaltungen/", "/mitglieder/", "/netzwerke/", "/kooperationen/")
NECESSARY = {settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, "portal_language"}


def _cookie_names(journey) -> set[str]:
    return {cookie["name"] for cookie in journey.page.context.cookies()}


def test_browser_keeps_only_the_necessary_cookies(journey):
    for path in PUBLIC:
        journey.open(path)
    assert _cookie_names(journey) <= {settings.CSRF_COOKIE_NAME}

    journey.sign_in("firma@demo.example")
    page = journey.open("/meine-daten/")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Meine Daten|My data"))
    journey.screenshot("my-data")
    journey.open("/meine-daten/auskunft/")
    journey.screenshot("export")
    journey.open("/meine-daten/konto-loeschen/")
    journey.screenshot("account-delete")
    page.get_by_label("Sprache").select_option("en")
    page.locator(".language-switcher button").click()
    page.wait_for_load_state()

    assert _cookie_names(journey) == NECESSARY
