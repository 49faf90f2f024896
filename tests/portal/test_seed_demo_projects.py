"""``seed_demo``: the seeds' cooperation projects, once, public, with funding and milestones."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from cooperations import access_projects
from cooperations.models import Project
from cooperations.selectors_projects import funding_by_network_and_year
from members.models import Network, User
from network_portal.demo.projects import QUALIFICATION, REK
from tests.portal.seed import seed

pytestmark = pytest.mark.django_db

REK_PARTNERS = [
    "bochum-wirtschaftsentwicklung",
    "en-agentur",
    "hagen-wirtschaftsentwicklung",
    "hwk-dortmund",
    "ihk-dortmund",
    "ihk-mittleres-ruhrgebiet",
    "sihk-hagen",
    "wirtschaftsfoerderung-herne",
]


def test_seed_demo_holds_the_regional_development_concept_with_its_funding(demo):
    project = Project.objects.get(slug=REK)
    funding = project.fundings.get()

    assert project.lead_organisation.slug == "wirtschaftsfoerderung-dortmund"
    assert sorted(p.organisation.slug for p in project.partners.all()) == REK_PARTNERS
    assert [(n.network.slug, n.role) for n in project.networks.all()] == [
        ("indie-regionruhr", "lead")
    ]
    assert (funding.amount, funding.funder) == (
        Decimal("26550.00"),
        "Wirtschaftsministerium des Landes Nordrhein-Westfalen",
    )
    assert funding.approved_on < project.starts_on == funding.starts_on
    assert project.status == "running"


def test_seed_demo_qualification_cooperation_is_network_to_network(demo):
    project = Project.objects.get(slug=QUALIFICATION)

    assert project.lead_organisation.slug == "verpackungsakademie-suedniedersachsen"
    assert sorted((n.network.slug, n.role) for n in project.networks.all()) == [
        ("mekom-osterode", "partner"),
        ("verpackungscluster-suedniedersachsen", "lead"),
    ]
    assert project.topic.slug == "aus-weiterbildung"


def test_seed_demo_projects_are_public_and_their_milestones_inside_the_period(demo, client):
    public = access_projects.projects_visible_to(AnonymousUser())

    assert sorted(public.values_list("slug", flat=True)) == sorted([QUALIFICATION, REK])
    for project in Project.objects.all():
        assert client.get(project.get_absolute_url()).status_code == 200
        for milestone in project.milestones.all():
            milestone.full_clean()
            assert milestone.done == (milestone.done_on is not None)
    assert client.get(reverse("cooperations:projects")).status_code == 200


def test_seed_demo_manager_sees_the_concepts_funding_in_the_overview(demo, client):
    manager = User.objects.get(email="manager@demo.example")
    client.force_login(manager)

    response = client.get(reverse("cooperations:manage_projects"))

    totals = funding_by_network_and_year(Network.objects.filter(slug="indie-regionruhr"))
    assert response.status_code == 200
    assert [p.slug for p in response.context["projects"]] == [REK]
    assert totals[0].amount == Decimal("26550.00")


def test_seed_demo_projects_are_created_once_and_edits_survive(demo):
    project = Project.objects.get(slug=REK)
    Project.objects.filter(pk=project.pk).update(status="completed", outcome="Fertig.")
    project.milestones.all().delete()
    before = list(Project.objects.order_by("pk").values())

    output = seed()

    assert list(Project.objects.order_by("pk").values()) == before
    assert not project.milestones.exists()
    assert output[-1].endswith("; 0 rows created, 0 updated.")
