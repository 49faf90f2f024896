from events.models.events import Event, EventPerson, EventSeries, Session
from events.models.invitations import Invitation, InvitationBatch
from events.models.registrations import Registration, WorkshopChoice
from events.models.reminders import ReminderRule

__all__ = [
    "Event",
    "EventPerson",
    "EventSeries",
    "Invitation",
    "InvitationBatch",
    "Registration",
    "ReminderRule",
    "Session",
    "WorkshopChoice",
]
