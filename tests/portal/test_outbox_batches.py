"""Mails delivered in batches: one connection and one task per batch, each mail by its own rules."""

import threading

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from network_portal import celery_app, outbox, outbox_delivery
from network_portal.models import MailPreference, OutgoingMail
from network_portal.tasks import deliver_mail
from tests.portal.outbox_helpers import (
    Status,
    broker_tasks,
    deliver,
    queued_mail,
    rendered_mail,
    settled,
    worker_db,
)


def _mails(count: int, prefix: str = "batch") -> list[int]:
    rows = OutgoingMail.objects.bulk_create(
        OutgoingMail(
            key=f"{prefix}:{number}",
            kind="event-invitation",
            recipient=f"{prefix}{number}@example.org",
            from_email="portal@example.org",
            subject=f"Einladung {number}",
            body_text="Sie sind eingeladen.",
        )
        for number in range(count)
    )
    return [row.pk for row in rows]


@pytest.mark.django_db
def test_mails_deliver_batch_over_one_connection_each_mail_by_its_own_rules(
    settings, smtp_sink, django_capture_on_commit_callbacks
):
    ids = _mails(6)
    smtp_sink.refused["batch1@example.org"] = "550 5.1.1 Mailbox unavailable"
    smtp_sink.refused["batch3@example.org"] = "452 4.2.2 Mailbox full"
    MailPreference.objects.create(email="batch4@example.org", invitations=False)
    OutgoingMail.objects.filter(pk=ids[5]).update(status=Status.SENT)  # sent before

    delivery = deliver(ids, django_capture_on_commit_callbacks)

    assert delivery == outbox_delivery.Delivery(
        claimed=5, sent=2, suppressed=1, failed=1, queued_again=1
    )
    assert smtp_sink.connections == 1
    assert [message["X-Portal-Key"] for message in smtp_sink.messages] == ["batch:0", "batch:2"]
    rows = {row.key: row for row in OutgoingMail.objects.all()}
    assert {key: (row.status, row.attempts) for key, row in rows.items()} == {
        "batch:0": (Status.SENT, 1),
        "batch:1": (Status.FAILED, 1),
        "batch:2": (Status.SENT, 1),
        "batch:3": (Status.QUEUED, 1),
        "batch:4": (Status.SUPPRESSED, 1),
        "batch:5": (Status.SENT, 0),
    }
    assert all(rows[key].handed_over_at and rows[key].sent_at for key in ["batch:0", "batch:2"])
    assert "Mailbox unavailable" in rows["batch:1"].last_error
    assert "Mailbox full" in rows["batch:3"].last_error
    assert rows["batch:4"].handed_over_at is None
    assert [kwargs for _task, kwargs, _eta in broker_tasks(settings)] == [
        {"mail_ids": [ids[3]]}  # the full mailbox alone is tried again
    ]
    celery_app.control.purge()


@pytest.mark.django_db
def test_mails_deliver_server_closes_the_connection_rest_queued_again_together(
    settings, smtp_sink, django_capture_on_commit_callbacks
):
    ids = _mails(6)
    smtp_sink.refused["batch2@example.org"] = "421 4.3.2 Service shutting down"

    delivery = deliver(ids, django_capture_on_commit_callbacks)

    assert (delivery.sent, delivery.queued_again) == (2, 4)
    statuses = dict(OutgoingMail.objects.values_list("key", "status"))
    assert statuses == {f"batch:{n}": Status.SENT if n < 2 else Status.QUEUED for n in range(6)}
    handed_over = OutgoingMail.objects.filter(handed_over_at__isnull=False)
    assert sorted(handed_over.values_list("key", flat=True)) == ["batch:0", "batch:1", "batch:2"]
    assert sorted(kwargs["mail_ids"] for _task, kwargs, _eta in broker_tasks(settings)) == [
        [ids[2]],
        ids[3:],
    ]
    celery_app.control.purge()


