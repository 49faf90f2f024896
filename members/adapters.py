"""allauth adapter: accounts carry the language chosen when signing up.

It also remembers when the user signed in, so that setting up two-factor authentication
straight after signing in does not ask for the password a second time (see
``is_reauthentication_required``).
"""

import time
from typing import Any

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

SIGNED_IN_AT_SESSION_KEY = "portal_signed_in_at"


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.language = (get_language() or "de")[:2]
        if commit:
            user.save()
        return user

    def post_login(self, request: HttpRequest, user, **kwargs: Any) -> HttpResponse:
        """Runs once every login stage (e-mail verification, TOTP) has passed."""
        request.session[SIGNED_IN_AT_SESSION_KEY] = time.time()
        return super().post_login(request, user, **kwargs)

    def is_reauthentication_required(self, *, app: str, **kwargs: Any) -> bool:
        """Two-factor settings need no second password within minutes of signing in.

        Network managers and platform admins are sent from the login straight to the TOTP
        set-up (``RequireTwoFactorMiddleware``); a full sign-in a moment ago proves as much
        as allauth's reauthentication would. Older sessions must reauthenticate as usual.
        """
        if app == "allauth.mfa" and self._signed_in_recently():
            return False
        return super().is_reauthentication_required(app=app, **kwargs)

    def _signed_in_recently(self) -> bool:
        request = self.request
        if request is None or not request.user.is_authenticated:
            return False
        signed_in_at = request.session.get(SIGNED_IN_AT_SESSION_KEY)
        if not isinstance(signed_in_at, int | float):
            return False
        return time.time() - signed_in_at < account_settings.REAUTHENTICATION_TIMEOUT
