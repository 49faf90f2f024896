"""Dates of the demo, kept current: the data is written for one reference day and shifted.

The demo's event dates and "profile last confirmed" dates are written as they were on
``WRITTEN_FOR``. So that the demo never ages (upcoming events stay upcoming, the past
meeting stays past, profiles stay confirmed), the seed shifts them:

- event days move by whole weeks (weekdays stay), by the distance between the demo's
  *anchor* on ``WRITTEN_FOR`` and the anchor on the day of the seed. The anchor is the
  first Monday of the next quarter, so it stays the same for a whole quarter: a second run
  in the same quarter finds the events again (they are found by title and start). In the
  next quarter the seed adds the next round of events; the earlier ones become past
  events, as they would in a real network.
- confirmation days and the start of memberships move by the days between
  ``WRITTEN_FOR`` and the day of the seed, so recent joins stay recent (the managers'
  "new members per month" chart has something to show).
"""

from datetime import date, timedelta

from django.utils import timezone

WRITTEN_FOR = date(2026, 11, 21)


def quarter_anchor(day: date) -> date:
    """The first Monday on or after the first day of the quarter after ``day``'s."""
    quarter_start_month = 3 * ((day.month - 1) // 3) + 1
    next_month = quarter_start_month + 3
    year = day.year + (next_month > 12)
    first = date(year, (next_month - 1) % 12 + 1, 1)
    return first + timedelta(days=(7 - first.weekday()) % 7)


def event_day(day: date, *, today: date | None = None) -> date:
    """The demo event day ``day`` (written for ``WRITTEN_FOR``) as of ``today``."""
    today = today or timezone.localdate()
    return day + (quarter_anchor(today) - quarter_anchor(WRITTEN_FOR))


def confirmation_day(day: date | None, *, today: date | None = None) -> date | None:
    """A profile confirmed on ``day`` as written, that long before ``today``."""
    if day is None:
        return None
    today = today or timezone.localdate()
    return day + (today - WRITTEN_FOR)
