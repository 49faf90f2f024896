"""CSV import of bad files: a clear message per row and column, HTTP 400, NOTHING saved."""

import html
import re

import pytest
from django.db import connection
from django.urls import reverse

from members.imports.tasks import import_members
from members.models import MemberImport, Membership, Organisation, Person
from network_portal.models import AuditEntry
from tests.members.fixtures.imports import HEADER, csv_file, csv_text, row, upload, vocabulary
from tests.members.fixtures.text import de, german

pytestmark = pytest.mark.django_db

MODELS = (Organisation, Person, Membership, MemberImport, AuditEntry)
MB = 1024 * 1024


@pytest.fixture
def manager_client(client, world):
    vocabulary()
    client.force_login(world.manager)
    return client


def _rows_in_database() -> list[int]:
    return [model.objects.count() for model in MODELS]


def _errors(response) -> list[tuple]:
    return [(e.row, e.column, e.message) for e in response.context["result"].errors]


def _table_rows(page: str) -> list[list[str]]:
    """The cells of the page's problem table, as text."""
    table = re.search(r'<table class="table import-problems">.*?</table>', page, re.DOTALL)
    rows = re.findall(r"<tr>(.*?)</tr>", table.group(0).split("<tbody>")[1], re.DOTALL)
    cells = [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.DOTALL) for row in rows]
    return [[html.unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in row] for row in cells]


def _rejected(client, network, content: bytes, name: str = "mitglieder.csv"):
    """Upload a bad file: 400, and not a single row more anywhere."""
    before = _rows_in_database()
    response = upload(client, network, content, name)
    assert response.status_code == 400
    assert _rows_in_database() == before
    return response


FOUR_DIGITS = (
    "“%(value)s” has four digits; German postcodes have five. "
    "Did the spreadsheet drop a leading zero (0%(value)s)?"
)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("4478", de(FOUR_DIGITS, value="4478")),
        ("ABCDE", de("“%(value)s” is not a German postcode (five digits).", value="ABCDE")),
        ("", de("The postcode is missing.")),
    ],
)
def test_import_bad_postcode_is_reported_by_row(manager_client, world, value, message):
    response = _rejected(
        manager_client, world.network, csv_file([row(1), row(2, postal_code=value)])
    )
    assert _errors(response) == [(3, "PLZ", message)]
    assert _table_rows(response.content.decode()) == [
        [de("Row") + " 3", de("Column") + " PLZ", message]
    ]


def test_import_unknown_region_sector_kind_size_role_and_bad_addresses(manager_client, world):
    rows = [
        row(1, region="Atlantis"),
        row(2, sectors="Automotive, Raumfahrt"),
        row(3, kind="Kiosk"),
        row(4, size="riesig"),
        row(5, role="Fan"),
        row(6, email="info(at)example"),
        row(7, person_email="erika@"),
        row(8, website="nicht eine adresse"),
        row(9, phone="0234 / 12 34 56 ext. 7"),
        row(10, name=""),
        row(11, last_name=""),
        row(12, name="x" * 201),
    ]
    response = _rejected(manager_client, world.network, csv_file(rows))

    errors = _errors(response)
    assert sorted((number, column) for number, column, _m in errors) == [
        (2, "Region"),
        (3, "Branchen"),
        (4, "Art"),
        (5, "Größe"),
        (6, "Rolle"),
        (7, "E-Mail"),
        (8, "Ansprechperson E-Mail"),
        (9, "Website"),
        (10, "Telefon"),
        (11, "Name"),
        (12, "Ansprechperson Nachname"),
        (13, "Name"),
    ]
    messages = {(number, column): message for number, column, message in errors}
    assert messages[2, "Region"] == de(
        "Unknown region “%(value)s”. Known: %(known)s.", value="Atlantis", known="Bochum, Dortmund"
    )
    assert messages[3, "Branchen"] == de(
        "Unknown sector “%(value)s”. Known: %(known)s.",
        value="Raumfahrt",
        known="Automotive, Logistik",
    )
    assert messages[7, "E-Mail"] == de(
        "“%(value)s” is not a valid e-mail address.", value="info(at)example"
    )
    assert messages[13, "Name"] == de(
        "At most %(limit)s characters, this has %(length)s.", limit=200, length=201
    )


def test_import_missing_required_columns_are_named(manager_client, world):
    header = [title for title in HEADER if title not in ("PLZ", "Name")]
    response = _rejected(manager_client, world.network, csv_file([row(1)], header=header))

    missing = "The required column “%(column)s” is missing."
    assert _errors(response) == [
        (1, "Name", de(missing, column="Name")),
        (1, "PLZ", de(missing, column="PLZ")),
    ]


