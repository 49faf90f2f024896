"""CSV and XLSX downloads: content, German times, and no formula injection."""

import csv
import datetime as dt
import io
import zoneinfo

import pytest
from openpyxl import load_workbook

from network_portal.exports import csv_response, safe_cell, xlsx_response

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
HOSTILE = ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\tX", "\rY"]


@pytest.mark.parametrize("value", HOSTILE)
def test_formula_like_text_gets_an_apostrophe(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Müller GmbH", "a=b", "", "E-Mail"])
def test_ordinary_text_stays(value):
    assert safe_cell(value) == value


def test_numbers_and_none_stay():
    assert safe_cell(-5) == -5
    assert safe_cell(2.5) == 2.5
    assert safe_cell(None) is None


def _rows():
    when = dt.datetime(2026, 11, 26, 16, 30, tzinfo=dt.UTC)  # 17:30 in Berlin
    return [["Schäfer", "=cmd|' /C calc'!A0", when, 3], ["Öztürk", "Hesterberg & Söhne", None, 0]]


def test_csv_has_bom_semicolons_berlin_times_and_escaped_formulas():
    response = csv_response(
        filename="liste", header=["Name", "Firma", "Zeit", "Zahl"], rows=_rows()
    )
    assert response["Content-Disposition"] == 'attachment; filename="liste.csv"'
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == ["Name", "Firma", "Zeit", "Zahl"]
    assert rows[1] == ["Schäfer", "'=cmd|' /C calc'!A0", "26.11.2026 17:30", "3"]
    assert rows[2] == ["Öztürk", "Hesterberg & Söhne", "", "0"]


def test_xlsx_keeps_types_and_escapes_formulas():
    response = xlsx_response(
        filename="liste", title="Teilnehmende", header=["A", "B", "C", "D"], rows=_rows()
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.title == "Teilnehmende"
    assert [c.value for c in sheet[1]] == ["A", "B", "C", "D"]
    assert sheet["B2"].value == "'=cmd|' /C calc'!A0"
    assert sheet["B2"].data_type == "s"
    assert sheet["C2"].value == dt.datetime(2026, 11, 26, 17, 30, tzinfo=BERLIN).replace(
        tzinfo=None
    )
    assert sheet["D2"].value == 3
    assert sheet["A3"].value == "Öztürk"
    assert sheet.freeze_panes == "A2"
