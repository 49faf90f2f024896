"""A network manager copies last year's "Wirtschaft trifft Wirtschaft" evening to a new
date, publishes it and invites the companies of the Ennepe-Ruhr district; two invited
people register through their personal links; at the door the manager checks both in
on a phone, then downloads the attendance list.

A real Celery worker records the invitations (as in production) and the mails land in
the outbox.
"""

import csv
import datetime as dt
import io
import re
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from django.utils.text import capfirst
from playwright.sync_api import expect

from events.models import Event, Invitation, Registration
from members.models import Organisation
from tests.e2e.conftest import PHONE, Journey

pytestmark = pytest.mark.usefixtures("demo_world")

SOURCE = "Wirtschaft trifft Wirtschaft: Energieeffizienz in der Schmiede"
TITLE = "Wirtschaft trifft Wirtschaft: Abwärme nutzen in der Praxis"
MANAGER = "manager@demo.example"
NETWORK = "In|Die RegionRuhr"
REGION = "Ennepe-Ruhr-Kreis"
INVITEES = {"firma@demo.example": "Wiesmann", "kollegin@demo.example": "Korte"}


def test_manager_copies_publishes_invites_checks_in_and_downloads(
    journey, outbox, celery_worker, wait_until
):
    new_day = timezone.localdate() + dt.timedelta(days=60)
    _copy_the_series_event(journey, new_day)
    event = Event.objects.get(title=TITLE)
    source = Event.objects.get(title=SOURCE)
    assert event.status == Event.Status.DRAFT
    assert timezone.localtime(event.starts_at).date() == new_day
    assert timezone.localtime(event.starts_at).time() == timezone.localtime(source.starts_at).time()
    assert (event.series, event.capacity) == (source.series, source.capacity)
    assert event.registrations.count() == 0

    _publish(journey)
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED

    _invite_companies_of_the_district(journey, event)
    assert wait_until(lambda: _invitations_recorded(event), timeout=20)
    invitations = Invitation.objects.filter(event=event).select_related("organisation")
    organisations = {invitation.organisation for invitation in invitations}
    assert {o.region.name for o in organisations} == {REGION}
    assert {o.kind for o in organisations} == {Organisation.Kind.COMPANY}
    assert set(INVITEES) <= {invitation.email for invitation in invitations}
    assert "manager@demo.example" not in {invitation.email for invitation in invitations}
    mails = outbox.objects.filter(kind="event-invitation", about=f"events.event:{event.pk}")
    assert mails.count() == invitations.count()

    for email in INVITEES:
        _invitee_registers_from_the_mail(journey, outbox, email, event)
    registrations = Registration.objects.filter(event=event)
    assert {r.person.user.email for r in registrations} == set(INVITEES)
    assert {r.status for r in registrations} == {Registration.Status.CONFIRMED}
    assert all(r.source == Registration.Source.INVITATION for r in registrations)

    _check_in_on_a_phone(journey, event)
    assert all(r.checked_in_at is not None for r in Registration.objects.filter(event=event))

    _download_the_attendance_list(journey, event)


