"""Portal middleware: language choice and the two-factor requirement for staff."""

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from members import roles


class PortalLocaleMiddleware(LocaleMiddleware):
    """German unless the visitor chose English; the browser's language is not consulted.

    Public agencies expect a German portal even when a browser is set to English;
    the language switcher on every page sets the cookie.
    """

    def process_request(self, request: HttpRequest) -> None:
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


# Account pages (sign-out, TOTP set-up, reauthentication), language choice and the legal
# pages linked from every page's footer stay reachable before two-factor is set up.
MFA_EXEMPT_PREFIXES = ("/accounts/", "/static/", "/healthz", "/livez", "/i18n/", "/seite/")


class RequireTwoFactorMiddleware:
    """Network managers and platform admins must set up TOTP before using the portal.

    Controlled by ``PORTAL_REQUIRE_MFA_FOR_STAFF`` (on when DEBUG is off).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._must_set_up_mfa(request):
            messages.warning(
                request,
                _("Please set up two-factor authentication: your role requires it."),
            )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

    def _must_set_up_mfa(self, request: HttpRequest) -> bool:
        if not settings.PORTAL_REQUIRE_MFA_FOR_STAFF or not request.user.is_authenticated:
            return False
        if request.path.startswith(MFA_EXEMPT_PREFIXES):
            return False
        return roles.needs_two_factor(request.user) and not roles.has_two_factor(request.user)
