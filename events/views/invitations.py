"""The manager's invitation pages of one event: choose the audience, check the recipients,
send off, follow the progress, and see who was invited and who registered from it.

Every event comes through ``access.event_for_manager`` (404 when not visible, 403 when not
managed); batches only through their event.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from events import access
from events.forms.invitations import InvitationFilterForm, InviteForm
from events.models import Event, InvitationBatch
from events.selectors import audience
from events.selectors import invitations as selectors
from events.services import invitations as services

INVITATIONS_PER_PAGE = 100
SAMPLE_SIZE = 10
BATCH_TEMPLATE = "events/manage/invite_batch.html"
PROGRESS_TEMPLATE = "events/manage/_invite_progress.html"


def _invite_form(request: HttpRequest, event: Event) -> InviteForm:
    networks = audience.networks_for_invitations(request.user, event)
    return InviteForm(
        request.POST or None,
        request.FILES or None,
        networks=networks,
        organisations=audience.organisations_for_invitations(networks),
    )


def _closed_reason(event: Event) -> str:
    try:
        services.check_event_invitable(event)
    except services.InvitationError as error:
        return str(error.message)
    return ""


@login_required
@require_http_methods(["GET", "POST"])
def manage_invite(request: HttpRequest, pk: int) -> HttpResponse:
    """Choose the audience; a valid choice becomes a draft batch to check and send off."""
    event = access.event_for_manager(request.user, pk)
    closed = _closed_reason(event)
    form = _invite_form(request, event)
    if request.method == "POST" and not closed and form.is_valid():
        address_list = form.address_list
        batch = services.invitation_batch_prepare(
            event=event,
            created_by=request.user,
            source=form.cleaned_data["source"],
            audience=form.audience(),
            addresses=address_list.as_pairs() if address_list else None,
            file_name=getattr(form.cleaned_data.get("address_file"), "name", ""),
            message=form.cleaned_data["message"],
        )
        return redirect("events:manage_invite_batch", pk=event.pk, batch=batch.pk)
    context = {"event": event, "form": form, "closed": closed}
    status = 400 if request.method == "POST" else 200
    return render(request, "events/manage/invite.html", context, status=status)


def _batch(event: Event, batch_pk: int) -> InvitationBatch:
    return get_object_or_404(
        InvitationBatch.objects.select_related("created_by"), pk=batch_pk, event=event
    )


@login_required
@require_GET
def manage_invite_batch(request: HttpRequest, pk: int, batch: int) -> HttpResponse:
    """A draft: the recipients to check. Sent off: the progress (htmx polls the status)."""
    event = access.event_for_manager(request.user, pk)
    batch = _batch(event, batch)
    context = {"event": event, "batch": batch, "counts": selectors.batch_counts(batch)}
    if batch.status == InvitationBatch.Status.DRAFT:
        found = audience.recipients_for(batch)
        context.update(found=found, sample=audience.recipient_sample(found.recipients, SAMPLE_SIZE))
        context["audience"] = selectors.audience_description(batch)
    partial = request.htmx and not request.htmx.history_restore_request
    template = (
        "events/manage/_invite_progress.html" if partial else "events/manage/invite_batch.html"
    )
    response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request",))
    return response


@login_required
@require_POST
def manage_invite_send(request: HttpRequest, pk: int, batch: int) -> HttpResponse:
    event = access.event_for_manager(request.user, pk)
    batch = _batch(event, batch)
    try:
        batch = services.invitation_batch_send(batch=batch, sent_by=request.user)
    except services.InvitationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            ngettext(
                "%(count)s invitation is on its way.",
                "%(count)s invitations are on their way.",
                batch.total,
            )
            % {"count": batch.total},
        )
    return redirect("events:manage_invite_batch", pk=event.pk, batch=batch.pk)


@login_required
@require_POST
def manage_invite_discard(request: HttpRequest, pk: int, batch: int) -> HttpResponse:
    event = access.event_for_manager(request.user, pk)
    batch = _batch(event, batch)
    try:
        services.invitation_batch_discard(batch=batch)
    except services.InvitationError as error:
        messages.error(request, error.message)
        return redirect("events:manage_invite_batch", pk=event.pk, batch=batch.pk)
    messages.success(request, _("The draft was discarded; nobody was invited."))
    return redirect("events:manage_invite", pk=event.pk)


@login_required
@require_GET
def manage_invitations(request: HttpRequest, pk: int) -> HttpResponse:
    """Who was invited, whether the mail went out, and who registered from it."""
    event = access.event_for_manager(request.user, pk)
    batches = selectors.batches_of(event)
    form = InvitationFilterForm(request.GET, batches=batches)
    invitations = selectors.invitations_for_manager(event, **form.selector_arguments())
    page = Paginator(invitations, INVITATIONS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "event": event,
        "counts": selectors.invitation_counts(event),
        "batches": batches,
        "form": form,
        "page": page,
        "invitations": page.object_list,
        "filtered": any(request.GET.get(name) for name in ("q", *form.FILTERS)),
    }
    return render(request, "events/manage/invitations.html", context)
