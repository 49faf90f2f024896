"""Queue Celery tasks only after the surrounding transaction commits.

A task queued inside a transaction could run before the data it needs is visible,
or run for a change that is then rolled back. Always go through this helper.
"""

from functools import partial

from celery import Task
from django.db import transaction


def queue_after_commit(
    task: Task, *, countdown: float | None = None, **kwargs: int | str | list[int]
) -> None:
    """Send ``task`` with keyword-only ids once the current transaction commits; to be
    run ``countdown`` seconds later if given.

    Outside a transaction the task is sent at once. Arguments carry ids only,
    never personal data.
    """
    transaction.on_commit(partial(task.apply_async, kwargs=kwargs, countdown=countdown))
