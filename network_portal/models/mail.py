"""The outbox: every mail the portal sends is first a row here."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingMail(models.Model):
    """Every mail the portal sends is first a row here, written with the business change.

    ``key`` makes a mail unique (kind + object + recipient), so a retry or a second
    worker never sends it twice.
    """

    class Status(models.TextChoices):
        KEPT = "kept", _("kept in the outbox")
        QUEUED = "queued", _("queued")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        UNCERTAIN = "uncertain", _("delivery uncertain: please check")
        SUPPRESSED = "suppressed", _("not sent: the recipient unsubscribed")

    key = models.CharField(_("key"), max_length=255, unique=True)
    kind = models.CharField(_("kind"), max_length=60, default="account")
    recipient = models.EmailField(_("recipient"))
    about = models.CharField(
        _("about"),
        max_length=80,
        blank=True,
        db_index=True,
        help_text=_("The object the mail is about, such as “events.event:12”."),
    )
    language = models.CharField(_("language"), max_length=8, default="de")
    from_email = models.CharField(_("sender"), max_length=255)
    subject = models.CharField(_("subject"), max_length=255)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    attachments = models.JSONField(
        _("attachments"),
        default=list,
        blank=True,
        help_text=_("Files sent with the mail: name, type and text content."),
    )
    headers = models.JSONField(
        _("headers"),
        default=dict,
        blank=True,
        help_text=_("Extra headers of this mail, such as List-Unsubscribe."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    claimed_at = models.DateTimeField(_("last attempt started"), null=True, blank=True)
    handed_over_at = models.DateTimeField(
        _("handed to the mail server"),
        null=True,
        blank=True,
        help_text=_("Set just before the mail server receives the message."),
    )
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mails")
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.subject} → {self.recipient}"
