"""Cooperation projects seen and changed from every side; publication only when the lead
and every partner agreed. Starting a project: test_project_start.py."""

import pytest
from django.urls import reverse

from cooperations.models import Project, ProjectPartner
from members.models import Person
from tests import factories
from tests.cooperations.factories import ProjectPartnerFactory
from tests.cooperations.helpers import german
from tests.cooperations.project_helpers import (
    Team,
    as_user,
    is_login_redirect,
    project_team,
    project_url,
)

pytestmark = pytest.mark.django_db

SEES_UNPUBLISHED = {
    "lead admin": 200,
    "lead staff": 200,
    "partner admin": 200,
    "partner staff": 200,
    "manager": 200,
    "other manager": 404,
    "outsider": 404,
    "platform admin": 200,
    "anonymous": 404,
}
CHANGES = {
    "lead admin": 200,
    "lead staff": 403,
    "partner admin": 403,
    "partner staff": 403,
    "manager": 200,
    "other manager": 404,
    "outsider": 404,
    "platform admin": 200,
}


@pytest.fixture
def team(world, topics) -> Team:
    return project_team(world, topics)


def publish_all(project: Project) -> None:
    project.is_public = True
    project.save(update_fields=["is_public"])
    project.partners.update(agreed_to_publish=True)


# --- Seeing a project -------------------------------------------------------------------------


@pytest.mark.parametrize(("side", "status"), SEES_UNPUBLISHED.items())
def test_unpublished_project_page_only_for_those_taking_part(client, team, side, status):
    response = as_user(client, team.users[side]).get(project_url(team.project))

    assert response.status_code == status
    if status == 200:
        assert team.project.title in response.content.decode()


@pytest.mark.parametrize("side", SEES_UNPUBLISHED)
def test_published_project_page_for_everybody(client, team, side):
    publish_all(team.project)

    response = as_user(client, team.users[side]).get(project_url(team.project))

    assert response.status_code == 200


@pytest.mark.parametrize(("side", "status"), CHANGES.items())
def test_edit_link_only_for_those_who_may_change(client, team, side, status):
    publish_all(team.project)
    edit_url = project_url(team.project, "project_edit")

    page = as_user(client, team.users[side]).get(project_url(team.project)).content.decode()

    assert (edit_url in page) == (status == 200)


def test_published_page_hides_the_agreements_from_the_public(client, team):
    publish_all(team.project)

    page = client.get(project_url(team.project)).content.decode()

    assert german("agrees to publication") not in page
    assert german("Public project page") not in page


def test_project_list_shows_only_published_projects_to_the_public(client, team, topics):
    other = Project.objects.create(
        title="Gemeinsamer Messestand",
        slug="messestand",
        topic=topics["marketing"],
        lead_organisation=factories.OrganisationFactory(name="Messebau Ruhr GmbH"),
        is_public=True,
    )
    ProjectPartnerFactory(project=other, agreed_to_publish=True)

    page = client.get(reverse("cooperations:projects")).content.decode()

    assert "Gemeinsamer Messestand" in page
    assert team.project.title not in page


def test_project_list_shows_own_unpublished_projects_to_the_partner(client, team):
    page = as_user(client, team.users["partner staff"]).get(reverse("cooperations:projects"))

    assert team.project.title in page.content.decode()


# --- Changing a project -----------------------------------------------------------------------


def edit_data(**changes) -> dict:
    data = {
        "title": "Verbundausbildung Metall 2026",
        "description": "Ausbildungsabschnitte im Verbund.",
        "topic": "",
        "status": "running",
        "starts_on": "2026-01-01",
        "ends_on": "2026-12-31",
        "outcome": "",
    }
    return {**data, **changes}


@pytest.mark.parametrize(("side", "status"), [*CHANGES.items(), ("anonymous", 302)])
def test_edit_page_from_every_side(client, team, side, status):
    response = as_user(client, team.users[side]).get(project_url(team.project, "project_edit"))

    assert response.status_code == status
    if side == "anonymous":
        assert is_login_redirect(response)


