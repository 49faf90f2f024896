"""The Celery application: JSON only, late acknowledgement, settings from Django."""

import os

from celery import Celery
from celery.signals import task_postrun, task_prerun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network_portal.settings.local")

app = Celery("network_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.autodiscover_tasks(["members.imports"])  # members/imports/tasks.py


@task_prerun.connect
@task_postrun.connect
def _close_old_connections(sender=None, **kwargs) -> None:
    """Reuse the database connection across tasks while it is usable and not older than
    CONN_MAX_AGE (``CELERY_DB_REUSE_MAX`` keeps Celery from closing it every time).
    Not for a task run eagerly: it runs inside the caller's connection and transaction."""
    if getattr(getattr(sender, "request", None), "is_eager", False):
        return
    from django.db import close_old_connections  # noqa: PLC0415 - Django is set up

    close_old_connections()


@task_postrun.connect
def _stale_pages_after_task(**kwargs) -> None:
    """A task that wrote to the portal's tables makes the cached public pages stale."""
    from network_portal.page_cache import generation_moved_on  # noqa: PLC0415 - Django is set up

    generation_moved_on()
