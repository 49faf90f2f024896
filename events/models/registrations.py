"""Registrations of persons for events, and their choices of workshops."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Registration(models.Model):
    """A person's place at an event: confirmed, on the waiting list, or cancelled.

    The waiting list is ordered by ``waitlist_priority`` (a manager moved someone up by
    hand: higher first), then by arrival: ``created_at``, then ``id``. ``WAITLIST_ORDER``
    is that order; every read and every promotion uses it.
    """

    WAITLIST_ORDER = ("-waitlist_priority", "created_at", "id")

    class Source(models.TextChoices):
        SELF = "self", _("registered themself")
        COLLEAGUE = "colleague", _("registered by their organisation")
        MANAGER = "manager", _("registered by a network manager")
        WALK_IN = "walk_in", _("walk-in at the event")
        INVITATION = "invitation", _("from an invitation")

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("on the waiting list")
        CANCELLED = "cancelled", pgettext_lazy("registration", "cancelled")

    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("event"),
    )
    person = models.ForeignKey(
        "members.Person",
        on_delete=models.PROTECT,
        related_name="registrations",
        verbose_name=_("attendee"),
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        related_name="event_registrations",
        verbose_name=_("organisation"),
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registered by"),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    source = models.CharField(
        _("how registered"), max_length=12, choices=Source.choices, default=Source.SELF
    )
    waitlist_priority = models.PositiveIntegerField(
        _("moved up on the waiting list"),
        default=0,
        help_text=_("Higher numbers come first; 0 for the order of arrival."),
    )
    workshops = models.ManyToManyField(
        "events.Session",
        through="events.WorkshopChoice",
        blank=True,
        related_name="registrations",
        verbose_name=_("workshops"),
    )
    access_needs = models.TextField(_("access needs"), blank=True)
    consent_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True, db_index=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cancelled by"),
    )
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checked in by"),
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person"],
                condition=~Q(status="cancelled"),
                name="one_open_registration_per_person",
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.person} – {self.event}"

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED


class WorkshopChoice(models.Model):
    """A registration's seat, or place on the waiting list, in one workshop."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("on the waiting list")
        CANCELLED = "cancelled", pgettext_lazy("registration", "cancelled")

    registration = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        related_name="choices",
        verbose_name=_("registration"),
    )
    session = models.ForeignKey(
        "events.Session",
        on_delete=models.CASCADE,
        related_name="choices",
        verbose_name=_("workshop"),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    created_at = models.DateTimeField(_("chosen"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("workshop choice")
        verbose_name_plural = _("workshop choices")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "session"], name="one_choice_per_workshop"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.registration.person} – {self.session}"
