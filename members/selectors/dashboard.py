"""Reads of the manager area: the queue of applications and the dashboard's figures.

Each read takes the networks in view (one managed network, or all of them) and runs a
fixed number of queries, however many organisations those networks have.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from members.charts import Bar, Chart
from members.models import Membership, Network, Organisation

ACTIVE = Q(status=Membership.Status.ACTIVE)
MEMBER = Q(role=Membership.Role.MEMBER)
MONTHS_SHOWN = 12


def pending_applications(*, networks: QuerySet[Network]) -> QuerySet[Membership]:
    """Open applications to ``networks``, oldest first, with what the queue shows."""
    return (
        Membership.objects.filter(status=Membership.Status.APPLIED, network__in=networks)
        .select_related("organisation", "organisation__region", "network")
        .prefetch_related("organisation__sectors")
        .order_by("applied_at", "id")
    )


@dataclass(frozen=True)
class DashboardFigures:
    member_count: int
    partner_count: int
    pending_count: int
    by_region: Chart
    by_sector: Chart
    by_month: Chart


def dashboard_figures(*, networks: QuerySet[Network], today: dt.date) -> DashboardFigures:
    """The figures of ``networks``: an organisation in two of them counts once."""
    totals = Membership.objects.filter(network__in=networks).aggregate(
        members=Count("organisation", filter=ACTIVE & MEMBER, distinct=True),
        partners=Count("organisation", filter=ACTIVE & ~MEMBER, distinct=True),
        pending=Count("pk", filter=Q(status=Membership.Status.APPLIED)),
    )
    members = _member_organisations(networks)
    return DashboardFigures(
        member_count=totals["members"],
        partner_count=totals["partners"],
        pending_count=totals["pending"],
        by_region=_region_chart(members),
        by_sector=_sector_chart(members),
        by_month=_month_chart(networks, today=today),
    )


def _member_organisations(networks: QuerySet[Network]) -> QuerySet[Organisation]:
    active_members = Membership.objects.filter(ACTIVE & MEMBER, network__in=networks)
    return Organisation.objects.filter(pk__in=active_members.values("organisation_id"))


def _region_chart(members: QuerySet[Organisation]) -> Chart:
    rows = members.values("region__name").annotate(count=Count("pk")).order_by()
    unnamed = str(_("No region given"))
    bars = [Bar(label=row["region__name"] or unnamed, value=row["count"]) for row in rows]
    return Chart(
        chart_id="chart-regions",
        title=_("Members by region"),
        description=_("Number of member organisations in each region."),
        label_heading=_("Region"),
        value_heading=_("Members"),
        bars=_largest_first(bars),
        empty_text=_("No members yet."),
    )


def _sector_chart(members: QuerySet[Organisation]) -> Chart:
    rows = (
        members.values("sectors__name", "sectors__name_en").annotate(count=Count("pk")).order_by()
    )
    english = (get_language() or "de").startswith("en")
    bars = [Bar(label=_sector_label(row, english=english), value=row["count"]) for row in rows]
    return Chart(
        chart_id="chart-sectors",
        title=_("Members by sector"),
        description=_(
            "Number of member organisations working in each sector; an organisation may "
            "work in several sectors."
        ),
        label_heading=_("Sector"),
        value_heading=_("Members"),
        bars=_largest_first(bars),
        empty_text=_("No members yet."),
    )


def _sector_label(row: dict, *, english: bool) -> str:
    if row["sectors__name"] is None:
        return str(_("No sector given"))
    return (english and row["sectors__name_en"]) or row["sectors__name"]


def _largest_first(bars: list[Bar]) -> tuple[Bar, ...]:
    return tuple(sorted(bars, key=lambda bar: (-bar.value, bar.label.casefold())))


def _month_chart(networks: QuerySet[Network], *, today: dt.date) -> Chart:
    months = last_months(today, count=MONTHS_SHOWN)
    joined = (
        Membership.objects.filter(
            MEMBER,
            network__in=networks,
            status__in=[Membership.Status.ACTIVE, Membership.Status.ENDED],
            started_on__gte=months[0],
            started_on__lte=today,
        )
        .annotate(month=TruncMonth("started_on"))
        .values("month")
        .annotate(count=Count("organisation", distinct=True))
        .order_by()
    )
    counts = {row["month"]: row["count"] for row in joined}
    return Chart(
        chart_id="chart-months",
        title=_("New members per month"),
        description=_("Organisations that became members in each of the last twelve months."),
        label_heading=_("Month"),
        value_heading=_("New members"),
        bars=tuple(_month_bar(month, counts.get(month, 0)) for month in months),
        kind="columns",
        empty_text=_("No new members in the last twelve months."),
    )


def _month_bar(month: dt.date, value: int) -> Bar:
    """Under the columns, January names its year: twelve months hold exactly one."""
    return Bar(
        label=formats.date_format(month, "F Y"),
        value=value,
        short_label=formats.date_format(month, "M"),
        note=str(month.year) if month.month == 1 else "",
    )


def last_months(today: dt.date, *, count: int) -> list[dt.date]:
    """The first days of the ``count`` months up to and including today's, oldest first."""
    months = []
    year, month = today.year, today.month
    for _step in range(count):
        months.append(dt.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]