def test_import_duplicate_rows_in_the_file_are_errors(manager_client, world):
    rows = [
        row(1),
        row(1),  # the same row again
        row(2),
        row(2, city="Herne", first_name="Max", person_email="max@x.example"),  # conflicting
        row(3, person_email="erika.muster1@pruefwerk.example"),  # e-mail of row 2
    ]
    response = _rejected(manager_client, world.network, csv_file(rows))

    conflict = (
        "Same organisation (name and postcode) as in row %(row)s, but different here. "
        "Give each organisation one row; further rows may only add contact persons."
    )
    assert _errors(response) == [
        (
            3,
            "Name",
            de("This organisation (same name and postcode) is already in row %(row)s.", row=2),
        ),
        (5, "Ort", de(conflict, row=4)),
        (
            6,
            "Ansprechperson E-Mail",
            de("The e-mail address is already used in row %(row)s.", row=2),
        ),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"   \r\n", de("The file is empty.")),
        (b";;;;\r\n;;;\r\n", de("The file is empty.")),
        (b"Name;PLZ\r\n", de("The file has a header row but no rows below it.")),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), None),
        (b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 4, None),  # an XLSX file
        ("Name;PLZ\r\nM\u00fcller;44787\r\n".encode("cp1252") + b"\x81\x8d", None),
        (b"Name;PLZ\r\nA\x07B;44787\r\n", None),
    ],
    ids=["blank", "only-delimiters", "header-only", "png", "xlsx", "undecodable", "control-char"],
)
def test_import_unreadable_files_are_refused(manager_client, world, content, message):
    response = _rejected(manager_client, world.network, content)

    [(row_number, column, shown)] = _errors(response)
    assert (row_number, column) == (None, "")
    if message:
        assert shown == message
    hint = german("Correct the rows in your spreadsheet, save it as CSV and upload it again.")
    assert hint in response.content.decode()


def test_import_undecodable_bytes_say_how_to_save_the_file(manager_client, world):
    content = "Name;PLZ\r\nM\u00fcller;44787\r\n".encode("cp1252") + b"\x81"
    response = _rejected(manager_client, world.network, content)
    [(_r, _c, message)] = _errors(response)
    assert message == de(
        "The file's characters could not be read (byte %(position)s). "
        "Save it from your spreadsheet as “CSV UTF-8” and upload it again.",
        position=25,
    )


def test_import_empty_upload_is_a_form_error(manager_client, world):
    before = _rows_in_database()
    response = upload(manager_client, world.network, b"")
    assert response.status_code == 400
    assert response.context["form"].errors["file"]
    assert _rows_in_database() == before


def test_import_ten_megabyte_file_is_refused_without_reading_it(manager_client, world):
    line = (csv_text([row(1)]).splitlines()[1] + "\r\n").encode()
    content = (csv_text([]).encode() + line * (10 * MB // len(line)))[: 10 * MB]
    assert len(content) == 10 * MB

    response = _rejected(manager_client, world.network, content)

    [(_r, _c, message)] = _errors(response)
    assert message == de(
        "The file is %(size)s large; at most %(limit)s are allowed. Split it into several files.",
        size="10,0\xa0MB",
        limit="5,0\xa0MB",
    )


def test_import_more_than_5000_rows_is_refused(manager_client, world):
    rows = [row(number) for number in range(5001)]
    response = _rejected(manager_client, world.network, csv_file(rows))
    [(_r, _c, message)] = _errors(response)
    assert message == de(
        "The file has more than %(limit)s rows. Split it into several files.", limit="5.000"
    )


def test_import_into_a_network_not_managed_is_refused(client, world):
    vocabulary()
    client.force_login(world.other_manager)
    response = _rejected(client, world.network, csv_file([row(1)]))
    assert "network" in response.context["form"].errors


def test_import_database_error_midway_saves_nothing(
    manager_client, world, django_capture_on_commit_callbacks
):
    """A real database error after the first organisations were written: all rolled back."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            CREATE FUNCTION refuse_person() RETURNS trigger AS $$
            BEGIN
              IF NEW.last_name = 'Absturz' THEN RAISE EXCEPTION 'refused by test'; END IF;
              RETURN NEW;
            END $$ LANGUAGE plpgsql;
            CREATE TRIGGER refuse_person BEFORE INSERT ON members_person
              FOR EACH ROW EXECUTE FUNCTION refuse_person();
            """
        )
    rows = [row(number) for number in range(1, 400)] + [row(400, last_name="Absturz")]
    upload(manager_client, world.network, csv_file(rows))
    member_import = MemberImport.objects.get()
    before = _rows_in_database()
    with django_capture_on_commit_callbacks():
        manager_client.post(reverse("members:manage_import_confirm", args=[member_import.pk]))

    import_members.apply(kwargs={"import_id": member_import.pk})

    assert _rows_in_database() == before
    member_import.refresh_from_db()
    assert (member_import.status, member_import.rows_done, member_import.content) == (
        "failed",
        0,
        "",
    )
    page = manager_client.get(reverse("members:manage_import_detail", args=[member_import.pk]))
    assert german("Import failed: nothing was saved") in page.content.decode()
    assert "refused by test" not in page.content.decode()


def test_import_page_shows_errors_next_to_the_upload_form(manager_client, world):
    response = _rejected(manager_client, world.network, csv_file([row(1, region="Atlantis")]))
    page = response.content.decode()
    assert '<h2 id="errors-heading"' in page
    assert 'enctype="multipart/form-data"' in page


def test_import_unquoted_delimiter_inside_a_cell_is_an_error(manager_client, world):
    text = csv_text([row(1)], delimiter=",").replace(
        '"Automotive, Logistik"', "Automotive, Logistik"
    )
    response = _rejected(manager_client, world.network, text.encode())

    message = de(
        "This row has %(cells)s cells, the header only %(columns)s columns. Does a cell "
        "contain the delimiter without quotation marks?",
        cells=18,
        columns=17,
    )
    assert _errors(response) == [(2, "", message)]
