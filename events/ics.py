"""iCalendar (RFC 5545) files of events: one event to download, or a feed to subscribe to.

Times are written in Europe/Berlin local time with ``TZID``; the calendar carries a
VTIMEZONE with the EU daylight saving rules, so it holds for every year. The online link
goes only into files built with ``online_link=True`` (for confirmed attendees and managers),
never into the feeds. ``event_message`` builds the iTIP message (METHOD REQUEST or CANCEL)
that mails to one attendee carry, with the same UID and SEQUENCE as the feeds.
"""

import datetime as dt
from collections.abc import Iterable
from email.utils import parseaddr
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils.translation import gettext as _

from events.models import Event

TZID = "Europe/Berlin"
BERLIN = ZoneInfo(TZID)
PRODID = "-//Network Portal//Events//DE"
METHOD_REQUEST = "REQUEST"
METHOD_CANCEL = "CANCEL"
STATUS = {
    Event.Status.PUBLISHED: "CONFIRMED",
    Event.Status.CANCELLED: "CANCELLED",
    Event.Status.DRAFT: "TENTATIVE",
}


def event_calendar(event: Event, *, online_link: bool = False) -> bytes:
    """A calendar with the single ``event``."""
    return _calendar([event], name=event.title, online_link=online_link)


def feed_calendar(events: Iterable[Event], *, name: str) -> bytes:
    """A subscribable calendar of ``events``; never with online links."""
    return _calendar(events, name=name, online_link=False)


def event_message(
    event: Event, *, method: str, attendee_email: str, attendee_name: str, online_link: bool
) -> bytes:
    """An iTIP message (RFC 5546) about ``event`` for one attendee, to attach to a mail.

    ``method`` is "REQUEST" (a seat: add or update the entry) or "CANCEL" (remove it).
    UID and SEQUENCE are those of the feeds, so the entry a calendar already holds is
    updated, not doubled. The attendee registered already, hence ``PARTSTAT=ACCEPTED``
    and no reply wanted (``RSVP=FALSE``); the portal's sender address is the organizer.
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    calendar.add_component(berlin_timezone())
    vevent = _vevent(event, online_link=online_link and method == METHOD_REQUEST)
    if method == METHOD_CANCEL:
        vevent.pop("status")
        vevent.add("status", "CANCELLED")
    vevent.add("organizer", _organizer())
    vevent.add("attendee", _attendee(attendee_email, attendee_name))
    calendar.add_component(vevent)
    return calendar.to_ical()


def _organizer() -> icalendar.vCalAddress:
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    organizer = icalendar.vCalAddress(f"mailto:{address}")
    if name:
        organizer.params["cn"] = name
    return organizer


def _attendee(email: str, name: str) -> icalendar.vCalAddress:
    attendee = icalendar.vCalAddress(f"mailto:{email}")
    if name:
        attendee.params["cn"] = name
    attendee.params["role"] = "REQ-PARTICIPANT"
    attendee.params["partstat"] = "ACCEPTED"
    attendee.params["rsvp"] = "FALSE"
    return attendee


def event_uid(event: Event) -> str:
    return f"event-{event.pk}@{urlsplit(settings.SITE_URL).hostname}"


def _calendar(events: Iterable[Event], *, name: str, online_link: bool) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TZID)
    calendar.add_component(berlin_timezone())
    for event in events:
        calendar.add_component(_vevent(event, online_link=online_link))
    return calendar.to_ical()


def berlin_timezone() -> icalendar.Timezone:
    """Europe/Berlin by the EU rules: CEST from the last Sunday of March, CET from October's."""
    timezone = icalendar.Timezone()
    timezone.add("tzid", TZID)
    timezone.add_component(
        _observance(icalendar.TimezoneDaylight, "CEST", start=(3, 29, 2), offsets=(1, 2))
    )
    timezone.add_component(
        _observance(icalendar.TimezoneStandard, "CET", start=(10, 25, 3), offsets=(2, 1))
    )
    return timezone


def _observance(kind, tzname: str, *, start: tuple, offsets: tuple) -> icalendar.Component:
    month, day, hour = start
    observance = kind()
    observance.add("tzname", tzname)
    # RFC 5545 wants the onset in floating local time here, hence no tzinfo.
    observance.add("dtstart", dt.datetime(1970, month, day, hour))  # noqa: DTZ001
    observance.add("tzoffsetfrom", dt.timedelta(hours=offsets[0]))
    observance.add("tzoffsetto", dt.timedelta(hours=offsets[1]))
    observance.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
    return observance


def _vevent(event: Event, *, online_link: bool) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", event.updated_at)
    vevent.add("last-modified", event.updated_at)
    vevent.add("created", event.created_at)
    vevent.add("sequence", event.sequence)
    vevent.add("dtstart", event.starts_at.astimezone(BERLIN))
    vevent.add("dtend", event.ends_at.astimezone(BERLIN))
    vevent.add("summary", event.title)
    vevent.add("status", STATUS[event.status])
    vevent.add("url", settings.SITE_URL.rstrip("/") + event.get_absolute_url())
    if location := _location(event):
        vevent.add("location", location)
    if description := _description(event, online_link=online_link):
        vevent.add("description", description)
    return vevent


def _location(event: Event) -> str:
    place = ", ".join(part for part in (event.venue, event.address) if part)
    if not place and event.is_online:
        return _("Online")
    return place


def _description(event: Event, *, online_link: bool) -> str:
    parts = [event.description.strip()]
    if online_link and event.is_online and event.online_url:
        parts.append(_("Online link: %(url)s") % {"url": event.online_url})
    return "\n\n".join(part for part in parts if part)
