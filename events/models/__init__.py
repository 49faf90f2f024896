from events.models.events import Event, EventPerson, EventSeries, Session
from events.models.registrations import Registration, WorkshopChoice

__all__ = ["Event", "EventPerson", "EventSeries", "Registration", "Session", "WorkshopChoice"]
