"""The one-click cancel link in registration mails: a signed token, no login needed.

The token names only the registration (signed with the secret key and a salt of its
own, so no other token of the portal fits here). It is good until the event's
cancellation deadline *as it stands when the link is used*: a manager who moves the
deadline moves the links with it. Whoever holds the mail may cancel, as with a paper
invitation; the link only ever leads to a confirmation page, and only its POST cancels.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import Registration

_SALT = "events.registration-cancel-link"


class CancelLinkError(Exception):
    """A link that is not ours (forged, cut off, or its registration is gone)."""

    def __init__(self, message) -> None:
        super().__init__(message)
        self.message = message


def cancel_token(registration: Registration) -> str:
    return signing.dumps(registration.pk, salt=_SALT)


def cancel_url(registration: Registration) -> str:
    """The absolute cancel link of ``registration``, for mails."""
    path = reverse("events:cancel_link", kwargs={"token": cancel_token(registration)})
    return settings.SITE_URL.rstrip("/") + path


def cancel_link_usable(registration: Registration) -> bool:
    """Whether a mail should offer the link: the registration is open and the deadline
    has not passed."""
    return (
        registration.status != Registration.Status.CANCELLED
        and timezone.now() < registration.event.cancellation_closes
    )


def registration_for_token(token: str) -> Registration:
    """The registration the link names; ``CancelLinkError`` for anything not ours."""
    try:
        registration_id = signing.loads(token, salt=_SALT)
        return Registration.objects.select_related("event", "person__user").get(
            pk=int(registration_id)
        )
    except (signing.BadSignature, TypeError, ValueError, Registration.DoesNotExist):
        raise CancelLinkError(
            _("This link is not valid. Please copy it completely from the e-mail.")
        ) from None
