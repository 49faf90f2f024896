"""The registration journey with the keyboard alone: sign in, find the event, choose a
workshop, agree, register – Tab, Shift+Tab, Enter and Space only, and wherever the focus
is, it shows (an outline or ring from ``:focus-visible``).
"""

import re

import pytest
from playwright.sync_api import expect

from events.models import Registration
from tests.e2e.conftest import DEMO_PASSWORD, Journey

pytestmark = pytest.mark.usefixtures("demo_world")

EVENT = "Bundesweites Netzwerktreffen der regionalen Industrieinitiativen"
WORKSHOP = "Industrieakzeptanz in der Öffentlichkeit"
STAFF = "kollegin@demo.example"  # Sabine Korte, staff of F. Hesterberg & Söhne
CONSENT = "I agree that my name and organisation are passed to the organisers for this event."
MAX_PRESSES = 80

# What a keyboard user perceives of the focused element: its text, label or value.
FOCUSED_SCRIPT = """() => {
  const el = document.activeElement;
  const label = el.labels && el.labels.length ? el.labels[0].textContent : "";
  const by = el.getAttribute("aria-labelledby");
  const labelled = by ? (document.getElementById(by) || {}).textContent : "";
  const name = el.getAttribute("aria-label") || labelled || label || el.textContent ||
    el.value || "";
  return name.replace(/\\s+/g, " ").trim();
}"""


def _press(journey: Journey, key: str, seen: list[str]) -> str:
    journey.page.keyboard.press(key)
    shown = journey.focus_shown()
    seen.append(shown["what"])
    assert shown["visible"], f"focus is not visible on {shown['what']!r} after {key}: {seen}"
    return journey.page.evaluate(FOCUSED_SCRIPT)


def tab_to(journey: Journey, pattern: str, *, backwards: bool = False) -> None:
    """Tab (or Shift+Tab) until the focused element's text, label or value matches."""
    key = "Shift+Tab" if backwards else "Tab"
    wanted = re.compile(pattern)
    seen: list[str] = []
    for _ in range(MAX_PRESSES):
        if wanted.search(_press(journey, key, seen)):
            return
    raise AssertionError(f"{pattern!r} not reached with {key}; focus went over {seen}")


def test_staff_member_registers_with_the_keyboard_alone(journey):
    page, t = journey.page, journey.t
    journey.open("/")

    # Sign in: the skip link comes first; the header's sign-in link.
    tab_to(journey, re.escape(t("Skip to content")))
    tab_to(journey, f"^{re.escape(t('Sign in'))}")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Sign In"))
    journey.check()
    tab_to(journey, re.escape(t("Email")))
    page.keyboard.type(STAFF)
    tab_to(journey, f"^{re.escape(t('Password'))}")
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(t("My area"))
    journey.check()

    # The events list from the main navigation, then the event.
    tab_to(journey, f"^{re.escape(t('Events'))}$")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Events"))
    journey.check()
    tab_to(journey, re.escape(t("Skip to content")))
    page.keyboard.press("Enter")
    tab_to(journey, re.escape(EVENT))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(EVENT)
    journey.check()

    # The form: a workshop and the consent with Space, the button with Enter.
    tab_to(journey, re.escape(t("Skip to content")))
    page.keyboard.press("Enter")
    tab_to(journey, f"^{re.escape(WORKSHOP)}")
    page.keyboard.press("Space")
    expect(page.get_by_role("checkbox", name=re.compile(WORKSHOP))).to_be_checked()
    tab_to(journey, re.escape(t(CONSENT)))
    page.keyboard.press("Space")
    expect(page.get_by_label(t(CONSENT))).to_be_checked()
    journey.screenshot("form")
    tab_to(journey, f"^{re.escape(t('Register'))}$")
    page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text(
        t("You are registered. We look forward to seeing you.")
    )
    journey.check()

    # Back up to the main navigation with Shift+Tab, to "My events".
    tab_to(journey, re.escape(t("Cancel registration")))
    tab_to(journey, f"^{re.escape(t('My events'))}$", backwards=True)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(t("My events"))
    journey.check()
    expect(page.get_by_role("row").filter(has_text=EVENT)).to_contain_text(WORKSHOP)
    journey.screenshot("my-events")

    registration = Registration.objects.get(event__title=EVENT, person__user__email=STAFF)
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.consent_at is not None
    assert [choice.session.title for choice in registration.choices.all()] == [WORKSHOP]
