"""The health check: is the database, the cache and the broker reachable?"""

from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import connection

OK = "ok"


def check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return OK


def check_cache() -> str:
    cache.set("healthz", "1", timeout=10)
    if cache.get("healthz") != "1":
        raise RuntimeError("value written was not read back")
    return OK


def check_broker() -> str:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "eager"
    from network_portal.celery import app  # noqa: PLC0415

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
    return OK


CHECKS: dict[str, Callable[[], str]] = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
}


def service_states() -> dict[str, str]:
    """Each service's state: 'ok', 'eager' (embedded mode), or 'down: <reason>'."""
    states = {}
    for name, check in CHECKS.items():
        try:
            states[name] = check()
        except Exception as error:
            states[name] = f"down: {error.__class__.__name__}"
    return states


def is_healthy(states: dict[str, str]) -> bool:
    return not any(state.startswith("down") for state in states.values())
