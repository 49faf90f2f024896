"""Services of the outbox: record a mail, deliver it exactly once, re-queue stuck mail."""

import logging
import secrets
import smtplib
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from network_portal import preferences
from network_portal.models import OutgoingMail

logger = logging.getLogger(__name__)

STUCK_AFTER = timedelta(minutes=10)
SWEEP_BATCH = 1000
RETRY_BASE_SECONDS = 30
RETRY_MAX_SECONDS = 30 * 60  # below the broker's visibility timeout (settings)
# The attempt that makes a temporary failure final: the first try and the retries of
# ``deliver_mail``. Without it a mail the server never takes would stay queued for ever.
MAX_ATTEMPTS = 9
SUPPRESSED_REASON = "Not sent: the recipient unsubscribed from this kind of mail."


@dataclass(frozen=True)
class Attachment:
    """A text file sent with a mail, such as an event's ``.ics``."""

    name: str
    content: str
    type: str

    def as_json(self) -> dict[str, str]:
        return {"name": self.name, "content": self.content, "type": self.type}


def delivery_configured() -> bool:
    return bool(settings.OUTBOX_DELIVERY)


@transaction.atomic
def mail_enqueue(
    *,
    key: str,
    kind: str,
    recipient: str,
    language: str,
    from_email: str,
    subject: str,
    body_text: str,
    body_html: str = "",
    about: str = "",
    attachments: Sequence[Attachment] = (),
    headers: dict[str, str] | None = None,
) -> OutgoingMail | None:
    """Record a mail; queue its delivery after commit. A known key records nothing."""
    status = OutgoingMail.Status.QUEUED if delivery_configured() else OutgoingMail.Status.KEPT
    try:
        with transaction.atomic():
            mail = OutgoingMail.objects.create(
                key=key,
                kind=kind,
                recipient=recipient,
                language=language,
                from_email=from_email,
                subject=subject,
                body_text=body_text,
                body_html=body_html,
                about=about,
                attachments=[attachment.as_json() for attachment in attachments],
                headers=headers or {},
                status=status,
            )
    except IntegrityError:
        logger.info("Mail with key %s exists already; not recorded again.", key)
        return None
    if status == OutgoingMail.Status.QUEUED:
        _queue_delivery(mail.pk)
    return mail


def mail_about(obj: models.Model) -> str:
    """The ``about`` value of mails concerning ``obj``, e.g. "events.event:12"."""
    return f"{obj._meta.label_lower}:{obj.pk}"


@dataclass(frozen=True)
class RenderedMail:
    """A mail rendered from its templates, ready to be recorded (``mails_enqueue``)."""

    key: str
    kind: str
    recipient: str
    language: str
    subject: str
    body_text: str
    body_html: str
    about: str = ""
    attachments: Sequence[Attachment] = ()
    headers: dict[str, str] | None = None

    def fields(self) -> dict:
        """The keyword arguments of ``mail_enqueue``."""
        values = {field.name: getattr(self, field.name) for field in dataclass_fields(self)}
        return {**values, "from_email": settings.DEFAULT_FROM_EMAIL}

    def as_row(self, status: str) -> OutgoingMail:
        row = {**self.fields(), "headers": self.headers or {}, "status": status}
        row["attachments"] = [attachment.as_json() for attachment in self.attachments]
        return OutgoingMail(**row)


def mail_render(
    *,
    key: str,
    kind: str,
    recipient: str,
    language: str,
    template: str,
    context: dict,
    about: str = "",
    attachments: Sequence[Attachment] = (),
    headers: dict[str, str] | None = None,
    unsubscribe: preferences.Unsubscribe | None = None,
) -> RenderedMail:
    """Render ``mail/<template>_subject.txt``, ``.txt`` and ``.html`` in ``language``.

    Optional kinds of mail (``preferences.OPTIONAL_KINDS``) get ``unsubscribe_url`` and
    ``preferences_url`` in the context and the ``List-Unsubscribe`` headers; pass
    ``unsubscribe`` from ``preferences.unsubscribes_for`` when rendering many at once.
    """
    if unsubscribe is None and preferences.category_of(kind):
        unsubscribe = preferences.unsubscribes_for(kind=kind, emails=[recipient]).get(
            preferences.normalised(recipient)
        )
    headers = dict(headers or {})
    context = {"portal_url": settings.SITE_URL.rstrip("/"), **context}
    if unsubscribe is not None:
        headers = {**unsubscribe.headers, **headers}
        context["unsubscribe_url"] = unsubscribe.url
        context["preferences_url"] = unsubscribe.preferences_url
    with translation.override(language):
        subject = render_to_string(f"mail/{template}_subject.txt", context)
        body_text = render_to_string(f"mail/{template}.txt", context)
        body_html = render_to_string(f"mail/{template}.html", context)
    return RenderedMail(
        key=key[:255],
        kind=kind,
        recipient=recipient,
        language=language,
        subject=" ".join(subject.split())[:255],
        body_text=body_text.strip() + "\n",
        body_html=body_html,
        about=about,
        attachments=tuple(attachments),
        headers=headers,
    )


