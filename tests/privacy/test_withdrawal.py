"""Withdrawing on "My data" stops what the consent allowed, per purpose."""

import datetime as dt

import pytest
from django.utils import timezone

from cooperations.models import DigestSubscription
from events.models import Registration
from members.models import Person
from network_portal.models import Consent, ConsentPurpose
from network_portal.privacy.consent import consent_give, consent_text_publish, has_consent
from network_portal.privacy.withdrawal import consent_withdraw_and_stop
from tests import factories
from tests.cooperations.factories import DigestSubscriptionFactory
from tests.privacy.helpers import event_ended

pytestmark = pytest.mark.django_db


def _registered(person, event, **values):
    registration = factories.RegistrationFactory(event=event, person=person, **values)
    consent = consent_give(
        purpose=ConsentPurpose.EVENT_REGISTRATION, user=person.user, person=person, about=event
    )
    return registration, consent


def test_withdrawing_registration_consent_cancels_and_moves_the_waiting_list(world):
    event = factories.EventFactory(capacity=1, cancellation_deadline=timezone.now())
    person = world.owner.people.get()
    registration, consent = _registered(person, event, access_needs="Rollstuhl")
    waiting = factories.RegistrationFactory(
        event=event, person=factories.PersonFactory(), status=Registration.Status.WAITLISTED
    )

    message = consent_withdraw_and_stop(consent=consent, withdrawn_by=world.owner)

    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED
    assert registration.access_needs == ""
    assert registration.cancelled_by == world.owner
    assert waiting.status == Registration.Status.CONFIRMED
    assert event.title in message
    assert not has_consent(purpose=ConsentPurpose.EVENT_REGISTRATION, person=person, about=event)


def test_withdrawing_consent_for_a_past_event_deletes_access_needs_but_keeps_the_count(world):
    event = event_ended(days_ago=3)
    person = world.owner.people.get()
    registration, consent = _registered(person, event, access_needs="Gebärdensprache")

    consent_withdraw_and_stop(consent=consent, withdrawn_by=world.owner)

    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.access_needs == ""
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None


def test_withdrawing_consent_given_in_two_text_versions_withdraws_both(world):
    event = factories.EventFactory()
    person = world.owner.people.get()
    _registration, first = _registered(person, event)
    consent_text_publish(purpose=ConsentPurpose.EVENT_REGISTRATION, text_de="Neu", text_en="New")
    second = consent_give(
        purpose=ConsentPurpose.EVENT_REGISTRATION, user=world.owner, person=person, about=event
    )

    consent_withdraw_and_stop(consent=second, withdrawn_by=world.owner)

    assert Consent.objects.filter(pk__in=[first.pk, second.pk], withdrawn_at=None).count() == 0


def test_withdrawing_directory_consent_hides_the_contact(world):
    person = world.owner.people.get()
    Person.objects.filter(pk=person.pk).update(
        is_public_contact=True, show_email=True, show_phone=True
    )
    consent = consent_give(
        purpose=ConsentPurpose.DIRECTORY_LISTING, user=world.owner, person=person, about=person
    )

    message = consent_withdraw_and_stop(consent=consent, withdrawn_by=world.owner)

    person.refresh_from_db()
    assert (person.is_public_contact, person.show_email, person.show_phone) == (False,) * 3
    assert world.company.name in message


def test_withdrawing_digest_consent_ends_the_subscription(world):
    DigestSubscriptionFactory(user=world.owner, organisation=world.company)
    kept = DigestSubscriptionFactory(user=world.colleague, organisation=world.company)
    consent = consent_give(
        purpose=ConsentPurpose.COOPERATION_DIGEST, user=world.owner, about=world.company
    )

    consent_withdraw_and_stop(consent=consent, withdrawn_by=world.owner)

    assert list(DigestSubscription.objects.all()) == [kept]


def test_withdrawing_an_already_withdrawn_consent_changes_nothing(world):
    event = factories.EventFactory()
    _registration, consent = _registered(world.owner.people.get(), event)
    consent_withdraw_and_stop(consent=consent, withdrawn_by=world.owner)
    consent.refresh_from_db()
    withdrawn_at = consent.withdrawn_at

    consent_withdraw_and_stop(consent=consent, withdrawn_by=world.owner)

    consent.refresh_from_db()
    assert consent.withdrawn_at == withdrawn_at
    assert timezone.now() - withdrawn_at < dt.timedelta(seconds=5)
