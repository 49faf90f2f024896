"""Cooperation projects seen and changed from every side; publication only when the lead
and every partner agreed; starting a project, also from an accepted interest."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from cooperations.models import Interest, Project, ProjectNetwork, ProjectPartner
from members.models import Person
from tests import factories
from tests.cooperations.factories import InterestFactory, ListingFactory, ProjectPartnerFactory
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


# --- Starting a project -----------------------------------------------------------------------


def new_project(topics, **changes) -> dict:
    data = {
        "title": "Gemeinsame Einkaufsplattform",
        "description": "",
        "topic": topics["einkauf"].pk,
        "status": "idea",
        "starts_on": "",
        "ends_on": "",
        "outcome": "",
        "network": "",
    }
    return {**data, **changes}


def test_organisation_admin_starts_a_project(client, world, topics):
    response = as_user(client, world.owner).post(
        reverse("cooperations:project_create"),
        new_project(topics, lead_organisation=world.company.pk),
    )

    project = Project.objects.get()
    assert response["Location"] == project.get_absolute_url()
    assert (project.lead_organisation, project.created_by, project.slug) == (
        world.company,
        world.owner,
        "gemeinsame-einkaufsplattform",
    )


def test_manager_starts_a_project_for_a_member_with_the_network_leading(client, world, topics):
    response = as_user(client, world.manager).post(
        reverse("cooperations:project_create"),
        new_project(topics, lead_organisation=world.company.pk, network=world.network.pk),
    )

    project = Project.objects.get()
    assert response.status_code == 302
    assert list(project.networks.values_list("network", "role")) == [
        (world.network.pk, ProjectNetwork.Role.LEAD)
    ]


def test_manager_must_name_a_network_they_manage(client, world, topics):
    response = as_user(client, world.manager).post(
        reverse("cooperations:project_create"),
        new_project(topics, lead_organisation=world.company.pk),
    )

    assert response.status_code == 400
    assert german("Choose a network you manage, so that you can change the project.") in (
        response.content.decode()
    )
    assert not Project.objects.exists()


def test_admin_cannot_start_a_project_for_another_organisation(client, world, topics):
    response = as_user(client, world.owner).post(
        reverse("cooperations:project_create"),
        new_project(topics, lead_organisation=world.chamber.pk),
    )

    assert response.status_code == 400
    assert not Project.objects.exists()


@pytest.mark.parametrize("side", ["colleague", "partner", "outsider"])
def test_people_without_admin_or_manager_role_cannot_start_a_project(client, world, side):
    response = as_user(client, getattr(world, side)).get(reverse("cooperations:project_create"))

    assert response.status_code == 403


@pytest.fixture
def accepted(world, topics) -> Interest:
    listing = ListingFactory(
        organisation=world.company,
        title="Verbundausbildung Industriemechanik",
        summary="Ausbildungsabschnitte für Partnerbetriebe.",
        topics=[topics["aus-weiterbildung"]],
    )
    factories.PersonFactory(organisation=world.chamber, role=Person.Role.ADMIN)
    return InterestFactory(
        listing=listing, organisation=world.chamber, status="accepted", decided_at=timezone.now()
    )


def start_from(client, user, interest, topics):
    return as_user(client, user).post(
        reverse("cooperations:project_from_interest", args=[interest.pk]),
        new_project(topics, title="Verbundausbildung Industriemechanik"),
    )


def test_project_form_from_an_accepted_interest_is_prefilled(client, world, accepted):
    url = reverse("cooperations:project_from_interest", args=[accepted.pk])

    response = as_user(client, world.owner).get(url)

    assert response.status_code == 200
    assert response.context["form"].initial["title"] == "Verbundausbildung Industriemechanik"
    assert (response.context["lead"], response.context["partner"]) == (world.company, world.chamber)


def test_listing_owner_starts_a_project_from_an_accepted_interest(client, world, accepted, topics):
    start_from(client, world.owner, accepted, topics)

    project = Project.objects.get()
    assert (project.lead_organisation, project.from_interest) == (world.company, accepted)
    assert [p.organisation for p in project.partners.all()] == [world.chamber]


def test_interested_side_leads_when_its_admin_starts_the_project(client, world, accepted, topics):
    admin = Person.objects.get(organisation=world.chamber, role=Person.Role.ADMIN).user

    start_from(client, admin, accepted, topics)

    project = Project.objects.get()
    assert project.lead_organisation == world.chamber
    assert [p.organisation for p in project.partners.all()] == [world.company]


def test_a_pending_interest_cannot_start_a_project(client, world, accepted, topics):
    Interest.objects.filter(pk=accepted.pk).update(status="pending", decided_at=None)

    response = start_from(client, world.owner, accepted, topics)

    assert response.status_code == 403
    assert (
        german("A project can start only from an accepted interest.") in response.content.decode()
    )
    assert not Project.objects.exists()


@pytest.mark.parametrize("case", [("colleague", 403), ("outsider", 404), ("manager", 404)])
def test_others_cannot_start_a_project_from_the_interest(client, world, accepted, topics, case):
    side, status = case
    response = start_from(client, getattr(world, side), accepted, topics)

    assert response.status_code == status
    assert not Project.objects.exists()


def test_an_interest_starts_one_project_only(client, world, accepted, topics):
    start_from(client, world.owner, accepted, topics)

    response = start_from(client, world.owner, accepted, topics)

    assert response["Location"] == Project.objects.get().get_absolute_url()


def render_start_link(user, interest) -> str:
    request = RequestFactory().get("/")
    request.user = user
    template = Template('{% include "cooperations/projects/_start_from_interest.html" %}')
    return template.render(Context({"request": request, "interest": interest}))


def test_interest_partial_offers_the_start_link_once_accepted(world, accepted):
    url = reverse("cooperations:project_from_interest", args=[accepted.pk])

    assert url in render_start_link(world.owner, accepted)
    assert url not in render_start_link(world.colleague, accepted)
    Interest.objects.filter(pk=accepted.pk).update(status="pending", decided_at=None)
    accepted.refresh_from_db()
    assert url not in render_start_link(world.owner, accepted)
