"""Starting a cooperation project: by an organisation admin or a network manager, and from
an accepted interest."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from cooperations.models import Interest, Project, ProjectNetwork
from members.models import Person
from tests import factories
from tests.cooperations.factories import InterestFactory, ListingFactory
from tests.cooperations.helpers import german
from tests.cooperations.project_helpers import as_user

pytestmark = pytest.mark.django_db


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
