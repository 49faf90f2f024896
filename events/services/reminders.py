"""Reminders before events: the rules per event, and the sweep that queues due reminders.

Every event gets the default rules (7 days and 1 day before the start) when it is
created; a manager may add or remove rules. Celery beat runs ``reminders_queue_due``
every five minutes. A reminder of a rule is due from ``start - offset`` until the start:

- only for published events that have not started, and confirmed registrations;
- only the rule due last (the shortest offset due) counts, so a sweep that comes late
  or an event moved closer sends one reminder, not several at once;
- only for people registered before the reminder's moment (who registered later just
  got their confirmation);
- once: the outbox key names offset, start and registration. A moved event has a new
  start, so its reminders are due afresh at the new time, and the old ones can never go
  out any more;
- not to addresses that switched reminders off (``network_portal.preferences``); each
  reminder carries the one-click unsubscribe link and header.
"""

from datetime import UTC, datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import Event, Registration, ReminderRule
from events.services.notifications import Recipient, recipient_of, registration_context
from members.models import User
from network_portal import preferences
from network_portal.audit import audit_record
from network_portal.models import OutgoingMail
from network_portal.outbox import RenderedMail, mail_about, mail_render, mails_enqueue

KIND = "event-reminder"


class ReminderError(Exception):
    def __init__(self, message) -> None:
        super().__init__(message)
        self.message = message


# --- Rules ----------------------------------------------------------------------------------


def reminder_rules_create_defaults(*, event: Event) -> None:
    """The default rules of a new event (call it inside the transaction that creates it)."""
    ReminderRule.objects.bulk_create(
        [ReminderRule(event=event, offset=offset) for offset in ReminderRule.DEFAULT_OFFSETS],
        ignore_conflicts=True,
    )


@transaction.atomic
def reminder_rule_add(*, event: Event, offset: timedelta, added_by: User) -> ReminderRule:
    """A new rule; ``ReminderError`` for an offset out of range, a double, or one too many."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if not ReminderRule.SHORTEST <= offset <= ReminderRule.LONGEST:
        raise ReminderError(_("A reminder goes out between 1 hour and 60 days before the start."))
    if event.reminder_rules.count() >= ReminderRule.MOST_PER_EVENT:
        raise ReminderError(_("An event can have at most 5 reminders."))
    try:
        with transaction.atomic():
            rule = ReminderRule.objects.create(event=event, offset=offset)
    except IntegrityError as error:
        raise ReminderError(_("This event has a reminder at that time already.")) from error
    audit_record(
        actor=added_by, action="event.reminder_add", target=event, details={"minutes": rule.minutes}
    )
    return rule


@transaction.atomic
def reminder_rule_remove(*, rule: ReminderRule, removed_by: User) -> None:
    """Remove a rule; reminders already sent stay in the outbox."""
    event = Event.objects.select_for_update().get(pk=rule.event_id)
    deleted, _counts = ReminderRule.objects.filter(pk=rule.pk).delete()
    if deleted:
        audit_record(
            actor=removed_by,
            action="event.reminder_remove",
            target=event,
            details={"minutes": rule.minutes},
        )


# --- The sweep ------------------------------------------------------------------------------


def reminder_key(*, rule: ReminderRule, event: Event, registration: Registration) -> str:
    start = event.starts_at.astimezone(UTC).isoformat()
    return f"reminder:{rule.minutes}:{start}:{registration.pk}"


def due_rules(*, now: datetime) -> list[ReminderRule]:
    """Per published event that has not started, the rule due last (if any is due)."""
    rules = (
        ReminderRule.objects.filter(event__status=Event.Status.PUBLISHED, event__starts_at__gt=now)
        .annotate(due_at=F("event__starts_at") - F("offset"))
        .filter(due_at__lte=now)
        .select_related("event")
        .order_by("event_id", "offset")
    )
    latest: dict[int, ReminderRule] = {}
    for rule in rules:
        latest.setdefault(rule.event_id, rule)
    return list(latest.values())


def reminders_queue_due(*, now: datetime | None = None) -> int:
    """Record the reminders due at ``now``; returns how many were recorded."""
    now = now or timezone.now()
    return sum(reminders_queue_for_rule(rule=rule, now=now) for rule in due_rules(now=now))


@transaction.atomic
def reminders_queue_for_rule(*, rule: ReminderRule, now: datetime) -> int:
    """The reminders of one due rule that are not recorded yet, in one batch.

    The event row is locked, so a move of the event waits until these reminders are
    recorded, and a reminder is never recorded for a start that was just changed.
    """
    event = Event.objects.select_for_update().get(pk=rule.event_id)
    due_at = event.starts_at - rule.offset
    if event.status != Event.Status.PUBLISHED or not due_at <= now < event.starts_at:
        return 0  # changed since the rule was read
    registrations = list(
        event.registrations.filter(
            status=Registration.Status.CONFIRMED, created_at__lte=due_at
        ).select_related("person__user")
    )
    keys = {r.pk: reminder_key(rule=rule, event=event, registration=r) for r in registrations}
    known = set(OutgoingMail.objects.filter(key__in=keys.values()).values_list("key", flat=True))
    waiting = _wanting_reminders(r for r in registrations if keys[r.pk] not in known)
    links = preferences.unsubscribes_for(kind=KIND, emails=[rc.email for _r, rc in waiting])
    mails = [
        _reminder(event, registration, recipient, key=keys[registration.pk], links=links)
        for registration, recipient in waiting
    ]
    return len(mails_enqueue(mails)) if mails else 0


def _wanting_reminders(registrations) -> list[tuple[Registration, Recipient]]:
    """The registrations whose person has an address that did not switch reminders off."""
    waiting = [(r, recipient_of(r.person)) for r in registrations]
    waiting = [(r, recipient) for r, recipient in waiting if recipient is not None]
    refused = preferences.opted_out(
        emails=[recipient.email for _r, recipient in waiting],
        category=preferences.MailCategory.REMINDERS,
    )
    return [(r, rc) for r, rc in waiting if preferences.normalised(rc.email) not in refused]


def _reminder(
    event: Event, registration: Registration, recipient: Recipient, *, key: str, links: dict
) -> RenderedMail:
    registration.event = event
    return mail_render(
        key=key,
        kind=KIND,
        recipient=recipient.email,
        language=recipient.language,
        template="event_reminder",
        context=registration_context(registration, registered_by=None),
        about=mail_about(event),
        unsubscribe=links.get(preferences.normalised(recipient.email)),
    )
