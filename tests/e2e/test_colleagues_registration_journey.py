"""A company representative registers themself and a new colleague, with workshops, for
the national meeting in one step; that fills the event. A partner's referent lands on the
waiting list; the representative cancels the colleague, which gives the referent the seat.
Both see it on "My events", and the mails say the same.
"""

import re

import pytest
from playwright.sync_api import expect

from events.models import Event, Registration, WorkshopChoice
from members.models import Person
from tests.e2e.conftest import Journey

pytestmark = pytest.mark.usefixtures("demo_world")

EVENT = "Bundesweites Netzwerktreffen der regionalen Industrieinitiativen"
REPRESENTATIVE = "firma@demo.example"  # Jan Wiesmann, admin of F. Hesterberg & Söhne
PARTNER = "partner@demo.example"  # Heike Lorenz, SIHK Hagen
NEW_COLLEAGUE = "t.brandhoff@hesterberg.example"
SKILLS = "Fachkräfte gewinnen und ausbilden"
CLIMATE = "Transformation und Klimaschutz im Betrieb"
DIGITAL = "Digitale Formate für die Netzwerkarbeit"
CONSENT = "I agree that my name and organisation are passed to the organisers for this event."
COLLEAGUES_CONSENT = (
    "I confirm that the colleagues I register agreed that their name, organisation and "
    "e-mail address are passed to the organisers for this event; if I register myself, "
    "I agree too."
)


@pytest.fixture
def two_seats_left() -> Event:
    """The organisers have limited the meeting to the seats taken plus two."""
    event = Event.objects.get(title=EVENT)
    taken = event.registrations.filter(status=Registration.Status.CONFIRMED).count()
    event.capacity = taken + 2
    event.save(update_fields=["capacity"])
    return event


def test_representative_registers_a_new_colleague_and_a_cancellation_promotes_the_waiting(
    journey, outbox, two_seats_left
):
    event = two_seats_left
    _representative_registers_themself_and_a_new_colleague(journey)
    jan = Registration.objects.get(event=event, person__user__email=REPRESENTATIVE)
    tobias = Registration.objects.get(event=event, person__email=NEW_COLLEAGUE)
    assert (jan.status, tobias.status) == (Registration.Status.CONFIRMED,) * 2
    assert _workshops(jan) == {SKILLS}
    assert _workshops(tobias) == {CLIMATE}
    new_person = tobias.person
    assert (new_person.first_name, new_person.last_name) == ("Tobias", "Brandhoff")
    assert new_person.organisation == jan.organisation
    assert new_person.user is None
    assert new_person.role == Person.Role.CONTACT
    assert tobias.registered_by.email == REPRESENTATIVE
    expect(journey.page.get_by_role("main")).to_contain_text(
        journey.t("Fully booked – registrations go on the waiting list.")
    )

    partner = journey.another("partner")
    _partner_joins_the_waiting_list(partner)
    heike = Registration.objects.get(event=event, person__user__email=PARTNER)
    assert heike.status == Registration.Status.WAITLISTED
    assert _workshops(heike) == {DIGITAL}

    _representative_cancels_the_colleague(journey)
    tobias.refresh_from_db()
    heike.refresh_from_db()
    assert tobias.status == Registration.Status.CANCELLED
    assert heike.status == Registration.Status.CONFIRMED
    assert event.registrations.filter(status="confirmed").count() == event.capacity

    # "My events" of both.
    journey.open("/meine-veranstaltungen/")
    _expect_my_event(journey, status=journey.t("confirmed"), workshop=SKILLS)
    journey.screenshot("my-events")
    partner.open("/meine-veranstaltungen/")
    _expect_my_event(partner, status=partner.t("confirmed"), workshop=DIGITAL)
    partner.screenshot("my-events")

    assert _mail_kinds(outbox, REPRESENTATIVE) == ["registration-confirmed"]
    assert _mail_kinds(outbox, NEW_COLLEAGUE) == [
        "registration-confirmed",
        "registration-cancelled",
    ]
    assert _mail_kinds(outbox, PARTNER) == ["registration-waitlisted", "registration-promoted"]
    promoted = outbox.objects.get(recipient=PARTNER, kind="registration-promoted")
    assert EVENT in promoted.subject + promoted.body_text
    assert promoted.attachments
    assert "METHOD:REQUEST" in promoted.attachments[0]["content"]
    invited_by = outbox.objects.get(recipient=NEW_COLLEAGUE, kind="registration-confirmed")
    assert "Wiesmann" in invited_by.body_text


