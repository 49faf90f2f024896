"""The one-click cancel link: no login, a confirmation page, only the POST cancels."""

import datetime as dt

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from events.cancel_links import cancel_token
from events.models import Event, Registration
from events.services import registration_create
from network_portal import preferences
from network_portal.models import OutgoingMail
from tests import factories
from tests.events.notify_helpers import (
    SITE,
    cancel_link_in,
    mails_of,
    only_mail,
    person,
    portal_site,  # noqa: F401 - autouse fixture
)

pytestmark = pytest.mark.django_db
CONFIRMED, WAITLISTED, CANCELLED = (
    Registration.Status.CONFIRMED,
    Registration.Status.WAITLISTED,
    Registration.Status.CANCELLED,
)


@pytest.fixture
def event(world) -> Event:
    return factories.EventFactory(
        title="Wirtschaft trifft Wirtschaft", organising_networks=[world.network], capacity=1
    )


@pytest.fixture
def anna_and_ben(event):
    """Anna has the seat (her confirmation mail holds the link), Ben waits."""
    anna = person(email="anna@example.org", first_name="Anna", last_name="Berg")
    ben = person(email="ben@example.org")
    return [registration_create(event=event, person=p, registered_by=p.user) for p in (anna, ben)]


def link_of(registration: Registration) -> str:
    return reverse("events:cancel_link", kwargs={"token": cancel_token(registration)})


def english(client):
    client.cookies["portal_language"] = "en"
    return client


def test_link_from_the_mail_shows_a_confirmation_page_without_login(client, anna_and_ben):
    anna, _ben = anna_and_ben
    link = cancel_link_in(only_mail("registration-confirmed").body_text).removeprefix(SITE)
    response = english(client).get(link)
    content = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Cancel registration</h1>" in content
    assert "Do you want to cancel the registration of Anna Berg for “Wirtschaft trifft" in content
    assert "Yes, cancel the registration</button>" in content
    assert '<meta name="robots" content="noindex, nofollow">' in content
    assert "no-cache" in response["Cache-Control"]
    anna.refresh_from_db()
    assert anna.status == CONFIRMED


def test_post_cancels_and_promotes_the_next_on_the_waiting_list(client, anna_and_ben):
    anna, ben = anna_and_ben
    link = link_of(anna)
    response = english(client).post(link)
    assert response.status_code == 302
    assert response["Location"] == link
    anna.refresh_from_db()
    ben.refresh_from_db()
    assert (anna.status, anna.cancelled_by) == (CANCELLED, anna.person.user)
    assert ben.status == CONFIRMED
    assert only_mail("registration-cancelled").recipient == "anna@example.org"
    assert only_mail("registration-promoted").recipient == "ben@example.org"
    page = client.get(link).content.decode()
    assert "Your registration has been cancelled." in page
    assert "This registration is cancelled." in page
    assert "<button" not in page.split("<main")[1].split("</main>")[0]


def test_post_twice_is_refused_and_mails_nobody_again(client, anna_and_ben):
    anna, _ben = anna_and_ben
    english(client).post(link_of(anna))
    count = OutgoingMail.objects.count()
    response = client.post(link_of(anna))
    assert response.status_code == 400
    assert "This registration is already cancelled." in response.content.decode()
    assert OutgoingMail.objects.count() == count


def test_forged_link_is_not_found_and_changes_nothing(client, anna_and_ben):
    anna, _ben = anna_and_ben
    token = cancel_token(anna)
    forged = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    for url in (
        reverse("events:cancel_link", kwargs={"token": forged}),
        reverse("events:cancel_link", kwargs={"token": signing.dumps(anna.pk)}),  # no salt
        reverse("events:cancel_link", kwargs={"token": "kein-token"}),
    ):
        assert english(client).get(url).status_code == 404
        response = client.post(url)
        assert response.status_code == 404
        assert "This link is not valid." in response.content.decode()
    anna.refresh_from_db()
    assert anna.status == CONFIRMED


