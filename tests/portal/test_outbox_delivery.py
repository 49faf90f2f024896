"""Mail goes Django → outbox row → (after commit) a real Celery worker → a real SMTP server."""

import socket
from datetime import datetime, timedelta

import environ
import pytest
import redis
from django.core.mail import EmailMessage, send_mail
from django.db import transaction
from django.utils import timezone

from network_portal import celery_app, outbox, outbox_delivery
from network_portal.models import OutgoingMail
from network_portal.tasks import outbox_sweep
from tests.portal.outbox_helpers import (
    Status,
    broker_tasks,
    deliver,
    queued_mail,
    settled,
    worker_db,
)


def _send_welcome(recipient: str = "anna@example.org", key: str = "") -> int:
    headers = {"X-Portal-Key": key} if key else {}
    message = EmailMessage(
        subject="Willkommen im Netzwerk",
        body="Hallo Anna,\nwillkommen im Netzwerkportal.",
        from_email="Netzwerkportal <portal@example.org>",
        to=[recipient],
        headers=headers,
    )
    return message.send()


def _queue_length(settings) -> int:
    with redis.Redis.from_url(settings.CELERY_BROKER_URL) as client:
        return client.llen(celery_app.conf.task_default_queue)


@pytest.mark.django_db
def test_send_mail_without_email_url_kept_and_not_queued(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "network_portal.mail.OutboxBackend"  # the test runner uses locmem
    settings.OUTBOX_DELIVERY = None
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        sent = send_mail("Betreff", "Text", "portal@example.org", ["anna@example.org"])
    assert sent == 1
    assert callbacks == []
    assert _queue_length(settings) == 0
    mail = OutgoingMail.objects.get()
    assert (mail.status, mail.recipient) == (Status.KEPT, "anna@example.org")
    assert (mail.subject, mail.body_text) == ("Betreff", "Text")


def _unreachable_server() -> dict:
    with socket.socket() as probe:  # a port nobody listens on: the connection is refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return environ.Env.email_url_config(f"smtp://127.0.0.1:{port}")


@pytest.mark.django_db
def test_mails_deliver_server_unreachable_queued_again_with_a_task_for_then(
    settings, django_capture_on_commit_callbacks
):
    settings.OUTBOX_DELIVERY = _unreachable_server()
    mail = queued_mail()
    before = timezone.now()
    delivery = deliver([mail.pk], django_capture_on_commit_callbacks)
    mail.refresh_from_db()
    assert (mail.status, mail.attempts, mail.sent_at) == (Status.QUEUED, 1, None)
    assert "refused" in mail.last_error
    assert (delivery.claimed, delivery.sent, delivery.queued_again) == (1, 0, 1)
    waited = (mail.next_attempt_at - before).total_seconds()
    assert 15 <= waited <= 46
    [(task, kwargs, eta)] = broker_tasks(settings)
    assert (task, kwargs) == ("network_portal.deliver_mails", {"mail_ids": [mail.pk]})
    assert abs((datetime.fromisoformat(eta) - mail.next_attempt_at).total_seconds()) < 1
    celery_app.control.purge()


@pytest.mark.django_db
def test_mails_deliver_last_attempt_unreachable_failed(
    settings, django_capture_on_commit_callbacks
):
    settings.OUTBOX_DELIVERY = _unreachable_server()
    mail = queued_mail(attempts=outbox_delivery.MAX_ATTEMPTS - 1)
    assert deliver([mail.pk], django_capture_on_commit_callbacks).failed == 1
    mail.refresh_from_db()
    assert (mail.status, mail.attempts) == (Status.FAILED, outbox_delivery.MAX_ATTEMPTS)
    assert "refused" in mail.last_error
    assert broker_tasks(settings) == []


@pytest.mark.django_db
def test_mails_deliver_greylisted_recipient_queued_again(
    settings, smtp_sink, django_capture_on_commit_callbacks
):
    smtp_sink.refused["anna@example.org"] = "451 4.7.1 Greylisted, try again later"
    mail = queued_mail()
    assert deliver([mail.pk], django_capture_on_commit_callbacks).queued_again == 1
    mail.refresh_from_db()
    assert (mail.status, mail.attempts) == (Status.QUEUED, 1)
    assert "Greylisted" in mail.last_error
    assert [kwargs for _task, kwargs, _eta in broker_tasks(settings)] == [{"mail_ids": [mail.pk]}]
    celery_app.control.purge()


@worker_db
def test_send_mail_with_worker_delivered_once_and_marked_sent(celery_worker, smtp_sink, wait_until):
    before = timezone.now()
    assert _send_welcome() == 1
    mail = OutgoingMail.objects.get()
    assert wait_until(settled(mail.pk))
    mail.refresh_from_db()
    assert (mail.status, mail.attempts, mail.last_error) == (Status.SENT, 1, "")
    assert mail.sent_at >= before
    assert smtp_sink.envelopes == [("portal@example.org", ["anna@example.org"])]
    [message] = smtp_sink.messages
    assert message["Subject"] == "Willkommen im Netzwerk"
    assert message["To"] == "anna@example.org"
    assert message["From"] == "Netzwerkportal <portal@example.org>"
    assert message["X-Portal-Key"] == mail.key
    assert message.get_content() == "Hallo Anna,\nwillkommen im Netzwerkportal.\n"


@worker_db
def test_send_mail_same_key_twice_one_row_one_message(
    settings, celery_worker, smtp_sink, wait_until
):
    assert _send_welcome(key="welcome:anna") == 1
    assert _send_welcome(key="welcome:anna") == 1
    mail = OutgoingMail.objects.get()
    assert wait_until(settled(mail.pk))
    assert wait_until(lambda: _queue_length(settings) == 0)
    assert [message["X-Portal-Key"] for message in smtp_sink.messages] == ["welcome:anna"]
    assert OutgoingMail.objects.get().status == Status.SENT


@worker_db
def test_send_mail_refused_recipient_failed_with_error(celery_worker, smtp_sink, wait_until):
    smtp_sink.refused["gone@example.org"] = "550 5.1.1 Mailbox unavailable"
    _send_welcome(recipient="gone@example.org")
    mail = OutgoingMail.objects.get()
    assert wait_until(settled(mail.pk))
    mail.refresh_from_db()
    assert (mail.status, mail.attempts, mail.sent_at) == (Status.FAILED, 1, None)
    assert "550" in mail.last_error
    assert "Mailbox unavailable" in mail.last_error
    assert smtp_sink.messages == []


@worker_db
def test_send_mail_message_refused_failed_with_error(celery_worker, smtp_sink, wait_until):
    smtp_sink.data_reply = "554 5.6.0 Message rejected as spam"
    _send_welcome()
    mail = OutgoingMail.objects.get()
    assert wait_until(settled(mail.pk))
    mail.refresh_from_db()
    assert (mail.status, mail.attempts, mail.sent_at) == (Status.FAILED, 1, None)
    assert "Message rejected as spam" in mail.last_error
    assert smtp_sink.messages == []


@worker_db
def test_send_mail_keyed_to_two_recipients_one_row_and_message_each(
    celery_worker, smtp_sink, wait_until
):
    EmailMessage(
        subject="Einladung",
        body="Sie sind eingeladen.",
        from_email="portal@example.org",
        to=["anna@example.org"],
        cc=["ben@example.org"],
        headers={"X-Portal-Key": "invitation:7"},
    ).send()
    keys = ["invitation:7:anna@example.org", "invitation:7:ben@example.org"]
    assert sorted(OutgoingMail.objects.values_list("key", flat=True)) == keys
    assert wait_until(lambda: OutgoingMail.objects.filter(status=Status.SENT).count() == 2)
    assert sorted(recipients for _sender, recipients in smtp_sink.envelopes) == [
        ["anna@example.org"],
        ["ben@example.org"],
    ]


@worker_db
def test_outbox_sweep_stuck_and_lost_mail_delivered_once(celery_worker, smtp_sink, wait_until):
    old = outbox.STUCK_AFTER + timedelta(minutes=1)
    stuck = _old_mail(key="stuck", age=old, status=Status.SENDING, attempts=1)  # worker died
    lost = _old_mail(key="lost", age=old, status=Status.QUEUED, attempts=0)  # task never sent
    outbox_sweep.delay()  # as beat does: the worker sweeps, then delivers what it re-queued
    assert wait_until(lambda: settled(stuck.pk)() and settled(lost.pk)())
    assert _status_and_attempts() == {"stuck": (Status.SENT, 2), "lost": (Status.SENT, 1)}
    assert sorted(message["X-Portal-Key"] for message in smtp_sink.messages) == ["lost", "stuck"]
    assert outbox.outbox_sweep() == 0


@pytest.mark.django_db
def test_outbox_sweep_recent_or_retrying_mail_left_alone(settings, smtp_sink):
    old = outbox.STUCK_AFTER + timedelta(minutes=1)
    _old_mail(key="recent", age=timedelta(minutes=1), status=Status.SENDING, attempts=1)
    retrying = _old_mail(key="retrying", age=old, status=Status.QUEUED, attempts=2)
    retry_at = timezone.now() + timedelta(minutes=5)  # its task retries then
    OutgoingMail.objects.filter(pk=retrying.pk).update(next_attempt_at=retry_at)
    assert outbox.outbox_sweep() == 0
    assert _status_and_attempts() == {
        "recent": (Status.SENDING, 1),
        "retrying": (Status.QUEUED, 2),
    }
    assert _queue_length(settings) == 0


def _old_mail(*, key: str, age: timedelta, status: str, attempts: int) -> OutgoingMail:
    mail = OutgoingMail.objects.create(
        key=key,
        recipient="anna@example.org",
        from_email="portal@example.org",
        subject="Erinnerung",
        body_text="Morgen ist das Treffen.",
        status=status,
        attempts=attempts,
    )
    claimed = timezone.now() - age if attempts else None
    OutgoingMail.objects.filter(pk=mail.pk).update(
        created_at=timezone.now() - age, claimed_at=claimed
    )
    return mail


def _status_and_attempts() -> dict[str, tuple[str, int]]:
    rows = OutgoingMail.objects.values_list("key", "status", "attempts")
    return {key: (status, attempts) for key, status, attempts in rows}


@pytest.mark.django_db
def test_outbox_sweep_marks_mail_handed_to_the_server_uncertain_and_sends_nothing(
    settings, smtp_sink
):
    old = outbox.STUCK_AFTER + timedelta(minutes=1)
    handed = _old_mail(key="handed", age=old, status=Status.SENDING, attempts=1)
    OutgoingMail.objects.filter(pk=handed.pk).update(handed_over_at=timezone.now() - old)

    assert outbox.outbox_sweep() == 1

    handed.refresh_from_db()
    assert (handed.status, handed.attempts) == (Status.UNCERTAIN, 1)
    assert "worker stopped" in handed.last_error
    assert _queue_length(settings) == 0
    assert smtp_sink.messages == []
    assert outbox.outbox_sweep() == 0


@pytest.mark.django_db
def test_outbox_sweep_requeues_a_retry_overdue_by_the_stuck_time(
    settings, smtp_sink, django_capture_on_commit_callbacks
):
    celery_app.control.purge()
    old = outbox.STUCK_AFTER + timedelta(minutes=1)
    overdue = _old_mail(key="overdue", age=old * 2, status=Status.QUEUED, attempts=3)
    OutgoingMail.objects.filter(pk=overdue.pk).update(next_attempt_at=timezone.now() - old)

    with django_capture_on_commit_callbacks(execute=True):
        assert outbox.outbox_sweep() == 1

    assert _queue_length(settings) == 1
    celery_app.control.purge()


@pytest.mark.parametrize(("attempts", "ceiling"), [(1, 30), (2, 60), (4, 240), (20, 1800)])
def test_retry_delay_grows_exponentially_with_jitter_up_to_half_an_hour(attempts, ceiling):
    delays = {outbox_delivery.retry_delay(attempts) for _ in range(50)}
    assert all(15 <= delay <= 15 + ceiling for delay in delays)
    assert len(delays) > 1


@worker_db
def test_mail_with_attachment_arrives_with_the_file(celery_worker, smtp_sink, wait_until):
    calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"
    with transaction.atomic():
        mail = outbox.mail_enqueue(
            key="with-file",
            kind="test",
            recipient="anna@example.org",
            language="de",
            from_email="portal@example.org",
            subject="Ihre Anmeldung",
            body_text="Im Anhang der Termin.",
            attachments=[outbox.Attachment("termin.ics", calendar, "text/calendar")],
        )
    assert wait_until(settled(mail.pk))
    message = smtp_sink.wait_for(1)[0]
    files = list(message.iter_attachments())
    assert [part.get_filename() for part in files] == ["termin.ics"]
    assert files[0].get_content_type() == "text/calendar"
    assert "BEGIN:VCALENDAR" in files[0].get_content()
    mail.refresh_from_db()
    assert mail.attachments == [
        {"name": "termin.ics", "content": calendar, "type": "text/calendar"}
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "case", [("mark_delivered", Status.SENT, 0), ("send_again", Status.QUEUED, 1)]
)
@pytest.mark.usefixtures("smtp_sink")
def test_platform_admin_settles_uncertain_mail_in_the_admin(
    client, world, settings, django_capture_on_commit_callbacks, case
):
    action, status, queued = case
    celery_app.control.purge()
    uncertain = _old_mail(key="unsure", age=timedelta(hours=1), status=Status.UNCERTAIN, attempts=1)
    sent = _old_mail(key="done", age=timedelta(hours=1), status=Status.SENT, attempts=1)
    client.force_login(world.platform_admin)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/network_portal/outgoingmail/",
            {"action": action, "_selected_action": [uncertain.pk, sent.pk]},
            follow=True,
        )

    assert response.status_code == 200
    uncertain.refresh_from_db()
    sent.refresh_from_db()
    assert uncertain.status == status
    assert sent.status == Status.SENT
    assert _queue_length(settings) == queued
    celery_app.control.purge()
