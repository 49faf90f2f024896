"""``queue_after_commit`` sends a task to the real Redis broker only once its data is committed."""

import base64
import json
from contextlib import suppress

import pytest
import redis
from django.db import transaction

from network_portal import celery_app
from network_portal.tasks import deliver_mails
from network_portal.tasks_queue import queue_after_commit

pytestmark = pytest.mark.django_db


class RollbackError(Exception):
    """Raised to roll an atomic block back, as a failing request would."""


@pytest.fixture
def broker_queue(settings):
    """The messages waiting in the worker's Redis queue, oldest first, decoded."""
    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    name = celery_app.conf.task_default_queue
    client.delete(name)

    def messages() -> list[tuple[str, dict]]:
        return [_decode(raw) for raw in reversed(client.lrange(name, 0, -1))]

    yield messages
    client.delete(name)
    client.close()


def _decode(raw: bytes) -> tuple[str, dict]:
    message = json.loads(raw)
    _args, kwargs, _embed = json.loads(base64.b64decode(message["body"]))
    return message["headers"]["task"], kwargs


def test_queue_after_commit_rolled_back_sends_nothing(
    broker_queue, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        suppress(RollbackError),
        transaction.atomic(),
    ):
        queue_after_commit(deliver_mails, mail_ids=[41])
        raise RollbackError
    assert callbacks == []
    assert broker_queue() == []


def test_queue_after_commit_committed_sends_once_after_commit(
    broker_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            queue_after_commit(deliver_mails, mail_ids=[42, 43])
            assert broker_queue() == []
        assert broker_queue() == []  # the outer (test) transaction has not committed yet
    assert len(callbacks) == 1
    assert broker_queue() == [("network_portal.deliver_mails", {"mail_ids": [42, 43]})]


def test_queue_after_commit_inner_rollback_keeps_outer_task(
    broker_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        queue_after_commit(deliver_mails, mail_ids=[1])
        with suppress(RollbackError), transaction.atomic():
            queue_after_commit(deliver_mails, mail_ids=[2])
            raise RollbackError
    assert broker_queue() == [("network_portal.deliver_mails", {"mail_ids": [1]})]
