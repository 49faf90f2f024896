"""Editing a profile (on behalf too, audited), confirming it, and the organisation page."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from members.models import Organisation, Person
from network_portal.models import AuditEntry
from tests import factories
from tests.members.self_service_helpers import (
    CAN_CHANGE,
    CANNOT_CHANGE,
    profile_of,
    sign_in_as,
)

pytestmark = pytest.mark.django_db


def edit_url(organisation: Organisation) -> str:
    return reverse("members:organisation_edit", args=[organisation.slug])


def confirm_url(organisation: Organisation) -> str:
    return reverse("members:organisation_confirm", args=[organisation.slug])


# --- Who may edit ------------------------------------------------------------------------------


def test_edit_url_is_the_one_the_manager_area_links_to(world):
    assert edit_url(world.company) == f"/organisationen/{world.company.slug}/bearbeiten/"


def test_edit_asks_anonymous_to_sign_in(client, world):
    response = client.get(edit_url(world.company))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    response = client.post(edit_url(world.company), profile_of(world.company, phone="1"))
    assert response.status_code == 302
    world.company.refresh_from_db()
    assert world.company.phone == ""


@pytest.mark.parametrize("role", CAN_CHANGE)
def test_edit_form_shown_to_admin_manager_and_platform_admin(client, world, role):
    sign_in_as(client, world, role)
    response = client.get(edit_url(world.company))
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Edit profile</h1>" in content
    assert f'value="{world.company.name}"' in content


@pytest.mark.parametrize("role", CANNOT_CHANGE)
def test_edit_forbidden_for_everybody_else(client, world, role):
    sign_in_as(client, world, role)
    assert client.get(edit_url(world.company)).status_code == 403
    response = client.post(edit_url(world.company), profile_of(world.company, phone="0234 1"))
    assert response.status_code == 403
    world.company.refresh_from_db()
    assert world.company.phone == ""
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize("role", ["outsider", "other_manager"])
def test_edit_members_only_profile_of_another_network_is_404(client, world, hidden, role):
    sign_in_as(client, world, role)
    assert client.get(edit_url(hidden)).status_code == 404


def test_edit_by_admin_saves_confirms_and_is_not_audited(client, world):
    sector = factories.SectorFactory()
    sign_in_as(client, world, "owner")
    response = client.post(
        edit_url(world.company),
        profile_of(world.company, description="Präzisionsteile", sectors=[sector.pk]),
    )
    assert response.status_code == 302
    world.company.refresh_from_db()
    assert world.company.description == "Präzisionsteile"
    assert list(world.company.sectors.all()) == [sector]
    assert world.company.confirmed_on == timezone.localdate()
    assert not AuditEntry.objects.exists()
    assert "The profile has been saved." in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize("role", ["manager", "platform_admin"])
def test_edit_on_behalf_is_audited_with_the_changed_fields(client, world, role):
    Organisation.objects.filter(pk=world.company.pk).update(postal_code="44787")
    world.company.refresh_from_db()
    user = sign_in_as(client, world, role)
    response = client.get(edit_url(world.company))
    assert (
        "You are editing this profile on behalf of the organisation." in response.content.decode()
    )
    sector = factories.SectorFactory()
    response = client.post(
        edit_url(world.company),
        profile_of(world.company, phone="0234 555", size="medium", sectors=[sector.pk]),
    )
    assert response.status_code == 302
    world.company.refresh_from_db()
    assert (world.company.phone, world.company.size) == ("0234 555", "medium")
    assert world.company.confirmed_on is None  # only the organisation confirms itself
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.action, entry.object_type, entry.object_id) == (
        user,
        "organisation.edit_on_behalf",
        "members.organisation",
        str(world.company.pk),
    )
    assert entry.details == {"fields": ["size", "phone", "sectors"]}


def test_edit_on_behalf_without_changes_records_nothing(client, world):
    world.company.postal_code = "44787"
    world.company.save()
    sign_in_as(client, world, "manager")
    response = client.post(edit_url(world.company), profile_of(world.company), follow=True)
    assert "Nothing was changed." in response.content.decode()
    assert not AuditEntry.objects.exists()


def test_edit_bad_input_saves_nothing(client, world):
    sign_in_as(client, world, "owner")
    response = client.post(
        edit_url(world.company),
        profile_of(world.company, postal_code="123", description="Neu", website="nicht eine url"),
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Please enter a German postal code of five digits, such as 44787." in content
    assert "Enter a valid URL." in content
    world.company.refresh_from_db()
    assert (world.company.description, world.company.confirmed_on) == ("", None)


def test_edit_to_the_name_and_postcode_of_another_refused(client, world):
    factories.OrganisationFactory(name="Ruhr Antriebstechnik GmbH", postal_code="44787")
    sign_in_as(client, world, "owner")
    response = client.post(
        edit_url(world.company),
        profile_of(world.company, name="Ruhr Antriebstechnik GmbH", postal_code="44787"),
    )
    assert response.status_code == 400
    assert "is in the portal already" in response.content.decode()
    world.company.refresh_from_db()
    assert world.company.name == "Hesterberg Testwerk GmbH"


# --- The yearly confirmation ---------------------------------------------------------------------


def test_confirmation_prompt_for_admin_when_never_confirmed(client, world):
    sign_in_as(client, world, "owner")
    content = client.get(world.company.get_absolute_url()).content.decode()
    assert "Is this profile still current?" in content
    assert f'action="{confirm_url(world.company)}"' in content


@pytest.mark.parametrize(("months_ago", "shown"), [(10, False), (11, False), (12, True)])
def test_confirmation_prompt_after_11_months(client, world, months_ago, shown):
    world.company.confirmed_on = timezone.localdate() - datetime.timedelta(days=months_ago * 30.5)
    world.company.save()
    sign_in_as(client, world, "owner")
    content = client.get(world.company.get_absolute_url()).content.decode()
    assert ("Is this profile still current?" in content) is shown


@pytest.mark.parametrize("role", [*CANNOT_CHANGE, "anonymous"])
def test_confirmation_prompt_not_shown_to_others(client, world, role):
    sign_in_as(client, world, role)
    content = client.get(world.company.get_absolute_url()).content.decode()
    assert "Is this profile still current?" not in content


def test_confirm_sets_today_in_one_click(client, world):
    sign_in_as(client, world, "owner")
    response = client.post(confirm_url(world.company), follow=True)
    world.company.refresh_from_db()
    assert world.company.confirmed_on == timezone.localdate()
    content = response.content.decode()
    assert "Thank you. The profile is confirmed as current." in content
    assert "Is this profile still current?" not in content
    assert not AuditEntry.objects.exists()


def test_confirm_returns_to_a_local_next_only(client, world):
    sign_in_as(client, world, "owner")
    response = client.post(confirm_url(world.company), {"next": "/mein-bereich/"})
    assert response["Location"] == "/mein-bereich/"
    response = client.post(confirm_url(world.company), {"next": "https://evil.example/"})
    assert response["Location"] == world.company.get_absolute_url()


def test_confirm_needs_post(client, world):
    sign_in_as(client, world, "owner")
    assert client.get(confirm_url(world.company)).status_code == 405


@pytest.mark.parametrize("role", CANNOT_CHANGE)
def test_confirm_forbidden_for_others(client, world, role):
    sign_in_as(client, world, role)
    assert client.post(confirm_url(world.company)).status_code == 403
    world.company.refresh_from_db()
    assert world.company.confirmed_on is None


def test_confirm_by_manager_is_audited(client, world):
    sign_in_as(client, world, "manager")
    client.post(confirm_url(world.company))
    assert AuditEntry.objects.get().action == "organisation.confirm_on_behalf"


# --- The organisation page ----------------------------------------------------------------------


@pytest.mark.parametrize("role", CAN_CHANGE)
def test_organisation_page_links_edit_people_invite_for_those_who_may(client, world, role):
    sign_in_as(client, world, role)
    content = client.get(world.company.get_absolute_url()).content.decode()
    for name in ("organisation_edit", "organisation_people", "invitation_create"):
        assert f'href="{reverse("members:" + name, args=[world.company.slug])}"' in content


@pytest.mark.parametrize("role", [*CANNOT_CHANGE, "anonymous"])
def test_organisation_page_no_admin_links_for_others(client, world, role):
    sign_in_as(client, world, role)
    content = client.get(world.company.get_absolute_url()).content.decode()
    assert edit_url(world.company) not in content
    assert reverse("members:organisation_people", args=[world.company.slug]) not in content


def test_organisation_page_lists_upcoming_published_events_it_hosts(client, world):
    hosted = factories.EventFactory(
        title="Betriebsbesuch Testwerk", host_organisation=world.company
    )
    factories.EventFactory(
        title="Entwurf", host_organisation=world.company, status=Event.Status.DRAFT
    )
    factories.EventFactory(
        title="Abgesagt", host_organisation=world.company, status=Event.Status.CANCELLED
    )
    past_start = timezone.now() - datetime.timedelta(days=3)
    factories.EventFactory(
        title="Vorbei",
        host_organisation=world.company,
        starts_at=past_start,
        ends_at=past_start + datetime.timedelta(hours=2),
    )
    factories.EventFactory(title="Anderswo", host_organisation=world.chamber)
    content = client.get(world.company.get_absolute_url()).content.decode()
    assert f'<a href="{hosted.get_absolute_url()}">Betriebsbesuch Testwerk</a>' in content
    for title in ("Entwurf", "Abgesagt", "Vorbei", "Anderswo"):
        assert title not in content


def _add_profile_rows(organisation: Organisation, count: int) -> None:
    for number in range(count):
        organisation.sectors.add(factories.SectorFactory())
        organisation.training_occupations.add(factories.TrainingOccupationFactory())
        factories.PersonFactory(
            organisation=organisation, user=None, is_public_contact=True, last_name=f"K{number}"
        )
        factories.MembershipFactory(organisation=organisation)
        factories.EventFactory(host_organisation=organisation)


def _page_queries(client, organisation: Organisation) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(organisation.get_absolute_url())
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["anonymous", "owner", "outsider", "manager"])
def test_organisation_page_query_count_constant(client, world, role):
    sign_in_as(client, world, role)
    _add_profile_rows(world.company, 1)
    with_one = _page_queries(client, world.company)
    _add_profile_rows(world.company, 9)
    assert _page_queries(client, world.company) == with_one
    assert Person.objects.filter(organisation=world.company, is_public_contact=True).count() == 10
