"""Delivery of the outbox: a batch of queued mail over one SMTP connection, each mail once.

Mail recorded together (an invitation chunk, the reminders that are due) is delivered by
one task per ``BATCH`` mails; mail recorded on its own by ``deliver_waiting``, which takes
the mails waiting then (``queue_waiting_delivery``). The task claims the mails
still queued (a mail another worker holds is skipped: that worker has it), marks the
optional mail whose recipient has since unsubscribed as suppressed, opens one connection
and, mail by mail, records the hand-over, lets the server take the message and marks the
mail sent. The rules are those of a single mail:

- ``handed_over_at`` is committed just before the server receives the message. If the
  worker dies after that, nobody knows whether the server took it: the sweep marks it
  *uncertain* for a manager to check instead of sending it twice. The window is one SMTP
  transaction plus one UPDATE; a mail not yet handed over is queued again by the sweep.
- A refused address or message (5xx) marks that mail failed; a temporary refusal (4xx)
  queues that mail alone again, to be tried after a backoff with jitter. The others go on
  over the same connection.
- A connection that cannot be opened, or breaks off, is a temporary failure of every mail
  of the batch not yet sent: they are queued again together.
- The attempt ``MAX_ATTEMPTS`` is the last: a temporary failure then marks the mail failed.
"""

import logging
import secrets
import smtplib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import connection as database
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from network_portal import preferences
from network_portal.models import OutgoingMail

logger = logging.getLogger(__name__)

Status = OutgoingMail.Status
BATCH = 50  # mails per delivery task (and per SMTP connection)
RETRY_BASE_SECONDS = 30
RETRY_MAX_SECONDS = 30 * 60  # below the broker's visibility timeout (settings)
# The attempt that makes a temporary failure final. Without it a mail the server never
# takes would stay queued for ever.
MAX_ATTEMPTS = 9
SUPPRESSED_REASON = "Not sent: the recipient unsubscribed from this kind of mail."
# Refusals of one message; the connection stays usable (smtplib resets the transaction),
# unless the reply was 421 (the server closes it).
MESSAGE_REFUSED = (
    smtplib.SMTPRecipientsRefused,
    smtplib.SMTPSenderRefused,
    smtplib.SMTPDataError,
)


def queue_delivery(mail_ids: Sequence[int], *, countdown: float | None = None) -> None:
    """Queue the delivery of ``mail_ids`` after commit: one task per ``BATCH`` mails."""
    from network_portal.tasks import deliver_mails  # noqa: PLC0415
    from network_portal.tasks_queue import queue_after_commit  # noqa: PLC0415

    ids = sorted(mail_ids)
    for start in range(0, len(ids), BATCH):
        queue_after_commit(deliver_mails, countdown=countdown, mail_ids=ids[start : start + BATCH])


# Mail recorded on its own (``queue_waiting_delivery``): while a ``deliver_waiting`` task
# is queued, ``WAITING_KEY`` is set; it expires by itself should the task be lost.
WAITING_KEY = "outbox:waiting-delivery-queued"
WAITING_KEY_SECONDS = 60
# The task starts this late, so that the mails of a rush gather: a confirmation waits half a
# second longer, 50 of them go over one connection instead of 50.
WAITING_DELAY_SECONDS = 0.5


def queue_waiting_delivery() -> None:
    """After commit, make sure a ``deliver_waiting`` task is queued for a mail recorded on
    its own (a confirmation, a notice): at most one such task waits at a time.

    The task clears ``WAITING_KEY`` before it looks for mail, so a mail committed after
    that queues the next task, and one committed before is found by this one. When it is
    quiet each mail goes within a second; under a rush of registrations the mails go in
    batches over one connection instead of a task and a connection each. A task lost on
    its way frees the key after ``WAITING_KEY_SECONDS``; the sweep finds mail left behind.
    A transaction that records several such mails asks once.
    """
    if not any(callback is _queue_waiting_task for _ids, callback, _robust in _after_commit()):
        transaction.on_commit(_queue_waiting_task)


def _after_commit() -> list:
    """The callbacks waiting for the current transaction's commit (Django's own list)."""
    return database.run_on_commit if database.in_atomic_block else []


def _queue_waiting_task(delay: float = WAITING_DELAY_SECONDS) -> None:
    from network_portal.tasks import deliver_waiting  # noqa: PLC0415

    if cache.add(WAITING_KEY, True, timeout=WAITING_KEY_SECONDS):
        deliver_waiting.apply_async(countdown=delay)


