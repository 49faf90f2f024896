"""Regions, sectors and training occupations: the vocabulary members are described with."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class BilingualName(models.Model):
    """A name kept in German and English; ``label`` answers in the active language."""

    name = models.CharField(_("name (German)"), max_length=120, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    slug = models.SlugField(_("short name"), max_length=120, unique=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        if (get_language() or "de").startswith("en") and self.name_en:
            return self.name_en
        return self.name


class Region(models.Model):
    """A city or district, e.g. Bochum or the Ennepe-Ruhr-Kreis."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("short name"), max_length=120, unique=True)
    state = models.CharField(_("federal state"), max_length=60, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name


class Sector(BilingualName):
    """An industry sector, e.g. Maschinen- und Anlagenbau."""

    class Meta(BilingualName.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")


class TrainingOccupation(BilingualName):
    """A recognised training occupation a company trains in (joint vocational training)."""

    class Meta(BilingualName.Meta):
        verbose_name = _("training occupation")
        verbose_name_plural = _("training occupations")
