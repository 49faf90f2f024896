"""Network pages: the list of all networks, each network's page, and applying to join."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from members import access, roles
from members.forms.applications import ApplicationForm
from members.selectors import networks as selectors
from members.services.applications import ApplicationError, membership_apply
from network_portal.page_cache import public_page


@require_GET
@public_page
def network_list(request: HttpRequest) -> HttpResponse:
    networks = selectors.networks_for_list()
    return render(request, "members/network_list.html", {"networks": networks})


@require_GET
@public_page
def network_detail(request: HttpRequest, slug: str) -> HttpResponse:
    network = selectors.network_page(access.network_for_view(slug))
    viewer = request.user
    standings = selectors.standings(network=network, user=viewer)
    context = {
        "network": network,
        "memberships": selectors.network_members(network=network, viewer=viewer),
        "partners": selectors.network_members(network=network, viewer=viewer, partners=True),
        "managers": selectors.manager_contacts(network=network, viewer=viewer),
        "events": selectors.network_events(network),
        "standings": standings,
        "may_apply": network.is_open and any(not s.is_open for s in standings),
        "can_manage": access.can_manage_network(viewer, network),
    }
    return render(request, "members/network_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def network_apply(request: HttpRequest, slug: str) -> HttpResponse:
    """An organisation admin applies to the network for one of their organisations."""
    network = access.network_for_view(slug)
    if not roles.for_user(request.user).admin_of:
        raise PermissionDenied
    if not network.is_open:
        messages.error(request, _("This network is not open to new participants."))
        return redirect(network)
    organisations = selectors.organisations_free_to_apply(network=network, user=request.user)
    if not organisations.exists():
        messages.info(
            request, _("Your organisations are already part of this network or have applied.")
        )
        return redirect(network)
    form = ApplicationForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            membership = membership_apply(network=network, **form.cleaned_data)
        except ApplicationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _application_sent(membership))
            return redirect(network)
    status = 400 if form.is_bound else 200
    context = {"network": network, "form": form}
    return render(request, "members/applications/apply.html", context, status=status)


def _application_sent(membership) -> str:
    return _(
        "Thank you: the application of %(organisation)s was sent. The managers of "
        "%(network)s decide and tell you by e-mail."
    ) % {"organisation": membership.organisation.name, "network": membership.network.name}