def waiting_deliver() -> "Delivery":
    """Deliver the oldest ``BATCH`` mails waiting for their first attempt (queued, no retry
    planned); queue the next task when there may be more."""
    cache.delete(WAITING_KEY)
    waiting = OutgoingMail.objects.filter(status=Status.QUEUED, next_attempt_at__isnull=True)
    ids = list(waiting.order_by("created_at", "pk").values_list("pk", flat=True)[:BATCH])
    delivery = mails_deliver(mail_ids=ids)
    if len(ids) == BATCH:  # more may wait: at once
        _queue_waiting_task(delay=0)
    return delivery


@dataclass
class Delivery:
    """What became of a batch: the mails claimed, and how many of them went where."""

    claimed: int = 0
    sent: int = 0
    suppressed: int = 0
    failed: int = 0
    queued_again: int = 0


def mails_claim(*, mail_ids: Sequence[int]) -> list[OutgoingMail]:
    """Mark the queued mails among ``mail_ids`` as sending; each goes to one worker only.

    One transaction: the rows are locked, and rows locked by another claim are skipped.
    """
    now = timezone.now()
    with transaction.atomic():
        mails = list(
            OutgoingMail.objects.select_for_update(skip_locked=True)
            .filter(pk__in=mail_ids, status=Status.QUEUED)
            .order_by("pk")
        )
        OutgoingMail.objects.filter(pk__in=[mail.pk for mail in mails]).update(
            status=Status.SENDING,
            attempts=F("attempts") + 1,
            claimed_at=now,
            handed_over_at=None,
            next_attempt_at=None,
        )
    for mail in mails:
        mail.status, mail.attempts, mail.claimed_at = Status.SENDING, mail.attempts + 1, now
        mail.handed_over_at = mail.next_attempt_at = None
    return mails


def mails_deliver(*, mail_ids: Sequence[int]) -> Delivery:
    """Claim the queued mails among ``mail_ids`` and send them over one SMTP connection.

    Mail not queued (sent, failed, held by another worker) is left alone. Temporary
    failures queue the mail again with ``next_attempt_at`` and a delivery task for then.
    """
    mails = mails_claim(mail_ids=mail_ids)
    delivery = Delivery(claimed=len(mails))
    unwanted = _unwanted(mails)
    if unwanted:
        OutgoingMail.objects.filter(pk__in=unwanted).update(
            status=Status.SUPPRESSED, last_error=SUPPRESSED_REASON
        )
        delivery.suppressed = len(unwanted)
    wanted = [mail for mail in mails if mail.pk not in unwanted]
    if wanted:
        _send_all(wanted, delivery)
    return delivery


def _unwanted(mails: Sequence[OutgoingMail]) -> set[int]:
    """Optional mail whose recipient has switched its kind off; a query per kind of mail."""
    by_category: dict[str, list[OutgoingMail]] = defaultdict(list)
    for mail in mails:
        if category := preferences.category_of(mail.kind):
            by_category[category].append(mail)
    unwanted = set()
    for category, group in by_category.items():
        emails = [mail.recipient for mail in group]
        refused = preferences.opted_out(emails=emails, category=category)
        unwanted |= {mail.pk for mail in group if preferences.normalised(mail.recipient) in refused}
    return unwanted


def _send_all(mails: list[OutgoingMail], delivery: Delivery) -> None:
    """Open one connection; hand the mails over one by one, one UPDATE each.

    The UPDATE that records the hand-over of a mail also marks the mail before it sent
    (the server took it just now); the last one is marked on its own.
    """
    connection = _connection()
    try:
        connection.open()
    except OSError as error:  # smtplib.SMTPException is an OSError
        _not_sent(mails, error, delivery)
        return
    taken = None  # the mail the server took last, not yet marked sent
    try:
        for index, mail in enumerate(mails):
            message = _message(mail, connection)
            _record_progress(sent=taken, handing_over=mail.pk)
            taken = None
            try:
                connection.send_messages([message])
            except OSError as error:
                _not_sent([mail], error, delivery)
                if not (isinstance(error, MESSAGE_REFUSED) and _still_open(connection)):
                    # The connection is gone: the mails not tried yet are tried again later.
                    _not_sent(mails[index + 1 :], error, delivery, temporary=True)
                    return
            else:
                taken = mail.pk
                delivery.sent += 1
    finally:
        if taken is not None:
            _record_progress(sent=taken, handing_over=None)
        _close(connection)


