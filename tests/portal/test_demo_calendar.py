"""The demo's dates stay current: upcoming events upcoming, the past meeting past."""

import datetime as dt

import pytest

from network_portal.demo.calendar import (
    WRITTEN_FOR,
    confirmation_day,
    event_day,
    quarter_anchor,
)
from network_portal.demo.events import PAST_MEETING, UPCOMING_EVENTS

DAYS_OVER_THREE_YEARS = [WRITTEN_FOR + dt.timedelta(days=n) for n in range(0, 3 * 366, 5)]


@pytest.mark.parametrize(
    ("day", "anchor"),
    [
        (dt.date(2026, 11, 21), dt.date(2027, 1, 4)),
        (dt.date(2026, 12, 31), dt.date(2027, 1, 4)),
        (dt.date(2027, 1, 1), dt.date(2027, 4, 5)),
        (dt.date(2027, 5, 20), dt.date(2027, 7, 5)),
        (dt.date(2027, 8, 1), dt.date(2027, 10, 4)),
    ],
)
def test_the_anchor_is_the_first_monday_of_the_next_quarter(day, anchor):
    assert quarter_anchor(day) == anchor
    assert anchor.weekday() == 0


def test_on_the_day_written_for_nothing_moves():
    assert event_day(dt.date(2027, 3, 18), today=WRITTEN_FOR) == dt.date(2027, 3, 18)
    assert confirmation_day(dt.date(2026, 9, 15), today=WRITTEN_FOR) == dt.date(2026, 9, 15)


@pytest.mark.parametrize("today", DAYS_OVER_THREE_YEARS)
def test_events_keep_weekdays_upcoming_stay_ahead_and_the_past_stays_past(today):
    for seed in UPCOMING_EVENTS:
        day = event_day(seed.day, today=today)
        assert day.weekday() == seed.day.weekday()
        assert day >= today + dt.timedelta(days=14)
    assert event_day(PAST_MEETING.day, today=today) <= today - dt.timedelta(days=30)


def test_the_same_quarter_gives_the_same_days():
    first, last = dt.date(2027, 1, 1), dt.date(2027, 3, 31)
    assert event_day(WRITTEN_FOR, today=first) == event_day(WRITTEN_FOR, today=last)


def test_confirmations_keep_their_age():
    today = dt.date(2028, 6, 1)
    assert today - confirmation_day(dt.date(2025, 10, 1), today=today) == WRITTEN_FOR - dt.date(
        2025, 10, 1
    )
    assert confirmation_day(None, today=today) is None
