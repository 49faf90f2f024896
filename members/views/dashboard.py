"""The manager area's start: the dashboard with the networks' figures, and the queue of
applications with its decisions. Network managers see their networks, platform admins all.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from members import access
from members.forms.applications import DeclineForm, ManagedNetworkForm
from members.models import Membership
from members.selectors.dashboard import dashboard_figures, pending_applications
from members.services.applications import (
    ApplicationError,
    Decision,
    membership_approve,
    membership_decline,
)


@login_required
@require_GET
def manage_dashboard(request: HttpRequest) -> HttpResponse:
    access.require_manager_area(request.user)
    networks = access.networks_for_manager_area(request.user)
    form = ManagedNetworkForm(request.GET or None, networks=networks)
    chosen = form.chosen_networks(networks)
    context = {
        "form": form,
        "chosen": form.cleaned_data.get("network") if form.is_valid() else None,
        "figures": dashboard_figures(networks=chosen, today=timezone.localdate()),
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "members/manage/dashboard.html", context, status=status)


@login_required
@require_GET
def application_queue(request: HttpRequest) -> HttpResponse:
    access.require_manager_area(request.user)
    networks = access.networks_for_manager_area(request.user)
    form = ManagedNetworkForm(request.GET or None, networks=networks)
    context = {
        "form": form,
        "applications": pending_applications(networks=form.chosen_networks(networks)),
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "members/applications/queue.html", context, status=status)


@login_required
@require_POST
def application_approve(request: HttpRequest, pk: int) -> HttpResponse:
    membership = access.application_for_decision(request.user, pk)
    try:
        decision = membership_approve(membership=membership, decided_by=request.user)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _decided_message(decision, approved=True))
    return redirect("members:applications")


@login_required
@require_http_methods(["GET", "POST"])
def application_decline(request: HttpRequest, pk: int) -> HttpResponse:
    membership = access.application_for_decision(request.user, pk)
    if membership.status != Membership.Status.APPLIED:
        messages.error(request, _("This application has already been decided."))
        return redirect("members:applications")
    form = DeclineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            decision = membership_decline(
                membership=membership, decided_by=request.user, **form.cleaned_data
            )
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _decided_message(decision, approved=False))
        return redirect("members:applications")
    context = {"application": membership, "form": form}
    status = 400 if form.is_bound else 200
    return render(request, "members/applications/decline.html", context, status=status)


def _decided_message(decision: Decision, *, approved: bool) -> str:
    membership = decision.membership
    names = {"organisation": membership.organisation.name, "network": membership.network.name}
    if approved:
        decided = _("%(organisation)s is now part of %(network)s.") % names
    else:
        decided = _("The application of %(organisation)s was declined.") % names
    if decision.admins_told:
        told = _("Its organisation admins were told by e-mail.")
    else:
        told = _("It has no organisation admin with a sign-in: please tell it yourself.")
    return f"{decided} {told}"