@pytest.mark.parametrize(("side", "status"), [*CHANGES.items(), ("anonymous", 302)])
def test_edit_post_from_every_side(client, team, topics, side, status):
    data = edit_data(topic=topics["aus-weiterbildung"].pk)

    response = as_user(client, team.users[side]).post(
        project_url(team.project, "project_edit"), data
    )

    team.project.refresh_from_db()
    changed = team.project.title == "Verbundausbildung Metall 2026"
    assert response.status_code == (302 if status == 200 else status)
    assert changed == (status == 200)


@pytest.mark.parametrize(
    ("side", "status"),
    [
        ("lead admin", 200),
        ("lead staff", 403),
        ("partner admin", 403),
        ("manager", 200),
        ("other manager", 404),
        ("outsider", 404),
        ("platform admin", 200),
        ("anonymous", 302),
    ],
)
def test_part_pages_from_every_side(client, team, side, status):
    user = team.users[side]
    for name in ("funding_add", "milestone_add", "partner_add", "network_add"):
        response = as_user(client, user).get(project_url(team.project, name))
        assert response.status_code == status, name


@pytest.mark.parametrize(
    ("side", "removed"),
    [
        ("lead admin", True),
        ("lead staff", False),
        ("partner admin", False),
        ("manager", True),
        ("other manager", False),
        ("outsider", False),
        ("platform admin", True),
        ("anonymous", False),
    ],
)
def test_removing_a_partner_from_every_side(client, team, side, removed):
    partner = team.project.partners.get()

    as_user(client, team.users[side]).post(project_url(team.project, "partner_remove", partner.pk))

    assert ProjectPartner.objects.filter(pk=partner.pk).exists() != removed


def test_manager_adds_a_partner_network_whose_managers_then_see_the_project(client, team, world):
    other_network = world.other_manager.manager_roles.get().network

    response = as_user(client, world.manager).post(
        project_url(team.project, "network_add"),
        {"network": other_network.pk, "role": "audience"},
    )

    assert response.status_code == 302
    assert team.project.networks.get(network=other_network).role == "audience"
    client.force_login(world.other_manager)
    assert client.get(project_url(team.project)).status_code == 200


def test_adding_the_lead_as_partner_is_refused(client, team, world):
    response = as_user(client, world.owner).post(
        project_url(team.project, "partner_add"),
        {"organisation": world.company.pk, "role": "partner"},
    )

    assert response.status_code == 400
    assert team.project.partners.count() == 1


# --- Publication ------------------------------------------------------------------------------


def agree(client, user, project, organisation, agreed="yes"):
    return as_user(client, user).post(
        project_url(project, "project_publication"),
        {"organisation": organisation.pk, "agreed": agreed},
    )


def test_public_only_when_lead_and_every_partner_agreed(client, team, world):
    second = factories.OrganisationFactory(name="Zweiter Partner GmbH")
    second_admin = factories.PersonFactory(organisation=second, role=Person.Role.ADMIN).user
    ProjectPartnerFactory(project=team.project, organisation=second)
    anonymous = client.__class__()

    agree(client, world.owner, team.project, world.company)
    assert anonymous.get(project_url(team.project)).status_code == 404
    agree(client, team.users["partner admin"], team.project, world.chamber)
    assert anonymous.get(project_url(team.project)).status_code == 404
    agree(client, second_admin, team.project, second)
    assert anonymous.get(project_url(team.project)).status_code == 200

    agree(client, team.users["partner admin"], team.project, world.chamber, agreed="no")
    assert anonymous.get(project_url(team.project)).status_code == 404


def test_partner_admin_agrees_for_their_own_organisation_only(client, team, world):
    response = agree(client, team.users["partner admin"], team.project, world.company)

    team.project.refresh_from_db()
    assert response.status_code == 302
    assert team.project.is_public is False


@pytest.mark.parametrize(
    ("side", "status"),
    [
        ("lead staff", 403),
        ("partner staff", 403),
        ("manager", 403),
        ("other manager", 404),
        ("outsider", 404),
        ("anonymous", 302),
    ],
)
def test_publication_refused_for_those_who_are_no_organisation_admin(
    client, team, world, side, status
):
    response = agree(client, team.users[side], team.project, world.chamber)

    assert response.status_code == status
    assert team.project.partners.get().agreed_to_publish is False