def test_link_of_an_unsubscribe_mail_does_not_cancel(client, anna_and_ben):
    anna, _ben = anna_and_ben
    token = preferences.unsubscribe_token(preference_id=anna.pk, category="reminders")
    url = reverse("events:cancel_link", kwargs={"token": token})
    assert english(client).post(url).status_code == 404
    anna.refresh_from_db()
    assert anna.status == CONFIRMED


def test_link_of_a_deleted_registration_is_not_found(client, event):
    gone = Registration(pk=987654, event=event)
    assert english(client).get(link_of(gone)).status_code == 404


def test_after_the_deadline_the_page_says_so_and_post_is_refused(client, event, anna_and_ben):
    anna, ben = anna_and_ben
    Event.objects.filter(pk=event.pk).update(
        cancellation_deadline=timezone.now() - dt.timedelta(hours=1)
    )
    page = english(client).get(link_of(anna))
    assert page.status_code == 200
    content = page.content.decode()
    assert "The cancellation deadline passed on" in content
    assert "If you cannot come, please tell the organisers." in content
    assert "Yes, cancel the registration" not in content
    response = client.post(link_of(anna))
    assert response.status_code == 400
    assert "The cancellation deadline has passed." in response.content.decode()
    anna.refresh_from_db()
    ben.refresh_from_db()
    assert (anna.status, ben.status) == (CONFIRMED, WAITLISTED)


def test_after_the_deadline_the_page_names_the_contact_person(client, event, anna_and_ben):
    contact = factories.PersonFactory(user=None, email="kontakt@wfg.example", first_name="Kim")
    Event.objects.filter(pk=event.pk).update(
        contact_person=contact, cancellation_deadline=timezone.now() - dt.timedelta(hours=1)
    )
    content = english(client).get(link_of(anna_and_ben[0])).content.decode()
    assert f"If you cannot come, please tell {contact.full_name}:" in content
    assert 'href="mailto:kontakt@wfg.example"' in content


def test_after_the_event_started_the_link_has_expired(client, event, anna_and_ben):
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - dt.timedelta(minutes=5),
        ends_at=timezone.now() + dt.timedelta(hours=2),
    )
    anna, _ben = anna_and_ben
    response = english(client).post(link_of(anna))
    assert response.status_code == 400
    assert "The cancellation deadline has passed." in response.content.decode()
    anna.refresh_from_db()
    assert anna.status == CONFIRMED


def test_waiting_list_link_takes_the_person_off_the_list(client, anna_and_ben):
    _anna, ben = anna_and_ben
    content = english(client).get(link_of(ben)).content.decode()
    assert "The seat goes to the first" not in content
    english(client).post(link_of(ben))
    ben.refresh_from_db()
    assert ben.status == CANCELLED
    assert not mails_of("registration-promoted")


def test_contact_without_account_can_cancel_by_link(client, event, world):
    carla = factories.PersonFactory(
        user=None, email="carla@example.org", organisation=world.company
    )
    registration = registration_create(event=event, person=carla, registered_by=world.owner)
    english(client).post(link_of(registration))
    registration.refresh_from_db()
    assert (registration.status, registration.cancelled_by) == (CANCELLED, None)


def test_mail_after_the_deadline_offers_no_link(event):
    Event.objects.filter(pk=event.pk).update(
        cancellation_deadline=timezone.now() - dt.timedelta(hours=1)
    )
    anna = person(email="anna@example.org")
    registration_create(event=event, person=anna, registered_by=anna.user)
    assert "/anmeldungen/absagen/" not in only_mail("registration-confirmed").body_text


@pytest.mark.parametrize(
    ("language", "heading", "button"),
    [
        ("de", "Anmeldung stornieren", "Ja, Anmeldung stornieren"),
        ("en", "Cancel registration", "Yes, cancel the registration"),
    ],
)
def test_page_in_both_languages(client, anna_and_ben, language, heading, button):
    client.cookies["portal_language"] = language
    content = client.get(link_of(anna_and_ben[0])).content.decode()
    assert f"<h1>{heading}</h1>" in content
    assert f"{button}</button>" in content
