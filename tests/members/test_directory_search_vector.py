"""The directory's stored search vector (``Organisation.search``): PostgreSQL keeps it current
on every write — the profile form, queryset updates, bulk inserts — and it is the weighted
vector the ranking used to compute (name A, description, products and competences B)."""

import re

import pytest
from django.conf import settings
from django.db.models import TextField
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone

from members.models import Organisation
from members.models.organisations import SEARCH_FIELDS
from network_portal.search import weighted_vector
from tests import factories
from tests.members.self_service_helpers import profile_of

pytestmark = pytest.mark.django_db

DIRECTORY = reverse("members:directory")
CARD_NAME = re.compile(r'<h2 class="h3"><a href="[^"]+">([^<]+)</a></h2>')


def found(client, query: str) -> list[str]:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(DIRECTORY, {"q": query})
    assert response.status_code == 200
    return CARD_NAME.findall(response.content.decode())


def listed(**fields) -> Organisation:
    return factories.OrganisationFactory(confirmed_on=timezone.localdate(), **fields)


def test_editing_the_profile_changes_what_the_search_finds(client, world):
    company = world.company
    Organisation.objects.filter(pk=company.pk).update(
        confirmed_on=timezone.localdate(), products="Stirnradgetriebe"
    )
    company.refresh_from_db()
    assert found(client, "Stirnrad") == [company.name]

    client.force_login(world.owner)
    response = client.post(
        reverse("members:organisation_edit", args=[company.slug]),
        profile_of(company, products="Hydraulikzylinder und Pumpen"),
    )
    assert response.status_code == 302
    client.logout()

    assert found(client, "Hydraulikzylinder") == [company.name]
    assert found(client, "hydraulik pumpe") == [company.name]
    assert found(client, "Stirnrad") == []


def test_queryset_update_and_bulk_create_keep_the_vector_current(client):
    organisation = listed(name="Ruhr Blech GmbH", competences="Laserschneiden")
    Organisation.objects.bulk_create(
        [
            Organisation(
                name="Emscher Blech AG",
                slug="emscher-blech",
                competences="Abkanten",
                confirmed_on=timezone.localdate(),
            )
        ]
    )

    Organisation.objects.filter(pk=organisation.pk).update(competences="Abkanten, Schweißen")

    assert found(client, "Abkanten") == ["Emscher Blech AG", "Ruhr Blech GmbH"]
    assert found(client, "Laserschneiden") == []


def test_stored_vector_is_the_weighted_vector_of_the_fields():
    listed(name="Getriebe Witten", description="", products="Wellen", competences="")
    listed(
        name="Präzisionsteile Hattingen GmbH",
        description="Drehen, Fräsen und Schleifen für den Getriebebau.",
        products="Wellen, Zahnräder",
        competences="Härten; Messtechnik",
    )
    rows = list(
        Organisation.objects.annotate(
            stored=Cast("search", TextField()),
            expected=Cast(weighted_vector(*SEARCH_FIELDS), TextField()),
        )
        .order_by("pk")
        .values_list("stored", "expected")
    )

    assert [stored for stored, _ in rows] == [expected for _, expected in rows]
    assert rows[0][0] == "'getrieb':1A 'well':3B 'witt':2A"


def test_name_after_an_update_ranks_above_a_description_match(client):
    renamed = listed(name="Witten Technik GmbH")
    listed(name="Aachener Dachbau GmbH", description="Montage von Solaranlagen")
    assert found(client, "Solar") == ["Aachener Dachbau GmbH"]

    renamed.name = "Solartechnik Witten GmbH"
    renamed.save()

    # The name (weight A) ranks above the description (B), whatever the alphabet says.
    assert found(client, "Solar") == ["Solartechnik Witten GmbH", "Aachener Dachbau GmbH"]
