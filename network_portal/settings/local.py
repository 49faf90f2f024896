"""The embedded default for ``make run``: SQLite, no Redis, tasks eager, mail kept in the outbox.

Every value can still be overridden from the environment.
"""

import os

os.environ.setdefault("DEBUG", "true")

from network_portal.settings.base import *  # noqa: F403

ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
