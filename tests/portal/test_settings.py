"""Settings loading, and configuration mistakes reported in one line instead of a traceback.

The subprocess tests start ``manage.py`` with a controlled environment, as an operator would.
"""

import json
import os
import secrets
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

PROJECT_ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = "network_portal.settings.production"
LOCAL = "network_portal.settings.local"
SHOW_SETTINGS = (
    "import json; from django.conf import settings as s; "
    "print(json.dumps({'engine': s.DATABASES['default']['ENGINE'], "
    "'cache': s.CACHES['default']['BACKEND'], 'eager': s.CELERY_TASK_ALWAYS_EAGER, "
    "'broker': s.CELERY_BROKER_URL, 'debug': s.DEBUG, 'time_zone': s.TIME_ZONE, "
    "'use_tz': s.USE_TZ, 'language': s.LANGUAGE_CODE}))"
)


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    """Run ``manage.py`` with only PATH, HOME, LANG and ``env`` in its environment."""
    environment = {name: os.environ[name] for name in ("PATH", "HOME") if name in os.environ}
    environment |= {"LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1", **env}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def production_env(**overrides: str) -> dict[str, str]:
    return {
        "DJANGO_SETTINGS_MODULE": PRODUCTION,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "portal.example.org",
        "DATABASE_URL": os.environ["DATABASE_URL"],  # set by the test settings
        "PORTAL_IMPRINT_CONTACT": "Netzwerk e.V., Musterstraße 1, 44135 Dortmund",
        "PORTAL_PRIVACY_CONTACT": "datenschutz@portal.example.org",
        **overrides,
    }


def free_port() -> int:
    """A local TCP port where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def assert_one_line_failure(result: subprocess.CompletedProcess, *words: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0]


# --- Production: mistakes in one line ----------------------------------------------------


def test_production_settings_without_secret_key_fail_in_one_line():
    env = production_env()
    del env["SECRET_KEY"]
    result = manage("check", **env)
    assert_one_line_failure(result, "SECRET_KEY")
    assert result.stderr.startswith("Configuration error: SECRET_KEY is not set.")


@pytest.mark.parametrize("name", ["PORTAL_IMPRINT_CONTACT", "PORTAL_PRIVACY_CONTACT"])
def test_production_settings_without_legal_contact_fail_in_one_line(name):
    """No Impressum or privacy contact, no portal: a public agency may not run without."""
    env = production_env()
    del env[name]
    result = manage("check", **env)
    assert_one_line_failure(result, name)
    assert result.stderr.startswith(f"Configuration error: {name} is not set.")


def test_production_settings_with_blank_legal_contact_fail_in_one_line():
    result = manage("check", **production_env(PORTAL_PRIVACY_CONTACT=""))
    assert_one_line_failure(result, "PORTAL_PRIVACY_CONTACT")


def test_production_settings_pass_deploy_check_with_required_variables():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_with_short_secret_key_fail_deploy_check():
    env = production_env(SECRET_KEY="too-short")
    result = manage("check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode == 1
    assert "security.W009" in result.stderr


def test_database_url_with_unknown_scheme_fails_in_one_line():
    result = manage("check", **production_env(DATABASE_URL="nosuchdb://x"))
    assert_one_line_failure(result, "DATABASE_URL", "nosuchdb")
    assert "postgres://" in result.stderr


def test_database_url_without_scheme_fails_in_one_line():
    result = manage("check", **production_env(DATABASE_URL="not-a-url"))
    assert_one_line_failure(result, "DATABASE_URL")


def test_database_url_with_bad_port_fails_in_one_line():
    result = manage("check", **production_env(DATABASE_URL="postgres://127.0.0.1:abc/x"))
    assert_one_line_failure(result, "DATABASE_URL", "abc")


def test_database_url_without_database_name_fails_in_one_line():
    result = manage("check", **production_env(DATABASE_URL="postgres://127.0.0.1:5432"))
    assert_one_line_failure(result, "DATABASE_URL names no database")


def test_migrate_against_closed_database_port_fails_in_one_line():
    url = f"postgres://127.0.0.1:{free_port()}/network_portal"
    result = manage("migrate", "--noinput", **production_env(DATABASE_URL=url))
    assert_one_line_failure(result, "database", "DATABASE_URL", "Connection refused")
    assert result.stderr.startswith("Cannot use the database:")


def test_migrate_against_closed_database_port_does_not_show_password():
    url = f"postgres://portal:very-secret-word@127.0.0.1:{free_port()}/network_portal"
    result = manage("migrate", "--noinput", **production_env(DATABASE_URL=url))
    assert_one_line_failure(result, "database")
    assert "very-secret-word" not in result.stderr


# --- Local settings: the embedded default of ``make run`` --------------------------------


def test_local_settings_default_to_sqlite_eager_tasks_and_memory_cache():
    result = manage("shell", "--no-imports", "-c", SHOW_SETTINGS, DJANGO_SETTINGS_MODULE=LOCAL)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "engine": "django.db.backends.sqlite3",
        "cache": "django.core.cache.backends.locmem.LocMemCache",
        "eager": True,
        "broker": "memory://",
        "debug": True,
        "time_zone": "Europe/Berlin",
        "use_tz": True,
        "language": "de",
    }


def test_local_settings_use_redis_when_redis_url_is_set():
    env = {"DJANGO_SETTINGS_MODULE": LOCAL, "REDIS_URL": "redis://127.0.0.1:6379/13"}
    result = manage("shell", "--no-imports", "-c", SHOW_SETTINGS, **env)
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["cache"] == "network_portal.cache.PortalRedisCache"
    assert shown["eager"] is False
    assert shown["broker"] == "redis://127.0.0.1:6379/13"


# --- Test settings: real services, checked in this process -------------------------------


def test_test_settings_use_postgresql():
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def test_test_settings_use_redis_for_cache_and_broker():
    assert settings.CACHES["default"]["BACKEND"] == "network_portal.cache.PortalRedisCache"
    assert settings.CACHES["default"]["LOCATION"] == settings.REDIS_URL
    assert settings.CELERY_BROKER_URL == settings.REDIS_URL
    assert settings.REDIS_URL.startswith("redis://")
    assert settings.CELERY_TASK_ALWAYS_EAGER is False


def test_test_settings_keep_debug_off():
    assert settings.DEBUG is False


def test_settings_use_berlin_time_and_german():
    assert settings.TIME_ZONE == "Europe/Berlin"
    assert settings.USE_TZ is True
    assert settings.LANGUAGE_CODE == "de"
    assert [code for code, _name in settings.LANGUAGES] == ["de", "en"]
