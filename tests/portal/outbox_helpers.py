"""Helpers shared by the outbox delivery tests (single mails and batches)."""

import base64
import json

import pytest
import redis

from network_portal import celery_app, outbox, outbox_delivery
from network_portal.models import OutgoingMail

Status = OutgoingMail.Status
worker_db = pytest.mark.django_db(transaction=True)


def settled(mail_id: int):
    return lambda: OutgoingMail.objects.get(pk=mail_id).status in {Status.SENT, Status.FAILED}


def rendered_mail(
    number: int,
    *,
    prefix: str,
    subject: str = "Einladung",
    body: str = "Sie sind eingeladen.",
    html: str = "",
) -> outbox.RenderedMail:
    """Mail number ``number`` of a test, to person<number>@example.org, key prefix:number."""
    return outbox.RenderedMail(
        key=f"{prefix}:{number}",
        kind="test",
        recipient=f"person{number}@example.org",
        language="de",
        subject=subject,
        body_text=body,
        body_html=html,
    )


def queued_mail(*, attempts: int = 0) -> OutgoingMail:
    return OutgoingMail.objects.create(
        key="welcome:anna",
        recipient="anna@example.org",
        from_email="portal@example.org",
        subject="Willkommen",
        body_text="Hallo",
        attempts=attempts,
    )


def deliver(mail_ids: list[int], capture) -> outbox_delivery.Delivery:
    """Deliver as the task does (outside a transaction: retries are queued at once)."""
    celery_app.control.purge()
    with capture(execute=True):
        return outbox_delivery.mails_deliver(mail_ids=mail_ids)


def broker_tasks(settings) -> list[tuple[str, dict, str | None]]:
    """(task, kwargs, eta) of the messages waiting in the worker's Redis queue, oldest first."""
    with redis.Redis.from_url(settings.CELERY_BROKER_URL) as client:
        raw = client.lrange(celery_app.conf.task_default_queue, 0, -1)
    tasks = []
    for item in reversed(raw):
        message = json.loads(item)
        _args, kwargs, _embed = json.loads(base64.b64decode(message["body"]))
        tasks.append((message["headers"]["task"], kwargs, message["headers"]["eta"]))
    return tasks
