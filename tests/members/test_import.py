"""CSV import: a good file lands row by row and value by value, after preview and confirmation."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from members.imports.tasks import import_members
from members.models import MemberImport, Membership, Organisation, Person
from members.services.imports import import_progress, progress_key
from network_portal.models import AuditEntry
from tests import factories
from tests.members.fixtures.imports import HEADER, csv_file, csv_text, row, upload, vocabulary
from tests.members.fixtures.text import german

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager_client(client, world):
    vocabulary()
    client.force_login(world.manager)
    return client


def test_import_page_names_the_columns_of_the_known_words(manager_client):
    page = manager_client.get(reverse("members:manage_import")).content.decode()

    for label, header in (("Regions", "Region"), ("Sectors", "Branchen")):
        assert f"{german(label)} (<code>{header}</code>)" in page
    assert f"{german('Kinds of organisation')} (<code>Art</code>)" in page
    assert "Bochum, Dortmund" in page
    assert f"{german('association')}; IHK, HWK</dd>" in page


def _confirm_and_run(client, member_import, django_capture_on_commit_callbacks):
    """Confirm as the manager does; then run the queued task here, as the worker would."""
    url = reverse("members:manage_import_confirm", args=[member_import.pk])
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(url)
    assert response.status_code == 302
    assert len(callbacks) == 1  # queued after commit, exactly once
    member_import.refresh_from_db()
    assert member_import.status == MemberImport.Status.IMPORTING
    import_members.apply(kwargs={"import_id": member_import.pk})
    member_import.refresh_from_db()
    return member_import


def test_import_good_file_shows_preview_and_saves_nothing_yet(manager_client, world):
    rows = [row(1), row(2, kind="IHK", role="Partner", size="250+", region="", sectors="")]
    organisations_before = Organisation.objects.count()

    response = upload(manager_client, world.network, csv_file(rows))

    member_import = MemberImport.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("members:manage_import_detail", args=[member_import.pk])
    assert (member_import.status, member_import.rows_total) == ("ready", 2)
    assert member_import.counts == {
        "organisations": 2,
        "existing_organisations": 0,
        "persons": 2,
        "memberships": 2,
        "skipped": 0,
    }
    assert Organisation.objects.count() == organisations_before
    page = manager_client.get(response.url).content.decode()
    assert "Prüfwerk 1 GmbH" in page
    assert reverse("members:manage_import_confirm", args=[member_import.pk]) in page


def test_import_good_file_lands_with_every_value(
    manager_client, world, django_capture_on_commit_callbacks
):
    rows = [
        row(1),
        row(2, kind="IHK", role="Partner", size="250+", region="", sectors="", website=""),
        row(3, first_name="", last_name="", function="", person_email="", person_phone=""),
    ]
    upload(manager_client, world.network, csv_file(rows))

    member_import = _confirm_and_run(
        manager_client, MemberImport.objects.get(), django_capture_on_commit_callbacks
    )

    assert member_import.status == MemberImport.Status.DONE
    assert (member_import.rows_done, member_import.content) == (3, "")
    first = Organisation.objects.get(name="Prüfwerk 1 GmbH")
    assert (first.kind, first.street, first.postal_code, first.city) == (
        "company",
        "Industriestraße 1",
        "44787",
        "Bochum",
    )
    assert (first.region.name, first.size, first.website, first.email, first.phone) == (
        "Bochum",
        "small",
        "https://www.pruefwerk-1.example",
        "info@pruefwerk-1.example",
        "0234 000000-0",
    )
    assert sorted(first.sectors.values_list("name", flat=True)) == ["Automotive", "Logistik"]
    assert first.visibility == Organisation.Visibility.MEMBERS
    assert first.slug == "prufwerk-1-gmbh"
    person = first.people.get()
    assert (person.first_name, person.last_name, person.function, person.email, person.phone) == (
        "Erika",
        "Muster1",
        "Geschäftsführerin",
        "erika.muster1@pruefwerk.example",
        "0234 000000-1",
    )
    assert (person.role, person.user, person.is_public_contact) == ("contact", None, False)
    membership = first.memberships.get()
    assert (membership.network, membership.role, membership.status) == (
        world.network,
        "member",
        "active",
    )
    assert membership.started_on == timezone.localdate()
    assert membership.decided_by == world.manager
    second = Organisation.objects.get(name="Prüfwerk 2 GmbH")
    assert (second.kind, second.size, second.region, second.website) == ("ihk", "large", None, "")
    assert second.memberships.get().role == "partner"
    assert not Organisation.objects.get(name="Prüfwerk 3 GmbH").people.exists()


def test_import_finished_shows_counts_and_records_audit(
    manager_client, world, django_capture_on_commit_callbacks
):
    upload(manager_client, world.network, csv_file([row(1), row(2)]))
    member_import = _confirm_and_run(
        manager_client, MemberImport.objects.get(), django_capture_on_commit_callbacks
    )

    page = manager_client.get(reverse("members:manage_import_detail", args=[member_import.pk]))

    assert german("Import complete") in page.content.decode()
    assert 'hx-trigger="every 2s"' not in page.content.decode()
    entry = AuditEntry.objects.get(action="members.import")
    assert (entry.actor, entry.object_id) == (world.manager, str(member_import.pk))
    assert entry.details == {
        "network": world.network.pk,
        "organisations": 2,
        "existing_organisations": 0,
        "persons": 2,
        "memberships": 2,
        "skipped": 0,
    }


def test_import_further_rows_add_contact_persons_to_the_same_organisation(
    manager_client, world, django_capture_on_commit_callbacks
):
    second_contact = row(1, first_name="Max", last_name="Beispiel", person_email="max@x.example")
    for cell in ("Art", "Straße", "Branchen", "Größe", "Website", "E-Mail", "Telefon", "Rolle"):
        second_contact[cell] = ""
    upload(manager_client, world.network, csv_file([row(1), second_contact]))

    _confirm_and_run(manager_client, MemberImport.objects.get(), django_capture_on_commit_callbacks)

    organisation = Organisation.objects.get(name="Prüfwerk 1 GmbH")
    assert sorted(organisation.people.values_list("last_name", flat=True)) == [
        "Beispiel",
        "Muster1",
    ]
    assert organisation.memberships.count() == 1


def test_import_windows_1252_file_is_read_with_umlauts_and_says_so(
    manager_client, world, django_capture_on_commit_callbacks
):
    content = csv_file([row(1, name="Müller Präzisionsteile GmbH & Söhne")], encoding="cp1252")

    response = upload(manager_client, world.network, content)

    member_import = MemberImport.objects.get()
    assert member_import.encoding == "Windows-1252"
    page = manager_client.get(response.url).content.decode()
    assert "Windows-1252" in page
    assert "Müller Präzisionsteile GmbH &amp; Söhne" in page
    _confirm_and_run(manager_client, member_import, django_capture_on_commit_callbacks)
    assert Organisation.objects.filter(name="Müller Präzisionsteile GmbH & Söhne").exists()


@pytest.mark.parametrize(
    ("delimiter", "encoding"), [(",", "utf-8-sig"), (";", "utf-8-sig"), ("\t", "utf-16")]
)
def test_import_reads_comma_semicolon_tab_and_bom(manager_client, world, delimiter, encoding):
    content = csv_file(
        [row(1, sectors="Automotive|Logistik")], delimiter=delimiter, encoding=encoding
    )

    response = upload(manager_client, world.network, content)

    assert response.status_code == 302
    assert MemberImport.objects.get().counts["organisations"] == 1


def test_import_template_download_lists_the_columns_and_imports_cleanly(manager_client, world):
    response = manager_client.get(reverse("members:manage_import_template"))

    text = response.content.decode("utf-8")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert text.lstrip("\ufeff").splitlines()[0] == ";".join(HEADER)
    factories.SectorFactory(name="Automotive")
    assert upload(manager_client, world.network, response.content).status_code == 302


def test_import_existing_organisation_gets_only_the_membership(
    manager_client, world, django_capture_on_commit_callbacks
):
    known = factories.OrganisationFactory(name="Prüfwerk 1 GmbH", postal_code="44787", city="Alt")
    upload(manager_client, world.network, csv_file([row(1, name="PRÜFWERK  1 gmbh")]))
    member_import = MemberImport.objects.get()

    page = manager_client.get(reverse("members:manage_import_detail", args=[member_import.pk]))

    expected = german(
        "“%(name)s” is already in the portal: only the membership in %(network)s is "
        "added, its profile stays as it is.",
        name="PRÜFWERK  1 gmbh",
        network=world.network.name,
    )
    assert expected in page.content.decode()
    _confirm_and_run(manager_client, member_import, django_capture_on_commit_callbacks)
    known.refresh_from_db()
    assert (known.city, known.people.count()) == ("Alt", 0)  # profile never overwritten
    assert known.memberships.get(network=world.network).status == "active"
    assert Organisation.objects.filter(postal_code="44787").count() == 1
    assert MemberImport.objects.get().counts["skipped"] == 1  # the contact person


def test_import_organisation_already_in_network_and_known_person_are_skipped(
    manager_client, world, django_capture_on_commit_callbacks
):
    world.company.postal_code = "44787"
    world.company.save()
    factories.PersonFactory(email="erika.muster2@pruefwerk.example", user=None)
    organisations, people, memberships = (
        Organisation.objects.count(),
        Person.objects.count(),
        Membership.objects.count(),
    )
    upload(manager_client, world.network, csv_file([row(1, name=world.company.name), row(2)]))

    member_import = MemberImport.objects.get()
    assert member_import.counts == {
        "organisations": 1,
        "existing_organisations": 1,
        "persons": 0,
        "memberships": 1,
        "skipped": 3,  # the company, its contact, the known person
    }
    _confirm_and_run(manager_client, member_import, django_capture_on_commit_callbacks)
    assert Organisation.objects.count() == organisations + 1
    assert Person.objects.count() == people
    assert Membership.objects.count() == memberships + 1


def test_import_checks_the_database_again_when_it_runs(
    manager_client, world, django_capture_on_commit_callbacks
):
    upload(manager_client, world.network, csv_file([row(1)]))
    meanwhile = factories.OrganisationFactory(name="Prüfwerk 1 GmbH", postal_code="44787")

    member_import = _confirm_and_run(
        manager_client, MemberImport.objects.get(), django_capture_on_commit_callbacks
    )

    assert Organisation.objects.filter(name="Prüfwerk 1 GmbH").get() == meanwhile
    assert member_import.counts["existing_organisations"] == 1


def test_import_confirmed_twice_runs_once(
    manager_client, world, django_capture_on_commit_callbacks
):
    upload(manager_client, world.network, csv_file([row(1)]))
    member_import = MemberImport.objects.get()
    url = reverse("members:manage_import_confirm", args=[member_import.pk])
    with django_capture_on_commit_callbacks() as callbacks:
        manager_client.post(url)
        response = manager_client.post(url, follow=True)
    assert len(callbacks) == 1
    assert german("This import has already been started.") in response.content.decode()


def test_import_discarded_file_is_gone_and_nothing_imported(manager_client, world):
    upload(manager_client, world.network, csv_file([row(1)]))
    member_import = MemberImport.objects.get()

    response = manager_client.post(
        reverse("members:manage_import_discard", args=[member_import.pk])
    )

    assert response.status_code == 302
    assert not MemberImport.objects.exists()
    assert not Organisation.objects.filter(name="Prüfwerk 1 GmbH").exists()


def test_import_progress_counts_rows_from_the_cache_while_importing(manager_client, world):
    upload(manager_client, world.network, csv_file([row(1), row(2)]))
    member_import = MemberImport.objects.get()
    member_import.status = MemberImport.Status.IMPORTING
    member_import.save()
    cache.set(progress_key(member_import.pk), 1)

    response = manager_client.get(
        reverse("members:manage_import_detail", args=[member_import.pk]), HTTP_HX_REQUEST="true"
    )

    assert import_progress(member_import) == 1
    content = response.content.decode()
    assert '<progress id="import-progress" max="2" value="1">' in content
    assert 'hx-trigger="every 2s"' in content
    assert "<html" not in content


def test_import_finished_record_keeps_no_rows(
    manager_client, world, django_capture_on_commit_callbacks
):
    upload(manager_client, world.network, csv_file([row(1)]))
    member_import = _confirm_and_run(
        manager_client, MemberImport.objects.get(), django_capture_on_commit_callbacks
    )
    assert member_import.content == ""
    assert member_import.finished_at > timezone.now() - dt.timedelta(minutes=1)


def test_import_skips_empty_lines_and_trailing_empty_cells(manager_client, world):
    text = "\r\n" + csv_text([row(1)]).replace("Mitglied\r\n", "Mitglied;;;\r\n;;;;\r\n")

    response = upload(manager_client, world.network, text.encode())

    assert response.status_code == 302
    assert MemberImport.objects.get().rows_total == 1
