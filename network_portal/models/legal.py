"""Impressum, privacy policy and accessibility statement, kept by platform admins."""

from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


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
