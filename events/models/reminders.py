"""Reminder rules: when confirmed attendees get a reminder, as an offset before the start.

What was sent is not kept here: each reminder is an outbox row whose key names the
offset, the event's start and the registration. A moved event therefore gets fresh
reminders for its new time, and a reminder for one start never goes out twice.
"""

from datetime import timedelta

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

DAY = timedelta(days=1)
HOUR = timedelta(hours=1)


class ReminderRule(models.Model):
    """Remind the event's confirmed attendees ``offset`` before it starts."""

    DEFAULT_OFFSETS = (timedelta(days=7), timedelta(days=1))
    SHORTEST = HOUR
    LONGEST = timedelta(days=60)
    MOST_PER_EVENT = 5

    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="reminder_rules",
        verbose_name=_("event"),
    )
    offset = models.DurationField(_("before the start"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-offset", "id"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(fields=["event", "offset"], name="one_reminder_per_offset"),
            models.CheckConstraint(condition=Q(offset__gt=timedelta(0)), name="reminder_before"),
        ]

    def __str__(self) -> str:
        return f"{self.event} – {self.label}"

    @property
    def label(self) -> str:
        """ "7 days before the start", "3 hours before the start"."""
        return offset_label(self.offset)

    @property
    def minutes(self) -> int:
        return int(self.offset.total_seconds() // 60)


def offset_label(offset: timedelta) -> str:
    if offset % DAY == timedelta(0):
        days = offset // DAY
        return ngettext(
            "%(count)s day before the start", "%(count)s days before the start", days
        ) % {"count": days}
    hours = offset // HOUR
    return ngettext(
        "%(count)s hour before the start", "%(count)s hours before the start", hours
    ) % {"count": hours}
