"""The manager page of one event: counts, registrations and waiting list, their actions,
the attendance list as download and print page, and the event's mails.

Every object comes through ``access.event_for_manager`` / ``registration_for_manager``.
"""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from events import access
from events.forms.attendance import MailFilterForm, RegistrationFilterForm
from events.models import Event, Registration
from events.selectors import attendance as selectors
from events.selectors.mails import event_mail_counts, kind_label
from events.services import attendance as services
from events.services.registrations import RegistrationError
from network_portal.exports import csv_response, xlsx_response
from network_portal.page_cache import private_page
from network_portal.redirects import redirect_back

REGISTRATIONS_PER_PAGE = 100
MAILS_PER_PAGE = 25


@login_required
@require_GET
@private_page
def manage_event(request: HttpRequest, pk: int) -> HttpResponse:
    event = access.event_for_manager(request.user, pk)
    counts = selectors.event_counts(event)
    form = RegistrationFilterForm(request.GET, event=event, workshops=counts.workshops)
    page = _registrations_page(request, event, counts, form.selector_arguments())
    registrations = list(page.object_list)
    if any(registration.status == Registration.Status.WAITLISTED for registration in registrations):
        positions = selectors.waitlist_positions(event)
        for registration in registrations:
            registration.waitlist_place = positions.get(registration.pk)
    context = {
        "event": event,
        "counts": counts,
        "mail_counts": event_mail_counts(event),
        "form": form,
        "page": page,
        "registrations": registrations,
        "filtered": any(request.GET.get(name) for name in ("q", *form.FILTERS)),
    }
    return render(request, "events/manage/event_manage.html", context)


def _registrations_page(
    request: HttpRequest, event: Event, counts: selectors.Counts, filters: dict
) -> Page:
    """The requested page of the event's registrations, narrowed by ``filters``."""
    registrations = selectors.registrations_for_manager(
        event, workshops=bool(counts.workshops), **filters
    )
    paginator = Paginator(registrations, REGISTRATIONS_PER_PAGE)
    if all(value in ("", None) for value in filters.values()):
        paginator.count = counts.total  # every registration: counted already, no COUNT query
    return paginator.get_page(request.GET.get("page"))


@login_required
@require_GET
@private_page
def manage_counts(request: HttpRequest, pk: int) -> HttpResponse:
    """The live figures alone, polled by the manager page every few seconds."""
    event = access.event_for_manager(request.user, pk)
    context = {"event": event, "counts": selectors.event_counts(event)}
    return render(request, "events/manage/_counts.html", context)


def _back(request: HttpRequest, event_id: int) -> HttpResponse:
    """Back to the page the action came from (``next``), else to the event's manager page."""
    return redirect_back(request, reverse("events:manage_event", kwargs={"pk": event_id}))


def _act(request: HttpRequest, pk: int, action: Callable[[Registration], str]) -> HttpResponse:
    """Run ``action`` (a service call returning the success message) on a registration."""
    registration = access.registration_for_manager(request.user, pk)
    try:
        messages.success(request, action(registration))
    except RegistrationError as error:
        messages.error(request, error.message)
    return _back(request, registration.event_id)


@login_required
@require_POST
def manage_move_up(request: HttpRequest, pk: int) -> HttpResponse:
    def move_up(registration: Registration) -> str:
        moved = services.registration_move_up(registration=registration, moved_by=request.user)
        name = moved.person.full_name
        if moved.is_confirmed:
            return _("%(name)s had a seat free and is now confirmed.") % {"name": name}
        return _("%(name)s is now first on the waiting list.") % {"name": name}

    return _act(request, pk, move_up)


@login_required
@require_POST
def manage_cancel_registration(request: HttpRequest, pk: int) -> HttpResponse:
    def cancel(registration: Registration) -> str:
        services.registration_cancel_by_manager(
            registration=registration, cancelled_by=request.user
        )
        name = registration.person.full_name
        return _("The registration of %(name)s has been cancelled.") % {"name": name}

    return _act(request, pk, cancel)


# --- Attendance list -----------------------------------------------------------------------


def _export_header() -> list[str]:
    return [
        _("Last name"),
        _("First name"),
        _("Organisation"),
        _("E-mail address"),
        _("Workshops"),
        _("Status"),
        _("Checked in"),
        _("Access needs"),
    ]


def _workshops_cell(registration: Registration) -> str:
    titles = []
    for choice in registration.choices.all():
        if choice.status == choice.Status.CONFIRMED:
            titles.append(choice.session.title)
        elif choice.status == choice.Status.WAITLISTED:
            titles.append(_("%(title)s (waiting list)") % {"title": choice.session.title})
    return "; ".join(titles)


def _export_row(registration: Registration) -> list:
    person = registration.person
    return [
        person.last_name,
        person.first_name,
        registration.organisation.name,
        person.email,
        _workshops_cell(registration),
        capfirst(registration.get_status_display()),
        registration.checked_in_at,
        registration.access_needs,
    ]


@login_required
@require_GET
def manage_export(request: HttpRequest, pk: str, fmt: str) -> HttpResponse:
    """The attendance list as CSV or XLSX; each download is noted in the audit log."""
    event = access.event_for_manager(request.user, int(pk))
    rows = [_export_row(registration) for registration in selectors.attendance_list(event)]
    services.attendance_export_record(
        event=event, exported_by=request.user, file_format=fmt, row_count=len(rows)
    )
    filename = f"teilnehmende-{event.pk}"
    if fmt == "xlsx":
        title = _("Attendance list")
        return xlsx_response(filename=filename, title=title, header=_export_header(), rows=rows)
    return csv_response(filename=filename, header=_export_header(), rows=rows)


@login_required
@require_GET
def manage_print(request: HttpRequest, pk: int) -> HttpResponse:
    """A list to print and sign at the door, sorted by last name."""
    event = access.event_for_manager(request.user, pk)
    context = {"event": event, "registrations": selectors.print_list(event)}
    return render(request, "events/manage/attendance_print.html", context)


# --- Mails ---------------------------------------------------------------------------------


@login_required
@require_GET
def manage_mails(request: HttpRequest, pk: int) -> HttpResponse:
    """The event's mails: counts per kind and status, then the mails from the outbox,
    newest first; failed ones stand out."""
    event = access.event_for_manager(request.user, pk)
    form = MailFilterForm(request.GET)
    mails = selectors.event_mails(event, status=form.selected_status())
    page = Paginator(mails, MAILS_PER_PAGE).get_page(request.GET.get("page"))
    mails = list(page.object_list)
    for mail in mails:
        mail.kind_label = kind_label(mail.kind)
    context = {
        "event": event,
        "form": form,
        "page": page,
        "mails": mails,
        "mail_counts": event_mail_counts(event),
    }
    return render(request, "events/manage/mails.html", context)
