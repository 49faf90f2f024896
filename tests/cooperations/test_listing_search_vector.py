"""The marketplace's stored search vector (``Listing.search``): PostgreSQL keeps it current
on every write — the edit form, queryset updates, bulk inserts, ``COPY`` — and it is the
weighted vector the ranking used to compute (title A, summary and description B)."""

import datetime as dt

import pytest
from django.db.models import TextField
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone

from bench.copyrows import copy_rows
from cooperations.models import Listing
from cooperations.models.listings import SEARCH_FIELDS
from network_portal.search import weighted_vector
from tests.cooperations.factories import ListingFactory

pytestmark = pytest.mark.django_db

MARKETPLACE = reverse("cooperations:marketplace")


def found(client, query: str) -> list[str]:
    response = client.get(MARKETPLACE, {"q": query})
    assert response.status_code == 200
    return [listing.title for listing in response.context["listings"]]


def edit_data(listing: Listing, topics, **changes) -> dict:
    data = {
        "kind": listing.kind,
        "title": listing.title,
        "summary": listing.summary,
        "description": listing.description,
        "topics": [topics["lohnfertigung"].pk],
        "visibility": "public",
        "valid_until": listing.valid_until.isoformat(),
        "action": "save",
    }
    return {**data, **changes}


def test_editing_the_description_changes_what_the_search_finds(client, world, topics):
    listing = ListingFactory(
        organisation=world.company,
        title="Lohnfertigung für Kleinserien",
        description="Wir bieten Wasserstrahlschneiden bis 200 mm.",
        topics=[topics["lohnfertigung"]],
    )
    assert found(client, "Wasserstrahlschneiden") == ["Lohnfertigung für Kleinserien"]
    assert found(client, "Pulverbeschichtung") == []

    client.force_login(world.colleague)
    response = client.post(
        reverse("cooperations:listing_edit", args=[listing.pk]),
        edit_data(listing, topics, description="Wir bieten Pulverbeschichtung in RAL-Farben."),
    )
    assert response.status_code == 302
    client.logout()

    assert found(client, "Pulverbeschichtung") == ["Lohnfertigung für Kleinserien"]
    assert found(client, "pulverbeschicht") == ["Lohnfertigung für Kleinserien"]
    assert found(client, "Wasserstrahlschneiden") == []


def test_queryset_update_keeps_the_vector_current(client, world):
    listing = ListingFactory(organisation=world.company, title="Freie Kapazitäten")

    Listing.objects.filter(pk=listing.pk).update(summary="Zerspanung auf Drehautomaten.")

    assert found(client, "Drehautomaten") == ["Freie Kapazitäten"]
    assert found(client, "Kleinserien") == []  # the factory's summary, replaced


def test_bulk_create_and_copy_fill_the_vector(client, world):
    now, until = timezone.now(), timezone.localdate() + dt.timedelta(days=30)
    Listing.objects.bulk_create(
        [
            Listing(
                organisation=world.company,
                kind="offer",
                title="Galvanik im Verbund",
                summary="Verzinken und Vernickeln.",
                status="published",
                published_at=now,
                valid_until=until,
            )
        ]
    )
    names = ("id", "organisation_id", "kind", "title", "summary", "status", "published_at")
    row = (900_001, world.company.pk, "offer", "Härterei", "Einsatzhärten, Vernickeln.")
    copy_rows(Listing, names, [(*row, "published", now)])  # as bench.dataset writes

    assert sorted(found(client, "Vernickeln")) == ["Galvanik im Verbund", "Härterei"]
    assert found(client, "Einsatzhärten") == ["Härterei"]


def test_stored_vector_is_the_weighted_vector_of_the_fields(world):
    ListingFactory(organisation=world.company, title="Getriebe", summary="Wellen", description="")
    ListingFactory(
        organisation=world.company,
        title="Präzisionsdrehteile für Getriebe",
        summary="Drehen, Fräsen, Schleifen.",
        description="Werkstoffe: Stahl, Messing, Aluminium. Losgrößen ab 50 Stück.",
    )
    rows = list(
        Listing.objects.annotate(
            stored=Cast("search", TextField()),
            expected=Cast(weighted_vector(*SEARCH_FIELDS), TextField()),
        )
        .order_by("pk")
        .values_list("stored", "expected")
    )

    assert [stored for stored, _ in rows] == [expected for _, expected in rows]
    assert rows[0][0] == "'getrieb':1A 'well':2B"


def test_title_after_an_update_ranks_above_a_description_match(client, world):
    earlier = timezone.now() - dt.timedelta(days=5)
    in_title = ListingFactory(
        organisation=world.company, title="Zulieferer gesucht", published_at=earlier
    )
    ListingFactory(
        organisation=world.company,
        title="Montage und Prüfung",
        description="Auch Getriebe montieren wir.",
    )
    assert found(client, "Getriebe") == ["Montage und Prüfung"]

    in_title.title = "Zulieferer für Getriebe gesucht"
    in_title.save()

    # Older, but the word is in its title (weight A): first by relevance.
    assert found(client, "Getriebe") == ["Zulieferer für Getriebe gesucht", "Montage und Prüfung"]
