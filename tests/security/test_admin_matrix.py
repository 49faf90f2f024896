"""The Django admin's row of the matrix: only the platform admin gets in.

Every registered model's list, and the change page of each model that has a row in the
matrix world, are visited by every role. Everybody else is sent to the admin's sign-in
(which sends visitors on to allauth's sign-in and refuses signed-in people without staff
status), and a POST to a change page changes nothing.
"""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.security.fingerprint import changed_tables, fingerprint
from tests.security.matrix import ADMIN_ALLOWED
from tests.security.visits import answer, client_as
from tests.security.world import ROLES

pytestmark = pytest.mark.django_db


def _admin_urls() -> tuple[list[str], list[str]]:
    """(pages to GET, change pages to POST to)."""
    pages, change_pages = [reverse("admin:index")], []
    for model in admin.site._registry:
        meta = model._meta
        pages.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            change = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[first.pk])
            change_pages.append(change)
    return pages + change_pages, change_pages


@pytest.mark.parametrize("role", sorted(ADMIN_ALLOWED))
def test_admin_lets_the_platform_admin_in_everywhere(matrix_world, role):
    client = client_as(matrix_world, role)
    pages, _change_pages = _admin_urls()

    answers = {url: client.get(url).status_code for url in pages}

    assert len(pages) > 30
    assert {url: status for url, status in answers.items() if status != 200} == {}


@pytest.mark.parametrize("role", [role for role in ROLES if role not in ADMIN_ALLOWED])
def test_admin_sends_everybody_else_to_the_sign_in_and_changes_nothing(matrix_world, role):
    client = client_as(matrix_world, role)
    pages, change_pages = _admin_urls()
    admin_login = reverse("admin:login")
    before = fingerprint()

    wrong = {}
    for url in pages:
        response = client.get(url)
        if response.status_code != 302 or not response["Location"].startswith(admin_login):
            wrong[url] = (response.status_code, response.get("Location"))
    for url in change_pages:
        response = client.post(url, {"name": "Übernommen", "email": "x@example.org"})
        if response.status_code != 302 or not response["Location"].startswith(admin_login):
            wrong[url] = ("POST", response.status_code, response.get("Location"))
    at_sign_in = answer(client.get(admin_login))

    assert wrong == {}
    assert at_sign_in == ("L" if role == "anonymous" else "403")
    assert changed_tables(before, fingerprint()) == []
