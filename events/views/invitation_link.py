"""The personal invitation link: the event, and registration through the invitation.

Anonymous visitors sign in or create an account on the way (allauth, ``?next=`` back
here); the token also stays in the session. A registration made here is marked as coming
from the invitation (``Registration.source``, ``Invitation.registration``).
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from events.forms.registration import RegistrationForm
from events.models import Event, Invitation
from events.selectors import invitations as invitation_selectors
from events.selectors import public as selectors
from events.services import invitations as services

SESSION_KEY = services.SESSION_KEY
TEMPLATE = "events/invitation.html"


def _workshops(event: Event) -> list:
    return [session for session in event.sessions.all() if session.is_workshop]


def _open_now(event: Event) -> bool:
    window = selectors.registration_window(event)
    return event.status == Event.Status.PUBLISHED and window == selectors.RegistrationWindow.OPEN


def _form(request: HttpRequest, event: Event, invitation: Invitation) -> RegistrationForm | None:
    """The registration form; ``None`` when the user has no person to register."""
    people = invitation_selectors.invitee_people(request.user, invitation)
    if not people.exists():
        return None
    data = request.POST if request.method == "POST" else None
    return RegistrationForm(data, event=event, people=people, workshops=_workshops(event))


@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = services.invitation_for_token(token)
    except services.InvitationError as error:
        return render(request, TEMPLATE, {"error": error.message}, status=404)
    request.session[SESSION_KEY] = token
    if not request.user.is_authenticated:
        if request.method == "POST":
            return redirect_to_login(request.get_full_path())
        return render(request, TEMPLATE, {"invitation": invitation, "event": _page(invitation)})
    event = _page(invitation)
    context = {"invitation": invitation, "event": event}
    context["registration"] = selectors.registration_of(event=event, user=request.user)
    context["window"] = selectors.registration_window(event)
    context["open_now"] = _open_now(event)
    if context["registration"] or not context["open_now"]:
        return render(request, TEMPLATE, context, status=400 if request.method == "POST" else 200)
    form = _form(request, event, invitation)
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            registration = services.invitation_register(
                invitation=invitation,
                person=form.cleaned_data["person"],
                registered_by=request.user,
                workshops=form.cleaned_data.get("workshops", ()),
                access_needs=form.cleaned_data["access_needs"],
                consent=form.cleaned_data["consent"],
            )
        except services.InvitationError as error:
            form.add_error(None, error.message)
        else:
            request.session.pop(SESSION_KEY, None)
            messages.success(request, _registered_message(registration.is_confirmed))
            return redirect(event)
    context["form"] = form
    status = 400 if request.method == "POST" else 200
    return render(request, TEMPLATE, context, status=status)


def _page(invitation: Invitation) -> Event:
    """The event with seats and workshops annotated, as its public page shows it."""
    return selectors.event_page(invitation.event)


def _registered_message(confirmed: bool) -> str:
    if confirmed:
        return _("Thank you: you are registered. We look forward to seeing you.")
    return _("Thank you: the event is full, so you are on the waiting list.")
