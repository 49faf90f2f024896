"""Settings for ``make test``: real PostgreSQL and Redis, fast password hashing."""

import os

os.environ.setdefault("DATABASE_URL", "postgres://127.0.0.1:5432/network_portal")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/15")
os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production")

from network_portal.settings.base import *  # noqa: F403
from network_portal.settings.base import CACHES

DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
PORTAL_REQUIRE_MFA_FOR_STAFF = False
# Tests decide themselves whether a task runs: by capturing on-commit callbacks or
# by starting a real worker. Nothing runs eagerly behind their back.
CELERY_TASK_ALWAYS_EAGER = False
# The tests' worker runs in a thread of the test process (``celery_worker`` fixture): it
# closes its database connection after every task, else the connection outlives the test
# database. Reusing it (production) is measured by ``make bench``.
CELERY_DB_REUSE_MAX = None
CACHES["default"]["KEY_PREFIX"] = "np-test"
# Tests count the queries of pages as rendered; the page cache is on where it is the subject
# (tests/portal/test_page_cache.py, tests/events/test_manager_page_cache.py) and in the
# end-to-end journeys (tests/e2e/conftest.py), as in production.
PORTAL_PAGE_CACHE_SECONDS = 0
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files from the source folders, as runserver does; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
