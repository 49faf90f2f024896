"""Listings: an organisation's offer of, or request for, a cooperation."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models import Organisation
from network_portal.indexes import PostgresGinIndex
from network_portal.search import stored_search_vector

# The marketplace's full-text search over these fields: the title weighted above the rest,
# stored in ``Listing.search`` and GIN-indexed on PostgreSQL (``network_portal.search``).
SEARCH_FIELDS = ("title", "summary", "description")
SEARCH_INDEX_NAME = "listing_search_de"
VALIDITY = datetime.timedelta(days=365)


def default_valid_until() -> datetime.date:
    """One year from today (Berlin), the default validity of a new listing."""
    return timezone.localdate() + VALIDITY


class Listing(models.Model):
    """An offer or a request, visible to the public, to partners or to chosen networks.

    ``partner_kinds`` lists the kinds of organisation sought (``Organisation.Kind`` values;
    empty means any). ``reminder_sent_for`` holds the ``valid_until`` whose expiry
    reminder went out, so each validity period gets one reminder.
    """

    class Kind(models.TextChoices):
        OFFER = "offer", _("offer")
        REQUEST = "request", _("request")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("public")
        PARTNERS = "partners", _("partners only")
        NETWORKS = "networks", _("members of chosen networks")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        CLOSED = "closed", _("closed")
        EXPIRED = "expired", _("expired")

    organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.CASCADE,
        related_name="listings",
        verbose_name=_("organisation"),
    )
    kind = models.CharField(_("offer or request"), max_length=8, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two sentences for the marketplace.")
    )
    description = models.TextField(_("description"), blank=True)
    topics = models.ManyToManyField(
        "cooperations.Topic", related_name="listings", verbose_name=_("topics")
    )
    sectors = models.ManyToManyField(
        "members.Sector", blank=True, related_name="listings", verbose_name=_("sectors")
    )
    regions = models.ManyToManyField(
        "members.Region", blank=True, related_name="listings", verbose_name=_("target regions")
    )
    partner_kinds = models.JSONField(
        _("kinds of partner sought"),
        default=list,
        blank=True,
        help_text=_("Leave empty if any kind of organisation is welcome."),
    )
    visibility = models.CharField(
        _("visible to"), max_length=12, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    shared_networks = models.ManyToManyField(
        "members.Network",
        blank=True,
        related_name="shared_listings",
        verbose_name=_("shared with networks"),
    )
    valid_until = models.DateField(_("valid until"), default=default_valid_until)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    reminder_sent_for = models.DateField(_("expiry reminder sent for"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    search = stored_search_vector(*SEARCH_FIELDS)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("listing")
        verbose_name_plural = _("listings")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["offer", "request"]), name="listing_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(visibility__in=["public", "partners", "networks"]),
                name="listing_visibility_valid",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "published", "closed", "expired"]),
                name="listing_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["published", "expired"]) | Q(published_at__isnull=False),
                name="listing_published_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="closed") | Q(closed_at__isnull=False),
                name="listing_closed_has_date",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "valid_until"]),
            models.Index(fields=["organisation", "status"]),
            models.Index(fields=["status", "visibility", "-published_at"]),
            PostgresGinIndex(fields=["search"], name=SEARCH_INDEX_NAME),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("cooperations:listing", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        """Published and not past its date: it may receive interest."""
        return self.status == self.Status.PUBLISHED and self.valid_until >= timezone.localdate()

    def clean(self) -> None:
        kinds = self.partner_kinds
        if not isinstance(kinds, list) or not set(kinds) <= set(Organisation.Kind.values):
            raise ValidationError(
                {"partner_kinds": _("Choose kinds of organisation from the list.")}
            )

    @property
    def partner_kind_labels(self) -> list[str]:
        """The kinds of partner sought, in the visitor's language."""
        labels = dict(Organisation.Kind.choices)
        return [str(labels[kind]) for kind in self.partner_kinds if kind in labels]
