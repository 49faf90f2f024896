"""Confirmations: registered, waiting list, promoted, cancelled — rows, texts, calendar files."""

import datetime as dt

import pytest
from django.db import transaction

from events.models import Event, Registration
from events.services import (
    Attendee,
    event_update,
    registration_cancel,
    registration_create,
    registrations_create_for_colleagues,
)
from events.services.attendance import registration_cancel_by_manager, registration_move_up
from events.services.notifications import mail_registration
from network_portal.models import OutgoingMail
from tests import factories
from tests.events.conftest import person_of
from tests.events.notify_helpers import (
    BERLIN,
    SITE,
    calendar_of,
    cancel_link_in,
    contact,
    mails_of,
    only_mail,
    person,
    portal_site,  # noqa: F401 - autouse fixture
    vevent_of,
)

pytestmark = pytest.mark.django_db
CONFIRMED, WAITLISTED = Registration.Status.CONFIRMED, Registration.Status.WAITLISTED


@pytest.fixture
def event(world) -> Event:
    return factories.EventFactory(
        title="Wirtschaft trifft Wirtschaft im Juni",
        organising_networks=[world.network],
        capacity=1,
        starts_at=dt.datetime(2099, 6, 18, 17, 30, tzinfo=BERLIN),
        ends_at=dt.datetime(2099, 6, 18, 20, 0, tzinfo=BERLIN),
    )


def register(event, someone, by=None) -> Registration:
    return registration_create(event=event, person=someone, registered_by=by or someone.user)


# --- Registered: confirmed ------------------------------------------------------------------


def test_register_confirmed_mail_row_in_the_persons_language(event):
    anna = person(language="en", email="anna@example.org", first_name="Anna", last_name="Berg")
    registration = register(event, anna)
    mail = only_mail("registration-confirmed")
    assert mail.key == f"registration-confirmed:{registration.pk}"
    assert (mail.recipient, mail.language) == ("anna@example.org", "en")
    assert (
        mail.subject == "Registration confirmed: Wirtschaft trifft Wirtschaft im Juni on 06/18/2099"
    )
    assert mail.about == f"events.event:{event.pk}"
    assert mail.body_text.startswith("Hello Anna Berg,\n\nyour registration is confirmed.")
    assert "When: Thursday, June 18, 2099, 5:30 p.m. – 8 p.m." in mail.body_text
    assert "Where: Technologiezentrum Ruhr, Universitätsstraße 142, 44799 Bochum" in mail.body_text
    assert f"{SITE}/veranstaltungen/{event.pk}/" in mail.body_text
    assert OutgoingMail.objects.count() == 1


def test_register_confirmed_mail_has_the_cancel_link_in_text_and_html(event, client):
    register(event, person(email="anna@example.org"))
    mail = only_mail("registration-confirmed")
    link = cancel_link_in(mail.body_text)
    assert cancel_link_in(mail.body_html) == link
    assert "Cannot come after all? Please cancel by June 18, 2099, 5:30 p.m." in mail.body_text
    assert client.get(link.removeprefix(SITE)).status_code == 200


