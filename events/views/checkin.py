"""At the door: the check-in desk (search, one tap per attendee) and walk-ins.

Both pages work as plain forms; with htmx the check-in search and taps replace only
the results region.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from events import access
from events.forms.attendance import (
    CheckinSearchForm,
    WalkInExistingForm,
    WalkInNewForm,
    WalkInSearchForm,
)
from events.models import Event, Registration
from events.selectors import attendance as selectors
from events.services import attendance as services
from events.services.registrations import RegistrationError


def _checkin_context(event: Event, query: str, error: str = "") -> dict:
    return {
        "event": event,
        "query": query,
        "attendees": selectors.checkin_attendees(event, query=query),
        "counts": selectors.event_counts(event),
        "error": error,
    }


def _partial(request: HttpRequest) -> bool:
    return bool(request.htmx) and not request.htmx.history_restore_request


@login_required
@require_GET
def manage_checkin(request: HttpRequest, pk: int) -> HttpResponse:
    """The check-in desk; htmx requests get only the results region."""
    event = access.event_for_manager(request.user, pk)
    form = CheckinSearchForm(request.GET)
    context = {"form": form, **_checkin_context(event, form.query())}
    template = "_checkin_results.html" if _partial(request) else "checkin.html"
    response = render(request, f"events/manage/{template}", context)
    patch_vary_headers(response, ("HX-Request",))
    return response


def _check_in_or_undo(request: HttpRequest, registration: Registration) -> str:
    """Set the check-in to what the tapped button said; return the message."""
    name = registration.person.full_name
    if request.POST.get("checked_in") == "1":
        services.registration_check_in(registration=registration, checked_in_by=request.user)
        return _("%(name)s is checked in.") % {"name": name}
    services.registration_check_in_undo(registration=registration, undone_by=request.user)
    return _("The check-in of %(name)s has been taken back.") % {"name": name}


@login_required
@require_POST
def manage_checkin_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    registration = access.registration_for_manager(request.user, pk)
    form = CheckinSearchForm(request.POST)
    query = form.query()
    try:
        message, error = _check_in_or_undo(request, registration), ""
    except RegistrationError as exc:
        message, error = "", exc.message
    if request.htmx:
        context = {**_checkin_context(registration.event, query, error), "done": message}
        return render(request, "events/manage/_checkin_results.html", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, message)
    url = reverse("events:manage_checkin", kwargs={"pk": registration.event_id})
    return redirect(f"{url}?{urlencode({'q': query})}" if query else url)


# --- Walk-ins ------------------------------------------------------------------------------


def _walk_in_page(request: HttpRequest, event: Event, **forms) -> dict:
    search = WalkInSearchForm(request.GET if request.method == "GET" else request.POST)
    query = search.query()
    return {
        "event": event,
        "search_form": search,
        "query": query,
        "candidates": selectors.walk_in_candidates(event, query=query),
        "counts": selectors.event_counts(event),
        "new_form": forms.get("new_form") or WalkInNewForm(prefix="new"),
        "existing_form": forms.get("existing_form"),
    }


def _walk_in_message(registration: Registration) -> str:
    name = registration.person.full_name
    if registration.is_confirmed:
        return _("%(name)s has been added and checked in.") % {"name": name}
    return _(
        "The event is full: %(name)s has been put on the waiting list and is not checked in."
    ) % {"name": name}


def _walk_in_form(request: HttpRequest) -> WalkInNewForm | WalkInExistingForm:
    if request.POST.get("mode") == "existing":
        return WalkInExistingForm(request.POST)
    return WalkInNewForm(request.POST, prefix="new")


def _walk_in_add(request: HttpRequest, event: Event, form) -> Registration:
    data = form.cleaned_data
    if isinstance(form, WalkInExistingForm):
        person, new_person = data["person"], None
    else:
        person = None
        new_person = services.NewPerson(
            first_name=data["first_name"],
            last_name=data["last_name"],
            organisation=data["organisation"],
            email=data["email"],
        )
    return services.registration_walk_in(
        event=event,
        added_by=request.user,
        person=person,
        new_person=new_person,
        over_capacity=data["over_capacity"],
    )


@login_required
@require_http_methods(["GET", "POST"])
def manage_walk_in(request: HttpRequest, pk: int) -> HttpResponse:
    """Add someone who turned up: found in the portal, or new with their organisation."""
    event = access.event_for_manager(request.user, pk)
    if request.method == "GET":
        return render(request, "events/manage/walk_in.html", _walk_in_page(request, event))
    form = _walk_in_form(request)
    if form.is_valid():
        try:
            registration = _walk_in_add(request, event, form)
        except RegistrationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _walk_in_message(registration))
            return redirect("events:manage_checkin", pk=event.pk)
    key = "existing_form" if isinstance(form, WalkInExistingForm) else "new_form"
    context = _walk_in_page(request, event, **{key: form})
    return render(request, "events/manage/walk_in.html", context, status=400)
