"""The managers' member list, its export, and ending a membership."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from members.forms.manage import EndMembershipForm, MemberFilterForm
from members.models import Membership
from members.selectors import manage as selectors
from members.services import administration
from network_portal.exports import csv_response, xlsx_response

PAGE_SIZE = 50


def _filter_form(request: HttpRequest) -> MemberFilterForm:
    return MemberFilterForm(request.GET, networks=selectors.networks_managed_by(request.user))


@login_required
@require_GET
def member_list(request: HttpRequest) -> HttpResponse:
    """Members and partners of the user's networks; htmx requests get only the results."""
    form = _filter_form(request)
    memberships = selectors.managed_members(user=request.user, **form.list_arguments())
    memberships = memberships.prefetch_related("organisation__sectors")
    page = Paginator(memberships, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "memberships": page.object_list}
    partial = request.htmx and not request.htmx.history_restore_request
    template = "members/manage/_member_results.html" if partial else "members/manage/members.html"
    response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request",))
    return response


@login_required
@require_GET
def member_export(request: HttpRequest, format: str) -> HttpResponse:
    """The filtered list (every page) as CSV or XLSX, recorded in the audit log."""
    file_format = format
    form = _filter_form(request)
    arguments = form.list_arguments()
    memberships = selectors.managed_members(user=request.user, **arguments)
    rows = list(selectors.export_rows(memberships))
    administration.member_list_exported(
        by=request.user,
        about=arguments["filters"].get("network") or request.user,
        file_format=file_format,
        rows=len(rows),
        filters=form.audit_filters(),
    )
    filename = f"mitglieder-{timezone.localdate():%Y-%m-%d}"
    header = [str(title) for title in selectors.EXPORT_HEADER]
    if file_format == "xlsx":
        return xlsx_response(filename=filename, title=_("Members"), header=header, rows=rows)
    return csv_response(filename=filename, header=header, rows=rows)


@login_required
@require_http_methods(["GET", "POST"])
def membership_end(request: HttpRequest, pk: int) -> HttpResponse:
    membership = selectors.membership_for_manage(request.user, pk)
    if membership.status != Membership.Status.ACTIVE:
        messages.info(request, _("This membership is not active (any more)."))
        return redirect("members:manage_members")
    form = EndMembershipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            administration.membership_end(
                membership=membership, by=request.user, reason=form.cleaned_data["reason"]
            )
        except administration.MembershipError as error:
            messages.error(request, error.message)
        else:
            message = _("The membership of %(organisation)s in %(network)s has ended.")
            names = {"organisation": membership.organisation, "network": membership.network}
            messages.success(request, message % names)
        return redirect("members:manage_members")
    status = 400 if request.method == "POST" else 200
    context = {"membership": membership, "form": form}
    return render(request, "members/manage/end_membership.html", context, status=status)
