"""Export of the filtered member list as CSV and XLSX: every cell, hostile names, audit."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from members.models import Organisation, Person
from network_portal.models import AuditEntry
from tests import factories
from tests.members.fixtures.text import de
from tests.members.helpers import user_of

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("http://evil.example","Klick")'
HEADER = [
    "Organisation",
    "Kind",
    "Street",
    "Postcode",
    "City",
    "Region",
    "Sectors",
    "Size",
    "Network",
    "Role",
    "Status",
    "Member since",
    "Contact person",
    "E-mail",
    "Phone",
]


def _url(file_format: str) -> str:
    return reverse("members:manage_export", kwargs={"format": file_format})


@pytest.fixture
def exported(world) -> Organisation:
    """A member with every column filled, a hostile name, and three people to choose from."""
    organisation = factories.OrganisationFactory(
        name=HOSTILE,
        kind=Organisation.Kind.COMPANY,
        street="Hattinger Straße 5",
        postal_code="44789",
        city="Bochum",
        size=Organisation.Size.MEDIUM,
        email="info@hostile.example",
        phone="0234 1",
    )
    organisation.sectors.add(
        factories.SectorFactory(name="Automotive"), factories.SectorFactory(name="Logistik")
    )
    factories.MembershipFactory(
        organisation=organisation, network=world.network, started_on=dt.date(2024, 3, 1)
    )
    factories.PersonFactory(organisation=organisation, user=None, last_name="Aal", email="a@x.de")
    factories.PersonFactory(
        organisation=organisation,
        user=None,
        first_name="Petra",
        last_name="Öffentlich",
        email="-petra@hostile.example",
        phone="+49 234 2",
        is_public_contact=True,
    )
    return organisation


def _csv_rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def _expected_row() -> list[str]:
    return [
        "'" + HOSTILE,
        de("company"),
        "Hattinger Straße 5",
        "44789",
        "Bochum",
        "Bochum",
        "Automotive, Logistik",
        de("50–249 employees"),
        "In|Die RegionRuhr",
        de("member"),
        de("active"),
        "01.03.2024",
        "Petra Öffentlich",
        "'-petra@hostile.example",
        "'+49 234 2",
    ]


def test_export_csv_every_cell_with_hostile_values_escaped(client, world, exported):
    client.force_login(world.manager)

    response = client.get(_url("csv"), {"q": "evil"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="mitglieder-')
    header, *rows = _csv_rows(response)
    assert header == [de(title) for title in HEADER]
    assert rows == [_expected_row()]


def test_export_xlsx_every_cell_with_types(client, world, exported):
    client.force_login(world.manager)

    response = client.get(_url("xlsx"), {"q": "evil"})

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in line] for line in sheet.iter_rows()]
    assert rows[0] == [de(title) for title in HEADER]
    expected = _expected_row()
    assert rows[1][:11] + rows[1][12:] == expected[:11] + expected[12:]
    assert rows[1][11].date() == dt.date(2024, 3, 1)  # a real date cell, not text
    assert sheet["L2"].is_date
    assert sheet["A2"].data_type == "s"
    assert len(rows) == 2


def test_export_follows_the_filters_and_lists_every_page(client, world, exported):
    for number in range(60):
        organisation = factories.OrganisationFactory(name=f"Firma {number:02d}")
        factories.MembershipFactory(organisation=organisation, network=world.network)
    client.force_login(world.manager)

    everything = _csv_rows(client.get(_url("csv")))[1:]
    partners = _csv_rows(client.get(_url("csv"), {"role": "partner"}))[1:]

    assert len(everything) == 63  # not only the first page of 50
    assert [row[0] for row in partners] == ["Test-IHK"]


def test_export_falls_back_to_the_organisation_contact(client, world):
    world.company.email, world.company.phone = "info@hesterberg.example", "02333 9"
    world.company.save()
    Person.objects.filter(organisation=world.company).delete()
    client.force_login(world.manager)

    [row] = [r for r in _csv_rows(client.get(_url("csv")))[1:] if r[0] == world.company.name]

    assert row[12:] == ["", "info@hesterberg.example", "02333 9"]


def test_export_is_recorded_without_the_search_words(client, world, exported):
    client.force_login(world.manager)

    client.get(_url("xlsx"), {"q": "petra@hostile", "network": world.network.slug})

    entry = AuditEntry.objects.get(action="members.export")
    assert (entry.actor, entry.object_type, entry.object_id) == (
        world.manager,
        "members.network",
        str(world.network.pk),
    )
    assert entry.details == {
        "format": "xlsx",
        "rows": 1,
        "filters": {"network": world.network.slug, "search": "yes"},
    }


def test_export_of_another_network_manager_holds_none_of_ours(client, world, exported):
    client.force_login(world.other_manager)
    assert _csv_rows(client.get(_url("csv")))[1:] == []


@pytest.mark.parametrize("role", ["owner", "colleague", "partner", "outsider"])
def test_export_is_forbidden_without_a_manager_role(client, world, role):
    client.force_login(user_of(world, role))
    assert client.get(_url("csv")).status_code == 403
    assert not AuditEntry.objects.exists()


def test_export_anonymous_is_sent_to_sign_in(client):
    response = client.get(_url("xlsx"))
    assert response.status_code == 302
    assert not AuditEntry.objects.exists()


def test_export_unknown_format_is_not_found(client, world):
    client.force_login(world.manager)
    assert client.get("/verwaltung/mitglieder/export/pdf/").status_code == 404
