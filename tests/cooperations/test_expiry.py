"""Automatic expiry, the reminder two weeks before (once per validity period) and the
one-click extension link, with a controlled clock."""

import datetime as dt
from urllib.parse import urlsplit

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from cooperations import tasks
from cooperations.models import Listing
from cooperations.services import expiry
from members.models import Person
from network_portal.models import AuditEntry, OutgoingMail
from network_portal.outbox import mail_about
from tests import factories
from tests.cooperations.factories import DraftListingFactory, ListingFactory
from tests.cooperations.helpers import german, short_date

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 6, 1)


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


# --- Expiry ------------------------------------------------------------------------------


def test_expire_marks_published_listings_past_their_date_only(world):
    past = ListingFactory(organisation=world.company, valid_until=days(-1))
    last_day = ListingFactory(organisation=world.company, valid_until=TODAY)
    draft = DraftListingFactory(organisation=world.company, valid_until=days(-5))

    expired = expiry.listings_expire(today=TODAY)

    statuses = {
        listing.pk: Listing.objects.get(pk=listing.pk).status for listing in (past, last_day, draft)
    }
    assert expired == 1
    assert statuses == {past.pk: "expired", last_day.pk: "published", draft.pk: "draft"}


def test_daily_task_expires_listings(world):
    listing = ListingFactory(
        organisation=world.company, valid_until=timezone.localdate() - dt.timedelta(days=1)
    )

    tasks.listing_expiry()

    listing.refresh_from_db()
    assert listing.status == "expired"


def test_a_listing_past_its_date_leaves_the_marketplace_before_the_task_runs(client, world):
    ListingFactory(
        organisation=world.company,
        title="Gestern abgelaufen",
        valid_until=timezone.localdate() - dt.timedelta(days=1),
    )

    response = client.get(reverse("cooperations:marketplace"))

    assert "Gestern abgelaufen" not in response.text


# --- Reminder ----------------------------------------------------------------------------


def test_reminder_goes_to_admins_and_author_two_weeks_before(world):
    world.owner.language = "en"
    world.owner.save()
    stranger_staff = factories.PersonFactory(organisation=world.company, role=Person.Role.STAFF)
    listing = ListingFactory(
        organisation=world.company, created_by=world.colleague, valid_until=days(14)
    )

    recorded = expiry.expiry_reminders_send(today=TODAY)

    mails = OutgoingMail.objects.order_by("recipient")
    assert recorded == 2
    assert sorted(mail.recipient for mail in mails) == sorted(
        [world.owner.email, world.colleague.email]
    )
    assert stranger_staff.user.email not in [mail.recipient for mail in mails]
    assert {mail.about for mail in mails} == {mail_about(listing)}
    english = OutgoingMail.objects.get(recipient=world.owner.email)
    german_mail = OutgoingMail.objects.get(recipient=world.colleague.email)
    assert english.language == "en"
    assert english.subject == f"Your listing “{listing.title}” expires on 06/15/2026"
    assert german_mail.language == "de"
    assert german_mail.subject == f"Ihr Eintrag „{listing.title}“ läuft am 15.06.2026 ab"
    # The signed token carries a timestamp: read the mailed one back instead of re-signing.
    link = extension_link_in(english.body_text)
    assert (link.listing, link.until) == (listing, days(14))
    assert extension_link_in(german_mail.body_text).listing == listing
    listing.refresh_from_db()
    assert listing.reminder_sent_for == days(14)


def test_reminder_not_yet_fifteen_days_before(world):
    ListingFactory(organisation=world.company, valid_until=days(15))

    assert expiry.expiry_reminders_send(today=TODAY) == 0
    assert OutgoingMail.objects.count() == 0


def test_reminder_once_per_validity_period(world):
    listing = ListingFactory(organisation=world.company, valid_until=days(10))

    first = expiry.expiry_reminders_send(today=TODAY)
    second = expiry.expiry_reminders_send(today=days(1))
    Listing.objects.filter(pk=listing.pk).update(valid_until=days(375))
    after_extension = expiry.expiry_reminders_send(today=days(362))

    assert (first, second, after_extension) == (1, 0, 1)
    assert sorted(OutgoingMail.objects.values_list("key", flat=True)) == [
        f"listing-expiry:{listing.pk}:{days(10).isoformat()}:{world.owner.email.lower()}",
        f"listing-expiry:{listing.pk}:{days(375).isoformat()}:{world.owner.email.lower()}",
    ]


