"""The health check: is the database, the cache and the broker reachable?"""

from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from kombu import Connection

OK = "ok"
# Seconds a check may wait for a service; a load balancer's probe must not hang.
TIMEOUT = 2


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
    """Connect once to the broker the settings name now; no retries, so a dead one shows at once.

    Celery's own ``ensure_connection`` would wait two seconds before its retry.
    """
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "eager"
    timeouts = {"socket_connect_timeout": TIMEOUT, "socket_timeout": TIMEOUT}
    broker = Connection(
        settings.CELERY_BROKER_URL, connect_timeout=TIMEOUT, transport_options=timeouts
    )
    with broker:
        broker.ensure_connection(max_retries=0, timeout=TIMEOUT)
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
