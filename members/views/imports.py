"""The member import: upload and check, preview, confirm, follow the progress."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from members.forms.manage import MemberImportForm
from members.imports import reading
from members.imports.columns import COLUMNS, HEADERS, KIND_ABBREVIATIONS
from members.imports.values import Vocabulary
from members.models import Organisation
from members.selectors import manage as selectors
from members.services import imports as services
from network_portal.exports import csv_response

MAX_LISTED = 200  # errors and notices shown on a page; the count says how many more


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    networks = selectors.networks_managed_by(request.user)
    form = MemberImportForm(request.POST or None, request.FILES or None, networks=networks)
    result = None
    if request.method == "POST" and form.is_valid():
        result = services.member_import_check(
            network=form.cleaned_data["network"], upload=form.cleaned_data["file"], by=request.user
        )
        if result.member_import:
            return redirect("members:manage_import_detail", pk=result.member_import.pk)
    context = {
        "form": form,
        "result": result,
        "errors": result.errors[:MAX_LISTED] if result else [],
        "columns": COLUMNS,
        "headers": HEADERS,
        "kind_abbreviations": KIND_ABBREVIATIONS,
        "vocabulary": Vocabulary.load(),
        "kinds": Organisation.Kind.labels,
        "max_rows": reading.MAX_ROWS,
        "recent": selectors.recent_imports(request.user),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "members/manage/import.html", context, status=status)


@login_required
@require_GET
def import_template(request: HttpRequest) -> HttpResponse:
    selectors.require_manager(request.user)
    return csv_response(
        filename="vorlage-mitglieder-import",
        header=[column.header for column in COLUMNS],
        rows=[[column.example for column in COLUMNS]],
    )


@login_required
@require_GET
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Preview, progress or outcome; htmx polls get only the status region."""
    member_import = selectors.member_import_for_manage(request.user, pk)
    context = {
        "member_import": member_import,
        "progress": services.import_progress(member_import),
        "notices": member_import.notices[:MAX_LISTED],
        "errors": member_import.errors[:MAX_LISTED],
        "max_listed": MAX_LISTED,
    }
    partial = request.htmx and not request.htmx.history_restore_request
    template = (
        "members/manage/_import_status.html" if partial else "members/manage/import_detail.html"
    )
    response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request",))
    return response


@login_required
@require_POST
def import_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    member_import = selectors.member_import_for_manage(request.user, pk)
    try:
        services.member_import_start(member_import=member_import, by=request.user)
    except services.ImportStateError as error:
        messages.info(request, error.message)
    return redirect("members:manage_import_detail", pk=member_import.pk)


@login_required
@require_POST
def import_discard(request: HttpRequest, pk: int) -> HttpResponse:
    member_import = selectors.member_import_for_manage(request.user, pk)
    try:
        services.member_import_discard(member_import=member_import, by=request.user)
    except services.ImportStateError as error:
        messages.info(request, error.message)
        return redirect("members:manage_import_detail", pk=member_import.pk)
    messages.success(request, _("The file was discarded; nothing was imported."))
    return redirect("members:manage_import")
