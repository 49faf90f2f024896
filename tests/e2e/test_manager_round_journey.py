"""A network manager's round through the manager area – the pages the other journeys do
not pass – so that axe (WCAG 2.1 AA) and the reflow checks (320 px, 200 % zoom) cover
them too. Each page is reached by its link, as the manager would click.
"""

import re

import pytest
from playwright.sync_api import expect

from events.models import Event
from tests.e2e.conftest import Journey

pytestmark = pytest.mark.usefixtures("demo_world")

EVENT = "Wirtschaft trifft Wirtschaft: Verbundausbildung bei F. Hesterberg & Söhne"


def _follow(journey: Journey, scope, name: str) -> None:
    scope.get_by_role("link", name=name, exact=True).first.click()
    journey.page.wait_for_load_state()
    journey.check()


def test_manager_pages_pass_axe_and_reflow(journey):
    page, t = journey.page, journey.t
    journey.sign_in("manager@demo.example")
    expect(page.get_by_role("heading", level=1)).to_have_text(t("My area"))
    journey.screenshot("dashboard")

    nav = page.get_by_role("navigation", name=t("Main navigation"))
    _follow(journey, nav, t("Network management"))
    journey.screenshot("management")
    area = page.get_by_role("navigation", name=t("Manager area"))
    _follow(journey, area, t("Members and partners"))
    journey.screenshot("members")
    page.go_back()
    _follow(journey, area, t("Cooperations"))
    page.go_back()
    _follow(journey, area, t("Cooperation projects"))
    page.go_back()
    _follow(journey, area, t("Events"))

    # One event's pages, through its own navigation.
    page.get_by_role("link", name=EVENT, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(EVENT)
    journey.check()
    journey.screenshot("registrations")
    event_nav = page.get_by_role("navigation", name=t("Managing this event"))
    for label in ("Add a walk-in", "Attendance list", "Invitations", "Reminders", "E-mails"):
        _follow(journey, event_nav, t(label))
    journey.screenshot("mails")
    _follow(journey, event_nav, t("Edit event"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(EVENT)
    journey.screenshot("edit")
    assert Event.objects.get(title=EVENT).status == Event.Status.PUBLISHED


def test_company_admin_pages_pass_axe_and_reflow(journey):
    page, t = journey.page, journey.t
    journey.sign_in("firma@demo.example")
    nav = page.get_by_role("navigation", name=t("Main navigation"))
    _follow(journey, nav, "F. Hesterberg & Söhne GmbH & Co. KG")
    journey.screenshot("organisation")
    for label in ("Edit profile", "People and contacts", "Invite colleagues"):
        page.get_by_role("link", name=re.compile(f"^{re.escape(t(label))}")).first.click()
        page.wait_for_load_state()
        journey.check()
        page.go_back()
    _follow(journey, nav, t("My cooperations"))
    _follow(journey, page.get_by_role("main"), t("Your listings"))
    journey.screenshot("listings")
    _follow(journey, page.get_by_role("main"), t("Post an offer"))
    journey.screenshot("listing-form")
