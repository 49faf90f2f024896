"""The cancel link from registration mails (no login), and a manager's reminder rules.

The cancel link leads to a confirmation page; only its POST cancels (mail scanners
open links, they do not submit forms). The seat goes to the first on the waiting list
in the same transaction (``registration_cancel``).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from events import access
from events.cancel_links import CancelLinkError, registration_for_token
from events.forms.reminders import ReminderRuleForm
from events.models import Registration, ReminderRule
from events.services.registrations import RegistrationError, registration_cancel
from events.services.reminders import ReminderError, reminder_rule_add, reminder_rule_remove

CANCEL_TEMPLATE = "events/cancel_link.html"
REMINDERS_TEMPLATE = "events/manage/reminders.html"


@never_cache
@require_http_methods(["GET", "POST"])
def cancel_link(request: HttpRequest, token: str) -> HttpResponse:
    try:
        registration = registration_for_token(token)
    except CancelLinkError as error:
        return render(request, CANCEL_TEMPLATE, {"invalid": error.message}, status=404)
    error = None
    if request.method == "POST":
        try:
            registration_cancel(registration=registration, cancelled_by=registration.person.user)
        except RegistrationError as exc:
            error = exc.message
            registration.refresh_from_db()
        else:
            messages.success(request, _("Your registration has been cancelled."))
            return redirect(request.path)
    return render(
        request, CANCEL_TEMPLATE, _cancel_context(registration, error), status=400 if error else 200
    )


def _cancel_context(registration: Registration, error: str | None) -> dict:
    event = registration.event
    return {
        "registration": registration,
        "event": event,
        "error": error,
        "deadline_passed": timezone.now() >= event.cancellation_closes,
        "is_cancelled": registration.status == Registration.Status.CANCELLED,
    }


# --- Reminder rules (manager) ---------------------------------------------------------------


def _reminders_page(request: HttpRequest, event, form: ReminderRuleForm, status: int = 200):
    context = {"event": event, "form": form, "rules": list(event.reminder_rules.all())}
    return render(request, REMINDERS_TEMPLATE, context, status=status)


@login_required
@require_GET
def manage_reminders(request: HttpRequest, pk: int) -> HttpResponse:
    event = access.event_for_manager(request.user, pk)
    return _reminders_page(request, event, ReminderRuleForm())


@login_required
@require_POST
def manage_reminder_add(request: HttpRequest, pk: int) -> HttpResponse:
    event = access.event_for_manager(request.user, pk)
    form = ReminderRuleForm(request.POST)
    if form.is_valid():
        try:
            rule = reminder_rule_add(event=event, offset=form.offset(), added_by=request.user)
        except ReminderError as error:
            form.add_error("amount", error.message)
        else:
            messages.success(request, _("Reminder added: %(when)s.") % {"when": rule.label})
            return redirect("events:manage_reminders", pk=event.pk)
    return _reminders_page(request, event, form, status=400)


@login_required
@require_POST
def manage_reminder_remove(request: HttpRequest, pk: int, rule_pk: int) -> HttpResponse:
    event = access.event_for_manager(request.user, pk)
    rule = get_object_or_404(ReminderRule, pk=rule_pk, event=event)
    reminder_rule_remove(rule=rule, removed_by=request.user)
    messages.success(request, _("Reminder removed: %(when)s.") % {"when": rule.label})
    return redirect("events:manage_reminders", pk=event.pk)
