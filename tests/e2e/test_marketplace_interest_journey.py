"""A chamber's referent searches the cooperation marketplace and expresses interest in a
company's offer; the company's admin accepts; from then on both see each other's
contact details – and not before.
"""

import re

import pytest
from playwright.sync_api import expect

from cooperations.models import Interest, Listing
from tests.e2e.conftest import Journey

pytestmark = pytest.mark.usefixtures("demo_world")

LISTING = "Verbundausbildung Industriemechaniker/in: Ausbildungsabschnitte für Partnerbetriebe"
OWNER = "F. Hesterberg & Söhne GmbH & Co. KG"
PARTNER = "partner@demo.example"  # Heike Lorenz, SIHK Hagen
PARTNER_PHONE = "02331 000000-25"
REPRESENTATIVE = "firma@demo.example"  # Jan Wiesmann, admin of F. Hesterberg & Söhne
REPRESENTATIVE_PHONE = "02333 000000-15"


def test_partner_expresses_interest_and_both_see_contacts_after_acceptance(journey, outbox):
    listing = Listing.objects.get(title=LISTING)
    _partner_finds_the_listing(journey)
    _partner_expresses_interest(journey)
    interest = Interest.objects.get(listing=listing, user__email=PARTNER)
    assert interest.status == Interest.Status.PENDING
    assert interest.organisation.slug == "sihk-hagen"
    received = outbox.objects.get(kind="interest-received", recipient=REPRESENTATIVE)
    assert "Prüfungsausschuss" in received.body_text

    # Before the answer, the interest shows no contact details.
    interest_path = f"/kooperationen/interessen/{interest.pk}/"
    journey.open(interest_path)
    expect(journey.page.get_by_role("main")).not_to_contain_text(REPRESENTATIVE_PHONE)

    owner = journey.another("owner")
    _owner_accepts(owner)
    interest.refresh_from_db()
    assert interest.status == Interest.Status.ACCEPTED
    assert interest.decided_by.email == REPRESENTATIVE
    assert interest.reply.startswith("Gern")
    answered = outbox.objects.get(kind="interest-accepted", recipient=PARTNER)
    assert LISTING in answered.subject + answered.body_text

    # Both now see the other side's contact details.
    contact = owner.page.locator(".contact-card")
    expect(contact).to_contain_text("Heike Lorenz")
    expect(contact).to_contain_text(PARTNER_PHONE)
    expect(contact.get_by_role("link", name=PARTNER)).to_be_visible()
    owner.screenshot("accepted")

    journey.open(interest_path)
    contact = journey.page.locator(".contact-card")
    expect(contact).to_contain_text(OWNER)
    expect(contact).to_contain_text("Jan Wiesmann")
    expect(contact).to_contain_text(REPRESENTATIVE_PHONE)
    expect(contact.get_by_role("link", name=REPRESENTATIVE)).to_be_visible()
    journey.screenshot("contact")


def _partner_finds_the_listing(journey: Journey) -> None:
    page, t = journey.page, journey.t
    journey.sign_in(PARTNER)
    nav = page.get_by_role("navigation", name=t("Main navigation"))
    nav.get_by_role("link", name=t("Cooperations"), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Cooperation marketplace"))
    journey.check()
    search = page.get_by_role("search")
    search.get_by_label(t("Search"), exact=True).fill("Verbundausbildung")
    search.get_by_label(t("Offers or requests")).select_option(label=t("offer"))
    search.get_by_role("button", name=t("Show results")).click()
    results = page.locator("#marketplace-results")
    expect(results.get_by_role("link", name=LISTING)).to_be_visible()
    expect(results.get_by_role("link", name=re.compile("Abwärme"))).to_have_count(0)
    journey.check()
    journey.screenshot("search")
    results.get_by_role("link", name=LISTING).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(LISTING)
    journey.check()


def _partner_expresses_interest(journey: Journey) -> None:
    page, t = journey.page, journey.t
    panel = page.get_by_role("region", name=t("Interested?"))
    panel.get_by_label(t("Your message")).fill(
        "Die SIHK begleitet Verbundausbildungen im Ennepe-Ruhr-Kreis. Gern stimmen wir die "
        "Abschnitte mit Ihnen ab und bringen Betriebe aus dem Prüfungsausschuss mit."
    )
    journey.screenshot("listing")
    panel.get_by_role("button", name=t("Express interest")).click()
    expect(page.locator(".messages")).to_be_visible()
    journey.check()
    waiting = re.compile(re.escape(t("waiting for an answer")), re.IGNORECASE)
    expect(page.get_by_role("heading", level=1)).to_contain_text(LISTING)
    expect(page.get_by_role("main")).to_contain_text(waiting)
    journey.screenshot("interest-sent")


def _owner_accepts(owner: Journey) -> None:
    page, t = owner.page, owner.t
    owner.sign_in(REPRESENTATIVE)
    nav = page.get_by_role("navigation", name=t("Main navigation"))
    nav.get_by_role("link", name=t("My cooperations"), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("My cooperations"))
    owner.check()
    owner.screenshot("my-cooperations")
    page.get_by_role("link", name=f"{t('Answer')} – SIHK zu Hagen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(LISTING)
    owner.check()
    expect(page.get_by_role("main")).not_to_contain_text(PARTNER_PHONE)
    page.get_by_label(t("Reply (optional)")).fill(
        "Gern! Rufen Sie mich an, dann planen wir die Abschnitte für das neue Ausbildungsjahr."
    )
    page.get_by_role("button", name=t("Accept and share contact details")).click()
    expect(page.locator(".messages")).to_be_visible()
    owner.check()
