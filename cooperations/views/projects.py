"""Cooperation projects: the list, a project's page, starting and changing a project, and
each organisation's agreement to a public page.

Objects come only through ``access_projects`` (and ``consent`` for interests); every write
is one service call. Funding, milestones, partners and networks: ``project_parts``.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cooperations import access_projects as access
from cooperations import consent
from cooperations import selectors_projects as selectors
from cooperations.forms.projects import ProjectForm, PublicationForm
from cooperations.models import Interest, Project
from cooperations.services import projects as services

FORM_TEMPLATE = "cooperations/projects/project_form.html"
REFUSED_TEMPLATE = "cooperations/projects/refused.html"
PAGE_SIZE = 30


@require_GET
def project_list(request: HttpRequest) -> HttpResponse:
    """Published projects for everybody; above them, the projects the user works on."""
    published = selectors.project_rows(Project.objects.filter(access.published()))
    page = Paginator(published, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "projects": page.object_list,
        "own_projects": selectors.project_rows(access.projects_taking_part(request.user)),
        "may_start": access.may_start_project(request.user),
    }
    return render(request, "cooperations/projects/project_list.html", context)


@require_GET
def project_detail(request: HttpRequest, slug: str) -> HttpResponse:
    project = selectors.project_page(access.project_for_view(request.user, slug))
    partners = list(project.partners.all())
    agreeing = access.organisations_agreeing_for(request.user, project)
    context = {
        "project": project,
        "partners": partners,
        "funding_total": selectors.funding_total(project),
        "is_published": project.is_public and all(p.agreed_to_publish for p in partners),
        "taking_part": access.is_taking_part(request.user, project),
        "can_change": access.can_change_project(request.user, project),
        "agreements": selectors.agreements_of(project, agreeing),
    }
    return render(request, "cooperations/projects/project_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def project_create(request: HttpRequest) -> HttpResponse:
    if not access.may_start_project(request.user):
        reason = _("Projects are started by organisation admins and network managers.")
        return render(request, REFUSED_TEMPLATE, {"reason": reason}, status=403)
    leads = access.organisations_that_may_lead(request.user)
    only_lead = leads.first() if len(leads) == 1 else None
    form = ProjectForm(
        request.POST or None,
        leads=leads,
        networks=access.networks_that_may_lead(request.user),
        initial={"status": Project.Status.IDEA, "lead_organisation": only_lead},
    )
    if request.method == "POST" and form.is_valid():
        lead, network = form.cleaned_data["lead_organisation"], form.cleaned_data["network"]
        if not access.may_create_with(request.user, lead=lead, network=network):
            form.add_error(
                "network", _("Choose a network you manage, so that you can change the project.")
            )
        else:
            return _created_or_form(request, form, lead=lead, network=network)
    return _form_page(request, form, status=400 if request.method == "POST" else 200)


@login_required
@require_http_methods(["GET", "POST"])
def project_from_interest(request: HttpRequest, pk: int) -> HttpResponse:
    """Start a project from an accepted interest: the side the user is admin of leads."""
    interest = consent.interest_for_view(request.user, pk)
    lead, partner = access.interest_sides_for(request.user, interest)
    if interest.status != Interest.Status.ACCEPTED:
        reason = _("A project can start only from an accepted interest.")
        return render(request, REFUSED_TEMPLATE, {"reason": reason}, status=403)
    started = interest.projects.first()
    if started is not None:
        messages.info(request, _("A project has already been started from this interest."))
        return redirect(started)
    form = ProjectForm(
        request.POST or None,
        networks=access.networks_that_may_lead(request.user),
        initial=_from_interest_initial(interest),
    )
    extra = {"interest": interest, "lead": lead, "partner": partner}
    if request.method == "POST" and form.is_valid():
        return _created_or_form(
            request,
            form,
            lead=lead,
            network=form.cleaned_data["network"],
            partner=partner,
            interest=interest,
            extra=extra,
        )
    return _form_page(request, form, extra=extra, status=400 if request.method == "POST" else 200)


def _from_interest_initial(interest: Interest) -> dict:
    listing = interest.listing
    topic = listing.topics.order_by("name").first()
    return {
        "title": listing.title,
        "description": listing.summary,
        "topic": topic.pk if topic else None,
        "status": Project.Status.PLANNING,
    }


def _created_or_form(request, form, *, extra=None, **arguments) -> HttpResponse:
    try:
        project = services.project_create(
            author=request.user, data=form.project_data(), **arguments
        )
    except services.ProjectError as error:
        form.add_error(error.field, error.message)
        return _form_page(request, form, extra=extra, status=400)
    messages.success(
        request, _("The project has been created. Add partners, funding and milestones.")
    )
    return redirect(project)


def _form_page(request, form, *, extra=None, project=None, status=200) -> HttpResponse:
    context = {"form": form, "project": project, **(extra or {})}
    return render(request, FORM_TEMPLATE, context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def project_edit(request: HttpRequest, slug: str) -> HttpResponse:
    project = access.project_for_change(request.user, slug)
    form = ProjectForm(request.POST or None, initial=ProjectForm.initial_of(project))
    if request.method == "POST" and form.is_valid():
        try:
            services.project_update(project=project, data=form.project_data())
        except services.ProjectError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("The project has been saved."))
            return redirect(project)
    status = 400 if request.method == "POST" else 200
    return _form_page(request, form, project=project, status=status)


@login_required
@require_POST
def project_publication(request: HttpRequest, slug: str) -> HttpResponse:
    """An organisation's admin agrees to a public project page, or withdraws the agreement."""
    project = selectors.project_page(access.project_for_view(request.user, slug))
    organisations = access.organisations_agreeing_for(request.user, project)
    if not organisations:
        reason = _("Only the admins of the organisations taking part decide on publication.")
        return render(request, REFUSED_TEMPLATE, {"reason": reason}, status=403)
    form = PublicationForm(request.POST, organisations=organisations)
    if not form.is_valid():
        messages.error(request, _("Please choose one of your organisations."))
        return redirect(project)
    services.project_publication_set(project=project, **form.cleaned_data)
    if form.cleaned_data["agreed"]:
        messages.success(request, _("Your organisation agrees to a public project page."))
    else:
        messages.success(request, _("Your organisation no longer agrees to a public project page."))
    return redirect(project)
