"""Anonymous visitors' public pages from the cache; every committed write makes them stale."""

import datetime as dt
import re
import threading

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cooperations.models import Listing
from cooperations.tasks import listing_expiry
from events.models import Event, Registration
from network_portal import page_cache
from tests import factories
from tests.cooperations.factories import ListingFactory


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 60


TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _get(client: Client, url: str, **headers) -> tuple[str, int]:
    """The page's text and how many queries answering it took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


@pytest.fixture
def event(db):
    return factories.EventFactory(title="Wirtschaft trifft Wirtschaft bei Hella", capacity=2)


def test_second_visit_served_without_queries(client, event):
    url = reverse("events:detail", args=[event.pk])
    first, first_queries = _get(client, url)
    second, second_queries = _get(client, url)
    assert "Wirtschaft trifft Wirtschaft bei Hella" in second
    assert first_queries > 0
    assert second_queries == 0
    assert TOKEN.sub("", first) == TOKEN.sub("", second)


def test_a_change_shows_at_once(client, event):
    url = reverse("events:detail", args=[event.pk])
    assert "2 Plätze frei" in _get(client, url)[0]
    Event.objects.filter(pk=event.pk).update(title="Kick-off Netzwerk Logistik")
    factories.RegistrationFactory(event=event)
    page, queries = _get(client, url)
    assert "Kick-off Netzwerk Logistik" in page
    assert "1 Platz frei" in page
    assert queries > 0


@pytest.mark.django_db(transaction=True)
def test_a_registration_in_another_request_thread_shows(client):
    event = factories.EventFactory(capacity=2)
    person = factories.PersonFactory()
    url = reverse("events:detail", args=[event.pk])
    assert "2 Plätze frei" in _get(client, url)[0]

    def register() -> None:
        member = Client()
        member.force_login(person.user)
        data = {"person": person.pk, "consent": "on"}
        try:
            member.post(reverse("events:register", args=[event.pk]), data)
        finally:
            connection.close()

    thread = threading.Thread(target=register)
    thread.start()
    thread.join()
    assert Registration.objects.filter(event=event, person=person).exists()
    assert "1 Platz frei" in _get(client, url)[0]


@pytest.mark.django_db(transaction=True)
def test_a_task_on_the_worker_makes_pages_stale(client, celery_worker, wait_until):
    listing = ListingFactory(valid_until=timezone.localdate() - dt.timedelta(days=1))
    url = reverse("cooperations:marketplace")
    _get(client, url)
    assert _get(client, url)[1] == 0
    generation = page_cache.cache.get(page_cache.GENERATION_KEY)
    listing_expiry.delay()
    expired = Listing.objects.filter(pk=listing.pk, status=Listing.Status.EXPIRED)
    assert wait_until(expired.exists, timeout=10)
    # The task moves the generation on when it ends, after its last statement.
    moved = lambda: page_cache.cache.get(page_cache.GENERATION_KEY) != generation  # noqa: E731
    assert wait_until(moved, timeout=10)
    assert _get(client, url)[1] > 0


def test_each_visitor_gets_their_own_csrf_token_that_works(event):
    url = reverse("events:detail", args=[event.pk])
    _get(Client(), url)
    visitor = Client(enforce_csrf_checks=True)
    page, queries = _get(visitor, url)
    assert queries == 0
    token = TOKEN.search(page)[1]
    response = visitor.post(
        reverse("set_language"), {"language": "en", "next": url, "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert visitor.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert "Seats" in visitor.get(url).content.decode()


def test_languages_are_kept_apart(client, event):
    url = reverse("events:detail", args=[event.pk])
    assert "Plätze frei" in _get(client, url)[0]
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page, queries = _get(client, url)
    assert "seats left" in page
    assert queries > 0


def test_signed_in_visitors_never_get_the_anonymous_page(client, event):
    url = reverse("events:detail", args=[event.pk])
    assert "Anmelden" in _get(client, url)[0]
    person = factories.PersonFactory()
    client.force_login(person.user)
    page, queries = _get(client, url)
    assert "Abmelden" in page
    assert queries > 0


def test_htmx_partial_and_full_page_kept_apart(client, db):
    url = reverse("cooperations:marketplace")
    full, _ = _get(client, url)
    partial, _ = _get(client, url, HX_Request="true")
    assert "<html" in full
    assert "<html" not in partial
    assert "<html" in _get(client, url)[0]


def test_pages_that_are_not_found_are_not_kept(client, db):
    url = reverse("events:detail", args=[987654])
    assert client.get(url).status_code == 404
    factories.EventFactory(pk=987654, title="Neu angelegt")
    page_cache.generation_moved_on()
    assert "Neu angelegt" in client.get(url).content.decode()


def test_turned_off_with_zero_seconds(client, event, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    url = reverse("events:detail", args=[event.pk])
    _get(client, url)
    assert _get(client, url)[1] > 0


def test_sign_ins_and_sessions_leave_pages_alone(client, event):
    person = factories.PersonFactory()
    url = reverse("events:detail", args=[event.pk])
    _get(client, url)
    signed_in = Client()
    signed_in.force_login(person.user)
    assert signed_in.get(reverse("dashboard")).status_code == 200
    page, queries = _get(client, url)
    assert queries == 0
    assert "Anmelden" in page
