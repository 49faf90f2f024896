"""The manager's registration list from the cache: each manager their own, never stale."""

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.models import Registration
from tests import factories
from tests.events.conftest import person_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 60


def _signed_in(user, language: str = "de") -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    client.force_login(user)
    return client


def _get(client: Client, url: str) -> tuple[int, str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response.status_code, response.content.decode(), len(queries)


@pytest.fixture
def url(event) -> str:
    return reverse("events:manage_event", kwargs={"pk": event.pk})


def test_looked_at_again_it_comes_from_the_cache(world, event, url):
    factories.RegistrationFactory(event=event, person=person_of(world.colleague))
    manager = _signed_in(world.manager)
    status, _first, first_queries = _get(manager, url)
    again_status, again, again_queries = _get(manager, url)
    assert (status, again_status) == (200, 200)
    assert person_of(world.colleague).last_name in again
    assert again_queries < first_queries
    assert again_queries <= 3  # session, user and roles: sign-in and two-factor still checked


def test_a_check_in_shows_at_once(world, event, url):
    registration = factories.RegistrationFactory(event=event, person=person_of(world.colleague))
    manager = _signed_in(world.manager)
    assert "<strong>0</strong> von 1" in _get(manager, url)[1]
    assert "<strong>0</strong> von 1" in _get(manager, url)[1]
    toggle = reverse("events:manage_checkin_toggle", kwargs={"pk": registration.pk})
    manager.post(toggle, {"checked_in": "1"})
    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    status, page, queries = _get(manager, url)
    assert status == 200
    assert "<strong>1</strong> von 1" in page
    assert f'<time datetime="{timezone.localtime(registration.checked_in_at).isoformat()}">' in page
    assert queries > 3


def test_every_manager_gets_their_own_page(world, event, url):
    assert _get(_signed_in(world.manager), url)[0] == 200
    other_status, other_page, _ = _get(_signed_in(world.other_manager), url)
    assert other_status in (403, 404)
    assert event.title not in other_page
    colleague_status, _, _ = _get(_signed_in(world.colleague), url)
    assert colleague_status in (403, 404)
    admin_status, _admin_page, admin_queries = _get(_signed_in(world.platform_admin), url)
    assert admin_status == 200
    assert admin_queries > 3


def test_anonymous_visitors_are_sent_to_sign_in(world, event, url):
    assert _get(_signed_in(world.manager), url)[0] == 200
    response = Client().get(url)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_a_flash_message_is_shown_once_and_never_kept(world, event, url):
    waiting = factories.RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)
    manager = _signed_in(world.manager, language="en")
    _get(manager, url)
    move_up = reverse("events:manage_move_up", kwargs={"pk": waiting.pk})
    followed = manager.post(move_up, {"next": url}, follow=True)
    assert followed.status_code == 200
    shown = followed.content.decode()
    assert 'class="message message-success"' in shown
    status, again, _ = _get(manager, url)
    assert status == 200
    assert 'class="message message-success"' not in again


def test_each_language_its_own_page(world, event, url):
    assert "Anmeldungen" in _get(_signed_in(world.manager), url)[1]
    status, page, queries = _get(_signed_in(world.manager, language="en"), url)
    assert status == 200
    assert "Registrations" in page
    assert queries > 3
