"""Organisations: member companies and partner organisations."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from network_portal.indexes import PostgresGinIndex
from network_portal.search import stored_search_vector

# The directory's full-text search over these fields: the name weighted above the rest,
# stored in ``Organisation.search`` and GIN-indexed on PostgreSQL (``network_portal.search``).
SEARCH_FIELDS = ("name", "description", "products", "competences")
SEARCH_INDEX_NAME = "organisation_search_de"


class Organisation(models.Model):
    """A company or a partner organisation (chamber, agency, university, ...)."""

    class Kind(models.TextChoices):
        COMPANY = "company", _("company")
        CHAMBER_OF_COMMERCE = "ihk", _("chamber of industry and commerce")
        CHAMBER_OF_CRAFTS = "hwk", _("chamber of crafts")
        DEVELOPMENT_AGENCY = "agency", _("economic-development agency")
        UNIVERSITY = "university", _("university")
        RESEARCH_INSTITUTE = "research", _("research institute")
        ASSOCIATION = "association", _("association")

    class Size(models.TextChoices):
        MICRO = "micro", _("1–9 employees")
        SMALL = "small", _("10–49 employees")
        MEDIUM = "medium", _("50–249 employees")
        LARGE = "large", _("250 employees or more")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("public")
        MEMBERS = "members", _("members of shared networks only")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.COMPANY)
    description = models.TextField(_("what the organisation does"), blank=True)
    products = models.TextField(_("products and services"), blank=True)
    competences = models.TextField(_("competences"), blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    region = models.ForeignKey(
        "members.Region",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("region"),
    )
    sectors = models.ManyToManyField(
        "members.Sector", blank=True, related_name="organisations", verbose_name=_("sectors")
    )
    training_occupations = models.ManyToManyField(
        "members.TrainingOccupation",
        blank=True,
        related_name="organisations",
        verbose_name=_("training occupations offered"),
    )
    size = models.CharField(_("size"), max_length=16, choices=Size.choices, blank=True)
    logo = models.ImageField(
        _("logo"),
        upload_to="logos/%Y/",
        blank=True,
        help_text=_("PNG, JPEG or WebP, at most 2 MB."),
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("general e-mail address"), blank=True)
    phone = models.CharField(_("general phone number"), max_length=40, blank=True)
    visibility = models.CharField(
        _("profile visible to"),
        max_length=16,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
    )
    confirmed_on = models.DateField(_("profile last confirmed as current"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    search = stored_search_vector(*SEARCH_FIELDS)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [
            models.Index(fields=["kind"]),
            models.Index(fields=["visibility"]),
            PostgresGinIndex(fields=["search"], name=SEARCH_INDEX_NAME),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("members:organisation", kwargs={"slug": self.slug})

    @property
    def is_partner_organisation(self) -> bool:
        return self.kind != self.Kind.COMPANY
