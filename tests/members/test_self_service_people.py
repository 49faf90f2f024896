"""The people page: contact persons and what of them is public, roles, requests to join."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members.models import ColleagueInvitation, JoinRequest, Organisation, Person
from network_portal.models import AuditEntry, OutgoingMail
from network_portal.outbox import mail_about
from tests import factories
from tests.members.self_service_helpers import CAN_CHANGE, CANNOT_CHANGE, sign_in_as

pytestmark = pytest.mark.django_db


def url(name: str, organisation: Organisation, *args) -> str:
    return reverse(f"members:{name}", args=[organisation.slug, *args])


def contact_data(**overrides) -> dict:
    data = {
        "first_name": "Petra",
        "last_name": "Presse",
        "function": "Öffentlichkeitsarbeit",
        "email": "presse@testwerk.example",
        "phone": "0234 000000-9",
        "is_public_contact": "on",
        "show_email": "on",
    }
    data.update(overrides)
    return data


def person_of(user, organisation) -> Person:
    return Person.objects.get(user=user, organisation=organisation)


# --- Who may see and change the people ---------------------------------------------------------


def test_people_page_asks_anonymous_to_sign_in(client, world):
    response = client.get(url("organisation_people", world.company))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("role", CAN_CHANGE)
def test_people_page_lists_everybody_for_admin_manager_platform_admin(client, world, role):
    factories.PersonFactory(
        organisation=world.company,
        user=None,
        first_name="Ingo",
        last_name="Intern",
        role=Person.Role.CONTACT,
        email="ingo@testwerk.example",
    )
    sign_in_as(client, world, role)
    response = client.get(url("organisation_people", world.company))
    assert response.status_code == 200
    content = response.content.decode()
    for user in (world.owner, world.colleague):
        assert user.get_full_name() in content
    assert "Ingo Intern" in content
    assert "ingo@testwerk.example" in content
    assert world.partner.get_full_name() not in content


@pytest.mark.parametrize("role", CANNOT_CHANGE)
def test_people_page_and_its_changes_forbidden_for_others(client, world, role):
    sign_in_as(client, world, role)
    colleague = person_of(world.colleague, world.company)
    assert client.get(url("organisation_people", world.company)).status_code == 403
    assert client.post(url("person_add", world.company), contact_data()).status_code == 403
    response = client.post(url("person_set_role", world.company, colleague.pk), {"role": "admin"})
    assert response.status_code == 403
    response = client.post(url("person_set_active", world.company, colleague.pk), {"active": "0"})
    assert response.status_code == 403
    colleague.refresh_from_db()
    assert (colleague.role, colleague.is_active) == (Person.Role.STAFF, True)
    assert not Person.objects.filter(last_name="Presse").exists()


def test_person_of_another_organisation_is_404(client, world):
    sign_in_as(client, world, "owner")
    partner = person_of(world.partner, world.chamber)
    assert client.get(url("person_edit", world.company, partner.pk)).status_code == 404
    response = client.post(url("person_set_active", world.company, partner.pk), {"active": "0"})
    assert response.status_code == 404
    partner.refresh_from_db()
    assert partner.is_active


# --- Contact persons ---------------------------------------------------------------------------


def test_add_contact_person_shown_publicly_as_chosen(client, world):
    sign_in_as(client, world, "owner")
    response = client.post(url("person_add", world.company), contact_data())
    assert response.status_code == 302
    person = Person.objects.get(last_name="Presse")
    assert (person.organisation, person.user, person.role) == (
        world.company,
        None,
        Person.Role.CONTACT,
    )
    assert (person.is_public_contact, person.show_email, person.show_phone) == (True, True, False)
    client.logout()
    public = client.get(world.company.get_absolute_url()).content.decode()
    assert "Petra Presse" in public
    assert 'href="mailto:presse@testwerk.example"' in public
    assert "0234 000000-9" not in public


def test_edit_contact_person_hides_it_from_the_profile(client, world):
    person = factories.PersonFactory(
        organisation=world.company,
        user=None,
        first_name="Petra",
        last_name="Presse",
        is_public_contact=True,
    )
    sign_in_as(client, world, "owner")
    response = client.post(
        url("person_edit", world.company, person.pk),
        contact_data(is_public_contact="", show_email=""),
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.is_public_contact, person.function) == (False, "Öffentlichkeitsarbeit")
    people_page = client.get(response["Location"]).content.decode()
    assert "The details of Petra Presse have been saved." in people_page
    assert "Petra Presse" not in client.get(world.company.get_absolute_url()).content.decode()
    assert not AuditEntry.objects.exists()


def test_contact_public_email_without_address_refused(client, world):
    sign_in_as(client, world, "owner")
    response = client.post(url("person_add", world.company), contact_data(email=""))
    assert response.status_code == 400
    assert "Enter the e-mail address to make it public." in response.content.decode()
    assert not Person.objects.filter(last_name="Presse").exists()


def test_contact_edited_by_manager_is_audited(client, world):
    colleague = person_of(world.colleague, world.company)
    sign_in_as(client, world, "manager")
    data = contact_data(
        first_name=colleague.first_name, last_name=colleague.last_name, email=colleague.email
    )
    client.post(url("person_edit", world.company, colleague.pk), data)
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.actor) == ("person.edit_on_behalf", world.manager)
    assert entry.details == {
        "person": colleague.pk,
        "fields": ["function", "phone", "is_public_contact", "show_email"],
    }


def test_deactivate_colleague_ends_their_rights(client, world):
    colleague = person_of(world.colleague, world.company)
    sign_in_as(client, world, "owner")
    response = client.post(url("person_set_active", world.company, colleague.pk), {"active": "0"})
    assert response.status_code == 302
    colleague.refresh_from_db()
    assert colleague.is_active is False
    content = client.get(url("organisation_people", world.company)).content.decode()
    assert "deactivated" in content
    client.force_login(world.colleague)
    assert (
        f"/organisationen/{world.company.slug}/"
        not in client.get("/mein-bereich/").content.decode()
    )
    client.force_login(world.owner)
    client.post(url("person_set_active", world.company, colleague.pk), {"active": "1"})
    colleague.refresh_from_db()
    assert colleague.is_active is True


def test_deactivate_last_admin_refused(client, world):
    owner = person_of(world.owner, world.company)
    sign_in_as(client, world, "owner")
    response = client.post(url("person_set_active", world.company, owner.pk), {"active": "0"})
    assert response.status_code == 400
    assert "The organisation needs at least one admin." in response.content.decode()
    owner.refresh_from_db()
    assert owner.is_active is True


# --- Roles -------------------------------------------------------------------------------------


def test_make_colleague_admin_then_step_down(client, world):
    colleague = person_of(world.colleague, world.company)
    owner = person_of(world.owner, world.company)
    sign_in_as(client, world, "owner")
    response = client.post(url("person_set_role", world.company, colleague.pk), {"role": "admin"})
    assert response.status_code == 302
    colleague.refresh_from_db()
    assert colleague.role == Person.Role.ADMIN
    response = client.post(url("person_set_role", world.company, owner.pk), {"role": "staff"})
    owner.refresh_from_db()
    assert owner.role == Person.Role.STAFF
    # The former admin may no longer change the organisation: back to its profile.
    assert response["Location"] == world.company.get_absolute_url()
    assert client.get(url("organisation_people", world.company)).status_code == 403
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", "details"))
    assert actions == [
        ("person.role_change", {"person": colleague.pk, "role": "admin"}),
        ("person.role_change", {"person": owner.pk, "role": "staff"}),
    ]


def test_remove_last_admin_refused(client, world):
    owner = person_of(world.owner, world.company)
    sign_in_as(client, world, "owner")
    response = client.post(url("person_set_role", world.company, owner.pk), {"role": "staff"})
    assert response.status_code == 400
    assert (
        "The organisation needs at least one admin. Make another colleague admin first."
        in response.content.decode()
    )
    owner.refresh_from_db()
    assert owner.role == Person.Role.ADMIN
    assert not AuditEntry.objects.exists()


def test_role_for_contact_without_account_refused(client, world):
    contact = factories.PersonFactory(
        organisation=world.company, user=None, role=Person.Role.CONTACT
    )
    sign_in_as(client, world, "owner")
    response = client.post(url("person_set_role", world.company, contact.pk), {"role": "admin"})
    assert response.status_code == 400
    assert "Only colleagues with an account can be admin or staff." in response.content.decode()
    contact.refresh_from_db()
    assert contact.role == Person.Role.CONTACT


def test_role_unknown_value_refused(client, world):
    colleague = person_of(world.colleague, world.company)
    sign_in_as(client, world, "owner")
    response = client.post(url("person_set_role", world.company, colleague.pk), {"role": "boss"})
    assert response.status_code == 400
    assert "Please choose a role." in response.content.decode()


# --- Deciding requests to join ------------------------------------------------------------------


@pytest.fixture
def join_request(world) -> JoinRequest:
    world.outsider.language = "en"
    world.outsider.save()
    return JoinRequest.objects.create(
        organisation=world.company, user=world.outsider, function="Einkauf", message="Hallo"
    )


def test_pending_requests_on_the_people_page(client, world, join_request):
    sign_in_as(client, world, "owner")
    content = client.get(url("organisation_people", world.company)).content.decode()
    assert world.outsider.email in content
    assert f'action="{url("join_request_decide", world.company, join_request.pk)}"' in content


def test_approve_makes_the_requester_staff_and_tells_them(client, world, join_request):
    sign_in_as(client, world, "owner")
    response = client.post(
        url("join_request_decide", world.company, join_request.pk), {"decision": "approve"}
    )
    assert response.status_code == 302
    join_request.refresh_from_db()
    assert (join_request.status, join_request.decided_by) == ("approved", world.owner)
    person = person_of(world.outsider, world.company)
    assert (person.role, person.function, person.email, person.is_active) == (
        Person.Role.STAFF,
        "Einkauf",
        world.outsider.email,
        True,
    )
    mail = OutgoingMail.objects.get(kind="join-approved")
    assert (mail.recipient, mail.language, mail.about) == (
        world.outsider.email,
        "en",
        mail_about(join_request),
    )
    assert mail.subject == f"You now act for {world.company.name}"
    assert f"http://127.0.0.1:8000{world.company.get_absolute_url()}" in mail.body_text
    assert not AuditEntry.objects.exists()


def test_decline_tells_the_requester_and_adds_nobody(client, world, join_request):
    sign_in_as(client, world, "owner")
    client.post(url("join_request_decide", world.company, join_request.pk), {"decision": "decline"})
    join_request.refresh_from_db()
    assert join_request.status == "declined"
    assert not Person.objects.filter(user=world.outsider).exists()
    mail = OutgoingMail.objects.get(kind="join-declined")
    assert (mail.recipient, mail.subject) == (
        world.outsider.email,
        f"Your request to act for {world.company.name}",
    )
    assert "have declined your request" in mail.body_text


def test_decided_request_cannot_be_decided_again(client, world, join_request):
    sign_in_as(client, world, "owner")
    decide = url("join_request_decide", world.company, join_request.pk)
    client.post(decide, {"decision": "decline"})
    assert client.post(decide, {"decision": "approve"}).status_code == 404
    assert not Person.objects.filter(user=world.outsider).exists()
    assert OutgoingMail.objects.filter(kind__startswith="join-").count() == 1


def test_decision_unknown_value_refused(client, world, join_request):
    sign_in_as(client, world, "owner")
    response = client.post(
        url("join_request_decide", world.company, join_request.pk), {"decision": "maybe"}
    )
    assert response.status_code == 400
    join_request.refresh_from_db()
    assert join_request.status == "pending"


@pytest.mark.parametrize("role", [r for r in CANNOT_CHANGE if r != "outsider"])
def test_decision_forbidden_for_others(client, world, join_request, role):
    sign_in_as(client, world, role)
    response = client.post(
        url("join_request_decide", world.company, join_request.pk), {"decision": "approve"}
    )
    assert response.status_code == 403
    join_request.refresh_from_db()
    assert join_request.status == "pending"


def test_requester_cannot_approve_their_own_request(client, world, join_request):
    sign_in_as(client, world, "outsider")
    response = client.post(
        url("join_request_decide", world.company, join_request.pk), {"decision": "approve"}
    )
    assert response.status_code == 403
    assert not Person.objects.filter(user=world.outsider).exists()


def test_decision_by_manager_is_audited(client, world, join_request):
    sign_in_as(client, world, "manager")
    client.post(url("join_request_decide", world.company, join_request.pk), {"decision": "approve"})
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.details) == (
        "join_request.decide_on_behalf",
        {"join_request": join_request.pk, "status": "approved"},
    )


def _people_page_queries(client, organisation) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url("organisation_people", organisation))
    assert response.status_code == 200
    return len(queries)


def _add_people_rows(world, count: int) -> None:
    for _number in range(count):
        factories.PersonFactory(organisation=world.company, role=Person.Role.STAFF)
        factories.PersonFactory(organisation=world.company, user=None, role=Person.Role.CONTACT)
        JoinRequest.objects.create(organisation=world.company, user=factories.UserFactory())
        ColleagueInvitation.objects.create(
            organisation=world.company,
            email=f"eingeladen{ColleagueInvitation.objects.count()}@example.org",
            invited_by=world.owner,
        )


def test_people_page_query_count_constant(client, world):
    sign_in_as(client, world, "owner")
    _add_people_rows(world, 1)
    with_one = _people_page_queries(client, world.company)
    _add_people_rows(world, 9)
    assert _people_page_queries(client, world.company) == with_one
    assert JoinRequest.objects.filter(organisation=world.company).count() == 10
