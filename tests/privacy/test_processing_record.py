"""The record of processing activities: a template for the network's operators."""

import io

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import load_workbook

from network_portal.privacy import processing_record
from tests.privacy.helpers import signed_in

PAGE = reverse("privacy:processing_record")
DOWNLOAD = reverse("privacy:processing_record_download")

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("platform_admin", 200),
        ("manager", 200),
        ("other_manager", 200),
        ("owner", 403),
        ("colleague", 403),
        ("partner", 403),
        ("outsider", 403),
    ],
)
def test_who_sees_the_processing_record(client, world, who, status):
    client = signed_in(client, getattr(world, who))

    assert client.get(PAGE).status_code == status
    assert client.get(DOWNLOAD).status_code == status


def test_processing_record_needs_sign_in(client):
    assert client.get(PAGE).status_code == 302
    assert client.get(DOWNLOAD).status_code == 302


def test_processing_record_page_lists_every_activity_and_the_retention(client, world, settings):
    settings.PRIVACY_RETENTION_MONTHS = 18
    settings.PORTAL_PRIVACY_CONTACT = "datenschutz@netzwerk.example"

    page = signed_in(client, world.manager).get(PAGE).content.decode()

    with translation.override("de"):
        assert processing_record.retention_months_text() in page
        for activity in processing_record.activities():
            assert str(activity.name) in page
    assert "datenschutz@netzwerk.example" in page
    with translation.override("de"):
        assert gettext("[fill in: PORTAL_IMPRINT_CONTACT is not set]") in page


def test_processing_record_downloads_as_a_spreadsheet(client, world):
    response = signed_in(client, world.platform_admin).get(DOWNLOAD)

    assert response["Content-Disposition"] == 'attachment; filename="verarbeitungsverzeichnis.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == [str(column) for column in processing_record.COLUMNS]
    assert len(rows) == 1 + len(processing_record.activities())
    assert rows[1][0] == str(processing_record.activities()[0].name)
