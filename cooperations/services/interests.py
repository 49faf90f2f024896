"""Expressions of interest in a listing: send, accept or decline, withdraw.

Views check who may act (``cooperations.consent``); these functions check the state: only a
published, current listing receives interest, an organisation holds one open interest per
listing, and an interest is answered or withdrawn once. Each write tells the other side by
mail (outbox, recipient's language) inside its transaction.
"""

import datetime

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cooperations.consent import contact_card
from cooperations.models import Interest, Listing
from cooperations.models.interests import OPEN_INTEREST
from members.models import Organisation, Person, User
from network_portal.outbox import mail_about, mail_from_template

MESSAGE_MAX_LENGTH = 4000


class InterestError(Exception):
    """A step the interest's or listing's state does not allow; ``message`` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- Who is told --------------------------------------------------------------------------


def people_to_tell(organisation_id: int, *, also: int | None = None) -> list[User]:
    """The organisation's admins, and the user ``also`` if they still act for it.

    Active people with an active account only; sorted by e-mail address, each once.
    """
    people = Person.objects.filter(
        organisation_id=organisation_id, is_active=True, user__is_active=True
    ).select_related("user")
    users = {p.user for p in people if p.is_admin or (also is not None and p.user_id == also)}
    return sorted(users, key=lambda user: user.email.lower())


def _mail(*, kind: str, template: str, pk: int, user: User, context: dict, about: str) -> None:
    mail_from_template(
        key=f"{kind}:{pk}:{user.email.lower()}",
        kind=kind,
        recipient=user.email,
        language=user.language or "de",
        template=template,
        context={"user": user, **context},
        about=about,
    )


def _interest_context(interest: Interest) -> dict:
    return {
        "interest": interest,
        "listing": interest.listing,
        "interest_path": reverse("cooperations:interest", kwargs={"pk": interest.pk}),
        "listing_path": interest.listing.get_absolute_url(),
    }


# --- Send -----------------------------------------------------------------------------


@transaction.atomic
def interest_create(
    *,
    listing: Listing,
    organisation: Organisation,
    user: User,
    message: str,
    now: datetime.datetime | None = None,
) -> Interest:
    """Record ``organisation``'s interest in ``listing`` and tell the listing's people.

    The listing row is locked, so the listing cannot close between the check and the save.
    """
    now = now or timezone.now()
    listing = Listing.objects.select_for_update().select_related("organisation").get(pk=listing.pk)
    _check_may_receive(listing, organisation, timezone.localdate(now))
    message = message.strip()
    if not message:
        raise InterestError(_("Please write a short message to the organisation."))
    if _has_open_interest(listing, organisation):
        raise InterestError(_("Your organisation has already expressed interest in this listing."))
    try:
        with transaction.atomic():
            interest = Interest.objects.create(
                listing=listing, organisation=organisation, user=user, message=message
            )
    except IntegrityError as error:  # a second request of the same organisation was first
        raise InterestError(
            _("Your organisation has already expressed interest in this listing.")
        ) from error
    for recipient in people_to_tell(listing.organisation_id, also=listing.created_by_id):
        _mail(
            kind="interest-received",
            template="interest_received",
            pk=interest.pk,
            user=recipient,
            context=_interest_context(interest),
            about=mail_about(listing),
        )
    return interest


def _check_may_receive(listing: Listing, organisation: Organisation, today) -> None:
    if listing.organisation_id == organisation.pk:
        raise InterestError(_("This is a listing of your own organisation."))
    if listing.status == Listing.Status.CLOSED:
        raise InterestError(_("This listing has been closed and no longer receives interest."))
    if listing.status == Listing.Status.EXPIRED or (
        listing.status == Listing.Status.PUBLISHED and listing.valid_until < today
    ):
        raise InterestError(_("This listing has expired and no longer receives interest."))
    if listing.status != Listing.Status.PUBLISHED:
        raise InterestError(_("This listing is not published and cannot receive interest yet."))


def _has_open_interest(listing: Listing, organisation: Organisation) -> bool:
    return Interest.objects.filter(
        listing=listing, organisation=organisation, status__in=OPEN_INTEREST
    ).exists()


# --- Answer and withdraw ------------------------------------------------------------------


@transaction.atomic
def interest_answer(
    *,
    interest: Interest,
    user: User,
    accept: bool,
    reply: str = "",
    now: datetime.datetime | None = None,
) -> Interest:
    """Accept or decline a pending interest; tell the sender and their organisation's admins.

    On acceptance both sides see each other's contact details from now on.
    """
    interest = _locked(interest)
    if interest.status != Interest.Status.PENDING:
        raise InterestError(_("This interest has been answered or withdrawn already."))
    interest.status = Interest.Status.ACCEPTED if accept else Interest.Status.DECLINED
    interest.reply = reply.strip()
    interest.decided_at = now or timezone.now()
    interest.decided_by = user
    interest.save(update_fields=["status", "reply", "decided_at", "decided_by", "updated_at"])
    context = _interest_context(interest)
    if accept:
        context["contact"] = contact_card(interest.listing.organisation, user)
    for recipient in people_to_tell(interest.organisation_id, also=interest.user_id):
        _mail(
            kind=f"interest-{interest.status}",
            template="interest_answered",
            pk=interest.pk,
            user=recipient,
            context=context,
            about=mail_about(interest.listing),
        )
    return interest


@transaction.atomic
def interest_withdraw(*, interest: Interest, now: datetime.datetime | None = None) -> Interest:
    """Withdraw a pending interest; the listing's people are told."""
    interest = _locked(interest)
    if interest.status != Interest.Status.PENDING:
        raise InterestError(_("Only an interest without an answer can be withdrawn."))
    interest.status = Interest.Status.WITHDRAWN
    interest.withdrawn_at = now or timezone.now()
    interest.save(update_fields=["status", "withdrawn_at", "updated_at"])
    listing = interest.listing
    for recipient in people_to_tell(listing.organisation_id, also=listing.created_by_id):
        _mail(
            kind="interest-withdrawn",
            template="interest_withdrawn",
            pk=interest.pk,
            user=recipient,
            context=_interest_context(interest),
            about=mail_about(listing),
        )
    return interest


def _locked(interest: Interest) -> Interest:
    return (
        Interest.objects.select_for_update(of=("self",))
        .select_related("listing__organisation", "organisation", "user")
        .get(pk=interest.pk)
    )