def mail_from_template(
    *,
    key: str,
    kind: str,
    recipient: str,
    language: str,
    template: str,
    context: dict,
    about: str = "",
    attachments: Sequence[Attachment] = (),
    headers: dict[str, str] | None = None,
) -> OutgoingMail | None:
    """Render ``mail/<template>_subject.txt``, ``.txt`` and ``.html`` in ``language`` and
    record the mail. The HTML part extends ``mail/base.html`` (the portal's look).

    ``key`` must name kind + object + recipient (e.g. "application-approved:7:a@b.de"), so
    the same mail is never recorded twice. Call it inside the transaction of the change.
    """
    mail = mail_render(
        key=key,
        kind=kind,
        recipient=recipient,
        language=language,
        template=template,
        context=context,
        about=about,
        attachments=attachments,
        headers=headers,
    )
    return mail_enqueue(**mail.fields())


@transaction.atomic
def mails_enqueue(mails: Sequence[RenderedMail]) -> dict[str, int]:
    """Record many rendered mails with one INSERT; queue their delivery after commit.

    Keys known already record nothing (as in ``mail_enqueue``). Returns key -> id of the
    mails recorded now. Four queries, however many mails.
    """
    keys = [mail.key for mail in mails]
    known = set(OutgoingMail.objects.filter(key__in=keys).values_list("key", flat=True))
    status = OutgoingMail.Status.QUEUED if delivery_configured() else OutgoingMail.Status.KEPT
    new = [mail.as_row(status) for mail in mails if mail.key not in known]
    OutgoingMail.objects.bulk_create(new, ignore_conflicts=True)
    recorded = dict(
        OutgoingMail.objects.filter(key__in=[row.key for row in new]).values_list("key", "pk")
    )
    if status == OutgoingMail.Status.QUEUED:
        # A key recorded by a concurrent transaction in between may be queued twice;
        # ``mail_claim`` lets only one delivery have it.
        for mail_id in recorded.values():
            _queue_delivery(mail_id)
    return recorded


def _queue_delivery(mail_id: int) -> None:
    from network_portal.tasks import deliver_mail  # noqa: PLC0415
    from network_portal.tasks_queue import queue_after_commit  # noqa: PLC0415

    queue_after_commit(deliver_mail, mail_id=mail_id)


def mail_claim(*, mail_id: int) -> OutgoingMail | None:
    """Mark a queued mail as sending; only one worker can win the claim."""
    claimed = OutgoingMail.objects.filter(pk=mail_id, status=OutgoingMail.Status.QUEUED).update(
        status=OutgoingMail.Status.SENDING,
        attempts=F("attempts") + 1,
        claimed_at=timezone.now(),
        handed_over_at=None,
        next_attempt_at=None,
    )
    return OutgoingMail.objects.get(pk=mail_id) if claimed else None


class TryLater(Exception):  # noqa: N818 - it says what the task does next
    """A temporary failure; the mail is queued again and should be tried after ``delay``."""

    def __init__(self, delay: float, error: Exception) -> None:
        super().__init__(f"retry in {delay:.0f} s: {error}")
        self.delay = delay


def retry_delay(attempts: int) -> float:
    """Exponential backoff with full jitter: up to 30 s, 60 s, 120 s ... at most 30 min."""
    ceiling = min(RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0), RETRY_MAX_SECONDS)
    return RETRY_BASE_SECONDS / 2 + secrets.SystemRandom().uniform(0, ceiling)


def mail_deliver(*, mail_id: int) -> bool:
    """Send one claimed mail over SMTP and mark it sent. Returns False if not claimed.

    Raises ``TryLater`` for temporary failures after putting the mail back in the queue
    with ``next_attempt_at``, so the task can retry then. A refused address, a refused
    message (5xx) or the last of ``MAX_ATTEMPTS`` attempts marks the mail failed. Optional
    mail to an address that has since unsubscribed from its kind is marked suppressed.
    """
    mail = mail_claim(mail_id=mail_id)
    if mail is None:
        return False
    if not preferences.wants(email=mail.recipient, kind=mail.kind):
        _mark(mail, OutgoingMail.Status.SUPPRESSED, error=SUPPRESSED_REASON)
        return True
    try:
        _send(mail)
    except (smtplib.SMTPException, OSError) as error:
        if _is_permanent(error) or mail.attempts >= MAX_ATTEMPTS:
            _mark(mail, OutgoingMail.Status.FAILED, error=str(error))
            return True
        delay = retry_delay(mail.attempts)
        mail.next_attempt_at = timezone.now() + timedelta(seconds=delay)
        _mark(mail, OutgoingMail.Status.QUEUED, error=str(error))
        raise TryLater(delay, error) from error
    _mark(mail, OutgoingMail.Status.SENT)
    return True


