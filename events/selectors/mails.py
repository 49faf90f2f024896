"""How the mails about one event stand: counts per kind and status, in one query."""

from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from events.models import Event
from network_portal.models import OutgoingMail
from network_portal.outbox import mail_about

Status = OutgoingMail.Status
# The outbox kinds of the mails about an event, in the order of an event's life.
KIND_LABELS = {
    "event-invitation": _("Invitations"),
    "registration-confirmed": _("Registration confirmations"),
    "registration-waitlisted": _("Waiting list confirmations"),
    "registration-promoted": _("Moved up from the waiting list"),
    "registration-cancelled": _("Cancellation confirmations"),
    "event-changed": _("Change notices"),
    "event-reminder": _("Reminders"),
    "event-cancelled": _("Event cancelled"),
}
# Statuses in the order a manager reads them; "sending" counts as queued.
COLUMNS = (
    Status.QUEUED,
    Status.SENT,
    Status.FAILED,
    Status.UNCERTAIN,
    Status.SUPPRESSED,
    Status.KEPT,
)
COLUMN_LABELS = {
    Status.QUEUED: _("Queued"),
    Status.SENT: _("Sent"),
    Status.FAILED: _("Failed"),
    Status.UNCERTAIN: _("Uncertain"),
    Status.SUPPRESSED: _("Unsubscribed"),
    Status.KEPT: _("Kept"),
}
NEEDS_A_LOOK = frozenset({Status.FAILED, Status.UNCERTAIN})
ALWAYS_SHOWN = frozenset({Status.QUEUED, Status.SENT, Status.FAILED})


def kind_label(kind: str):
    """The kind's name for people (translated when shown); the kind itself if unknown."""
    return KIND_LABELS.get(kind, kind)


@dataclass(frozen=True)
class KindCounts:
    kind: str
    label: object  # a lazily translated name
    by_status: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_status.values())


@dataclass(frozen=True)
class MailCounts:
    """The counts of an event's mails. The table shows queued, sent and failed always,
    the rarer statuses only when some mail has them."""

    kinds: list[KindCounts]

    @property
    def total(self) -> int:
        return sum(kind.total for kind in self.kinds)

    @property
    def by_status(self) -> dict[str, int]:
        return {status: sum(k.by_status.get(status, 0) for k in self.kinds) for status in COLUMNS}

    @property
    def shown(self) -> list[str]:
        totals = self.by_status
        return [s for s in COLUMNS if s in ALWAYS_SHOWN or totals[s]]

    @property
    def columns(self) -> list[tuple[str, str]]:
        return [(status.value, COLUMN_LABELS[status]) for status in self.shown]

    @property
    def rows(self) -> list[tuple[KindCounts, list[int]]]:
        """Each kind with its counts in the order of ``columns``."""
        shown = self.shown
        return [(kind, [kind.by_status.get(s, 0) for s in shown]) for kind in self.kinds]

    @property
    def totals(self) -> list[tuple[str, int]]:
        """(status, count) per column, for the table's last row."""
        totals = self.by_status
        return [(status.value, totals[status]) for status in self.shown]

    @property
    def summary(self) -> list[tuple[str, str, int]]:
        """(status, label, count) of the statuses that occur, for a one-line overview."""
        return [
            (status.value, COLUMN_LABELS[status], count)
            for status, count in self.by_status.items()
            if count
        ]

    @property
    def needs_a_look(self) -> int:
        return sum(self.by_status[status] for status in NEEDS_A_LOOK)


def event_mail_counts(event: Event) -> MailCounts:
    """Per kind of mail about ``event``, how many are queued, sent, failed ... (one query)."""
    rows = (
        OutgoingMail.objects.filter(about=mail_about(event))
        .values_list("kind", "status")
        .annotate(count=Count("pk"))
        .order_by()
    )
    found: dict[str, dict[str, int]] = {}
    for kind, status, count in rows:
        column = Status.QUEUED if status == Status.SENDING else status
        by_status = found.setdefault(kind, {})
        by_status[column] = by_status.get(column, 0) + count
    order = list(KIND_LABELS)
    kinds = sorted(found, key=lambda k: (order.index(k) if k in order else len(order), k))
    return MailCounts(
        kinds=[KindCounts(kind=k, label=kind_label(k), by_status=found[k]) for k in kinds]
    )
