"""E-mail settings: the signed-in user's page, and the unsubscribe link of every optional mail.

The unsubscribe link needs no sign-in. A GET only shows the button, so a mail scanner that
follows links unsubscribes nobody; a POST unsubscribes: the page's button, or the mail
program's one-click button (RFC 8058, ``List-Unsubscribe=One-Click``), which sends no
cookies and no CSRF token; hence ``csrf_exempt``. The signed token is the authority.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from network_portal import preferences
from network_portal.forms import MailPreferencesForm
from network_portal.models import MailPreference

UNSUBSCRIBE_TEMPLATE = "portal/mail_unsubscribe.html"


@login_required
@require_http_methods(["GET", "POST"])
def mail_preferences(request: HttpRequest) -> HttpResponse:
    preference = preferences.preference_for(request.user.email)
    form = MailPreferencesForm(request.POST or None, preference=preference)
    if request.method == "POST":
        if form.is_valid():
            preferences.preferences_update(email=request.user.email, choices=form.choices())
            messages.success(request, _("Your e-mail settings have been saved."))
            return redirect("mail_preferences")
        return render(request, "portal/mail_preferences.html", {"form": form}, status=400)
    return render(request, "portal/mail_preferences.html", {"form": form})


def masked(email: str) -> str:
    """ "a***@example.org": enough to recognise one's address, not to learn someone's."""
    local, _at, domain = email.partition("@")
    return f"{local[:1]}***@{domain}"


@csrf_exempt
@require_http_methods(["GET", "POST"])
def mail_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        link = preferences.unsubscribe_link_read(token)
    except preferences.UnsubscribeError as error:
        return render(request, UNSUBSCRIBE_TEMPLATE, {"error": error.message}, status=400)
    done = ""
    if request.method == "POST":
        wanted = request.POST.get("action") == "subscribe"
        via = (
            MailPreference.Change.ONE_CLICK
            if request.POST.get("List-Unsubscribe") == "One-Click"
            else MailPreference.Change.LINK
        )
        preference = preferences.preference_set(
            email=link.preference.email, category=link.category, wanted=wanted, via=via
        )
        link = preferences.UnsubscribeLink(preference=preference, category=link.category)
        done = "subscribed" if wanted else "unsubscribed"
    context = {"link": link, "done": done, "address": masked(link.preference.email)}
    return render(request, UNSUBSCRIBE_TEMPLATE, context)
