"""Opt-in to the weekly digest of new listings that match an organisation's own."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DigestSubscription(models.Model):
    """A person at an organisation who wants the weekly digest of matching listings.

    The opt-in is per user and organisation, so each recipient has consented themself;
    ``last_sent_at`` marks where the next digest starts ("new since").
    """

    organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.CASCADE,
        related_name="digest_subscriptions",
        verbose_name=_("organisation"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="digest_subscriptions",
        verbose_name=_("recipient"),
    )
    created_at = models.DateTimeField(_("subscribed"), auto_now_add=True)
    last_sent_at = models.DateTimeField(_("last digest sent"), null=True, blank=True)

    class Meta:
        ordering = ["organisation__name", "id"]
        verbose_name = _("digest subscription")
        verbose_name_plural = _("digest subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"], name="one_digest_subscription_per_user"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation}"
