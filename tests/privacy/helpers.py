"""Helpers of the data protection tests: events in the past, consents, a signed-in client."""

import datetime as dt

from django.test import Client
from django.utils import timezone

from events.models import Event
from members.models import User
from tests import factories


def signed_in(client: Client, user: User) -> Client:
    client.force_login(user)
    return client


def event_ended(days_ago: float, **values) -> Event:
    """An event that ended ``days_ago`` days ago (started 2 hours before)."""
    ends = timezone.now() - dt.timedelta(days=days_ago)
    return factories.EventFactory(starts_at=ends - dt.timedelta(hours=2), ends_at=ends, **values)


def months_ago(months: int, *, days: int = 0) -> dt.datetime:
    """Roughly ``months`` months back (30.5 days each), plus ``days``."""
    return timezone.now() - dt.timedelta(days=months * 30.5 + days)
