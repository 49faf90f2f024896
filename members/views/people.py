"""An organisation's people: contact persons, roles, requests to join, colleague invitations.

For whoever may change the organisation (``access.organisation_for_change``); the
invitation link itself is personal and opens for its recipient.
"""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from members import access, roles
from members.forms.people import ContactForm, InvitationForm, RoleForm
from members.models import Organisation
from members.selectors import organisations as selectors
from members.services import invitations, people
from members.services.people import PeopleError
from network_portal.privacy import access as privacy_access

PEOPLE_TEMPLATE = "members/self_service/people.html"


def _people_url(organisation: Organisation) -> str:
    return reverse("members:organisation_people", kwargs={"slug": organisation.slug})


def _people_page(
    request: HttpRequest, organisation: Organisation, *, error: str = "", status: int = 200
) -> HttpResponse:
    page = selectors.organisation_people(organisation)
    for invitation in page.invitations:
        invitation.expired = invitations.invitation_expired(invitation)
    context = {
        "organisation": organisation,
        "page": page,
        "error": error,
        "may_remove_people": privacy_access.may_remove_people(request.user, organisation),
    }
    return render(request, PEOPLE_TEMPLATE, context, status=status)


@login_required
@require_http_methods(["GET"])
def organisation_people(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = access.organisation_for_change(request.user, slug)
    return _people_page(request, organisation)


# --- Contact persons -------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def person_add(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = access.organisation_for_change(request.user, slug)
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        people.person_create(
            organisation=organisation, created_by=request.user, contact=form.contact()
        )
        messages.success(request, _("The contact person has been added."))
        return redirect(_people_url(organisation))
    return _contact_form(request, organisation, form, person=None)


@login_required
@require_http_methods(["GET", "POST"])
def person_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = access.organisation_for_change(request.user, slug)
    person = access.person_for_change(organisation, pk)
    form = ContactForm(request.POST or None, instance=copy.copy(person))
    if request.method == "POST" and form.is_valid():
        people.person_update(person=person, updated_by=request.user, contact=form.contact())
        messages.success(
            request, _("The details of %(name)s have been saved.") % {"name": person.full_name}
        )
        return redirect(_people_url(organisation))
    return _contact_form(request, organisation, form, person=person)


def _contact_form(request, organisation, form, *, person) -> HttpResponse:
    context = {"organisation": organisation, "form": form, "person": person}
    status = 400 if request.method == "POST" else 200
    return render(request, "members/self_service/contact_form.html", context, status=status)


@login_required
@require_POST
def person_set_active(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = access.organisation_for_change(request.user, slug)
    person = access.person_for_change(organisation, pk)
    active = request.POST.get("active") == "1"
    try:
        people.person_set_active(person=person, active=active, changed_by=request.user)
    except PeopleError as error:
        return _people_page(request, organisation, error=error.message, status=400)
    if active:
        messages.success(request, _("%(name)s is active again.") % {"name": person.full_name})
    else:
        messages.success(request, _("%(name)s has been deactivated.") % {"name": person.full_name})
    return _after_own_change(request, organisation)


@login_required
@require_POST
def person_set_role(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = access.organisation_for_change(request.user, slug)
    person = access.person_for_change(organisation, pk)
    form = RoleForm(request.POST)
    if not form.is_valid():
        return _people_page(request, organisation, error=_("Please choose a role."), status=400)
    try:
        people.person_set_role(
            person=person, role=form.cleaned_data["role"], changed_by=request.user
        )
    except PeopleError as error:
        return _people_page(request, organisation, error=error.message, status=400)
    messages.success(
        request, _("The role of %(name)s has been changed.") % {"name": person.full_name}
    )
    return _after_own_change(request, organisation)


def _after_own_change(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """Back to the people page, or to the profile if the user just gave up their own rights."""
    roles.forget(request.user)
    if access.can_change_organisation(request.user, organisation):
        return redirect(_people_url(organisation))
    return redirect(organisation)


# --- Requests to join --------------------------------------------------------------------------


@login_required
@require_POST
def join_request_decide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = access.organisation_for_change(request.user, slug)
    join_request = access.join_request_for_decision(organisation, pk)
    decision = request.POST.get("decision")
    if decision not in ("approve", "decline"):
        return _people_page(request, organisation, error=_("Please choose a decision."), status=400)
    name = join_request.user.get_full_name() or join_request.user.email
    try:
        if decision == "approve":
            people.join_request_approve(join_request=join_request, decided_by=request.user)
            messages.success(request, _("%(name)s now acts for the organisation.") % {"name": name})
        else:
            people.join_request_decline(join_request=join_request, decided_by=request.user)
            messages.success(
                request, _("The request of %(name)s has been declined.") % {"name": name}
            )
    except PeopleError as error:
        return _people_page(request, organisation, error=error.message, status=400)
    return redirect(_people_url(organisation))


# --- Invitations -------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def invitation_create(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = access.organisation_for_change(request.user, slug)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = invitations.colleague_invite(
                organisation=organisation, invited_by=request.user, **form.invitation()
            )
        except PeopleError as error:
            form.add_error("email", error.message)
        else:
            messages.success(
                request,
                _("The invitation to %(email)s has been sent.") % {"email": invitation.email},
            )
            return redirect(_people_url(organisation))
    context = {"organisation": organisation, "form": form}
    status = 400 if request.method == "POST" else 200
    return render(request, "members/self_service/invitation_form.html", context, status=status)


@login_required
@require_POST
def invitation_withdraw(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = access.organisation_for_change(request.user, slug)
    invitation = access.invitation_for_change(organisation, pk)
    try:
        invitations.colleague_invitation_withdraw(invitation=invitation, withdrawn_by=request.user)
    except PeopleError as error:
        return _people_page(request, organisation, error=error.message, status=400)
    messages.success(
        request, _("The invitation to %(email)s has been withdrawn.") % {"email": invitation.email}
    )
    return redirect(_people_url(organisation))


@require_http_methods(["GET", "POST"])
def invitation_open(request: HttpRequest, token: str) -> HttpResponse:
    """The personal link from the mail: sign in or sign up, then accept (POST)."""
    try:
        invitation = invitations.invitation_for_token(token)
    except invitations.InvitationError as error:
        status = 404 if error.reason == "invalid" else 410
        context = {"error": error.message}
        return render(request, "members/self_service/invitation.html", context, status=status)
    if request.method == "POST" and not request.user.is_authenticated:
        return redirect_to_login(request.path)
    context = {
        "invitation": invitation,
        "addressed_to_user": request.user.is_authenticated
        and invitations.is_addressed_to(invitation, request.user),
    }
    if request.method == "POST":
        try:
            invitations.colleague_invitation_accept(invitation=invitation, user=request.user)
        except PeopleError as error:
            context["error"] = error.message
            return render(request, "members/self_service/invitation.html", context, status=400)
        messages.success(
            request,
            _("Welcome! You now act for %(name)s.") % {"name": invitation.organisation.name},
        )
        return redirect(invitation.organisation)
    return render(request, "members/self_service/invitation.html", context)
