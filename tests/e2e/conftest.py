"""End-to-end journeys: Debian's Chromium, driven by Playwright, against a live server.

Every page a journey visits is checked by axe-core (WCAG 2.1 A and AA) and for reflow
(no horizontal scrolling at 320 CSS pixels, nor at 640 – a 1280 pixel window at 200 %
zoom); every request the browser makes must go to the test server; key pages are saved
as screenshots (desktop and phone width) under ``tests/e2e/screenshots/`` (kept out of
git). A journey may have several people, each in their own browser session
(``journey.another()``); the checks cover all of them.
"""

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import translation
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from network_portal.models import OutgoingMail
from tests.portal.seed import seed

# Playwright's sync API runs an event loop in the test's thread; Django's ORM refuses
# to run in a thread with a running loop unless told that this is on purpose.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SCREENSHOTS = Path(__file__).parent / "screenshots"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
# WCAG 1.4.10 (320 CSS px) and 1.4.4 (200 % zoom: a 1280 px window shows 640 CSS px).
REFLOW_WIDTHS = {"320 px": {"width": 320, "height": 640}, "200 %": {"width": 640, "height": 450}}
DEMO_PASSWORD = "demo-portal-2026"

# What sticks out of the page to the right (or left), outside any region that scrolls on
# its own (``.table-scroll``) and outside visually hidden text; an empty list when none.
OVERFLOW_SCRIPT = """() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  if (document.documentElement.scrollWidth > width) {
    found.push(`the page is ${document.documentElement.scrollWidth} px wide`);
  }
  const scrolls = (el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
  const sheltered = (el) => {
    if (el.closest(".skip-link, .visually-hidden")) return true;
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (scrolls(up)) return true;
    }
    return false;
  };
  const sticksOut = (box) => box.width >= 2 && box.height >= 2 &&
    (box.right > width + 1 || box.left < -1);
  const describe = (el, box, text) => {
    const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
      [...el.classList].map((c) => "." + c).join("");
    return `${name} (${Math.round(box.left)}–${Math.round(box.right)} px): ` +
      (text || "").trim().slice(0, 60);
  };
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (sticksOut(box) && !sheltered(el)) found.push(describe(el, box, el.textContent));
    if (found.length > 8) return found;
  }
  // Text wider than its box (a long word) sticks out although the box does not.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (sticksOut(box) && !sheltered(node.parentElement)) {
      found.push("text in " + describe(node.parentElement, box, node.textContent));
    }
    if (found.length > 8) return found;
  }
  return found;
}"""

