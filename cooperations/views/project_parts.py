"""The parts of a project, changed by those who may change it: funding entries, milestones,
partner organisations and networks. Each page is a small form; each write one service call.
"""

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from cooperations import access_projects as access
from cooperations.forms.projects import (
    DoneForm,
    FundingForm,
    MilestoneForm,
    NetworkForm,
    PartnerForm,
)
from cooperations.models import Funding, Milestone, Project, ProjectNetwork, ProjectPartner
from cooperations.services import projects as services
from members import access as member_access
from members.models import Network

PART_TEMPLATE = "cooperations/projects/part_form.html"


def _part_page(
    request: HttpRequest,
    *,
    project: Project,
    form: forms.Form,
    heading: str,
    save: Callable[[dict], object],
    saved: str,
) -> HttpResponse:
    """Show ``form``; on a valid POST call ``save`` with the cleaned data, then go back."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except services.ProjectError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, saved)
            return redirect(project)
    context = {"project": project, "form": form, "heading": heading}
    status = 400 if request.method == "POST" else 200
    return render(request, PART_TEMPLATE, context, status=status)


# --- Funding --------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def funding_add(request: HttpRequest, slug: str) -> HttpResponse:
    project = access.project_for_change(request.user, slug)
    return _part_page(
        request,
        project=project,
        form=FundingForm(request.POST or None),
        heading=gettext_lazy("Add funding"),
        save=lambda data: services.funding_save(project=project, data=data),
        saved=_("The funding has been added."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def funding_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    project = access.project_for_change(request.user, slug)
    funding = get_object_or_404(Funding, project=project, pk=pk)
    return _part_page(
        request,
        project=project,
        form=FundingForm(request.POST or None, initial=FundingForm.initial_of(funding)),
        heading=gettext_lazy("Change funding"),
        save=lambda data: services.funding_save(project=project, funding=funding, data=data),
        saved=_("The funding has been saved."),
    )


@login_required
@require_POST
def funding_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    project = access.project_for_change(request.user, slug)
    services.funding_delete(funding=get_object_or_404(Funding, project=project, pk=pk))
    messages.success(request, _("The funding entry has been removed."))
    return redirect(project)


# --- Milestones -----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def milestone_add(request: HttpRequest, slug: str) -> HttpResponse:
    project = access.project_for_change(request.user, slug)
    return _part_page(
        request,
        project=project,
        form=MilestoneForm(request.POST or None),
        heading=gettext_lazy("Add a milestone"),
        save=lambda data: services.milestone_save(project=project, data=data),
        saved=_("The milestone has been added."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def milestone_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    project = access.project_for_change(request.user, slug)
    milestone = get_object_or_404(Milestone, project=project, pk=pk)
    return _part_page(
        request,
        project=project,
        form=MilestoneForm(request.POST or None, initial=MilestoneForm.initial_of(milestone)),
        heading=gettext_lazy("Change milestone"),
        save=lambda data: services.milestone_save(project=project, milestone=milestone, data=data),
        saved=_("The milestone has been saved."),
    )


@login_required
@require_POST
def milestone_done(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    project = access.project_for_change(request.user, slug)
    milestone = get_object_or_404(Milestone, project=project, pk=pk)
    form = DoneForm(request.POST)
    if not form.is_valid():
        return HttpResponse(status=400)
    services.milestone_done_set(milestone=milestone, done=form.cleaned_data["done"])
    if form.cleaned_data["done"]:
        messages.success(request, _("The milestone is marked as done."))
    else:
        messages.success(request, _("The milestone is open again."))
    return redirect(project)


@login_required
@require_POST
def milestone_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    project = access.project_for_change(request.user, slug)
    services.milestone_delete(milestone=get_object_or_404(Milestone, project=project, pk=pk))
    messages.success(request, _("The milestone has been removed."))
    return redirect(project)


# --- Partners and networks ------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def partner_add(request: HttpRequest, slug: str) -> HttpResponse:
    project = access.project_for_change(request.user, slug)
    taken = [
        project.lead_organisation_id,
        *project.partners.values_list("organisation_id", flat=True),
    ]
    organisations = member_access.organisations_visible_to(request.user).exclude(pk__in=taken)
    return _part_page(
        request,
        project=project,
        form=PartnerForm(request.POST or None, organisations=organisations.order_by("name")),
        heading=gettext_lazy("Add a partner organisation"),
        save=lambda data: services.partner_add(project=project, **data),
        saved=_("The partner has been added. Its admins decide on publication for it."),
    )


@login_required
@require_POST
def partner_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    project = access.project_for_change(request.user, slug)
    services.partner_remove(partner=get_object_or_404(ProjectPartner, project=project, pk=pk))
    messages.success(request, _("The partner has been removed from the project."))
    return _back(request, project)


@login_required
@require_http_methods(["GET", "POST"])
def network_add(request: HttpRequest, slug: str) -> HttpResponse:
    project = access.project_for_change(request.user, slug)
    taken = project.networks.values_list("network_id", flat=True)
    networks = Network.objects.exclude(pk__in=list(taken)).order_by("name")
    return _part_page(
        request,
        project=project,
        form=NetworkForm(request.POST or None, networks=networks),
        heading=gettext_lazy("Add a network"),
        save=lambda data: services.network_add(project=project, **data),
        saved=_("The network has been added. Its managers now see the project."),
    )


@login_required
@require_POST
def network_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    project = access.project_for_change(request.user, slug)
    taking_part = get_object_or_404(ProjectNetwork, project=project, pk=pk)
    services.network_remove(project_network=taking_part)
    messages.success(request, _("The network has been removed from the project."))
    return _back(request, project)


def _back(request: HttpRequest, project: Project) -> HttpResponse:
    """Back to the project, or to the list when the user no longer sees it."""
    if access.projects_visible_to(request.user).filter(pk=project.pk).exists():
        return redirect(project)
    return redirect("cooperations:projects")
