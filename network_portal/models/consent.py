"""The consent ledger: versioned consent texts, and who agreed to which version, when.

A text is never changed once published; a new wording is a new version. A consent is
withdrawn by setting ``withdrawn_at`` (the record stays as proof of what was agreed).
Writes go through ``network_portal.privacy.consent``.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class ConsentPurpose(models.TextChoices):
    EVENT_REGISTRATION = "event_registration", _("registration for an event")
    DIRECTORY_LISTING = "directory_listing", _("contact shown in the member directory")
    COOPERATION_DIGEST = "cooperation_digest", _("weekly digest of cooperation listings")


class ConsentText(models.Model):
    """One version of the text a person agrees to for one purpose."""

    Purpose = ConsentPurpose

    purpose = models.CharField(_("purpose"), max_length=40, choices=ConsentPurpose.choices)
    version = models.PositiveIntegerField(_("version"))
    text_de = models.TextField(_("text (German)"))
    text_en = models.TextField(_("text (English)"))
    valid_from = models.DateTimeField(_("valid from"), default=timezone.now)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["purpose", "-version"]
        verbose_name = _("consent text")
        verbose_name_plural = _("consent texts")
        constraints = [
            models.UniqueConstraint(fields=["purpose", "version"], name="one_text_per_version"),
        ]

    def __str__(self) -> str:
        return _("%(purpose)s, version %(version)s") % {
            "purpose": self.get_purpose_display(),
            "version": self.version,
        }

    @property
    def text(self) -> str:
        if (get_language() or "de").startswith("en") and self.text_en:
            return self.text_en
        return self.text_de


class Consent(models.Model):
    """A user or person agreed to one text version, optionally about one object.

    ``user`` is who agreed (signed in); ``person`` is the contact record the consent is
    about, when there is one (a registration's attendee, a listed contact). ``about`` names
    the object the consent concerns: the event, the organisation of a digest, the person.
    """

    text = models.ForeignKey(
        ConsentText, on_delete=models.PROTECT, related_name="consents", verbose_name=_("text")
    )
    purpose = models.CharField(_("purpose"), max_length=40, choices=ConsentPurpose.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="consents",
        verbose_name=_("user"),
    )
    person = models.ForeignKey(
        "members.Person",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="consents",
        verbose_name=_("person"),
    )
    about_type = models.ForeignKey(
        ContentType,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("about (type)"),
    )
    about_id = models.PositiveBigIntegerField(_("about (id)"), null=True, blank=True)
    about = GenericForeignKey("about_type", "about_id")
    given_at = models.DateTimeField(_("given"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        ordering = ["-given_at", "-id"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False) | Q(person__isnull=False),
                name="consent_names_user_or_person",
            ),
            models.CheckConstraint(
                condition=Q(about_type__isnull=True, about_id__isnull=True)
                | Q(about_type__isnull=False, about_id__isnull=False),
                name="consent_about_complete",
            ),
        ]
        indexes = [models.Index(fields=["purpose", "about_type", "about_id"])]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} ({self.given_at:%Y-%m-%d})"

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None