# Whether the focused element shows it: an outline or a box shadow (``:focus-visible``).
FOCUS_SCRIPT = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return {visible: false, what: "body"};
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== "none";
  const what = el.tagName.toLowerCase() + " " + (el.getAttribute("name") || el.id || "") +
    " " + (el.textContent || el.value || "").trim().slice(0, 50);
  return {visible: Boolean(outline || shadow), what: what};
}"""


@dataclass
class Findings:
    """What the checks found in all browser sessions of one test."""

    foreign_requests: list[str] = field(default_factory=list)
    violations: dict[str, str] = field(default_factory=dict)
    overflow: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Journey:
    """A person's browser session: the page, and what the checks found on the way."""

    page: Page
    base_url: str
    name: str
    browser: Browser | None = None
    language: str = "de"
    findings: Findings = field(default_factory=Findings)
    checked: set[str] = field(default_factory=set)
    contexts: list[BrowserContext] = field(default_factory=list)

    @property
    def foreign_requests(self) -> list[str]:
        return self.findings.foreign_requests

    @property
    def violations(self) -> dict[str, str]:
        return self.findings.violations

    def t(self, message: str) -> str:
        """``message`` as the portal shows it in this session's language (its catalogue)."""
        with translation.override(self.language):
            return translation.gettext(message)

    def tn(self, singular: str, plural: str, number: int) -> str:
        """A plural message (``blocktranslate count``) as the portal shows it."""
        with translation.override(self.language):
            return translation.ngettext(singular, plural, number)

    def open(self, path: str) -> Page:
        self.page.goto(self.base_url + path)
        self.check()
        return self.page

    def check(self) -> None:
        """Run axe on the current page and check its reflow (once per path and width)."""
        self.page.wait_for_load_state("load")
        width = self.page.viewport_size["width"]
        path = urlsplit(self.page.url).path
        key = f"{path}@{width}"
        if key in self.checked:
            return
        self.checked.add(key)
        options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
        results = Axe().run(self.page, options=options)
        if results.violations_count:
            self.violations[key] = results.generate_report()
        if f"{path}@reflow" not in self.checked:
            self.checked.add(f"{path}@reflow")
            self.check_reflow()

    def check_reflow(self) -> None:
        """No horizontal scrolling at 320 CSS pixels nor at 200 % zoom; back to the size."""
        size = self.page.viewport_size
        path = urlsplit(self.page.url).path
        for label, reflow_size in REFLOW_WIDTHS.items():
            self.page.set_viewport_size(reflow_size)
            found = self.page.evaluate(OVERFLOW_SCRIPT)
            if found:
                self.findings.overflow[f"{path} at {label}"] = found
        self.page.set_viewport_size(size)

    def screenshot(self, label: str) -> None:
        """Save the page at desktop and at phone width, then return to the size it had."""
        SCREENSHOTS.mkdir(exist_ok=True)
        size = self.page.viewport_size
        for size_name, screen in (("desktop", DESKTOP), ("phone", PHONE)):
            self.page.set_viewport_size(screen)
            self.check()
            path = SCREENSHOTS / f"{self.name}-{label}-{size_name}.png"
            self.page.screenshot(path=str(path), full_page=True)
        self.page.set_viewport_size(size)

    def sign_in(self, email: str, password: str = DEMO_PASSWORD) -> None:
        self.open("/accounts/login/")
        self.page.get_by_label(self.t("Email"), exact=True).fill(email)
        self.page.get_by_label(self.t("Password"), exact=True).fill(password)
        self.page.get_by_role("button", name=self.t("Sign In"), exact=True).click()
        self.page.wait_for_url(lambda url: "/accounts/login/" not in url)
        self.check()

    def switch_language(self, code: str) -> None:
        """Choose the language in the footer's switcher, as a visitor does."""
        switcher = self.page.locator(".language-switcher")
        switcher.get_by_label(self.t("Language")).select_option(code)
        switcher.get_by_role("button").click()
        expect(self.page.locator("html")).to_have_attribute("lang", code)
        self.language = code
        self.check()

    def has_no_horizontal_scroll(self) -> bool:
        return self.page.evaluate(
            "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        )

    def focus_shown(self) -> dict:
        """``{"visible": bool, "what": description}`` of the element with the focus."""
        return self.page.evaluate(FOCUS_SCRIPT)

    def another(self, name: str, *, viewport: dict | None = None) -> "Journey":
        """A second person's browser session, checked like this one."""
        return _new_journey(
            self.browser,
            self.base_url,
            f"{self.name}-{name}",
            self.findings,
            self.contexts,
            viewport=viewport or DESKTOP,
        )


def _new_journey(
    browser: Browser,
    base_url: str,
    name: str,
    findings: Findings,
    contexts: list[BrowserContext],
    *,
    viewport: dict,
) -> Journey:
    context = browser.new_context(viewport=viewport, locale="de-DE", accept_downloads=True)
    context.set_default_timeout(10_000)
    contexts.append(context)
    page = context.new_page()
    host = urlsplit(base_url).netloc

    def record(browser_request) -> None:
        parts = urlsplit(browser_request.url)
        if parts.scheme in {"http", "https", "ws", "wss"} and parts.netloc != host:
            findings.foreign_requests.append(browser_request.url)

    page.on("request", record)
    return Journey(
        page=page,
        base_url=base_url,
        name=name,
        browser=browser,
        findings=findings,
        contexts=contexts,
    )


_RUNNING: dict[str, Browser] = {}


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One Chromium for the whole run. Other folders import these fixtures into their
    conftest (tests/privacy), which makes pytest set this fixture up once more: that copy
    shares the running browser (a second Playwright would refuse to start)."""
    if "chromium" in _RUNNING:
        yield _RUNNING["chromium"]
        return
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        _RUNNING["chromium"] = chromium
        yield chromium
        del _RUNNING["chromium"]
        chromium.close()


@pytest.fixture
def demo_world(transactional_db, settings) -> None:
    """The demo data of ``make run`` in the live server's database."""
    settings.DEBUG = True
    seed()
    settings.DEBUG = False


@pytest.fixture
def outbox(settings) -> type[OutgoingMail]:
    """Mail goes to the outbox as in production (pytest-django swaps in locmem)."""
    settings.EMAIL_BACKEND = "network_portal.mail.OutboxBackend"
    return OutgoingMail


@pytest.fixture
def journey(browser, live_server, request, settings) -> Iterator[Journey]:
    """A fresh German browser session; fails on third-party requests, axe violations and
    pages that scroll sideways at 320 px or 200 % zoom – in any of the test's sessions.
    The page cache is on, as in production."""
    settings.PORTAL_PAGE_CACHE_SECONDS = 60
    contexts: list[BrowserContext] = []
    findings = Findings()
    trip = _new_journey(
        browser, live_server.url, request.node.name, findings, contexts, viewport=DESKTOP
    )
    yield trip
    for context in contexts:
        context.close()
    assert findings.foreign_requests == [], "requests to other hosts"
    assert findings.violations == {}, "\n\n".join(
        f"{k}\n{v}" for k, v in findings.violations.items()
    )
    assert findings.overflow == {}, "\n\n".join(
        f"{where} scrolls sideways:\n  " + "\n  ".join(found)
        for where, found in findings.overflow.items()
    )
