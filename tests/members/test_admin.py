"""The Django admin pages of the members models open for a platform admin."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url_name", ["admin:members_network_change", "admin:members_organisation_change"]
)
def test_admin_change_page_shows_the_object(client, world, url_name):
    obj = world.network if "network" in url_name else world.company
    client.force_login(world.platform_admin)

    response = client.get(reverse(url_name, args=[obj.pk]))

    assert response.status_code == 200
    assert obj.name in response.content.decode()


@pytest.mark.parametrize(
    "model",
    [
        "user",
        "region",
        "sector",
        "trainingoccupation",
        "network",
        "organisation",
        "membership",
        "person",
    ],
)
def test_admin_list_page_opens(client, world, model):
    client.force_login(world.platform_admin)

    response = client.get(reverse(f"admin:members_{model}_changelist"))

    assert response.status_code == 200


def test_admin_is_closed_to_a_network_manager(client, world):
    client.force_login(world.manager)

    response = client.get(reverse("admin:members_organisation_changelist"))

    assert response.status_code == 302
