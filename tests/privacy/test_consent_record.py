"""``consent_record``: the one-statement way registrations give consent, same rules as
``consent_give``."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from network_portal.models import Consent, ConsentPurpose, ConsentText
from network_portal.privacy.consent import (
    consent_give,
    consent_record,
    consent_text_publish,
    consent_withdraw,
    current_text,
)
from network_portal.privacy.consent_texts import FIRST_TEXTS
from tests import factories

REGISTRATION = ConsentPurpose.EVENT_REGISTRATION

pytestmark = pytest.mark.django_db


def _rows():
    return list(
        Consent.objects.order_by("id").values_list(
            "purpose", "user_id", "person_id", "about_id", "text__version", "withdrawn_at"
        )
    )


def test_first_consent_publishes_the_first_text_and_records_it():
    person = factories.PersonFactory(user=factories.UserFactory())
    event = factories.EventFactory()

    consent_record(purpose=REGISTRATION, user=person.user, person=person, about=event)

    text = ConsentText.objects.get()
    assert (text.version, text.text_de) == (1, FIRST_TEXTS[REGISTRATION][0])
    assert _rows() == [(REGISTRATION, person.user.pk, person.pk, event.pk, 1, None)]


def test_new_consent_is_one_statement_and_the_same_again_records_nothing():
    person = factories.PersonFactory(user=factories.UserFactory())
    event = factories.EventFactory()
    current_text(REGISTRATION)

    with CaptureQueriesContext(connection) as first:
        consent_record(purpose=REGISTRATION, user=person.user, person=person, about=event)
    with CaptureQueriesContext(connection) as again:
        consent_record(purpose=REGISTRATION, user=person.user, person=person, about=event)

    assert (len(first), len(again)) == (1, 2)  # again: whether a text exists at all
    assert len(_rows()) == 1
    given = consent_give(purpose=REGISTRATION, user=person.user, person=person, about=event)
    assert given.pk == Consent.objects.get().pk  # both see the same open consent


def test_other_event_withdrawn_consent_or_new_text_record_again():
    person = factories.PersonFactory(user=factories.UserFactory())
    first, second = factories.EventFactory(), factories.EventFactory()
    consent_record(purpose=REGISTRATION, user=person.user, person=person, about=first)
    consent_record(purpose=REGISTRATION, user=person.user, person=person, about=second)
    consent_withdraw(purpose=REGISTRATION, user=person.user, person=person, about=first)
    consent_record(purpose=REGISTRATION, user=person.user, person=person, about=first)
    consent_text_publish(purpose=REGISTRATION, text_de="Neu", text_en="New")
    consent_record(purpose=REGISTRATION, user=person.user, person=person, about=first)

    rows = _rows()
    assert [(about, version) for _p, _u, _pe, about, version, _w in rows] == [
        (first.pk, 1),
        (second.pk, 1),
        (first.pk, 1),
        (first.pk, 2),
    ]
    assert rows[0][5] is not None  # the withdrawn one stays as proof
    assert all(row[5] is None for row in rows[1:])


def test_text_valid_only_later_is_not_used_yet():
    person = factories.PersonFactory(user=factories.UserFactory())
    current_text(REGISTRATION)
    consent_text_publish(
        purpose=REGISTRATION,
        text_de="Später",
        text_en="Later",
        valid_from=timezone.now() + dt.timedelta(days=1),
    )

    consent_record(purpose=REGISTRATION, user=person.user, person=person)

    assert _rows() == [(REGISTRATION, person.user.pk, person.pk, None, 1, None)]


def test_person_without_account_and_account_without_person_are_told_apart():
    person = factories.PersonFactory(user=None)
    user = factories.UserFactory()
    event = factories.EventFactory()

    consent_record(purpose=REGISTRATION, person=person, about=event)
    consent_record(purpose=REGISTRATION, user=user, about=event)
    consent_record(purpose=REGISTRATION, person=person, about=event)

    assert _rows() == [
        (REGISTRATION, None, person.pk, event.pk, 1, None),
        (REGISTRATION, user.pk, None, event.pk, 1, None),
    ]


def test_unknown_purpose_or_nobody_is_refused_before_anything_is_written():
    with pytest.raises(ValueError, match="purpose"):
        consent_record(purpose="newsletter", user=factories.UserFactory())
    with pytest.raises(ValueError, match="user who agreed"):
        consent_record(purpose=REGISTRATION)
    assert not Consent.objects.exists()