def _copy_the_series_event(journey: Journey, new_day: dt.date) -> None:
    page, t = journey.page, journey.t
    journey.sign_in(MANAGER)
    nav = page.get_by_role("navigation", name=t("Main navigation"))
    nav.get_by_role("link", name=t("Network management"), exact=True).click()
    journey.check()
    page.get_by_role("navigation", name=t("Manager area")).get_by_role(
        "link", name=t("Events"), exact=True
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Events I manage"))
    journey.check()
    journey.screenshot("events")
    page.get_by_role("link", name=_action(t("Copy"), SOURCE)).click()
    journey.check()
    page.get_by_label(t("New date")).fill(new_day.isoformat())
    page.get_by_role("button", name=t("Continue")).click()
    heading = t("Copy “%(title)s”") % {"title": SOURCE}
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    journey.check()
    about = page.get_by_role("group", name=t("About the event"))
    title = about.get_by_label(re.compile("^" + capfirst(t("title"))))
    expect(title).to_have_value(SOURCE)
    title.fill(TITLE)
    journey.screenshot("copy-form")
    page.get_by_role("button", name=t("Save as draft")).click()
    expect(page.locator(".messages")).to_contain_text(t("The copy has been saved as a draft."))
    journey.check()


def _action(verb: str, title: str) -> re.Pattern:
    """The name of a row's action: the verb, then (visually hidden) the event's title."""
    return re.compile(f"^{re.escape(verb)}\\W*{re.escape(title)}$")


def _publish(journey: Journey) -> None:
    page, t = journey.page, journey.t
    page.get_by_role("button", name=_action(t("Publish"), TITLE)).click()
    expect(page.locator(".messages")).to_contain_text(
        t("“%(title)s” is published.") % {"title": TITLE}
    )
    journey.check()


def _invite_companies_of_the_district(journey: Journey, event: Event) -> None:
    page, t = journey.page, journey.t
    page.get_by_role("link", name=TITLE, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    journey.check()
    page.get_by_role("navigation", name=t("Managing this event")).get_by_role(
        "link", name=t("Invitations"), exact=True
    ).click()
    journey.check()
    page.get_by_role("link", name=t("Invite people")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Invite to this event"))
    journey.check()
    networks = page.get_by_role("group", name=t("A · Members of networks"))
    networks.get_by_role("checkbox", name=NETWORK, exact=True).check()
    networks.get_by_text(t("Narrow down by region, sector or kind of organisation")).click()
    regions = networks.get_by_role("group", name=t("Only organisations in these regions"))
    regions.get_by_role("checkbox", name=REGION).check()
    kinds = networks.get_by_role("group", name=t("Only these kinds of organisation"))
    kinds.get_by_role("checkbox", name=capfirst(t("company"))).check()
    journey.screenshot("invite")
    page.get_by_role("button", name=t("Show recipients")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Check the recipients"))
    journey.check()
    expect(page.get_by_role("table")).to_contain_text("firma@demo.example")
    journey.screenshot("recipients")
    batch = event.invitation_batches.get()
    send = journey.tn("Send %(counter)s invitation", "Send %(counter)s invitations", batch.total)
    page.get_by_role("button", name=send % {"counter": batch.total}).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Invitations on their way"))
    journey.check()


def _invitations_recorded(event: Event) -> bool:
    batch = event.invitation_batches.get()
    return batch.finished_at is not None


def _invitee_registers_from_the_mail(journey: Journey, outbox, email: str, event: Event):
    invitee = journey.another(INVITEES[email].lower())
    page, t = invitee.page, invitee.t
    mail = outbox.objects.get(kind="event-invitation", recipient=email)
    link = re.search(r"https?://\S+/veranstaltungen/einladung/\S+", mail.body_text).group(0)
    # The mail's links name the portal's configured address; here it is the test server.
    invitee.open(urlsplit(link).path)
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    invitee.check()
    page.get_by_role("link", name=t("Sign in and register")).click()
    page.get_by_label(t("Email"), exact=True).fill(email)
    page.get_by_label(t("Password"), exact=True).fill("demo-portal-2026")
    page.get_by_role("button", name=t("Sign In"), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    invitee.check()
    page.get_by_label(
        t("I agree that my name and organisation are passed to the organisers for this event.")
    ).check()
    invitee.screenshot("invitation")
    page.get_by_role("button", name=t("Register"), exact=True).click()
    expect(page.locator(".messages")).to_contain_text(
        t("Thank you: you are registered. We look forward to seeing you.")
    )
    invitee.check()


def _check_in_on_a_phone(journey: Journey, event: Event) -> None:
    page, t = journey.page, journey.t
    page.set_viewport_size(PHONE)
    journey.open(f"/verwaltung/veranstaltungen/{event.pk}/")
    page.get_by_role("navigation", name=t("Managing this event")).get_by_role(
        "link", name=t("Check-in"), exact=True
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Check-in"))
    journey.check()
    counter = page.locator(".checkin-counter")
    for number, last_name in enumerate(INVITEES.values(), start=1):
        page.get_by_label(t("Find an attendee by name or organisation")).fill(last_name)
        page.get_by_role("button", name=t("Search"), exact=True).click()
        item = page.locator(".checkin-item").filter(has_text=last_name)
        expect(page.locator(".checkin-item")).to_have_count(1)
        item.get_by_role("button", name=re.compile("^" + t("Check in"))).click()
        expect(item).to_contain_text("✓")
        counted = t("<strong>%(checked_in)s</strong> of %(confirmed)s checked in") % {
            "checked_in": number,
            "confirmed": len(INVITEES),
        }
        expect(counter).to_contain_text(re.sub("<[^>]+>", "", counted))
        journey.check()
    journey.screenshot("check-in")
    page.set_viewport_size({"width": 1280, "height": 900})


def _download_the_attendance_list(journey: Journey, event: Event) -> None:
    page, t = journey.page, journey.t
    journey.open(f"/verwaltung/veranstaltungen/{event.pk}/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name=t("Download CSV")).click()
    download = download_info.value
    assert download.suggested_filename == f"teilnehmende-{event.pk}.csv"
    with open(download.path(), encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(io.StringIO(file.read()), delimiter=";"))
    assert rows[0][:3] == [t("Last name"), t("First name"), t("Organisation")]
    by_name = {row[0]: row for row in rows[1:]}
    assert set(by_name) == set(INVITEES.values())
    for row in by_name.values():
        assert row[2] == "F. Hesterberg & Söhne GmbH & Co. KG"
        assert row[5] == capfirst(t("confirmed"))
        assert re.match(r"\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}", row[6]), row
