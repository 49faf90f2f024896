"""The Celery application: JSON only, late acknowledgement, settings from Django."""

import os

from celery import Celery
from celery.signals import task_postrun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network_portal.settings.local")

app = Celery("network_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.autodiscover_tasks(["members.imports"])  # members/imports/tasks.py


@task_postrun.connect
def _stale_pages_after_task(**kwargs) -> None:
    """A task that wrote to the portal's tables makes the cached public pages stale."""
    from network_portal.page_cache import generation_moved_on  # noqa: PLC0415 - Django is set up

    generation_moved_on()
