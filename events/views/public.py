"""Event pages, registration, cancellation and "My events". Objects come through ``access``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from events import access, ics, services
from events.forms.filters import EventFilterForm
from events.forms.registration import (
    ColleagueOrganisationForm,
    ColleaguesRegistrationForm,
    RegistrationForm,
)
from events.models import Event, Registration, Session
from events.selectors import public as selectors
from events.services import invitations
from members import access as members_access
from members import roles
from members.models import Organisation, User
from network_portal.page_cache import public_page

CALENDAR_TYPE = "text/calendar; charset=utf-8"
EVENT_PAGE_SIZE = 20


@require_GET
@public_page
def event_list(request: HttpRequest) -> HttpResponse:
    """Upcoming events (or the archive of past ones), filtered by the GET parameters."""
    form = EventFilterForm(request.GET)
    events = selectors.events_for_list(**form.list_arguments())
    page = Paginator(events, EVENT_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "events": page.object_list, "archive": form.is_archive}
    return render(request, "events/event_list.html", context)


# --- Event page and registration -----------------------------------------------------------


def _detail_context(
    request: HttpRequest,
    event: Event,
    *,
    form: RegistrationForm | None = None,
    colleagues_form: ColleaguesRegistrationForm | None = None,
) -> dict:
    page = selectors.event_page(event)
    registration = selectors.registration_of(event=event, user=request.user)
    can_manage = access.can_manage_event(request.user, event)
    window = selectors.registration_window(page)
    context = {
        "event": page,
        "registration": registration,
        "waitlist_position": registration and selectors.waitlist_position(registration),
        "can_manage": can_manage,
        "show_online_link": can_manage or bool(registration and registration.is_confirmed),
        "window": window,
        "audience": selectors.audience_networks(page),
        "form": form,
        "colleagues_form": colleagues_form,
    }
    if request.user.is_authenticated:
        is_open = window == selectors.RegistrationWindow.OPEN
        open_now = page.status == Event.Status.PUBLISHED and is_open
        context.update(_registration_choices(request, page, context, open_now=open_now))
    return context


def _registration_choices(request: HttpRequest, event: Event, context: dict, *, open_now: bool):
    """Which forms the signed-in user gets: colleagues (as organisation admin), oneself,
    or why they cannot register (their organisation is not in the event's audience)."""
    user = request.user
    people = list(access.people_registrable_by(user))
    allowed = selectors.organisations_in_audience(
        event=event, organisation_ids={p.organisation_id for p in people}
    )
    admin_of = roles.for_user(user).admin_of
    admin_organisations = [
        p.organisation for p in people if p.organisation_id in admin_of & allowed
    ]
    own = [p.pk for p in people if p.organisation_id in allowed - admin_of]
    choices = {
        "has_people": bool(people),
        "outside_audience": [p.organisation for p in people if p.organisation_id not in allowed],
        "colleague_organisations": admin_organisations,
    }
    if open_now and context["form"] is None and own and context["registration"] is None:
        own_people = access.people_registrable_by(user).filter(pk__in=own)
        choices["form"] = RegistrationForm(
            event=event, people=own_people, workshops=_workshops(event)
        )
    if open_now and context["colleagues_form"] is None and admin_organisations:
        organisation = _chosen(admin_organisations, request.GET.get("organisation", ""))
        choices["colleagues_form"] = _colleagues_form(None, event, organisation, user)
    return choices


def _workshops(event: Event) -> list[Session]:
    return [session for session in event.sessions.all() if session.is_workshop]


def _chosen(organisations: list[Organisation], value: str) -> Organisation:
    chosen = [o for o in organisations if str(o.pk) == value]
    return chosen[0] if chosen else organisations[0]


def _colleagues_form(data, event: Event, organisation: Organisation, user: User):
    people = selectors.people_for_colleague_registration(event=event, organisation=organisation)
    return ColleaguesRegistrationForm(
        data, organisation=organisation, people=people, workshops=_workshops(event), user=user
    )


@require_GET
@public_page
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = access.event_for_view(request.user, pk)
    return render(request, "events/event_detail.html", _detail_context(request, event))


@login_required
@require_POST
def event_register(request: HttpRequest, pk: int) -> HttpResponse:
    """Register oneself, or (with ``organisation`` in the form) colleagues as their admin."""
    event = access.event_for_view(request.user, pk)
    if "organisation" in request.POST:
        return _register_colleagues(request, event)
    people = access.people_registrable_by(request.user)
    form = RegistrationForm(request.POST, event=event, people=people)
    if form.is_valid():
        try:
            registration = invitations.registration_create_noting_invitation(
                token=request.session.get(invitations.SESSION_KEY),
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
            request.session.pop(invitations.SESSION_KEY, None)
            messages.success(request, _registered_message(registration.is_confirmed))
            return redirect(event)
    context = _detail_context(request, event, form=form)
    return render(request, "events/event_detail.html", context, status=400)


def _registered_message(confirmed: bool) -> str:
    if confirmed:
        return _("You are registered. We look forward to seeing you.")
    return _("The event is full. You are on the waiting list.")


def _colleague_organisation(request: HttpRequest) -> Organisation:
    """The organisation whose people the user registers: only one they are admin of."""
    form = ColleagueOrganisationForm(request.POST, admin_of=roles.for_user(request.user).admin_of)
    if not form.is_valid():
        raise PermissionDenied
    return form.cleaned_data["organisation"]


def _register_colleagues(request: HttpRequest, event: Event) -> HttpResponse:
    organisation = _colleague_organisation(request)
    page = selectors.event_page(event)
    form = _colleagues_form(request.POST, page, organisation, request.user)
    if form.is_valid():
        try:
            registrations = services.registrations_create_for_colleagues(
                event=event,
                organisation=organisation,
                attendees=form.cleaned_data["attendees"],
                registered_by=request.user,
                consent=form.cleaned_data["consent"],
            )
        except services.AttendeeError as error:
            form.add_attendee_error(index=error.index, message=error.message)
        except services.RegistrationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _colleagues_message(registrations))
            return redirect(event)
    context = _detail_context(request, event, colleagues_form=form)
    return render(request, "events/event_detail.html", context, status=400)


def _colleagues_message(registrations: list[Registration]) -> str:
    confirmed = sum(registration.is_confirmed for registration in registrations)
    return _("Registered: %(confirmed)s confirmed, %(waitlisted)s on the waiting list.") % {
        "confirmed": confirmed,
        "waitlisted": len(registrations) - confirmed,
    }


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
