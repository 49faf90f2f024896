"""The managers' view of cooperations: the networks' listings and interests with their
figures, stale listings and CSV downloads; the networks' projects and funding totals.

Network managers see their networks, platform admins all; everybody else gets 403.
"""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from cooperations import selectors_manage as selectors
from cooperations import selectors_projects
from cooperations.services.manage import marketplace_exported
from members import access as member_access
from members.forms.applications import ManagedNetworkForm
from members.models import Network
from network_portal.exports import csv_response

PAGE_SIZE = 50
INTERESTS_SHOWN = 50
EXPORTS = {
    "angebote": ("listings", selectors.LISTING_HEADER),
    "interessen": ("interests", selectors.INTEREST_HEADER),
}


def _networks_in_view(request: HttpRequest) -> tuple[ManagedNetworkForm, QuerySet[Network]]:
    """The network form and the networks it chose (all managed ones when none)."""
    member_access.require_manager_area(request.user)
    networks = member_access.networks_for_manager_area(request.user)
    form = ManagedNetworkForm(request.GET or None, networks=networks)
    return form, form.chosen_networks(networks)


def _status(form: ManagedNetworkForm) -> int:
    return 400 if form.is_bound and not form.is_valid() else 200


def _chosen(form: ManagedNetworkForm) -> Network | None:
    return form.cleaned_data.get("network") if form.is_valid() else None


@login_required
@require_GET
def manage_marketplace(request: HttpRequest) -> HttpResponse:
    form, networks = _networks_in_view(request)
    today = timezone.localdate()
    rules = selectors.stale_rules(today)
    listings = selectors.network_listings(request.user, networks)
    interests = selectors.network_interests(listings)
    page = Paginator(selectors.listing_rows(listings), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "chosen": _chosen(form),
        "page": page,
        "listings": page.object_list,
        "interests": interests[:INTERESTS_SHOWN],
        "interest_count": interests.count(),
        "stale": selectors.stale_listings(listings, rules),
        "stale_rules": rules,
        "charts": (
            selectors.month_chart(listings, today=today),
            selectors.topic_chart(listings),
            selectors.interest_month_chart(interests, today=today),
        ),
    }
    return render(request, "cooperations/manage/marketplace.html", context, status=_status(form))


@login_required
@require_GET
def manage_export(request: HttpRequest, what: str) -> HttpResponse:
    """Listings or interests of the chosen networks as CSV, recorded in the audit log."""
    form, networks = _networks_in_view(request)
    listings = selectors.network_listings(request.user, networks)
    kind, header = EXPORTS[what]
    if kind == "listings":
        rows = selectors.listing_export_rows(listings)
    else:
        rows = selectors.interest_export_rows(selectors.network_interests(listings))
    marketplace_exported(
        by=request.user, about=_chosen(form) or request.user, what=kind, rows=len(rows)
    )
    filename = f"kooperationen-{what}-{timezone.localdate():%Y-%m-%d}"
    return csv_response(filename=filename, header=[str(title) for title in header], rows=rows)


@login_required
@require_GET
def manage_projects(request: HttpRequest) -> HttpResponse:
    form, networks = _networks_in_view(request)
    context = {
        "form": form,
        "chosen": _chosen(form),
        "projects": selectors_projects.projects_of_networks(networks),
        "funding": selectors_projects.funding_by_network_and_year(networks),
    }
    return render(request, "cooperations/manage/projects.html", context, status=_status(form))