def _representative_registers_themself_and_a_new_colleague(journey: Journey) -> None:
    page, t = journey.page, journey.t
    journey.sign_in(REPRESENTATIVE)
    _open_event(journey)
    form = page.locator("form.colleagues-form")
    expect(form.get_by_role("heading", level=3)).to_contain_text("F. Hesterberg & Söhne")

    me = form.locator(".attendee").filter(has=page.get_by_label(re.compile("^Jan Wiesmann")))
    me.get_by_label(re.compile("^Jan Wiesmann")).check()
    me.get_by_text(t("Workshops and access needs")).click()
    me.get_by_role("checkbox", name=re.compile(SKILLS)).check()

    new_rows = form.get_by_role("group", name=t("New colleagues"))
    first_row = new_rows.locator(".attendee").first
    first_row.get_by_label(re.compile("^" + t("First name"))).fill("Tobias")
    first_row.get_by_label(re.compile("^" + t("Last name"))).fill("Brandhoff")
    first_row.get_by_label(re.compile("^" + t("E-mail address"))).fill(NEW_COLLEAGUE)
    first_row.get_by_text(t("Workshops and access needs")).click()
    first_row.get_by_role("checkbox", name=re.compile(CLIMATE)).check()
    new_person = t("new person %(number)s") % {"number": 1}
    needs = t("Access needs of %(name)s") % {"name": new_person}
    first_row.get_by_label(needs).fill("Rollstuhlgerechter Zugang")

    form.get_by_label(t(COLLEAGUES_CONSENT)).check()
    journey.screenshot("colleagues-form")
    form.get_by_role("button", name=t("Register the chosen people")).click()
    done = t("Registered: %(confirmed)s confirmed, %(waitlisted)s on the waiting list.") % {
        "confirmed": 2,
        "waitlisted": 0,
    }
    expect(page.locator(".messages")).to_contain_text(done)
    journey.check()
    registered = form.locator(".attendee-registered")
    expect(registered).to_contain_text("Tobias Brandhoff")
    expect(registered).to_contain_text("Jan Wiesmann")
    journey.screenshot("registered")


def _partner_joins_the_waiting_list(partner: Journey) -> None:
    page, t = partner.page, partner.t
    partner.sign_in(PARTNER)
    _open_event(partner)
    expect(page.get_by_role("main")).to_contain_text(
        t("Fully booked – registrations go on the waiting list.")
    )
    page.get_by_role("checkbox", name=re.compile(DIGITAL)).check()
    page.get_by_label(t(CONSENT)).check()
    page.get_by_role("button", name=t("Join the waiting list")).click()
    expect(page.locator(".messages")).to_contain_text(
        t("The event is full. You are on the waiting list.")
    )
    partner.check()
    waiting = t("You are on the waiting list (position %(position)s).") % {"position": 1}
    expect(page.get_by_role("main")).to_contain_text(waiting)
    partner.screenshot("waiting-list")


def _representative_cancels_the_colleague(journey: Journey) -> None:
    page, t = journey.page, journey.t
    page.reload()
    journey.check()
    cancel = re.compile("^" + t("Cancel registration") + ".*Tobias Brandhoff")
    page.get_by_role("link", name=cancel).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Cancel registration"))
    expect(page.get_by_role("main")).to_contain_text("Tobias Brandhoff")
    journey.check()
    page.get_by_role("button", name=t("Yes, cancel the registration")).click()
    expect(page.locator(".messages")).to_contain_text(t("The registration has been cancelled."))
    journey.check()


def _open_event(journey: Journey) -> None:
    page = journey.page
    nav = page.get_by_role("navigation", name=journey.t("Main navigation"))
    nav.get_by_role("link", name=journey.t("Events"), exact=True).click()
    journey.check()
    page.get_by_role("link", name=EVENT).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(EVENT)
    journey.check()


def _expect_my_event(journey: Journey, *, status: str, workshop: str) -> None:
    row = journey.page.get_by_role("row").filter(has_text=EVENT)
    expect(row).to_have_count(1)
    expect(row).to_contain_text(status[:1].upper() + status[1:])
    expect(row).to_contain_text(workshop)


def _workshops(registration: Registration) -> set[str]:
    choices = WorkshopChoice.objects.filter(registration=registration)
    return {choice.session.title for choice in choices}


def _mail_kinds(outbox, recipient: str) -> list[str]:
    mails = outbox.objects.filter(recipient=recipient, about__startswith="events.event:")
    return list(mails.order_by("pk").values_list("kind", flat=True))
