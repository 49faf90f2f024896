"""Services of the outbox: record a mail, re-queue stuck mail. Delivery (exactly once, in
batches over one SMTP connection) is ``outbox_delivery``."""

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.db.models.constants import OnConflict
from django.template.loader import render_to_string
from django.utils import timezone, translation

from network_portal import preferences
from network_portal.models import OutgoingMail
from network_portal.outbox_delivery import queue_delivery, queue_waiting_delivery

logger = logging.getLogger(__name__)

STUCK_AFTER = timedelta(minutes=10)
SWEEP_BATCH = 1000


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
    mail = OutgoingMail(
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
    if not _insert_unless_known(mail):
        logger.info("Mail with key %s exists already; not recorded again.", key)
        return None
    if status == OutgoingMail.Status.QUEUED:
        queue_waiting_delivery()
    return mail


def _insert_unless_known(mail: OutgoingMail) -> bool:
    """``INSERT ... ON CONFLICT DO NOTHING RETURNING id``: one statement, where catching the
    unique key's error would need a savepoint (two more) to keep the caller's transaction.
    True (and ``mail.pk`` set) when recorded now; False when a mail with its key exists.

    ``_insert`` is the step of ``Model.save`` that writes the row (auto fields filled);
    Django's public ``bulk_create(ignore_conflicts=True)`` does not return the id."""
    fields = [field for field in OutgoingMail._meta.local_concrete_fields if not field.primary_key]
    rows = OutgoingMail.objects._insert(
        [mail],
        fields=fields,
        returning_fields=[OutgoingMail._meta.pk],
        on_conflict=OnConflict.IGNORE,
    )
    if not rows or rows[0] is None:
        return False
    mail.pk = rows[0][0]
    mail._state.adding, mail._state.db = False, "default"
    return True


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
        # ``mails_claim`` lets only one delivery have it.
        queue_delivery(recorded.values())
    return recorded


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
    queue_delivery(ids)
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
    queue_delivery(ids)
    return len(ids)
