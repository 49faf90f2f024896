"""``seed_demo``: the demo cooperation offers and requests, once, current, in every state."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from cooperations import access
from cooperations.models import Listing, Topic
from cooperations.models.taxonomy import STANDARD_TOPICS
from cooperations.services import expiry
from members.models import User
from network_portal.models import OutgoingMail
from tests.portal.seed import seed

pytestmark = pytest.mark.django_db

TRAINING = "Verbundausbildung Industriemechaniker/in: Ausbildungsabschnitte für Partnerbetriebe"
SEMINARS = "Vertriebsseminare der VerpackungsAkademie für MEKOM-Mitglieder"


def test_seed_demo_holds_the_eight_topics(demo):
    assert sorted(Topic.objects.values_list("slug", "name")) == sorted(
        (slug, name) for slug, name, _en in STANDARD_TOPICS
    )


def test_seed_demo_holds_realistic_listings_in_every_state(demo):
    statuses = sorted(set(Listing.objects.values_list("status", flat=True)))
    live = access.live_listings_visible_to(AnonymousUser())

    assert 10 <= Listing.objects.count() <= 20
    assert statuses == ["closed", "draft", "expired", "published"]
    assert set(Listing.objects.values_list("kind", flat=True)) == {"offer", "request"}
    assert set(Listing.objects.values_list("visibility", flat=True)) == {
        "public",
        "partners",
        "networks",
    }
    assert live.count() >= 8
    assert all(listing.topics.exists() for listing in Listing.objects.all())


def test_seed_demo_training_offer_of_the_demo_company(demo):
    listing = Listing.objects.get(title=TRAINING)

    assert (listing.organisation.slug, listing.kind, listing.status) == (
        "f-hesterberg-soehne",
        "offer",
        "published",
    )
    assert [t.slug for t in listing.topics.all()] == ["aus-weiterbildung"]
    assert listing.created_by == User.objects.get(email="firma@demo.example")
    assert listing.valid_until > timezone.localdate()


def test_seed_demo_academy_seminars_are_shared_with_mekom(demo):
    listing = Listing.objects.get(title=SEMINARS)

    assert listing.visibility == "networks"
    assert sorted(n.slug for n in listing.shared_networks.all()) == [
        "mekom-osterode",
        "verpackungscluster-suedniedersachsen",
    ]


def test_seed_demo_has_a_listing_whose_reminder_is_due(demo):
    recorded = expiry.expiry_reminders_send()

    mail = OutgoingMail.objects.get(kind="listing-expiry-reminder")
    assert recorded == 1
    assert mail.recipient == "partner@demo.example"
    assert "Energieeffizienz-Netzwerk" in mail.subject


def test_seed_demo_listings_are_created_once_and_edits_survive(demo):
    listing = Listing.objects.get(title=TRAINING)
    Listing.objects.filter(pk=listing.pk).update(
        status="closed", closed_at=timezone.now(), valid_until=dt.date(2030, 1, 1)
    )
    before = list(Listing.objects.order_by("pk").values())

    output = seed()

    assert list(Listing.objects.order_by("pk").values()) == before
    assert output[-1].endswith("; 0 rows created, 0 updated.")
