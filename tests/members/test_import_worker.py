"""The import of a large-ish file through the real Celery worker, followed on the status page."""

import pytest
from django.urls import reverse

from members.models import MemberImport, Membership, Organisation, Person
from tests.members.fixtures.imports import csv_file, row, upload, vocabulary
from tests.members.fixtures.text import german

ROWS = 1_000


@pytest.mark.django_db(transaction=True)
def test_import_of_1000_rows_runs_in_the_worker_to_done(client, world, celery_worker, wait_until):
    vocabulary()
    client.force_login(world.manager)
    response = upload(client, world.network, csv_file([row(n) for n in range(1, ROWS + 1)]))
    member_import = MemberImport.objects.get()
    detail_url = reverse("members:manage_import_detail", args=[member_import.pk])
    assert response.url == detail_url
    assert member_import.counts["organisations"] == ROWS

    client.post(reverse("members:manage_import_confirm", args=[member_import.pk]))
    status_region = client.get(detail_url, HTTP_HX_REQUEST="true").content.decode()
    assert '<div id="import-status"' in status_region

    def finished() -> bool:
        return MemberImport.objects.get().status in ("done", "failed")

    assert wait_until(finished, timeout=120)
    member_import.refresh_from_db()
    assert (member_import.status, member_import.rows_done) == ("done", ROWS)
    assert Organisation.objects.filter(name__startswith="Prüfwerk ").count() == ROWS
    assert Person.objects.filter(email__endswith="@pruefwerk.example").count() == ROWS
    assert Membership.objects.filter(network=world.network, decided_by=world.manager).count() == (
        ROWS
    )
    final = client.get(detail_url, HTTP_HX_REQUEST="true").content.decode()
    assert german("Import complete") in final
    assert 'hx-trigger="every 2s"' not in final  # polling stops
