"""The weekly digest: new listings that fit an organisation, to the people who opted in.

Opting in and out is per person and organisation (``DigestSubscription``), on "My
cooperations"; every digest carries a signed link that unsubscribes without signing in.
``digests_send`` runs once a week (Celery beat); the outbox key names the ISO week, so a
second run in the same week records nothing. A week without new fitting listings sends
nothing. Services take ``now`` so tests control the clock.
"""

import datetime
from dataclasses import dataclass

from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from cooperations.models import DigestSubscription
from cooperations.services.matching import organisation_matches
from members.models import Organisation, Person, User
from network_portal import preferences
from network_portal.models import ConsentPurpose, OutgoingMail
from network_portal.outbox import mail_about, mail_from_template
from network_portal.privacy.consent import consent_give, consent_withdraw

DIGEST_KIND = "cooperation-digest"  # optional mail: ``network_portal.preferences``
WEEK = datetime.timedelta(days=7)
LISTINGS_SHOWN = 20
_SALT = "cooperations.digest-unsubscribe"


class DigestError(Exception):
    """An unsubscribe link that is not ours; ``message`` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- Opt in, opt out ----------------------------------------------------------------------


@transaction.atomic
def digest_subscribe(*, user: User, organisation: Organisation) -> DigestSubscription:
    """Opt in (again); an existing subscription stays as it is."""
    subscription, _created = DigestSubscription.objects.get_or_create(
        user=user, organisation=organisation
    )
    consent_give(purpose=ConsentPurpose.COOPERATION_DIGEST, user=user, about=organisation)
    return subscription


@transaction.atomic
def digest_unsubscribe(*, user: User, organisation: Organisation) -> bool:
    """Opt out; ``False`` when there was nothing to end."""
    deleted, _rows = DigestSubscription.objects.filter(
        user=user, organisation=organisation
    ).delete()
    consent_withdraw(purpose=ConsentPurpose.COOPERATION_DIGEST, user=user, about=organisation)
    return bool(deleted)


@dataclass(frozen=True)
class UnsubscribeLink:
    """A checked unsubscribe link: whose digest for which organisation, still subscribed?"""

    user: User
    organisation: Organisation
    subscribed: bool


def unsubscribe_token(subscription: DigestSubscription) -> str:
    payload = {"u": subscription.user_id, "o": subscription.organisation_id}
    return signing.dumps(payload, salt=_SALT, compress=True)


def unsubscribe_link_read(token: str) -> UnsubscribeLink:
    try:
        payload = signing.loads(token, salt=_SALT)
        user = User.objects.get(pk=payload["u"])
        organisation = Organisation.objects.get(pk=payload["o"])
    except (
        signing.BadSignature,
        KeyError,
        TypeError,
        User.DoesNotExist,
        Organisation.DoesNotExist,
    ):
        raise DigestError(
            _("This link is not valid. Please copy it completely from the e-mail.")
        ) from None
    subscribed = DigestSubscription.objects.filter(user=user, organisation=organisation).exists()
    return UnsubscribeLink(user=user, organisation=organisation, subscribed=subscribed)


# --- The weekly run ---------------------------------------------------------------------


def week_label(now: datetime.datetime) -> str:
    """The ISO week of ``now`` in Berlin, e.g. "2026-W11"."""
    year, week, _day = timezone.localtime(now).isocalendar()
    return f"{year}-W{week:02d}"


def digests_send(*, now: datetime.datetime | None = None) -> int:
    """Record this week's digest for every subscriber with something new; return how many."""
    now = now or timezone.now()
    subscriptions = DigestSubscription.objects.filter(user__is_active=True).order_by("pk")
    return sum(
        digest_send(subscription_id=pk, now=now)
        for pk in subscriptions.values_list("pk", flat=True)
    )


@transaction.atomic
def digest_send(*, subscription_id: int, now: datetime.datetime) -> int:
    """One subscriber's digest of this week: 1 if recorded, 0 if nothing (new) to send."""
    subscription = (
        DigestSubscription.objects.select_for_update(of=("self",))
        .select_related("user", "organisation__region")
        .filter(pk=subscription_id)
        .first()
    )
    if subscription is None or not _still_acts_for(subscription):
        return 0
    user = subscription.user
    key = f"digest:{week_label(now)}:{subscription.organisation_id}:{user.email.lower()}"
    if OutgoingMail.objects.filter(key=key).exists():
        return 0
    if not preferences.wants(email=user.email, kind=DIGEST_KIND):  # switched off all digests
        return 0
    since = max(now - WEEK, subscription.last_sent_at or now - WEEK)
    language = user.language or "de"
    with translation.override(language):
        matches = organisation_matches(
            organisation=subscription.organisation, viewer=user, since=since, now=now
        )
    if not matches:
        return 0
    mail = mail_from_template(
        key=key,
        kind=DIGEST_KIND,
        recipient=user.email,
        language=language,
        template="digest_weekly",
        context=_digest_context(subscription, matches, since),
        about=mail_about(subscription.organisation),
    )
    if mail is None:
        return 0
    subscription.last_sent_at = now
    subscription.save(update_fields=["last_sent_at"])
    return 1


def _still_acts_for(subscription: DigestSubscription) -> bool:
    return Person.objects.filter(
        organisation_id=subscription.organisation_id, user_id=subscription.user_id, is_active=True
    ).exists()


def _digest_context(subscription: DigestSubscription, matches: list, since) -> dict:
    token = unsubscribe_token(subscription)
    return {
        "user": subscription.user,
        "organisation": subscription.organisation,
        "matches": matches[:LISTINGS_SHOWN],
        "more": max(len(matches) - LISTINGS_SHOWN, 0),
        "count": len(matches),
        "since": since,
        "unsubscribe_path": reverse("cooperations:digest_unsubscribe", kwargs={"token": token}),
        "mine_path": reverse("cooperations:mine"),
        "marketplace_path": reverse("cooperations:marketplace"),
    }
