"""The attendance list: CSV and XLSX downloads (cell by cell) and the page to print."""

import csv
import datetime as dt
import io

import pytest
from django.conf import settings
from django.urls import reverse
from openpyxl import load_workbook

from events.models import Registration, WorkshopChoice
from network_portal.models import AuditEntry
from tests import factories

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("https://evil.example/","Klick")'
CHECKED_IN = dt.datetime(2026, 6, 18, 15, 40, tzinfo=dt.UTC)  # 17:40 in Berlin
HEADER = [
    "Last name",
    "First name",
    "Organisation",
    "E-mail address",
    "Workshops",
    "Status",
    "Checked in",
    "Access needs",
]


@pytest.fixture
def attendance(event, world):
    """Two confirmed (one checked in, one hostile), one waiting, one cancelled."""
    event.capacity = 2
    event.save()
    first = factories.WorkshopFactory(event=event, title="Lean-Management")
    second = factories.WorkshopFactory(event=event, title="Ausbildung 4.0", slot="Slot B")
    zander = factories.PersonFactory(
        first_name="Jan", last_name="Zander", email="jan@example.org", organisation=world.company
    )
    hostile = factories.PersonFactory(
        first_name=HOSTILE, last_name="Albers", email="a@example.org", organisation=world.chamber
    )
    confirmed = factories.RegistrationFactory(
        event=event, person=zander, checked_in_at=CHECKED_IN, access_needs="Rollstuhl"
    )
    factories.WorkshopChoiceFactory(registration=confirmed, session=first)
    factories.WorkshopChoiceFactory(
        registration=confirmed, session=second, status=WorkshopChoice.Status.WAITLISTED
    )
    factories.RegistrationFactory(event=event, person=hostile)
    waiting = factories.PersonFactory(first_name="Uwe", last_name="Berg", email="u@example.org")
    factories.RegistrationFactory(event=event, person=waiting, status="waitlisted")
    gone = factories.PersonFactory(last_name="Weg")
    factories.RegistrationFactory(event=event, person=gone, status="cancelled")
    return event


def download(client, world, event, fmt: str):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(world.manager)
    return client.get(reverse("events:manage_export", kwargs={"pk": event.pk, "fmt": fmt}))


def test_csv_export_cell_by_cell(client, world, attendance):
    response = download(client, world, attendance, "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    expected_name = f'attachment; filename="teilnehmende-{attendance.pk}.csv"'
    assert response["Content-Disposition"] == expected_name
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert rows == [
        HEADER,
        ["Albers", "'" + HOSTILE, "Test-IHK", "a@example.org", "", "Confirmed", "", ""],
        [
            "Zander",
            "Jan",
            "Hesterberg Testwerk GmbH",
            "jan@example.org",
            "Lean-Management; Ausbildung 4.0 (waiting list)",
            "Confirmed",
            "18.06.2026 17:40",
            "Rollstuhl",
        ],
        ["Berg", "Uwe", rows[3][2], "u@example.org", "", "On the waiting list", "", ""],
    ]


def test_xlsx_export_cell_by_cell(client, world, attendance):
    response = download(client, world, attendance, "xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert sheet.title == "Attendance list"
    assert rows[0] == HEADER
    assert rows[1] == [
        "Albers", "'" + HOSTILE, "Test-IHK", "a@example.org", None, "Confirmed", None, None
    ]  # fmt: skip
    assert rows[2] == [
        "Zander",
        "Jan",
        "Hesterberg Testwerk GmbH",
        "jan@example.org",
        "Lean-Management; Ausbildung 4.0 (waiting list)",
        "Confirmed",
        dt.datetime(2026, 6, 18, 17, 40),  # noqa: DTZ001 - spreadsheets hold local times
        "Rollstuhl",
    ]
    assert rows[3][:2] == ["Berg", "Uwe"]
    assert rows[3][5] == "On the waiting list"
    assert len(rows) == 4
    assert sheet["B2"].data_type == "s"  # text, never a formula


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_is_recorded_in_the_audit_log(client, world, attendance, fmt):
    download(client, world, attendance, fmt)
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.actor, entry.object_type) == (
        "event.attendance_export",
        world.manager,
        "events.event",
    )
    assert (entry.object_id, entry.details) == (str(attendance.pk), {"format": fmt, "rows": 3})


def test_export_of_another_format_is_not_found(client, world, attendance):
    client.force_login(world.manager)
    response = client.get(f"/verwaltung/veranstaltungen/{attendance.pk}/teilnehmende.pdf")
    assert response.status_code == 404
    assert AuditEntry.objects.count() == 0


def test_print_page_lists_confirmed_attendees_with_a_signature_column(client, world, attendance):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(world.manager)
    url = reverse("events:manage_print", kwargs={"pk": attendance.pk})
    content = client.get(url).content.decode()
    assert f"<h1>{attendance.title}</h1>" in content
    assert attendance.venue in content
    assert attendance.address in content
    assert '<th scope="col" class="signature">Signature</th>' in content
    assert content.count('<td class="signature"></td>') == 2
    assert "2 confirmed attendees, sorted by last name" in content
    assert content.index("Albers, =HYPERLINK") < content.index("Zander, Jan")
    assert "Lean-Management<br>" in content
    assert "Ausbildung 4.0" not in content  # only the workshops they have a seat in
    assert "Berg" not in content
    assert "Weg," not in content
    assert "@media print" not in content  # the print rules live in the stylesheet


def test_print_page_in_german(client, world, attendance):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
    client.force_login(world.manager)
    url = reverse("events:manage_print", kwargs={"pk": attendance.pk})
    content = client.get(url).content.decode()
    assert '<html lang="de">' in content
    assert Registration.objects.filter(event=attendance).count() == 4
