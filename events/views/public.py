"""Event pages, registration, cancellation and "My events". Objects come through ``access``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from events import access, ics, selectors, services
from events.forms import RegistrationForm
from events.models import Event
from members import access as members_access
from members.models import Network

CALENDAR_TYPE = "text/calendar; charset=utf-8"


@require_GET
def event_list(request: HttpRequest) -> HttpResponse:
    network_id = request.GET.get("network", "")
    event_format = request.GET.get("format", "")
    network_id = int(network_id) if network_id.isdigit() else None
    if event_format not in Event.Format.values:
        event_format = ""
    context = {
        "events": selectors.upcoming_events(network_id=network_id, format=event_format),
        "networks": Network.objects.only("pk", "name"),
        "formats": Event.Format.choices,
        "selected_network": network_id,
        "selected_format": event_format,
    }
    return render(request, "events/event_list.html", context)


def _detail_context(request: HttpRequest, event: Event, form: RegistrationForm | None) -> dict:
    registration = selectors.registration_of(event=event, user=request.user)
    people = access.people_registrable_by(request.user)
    if form is None and registration is None and people:
        form = RegistrationForm(event=event, people=people)
    can_manage = access.can_manage_event(request.user, event)
    return {
        "event": selectors.event_page(event),
        "registration": registration,
        "waitlist_position": registration and selectors.waitlist_position(registration),
        "form": form,
        "can_manage": can_manage,
        "show_online_link": can_manage or bool(registration and registration.is_confirmed),
    }


@require_GET
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = access.event_for_view(request.user, pk)
    return render(request, "events/event_detail.html", _detail_context(request, event, None))


@login_required
@require_POST
def event_register(request: HttpRequest, pk: int) -> HttpResponse:
    event = access.event_for_view(request.user, pk)
    people = access.people_registrable_by(request.user)
    form = RegistrationForm(request.POST, event=event, people=people)
    if form.is_valid():
        try:
            registration = services.registration_create(
                event=event,
                person=form.cleaned_data["person"],
                registered_by=request.user,
                workshops=form.cleaned_data.get("workshops", ()),
                access_needs=form.cleaned_data["access_needs"],
                consent=form.cleaned_data["consent"],
            )
        except services.RegistrationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _registered_message(registration.is_confirmed))
            return redirect(event)
    context = _detail_context(request, event, form)
    return render(request, "events/event_detail.html", context, status=400)


def _registered_message(confirmed: bool) -> str:
    if confirmed:
        return _("You are registered. We look forward to seeing you.")
    return _("The event is full. You are on the waiting list.")


@login_required
@require_http_methods(["GET", "POST"])
def registration_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    registration = access.registration_for_cancel(request.user, pk)
    error = None
    if request.method == "POST":
        try:
            services.registration_cancel(registration=registration, cancelled_by=request.user)
        except services.RegistrationError as exc:
            error = exc.message
        else:
            messages.success(request, _("The registration has been cancelled."))
            return redirect("events:mine")
    context = {"registration": registration, "error": error}
    return render(request, "events/registration_cancel.html", context, status=400 if error else 200)


@login_required
@require_GET
def my_events(request: HttpRequest) -> HttpResponse:
    registrations = selectors.registrations_of(request.user)
    return render(request, "events/my_events.html", {"registrations": registrations})


# --- iCalendar -----------------------------------------------------------------------------


@require_GET
@cache_control(private=True)
def event_ics(request: HttpRequest, pk: int) -> HttpResponse:
    """One event to download; with the online link for confirmed attendees and managers."""
    event = access.event_for_view(request.user, pk)
    online_link = access.can_manage_event(request.user, event) or _is_confirmed(request, event)
    response = HttpResponse(
        ics.event_calendar(event, online_link=online_link), content_type=CALENDAR_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="veranstaltung-{event.pk}.ics"'
    return response


def _is_confirmed(request: HttpRequest, event: Event) -> bool:
    registration = selectors.registration_of(event=event, user=request.user)
    return bool(registration and registration.is_confirmed)


@require_GET
def calendar_feed(request: HttpRequest) -> HttpResponse:
    events = selectors.calendar_events()
    return HttpResponse(ics.feed_calendar(events, name=_("Events")), content_type=CALENDAR_TYPE)


@require_GET
def network_feed(request: HttpRequest, slug: str) -> HttpResponse:
    network = members_access.network_for_view(slug)
    events = selectors.calendar_events(network_id=network.pk)
    name = _("Events of %(network)s") % {"network": network.name}
    return HttpResponse(ics.feed_calendar(events, name=name), content_type=CALENDAR_TYPE)
