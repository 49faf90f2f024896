"""A staff member of a member company finds a neighbour and an event, and registers."""

import re

import pytest
from playwright.sync_api import expect

from events.models import Registration

pytestmark = pytest.mark.usefixtures("demo_world")

EVENT = "Wirtschaft trifft Wirtschaft: Verbundausbildung bei F. Hesterberg & Söhne"


def test_staff_member_finds_a_company_and_registers_for_an_event(journey):
    page = journey.open("/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    journey.screenshot("home")

    page.get_by_role("link", name="Mitglieder", exact=True).first.click()
    journey.check()
    page.get_by_label("Suche").fill("Energie")
    expect(page.get_by_text(re.compile(r"\d+ (Organisation|Organisationen)"))).to_be_visible()
    journey.check()
    journey.screenshot("directory")

    page.get_by_role("link", name="Veranstaltungen", exact=True).first.click()
    journey.check()
    page.get_by_role("link", name=EVENT).first.click()
    journey.check()
    expect(page.get_by_role("heading", level=1)).to_have_text(EVENT)
    journey.screenshot("event")

    event_path = page.url.removeprefix(journey.base_url)
    journey.sign_in("kollegin@demo.example")
    journey.open(event_path)
    page.get_by_label(re.compile("Ich bin damit einverstanden")).check()
    page.get_by_role("button", name="Anmelden", exact=True).click()
    page.wait_for_load_state()
    journey.check()
    expect(page.get_by_role("status").or_(page.locator(".messages"))).to_contain_text("angemeldet")

    journey.open("/meine-veranstaltungen/")
    expect(page.get_by_role("main")).to_contain_text(EVENT)
    page.set_viewport_size({"width": 320, "height": 640})
    assert journey.has_no_horizontal_scroll()
    page.set_viewport_size({"width": 1280, "height": 900})
    journey.screenshot("my-events")
    registration = Registration.objects.get(
        event__title=EVENT, person__user__email="kollegin@demo.example"
    )
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.consent_at is not None


def test_pages_fit_a_320_pixel_screen_without_horizontal_scrolling(journey):
    journey.page.set_viewport_size({"width": 320, "height": 640})
    for path in ("/", "/mitglieder/", "/veranstaltungen/", "/netzwerke/", "/accounts/login/"):
        journey.open(path)
        assert journey.has_no_horizontal_scroll(), path
