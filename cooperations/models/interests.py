"""Interest in a listing, and introductions brokered by a partner; both need consent."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

OPEN_INTEREST = ("pending", "accepted")


class Interest(models.Model):
    """An organisation's expression of interest in a listing, with a message.

    Contact details pass between the two sides only once the owner accepts. An
    organisation holds at most one open (pending or accepted) interest per listing.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for an answer")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")
        WITHDRAWN = "withdrawn", _("withdrawn")

    listing = models.ForeignKey(
        "cooperations.Listing",
        on_delete=models.CASCADE,
        related_name="interests",
        verbose_name=_("listing"),
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.CASCADE,
        related_name="interests_sent",
        verbose_name=_("from organisation"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    message = models.TextField(_("message"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    reply = models.TextField(_("reply"), blank=True)
    decided_at = models.DateTimeField(_("answered"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("interest")
        verbose_name_plural = _("interests")
        constraints = [
            models.UniqueConstraint(
                fields=["listing", "organisation"],
                condition=Q(status__in=OPEN_INTEREST),
                name="one_open_interest_per_listing_and_organisation",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "accepted", "declined", "withdrawn"]),
                name="interest_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["accepted", "declined"]) | Q(decided_at__isnull=False),
                name="interest_decision_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="withdrawn") | Q(withdrawn_at__isnull=False),
                name="interest_withdrawal_has_date",
            ),
        ]
        indexes = [models.Index(fields=["listing", "status"])]

    def __str__(self) -> str:
        return f"{self.organisation} → {self.listing}"

    @property
    def is_accepted(self) -> bool:
        return self.status == self.Status.ACCEPTED


class Introduction(models.Model):
    """A partner (chamber, agency) introduces two organisations to each other.

    Each side answers on its own; the introduction is accepted when both accept (then they
    see each other's contact details) and declined as soon as one declines.
    """

    class Answer(models.TextChoices):
        PENDING = "pending", _("no answer yet")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for answers")
        ACCEPTED = "accepted", pgettext_lazy("introduction", "accepted by both")
        DECLINED = "declined", _("declined")
        WITHDRAWN = "withdrawn", _("withdrawn")

    broker_organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.CASCADE,
        related_name="introductions_brokered",
        verbose_name=_("introduced by organisation"),
    )
    broker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("introduced by"),
    )
    first_organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.CASCADE,
        related_name="introductions_as_first",
        verbose_name=_("first organisation"),
    )
    second_organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.CASCADE,
        related_name="introductions_as_second",
        verbose_name=_("second organisation"),
    )
    listing = models.ForeignKey(
        "cooperations.Listing",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="introductions",
        verbose_name=_("about listing"),
    )
    message = models.TextField(_("message"))
    first_answer = models.CharField(
        _("answer of the first organisation"),
        max_length=12,
        choices=Answer.choices,
        default=Answer.PENDING,
    )
    first_answered_at = models.DateTimeField(
        _("first organisation answered"), null=True, blank=True
    )
    first_answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("first organisation answered by"),
    )
    second_answer = models.CharField(
        _("answer of the second organisation"),
        max_length=12,
        choices=Answer.choices,
        default=Answer.PENDING,
    )
    second_answered_at = models.DateTimeField(
        _("second organisation answered"), null=True, blank=True
    )
    second_answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("second organisation answered by"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("introduction")
        verbose_name_plural = _("introductions")
        constraints = [
            models.CheckConstraint(
                condition=~Q(first_organisation=F("second_organisation")),
                name="introduction_two_different_organisations",
            ),
            models.CheckConstraint(
                condition=~Q(status="accepted")
                | Q(first_answer="accepted", second_answer="accepted"),
                name="introduction_accepted_by_both",
            ),
            models.CheckConstraint(
                condition=Q(first_answer="pending") | Q(first_answered_at__isnull=False),
                name="introduction_first_answer_has_date",
            ),
            models.CheckConstraint(
                condition=Q(second_answer="pending") | Q(second_answered_at__isnull=False),
                name="introduction_second_answer_has_date",
            ),
            models.UniqueConstraint(
                fields=["first_organisation", "second_organisation"],
                condition=Q(status="pending"),
                name="one_pending_introduction_per_pair",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_organisation} ↔ {self.second_organisation}"

    def answer_of(self, organisation_id: int) -> str | None:
        """The answer of the given side, ``None`` when it is not one of the two."""
        if organisation_id == self.first_organisation_id:
            return self.first_answer
        if organisation_id == self.second_organisation_id:
            return self.second_answer
        return None