# One statement per mail, written as SQL: the hot loop of a batch, where building the
# ORM's CASE expressions took longer than the statement. An id of NULL matches no row.
_PROGRESS = """
    UPDATE network_portal_outgoingmail SET
        status = CASE WHEN id = %s THEN %s ELSE status END,
        last_error = CASE WHEN id = %s THEN '' ELSE last_error END,
        sent_at = CASE WHEN id = %s THEN %s ELSE sent_at END,
        handed_over_at = CASE WHEN id = %s THEN %s ELSE handed_over_at END
    WHERE id IN (%s, %s)
"""


def _record_progress(*, sent: int | None, handing_over: int | None) -> None:
    """One UPDATE: mark the mail ``sent`` sent, and ``handing_over`` as handed over."""
    now = timezone.now()
    params = [sent, Status.SENT, sent, sent, now, handing_over, now, sent, handing_over]
    with database.cursor() as cursor:
        cursor.execute(_PROGRESS, params)


def _not_sent(
    mails: Sequence[OutgoingMail], error: OSError, delivery: Delivery, *, temporary: bool = False
) -> None:
    """Mark ``mails`` failed when the error is final, else queue them again together."""
    text = str(error)[:2000]
    permanent = not temporary and _is_permanent(error)
    final = [mail.pk for mail in mails if permanent or mail.attempts >= MAX_ATTEMPTS]
    again = [mail for mail in mails if mail.pk not in final]
    if final:
        OutgoingMail.objects.filter(pk__in=final).update(status=Status.FAILED, last_error=text)
        delivery.failed += len(final)
    if again:
        delay = retry_delay(max(mail.attempts for mail in again))
        ids = [mail.pk for mail in again]
        OutgoingMail.objects.filter(pk__in=ids).update(
            status=Status.QUEUED,
            last_error=text,
            next_attempt_at=timezone.now() + timedelta(seconds=delay),
        )
        queue_delivery(ids, countdown=delay)
        delivery.queued_again += len(ids)


def retry_delay(attempts: int) -> float:
    """Exponential backoff with full jitter: up to 30 s, 60 s, 120 s ... at most 30 min."""
    ceiling = min(RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0), RETRY_MAX_SECONDS)
    return RETRY_BASE_SECONDS / 2 + secrets.SystemRandom().uniform(0, ceiling)


def _is_permanent(error: Exception) -> bool:
    """A recipient or message refused with a 5xx reply is refused again on retry.

    A 4xx reply (greylisting, a full mailbox) is temporary and worth a retry.
    """
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _reply in error.recipients.values())
    return isinstance(error, smtplib.SMTPDataError) and error.smtp_code >= 500


def _connection():
    delivery = settings.OUTBOX_DELIVERY
    return get_connection(
        backend=delivery["EMAIL_BACKEND"],
        host=delivery.get("EMAIL_HOST"),
        port=delivery.get("EMAIL_PORT"),
        username=delivery.get("EMAIL_HOST_USER") or None,
        password=delivery.get("EMAIL_HOST_PASSWORD") or None,
        use_tls=delivery.get("EMAIL_USE_TLS", False),
        use_ssl=delivery.get("EMAIL_USE_SSL", False),
        timeout=settings.EMAIL_TIMEOUT,
        fail_silently=False,
    )


def _still_open(connection) -> bool:
    """Whether the server kept the connection after refusing a message (not after 421)."""
    return getattr(connection.connection, "sock", None) is not None


def _close(connection) -> None:
    """Say goodbye; every mail is marked already, so a failing QUIT changes nothing."""
    try:
        connection.close()
    except OSError as error:
        logger.info("Closing the SMTP connection failed: %s", error)


def _message(mail: OutgoingMail, connection) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.body_text,
        from_email=mail.from_email,
        to=[mail.recipient],
        connection=connection,
        headers={**mail.headers, "X-Portal-Key": mail.key},
    )
    if mail.body_html:
        message.attach_alternative(mail.body_html, "text/html")
    for attachment in mail.attachments:
        message.attach(attachment["name"], attachment["content"], attachment["type"])
    return message
