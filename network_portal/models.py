"""Cross-cutting models of the portal shell: the outbox, the audit log, the legal pages."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
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


class AuditEntry(models.Model):
    """A security-relevant action: who did what to which object, and when.

    Written by ``network_portal.audit.audit_record`` in the same transaction as the
    action; never changed afterwards.
    """

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    action = models.CharField(_("action"), max_length=60, db_index=True)
    object_type = models.CharField(_("object type"), max_length=60)
    object_id = models.CharField(_("object id"), max_length=40)
    object_repr = models.CharField(_("object"), max_length=200)
    details = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.action}: {self.object_repr}"


class LegalPage(models.Model):
    """Impressum, Datenschutz and Barrierefreiheit; texts are kept by platform admins."""

    class Slug(models.TextChoices):
        IMPRINT = "impressum", _("Legal notice")
        PRIVACY = "datenschutz", _("Privacy policy")
        ACCESSIBILITY = "barrierefreiheit", _("Accessibility statement")

    slug = models.SlugField(_("page"), max_length=40, choices=Slug.choices, unique=True)
    body_de = models.TextField(_("text (German)"))
    body_en = models.TextField(_("text (English)"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("legal page")
        verbose_name_plural = _("legal pages")

    def __str__(self) -> str:
        return str(self.title)

    def get_absolute_url(self) -> str:
        return reverse("legal", kwargs={"slug": self.slug})

    @property
    def title(self) -> str:
        return self.Slug(self.slug).label

    @property
    def body(self) -> str:
        if (get_language() or "de").startswith("en") and self.body_en:
            return self.body_en
        return self.body_de
