"""Organisation and network pages through HTTP, for every role.

``world.company`` is public; ``hidden`` is a members-only company, active in ``world.network``.
"""

import pytest
from django.conf import settings
from django.urls import reverse

from members.models import Organisation
from tests import factories
from tests.members.helpers import ALL_ROLES, NOT_SEE_HIDDEN, SEE_HIDDEN, user_of

pytestmark = pytest.mark.django_db


# --- Through HTTP: the organisation page ---------------------------------------------------


def get_as(client, world, role: str, url: str):
    """GET ``url`` in English (the texts asserted) as the user holding ``role``."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    if role != "anonymous":
        client.force_login(user_of(world, role))
    return client.get(url)


@pytest.mark.parametrize("role", ALL_ROLES)
def test_public_organisation_page_shows_profile_to_everybody(client, world, role):
    response = get_as(client, world, role, world.company.get_absolute_url())
    assert response.status_code == 200
    content = response.content.decode()
    assert f"<h1>{world.company.name}</h1>" in content
    assert f'href="{world.network.get_absolute_url()}"' in content


@pytest.mark.parametrize("role", SEE_HIDDEN)
def test_members_only_organisation_page_shown_to_shared_network(client, world, hidden, role):
    response = get_as(client, world, role, hidden.get_absolute_url())
    assert response.status_code == 200
    assert f"<h1>{hidden.name}</h1>" in response.content.decode()


@pytest.mark.parametrize("role", NOT_SEE_HIDDEN)
def test_members_only_organisation_page_404_for_others(client, world, hidden, role):
    response = get_as(client, world, role, hidden.get_absolute_url())
    assert response.status_code == 404
    assert hidden.name not in response.content.decode()


def test_organisation_page_shows_edit_link_to_platform_admin_only(client, world):
    edit_url = reverse("admin:members_organisation_change", args=[world.company.pk])
    admin_page = get_as(client, world, "platform_admin", world.company.get_absolute_url())
    assert f'href="{edit_url}"' in admin_page.content.decode()
    client.force_login(world.owner)
    owner_page = client.get(world.company.get_absolute_url())
    assert edit_url not in owner_page.content.decode()


def test_organisation_page_shows_public_contacts_only(client, world):
    factories.PersonFactory(
        organisation=world.company,
        user=None,
        first_name="Petra",
        last_name="Öffentlich",
        email="petra@example.org",
        is_public_contact=True,
        show_email=True,
    )
    factories.PersonFactory(
        organisation=world.company, user=None, first_name="Ingo", last_name="Intern"
    )
    content = client.get(world.company.get_absolute_url()).content.decode()
    assert "Petra Öffentlich" in content
    assert 'href="mailto:petra@example.org"' in content
    assert "Ingo Intern" not in content


# --- Through HTTP: the network page ---------------------------------------------------------


def member_links(content: str, *organisations: Organisation) -> list[bool]:
    return [f'href="{o.get_absolute_url()}"' in content for o in organisations]


@pytest.mark.parametrize("role", SEE_HIDDEN)
def test_network_page_lists_members_only_company_for_shared_network(client, world, hidden, role):
    response = get_as(client, world, role, world.network.get_absolute_url())
    assert response.status_code == 200
    content = response.content.decode()
    assert member_links(content, world.company, world.chamber, hidden) == [True, True, True]
    assert hidden.name in content


@pytest.mark.parametrize("role", NOT_SEE_HIDDEN)
def test_network_page_omits_members_only_company_for_others(client, world, hidden, role):
    response = get_as(client, world, role, world.network.get_absolute_url())
    assert response.status_code == 200
    content = response.content.decode()
    assert member_links(content, world.company, world.chamber, hidden) == [True, True, False]
    assert hidden.name not in content


def test_network_page_omits_applicants_and_former_members(client, world):
    applicant = factories.OrganisationFactory(name="Bewerber Stahlbau GmbH")
    factories.MembershipFactory(organisation=applicant, network=world.network, status="applied")
    former = factories.OrganisationFactory(name="Ehemalige Gießerei AG")
    factories.MembershipFactory(organisation=former, network=world.network, status="ended")
    content = get_as(client, world, "manager", world.network.get_absolute_url()).content.decode()
    assert applicant.name not in content
    assert former.name not in content
    assert world.company.name in content


@pytest.mark.parametrize("role", ["manager", "platform_admin"])
def test_network_page_tells_managers_they_manage_it(client, world, role):
    content = get_as(client, world, role, world.network.get_absolute_url()).content.decode()
    assert "You manage this network." in content


@pytest.mark.parametrize("role", ["owner", "partner", "outsider", "other_manager", "anonymous"])
def test_network_page_does_not_claim_others_manage_it(client, world, role):
    content = get_as(client, world, role, world.network.get_absolute_url()).content.decode()
    assert "You manage this network." not in content


def test_network_page_unknown_slug_is_404(client, world):
    response = client.get(reverse("members:network", args=["gibt-es-nicht"]))
    assert response.status_code == 404
