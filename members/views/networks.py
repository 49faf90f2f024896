"""Network pages: the list of all networks and each network's page."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from members import access, selectors


@require_GET
def network_list(request: HttpRequest) -> HttpResponse:
    networks = selectors.networks_with_member_counts()
    return render(request, "members/network_list.html", {"networks": networks})


@require_GET
def network_detail(request: HttpRequest, slug: str) -> HttpResponse:
    network = access.network_for_view(slug)
    context = {
        "network": network,
        "memberships": selectors.network_members(network=network, viewer=request.user),
        "can_manage": access.can_manage_network(request.user, network),
    }
    return render(request, "members/network_detail.html", context)
