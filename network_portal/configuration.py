"""Helpers that turn configuration mistakes into one clear line instead of a traceback."""

import sys
import warnings
from collections.abc import Callable
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured


class ConfigurationError(ImproperlyConfigured):
    """A setting is missing or wrong; the message says which and what to do."""


def env_required(env, name: str, *, unless: bool, dev_default: str) -> str:
    """Read a setting that must be set in production; ``unless`` allows a dev default."""
    value = env.str(name, default="")
    if value:
        return value
    if unless:
        return dev_default
    raise ConfigurationError(
        f"{name} is not set. Set the {name} environment variable (required when DEBUG is off)."
    )


DATABASE_ENGINES = {
    "django.db.backends.postgresql": "postgres://host:5432/name",
    "django.db.backends.sqlite3": "sqlite:////path/to/file.sqlite3",
}


def database_from_env(env, name: str, *, default: str) -> dict:
    """The database named by the URL in ``name``; PostgreSQL or SQLite, else one clear error."""
    scheme = urlsplit(env.str(name, default=default)).scheme or "(none)"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # django-environ warns before returning {}
            database = env.db_url(name, default=default)
    except ValueError as error:
        raise ConfigurationError(f"{name} cannot be read: {error}.") from None
    examples = " or ".join(DATABASE_ENGINES.values())
    if database.get("ENGINE") not in DATABASE_ENGINES:
        raise ConfigurationError(f"{name} has an unknown scheme {scheme!r}; use {examples}.")
    if not database.get("NAME"):
        raise ConfigurationError(f"{name} names no database; use {examples}.")
    return database


def run_reporting_failures(main: Callable[[], None]) -> None:
    """Run ``main``; report configuration and connection problems in one line."""
    from django.db.utils import OperationalError as DatabaseError  # noqa: PLC0415

    try:
        main()
    except ImproperlyConfigured as error:
        _fail(f"Configuration error: {_first_line(error)}")
    except DatabaseError as error:
        _fail(f"Cannot use the database: {_first_line(error)} (check DATABASE_URL).")
    except _broker_errors() as error:
        _fail(f"Cannot reach Redis: {_first_line(error)} (check REDIS_URL).")


def _broker_errors() -> tuple[type[BaseException], ...]:
    from kombu.exceptions import OperationalError as BrokerError  # noqa: PLC0415
    from redis.exceptions import ConnectionError as RedisConnectionError  # noqa: PLC0415

    return (BrokerError, RedisConnectionError)


def _first_line(error: BaseException) -> str:
    text = str(error).strip() or error.__class__.__name__
    return text.splitlines()[0]


def _fail(message: str) -> None:
    sys.stderr.write(message + "\n")
    raise SystemExit(2)
