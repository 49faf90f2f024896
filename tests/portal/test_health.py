"""/healthz against the real PostgreSQL and Redis, and with a service that is down."""

import socket
import time

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ANSWERS_WITHIN_SECONDS = 5


def free_port() -> int:
    """A local TCP port where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def dead_redis_url() -> str:
    return f"redis://127.0.0.1:{free_port()}/0"


def timed_get(client, url: str):
    started = time.monotonic()
    response = client.get(url)
    return response, time.monotonic() - started


def test_healthz_reports_every_service_ok(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok", "broker": "ok"}


def test_healthz_is_never_cached(client):
    response = client.get(reverse("healthz"))
    assert "no-cache" in response.headers["Cache-Control"]
    assert "no-store" in response.headers["Cache-Control"]


def test_healthz_reports_cache_down_when_redis_port_is_dead(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "network_portal.cache.PortalRedisCache",
            "LOCATION": dead_redis_url(),
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
    response, seconds = timed_get(client, reverse("healthz"))
    assert response.status_code == 503
    states = response.json()
    assert states["status"] == "down"
    assert states["cache"].startswith("down")
    assert (states["database"], states["broker"]) == ("ok", "ok")
    assert seconds < ANSWERS_WITHIN_SECONDS


def test_healthz_reports_broker_down_when_broker_port_is_dead(client, settings):
    settings.CELERY_BROKER_URL = dead_redis_url()
    response, seconds = timed_get(client, reverse("healthz"))
    assert response.status_code == 503
    states = response.json()
    assert states["status"] == "down"
    assert states["broker"].startswith("down")
    assert (states["database"], states["cache"]) == ("ok", "ok")
    assert seconds < ANSWERS_WITHIN_SECONDS


def test_healthz_does_not_reveal_the_broker_address(client, settings):
    settings.CELERY_BROKER_URL = f"redis://:very-secret-word@127.0.0.1:{free_port()}/0"
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert "very-secret-word" not in response.content.decode()
    assert "127.0.0.1" not in response.content.decode()


def test_healthz_reports_eager_broker_in_embedded_mode(client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.CELERY_BROKER_URL = "memory://"
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json()["broker"] == "eager"


def test_healthz_answers_only_get(client):
    response = client.post(reverse("healthz"))
    assert response.status_code == 405


def test_livez_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(reverse("livez"))
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response.headers["Content-Type"] == "text/plain"


def test_livez_answers_while_every_service_is_down(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "network_portal.cache.PortalRedisCache",
            "LOCATION": dead_redis_url(),
        }
    }
    settings.CELERY_BROKER_URL = dead_redis_url()
    response = client.get(reverse("livez"))
    assert response.status_code == 200