def _is_permanent(error: Exception) -> bool:
    """A recipient or message refused with a 5xx reply is refused again on retry.

    A 4xx reply (greylisting, a full mailbox) is temporary and worth a retry.
    """
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _reply in error.recipients.values())
    return isinstance(error, smtplib.SMTPDataError) and error.smtp_code >= 500


def _send(mail: OutgoingMail) -> None:
    """Connect, record the hand-over, then let the server take the message.

    ``handed_over_at`` is written (and committed) after the connection is open and just
    before the message goes to the server. If the worker dies after that, nobody knows
    whether the server took the message: the sweep marks such mail *uncertain* for a
    manager to check instead of sending it a second time. That window is the time of one
    SMTP transaction plus one UPDATE.
    """
    delivery = settings.OUTBOX_DELIVERY
    connection = get_connection(
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
    message = _message(mail, connection)
    with connection:
        OutgoingMail.objects.filter(pk=mail.pk).update(handed_over_at=timezone.now())
        message.send()


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


def _mark(mail: OutgoingMail, status: str, *, error: str = "") -> None:
    mail.status = status
    mail.last_error = error[:2000]
    mail.sent_at = timezone.now() if status == OutgoingMail.Status.SENT else None
    mail.save(update_fields=["status", "last_error", "sent_at", "next_attempt_at"])


def outbox_sweep(*, now: datetime | None = None) -> int:
    """Find mail whose delivery task was lost; returns how many rows it changed.

    - 'sending' for longer than ``STUCK_AFTER`` and never handed to the server (its worker
      died before): queued again and delivered;
    - 'sending' for longer than ``STUCK_AFTER`` and handed to the server: marked
      *uncertain*: the server may have it, so it is not sent twice — a manager checks;
    - 'queued' and never tried for longer than ``STUCK_AFTER`` (the task never reached the
      broker), or queued for a retry that is overdue by ``STUCK_AFTER``: queued again.

    Mail waiting for its own retry is left alone.
    """
    if not delivery_configured():
        return 0
    now = now or timezone.now()
    cutoff = now - STUCK_AFTER
    stuck = OutgoingMail.objects.filter(status=OutgoingMail.Status.SENDING, claimed_at__lt=cutoff)
    uncertain = stuck.filter(handed_over_at__isnull=False).update(
        status=OutgoingMail.Status.UNCERTAIN,
        last_error="The worker stopped while the mail server received this mail.",
    )
    never_tried = Q(status=OutgoingMail.Status.QUEUED, attempts=0, created_at__lt=cutoff)
    retry_lost = Q(status=OutgoingMail.Status.QUEUED, attempts__gt=0, next_attempt_at__lt=cutoff)
    died_before = Q(
        status=OutgoingMail.Status.SENDING, claimed_at__lt=cutoff, handed_over_at__isnull=True
    )
    lost = OutgoingMail.objects.filter(never_tried | retry_lost | died_before)
    ids = list(lost.order_by("created_at", "id").values_list("pk", flat=True)[:SWEEP_BATCH])
    OutgoingMail.objects.filter(pk__in=ids, status=OutgoingMail.Status.SENDING).update(
        status=OutgoingMail.Status.QUEUED
    )
    for mail_id in ids:
        _queue_delivery(mail_id)
    return uncertain + len(ids)


@transaction.atomic
def mail_settle_uncertain(*, mail_ids: Sequence[int], delivered: bool) -> int:
    """A manager checked uncertain mail: mark it sent, or queue it to be sent again."""
    uncertain = OutgoingMail.objects.select_for_update().filter(
        pk__in=mail_ids, status=OutgoingMail.Status.UNCERTAIN
    )
    ids = list(uncertain.values_list("pk", flat=True))
    if delivered:
        OutgoingMail.objects.filter(pk__in=ids).update(
            status=OutgoingMail.Status.SENT, sent_at=timezone.now()
        )
        return len(ids)
    OutgoingMail.objects.filter(pk__in=ids).update(status=OutgoingMail.Status.QUEUED)
    for mail_id in ids:
        _queue_delivery(mail_id)
    return len(ids)
