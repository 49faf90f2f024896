"""End-to-end journeys: Debian's Chromium, driven by Playwright, against a live server.

Every page a journey visits is checked by axe-core (WCAG 2.1 A and AA), every request
the browser makes must go to the test server, and key pages are saved as screenshots
(desktop and phone width) under ``tests/e2e/screenshots/`` (kept out of git).
"""

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, sync_playwright

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
DEMO_PASSWORD = "demo-portal-2026"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def demo_world(transactional_db, settings) -> None:
    """The demo data of ``make run`` in the live server's database."""
    settings.DEBUG = True
    seed()
    settings.DEBUG = False


@dataclass
class Journey:
    """A person's browser session: the page, and what the checks found on the way."""

    page: Page
    base_url: str
    name: str
    foreign_requests: list[str] = field(default_factory=list)
    violations: dict[str, str] = field(default_factory=dict)
    checked: set[str] = field(default_factory=set)

    def open(self, path: str) -> Page:
        self.page.goto(self.base_url + path)
        self.check()
        return self.page

    def check(self) -> None:
        """Run axe on the current page (once per path and viewport width)."""
        self.page.wait_for_load_state("networkidle")
        width = self.page.viewport_size["width"]
        key = f"{urlsplit(self.page.url).path}@{width}"
        if key in self.checked:
            return
        self.checked.add(key)
        options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
        results = Axe().run(self.page, options=options)
        if results.violations_count:
            self.violations[key] = results.generate_report()

    def screenshot(self, label: str) -> None:
        """Save the page at desktop and at phone width, then return to desktop."""
        SCREENSHOTS.mkdir(exist_ok=True)
        for size_name, size in (("desktop", DESKTOP), ("phone", PHONE)):
            self.page.set_viewport_size(size)
            self.check()
            path = SCREENSHOTS / f"{self.name}-{label}-{size_name}.png"
            self.page.screenshot(path=str(path), full_page=True)
        self.page.set_viewport_size(DESKTOP)

    def sign_in(self, email: str, password: str = DEMO_PASSWORD) -> None:
        self.open("/accounts/login/")
        self.page.get_by_label(re.compile("E-Mail")).first.fill(email)
        self.page.get_by_label("Passwort").fill(password)
        self.page.get_by_role("button", name="Anmeldung", exact=True).click()
        self.page.wait_for_load_state()
        self.check()

    def has_no_horizontal_scroll(self) -> bool:
        return self.page.evaluate(
            "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        )


@pytest.fixture
def journey(browser, live_server, request) -> Iterator[Journey]:
    """A fresh German browser session; fails on third-party requests and axe violations."""
    context = browser.new_context(viewport=DESKTOP, locale="de-DE")
    page = context.new_page()
    host = urlsplit(live_server.url).netloc
    trip = Journey(page=page, base_url=live_server.url, name=request.node.name)

    def record(browser_request) -> None:
        parts = urlsplit(browser_request.url)
        if parts.scheme in {"http", "https", "ws", "wss"} and parts.netloc != host:
            trip.foreign_requests.append(browser_request.url)

    page.on("request", record)
    yield trip
    context.close()
    assert trip.foreign_requests == [], "requests to other hosts"
    assert trip.violations == {}, "\n\n".join(f"{k}\n{v}" for k, v in trip.violations.items())
