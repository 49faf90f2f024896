"""Every write about a listing by its organisation: create, edit, publish, close.

Views check access first (``cooperations.access``); these functions check the state:
a listing is published only while it is valid, and only a published one is closed.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cooperations.models import Listing
from members.models import Organisation, User

# The fields a form may change; topics, sectors, regions and networks are many-to-many.
LISTING_FIELDS = (
    "kind",
    "title",
    "summary",
    "description",
    "partner_kinds",
    "visibility",
    "valid_until",
)
RELATED_FIELDS = ("topics", "sectors", "regions", "shared_networks")


class ListingError(Exception):
    """A change the listing's state does not allow; ``message`` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@transaction.atomic
def listing_create(
    *,
    organisation: Organisation,
    author: User,
    data: dict,
    publish: bool = False,
    now: datetime.datetime | None = None,
) -> Listing:
    """Create a listing as a draft, or published at once when ``publish``."""
    listing = Listing(
        organisation=organisation,
        created_by=author,
        **{field: data[field] for field in LISTING_FIELDS if field in data},
    )
    if publish:
        _mark_published(listing, now or timezone.now())
    listing.save()
    _related_set(listing, data)
    return listing


@transaction.atomic
def listing_update(*, listing: Listing, data: dict) -> list[str]:
    """Change the listing's contents; return the names of the fields that changed.

    A published listing stays published, so its date must not lie in the past.
    """
    listing = _locked(listing)
    changed = [f for f in LISTING_FIELDS if f in data and getattr(listing, f) != data[f]]
    for field in changed:
        setattr(listing, field, data[field])
    if listing.status == Listing.Status.PUBLISHED:
        _check_valid(listing, timezone.localdate())
    if changed:
        listing.save(update_fields=[*changed, "updated_at"])
    changed += _related_set(listing, data)
    return changed


@transaction.atomic
def listing_publish(*, listing: Listing, now: datetime.datetime | None = None) -> Listing:
    """Publish a draft, or publish a closed or expired listing again (a new date first)."""
    listing = _locked(listing)
    if listing.status == Listing.Status.PUBLISHED:
        raise ListingError(_("The listing is published already."))
    if not listing.topics.exists():
        raise ListingError(_("Choose at least one topic before publishing."))
    _mark_published(listing, now or timezone.now())
    listing.save(update_fields=["status", "published_at", "closed_at", "updated_at"])
    return listing


@transaction.atomic
def listing_close(*, listing: Listing, now: datetime.datetime | None = None) -> Listing:
    """Close a published listing: it leaves the marketplace and receives no more interest."""
    listing = _locked(listing)
    if listing.status != Listing.Status.PUBLISHED:
        raise ListingError(_("Only a published listing can be closed."))
    listing.status = Listing.Status.CLOSED
    listing.closed_at = now or timezone.now()
    listing.save(update_fields=["status", "closed_at", "updated_at"])
    return listing


def _locked(listing: Listing) -> Listing:
    return Listing.objects.select_for_update().get(pk=listing.pk)


def _mark_published(listing: Listing, now: datetime.datetime) -> None:
    _check_valid(listing, timezone.localdate(now))
    listing.status = Listing.Status.PUBLISHED
    listing.published_at = now
    listing.closed_at = None


def _check_valid(listing: Listing, today: datetime.date) -> None:
    if listing.valid_until < today:
        raise ListingError(_("The valid-until date has passed. Please choose a later date."))


def _related_set(listing: Listing, data: dict) -> list[str]:
    """Set the many-to-many fields given in ``data``; networks only for network listings."""
    if listing.visibility != Listing.Visibility.NETWORKS:
        data = {**data, "shared_networks": []}
    changed = []
    for field in RELATED_FIELDS:
        if field not in data:
            continue
        manager = getattr(listing, field)
        wanted = {item.pk for item in data[field]}
        if set(manager.values_list("pk", flat=True)) != wanted:
            manager.set(wanted)
            changed.append(field)
    return changed
