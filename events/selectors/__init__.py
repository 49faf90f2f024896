"""Reusable reads of the events app, one module per concern; import from the modules."""

from events.selectors.public import (
    calendar_events,
    event_page,
    registration_of,
    registrations_of,
    upcoming_events,
    waitlist_position,
)

__all__ = [
    "calendar_events",
    "event_page",
    "registration_of",
    "registrations_of",
    "upcoming_events",
    "waitlist_position",
]
