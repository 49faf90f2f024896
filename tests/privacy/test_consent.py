"""The consent ledger: text versions, giving, withdrawing, asking."""

import datetime as dt

import pytest
from django.utils import timezone, translation

from members.models import Person
from network_portal.models import Consent, ConsentPurpose, ConsentText
from network_portal.privacy.consent import (
    consent_give,
    consent_text_publish,
    consent_withdraw,
    consents_open,
    current_text,
    has_consent,
)
from network_portal.privacy.consent_texts import FIRST_TEXTS
from tests import factories

REGISTRATION = ConsentPurpose.EVENT_REGISTRATION
DIGEST = ConsentPurpose.COOPERATION_DIGEST
DIRECTORY = ConsentPurpose.DIRECTORY_LISTING

pytestmark = pytest.mark.django_db


def test_current_text_publishes_version_one_when_none_exists():
    text = current_text(REGISTRATION)

    assert (text.purpose, text.version) == (REGISTRATION, 1)
    assert (text.text_de, text.text_en) == FIRST_TEXTS[REGISTRATION]
    assert ConsentText.objects.count() == 1
    assert current_text(REGISTRATION) == text


def test_current_text_is_the_newest_version_already_valid():
    first = current_text(DIGEST)
    second = consent_text_publish(purpose=DIGEST, text_de="Neu", text_en="New")
    consent_text_publish(
        purpose=DIGEST,
        text_de="Später",
        text_en="Later",
        valid_from=timezone.now() + dt.timedelta(days=3),
    )

    assert (first.version, second.version) == (1, 2)
    assert current_text(DIGEST) == second
    assert current_text(DIGEST, now=timezone.now() + dt.timedelta(days=4)).version == 3


def test_text_is_shown_in_the_language_of_the_page():
    text = consent_text_publish(purpose=DIRECTORY, text_de="Deutsch", text_en="English")

    with translation.override("en"):
        assert text.text == "English"
    with translation.override("de"):
        assert text.text == "Deutsch"


def test_consent_give_records_user_person_text_and_object():
    person = factories.PersonFactory()
    event = factories.EventFactory()

    consent = consent_give(purpose=REGISTRATION, user=person.user, person=person, about=event)

    consent.refresh_from_db()
    assert consent.purpose == REGISTRATION
    assert consent.text == current_text(REGISTRATION)
    assert (consent.user, consent.person, consent.about) == (person.user, person, event)
    assert consent.withdrawn_at is None
    assert timezone.now() - consent.given_at < dt.timedelta(seconds=5)


def test_consent_give_twice_keeps_one_open_consent():
    user = factories.UserFactory()
    organisation = factories.OrganisationFactory()

    first = consent_give(purpose=DIGEST, user=user, about=organisation)
    second = consent_give(purpose=DIGEST, user=user, about=organisation)

    assert first == second
    assert Consent.objects.count() == 1


def test_consent_give_after_a_new_text_version_records_the_new_version():
    user = factories.UserFactory()
    old = consent_give(purpose=DIGEST, user=user)
    consent_text_publish(purpose=DIGEST, text_de="Neu", text_en="New")

    new = consent_give(purpose=DIGEST, user=user)

    assert new != old
    assert [c.text.version for c in Consent.objects.order_by("pk")] == [1, 2]


def test_consent_for_another_object_is_a_consent_of_its_own():
    person = factories.PersonFactory()
    first, second = factories.EventFactory(), factories.EventFactory()

    consent_give(purpose=REGISTRATION, user=person.user, person=person, about=first)

    assert has_consent(purpose=REGISTRATION, person=person, about=first)
    assert not has_consent(purpose=REGISTRATION, person=person, about=second)
    assert not has_consent(purpose=DIGEST, user=person.user, about=first)


def test_consent_withdraw_marks_the_open_consent_and_is_idempotent():
    person = factories.PersonFactory()
    event = factories.EventFactory()
    consent = consent_give(purpose=REGISTRATION, user=person.user, person=person, about=event)

    assert consent_withdraw(purpose=REGISTRATION, person=person, about=event) == 1
    assert consent_withdraw(purpose=REGISTRATION, person=person, about=event) == 0

    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    assert not has_consent(purpose=REGISTRATION, person=person, about=event)


def test_consent_withdraw_leaves_other_people_and_objects_alone():
    organisation = factories.OrganisationFactory()
    other_organisation = factories.OrganisationFactory()
    user, other_user = factories.UserFactory(), factories.UserFactory()
    consent_give(purpose=DIGEST, user=user, about=organisation)
    kept_other_user = consent_give(purpose=DIGEST, user=other_user, about=organisation)
    kept_other_object = consent_give(purpose=DIGEST, user=user, about=other_organisation)

    consent_withdraw(purpose=DIGEST, user=user, about=organisation)

    assert set(Consent.objects.filter(withdrawn_at__isnull=True)) == {
        kept_other_user,
        kept_other_object,
    }


def test_giving_again_after_withdrawing_opens_a_new_consent():
    user = factories.UserFactory()
    first = consent_give(purpose=DIGEST, user=user)
    consent_withdraw(purpose=DIGEST, user=user)

    again = consent_give(purpose=DIGEST, user=user)

    assert again != first
    assert list(consents_open(purpose=DIGEST, user=user)) == [again]


def test_consent_of_a_person_without_account():
    person = factories.PersonFactory(user=None, role=Person.Role.CONTACT)

    consent = consent_give(purpose=DIRECTORY, person=person, about=person)

    assert (consent.user, consent.person) == (None, person)
    assert has_consent(purpose=DIRECTORY, person=person, about=person)


def test_consent_needs_a_known_purpose_and_somebody():
    user = factories.UserFactory()

    with pytest.raises(ValueError, match="purpose"):
        consent_give(purpose="newsletter", user=user)
    with pytest.raises(ValueError, match="user who agreed"):
        consent_give(purpose=DIGEST)
    assert Consent.objects.count() == 0


def test_published_texts_keep_the_version_a_consent_refers_to():
    user = factories.UserFactory()
    consent = consent_give(purpose=DIGEST, user=user)
    consent_text_publish(purpose=DIGEST, text_de="Neu", text_en="New")

    consent.refresh_from_db()
    assert consent.text.version == 1
    assert consent.text.text_de == FIRST_TEXTS[DIGEST][0]
