"""Every write of the events app, one module per concern; the public names live here."""

from events.services.changes import SEQUENCE_FIELDS, event_update
from events.services.colleagues import (
    Attendee,
    AttendeeError,
    registrations_create_for_colleagues,
)
from events.services.registrations import (
    RegistrationError,
    promote_waitlisted,
    registration_cancel,
    registration_create,
)

__all__ = [
    "SEQUENCE_FIELDS",
    "Attendee",
    "AttendeeError",
    "RegistrationError",
    "event_update",
    "promote_waitlisted",
    "registration_cancel",
    "registration_create",
    "registrations_create_for_colleagues",
]
