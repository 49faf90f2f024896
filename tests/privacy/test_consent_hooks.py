"""The ledger follows the places where people agree: digests and being shown as a contact."""

import pytest

from cooperations.services.digests import digest_subscribe, digest_unsubscribe
from members.models import Person
from members.services.people import person_create, person_update
from network_portal.models import Consent, ConsentPurpose
from tests import factories

pytestmark = pytest.mark.django_db


def _consents(purpose: str):
    return Consent.objects.filter(purpose=purpose).order_by("id")


def test_digest_opt_in_records_consent_and_opt_out_withdraws_it(world):
    user, organisation = world.owner, world.company

    digest_subscribe(user=user, organisation=organisation)
    digest_subscribe(user=user, organisation=organisation)

    consents = list(_consents(ConsentPurpose.COOPERATION_DIGEST))
    assert len(consents) == 1
    assert (consents[0].user, consents[0].about_id, consents[0].withdrawn_at) == (
        user,
        organisation.pk,
        None,
    )
    assert consents[0].text.version == 1

    digest_unsubscribe(user=user, organisation=organisation)

    consents[0].refresh_from_db()
    assert consents[0].withdrawn_at is not None


def test_showing_a_contact_on_the_profile_records_consent_and_hiding_withdraws(world):
    owner, company = world.owner, world.company
    person = person_create(
        organisation=company,
        created_by=owner,
        contact={"first_name": "Ida", "last_name": "Brune", "is_public_contact": True},
    )
    given = _consents(ConsentPurpose.DIRECTORY_LISTING).get()
    assert (given.person, given.user, given.withdrawn_at) == (person, owner, None)

    person_update(person=person, updated_by=owner, contact={"is_public_contact": False})

    given.refresh_from_db()
    assert given.withdrawn_at is not None

    person_update(person=person, updated_by=owner, contact={"is_public_contact": True})
    assert _consents(ConsentPurpose.DIRECTORY_LISTING).filter(withdrawn_at=None).count() == 1


def test_a_hidden_contact_records_no_consent(world):
    owner, company = world.owner, world.company
    person_create(
        organisation=company,
        created_by=owner,
        contact={"first_name": "Ole", "last_name": "Stein"},
    )
    other = factories.PersonFactory(organisation=company, role=Person.Role.CONTACT)
    person_update(person=other, updated_by=owner, contact={"function": "Einkauf"})

    assert not _consents(ConsentPurpose.DIRECTORY_LISTING).exists()


def test_registering_for_an_event_records_consent_about_the_event(world):
    from events.services import registration_create  # noqa: PLC0415

    event = factories.EventFactory()
    person = world.colleague.people.get()

    registration_create(event=event, person=person, registered_by=world.colleague)

    consent = _consents(ConsentPurpose.EVENT_REGISTRATION).get()
    assert (consent.person, consent.user, consent.about_id) == (person, world.colleague, event.pk)
    assert consent.about_type.model == "event"
