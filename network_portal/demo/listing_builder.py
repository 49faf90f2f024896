"""Turns the demo listings into rows: the topics, then each listing once.

A listing is found again by organisation and title; when it exists nothing of it is written
again, so an owner's edit, closing or extension survives a second run.
"""

from datetime import timedelta

from django.utils import timezone

from cooperations.models import Listing, Topic
from cooperations.models.taxonomy import STANDARD_TOPICS
from members.models import Network, Organisation, Person, Region, Sector
from network_portal.demo.listings import LISTINGS, ListingSeed
from network_portal.demo.rows import SeedReport, row_upsert


def listings_seed(
    *, organisations: dict[str, Organisation], networks: dict[str, Network], report: SeedReport
) -> None:
    """The topics (kept like the vocabularies), then each demo listing once."""
    topics = {
        slug: row_upsert(
            model=Topic,
            lookup={"slug": slug},
            values={"name": name, "name_en": name_en},
            report=report,
        )
        for slug, name, name_en in STANDARD_TOPICS
    }
    for seed in LISTINGS:
        organisation = organisations[seed.organisation]
        if Listing.objects.filter(organisation=organisation, title=seed.title).exists():
            continue
        listing = Listing.objects.create(
            organisation=organisation, title=seed.title, **_listing_values(seed, organisation)
        )
        listing.topics.set([topics[slug] for slug in seed.topics])
        listing.sectors.set(Sector.objects.filter(slug__in=seed.sectors))
        listing.regions.set(Region.objects.filter(slug__in=seed.regions))
        listing.shared_networks.set([networks[slug] for slug in seed.networks])
        report.created += 1


def _listing_values(seed: ListingSeed, organisation: Organisation) -> dict:
    now = timezone.now()
    published_at = now - timedelta(days=seed.published_days_ago)
    if seed.valid_days is None:
        valid_until = timezone.localdate(published_at) + timedelta(days=365)
    else:
        valid_until = timezone.localdate(now) + timedelta(days=seed.valid_days)
    draft = seed.status == Listing.Status.DRAFT
    closed = seed.status == Listing.Status.CLOSED
    return {
        "kind": seed.kind,
        "summary": seed.summary,
        "description": seed.description,
        "partner_kinds": list(seed.partner_kinds),
        "visibility": seed.visibility,
        "valid_until": valid_until,
        "status": seed.status,
        "published_at": None if draft else published_at,
        "closed_at": now - timedelta(days=7) if closed else None,
        "created_by": _author(organisation),
    }


def _author(organisation: Organisation):
    """The organisation's first person who can sign in (a demo account), admins first."""
    person = (
        Person.objects.filter(organisation=organisation, user__isnull=False, is_active=True)
        .select_related("user")
        .order_by("role", "pk")  # "admin" sorts before "staff"
        .first()
    )
    return person.user if person else None
