"""Who may use the import: the network's managers and platform admins, nobody else."""

import pytest
from django.urls import reverse

from members.models import MemberImport
from tests.members.fixtures.imports import csv_file, row, upload, vocabulary
from tests.members.helpers import user_of

pytestmark = pytest.mark.django_db

NOT_MANAGERS = ["owner", "colleague", "partner", "outsider"]


@pytest.fixture
def ready_import(client, world) -> MemberImport:
    """A checked file of ``world.network``, waiting for confirmation."""
    vocabulary()
    client.force_login(world.manager)
    upload(client, world.network, csv_file([row(1)]))
    client.logout()
    return MemberImport.objects.get()


def _pages(member_import) -> dict[str, str]:
    return {
        "detail": reverse("members:manage_import_detail", args=[member_import.pk]),
        "confirm": reverse("members:manage_import_confirm", args=[member_import.pk]),
        "discard": reverse("members:manage_import_discard", args=[member_import.pk]),
    }


@pytest.mark.parametrize("role", NOT_MANAGERS)
def test_import_pages_are_forbidden_without_a_manager_role(client, world, ready_import, role):
    client.force_login(user_of(world, role))
    assert client.get(reverse("members:manage_import")).status_code == 403
    assert client.get(reverse("members:manage_import_template")).status_code == 403
    pages = _pages(ready_import)
    assert client.get(pages["detail"]).status_code == 403
    assert client.post(pages["confirm"]).status_code == 403
    assert client.post(pages["discard"]).status_code == 403
    ready_import.refresh_from_db()
    assert ready_import.status == MemberImport.Status.READY


def test_import_pages_send_anonymous_visitors_to_sign_in(client, ready_import):
    pages = _pages(ready_import)
    responses = [
        client.get(reverse("members:manage_import")),
        client.get(pages["detail"]),
        client.post(pages["confirm"]),
        client.post(pages["discard"]),
    ]
    for response in responses:
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
    ready_import.refresh_from_db()
    assert ready_import.status == MemberImport.Status.READY


def test_import_of_another_network_is_not_found_for_its_manager(client, world, ready_import):
    client.force_login(world.other_manager)
    pages = _pages(ready_import)
    assert client.get(pages["detail"]).status_code == 404
    assert client.post(pages["confirm"]).status_code == 404
    assert client.post(pages["discard"]).status_code == 404
    ready_import.refresh_from_db()
    assert ready_import.status == MemberImport.Status.READY
    assert "mitglieder.csv" not in client.get(reverse("members:manage_import")).content.decode()


def test_import_of_any_network_is_open_to_a_platform_admin(client, world, ready_import):
    client.force_login(world.platform_admin)
    assert client.get(_pages(ready_import)["detail"]).status_code == 200
    page = client.get(reverse("members:manage_import")).content.decode()
    assert world.network.name in page  # offered as a target network


def test_import_upload_page_offers_only_managed_networks(client, world):
    client.force_login(world.manager)
    response = client.get(reverse("members:manage_import"))
    assert response.status_code == 200
    assert list(response.context["form"].fields["network"].queryset) == [world.network]


def test_import_confirm_and_discard_refuse_get(client, world, ready_import):
    client.force_login(world.manager)
    pages = _pages(ready_import)
    assert client.get(pages["confirm"]).status_code == 405
    assert client.get(pages["discard"]).status_code == 405
