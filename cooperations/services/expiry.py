"""Expiry of listings: the daily expiry, the reminder two weeks before, the one-click extension.

The reminder carries a signed link (``extension_token``) that extends the listing by a
year without signing in. The token names the listing and the date it extends, so it works
once per validity period: after an extension the listing's date differs and the old link
only reports that it has been extended. It stops working ``LINK_GRACE`` after that date.
"""

import datetime
from dataclasses import dataclass

from django.core import signing
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cooperations.models import Listing
from cooperations.models.listings import VALIDITY
from members.models import Person, User
from network_portal.audit import audit_record
from network_portal.models import OutgoingMail
from network_portal.outbox import mail_about, mail_from_template

REMINDER_BEFORE = datetime.timedelta(days=14)
LINK_GRACE = datetime.timedelta(days=60)
_SALT = "cooperations.listing-extension"
EXTENDABLE = (Listing.Status.PUBLISHED, Listing.Status.EXPIRED)


class ExtensionError(Exception):
    """An extension link that cannot be used; ``forged`` when it is not ours at all."""

    def __init__(self, message: str, *, forged: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.forged = forged


@dataclass(frozen=True)
class ExtensionLink:
    """A checked extension link: the listing and the valid-until date it extends."""

    listing: Listing
    until: datetime.date

    @property
    def used(self) -> bool:
        """The listing was extended since the link was made (it names an older date)."""
        return self.listing.valid_until != self.until


# --- Daily expiry -----------------------------------------------------------------------


def listings_expire(*, today: datetime.date | None = None) -> int:
    """Mark published listings past their valid-until date as expired; return how many."""
    today = today or timezone.localdate()
    return Listing.objects.filter(status=Listing.Status.PUBLISHED, valid_until__lt=today).update(
        status=Listing.Status.EXPIRED, updated_at=timezone.now()
    )


# --- The reminder two weeks before --------------------------------------------------------


def expiry_reminders_send(*, today: datetime.date | None = None) -> int:
    """Remind the people of listings that expire within two weeks; once per validity period.

    Recipients are the organisation's admins and the listing's author (if they still act
    for it). Returns the number of mails recorded.
    """
    today = today or timezone.localdate()
    due = Listing.objects.filter(
        status=Listing.Status.PUBLISHED,
        valid_until__gte=today,
        valid_until__lte=today + REMINDER_BEFORE,
    ).exclude(reminder_sent_for=F("valid_until"))
    recorded = 0
    for listing_id in due.values_list("pk", flat=True):
        recorded += _remind(listing_id)
    return recorded


@transaction.atomic
def _remind(listing_id: int) -> int:
    listing = Listing.objects.select_for_update().select_related("organisation").get(pk=listing_id)
    if listing.reminder_sent_for == listing.valid_until:
        return 0  # another run was first
    recorded = 0
    for user in reminder_recipients(listing):
        recorded += _remind_one(listing, user)
    listing.reminder_sent_for = listing.valid_until
    listing.save(update_fields=["reminder_sent_for"])
    return recorded


def reminder_recipients(listing: Listing) -> list[User]:
    people = Person.objects.filter(
        organisation_id=listing.organisation_id,
        is_active=True,
        user__is_active=True,
    ).select_related("user")
    admins_and_author = [p.user for p in people if p.is_admin or p.user_id == listing.created_by_id]
    return sorted(set(admins_and_author), key=lambda user: user.email.lower())


def _remind_one(listing: Listing, user: User) -> int:
    email = user.email.lower()
    key = f"listing-expiry:{listing.pk}:{listing.valid_until.isoformat()}:{email}"
    if OutgoingMail.objects.filter(key=key).exists():
        return 0
    mail = mail_from_template(
        key=key,
        kind="listing-expiry-reminder",
        recipient=user.email,
        language=user.language or "de",
        template="listing_expiry_reminder",
        context={
            "listing": listing,
            "user": user,
            "listing_path": listing.get_absolute_url(),
            "extension_path": reverse(
                "cooperations:extend", kwargs={"token": extension_token(listing)}
            ),
            "extended_until": extended_date(listing, listing.valid_until),
        },
        about=mail_about(listing),
    )
    return 1 if mail else 0


# --- The one-click extension ----------------------------------------------------------------


def extension_token(listing: Listing) -> str:
    return signing.dumps({"l": listing.pk, "v": listing.valid_until.isoformat()}, salt=_SALT)


def extended_date(listing: Listing, today: datetime.date) -> datetime.date:
    """One year after the current date (or after today, if that passed already)."""
    return max(listing.valid_until, today) + VALIDITY


def extension_link_read(token: str, *, today: datetime.date | None = None) -> ExtensionLink:
    """Check an extension link. ``ExtensionError`` for a forged or expired link.

    A link for an earlier validity period is returned too, with ``used`` set.
    """
    today = today or timezone.localdate()
    try:
        payload = signing.loads(token, salt=_SALT)
        listing_id, until = int(payload["l"]), datetime.date.fromisoformat(payload["v"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise ExtensionError(_("This link is not valid."), forged=True) from error
    listing = Listing.objects.select_related("organisation").filter(pk=listing_id).first()
    if listing is None:
        raise ExtensionError(_("This link is not valid."), forged=True)
    link = ExtensionLink(listing=listing, until=until)
    if not link.used and listing.status not in EXTENDABLE:
        raise ExtensionError(_("This listing has been closed and cannot be extended."))
    if not link.used and today > until + LINK_GRACE:
        raise ExtensionError(_("This link has expired. Please sign in to extend the listing."))
    return link


@transaction.atomic
def listing_extend(*, token: str, today: datetime.date | None = None) -> Listing:
    """Extend the listing the link names by one year; an expired listing is published again."""
    today = today or timezone.localdate()
    link = extension_link_read(token, today=today)
    listing = Listing.objects.select_for_update().get(pk=link.listing.pk)
    if listing.valid_until != link.until:
        raise ExtensionError(_("This listing has been extended already."))
    listing.valid_until = extended_date(listing, today)
    listing.status = Listing.Status.PUBLISHED
    listing.save(update_fields=["valid_until", "status", "updated_at"])
    audit_record(
        actor=None,
        action="listing.extend_by_link",
        target=listing,
        details={"valid_until": listing.valid_until.isoformat()},
    )
    return listing