def test_register_confirmed_calendar_request_with_attendee_and_organizer(event):
    register(event, person(email="anna@example.org", first_name="Anna", last_name="Berg"))
    mail = only_mail("registration-confirmed")
    [attachment] = mail.attachments
    assert (attachment["name"], attachment["type"]) == (
        "einladung.ics",
        "text/calendar; method=REQUEST",
    )
    calendar = calendar_of(mail)
    vevent = vevent_of(mail)
    assert str(calendar["METHOD"]) == "REQUEST"
    assert str(vevent["UID"]) == f"event-{event.pk}@portal.example"
    assert vevent["SEQUENCE"] == event.sequence
    start = vevent.decoded("DTSTART")
    assert (start, str(start.tzinfo)) == (event.starts_at, "Europe/Berlin")
    assert vevent["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert str(vevent["ATTENDEE"]) == "mailto:anna@example.org"
    assert dict(vevent["ATTENDEE"].params) == {
        "CN": "Anna Berg",
        "ROLE": "REQ-PARTICIPANT",
        "PARTSTAT": "ACCEPTED",
        "RSVP": "FALSE",
    }
    assert str(vevent["ORGANIZER"]) == "mailto:portal@portal.example"
    assert vevent["ORGANIZER"].params["CN"] == "Netzwerkportal"
    assert str(vevent["STATUS"]) == "CONFIRMED"


def test_register_online_event_confirmed_mail_and_calendar_carry_the_link(event):
    Event.objects.filter(pk=event.pk).update(
        format=Event.Format.ONLINE, venue="", address="", online_url="https://meet.example/x"
    )
    register(Event.objects.get(pk=event.pk), person(email="anna@example.org"))
    mail = only_mail("registration-confirmed")
    assert "Online link: https://meet.example/x" in mail.body_text
    assert "Where: Online" in mail.body_text
    assert "https://meet.example/x" in str(vevent_of(mail)["DESCRIPTION"])


# --- Registered: waiting list ---------------------------------------------------------------


def test_register_full_event_waitlisted_mail_without_calendar_or_online_link(event):
    Event.objects.filter(pk=event.pk).update(
        format=Event.Format.HYBRID, online_url="https://meet.example/x"
    )
    register(event, person(email="anna@example.org"))
    registration = register(event, person(email="ben@example.org"))
    mail = only_mail("registration-waitlisted")
    assert registration.status == WAITLISTED
    assert (mail.key, mail.recipient) == (
        f"registration-waitlisted:{registration.pk}",
        "ben@example.org",
    )
    assert mail.subject == "Waiting list: Wirtschaft trifft Wirtschaft im Juni on 06/18/2099"
    assert "you are on the waiting list" in mail.body_text
    assert mail.attachments == []
    assert "meet.example" not in mail.body_text + mail.body_html
    assert "and online" in mail.body_text
    cancel_link_in(mail.body_text)


def test_mail_shows_the_event_as_it_is_at_registration_not_as_the_page_loaded_it(event):
    """The mail is rendered before the event is locked; if the event changed since the
    page loaded it, the mail is rendered again from the locked row."""
    loaded = Event.objects.get(pk=event.pk)
    Event.objects.filter(pk=event.pk).update(title="Wirtschaft trifft Wirtschaft im Juli")
    registration = register(loaded, person(email="anna@example.org"))
    mail = only_mail("registration-confirmed")
    assert mail.key == f"registration-confirmed:{registration.pk}"
    assert (
        mail.subject == "Registration confirmed: Wirtschaft trifft Wirtschaft im Juli on 06/18/2099"
    )
    assert str(vevent_of(mail)["SUMMARY"]) == "Wirtschaft trifft Wirtschaft im Juli"


# --- Who gets mail, in which language -------------------------------------------------------


def test_contact_without_account_gets_german_mail_at_their_address(event, world):
    carla = contact(email="carla@example.org", organisation=world.company)
    register(event, carla, by=world.owner)
    mail = only_mail("registration-confirmed")
    assert (mail.recipient, mail.language) == ("carla@example.org", "de")
    assert mail.subject == "Anmeldung bestätigt: Wirtschaft trifft Wirtschaft im Juni am 18.06.2099"
    assert "Wann: Donnerstag, 18. Juni 2099, 17:30 – 20:00" in mail.body_text


def test_person_without_any_address_gets_no_mail(event, world):
    nobody = contact(email="", organisation=world.company)
    register(event, nobody, by=world.owner)
    assert not OutgoingMail.objects.exists()


def test_german_and_english_mails_differ_only_in_language(event):
    register(event, person(language="de", email="anna@example.org"))
    register(event, person(language="en", email="ben@example.org"))
    german = only_mail("registration-confirmed")
    english = only_mail("registration-waitlisted")
    assert german.language == "de"
    assert "Ihre Anmeldung ist bestätigt." in german.body_text
    assert "Wann: Donnerstag, 18. Juni 2099, 17:30 – 20:00" in german.body_text
    assert 'lang="de"' in german.body_html
    assert "Anmeldung stornieren" in german.body_html
    assert english.language == "en"
    assert 'lang="en"' in english.body_html
    assert "Cancel my registration" in english.body_html


def test_colleagues_registered_by_their_admin_get_the_mails(event, world):
    Event.objects.filter(pk=event.pk).update(capacity=5)
    colleague = person_of(world.colleague)
    registrations_create_for_colleagues(
        event=event,
        organisation=world.company,
        attendees=[
            Attendee(person=colleague),
            Attendee(first_name="Dora", last_name="Neu", email="dora@example.org"),
        ],
        registered_by=world.owner,
        consent=True,
    )
    mails = mails_of("registration-confirmed")
    assert [m.recipient for m in mails] == [world.colleague.email, "dora@example.org"]
    owner = world.owner.get_full_name()
    assert [m.language for m in mails] == ["de", "de"]
    assert all(f"{owner} hat Sie zu dieser Veranstaltung angemeldet." in m.body_text for m in mails)
    assert world.owner.email not in [m.recipient for m in OutgoingMail.objects.all()]


def test_own_registration_does_not_say_who_registered(event):
    register(event, person(email="anna@example.org"))
    assert "registered you" not in only_mail("registration-confirmed").body_text


def test_html_part_escapes_the_title(event):
    Event.objects.filter(pk=event.pk).update(title="Forschung & <Entwicklung>")
    register(Event.objects.get(pk=event.pk), person(email="anna@example.org"))
    mail = only_mail("registration-confirmed")
    assert "Forschung &amp; &lt;Entwicklung&gt;" in mail.body_html
    assert "Forschung & <Entwicklung>" in mail.subject
    assert "Forschung & <Entwicklung>" in mail.body_text


# --- Cancelled and promoted -----------------------------------------------------------------


@pytest.fixture
def full(event):
    """Anna has the seat, Ben and Carl wait (in that order)."""
    people = [
        person(email=f"{name}@example.org", first_name=name.title())
        for name in ("anna", "ben", "carl")
    ]
    registrations = [register(event, someone) for someone in people]
    OutgoingMail.objects.all().delete()
    return registrations


def test_cancel_mails_the_person_with_calendar_cancel(full):
    anna, _ben, _carl = full
    registration_cancel(registration=anna, cancelled_by=anna.person.user)
    mail = only_mail("registration-cancelled")
    assert (mail.key, mail.recipient) == (f"registration-cancelled:{anna.pk}", "anna@example.org")
    assert (
        mail.subject == "Registration cancelled: Wirtschaft trifft Wirtschaft im Juni on 06/18/2099"
    )
    assert "your registration for this event has been cancelled" in mail.body_text
    assert "/anmeldungen/absagen/" not in mail.body_text + mail.body_html
    assert mail.attachments[0]["type"] == "text/calendar; method=CANCEL"
    assert str(calendar_of(mail)["METHOD"]) == "CANCEL"
    vevent = vevent_of(mail)
    assert (str(vevent["UID"]), vevent["SEQUENCE"]) == (
        f"event-{anna.event_id}@portal.example",
        anna.event.sequence,
    )
    assert str(vevent["STATUS"]) == "CANCELLED"
    assert str(vevent["ATTENDEE"]) == "mailto:anna@example.org"


def test_cancel_promotes_the_first_waiting_who_gets_a_request(full):
    anna, ben, _carl = full
    registration_cancel(registration=anna, cancelled_by=anna.person.user)
    promoted = only_mail("registration-promoted")
    assert (promoted.key, promoted.recipient) == (
        f"registration-promoted:{ben.pk}",
        "ben@example.org",
    )
    assert promoted.subject == "You have a seat: Wirtschaft trifft Wirtschaft im Juni on 06/18/2099"
    assert "you have moved up from the waiting list" in promoted.body_text
    assert str(calendar_of(promoted)["METHOD"]) == "REQUEST"
    assert str(vevent_of(promoted)["ATTENDEE"]) == "mailto:ben@example.org"
    cancel_link_in(promoted.body_text)
    assert sorted(m.recipient for m in OutgoingMail.objects.all()) == [
        "anna@example.org",
        "ben@example.org",
    ]


def test_cancel_by_manager_says_the_organisers_cancelled(full, world):
    registration_cancel_by_manager(registration=full[0], cancelled_by=world.manager)
    mail = only_mail("registration-cancelled")
    assert "the organisers have cancelled your registration" in mail.body_text


def test_capacity_raise_promotes_and_mails_in_order(full, event):
    event_update(event=event, capacity=3)
    mails = mails_of("registration-promoted")
    assert [m.recipient for m in mails] == ["ben@example.org", "carl@example.org"]
    assert not mails_of("event-changed")


def test_move_up_with_a_free_seat_mails_the_promotion(full, event, world):
    _anna, _ben, carl = full
    Event.objects.filter(pk=event.pk).update(capacity=2)
    registration_move_up(registration=carl, moved_by=world.manager)
    assert [m.recipient for m in mails_of("registration-promoted")] == ["carl@example.org"]


def test_move_up_without_a_free_seat_mails_nobody(full, world):
    registration_move_up(registration=full[2], moved_by=world.manager)
    assert not OutgoingMail.objects.exists()


# --- Exactly once, and only with the change -------------------------------------------------


def test_same_mail_twice_is_recorded_once(event):
    registration = register(event, person(email="anna@example.org"))
    assert mail_registration(registration, kind="registration-confirmed") is None
    assert OutgoingMail.objects.count() == 1


def _register_then_fail(event, someone) -> None:
    with transaction.atomic():
        register(event, someone)
        assert OutgoingMail.objects.count() == 1
        raise RuntimeError("the request failed after the registration")


def test_rolled_back_registration_records_and_queues_nothing(
    event, settings, django_capture_on_commit_callbacks
):
    settings.OUTBOX_DELIVERY = {"EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend"}
    anna = person(email="anna@example.org")
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
    ):
        _register_then_fail(event, anna)
    assert callbacks == []
    assert not OutgoingMail.objects.exists()
    assert not Registration.objects.exists()


def test_committed_registration_queues_its_mail_after_commit(
    event, settings, django_capture_on_commit_callbacks
):
    settings.OUTBOX_DELIVERY = {"EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend"}
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        register(event, person(email="anna@example.org"))
    assert len(callbacks) == 1
    assert only_mail("registration-confirmed").status == OutgoingMail.Status.QUEUED
