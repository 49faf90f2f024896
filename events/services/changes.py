"""Changes to the event itself: plain fields, and the iCalendar SEQUENCE they raise."""

from django.db import transaction

from events.models import Event

# Changes that calendars must pick up: they raise the iCalendar SEQUENCE of the event.
SEQUENCE_FIELDS = frozenset(
    {"title", "starts_at", "ends_at", "venue", "address", "online_url", "status"}
)
_NOT_CHANGEABLE = frozenset({"id", "sequence", "created_at", "updated_at"})


@transaction.atomic
def event_update(*, event: Event, **changes) -> Event:
    """Change plain fields of ``event``; raise ``sequence`` when calendars must update."""
    _check_changeable(changes)
    event = Event.objects.select_for_update().get(pk=event.pk)
    changed = {name for name, value in changes.items() if getattr(event, name) != value}
    for name in changed:
        setattr(event, name, changes[name])
    if changed & SEQUENCE_FIELDS:
        event.sequence += 1
    event.full_clean()
    event.save()
    return event


def _check_changeable(changes: dict) -> None:
    fields = {field.attname for field in Event._meta.concrete_fields} | {
        field.name for field in Event._meta.concrete_fields
    }
    unknown = set(changes) - (fields - _NOT_CHANGEABLE)
    if unknown:
        raise TypeError(f"event_update() cannot change {', '.join(sorted(unknown))}")
