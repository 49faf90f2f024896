"""Mail preferences: which optional mail an address gets, and one-click unsubscribe.

A mail's ``kind`` says whether it is optional (``OPTIONAL_KINDS``): invitations, reminders
and digests can be switched off; everything else is transactional and always goes out.
Every optional mail carries a personal unsubscribe link and the ``List-Unsubscribe`` and
``List-Unsubscribe-Post`` headers (RFC 2369, RFC 8058); ``outbox.mail_render`` adds them.
The choice is honoured when a mail is recorded (callers skip opted-out addresses) and
again when it is delivered (``outbox_delivery.mails_deliver`` suppresses it).

The link carries only a signed id of the address's ``MailPreference`` row and the kind
of mail, nothing personal.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import TextChoices
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from network_portal.models import MailPreference

_SALT = "network_portal.unsubscribe"


class MailCategory(TextChoices):
    """The kinds of optional mail; the values are ``MailPreference`` field names."""

    INVITATIONS = "invitations", _("Invitations to events")
    REMINDERS = "reminders", _("Reminders before events you registered for")
    DIGESTS = "digests", _("Digests of new cooperation offers and requests")


# Outbox ``kind`` -> category. A new kind of optional mail must be listed here.
OPTIONAL_KINDS = {
    "event-invitation": MailCategory.INVITATIONS,
    "event-reminder": MailCategory.REMINDERS,
    "cooperation-digest": MailCategory.DIGESTS,
}


class UnsubscribeError(Exception):
    """A link that is not ours (forged, cut off); ``message`` is for the visitor."""

    def __init__(self, message) -> None:
        super().__init__(message)
        self.message = message


def category_of(kind: str) -> str | None:
    """The category of an optional kind of mail; ``None`` for transactional mail."""
    return OPTIONAL_KINDS.get(kind)


def normalised(email: str) -> str:
    return email.strip().lower()


# --- Reading ------------------------------------------------------------------------------


def preference_for(email: str) -> MailPreference:
    """The address's preferences; an unsaved row with every kind on when it has none."""
    email = normalised(email)
    return MailPreference.objects.filter(email=email).first() or MailPreference(email=email)


def wants(*, email: str, kind: str) -> bool:
    """Whether ``email`` gets mail of ``kind`` (transactional mail: always)."""
    category = category_of(kind)
    if category is None:
        return True
    return preference_for(email).wants(category)


def opted_out(*, emails: Iterable[str], category: str) -> set[str]:
    """The (lower-case) addresses among ``emails`` that switched ``category`` off; one query."""
    wanted = {normalised(email) for email in emails}
    refused = MailPreference.objects.filter(email__in=wanted, **{category: False})
    return set(refused.values_list("email", flat=True))


# --- Links and headers --------------------------------------------------------------------


@dataclass(frozen=True)
class Unsubscribe:
    """The unsubscribe link of one address and category, and the headers that carry it."""

    url: str
    preferences_url: str
    category: str

    @property
    def headers(self) -> dict[str, str]:
        return {
            "List-Unsubscribe": f"<{self.url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }


def _site() -> str:
    return settings.SITE_URL.rstrip("/")


def unsubscribe_token(*, preference_id: int, category: str) -> str:
    return signing.dumps([preference_id, category], salt=_SALT)


def _unsubscribe(preference_id: int, category: str) -> Unsubscribe:
    token = unsubscribe_token(preference_id=preference_id, category=category)
    path = reverse("mail_unsubscribe", kwargs={"token": token})
    return Unsubscribe(
        url=_site() + path,
        preferences_url=_site() + reverse("mail_preferences"),
        category=category,
    )


def unsubscribes_for(*, kind: str, emails: Iterable[str]) -> dict[str, Unsubscribe]:
    """Lower-case address -> its unsubscribe link for ``kind``; empty for transactional kinds.

    Creates the missing preference rows (all kinds on) in one insert; two queries in all,
    however many addresses.
    """
    category = category_of(kind)
    wanted = {normalised(email) for email in emails}
    if category is None or not wanted:
        return {}
    MailPreference.objects.bulk_create(
        [MailPreference(email=email) for email in sorted(wanted)], ignore_conflicts=True
    )
    rows = MailPreference.objects.filter(email__in=wanted).values_list("email", "pk")
    return {email: _unsubscribe(pk, category) for email, pk in rows}


# --- Changing -----------------------------------------------------------------------------


@dataclass(frozen=True)
class UnsubscribeLink:
    """A checked link: whose preferences, which category, and whether it is still on."""

    preference: MailPreference
    category: str

    @property
    def subscribed(self) -> bool:
        return self.preference.wants(self.category)

    @property
    def category_label(self) -> str:
        return MailCategory(self.category).label


def unsubscribe_link_read(token: str) -> UnsubscribeLink:
    """The link's preferences and category; ``UnsubscribeError`` for anything not ours."""
    try:
        preference_id, category = signing.loads(token, salt=_SALT)
        preference = MailPreference.objects.get(pk=preference_id)
        MailCategory(category)
    except (signing.BadSignature, ValueError, TypeError, MailPreference.DoesNotExist):
        raise UnsubscribeError(
            _("This link is not valid. Please copy it completely from the e-mail.")
        ) from None
    return UnsubscribeLink(preference=preference, category=category)


@transaction.atomic
def preference_set(*, email: str, category: str, wanted: bool, via: str) -> MailPreference:
    """Switch one category on or off for ``email``."""
    preference, _created = MailPreference.objects.select_for_update().get_or_create(
        email=normalised(email)
    )
    setattr(preference, MailCategory(category).value, wanted)
    preference.changed_via = via
    preference.save(update_fields=[category, "changed_via", "updated_at"])
    return preference


@transaction.atomic
def preferences_update(*, email: str, choices: dict[str, bool]) -> MailPreference:
    """Set every category from the preferences page (``choices``: category -> wanted)."""
    preference, _created = MailPreference.objects.select_for_update().get_or_create(
        email=normalised(email)
    )
    for category in MailCategory.values:
        setattr(preference, category, bool(choices.get(category, False)))
    preference.changed_via = MailPreference.Change.PAGE
    preference.save()
    return preference