@pytest.mark.django_db
@pytest.mark.usefixtures("smtp_sink")
def test_mails_deliver_one_statement_per_mail(django_capture_on_commit_callbacks):
    def statements(count: int, prefix: str) -> int:
        ids = _mails(count, prefix)
        with CaptureQueriesContext(connection) as queries:
            assert deliver(ids, django_capture_on_commit_callbacks).sent == count
        return len(queries)

    small, large = statements(5, "small"), statements(25, "large")
    assert large - small == 20
    assert small <= 5 + 6  # claim (savepoint, select, update, release), preferences, last mark


@pytest.mark.django_db
def test_queue_delivery_one_task_per_batch(settings, django_capture_on_commit_callbacks):
    celery_app.control.purge()
    with django_capture_on_commit_callbacks(execute=True):
        outbox_delivery.queue_delivery(range(1, 121))
    assert [kwargs["mail_ids"] for _task, kwargs, _eta in broker_tasks(settings)] == [
        list(range(1, 51)),
        list(range(51, 101)),
        list(range(101, 121)),
    ]
    celery_app.control.purge()


@pytest.mark.django_db
def test_mail_enqueue_known_key_records_nothing_and_the_transaction_goes_on(
    settings, smtp_sink, django_capture_on_commit_callbacks
):
    celery_app.control.purge()
    mail = outbox.RenderedMail(
        key="welcome:anna",
        kind="test",
        recipient="anna@example.org",
        language="de",
        subject="Willkommen",
        body_text="Hallo Anna",
        body_html="",
    )
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        with CaptureQueriesContext(connection) as queries:
            first = outbox.mail_enqueue(**mail.fields())
            again = outbox.mail_enqueue(**{**mail.fields(), "subject": "Noch einmal"})
        assert OutgoingMail.objects.count() == 1  # the transaction is still usable
    assert again is None
    row = OutgoingMail.objects.get()
    assert (row.pk, row.subject, row.status, row.recipient) == (
        first.pk,
        "Willkommen",
        Status.QUEUED,
        "anna@example.org",
    )
    assert row.created_at is not None
    assert len(queries) == 2  # one INSERT each, no savepoint
    assert [task for task, _kwargs, _eta in broker_tasks(settings)] == [
        "network_portal.deliver_waiting"
    ]
    celery_app.control.purge()


@worker_db
def test_mails_claim_two_threads_each_mail_to_exactly_one():
    ids = _mails(20)
    start = threading.Barrier(2)
    results: list[list[int]] = []

    def claim() -> None:
        try:
            start.wait(timeout=5)
            results.append([mail.pk for mail in outbox_delivery.mails_claim(mail_ids=ids)])
        finally:
            connection.close()

    threads = [threading.Thread(target=claim) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=5)
    first, second = results
    assert sorted(first + second) == ids
    rows = OutgoingMail.objects.values_list("status", "attempts")
    assert set(rows) == {(Status.SENDING, 1)}


@worker_db
def test_mails_recorded_together_delivered_by_the_worker_one_connection_per_batch(
    celery_worker, smtp_sink, wait_until
):
    count = 2 * outbox_delivery.BATCH + 20
    recorded = outbox.mails_enqueue(
        [
            rendered_mail(number, prefix="together", html="<p>Sie sind eingeladen.</p>")
            for number in range(count)
        ]
    )
    assert len(recorded) == count
    sent = OutgoingMail.objects.filter(status=Status.SENT)
    assert wait_until(lambda: sent.count() == count, timeout=60)
    assert sorted(message["X-Portal-Key"] for message in smtp_sink.wait_for(count)) == sorted(
        recorded
    )
    assert smtp_sink.connections == 3
    assert set(sent.values_list("attempts", flat=True)) == {1}


@worker_db
def test_task_queued_before_batches_delivers_its_mail(celery_worker, smtp_sink, wait_until):
    mail = queued_mail()
    deliver_mail.delay(mail_id=mail.pk)  # as a message from before the update would
    assert wait_until(settled(mail.pk))
    assert OutgoingMail.objects.get().status == Status.SENT
    assert [message["X-Portal-Key"] for message in smtp_sink.messages] == ["welcome:anna"]
