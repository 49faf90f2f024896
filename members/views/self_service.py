"""Self-service of organisations: create one, ask to join one, edit and confirm the profile.

Objects come only through ``access``; every write is one service call.
"""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from members import access
from members.forms.organisation import JoinRequestForm, OrganisationForm
from members.models import Organisation
from members.selectors import organisations as selectors
from members.services import organisations as services
from members.services.people import PeopleError, join_request_create
from network_portal.redirects import redirect_back

FORM_TEMPLATE = "members/self_service/organisation_form.html"


@login_required
@require_http_methods(["GET", "POST"])
def organisation_create(request: HttpRequest) -> HttpResponse:
    form = OrganisationForm(request.POST or None, request.FILES or None)
    context = {"form": form, "creating": True}
    if request.method == "GET":
        return render(request, FORM_TEMPLATE, context)
    if form.is_valid():
        try:
            organisation = services.organisation_create(
                creator=request.user, profile=form.profile(), logo=form.cleaned_data["logo"]
            )
        except services.DuplicateOrganisationError as duplicate:
            _refuse_duplicate(request, form, duplicate.existing, context)
        else:
            messages.success(request, _("Your organisation has been created. You are its admin."))
            return redirect(organisation)
    return render(request, FORM_TEMPLATE, context, status=400)


def _refuse_duplicate(
    request: HttpRequest, form: OrganisationForm, existing: Organisation, context: dict
) -> None:
    form.add_error(
        "name", _("An organisation of this name at this postal code is in the portal already.")
    )
    if access.can_view_organisation(request.user, existing):
        context["duplicate"] = existing
        context["duplicate_joinable"] = access.can_ask_to_join(request.user, existing)
    else:
        context["duplicate_hidden"] = True


@login_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = access.organisation_for_change(request.user, slug)
    form = OrganisationForm(
        request.POST or None, request.FILES or None, instance=copy.copy(organisation)
    )
    context = {"form": form, "organisation": organisation, "creating": False}
    if request.method == "GET":
        return render(request, FORM_TEMPLATE, context)
    if form.is_valid():
        try:
            changed = services.organisation_update(
                organisation=organisation,
                editor=request.user,
                profile=form.profile(),
                **form.logo_change(),
            )
        except services.DuplicateOrganisationError:
            form.add_error(
                "name",
                _("An organisation of this name at this postal code is in the portal already."),
            )
        else:
            messages.success(request, _saved_message(changed))
            return redirect(organisation)
    return render(request, FORM_TEMPLATE, context, status=400)


def _saved_message(changed: list[str]) -> str:
    if changed:
        return _("The profile has been saved.")
    return _("Nothing was changed.")


@login_required
@require_POST
def organisation_confirm(request: HttpRequest, slug: str) -> HttpResponse:
    """The one-click answer to "is this profile still current?"."""
    organisation = access.organisation_for_change(request.user, slug)
    services.organisation_confirm(organisation=organisation, confirmed_by=request.user)
    messages.success(request, _("Thank you. The profile is confirmed as current."))
    return redirect_back(request, organisation.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def organisation_join(request: HttpRequest, slug: str) -> HttpResponse:
    """Ask the organisation's admins to let the signed-in user act for it."""
    organisation = access.organisation_for_view(request.user, slug)
    if not access.can_ask_to_join(request.user, organisation):
        messages.info(request, _("You already act for this organisation."))
        return redirect(organisation)
    pending = selectors.pending_join_request(organisation=organisation, user=request.user)
    form = JoinRequestForm(request.POST or None)
    context = {"organisation": organisation, "form": form, "pending": pending}
    template = "members/self_service/organisation_join.html"
    if request.method == "GET" or pending:
        return render(request, template, context, status=400 if request.method == "POST" else 200)
    if form.is_valid():
        try:
            join_request_create(organisation=organisation, user=request.user, **form.cleaned_data)
        except PeopleError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Your request has been sent. The organisation's admins will decide.")
            )
            return redirect(organisation)
    return render(request, template, context, status=400)
