"""Database constraints of the events models: the backstop behind the services."""

import datetime as dt

import pytest
from django.db import IntegrityError

from events.models import Registration
from tests import factories

pytestmark = pytest.mark.django_db


def test_event_must_end_after_it_starts():
    event = factories.EventFactory.build()
    event.ends_at = event.starts_at - dt.timedelta(minutes=1)
    with pytest.raises(IntegrityError, match="event_ends_after_start"):
        event.save()


def test_session_must_end_after_it_starts(event):
    with pytest.raises(IntegrityError, match="session_ends_after_start"):
        factories.SessionFactory(event=event, ends_at=event.starts_at)


def test_one_open_registration_per_person_and_event(event):
    first = factories.RegistrationFactory(event=event)
    with pytest.raises(IntegrityError, match="one_open_registration_per_person"):
        factories.RegistrationFactory(event=event, person=first.person)


def test_cancelled_registrations_do_not_block_a_new_one(event):
    first = factories.RegistrationFactory(event=event, status=Registration.Status.CANCELLED)
    again = factories.RegistrationFactory(event=event, person=first.person)
    assert Registration.objects.filter(person=first.person).count() == 2
    assert again.status == Registration.Status.CONFIRMED


def test_event_person_needs_a_person_or_a_name(event):
    with pytest.raises(IntegrityError, match="event_person_has_name"):
        factories.EventPersonFactory(event=event, name="")
