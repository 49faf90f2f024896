"""Marks person records that no longer hold anybody's personal data."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class AnonymisedPerson(models.Model):
    """A ``members.Person`` whose personal data was erased, and why.

    Registrations point at persons and must stay countable, so an erased person keeps its
    row with a placeholder name. Retention gives the registrations of long-past events
    placeholder persons too (``slot`` 1, 2, ... per organisation), so the attendees' own
    records no longer show which events they attended. Lists of people can leave these
    out with ``Person.objects.filter(anonymisation__isnull=True)``.
    """

    class Reason(models.TextChoices):
        ACCOUNT_DELETED = "account_deleted", _("the person deleted their account")
        REMOVED = "removed", _("removed by their organisation")
        RETENTION = "retention", _("stands in for attendees of past events")

    person = models.OneToOneField(
        "members.Person",
        on_delete=models.CASCADE,
        related_name="anonymisation",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    slot = models.PositiveIntegerField(_("placeholder number"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), auto_now_add=True)

    class Meta:
        ordering = ["-anonymised_at", "-id"]
        verbose_name = _("anonymised person")
        verbose_name_plural = _("anonymised persons")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "slot"],
                condition=Q(slot__isnull=False),
                name="one_placeholder_per_slot",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} ({self.person_id})"
