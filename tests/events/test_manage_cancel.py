"""Cancelling an event: status, every registrant told by mail in their language."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Event, Registration, WorkshopChoice
from events.services import registration_create
from network_portal.models import AuditEntry, OutgoingMail
from tests import factories
from tests.events.manage_helpers import as_user, berlin

pytestmark = pytest.mark.django_db
CANCELLED = Registration.Status.CANCELLED


@pytest.fixture
def booked(world) -> Event:
    """One seat: a German-speaking attendee has it, an English-speaking one waits; a
    contact without an account waits too; an earlier registration was cancelled."""
    event = factories.EventFactory(
        title="Netzwerktreffen Produktion",
        organising_networks=[world.network],
        starts_at=berlin("2099-06-18 17:30"),
        ends_at=berlin("2099-06-18 20:00"),
        capacity=1,
    )
    workshop = factories.WorkshopFactory(event=event, capacity=5)
    german = factories.PersonFactory(user__language="de", user__email="anna@example.org")
    english = factories.PersonFactory(user__language="en", user__email="ben@example.org")
    contact = factories.PersonFactory(user=None, email="carla@example.org", last_name="Contact")
    for person in [german, english, contact]:
        registration_create(
            event=event, person=person, registered_by=world.owner, workshops=[workshop]
        )
    factories.RegistrationFactory(
        event=event, status=CANCELLED, person__user__email="gone@example.org"
    )
    OutgoingMail.objects.all().delete()  # the confirmations of the set-up are not looked at here
    return event


def _cancel(client, world, event, message=""):
    as_user(client, world.manager)
    url = reverse("events:manage_cancel", args=[event.pk])
    return client.post(url, {"message": message})


def test_cancel_page_asks_for_confirmation_with_counts(client, world, booked):
    response = as_user(client, world.manager).get(reverse("events:manage_cancel", args=[booked.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Cancel “Netzwerktreffen Produktion”</h1>" in content
    assert "Confirmed: 1 · on the waiting list: 2" in content
    assert '<label for="id_message">Message to the attendees</label>' in content
    booked.refresh_from_db()
    assert booked.status == Event.Status.PUBLISHED


def test_cancel_sets_status_raises_sequence_and_ends_registrations(client, world, booked):
    response = _cancel(client, world, booked)
    assert response.status_code == 302
    assert response.url == reverse("events:manage_list")
    booked.refresh_from_db()
    assert (booked.status, booked.sequence) == (Event.Status.CANCELLED, 1)
    registrations = booked.registrations.exclude(person__user__email="gone@example.org")
    assert set(registrations.values_list("status", "cancelled_by")) == {
        (CANCELLED, world.manager.pk)
    }
    assert not WorkshopChoice.objects.exclude(status=WorkshopChoice.Status.CANCELLED).exists()
    entry = AuditEntry.objects.get(action="event.cancel")
    assert sorted(entry.details["registrations"]) == sorted(
        registrations.values_list("pk", flat=True)
    )


def test_cancel_mails_every_open_registration_in_their_language(client, world, booked):
    _cancel(client, world, booked, message="Wir holen den Termin im Herbst nach.")
    mails = {mail.recipient: mail for mail in OutgoingMail.objects.all()}
    assert sorted(mails) == ["anna@example.org", "ben@example.org", "carla@example.org"]
    registration_of = {r.person.email: r for r in booked.registrations.select_related("person")}
    for recipient, mail in mails.items():
        assert mail.kind == "event-cancelled"
        assert mail.key == f"event-cancelled:{booked.pk}:{registration_of[recipient].pk}"
        assert mail.about == f"events.event:{booked.pk}"
        assert "Wir holen den Termin im Herbst nach." in mail.body_text
        assert "Wir holen den Termin im Herbst nach." in mail.body_html
        assert f"/veranstaltungen/{booked.pk}/" in mail.body_text
    assert (mails["anna@example.org"].language, mails["ben@example.org"].language) == ("de", "en")
    assert mails["carla@example.org"].language == "de"
    assert mails["ben@example.org"].subject == "Cancelled: Netzwerktreffen Produktion on 06/18/2099"
    assert "18.06.2099" in mails["anna@example.org"].subject


def test_cancel_mail_says_who_was_confirmed_and_who_waited(client, world, booked):
    _cancel(client, world, booked)
    confirmed = OutgoingMail.objects.get(recipient="anna@example.org")
    waiting = OutgoingMail.objects.get(recipient="ben@example.org")
    assert (confirmed.language, waiting.language) == ("de", "en")
    assert "Sie hatten einen bestätigten Platz." in confirmed.body_text
    assert "You were on the waiting list." in waiting.body_text


def test_cancelled_event_shows_on_my_events(client, world, booked):
    _cancel(client, world, booked)
    anna = booked.registrations.get(person__email="anna@example.org").person.user
    client.logout()
    content = as_user(client, anna).get(reverse("events:mine")).content.decode()
    assert "Netzwerktreffen Produktion" in content
    assert "Cancelled" in content
    page = client.get(booked.get_absolute_url()).content.decode()
    assert "This event has been cancelled." in page


def test_cancel_twice_is_refused_and_mails_nobody_again(client, world, booked):
    _cancel(client, world, booked)
    response = _cancel(client, world, booked)
    assert response.status_code == 400
    assert "This event has been cancelled." in response.content.decode()
    assert OutgoingMail.objects.count() == 3
    booked.refresh_from_db()
    assert booked.sequence == 1


def test_cancel_of_a_draft_is_refused(client, world):
    draft = factories.EventFactory(status=Event.Status.DRAFT, organising_networks=[world.network])
    response = _cancel(client, world, draft)
    assert response.status_code == 400
    assert "Only a published event can be cancelled." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Event.Status.DRAFT


def test_cancel_of_a_past_event_is_refused(client, world):
    past = timezone.now() - dt.timedelta(days=2)
    event = factories.EventFactory(
        starts_at=past, ends_at=past + dt.timedelta(hours=2), organising_networks=[world.network]
    )
    factories.RegistrationFactory(event=event)
    response = _cancel(client, world, event)
    assert response.status_code == 400
    assert "This event is over; it cannot be cancelled." in response.content.decode()
    assert not OutgoingMail.objects.exists()
    assert event.registrations.get().status == Registration.Status.CONFIRMED


def test_cancel_message_too_long_is_refused(client, world, booked):
    response = _cancel(client, world, booked, message="x" * 2001)
    assert response.status_code == 400
    assert 'id="id_message_error"' in response.content.decode()
    booked.refresh_from_db()
    assert booked.status == Event.Status.PUBLISHED
    assert not OutgoingMail.objects.exists()
