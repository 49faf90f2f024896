"""The weekly digest: opt in or out on "My cooperations"; unsubscribe from the mail's link.

The unsubscribe link needs no sign-in: it is signed for one person and organisation. A GET
only shows the button, so a mail scanner following links unsubscribes nobody.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cooperations.access import organisations_that_may_post
from cooperations.forms.interests import DigestForm
from cooperations.services import digests as services

UNSUBSCRIBE_TEMPLATE = "cooperations/digest/unsubscribe.html"


@login_required
@require_POST
def digest_toggle(request: HttpRequest) -> HttpResponse:
    form = DigestForm(request.POST, organisations=organisations_that_may_post(request.user))
    if not form.is_valid():
        messages.error(request, _("Please choose one of your organisations."))
        return redirect("cooperations:mine")
    organisation = form.cleaned_data["organisation"]
    if form.cleaned_data["subscribe"]:
        services.digest_subscribe(user=request.user, organisation=organisation)
        message = _("You will receive the weekly digest for %(organisation)s.")
    else:
        services.digest_unsubscribe(user=request.user, organisation=organisation)
        message = _("You will no longer receive the weekly digest for %(organisation)s.")
    messages.success(request, message % {"organisation": organisation.name})
    return redirect("cooperations:mine")


@require_http_methods(["GET", "POST"])
def digest_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        link = services.unsubscribe_link_read(token)
    except services.DigestError as error:
        return render(request, UNSUBSCRIBE_TEMPLATE, {"error": error.message}, status=404)
    done = False
    if request.method == "POST" and link.subscribed:
        services.digest_unsubscribe(user=link.user, organisation=link.organisation)
        done = True
    return render(request, UNSUBSCRIBE_TEMPLATE, {"link": link, "done": done})
