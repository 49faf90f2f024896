"""Networks, their managers, and the memberships of organisations in them."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Network(models.Model):
    """An initiative, cluster or sub-network (``parent``) of a region's economy."""

    class Kind(models.TextChoices):
        INITIATIVE = "initiative", _("regional initiative")
        CLUSTER = "cluster", _("cluster")
        CITY_NETWORK = "city", _("city network")
        NATIONAL = "national", _("national office")

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("short name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.INITIATIVE)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("part of"),
    )
    description = models.TextField(_("description"), blank=True)
    regions = models.ManyToManyField(
        "members.Region", blank=True, related_name="networks", verbose_name=_("regions")
    )
    is_open = models.BooleanField(_("open to new participants"), default=True)
    website = models.URLField(_("website"), blank=True)
    founded_year = models.PositiveSmallIntegerField(_("founded"), null=True, blank=True)
    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="members.NetworkManager",
        related_name="managed_networks",
        verbose_name=_("managers"),
    )
    organisations = models.ManyToManyField(
        "members.Organisation",
        through="members.Membership",
        related_name="networks",
        verbose_name=_("organisations"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("members:network", kwargs={"slug": self.slug})


class NetworkManager(models.Model):
    """The role of a user who manages a network (staff of an agency or chamber)."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="manager_roles", verbose_name=_("network")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="manager_roles",
        verbose_name=_("user"),
    )
    since = models.DateField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("network manager")
        verbose_name_plural = _("network managers")
        constraints = [
            models.UniqueConstraint(fields=["network", "user"], name="one_manager_role_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.network}"


class Membership(models.Model):
    """An organisation's place in a network: member or partner, applied, active or ended."""

    class Role(models.TextChoices):
        MEMBER = "member", _("member")
        PARTNER = "partner", _("partner")
        FOUNDING_PARTNER = "founding_partner", _("founding partner")

    class Status(models.TextChoices):
        APPLIED = "applied", _("applied")
        ACTIVE = "active", _("active")
        DECLINED = "declined", _("declined")
        ENDED = "ended", _("ended")

    organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("network")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.APPLIED
    )
    message = models.TextField(_("message with the application"), blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    applied_at = models.DateTimeField(_("applied"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    started_on = models.DateField(_("member since"), null=True, blank=True)
    ended_on = models.DateField(_("ended"), null=True, blank=True)

    class Meta:
        ordering = ["network__name", "organisation__name"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "network"],
                condition=models.Q(status__in=["applied", "active"]),
                name="one_open_membership_per_network",
            )
        ]
        indexes = [models.Index(fields=["network", "status"])]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.network} ({self.get_status_display()})"

    @property
    def is_partner(self) -> bool:
        return self.role != self.Role.MEMBER
