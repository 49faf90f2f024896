"""Changes to an existing event: its fields and agenda, publishing, cancelling.

Each change locks the event row first (``SELECT ... FOR UPDATE``), like registrations
do, so a capacity change and a registration never decide on the same seats at once.
Fields that calendars show raise the iCalendar SEQUENCE.
"""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events import ics
from events.models import Event, Registration, WorkshopChoice
from events.services import notifications
from events.services.editing import (
    Agenda,
    EventChangeError,
    Problem,
    agenda_problems,
    agenda_save,
    capacity_problems,
    model_problems,
    relations_set,
    series_named,
)
from events.services.registrations import fill_workshops, promote_waitlisted
from members.models import User
from network_portal.audit import audit_record
from network_portal.outbox import mail_about, mail_from_template

# Changes that calendars must pick up: they raise the iCalendar SEQUENCE of the event.
SEQUENCE_FIELDS = frozenset(
    {"title", "starts_at", "ends_at", "venue", "address", "online_url", "status"}
)
_NOT_CHANGEABLE = frozenset({"id", "sequence", "created_at", "updated_at"})
OPEN = (Registration.Status.CONFIRMED, Registration.Status.WAITLISTED)


@transaction.atomic
def event_update(
    *,
    event: Event,
    relations: dict[str, Iterable] | None = None,
    agenda: Agenda | None = None,
    keep_confirmed: bool = False,
    new_series: str = "",
    changed_by: User | None = None,
    **changes,
) -> Event:
    """Change fields (and, if given, relations and agenda) of ``event``.

    Raises ``sequence`` when calendars must update. More seats (for the event or a
    workshop) go to the waiting list at once, in its order. Fewer seats than confirmed
    registrations need ``keep_confirmed``: nobody loses their seat, and nobody new is
    confirmed until enough have cancelled. Raises ``EventChangeError``; nothing is saved then.

    A published event whose time, place or online link changes: everybody registered
    gets a notice (``notifications.mail_event_changed``) in this transaction.
    """
    _check_changeable(changes)
    event = Event.objects.select_for_update().get(pk=event.pk)
    old_capacity = event.capacity
    was_published = event.status == Event.Status.PUBLISHED
    before = {name: getattr(event, name) for name in notifications.NOTICE_FIELDS}
    if new_series:
        changes["series"] = series_named(new_series)
    changed = {name for name, value in changes.items() if getattr(event, name) != value}
    for name in changed:
        setattr(event, name, changes[name])
    if changed & SEQUENCE_FIELDS:
        event.sequence += 1
    _check(event, old_capacity=old_capacity, agenda=agenda, keep_confirmed=keep_confirmed)
    event.save()
    if relations is not None:
        relations_set(event=event, relations=relations)
    if agenda is not None:
        agenda_save(event=event, agenda=agenda)
    promoted = []
    if event.status != Event.Status.CANCELLED:
        promoted = promote_waitlisted(event)
        fill_workshops(event.sessions.filter(is_workshop=True))
    if notifications.change_worth_a_notice(
        was_published=was_published, event=event, changed=changed
    ):
        change = notifications.EventChange(before=before, changed=frozenset(changed))
        notifications.mail_event_changed(event, change=change, skip=[r.pk for r in promoted])
    if changed_by is not None:
        _audit(changed_by, event, changed=changed, keep_confirmed=keep_confirmed)
    return event


def _check_changeable(changes: dict) -> None:
    fields = {field.attname for field in Event._meta.concrete_fields} | {
        field.name for field in Event._meta.concrete_fields
    }
    unknown = set(changes) - (fields - _NOT_CHANGEABLE)
    if unknown:
        raise TypeError(f"event_update() cannot change {', '.join(sorted(unknown))}")


def _check(event: Event, *, old_capacity: int, agenda: Agenda | None, keep_confirmed: bool):
    problems = model_problems(event)
    if not any(problem.field == "capacity" for problem in problems):
        problems += capacity_problems(
            event=event, old_capacity=old_capacity, keep_confirmed=keep_confirmed
        )
    if agenda is not None:
        problems += agenda_problems(event=event, agenda=agenda, keep_confirmed=keep_confirmed)
    if problems:
        raise EventChangeError(problems)


def _audit(actor: User, event: Event, *, changed: set[str], keep_confirmed: bool) -> None:
    details = {"fields": sorted(changed)}
    if keep_confirmed:
        details["keep_confirmed"] = True
    audit_record(actor=actor, action="event.edit", target=event, details=details)


@transaction.atomic
def event_publish(*, event: Event, published_by: User) -> Event:
    """A draft goes public: on the calendar, open for registration."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status != Event.Status.DRAFT:
        raise EventChangeError([Problem(_("Only a draft can be published."))])
    event = event_update(event=event, status=Event.Status.PUBLISHED)
    audit_record(actor=published_by, action="event.publish", target=event)
    return event


@transaction.atomic
def event_cancel(*, event: Event, cancelled_by: User, message: str = "") -> list[Registration]:
    """Cancel the event and tell everybody registered (confirmed or waiting) by e-mail.

    Their registrations are cancelled with it: seats and waiting list end with the event,
    nobody is promoted any more, and "My events" shows them as cancelled. The mails are
    outbox rows of this transaction. Returns the registrations that were open.
    """
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status != Event.Status.PUBLISHED:
        raise EventChangeError([Problem(_("Only a published event can be cancelled."))])
    if event.ends_at <= timezone.now():
        raise EventChangeError([Problem(_("This event is over; it cannot be cancelled."))])
    event = event_update(event=event, status=Event.Status.CANCELLED)
    registrations = list(
        event.registrations.filter(status__in=OPEN)
        .select_related("person__user", "organisation")
        .order_by("created_at", "id")
    )
    for registration in registrations:
        mail_event_cancelled(event=event, registration=registration, message=message)
    _cancel_registrations(registrations, cancelled_by=cancelled_by)
    audit_record(
        actor=cancelled_by,
        action="event.cancel",
        target=event,
        details={"registrations": [registration.pk for registration in registrations]},
    )
    return registrations


def _cancel_registrations(registrations: list[Registration], *, cancelled_by: User) -> None:
    ids = [registration.pk for registration in registrations]
    Registration.objects.filter(pk__in=ids).update(
        status=Registration.Status.CANCELLED, cancelled_at=timezone.now(), cancelled_by=cancelled_by
    )
    WorkshopChoice.objects.filter(registration_id__in=ids).update(
        status=WorkshopChoice.Status.CANCELLED
    )


def mail_event_cancelled(*, event: Event, registration: Registration, message: str) -> None:
    """The mail to one registrant that the event is cancelled, in their language.

    ``registration.status`` is still the one before the cancellation (confirmed or on
    the waiting list). People without an e-mail address are skipped. The ``.ics``
    (METHOD:CANCEL) takes the event out of their calendar.
    """
    recipient = notifications.recipient_of(registration.person)
    if recipient is None:
        return
    calendar = notifications.calendar_attachment(
        event, method=ics.METHOD_CANCEL, recipient=recipient, online_link=False
    )
    mail_from_template(
        key=f"event-cancelled:{event.pk}:{registration.pk}",
        kind="event-cancelled",
        recipient=recipient.email,
        language=recipient.language,
        template="event_cancelled",
        context={
            "event": event,
            "registration": registration,
            "person": registration.person,
            "message": message,
        },
        about=mail_about(event),
        attachments=[calendar],
    )
