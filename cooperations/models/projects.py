"""Cooperation projects: partners and networks with roles, funding and milestones."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Project(models.Model):
    """A cooperation project, led by one organisation; it may start from an interest.

    The public page exists only when ``is_public`` is set (by the lead) and every partner
    organisation has agreed to publish (``ProjectPartner.agreed_to_publish``).
    """

    class Status(models.TextChoices):
        IDEA = "idea", _("idea")
        PLANNING = "planning", _("planning")
        RUNNING = "running", _("running")
        COMPLETED = "completed", _("completed")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("short name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    topic = models.ForeignKey(
        "cooperations.Topic",
        on_delete=models.PROTECT,
        related_name="projects",
        verbose_name=_("topic"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.IDEA
    )
    lead_organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        related_name="projects_led",
        verbose_name=_("lead organisation"),
    )
    from_interest = models.ForeignKey(
        "cooperations.Interest",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name=_("started from interest"),
    )
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("end"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    is_public = models.BooleanField(
        _("public project page"),
        default=False,
        help_text=_("Shown publicly only when every partner organisation agrees."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("cooperation project")
        verbose_name_plural = _("cooperation projects")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["idea", "planning", "running", "completed"]),
                name="project_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="project_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["status"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("cooperations:project", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end must not be before the start.")})


class ProjectPartner(models.Model):
    """A partner organisation in a project, with its role and its consent to a public page."""

    class Role(models.TextChoices):
        PARTNER = "partner", pgettext_lazy("project role", "partner")
        ASSOCIATED = "associated", _("associated partner")
        PROVIDER = "provider", _("service or training provider")
        ADVISOR = "advisor", _("advisor")

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="partners", verbose_name=_("project")
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.CASCADE,
        related_name="project_roles",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.PARTNER)
    contribution = models.CharField(_("contribution"), max_length=300, blank=True)
    agreed_to_publish = models.BooleanField(_("agrees to a public project page"), default=False)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("project partner")
        verbose_name_plural = _("project partners")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation"], name="one_partner_role_per_project"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.project}"


class ProjectNetwork(models.Model):
    """A network taking part in a project: it leads it, partners in it or its members benefit.

    Network-to-network projects (one cluster's academy trains another network's members)
    have two rows: the providing network and the receiving one.
    """

    class Role(models.TextChoices):
        LEAD = "lead", _("leading network")
        PARTNER = "partner", _("partner network")
        AUDIENCE = "audience", _("its members benefit")

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="networks", verbose_name=_("project")
    )
    network = models.ForeignKey(
        "members.Network",
        on_delete=models.CASCADE,
        related_name="project_roles",
        verbose_name=_("network"),
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.PARTNER)

    class Meta:
        ordering = ["network__name"]
        verbose_name = _("project network")
        verbose_name_plural = _("project networks")
        constraints = [
            models.UniqueConstraint(fields=["project", "network"], name="one_role_per_network")
        ]

    def __str__(self) -> str:
        return f"{self.network} – {self.project}"


class Funding(models.Model):
    """Public funding of a project: programme, funder, amount in EUR, approval and period."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="fundings", verbose_name=_("project")
    )
    programme = models.CharField(_("programme"), max_length=200)
    funder = models.CharField(_("funder"), max_length=200)
    amount = models.DecimalField(
        _("amount in EUR"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    starts_on = models.DateField(_("funded from"), null=True, blank=True)
    ends_on = models.DateField(_("funded until"), null=True, blank=True)

    class Meta:
        ordering = ["approved_on", "id"]
        verbose_name = _("funding")
        verbose_name_plural = _("fundings")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="funding_amount_not_negative"),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="funding_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.programme} ({self.funder})"

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end must not be before the start.")})


class Milestone(models.Model):
    """A step of a project with a due date; its date lies inside the project's period."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="milestones", verbose_name=_("project")
    )
    title = models.CharField(_("title"), max_length=200)
    due_on = models.DateField(_("due on"))
    done = models.BooleanField(_("done"), default=False)
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        constraints = [
            models.CheckConstraint(
                condition=Q(done=True, done_on__isnull=False) | Q(done=False, done_on__isnull=True),
                name="milestone_done_has_date",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        """The due date inside the project period (where the project has one)."""
        project = self.project if self.project_id else None
        if project is None or self.due_on is None:
            return
        if project.starts_on and self.due_on < project.starts_on:
            raise ValidationError({"due_on": _("The date lies before the project starts.")})
        if project.ends_on and self.due_on > project.ends_on:
            raise ValidationError({"due_on": _("The date lies after the project ends.")})
