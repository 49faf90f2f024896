"""The Django admin pages of the members models open for a platform admin."""

import pytest
from django.urls import reverse

from members.models import MemberImport

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


@pytest.mark.parametrize("model", ["networkmanager", "joinrequest", "colleagueinvitation"])
def test_admin_list_page_of_requests_and_roles_opens(client, world, model):
    client.force_login(world.platform_admin)

    response = client.get(reverse(f"admin:members_{model}_changelist"), {"q": "test"})

    assert response.status_code == 200


def test_admin_member_import_is_read_only_and_hides_the_rows(client, world):
    member_import = MemberImport.objects.create(
        network=world.network,
        uploaded_by=world.manager,
        file_name="mitglieder.csv",
        encoding="UTF-8",
        content="Name;PLZ\r\nGeheime Personendaten GmbH;44787\r\n",
        rows_total=1,
    )
    client.force_login(world.platform_admin)

    listing = client.get(reverse("admin:members_memberimport_changelist"), {"status": "ready"})
    detail = client.get(reverse("admin:members_memberimport_change", args=[member_import.pk]))
    add = client.get(reverse("admin:members_memberimport_add"))

    assert "mitglieder.csv" in listing.content.decode()
    assert detail.status_code == 200
    assert "Geheime Personendaten" not in detail.content.decode()
    assert 'name="file_name"' not in detail.content.decode()  # shown, not editable
    assert add.status_code == 403


def test_admin_membership_list_filters_and_searches(client, world):
    client.force_login(world.platform_admin)

    response = client.get(
        reverse("admin:members_membership_changelist"),
        {"status__exact": "active", "network__id__exact": world.network.pk, "q": "Hesterberg"},
    )

    assert [m.organisation for m in response.context["cl"].result_list] == [world.company]


@pytest.mark.parametrize(
    "case",
    [
        ("membership", "organisation", "Hesterb", "Hesterberg Testwerk GmbH"),
        ("membership", "network", "RegionRuhr", "In|Die RegionRuhr"),
        ("person", "organisation", "Test-IHK", "Test-IHK"),
        ("organisation", "region", "Boch", "Bochum"),
        ("networkmanager", "user", "", None),
    ],
)
def test_admin_autocomplete_answers_for_relations(client, world, case):
    model, field, term, expected = case
    client.force_login(world.platform_admin)

    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "members", "model_name": model, "field_name": field, "term": term},
    )

    assert response.status_code == 200
    texts = [result["text"] for result in response.json()["results"]]
    if expected is not None:
        assert expected in texts
    else:
        assert world.manager.email in texts or str(world.manager) in texts


def test_admin_autocomplete_is_closed_to_a_network_manager(client, world):
    client.force_login(world.manager)
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "members", "model_name": "membership", "field_name": "organisation"},
    )
    assert response.status_code == 302
