"""My data: consents with one-click withdrawal, the data export, account deletion; the
removal of a colleague's record; the processing record for the network's operators."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from members import access as member_access
from network_portal.audit import audit_record
from network_portal.exports import xlsx_response
from network_portal.privacy import access, deletion, export, processing_record, withdrawal
from network_portal.privacy.consent import consents_of
from network_portal.privacy.forms import AccountDeleteForm

# --- My data ----------------------------------------------------------------------------


@login_required
@require_GET
def my_data(request: HttpRequest) -> HttpResponse:
    consents = list(consents_of(request.user).select_related("text").prefetch_related("about"))
    context = {
        "open_consents": [consent for consent in consents if consent.withdrawn_at is None],
        "past_consents": [consent for consent in consents if consent.withdrawn_at is not None],
        "retention_months": settings.PRIVACY_RETENTION_MONTHS,
    }
    return render(request, "privacy/my_data.html", context)


@login_required
@require_POST
def consent_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    consent = access.consent_for_withdrawal(request.user, pk)
    message = withdrawal.consent_withdraw_and_stop(consent=consent, withdrawn_by=request.user)
    messages.success(request, message)
    return redirect("privacy:my_data")


@never_cache
@login_required
@require_GET
def export_page(request: HttpRequest) -> HttpResponse:
    sections = export.personal_data_of(request.user)
    audit_record(
        actor=request.user, action="privacy.export", target=request.user, details={"as": "page"}
    )
    return render(request, "privacy/export.html", {"sections": sections, "now": timezone.now()})


@never_cache
@login_required
@require_GET
def export_download(request: HttpRequest) -> HttpResponse:
    sections = export.personal_data_of(request.user)
    audit_record(
        actor=request.user, action="privacy.export", target=request.user, details={"as": "json"}
    )
    response = HttpResponse(
        export.export_json(request.user, sections), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{export.export_filename()}"'
    return response


# --- Deleting one's account -------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request: HttpRequest) -> HttpResponse:
    form = AccountDeleteForm(request.POST or None, user=request.user)
    blocking = list(deletion.organisations_blocking_deletion(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            deletion.account_delete(user=request.user)
        except deletion.PrivacyError as error:
            form.add_error(None, error.message)
        else:
            logout(request)
            messages.success(request, _("Your account has been deleted. Goodbye."))
            return redirect("home")
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "blocking": blocking}
    return render(request, "privacy/account_delete.html", context, status=status)


# --- Removing a colleague's record ------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def person_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    person = access.person_for_removal(request.user, slug, pk)
    organisation = person.organisation
    error = ""
    if request.method == "POST":
        name = person.full_name
        try:
            deletion.person_remove(person=person, removed_by=request.user)
        except deletion.PrivacyError as failure:
            error = failure.message
        else:
            messages.success(
                request, _("The details of %(name)s have been deleted.") % {"name": name}
            )
            return redirect(reverse("members:organisation_people", args=[organisation.slug]))
    context = {"person": person, "organisation": organisation, "error": error}
    return render(request, "privacy/person_remove.html", context, status=400 if error else 200)


# --- The record of processing activities -------------------------------------------------


@login_required
@require_GET
def processing_record_page(request: HttpRequest) -> HttpResponse:
    member_access.require_manager_area(request.user)
    context = {
        "columns": processing_record.COLUMNS,
        "activities": processing_record.activities(),
        "imprint_contact": settings.PORTAL_IMPRINT_CONTACT,
        "privacy_contact": settings.PORTAL_PRIVACY_CONTACT,
        "today": timezone.localdate(),
    }
    return render(request, "privacy/processing_record.html", context)


@login_required
@require_GET
def processing_record_download(request: HttpRequest) -> HttpResponse:
    member_access.require_manager_area(request.user)
    return xlsx_response(
        filename="verarbeitungsverzeichnis",
        title=_("Processing record"),
        header=[str(column) for column in processing_record.COLUMNS],
        rows=processing_record.rows(),
    )
