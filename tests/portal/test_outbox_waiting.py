"""Mail recorded on its own (a confirmation, a notice) is delivered by ``deliver_waiting``:
at most one such task waits at a time and takes every mail waiting when it runs."""

import threading

import pytest
from django.db import transaction

from network_portal import celery_app, outbox, outbox_delivery
from network_portal.models import OutgoingMail
from tests.portal.outbox_helpers import Status, broker_tasks, rendered_mail, worker_db

WAITING = "network_portal.deliver_waiting"


def _record(number: int) -> OutgoingMail:
    mail = rendered_mail(
        number, prefix="confirmation", subject="Anmeldebestätigung", body="Sie sind angemeldet."
    )
    return outbox.mail_enqueue(**mail.fields())


def _queued_tasks(settings) -> list[str]:
    return [task for task, _kwargs, _eta in broker_tasks(settings)]


@pytest.fixture
def purged():
    celery_app.control.purge()
    yield
    celery_app.control.purge()


@pytest.mark.django_db
def test_mails_recorded_before_the_task_runs_share_it_and_one_connection(
    settings, smtp_sink, purged, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first, second, third = _record(1), _record(2), _record(3)
    assert _queued_tasks(settings) == [WAITING]  # one task for the three

    delivery = outbox_delivery.waiting_deliver()

    assert (delivery.claimed, delivery.sent) == (3, 3)
    assert smtp_sink.connections == 1
    assert [message["To"] for message in smtp_sink.messages] == [
        "person1@example.org",
        "person2@example.org",
        "person3@example.org",
    ]
    statuses = OutgoingMail.objects.filter(pk__in=[first.pk, second.pk, third.pk])
    assert set(statuses.values_list("status", flat=True)) == {Status.SENT}


@worker_db  # real commits, one after the other (no worker: the test runs the task)
def test_a_mail_recorded_once_the_task_started_gets_a_task_of_its_own(settings, smtp_sink, purged):
    _record(1)
    assert _queued_tasks(settings) == [WAITING]
    outbox_delivery.waiting_deliver()  # the task runs: it frees the key first
    later = _record(2)
    assert _queued_tasks(settings) == [WAITING, WAITING]

    delivery = outbox_delivery.waiting_deliver()
    assert (delivery.claimed, delivery.sent) == (1, 1)
    later.refresh_from_db()
    assert later.status == Status.SENT


@pytest.mark.django_db
def test_a_rolled_back_mail_queues_nothing(settings, smtp_sink, purged):
    def record_then_fail() -> None:
        with transaction.atomic():
            _record(1)
            raise RuntimeError

    with pytest.raises(RuntimeError):
        record_then_fail()
    assert _queued_tasks(settings) == []
    assert not OutgoingMail.objects.exists()


@pytest.mark.django_db
def test_more_than_a_batch_waiting_the_task_queues_the_next(
    settings, smtp_sink, purged, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(outbox_delivery.BATCH + 5):
            _record(number)
    assert _queued_tasks(settings) == [WAITING]

    first = outbox_delivery.waiting_deliver()
    assert first.sent == outbox_delivery.BATCH
    assert _queued_tasks(settings) == [WAITING, WAITING]  # the next one, for the rest
    second = outbox_delivery.waiting_deliver()
    assert second.sent == 5
    assert _queued_tasks(settings) == [WAITING, WAITING]  # nothing more after a short batch
    assert OutgoingMail.objects.exclude(status=Status.SENT).count() == 0


@pytest.mark.django_db
def test_mail_planned_for_a_retry_or_already_claimed_is_not_taken(
    settings, smtp_sink, purged, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        retry, sending, waiting = _record(1), _record(2), _record(3)
    OutgoingMail.objects.filter(pk=retry.pk).update(
        attempts=1, next_attempt_at=retry.created_at.replace(year=2099)
    )
    OutgoingMail.objects.filter(pk=sending.pk).update(status=Status.SENDING)

    delivery = outbox_delivery.waiting_deliver()

    assert (delivery.claimed, delivery.sent) == (1, 1)
    assert [message["To"] for message in smtp_sink.messages] == ["person3@example.org"]
    statuses = dict(OutgoingMail.objects.values_list("pk", "status"))
    assert statuses == {
        retry.pk: Status.QUEUED,
        sending.pk: Status.SENDING,
        waiting.pk: Status.SENT,
    }


@worker_db
def test_a_burst_from_many_threads_arrives_once_each_in_fewer_connections(
    celery_worker, smtp_sink, wait_until
):
    """Eight threads record 15 confirmations each, every one in its own transaction,
    while the real worker delivers: each mail arrives once."""
    start = threading.Barrier(8)

    def record_fifteen(thread: int) -> None:
        start.wait()
        try:
            for number in range(15):
                with transaction.atomic():
                    _record(thread * 100 + number)
        finally:
            from django.db import connection  # noqa: PLC0415

            connection.close()

    threads = [threading.Thread(target=record_fifteen, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    def all_sent() -> bool:
        return OutgoingMail.objects.filter(status=Status.SENT).count() == 120

    assert wait_until(all_sent, timeout=60), list(
        OutgoingMail.objects.values_list("status", flat=True)
    )
    arrived = [message["To"] for message in smtp_sink.messages]
    assert len(arrived) == len(set(arrived)) == 120
    assert smtp_sink.connections <= 30  # batches of waiting mail, not a connection each


@pytest.mark.django_db
def test_a_transaction_recording_many_mails_asks_for_one_task(
    settings, smtp_sink, purged, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        for number in range(5):
            _record(number)
    assert len(callbacks) == 1
    for callback in callbacks:
        callback()
    assert _queued_tasks(settings) == [WAITING]
