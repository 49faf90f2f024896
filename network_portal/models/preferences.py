"""Which kinds of optional mail an address wants: invitations, reminders, digests.

Kept per e-mail address (lower case), because invitations also go to persons without an
account. No row means: every kind is wanted. Transactional mail (confirmations,
cancellations, account mail) always goes out and has no switch here.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MailPreference(models.Model):
    class Change(models.TextChoices):
        NONE = "", _("not changed yet")
        PAGE = "page", _("on the e-mail settings page")
        LINK = "link", _("with the link in an e-mail")
        ONE_CLICK = "one_click", _("with the unsubscribe button of the mail program")

    email = models.EmailField(_("e-mail address"), unique=True, help_text=_("In lower case."))
    invitations = models.BooleanField(_("invitations to events"), default=True)
    reminders = models.BooleanField(_("reminders before events"), default=True)
    digests = models.BooleanField(_("cooperation digests"), default=True)
    changed_via = models.CharField(
        _("last changed"), max_length=12, choices=Change.choices, blank=True, default=""
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["email"]
        verbose_name = _("mail preference")
        verbose_name_plural = _("mail preferences")

    def __str__(self) -> str:
        return self.email

    def wants(self, category: str) -> bool:
        return bool(getattr(self, category))
