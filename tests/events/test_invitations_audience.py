"""Who an invitation reaches: counts per filter on a fixed data set, and nobody twice."""

import pytest

from events.models import Invitation, InvitationBatch
from events.selectors.audience import recipients_for
from network_portal.models import MailPreference
from tests import factories
from tests.events.invitation_fixtures import audience_fixture, prepare, record_all  # noqa: F401

People = InvitationBatch.People
Source = InvitationBatch.Source
pytestmark = pytest.mark.django_db


def emails(batch) -> list[str]:
    return [recipient.email for recipient in recipients_for(batch).recipients]


def test_members_of_one_network_active_people_with_email(audience, world):
    batch = prepare(audience, world.manager, networks=[audience.ruhr.pk])

    assert emails(batch) == [
        "alma@example.org",
        "anna@example.org",
        "anton@example.org",
        "berta@example.org",
        "bruno@example.org",
    ]
    assert batch.total == 5


def test_two_networks_count_a_member_of_both_once(audience, world):
    batch = prepare(audience, world.manager, networks=[audience.ruhr.pk, audience.partner.pk])

    assert len(emails(batch)) == 6
    assert emails(batch).count("berta@example.org") == 1
    assert "gero@example.org" in emails(batch)


@pytest.mark.parametrize(
    ("chosen", "expected"),
    [
        ({"regions": "bochum"}, ["alma", "anna", "anton", "gero"]),
        ({"regions": "dortmund"}, ["berta", "bruno"]),
        ({"sectors": "packaging"}, ["berta", "bruno"]),
        ({"sectors": "metal"}, ["alma", "anna", "anton", "gero"]),
        ({"kinds": ["ihk"]}, ["gero"]),
        ({"regions": "bochum", "kinds": ["company"]}, ["alma", "anna", "anton"]),
        ({"people": People.ADMINS}, ["alma", "berta"]),
        ({"people": People.CONTACTS}, ["anna"]),
    ],
)
def test_filters_narrow_the_audience(audience, world, chosen, expected):
    for name in ("regions", "sectors"):
        if name in chosen:
            chosen[name] = [getattr(audience, chosen[name]).pk]
    networks = [audience.ruhr.pk, audience.partner.pk]
    batch = prepare(audience, world.manager, networks=networks, **chosen)

    assert emails(batch) == [f"{name}@example.org" for name in expected]


def test_chosen_organisations(audience, world):
    chosen = [audience.alpha.pk, audience.gamma.pk]
    batch = prepare(audience, world.manager, source=Source.ORGANISATIONS, organisations=chosen)

    assert emails(batch) == [
        "alma@example.org",
        "anna@example.org",
        "anton@example.org",
        "gero@example.org",
    ]


def test_person_with_two_records_and_differing_case_is_invited_once(audience, world):
    factories.PersonFactory(
        organisation=audience.beta, user=None, first_name="Anton", email="ANTON@example.org"
    )
    batch = prepare(audience, world.manager, networks=[audience.ruhr.pk])

    assert emails(batch).count("anton@example.org") == 1
    assert len(emails(batch)) == 5


def test_unsubscribed_and_registered_people_are_left_out_and_counted(audience, world):
    MailPreference.objects.create(email="anna@example.org", invitations=False)
    factories.RegistrationFactory(event=audience.event, person=audience.people["berta"])
    batch = prepare(audience, world.manager, networks=[audience.ruhr.pk])

    found = recipients_for(batch)

    assert [r.email for r in found.recipients] == [
        "alma@example.org",
        "anton@example.org",
        "bruno@example.org",
    ]
    assert (found.unsubscribed, found.already_registered, found.already_invited) == (1, 1, 0)


def test_languages_follow_the_account_else_german(audience, world):
    batch = prepare(audience, world.manager, networks=[audience.ruhr.pk])

    languages = {r.email: r.language for r in recipients_for(batch).recipients}

    assert languages["alma@example.org"] == "en"
    assert languages["anton@example.org"] == "de"


def test_second_batch_invites_only_new_people(audience, world):
    first = record_all(prepare(audience, world.manager, networks=[audience.ruhr.pk]), world.manager)
    networks = [audience.ruhr.pk, audience.partner.pk]
    second = prepare(audience, world.manager, networks=networks)

    found = recipients_for(second)
    second = record_all(second, world.manager)

    assert (first.recorded, found.already_invited) == (5, 5)
    assert [r.email for r in found.recipients] == ["gero@example.org"]
    assert second.recorded == 1
    assert Invitation.objects.filter(event=audience.event).count() == 6
    assert list(second.invitations.values_list("email", flat=True)) == ["gero@example.org"]


def test_address_list_links_known_persons(audience, world):
    addresses = [["anton@example.org", ""], ["neu@example.net", "Nora Neu"]]
    batch = prepare(audience, world.manager, source=Source.ADDRESSES, addresses=addresses)

    found = {r.email: r for r in recipients_for(batch).recipients}

    assert found["anton@example.org"].person_id == audience.people["anton"].pk
    assert found["anton@example.org"].name == "Anton Muster"
    assert found["neu@example.net"].person_id is None
    assert found["neu@example.net"].name == "Nora Neu"
