"""Reads of the managers' view of the marketplace: the listings and interests of the
networks a manager looks after, their counts per topic and month, stale listings, and the
rows of the CSV downloads. Each read runs a fixed number of queries.

A network's listings are those of its active members and partners plus those shared with
it, never drafts, and only as far as the manager may see them (``access``).
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, DateField, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from cooperations import access
from cooperations.models import Interest, Listing, Topic
from members.charts import Bar, Chart
from members.models import Membership, Network, User
from members.selectors.dashboard import last_months

MONTHS_SHOWN = 12
EXPIRING_WITHIN = dt.timedelta(days=30)
UNCHANGED_MONTHS = 6
SharedNetwork = Listing.shared_networks.through


def network_listings(user: User, networks: QuerySet[Network]) -> QuerySet[Listing]:
    members = Membership.objects.filter(
        network__in=networks, status=Membership.Status.ACTIVE
    ).values("organisation_id")
    shared = SharedNetwork.objects.filter(network__in=networks).values("listing_id")
    return (
        access.listings_visible_to(user)
        .exclude(status=Listing.Status.DRAFT)
        .filter(Q(organisation_id__in=members) | Q(pk__in=shared))
    )


def listing_rows(listings: QuerySet[Listing]) -> QuerySet[Listing]:
    """Listings with organisation, author, topics and their interests counted, newest first."""
    return (
        listings.select_related("organisation", "created_by")
        .prefetch_related("topics", "shared_networks")
        .annotate(
            interest_count=Count("interests", distinct=True),
            interests_accepted=Count(
                "interests", filter=Q(interests__status=Interest.Status.ACCEPTED), distinct=True
            ),
        )
        .order_by("-published_at", "-pk")
    )


def network_interests(listings: QuerySet[Listing]) -> QuerySet[Interest]:
    """Interests in ``listings``, newest first: who, in what, with which answer."""
    return (
        Interest.objects.filter(listing__in=listings.values("pk"))
        .select_related("listing__organisation", "organisation", "user")
        .order_by("-created_at", "-pk")
    )


# --- Stale listings -------------------------------------------------------------------------


@dataclass(frozen=True)
class StaleRules:
    expiring_by: dt.date  # published listings valid until this day at the latest
    unchanged_since: dt.datetime  # or not changed since then


def stale_rules(today: dt.date) -> StaleRules:
    start = dt.datetime.combine(_months_before(today, UNCHANGED_MONTHS), dt.time.min)
    return StaleRules(
        expiring_by=today + EXPIRING_WITHIN,
        unchanged_since=timezone.make_aware(start),
    )


def _months_before(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    last_day = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last_day))


def stale_listings(listings: QuerySet[Listing], rules: StaleRules) -> QuerySet[Listing]:
    """Published listings that expire soon or have not been changed for six months."""
    return (
        listings.filter(status=Listing.Status.PUBLISHED)
        .filter(Q(valid_until__lte=rules.expiring_by) | Q(updated_at__lt=rules.unchanged_since))
        .select_related("organisation")
        .order_by("valid_until", "pk")
    )


# --- Charts -----------------------------------------------------------------------------------


def topic_chart(listings: QuerySet[Listing]) -> Chart:
    rows = (
        Topic.objects.filter(listings__in=listings.values("pk"))
        .annotate(count=Count("listings"))
        .order_by("-count", "name")
    )
    return Chart(
        chart_id="chart-topics",
        title=_("Listings by topic"),
        description=_("Number of listings on each topic; a listing may have several topics."),
        label_heading=_("Topic"),
        value_heading=_("Listings"),
        bars=tuple(Bar(label=topic.label, value=topic.count) for topic in rows),
        empty_text=_("No listings yet."),
    )


def month_chart(listings: QuerySet[Listing], *, today: dt.date) -> Chart:
    months = last_months(today, count=MONTHS_SHOWN)
    counts = _per_month(listings, "published_at", since=months[0])
    return Chart(
        chart_id="chart-listing-months",
        title=_("New listings per month"),
        description=_("Listings published in each of the last twelve months."),
        label_heading=_("Month"),
        value_heading=_("Listings"),
        bars=tuple(_month_bar(month, counts.get(month, 0)) for month in months),
        kind="columns",
        empty_text=_("No listings published in the last twelve months."),
    )


def interest_month_chart(interests: QuerySet[Interest], *, today: dt.date) -> Chart:
    months = last_months(today, count=MONTHS_SHOWN)
    counts = _per_month(interests, "created_at", since=months[0])
    return Chart(
        chart_id="chart-interest-months",
        title=_("Interests per month"),
        description=_("Expressions of interest sent in each of the last twelve months."),
        label_heading=_("Month"),
        value_heading=_("Interests"),
        bars=tuple(_month_bar(month, counts.get(month, 0)) for month in months),
        kind="columns",
        empty_text=_("No interests in the last twelve months."),
    )


def _per_month(rows: QuerySet, field: str, *, since: dt.date) -> dict[dt.date, int]:
    start = timezone.make_aware(dt.datetime.combine(since, dt.time.min))
    counted = (
        rows.filter(**{f"{field}__gte": start})
        .annotate(month=TruncMonth(field, output_field=DateField()))
        .order_by()
        .values("month")
        .annotate(count=Count("pk"))
    )
    return {row["month"]: row["count"] for row in counted}


def _month_bar(month: dt.date, value: int) -> Bar:
    return Bar(
        label=formats.date_format(month, "F Y"),
        value=value,
        short_label=formats.date_format(month, "M"),
        note=str(month.year) if month.month == 1 else "",
    )


# --- The CSV downloads ----------------------------------------------------------------------

LISTING_HEADER = (
    _("Title"),
    _("Offer or request"),
    _("Status"),
    _("Organisation"),
    _("Posted by"),
    _("Topics"),
    _("Visible to"),
    _("Shared with networks"),
    _("Published"),
    _("Valid until"),
    _("Last changed"),
    _("Interests"),
    _("Interests accepted"),
)
INTEREST_HEADER = (
    _("Listing"),
    _("Listing by"),
    _("Interest from"),
    _("Sent by"),
    _("Status"),
    _("Sent"),
    _("Answered"),
)


def listing_export_rows(listings: QuerySet[Listing]) -> list[list]:
    return [
        [
            listing.title,
            listing.get_kind_display(),
            listing.get_status_display(),
            listing.organisation.name,
            _person(listing.created_by),
            ", ".join(topic.label for topic in listing.topics.all()),
            listing.get_visibility_display(),
            ", ".join(network.name for network in listing.shared_networks.all()),
            listing.published_at,
            listing.valid_until,
            listing.updated_at,
            listing.interest_count,
            listing.interests_accepted,
        ]
        for listing in listing_rows(listings)
    ]


def interest_export_rows(interests: QuerySet[Interest]) -> list[list]:
    return [
        [
            interest.listing.title,
            interest.listing.organisation.name,
            interest.organisation.name,
            _person(interest.user),
            interest.get_status_display(),
            interest.created_at,
            interest.decided_at,
        ]
        for interest in interests
    ]


def _person(user: User | None) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.email
