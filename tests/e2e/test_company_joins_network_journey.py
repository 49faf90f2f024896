"""A company representative signs up, confirms the e-mail address, adds the company and
applies to In|Die RegionRuhr; the network manager approves; the representative sees the
membership. ``company_joins_a_network`` also runs in English (test_english_journey.py).
"""

import re

import pytest
from django.utils.text import capfirst
from playwright.sync_api import expect

from members.models import Membership, Organisation, Person, User
from tests.e2e.conftest import Journey

pytestmark = pytest.mark.usefixtures("demo_world")

NETWORK = "In|Die RegionRuhr"
COMPANY = "Vogelsang Zerspanungstechnik GmbH"
PASSWORD = "Spaene-und-Spindeln-2026"
MANAGER = "manager@demo.example"


def company_joins_a_network(journey: Journey, outbox, *, email: str, language: str) -> None:
    """The whole journey; ``language`` is chosen in the footer before anything else."""
    page = journey.open("/")
    if language != "de":
        journey.switch_language(language)
    t = journey.t
    _sign_up(journey, email)
    _confirm_address(journey, outbox, email)

    # The dashboard offers to add the company.
    expect(page.get_by_role("heading", level=1)).to_have_text(t("My area"))
    page.get_by_role("link", name=t("Add your organisation")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Add your organisation"))
    journey.check()
    _fill_company_profile(journey)
    journey.screenshot("company-form")
    page.get_by_role("button", name=t("Create organisation")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(COMPANY)
    expect(page.locator(".messages")).to_contain_text(
        t("Your organisation has been created. You are its admin.")
    )
    journey.check()
    journey.screenshot("company-page")
    organisation = Organisation.objects.get(name=COMPANY)
    assert (organisation.postal_code, organisation.city) == ("58332", "Schwelm")
    assert organisation.region.name == "Ennepe-Ruhr-Kreis"
    person = Person.objects.get(organisation=organisation, user__email=email)
    assert person.role == Person.Role.ADMIN

    _apply(journey)
    membership = Membership.objects.get(organisation=organisation, network__name=NETWORK)
    assert membership.status == Membership.Status.APPLIED
    assert membership.role == Membership.Role.MEMBER
    assert "Drehteile" in membership.message
    received = outbox.objects.get(kind="application_received", recipient=MANAGER)
    assert COMPANY in received.body_text

    _manager_approves(journey, language)
    membership.refresh_from_db()
    assert membership.status == Membership.Status.ACTIVE
    assert membership.decided_by == User.objects.get(email=MANAGER)
    assert membership.started_on is not None
    approved = outbox.objects.get(kind="application_approved", recipient=email)
    assert approved.language == language
    assert NETWORK in approved.subject + approved.body_text

    # The representative sees the membership on the network's page.
    page.reload()
    journey.check()
    standing = t("%(organisation)s takes part as %(role)s.") % {
        "organisation": COMPANY,
        "role": t("member"),
    }
    expect(page.get_by_role("main")).to_contain_text(standing)
    journey.screenshot("membership")


def _sign_up(journey: Journey, email: str) -> None:
    page, t = journey.page, journey.t
    page.get_by_role("main").get_by_role("link", name=t("Register your company")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Sign Up"))
    journey.check()
    page.get_by_label(t("First name")).fill("Lena")
    page.get_by_label(t("Last name")).fill("Vogelsang")
    page.get_by_label(t("Email"), exact=True).fill(email)
    page.get_by_label(t("Password"), exact=True).fill(PASSWORD)
    page.get_by_label(t("Password (again)")).fill(PASSWORD)
    journey.screenshot("sign-up")
    page.get_by_role("main").get_by_role("button", name=t("Sign Up")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Verify Your Email Address"))
    journey.check()
    user = User.objects.get(email=email)
    assert (user.first_name, user.last_name, user.language) == (
        "Lena",
        "Vogelsang",
        journey.language,
    )
    assert not user.emailaddress_set.get().verified


def _confirm_address(journey: Journey, outbox, email: str) -> None:
    """The link in the confirmation mail (the outbox row), then the confirm button."""
    page, t = journey.page, journey.t
    mail = outbox.objects.get(recipient=email)
    assert mail.language == journey.language
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.body_text).group(0)
    page.goto(link)
    journey.check()
    page.get_by_role("button", name=t("Confirm")).click()
    expect(page.locator(".messages")).to_contain_text(email)
    journey.check()
    assert User.objects.get(email=email).emailaddress_set.get().verified


def _fill_company_profile(journey: Journey) -> None:
    page, t = journey.page, journey.t
    page.get_by_label(capfirst(t("name")), exact=True).fill(COMPANY)
    page.get_by_label(capfirst(t("street and number"))).fill("Hauptstraße 12")
    page.get_by_label(t("Postal code")).fill("58332")
    page.get_by_label(t("City")).fill("Schwelm")
    page.get_by_label(t("Region")).select_option(label="Ennepe-Ruhr-Kreis")
    page.get_by_label(capfirst(t("size"))).select_option(index=2)
    page.get_by_role("group", name=t("Sectors")).get_by_label(
        "Metalworking" if journey.language == "en" else "Metallverarbeitung"
    ).check()
    page.get_by_label(capfirst(t("what the organisation does"))).fill(
        "Lohnfertigung von Dreh- und Frästeilen in Kleinserien für den Fahrzeug- und "
        "Maschinenbau der Region."
    )


def _apply(journey: Journey) -> None:
    page, t = journey.page, journey.t
    _main_nav(journey, t("Networks"))
    page.get_by_role("link", name=NETWORK, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(NETWORK)
    journey.check()
    page.get_by_role("link", name=t("Apply for membership")).click()
    heading = t("Apply to %(network)s") % {"network": NETWORK}
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    journey.check()
    expect(page.get_by_role("radio", name=COMPANY)).to_be_checked()
    page.get_by_label(t("Message to the network's managers")).fill(
        "Wir fertigen Drehteile für Betriebe im Ennepe-Ruhr-Kreis und suchen Partner für "
        "die Verbundausbildung."
    )
    journey.screenshot("apply")
    page.get_by_role("button", name=t("Send application")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(NETWORK)
    journey.check()
    expect(page.locator(".messages")).to_contain_text(COMPANY)


def _manager_approves(journey: Journey, language: str) -> None:
    manager = journey.another("manager")
    if language != "de":
        manager.open("/")
        manager.switch_language(language)
    page, t = manager.page, manager.t
    manager.sign_in(MANAGER)
    page.get_by_role("link", name=t("Applications to decide")).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Applications to decide"))
    manager.check()
    application = page.locator("li.application").filter(
        has=page.get_by_role("heading", name=COMPANY)
    )
    expect(application).to_contain_text("Drehteile")
    manager.screenshot("queue")
    application.get_by_role("button", name=t("Approve")).click()
    done = t("%(organisation)s is now part of %(network)s.") % {
        "organisation": COMPANY,
        "network": NETWORK,
    }
    expect(page.locator(".messages")).to_contain_text(done)
    manager.check()
    expect(page.get_by_role("heading", name=COMPANY)).to_have_count(0)


def _main_nav(journey: Journey, label: str) -> None:
    journey.page.get_by_role("navigation", name=journey.t("Main navigation")).get_by_role(
        "link", name=label, exact=True
    ).click()
    journey.page.wait_for_load_state()
    journey.check()


def test_representative_signs_up_adds_the_company_and_joins_a_network(journey, outbox):
    company_joins_a_network(
        journey, outbox, email="lena.vogelsang@vogelsang-zerspanung.example", language="de"
    )