def test_no_reminder_for_drafts_closed_or_expired_listings(world):
    DraftListingFactory(organisation=world.company, valid_until=days(5))
    ListingFactory(organisation=world.company, valid_until=days(5), status="expired")
    ListingFactory(
        organisation=world.company, valid_until=days(5), status="closed", closed_at=timezone.now()
    )

    assert expiry.expiry_reminders_send(today=TODAY) == 0


def extension_link_in(body: str) -> expiry.ExtensionLink:
    """The extension link a reminder's text carries, checked as the extension page does."""
    line = next(line for line in body.splitlines() if "/kooperationen/verlaengern/" in line)
    token = urlsplit(line.strip()).path.rstrip("/").rsplit("/", 1)[-1]
    return expiry.extension_link_read(token, today=TODAY)


# --- The extension link ------------------------------------------------------------------


def extend_url(listing) -> str:
    return reverse("cooperations:extend", args=[expiry.extension_token(listing)])


def soon(world, **values):
    today = timezone.localdate()
    return ListingFactory(
        organisation=world.company, valid_until=today + dt.timedelta(days=10), **values
    )


def test_extension_link_shows_a_confirmation_and_changes_nothing_on_get(client, world):
    listing = soon(world)

    response = client.get(extend_url(listing))

    new_date = listing.valid_until + dt.timedelta(days=365)
    assert response.status_code == 200
    assert '<form method="post">' in response.text
    assert short_date(new_date) in response.text
    assert Listing.objects.get(pk=listing.pk).valid_until == listing.valid_until


def test_extension_link_extends_by_a_year_without_sign_in(client, world):
    listing = soon(world)

    response = client.post(extend_url(listing))

    extended = Listing.objects.get(pk=listing.pk)
    assert response.status_code == 200
    assert extended.valid_until == listing.valid_until + dt.timedelta(days=365)
    assert extended.status == "published"
    assert AuditEntry.objects.get(action="listing.extend_by_link").object_id == str(listing.pk)
    assert (
        german(
            "“%(title)s” is now valid until %(date)s.",
            title=listing.title,
            date=short_date(extended.valid_until),
        )
        in response.text
    )


def test_extension_link_works_once(client, world):
    listing = soon(world)
    url = extend_url(listing)

    client.post(url)
    again = client.post(url)

    extended = Listing.objects.get(pk=listing.pk)
    assert again.status_code == 200
    assert extended.valid_until == listing.valid_until + dt.timedelta(days=365)
    assert (
        german(
            "“%(title)s” has been extended already; it is valid until %(date)s.",
            title=listing.title,
            date=short_date(extended.valid_until),
        )
        in again.text
    )


def test_extension_of_an_expired_listing_publishes_it_again_from_today(world):
    listing = ListingFactory(organisation=world.company, valid_until=days(-20), status="expired")

    extended = expiry.listing_extend(token=expiry.extension_token(listing), today=TODAY)

    assert (extended.status, extended.valid_until) == ("published", days(365))


def test_forged_extension_link_is_not_found(client, world):
    listing = soon(world)
    token = expiry.extension_token(listing)
    forged = signing.dumps({"l": listing.pk, "v": listing.valid_until.isoformat()}, salt="x")

    responses = [
        client.post(reverse("cooperations:extend", args=[forged])),
        client.post(reverse("cooperations:extend", args=[token[:-2] + "xx"])),
    ]

    assert [r.status_code for r in responses] == [404, 404]
    assert german("This link is not valid.") in responses[0].text
    assert Listing.objects.get(pk=listing.pk).valid_until == listing.valid_until


def test_expired_extension_link_is_refused(client, world):
    listing = ListingFactory(
        organisation=world.company,
        status="expired",
        valid_until=timezone.localdate() - expiry.LINK_GRACE - dt.timedelta(days=1),
    )

    response = client.post(extend_url(listing))

    assert response.status_code == 410
    assert german("This link has expired. Please sign in to extend the listing.") in response.text
    assert Listing.objects.get(pk=listing.pk).status == "expired"


def test_extension_link_of_a_closed_listing_is_refused(client, world):
    listing = soon(world, status="closed", closed_at=timezone.now())

    response = client.post(extend_url(listing))

    assert response.status_code == 410
    assert Listing.objects.get(pk=listing.pk).valid_until == listing.valid_until


def test_extension_link_in_the_reminder_leads_to_the_confirmation(client, world):
    listing = soon(world)
    expiry.expiry_reminders_send()
    body = OutgoingMail.objects.get().body_text
    link = next(line for line in body.splitlines() if "/kooperationen/verlaengern/" in line)

    response = client.get(urlsplit(link.strip()).path)

    assert response.status_code == 200
    assert response.context["listing"] == listing
