"""The manager area's event pages: list, create, edit, copy, publish, cancel.

Events come through ``access.event_for_manager`` (404 for drafts of other networks,
403 for other networks' public events); the list and the new-event form need a
network to manage.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from events import access
from events.forms.editor import EventEditor, copy_rows, edit_rows
from events.forms.event import CancelForm, CopyDateForm
from events.models import Event
from events.selectors import manage as selectors
from events.services.changes import event_cancel, event_publish, event_update
from events.services.editing import EventChangeError, event_create
from members import roles

FORM_TEMPLATE = "events/manage/event_form.html"


def _require_manager(request: HttpRequest) -> None:
    user_roles = roles.for_user(request.user)
    if not (user_roles.is_manager or user_roles.is_platform_admin):
        raise PermissionDenied


@login_required
@require_GET
def manage_list(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    all_past = request.GET.get("vergangene") == "alle"
    past = selectors.managed_events(request.user, past=True)
    past = list(past if all_past else past[: selectors.PAST_SHOWN + 1])
    context = {
        "upcoming": selectors.managed_events(request.user, past=False),
        "past": past[: None if all_past else selectors.PAST_SHOWN],
        "more_past": not all_past and len(past) > selectors.PAST_SHOWN,
        "all_past": all_past,
    }
    return render(request, "events/manage/event_list.html", context)


def _editor(request: HttpRequest, event: Event | None = None, **rows) -> EventEditor:
    data = request.POST if request.method == "POST" else None
    return EventEditor(
        data,
        organisers=selectors.networks_for_organising(request.user),
        people=selectors.people_for_event(request.user, event),
        event=event,
        **rows,
    )


def _form_page(request, editor, *, mode: str, event=None, source=None, status=None):
    context = {
        "editor": editor,
        "form": editor.form,
        "mode": mode,
        "event": event,
        "source": source,
    }
    if event is not None:
        context["counts"] = selectors.open_registration_counts(event)
    if status is None:
        status = 400 if editor.has_errors else 200
    return render(request, FORM_TEMPLATE, context, status=status)


def _saved(request: HttpRequest, event: Event, message: str) -> HttpResponse:
    messages.success(request, message)
    if "continue" in request.POST:
        return redirect("events:manage_edit", pk=event.pk)
    return redirect("events:manage_list")


@login_required
@require_http_methods(["GET", "POST"])
def manage_create(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    editor = _editor(request)
    if request.method == "POST" and editor.is_valid():
        event = _create(request, editor)
        if event is not None:
            return _saved(request, event, _("The event has been saved as a draft."))
    return _form_page(request, editor, mode="create")


def _create(request: HttpRequest, editor: EventEditor) -> Event | None:
    try:
        return event_create(
            created_by=request.user,
            relations=editor.relations(),
            agenda=editor.agenda(),
            new_series=editor.new_series,
            **editor.changes(),
        )
    except EventChangeError as error:
        editor.add_problems(error.problems)
        return None


@login_required
@require_http_methods(["GET", "POST"])
def manage_edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = access.event_for_manager(request.user, pk)
    editing = selectors.event_for_form(event)  # the form changes it while validating
    editor = _editor(request, editing, **edit_rows(editing))
    if request.method == "POST" and editor.is_valid():
        try:
            event = event_update(
                event=event,
                relations=editor.relations(),
                agenda=editor.agenda(),
                keep_confirmed=editor.keep_confirmed,
                new_series=editor.new_series,
                changed_by=request.user,
                **editor.changes(),
            )
        except EventChangeError as error:
            editor.add_problems(error.problems)
        else:
            return _saved(request, event, _("The changes have been saved."))
    return _form_page(request, editor, mode="edit", event=event)


@login_required
@require_http_methods(["GET", "POST"])
def manage_copy(request: HttpRequest, pk: int) -> HttpResponse:
    """Step 1 (GET): the copy's new date. Step 2 (GET with the date): the form, prefilled
    and moved to that date. Saving (POST) creates a new draft; nothing is saved before."""
    source = selectors.event_for_form(access.event_for_manager(request.user, pk))
    if request.method == "POST":
        editor = _editor(request)
        if editor.is_valid():
            event = _create(request, editor)
            if event is not None:
                return _saved(request, event, _("The copy has been saved as a draft."))
        return _form_page(request, editor, mode="copy", source=source)
    date_form = CopyDateForm(request.GET if "starts_on" in request.GET else None)
    if not date_form.is_valid():
        status = 400 if date_form.is_bound else 200
        context = {"source": source, "date_form": date_form}
        return render(request, "events/manage/event_copy.html", context, status=status)
    rows = copy_rows(source, starts_at=date_form.new_start(source.starts_at))
    return _form_page(request, _editor(request, **rows), mode="copy", source=source, status=200)


@login_required
@require_POST
def manage_publish(request: HttpRequest, pk: int) -> HttpResponse:
    event = access.event_for_manager(request.user, pk)
    try:
        event_publish(event=event, published_by=request.user)
    except EventChangeError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("“%(title)s” is published.") % {"title": event.title})
    return redirect("events:manage_list")


@login_required
@require_http_methods(["GET", "POST"])
def manage_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    event = access.event_for_manager(request.user, pk)
    form = CancelForm(request.POST or None)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            told = event_cancel(
                event=event, cancelled_by=request.user, message=form.cleaned_data["message"]
            )
        except EventChangeError as exc:
            error = str(exc)
        else:
            messages.success(request, _cancelled_message(event, len(told)))
            return redirect("events:manage_list")
    context = {
        "event": event,
        "form": form,
        "error": error,
        "counts": selectors.open_registration_counts(event),
    }
    status = 400 if error or form.errors else 200
    return render(request, "events/manage/event_cancel.html", context, status=status)


def _cancelled_message(event: Event, told: int) -> str:
    message = ngettext(
        "“%(title)s” is cancelled. %(count)s registered person is told by e-mail.",
        "“%(title)s” is cancelled. %(count)s registered people are told by e-mail.",
        told,
    )
    return message % {"title": event.title, "count": told}
