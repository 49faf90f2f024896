"""The portal refuses production without Impressum and privacy contact, and shows them.

The production settings themselves refuse to load (see ``tests/portal/test_settings.py``);
the deploy check covers any other settings module that switches DEBUG off.
"""

import os

import pytest
from django.urls import reverse

from network_portal.checks import legal_contacts_check
from tests.portal.test_settings import manage

TEST_SETTINGS = "network_portal.settings.test"


def test_deploy_check_names_both_missing_contacts():
    env = {
        "DJANGO_SETTINGS_MODULE": TEST_SETTINGS,
        "DATABASE_URL": os.environ["DATABASE_URL"],
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15"),
    }
    result = manage("check", "--deploy", **env)

    assert result.returncode == 1
    assert "network_portal.E001" in result.stderr
    assert "network_portal.E002" in result.stderr
    assert "PORTAL_IMPRINT_CONTACT is not set." in result.stderr


def test_check_passes_with_both_contacts(settings):
    settings.PORTAL_IMPRINT_CONTACT = "Netzwerk e.V., Dortmund"
    settings.PORTAL_PRIVACY_CONTACT = "datenschutz@example.org"

    assert legal_contacts_check() == []


def test_check_counts_blank_contacts_as_missing(settings):
    settings.PORTAL_IMPRINT_CONTACT = "   "
    settings.PORTAL_PRIVACY_CONTACT = "datenschutz@example.org"

    assert [error.id for error in legal_contacts_check()] == ["network_portal.E001"]


def test_check_is_off_while_debugging(settings):
    settings.DEBUG = True
    settings.PORTAL_IMPRINT_CONTACT = settings.PORTAL_PRIVACY_CONTACT = ""

    assert legal_contacts_check() == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("slug", "setting", "value"),
    [
        ("impressum", "PORTAL_IMPRINT_CONTACT", "Netzwerk e.V., Musterstraße 1, 44135 Dortmund"),
        ("datenschutz", "PORTAL_PRIVACY_CONTACT", "datenschutz@netzwerk.example"),
    ],
)
def test_legal_pages_show_the_configured_contact(client, settings, slug, setting, value):
    setattr(settings, setting, value)

    response = client.get(reverse("legal", args=[slug]))

    assert response.status_code == 200
    assert value in response.content.decode()


@pytest.mark.django_db
def test_accessibility_page_shows_no_contact_line(client, settings):
    settings.PORTAL_IMPRINT_CONTACT = "Netzwerk e.V."

    response = client.get(reverse("legal", args=["barrierefreiheit"]))

    assert "Netzwerk e.V." not in response.content.decode()
