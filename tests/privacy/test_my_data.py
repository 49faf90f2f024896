"""The "My data" page: own consents only, one-click withdrawal, from every side."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Registration
from network_portal.models import Consent, ConsentPurpose
from network_portal.privacy.consent import consent_give
from tests import factories
from tests.privacy.helpers import signed_in

MY_DATA = reverse("privacy:my_data")
REGISTRATION = ConsentPurpose.EVENT_REGISTRATION

pytestmark = pytest.mark.django_db


def _registration_consent(user, *, title="Unternehmerfrühstück Hagen"):
    person = user.people.get()
    event = factories.EventFactory(title=title)
    factories.RegistrationFactory(event=event, person=person)
    return consent_give(purpose=REGISTRATION, user=user, person=person, about=event)


def test_my_data_page_asks_anonymous_visitors_to_sign_in(client):
    response = client.get(MY_DATA)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_every_page_links_to_my_data_for_signed_in_users(client, world):
    assert f'href="{MY_DATA}"' not in client.get(reverse("home")).content.decode()

    page = signed_in(client, world.outsider).get(reverse("home")).content.decode()

    assert f'href="{MY_DATA}"' in page


def test_my_data_page_lists_own_consents_with_withdraw_buttons(client, world):
    consent = _registration_consent(world.owner)

    response = signed_in(client, world.owner).get(MY_DATA)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Unternehmerfrühstück Hagen" in page
    withdraw = reverse("privacy:consent_withdraw", args=[consent.pk])
    assert f'action="{withdraw}"' in page
    assert reverse("privacy:export_download") in page
    assert reverse("privacy:account_delete") in page


def test_my_data_page_shows_nothing_of_a_colleagues_consents(client, world):
    _registration_consent(world.colleague, title="Nur für die Kollegin")

    for user in (world.owner, world.manager, world.platform_admin):
        client.force_login(user)
        page = client.get(MY_DATA).content.decode()
        assert "Nur für die Kollegin" not in page
        assert "/meine-daten/einwilligungen/" not in page


def test_my_data_page_shows_consents_given_for_me_by_a_colleague(client, world):
    person = world.colleague.people.get()
    event = factories.EventFactory(title="Von der Chefin angemeldet")
    consent_give(purpose=REGISTRATION, user=world.owner, person=person, about=event)

    page = signed_in(client, world.colleague).get(MY_DATA).content.decode()

    assert "Von der Chefin angemeldet" in page


def test_my_data_page_shows_withdrawn_consents_as_history(client, world):
    consent = _registration_consent(world.owner)
    Consent.objects.filter(pk=consent.pk).update(withdrawn_at=consent.given_at)

    page = signed_in(client, world.owner).get(MY_DATA).content.decode()

    assert "Unternehmerfrühstück Hagen" in page
    assert reverse("privacy:consent_withdraw", args=[consent.pk]) not in page


def test_withdraw_button_withdraws_own_consent_in_one_click(client, world):
    consent = _registration_consent(world.owner)
    url = reverse("privacy:consent_withdraw", args=[consent.pk])

    response = signed_in(client, world.owner).post(url, follow=True)

    assert response.redirect_chain == [(MY_DATA, 302)]
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    registration = Registration.objects.get(person__user=world.owner)
    assert registration.status == Registration.Status.CANCELLED
    assert "Unternehmerfrühstück Hagen" in response.content.decode()


@pytest.mark.parametrize("who", ["colleague", "outsider", "manager", "platform_admin"])
def test_withdrawing_somebody_elses_consent_is_not_found(client, world, who):
    consent = _registration_consent(world.owner)
    url = reverse("privacy:consent_withdraw", args=[consent.pk])

    response = signed_in(client, getattr(world, who)).post(url)

    assert response.status_code == 404
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_withdrawing_needs_sign_in_and_post(client, world):
    consent = _registration_consent(world.owner)
    url = reverse("privacy:consent_withdraw", args=[consent.pk])

    assert client.post(url).status_code == 302
    assert signed_in(client, world.owner).get(url).status_code == 405
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_withdrawing_twice_finds_nothing_the_second_time(client, world):
    consent = _registration_consent(world.owner)
    url = reverse("privacy:consent_withdraw", args=[consent.pk])
    signed_in(client, world.owner).post(url)

    assert client.post(url).status_code == 404


def test_my_data_page_queries_do_not_grow_with_the_number_of_consents(client, world):
    client.force_login(world.owner)
    _registration_consent(world.owner, title="Erste")
    client.get(MY_DATA)  # warm up: sessions, content types
    with CaptureQueriesContext(connection) as one:
        client.get(MY_DATA)
    for number in range(4):
        _registration_consent(world.owner, title=f"Weitere {number}")
    with CaptureQueriesContext(connection) as five:
        response = client.get(MY_DATA)

    assert response.content.decode().count("Weitere") == 4
    assert len(five) == len(one)
