"""An organisation admin removes a colleague's person record, seen from every side."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from events.models import Registration
from members import roles
from members.models import Organisation, Person
from network_portal.models import AnonymisedPerson, AuditEntry
from network_portal.privacy.anonymise import deleted_person_name
from network_portal.privacy.deletion import PrivacyError, person_remove
from tests import factories
from tests.privacy.helpers import event_ended, signed_in

pytestmark = pytest.mark.django_db


def _remove_url(person: Person) -> str:
    return reverse("privacy:person_remove", args=[person.organisation.slug, person.pk])


@pytest.fixture
def other_admin(world):
    """The admin of another (public) organisation."""
    return factories.PersonFactory(role=Person.Role.ADMIN).user


@pytest.mark.parametrize(
    ("who", "get_status"),
    [
        ("owner", 200),
        ("platform_admin", 200),
        ("colleague", 403),
        ("other_admin", 403),
        ("manager", 403),
        ("other_manager", 403),
        ("partner", 403),
        ("outsider", 403),
    ],
)
def test_who_may_remove_a_colleague(client, world, other_admin, who, get_status):
    colleague = world.colleague.people.get()
    user = other_admin if who == "other_admin" else getattr(world, who)
    client = signed_in(client, user)

    assert client.get(_remove_url(colleague)).status_code == get_status
    response = client.post(_remove_url(colleague))

    colleague.refresh_from_db()
    if get_status == 200:
        assert response.status_code == 302
        assert colleague.first_name == deleted_person_name()
    else:
        assert response.status_code == 403
        assert colleague.first_name == world.colleague.first_name


def test_removing_needs_sign_in(client, world):
    colleague = world.colleague.people.get()

    response = client.post(_remove_url(colleague))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    colleague.refresh_from_db()
    assert colleague.user == world.colleague


def test_person_of_another_organisation_is_not_found(client, world):
    stranger = factories.PersonFactory()
    url = reverse("privacy:person_remove", args=[world.company.slug, stranger.pk])

    assert signed_in(client, world.owner).post(url).status_code == 404
    stranger.refresh_from_db()
    assert stranger.user is not None


def test_members_only_organisation_is_not_found_for_outsiders(client, world):
    Organisation.objects.filter(pk=world.company.pk).update(
        visibility=Organisation.Visibility.MEMBERS
    )

    response = signed_in(client, world.outsider).get(_remove_url(world.colleague.people.get()))

    assert response.status_code == 404


def test_removed_colleague_keeps_the_account_but_no_longer_acts(client, world):
    colleague = world.colleague.people.get()
    registration = factories.RegistrationFactory(
        event=event_ended(days_ago=10), person=colleague, access_needs="Rampe"
    )
    upcoming = factories.RegistrationFactory(event=factories.EventFactory(), person=colleague)

    response = signed_in(client, world.owner).post(_remove_url(colleague), follow=True)

    assert response.redirect_chain == [
        (reverse("members:organisation_people", args=[world.company.slug]), 302)
    ]
    colleague.refresh_from_db()
    world.colleague.refresh_from_db()
    assert (colleague.user, colleague.email, colleague.is_active) == (None, "", False)
    assert colleague.anonymisation.reason == AnonymisedPerson.Reason.REMOVED
    assert world.colleague.is_active
    roles.forget(world.colleague)
    assert roles.for_user(world.colleague).organisation_ids == frozenset()
    registration.refresh_from_db()
    upcoming.refresh_from_db()
    assert (registration.status, registration.access_needs) == (
        Registration.Status.CONFIRMED,
        "",
    )
    assert upcoming.status == Registration.Status.CANCELLED
    entry = AuditEntry.objects.get(action="privacy.person_remove")
    assert (entry.actor, entry.details) == (world.owner, {"person": colleague.pk})


def test_removed_person_cannot_be_removed_again(client, world):
    colleague = world.colleague.people.get()
    client = signed_in(client, world.owner)
    client.post(_remove_url(colleague))

    assert client.post(_remove_url(colleague)).status_code == 404


def test_last_admin_cannot_be_removed(client, world):
    owner = world.owner.people.get()

    response = signed_in(client, world.platform_admin).post(_remove_url(owner))

    assert response.status_code == 400
    with translation.override("de"):
        message = gettext(
            "The organisation needs at least one admin. Make another colleague admin first."
        )
    assert message in response.content.decode()
    owner.refresh_from_db()
    assert owner.user == world.owner


def test_admin_may_remove_themself_when_another_admin_remains(world):
    Person.objects.filter(user=world.colleague).update(role=Person.Role.ADMIN)
    owner = world.owner.people.get()

    person_remove(person=owner, removed_by=world.owner)

    owner.refresh_from_db()
    assert owner.user is None


def test_contact_without_account_can_be_removed(world):
    contact = factories.PersonFactory(
        organisation=world.company, user=None, role=Person.Role.CONTACT, email="c@example.org"
    )

    person_remove(person=contact, removed_by=world.owner)

    contact.refresh_from_db()
    assert (contact.first_name, contact.email) == (deleted_person_name(), "")


def test_service_refuses_a_second_removal(world):
    colleague = world.colleague.people.get()
    person_remove(person=colleague, removed_by=world.owner)

    with pytest.raises(PrivacyError):
        person_remove(person=colleague, removed_by=world.owner)
