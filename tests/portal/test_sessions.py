"""The session engine: the database row holds the session, the cache serves reads, and a
change of the flash messages alone is kept in the cache only."""

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Registration
from network_portal.sessions import SessionStore
from tests import factories
from tests.events.conftest import person_of

pytestmark = pytest.mark.django_db


def _row(client) -> dict:
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    return SessionStore().decode(Session.objects.get(session_key=key).session_data)


def _register(client, world):
    event = factories.EventFactory(organising_networks=[world.network], capacity=5)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(world.owner)
    data = {"person": person_of(world.owner).pk, "consent": "on"}
    with CaptureQueriesContext(connection) as queries:
        response = client.post(reverse("events:register", args=[event.pk]), data)
    assert response.status_code == 302
    return event, queries


def test_flash_message_is_shown_once_without_writing_the_session_row(client, world):
    event, queries = _register(client, world)
    row_before = _row(client)

    assert not any("django_session" in q["sql"] for q in queries.captured_queries)
    assert "_messages" not in row_before  # the row never held it
    page = client.get(event.get_absolute_url()).content.decode()
    assert "You are registered. We look forward to seeing you." in page
    again = client.get(event.get_absolute_url()).content.decode()
    assert "You are registered. We look forward to seeing you." not in again
    assert _row(client) == row_before
    assert Registration.objects.get(event=event).person == person_of(world.owner)


def test_lost_cache_loses_the_message_but_not_the_sign_in(client, world):
    event, _queries = _register(client, world)
    cache.clear()

    response = client.get(event.get_absolute_url())

    page = response.content.decode()
    assert response.status_code == 200
    assert "You are registered. We look forward to seeing you." not in page
    assert response.wsgi_request.user == world.owner


def test_other_changes_are_written_to_the_row_with_the_message_beside_them():
    store = SessionStore()
    store["language"] = "de"
    store.create()
    key = store.session_key

    flash = SessionStore(session_key=key)
    flash["_messages"] = "[]"
    flash.save()
    assert "_messages" not in SessionStore().decode(Session.objects.get(pk=key).session_data)
    assert SessionStore(session_key=key)["_messages"] == "[]"  # from the cache

    durable = SessionStore(session_key=key)
    durable["invitation"] = "token-1"
    durable["_messages"] = "[1]"
    durable.save()
    row = SessionStore().decode(Session.objects.get(pk=key).session_data)
    assert (row["language"], row["invitation"], row["_messages"]) == ("de", "token-1", "[1]")


def test_a_value_changed_in_place_is_written_to_the_row():
    store = SessionStore()
    store["seen"] = ["a"]
    store.create()
    key = store.session_key

    again = SessionStore(session_key=key)
    again["seen"].append("b")
    again.modified = True
    again.save()

    row = SessionStore().decode(Session.objects.get(pk=key).session_data)
    assert row["seen"] == ["a", "b"]


def _redis_key(store: SessionStore) -> str:
    return cache.make_and_validate_key(store.cache_key)


def test_messages_alone_do_not_keep_the_session_beyond_its_row():
    store = SessionStore()
    store["language"] = "de"
    store.create()
    client = cache._cache.get_client(write=True)
    client.expire(_redis_key(store), 100)  # the row's lifetime, as the last full save set it

    flash = SessionStore(session_key=store.session_key)
    flash["_messages"] = "[1]"
    flash.save()

    assert 0 < client.ttl(_redis_key(store)) <= 100
    assert SessionStore(session_key=store.session_key)["_messages"] == "[1]"


def test_messages_go_to_the_row_when_the_cached_copy_is_gone():
    store = SessionStore()
    store["language"] = "de"
    store.create()
    flash = SessionStore(session_key=store.session_key)
    assert flash["language"] == "de"  # read (from the cache) before the copy is lost
    cache.delete(store.cache_key)

    flash["_messages"] = "[2]"
    flash.save()

    row = SessionStore().decode(Session.objects.get(pk=store.session_key).session_data)
    assert (row["language"], row["_messages"]) == ("de", "[2]")
