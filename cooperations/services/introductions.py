"""Introductions brokered by a partner: propose, answer (each side), withdraw.

Each side answers on its own. The introduction is accepted when both accept, declined as
soon as one declines. An answer is recorded on the locked row, so two sides answering at
the same moment are both kept and the outcome is decided once (the second sees the first).
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cooperations.models import Introduction, Listing
from cooperations.services.interests import people_to_tell
from members.models import Organisation, User
from network_portal.outbox import mail_about, mail_from_template

Status, Answer = Introduction.Status, Introduction.Answer


class IntroductionError(Exception):
    """A step the introduction's state does not allow; ``message`` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@transaction.atomic
def introduction_create(
    *,
    broker: User,
    broker_organisation: Organisation,
    first_organisation: Organisation,
    second_organisation: Organisation,
    message: str,
    listing: Listing | None = None,
) -> Introduction:
    """Introduce two organisations to each other; both sides' admins are asked by mail."""
    message = message.strip()
    _check_new(broker_organisation, first_organisation, second_organisation, listing, message)
    try:
        with transaction.atomic():
            introduction = Introduction.objects.create(
                broker=broker,
                broker_organisation=broker_organisation,
                first_organisation=first_organisation,
                second_organisation=second_organisation,
                listing=listing,
                message=message,
            )
    except IntegrityError as error:  # the same pair, proposed at the same moment
        raise IntroductionError(_already_pending()) from error
    for side in (first_organisation, second_organisation):
        for recipient in people_to_tell(side.pk):
            _mail(introduction, kind="introduction-request", user=recipient, side=side)
    return introduction


def _already_pending() -> str:
    return _("These two organisations have an introduction waiting for answers already.")


def _check_new(broker_organisation, first, second, listing, message) -> None:
    if first.pk == second.pk:
        raise IntroductionError(_("Please choose two different organisations."))
    if broker_organisation.pk in (first.pk, second.pk):
        raise IntroductionError(
            _("Introduce two other organisations; for your own, express interest directly.")
        )
    if listing is not None and listing.organisation_id not in (first.pk, second.pk):
        raise IntroductionError(_("The listing must belong to one of the two organisations."))
    if not message:
        raise IntroductionError(_("Please write why the two should meet."))
    pair = Q(first_organisation=first, second_organisation=second) | Q(
        first_organisation=second, second_organisation=first
    )
    if Introduction.objects.filter(pair, status=Status.PENDING).exists():
        raise IntroductionError(_already_pending())


@transaction.atomic
def introduction_answer(
    *,
    introduction: Introduction,
    organisation: Organisation,
    user: User,
    accept: bool,
    now: datetime.datetime | None = None,
) -> Introduction:
    """Record ``organisation``'s answer; decide the outcome when it is known."""
    introduction = _locked(introduction)
    side = _side(introduction, organisation)
    if introduction.status != Status.PENDING:
        raise IntroductionError(_("This introduction has been decided or withdrawn already."))
    if getattr(introduction, f"{side}_answer") != Answer.PENDING:
        raise IntroductionError(_("Your organisation has answered already."))
    setattr(introduction, f"{side}_answer", Answer.ACCEPTED if accept else Answer.DECLINED)
    setattr(introduction, f"{side}_answered_at", now or timezone.now())
    setattr(introduction, f"{side}_answered_by", user)
    introduction.status = _outcome(introduction)
    introduction.save(
        update_fields=[
            f"{side}_answer",
            f"{side}_answered_at",
            f"{side}_answered_by",
            "status",
            "updated_at",
        ]
    )
    _tell_outcome(introduction)
    return introduction


def _side(introduction: Introduction, organisation: Organisation) -> str:
    if organisation.pk == introduction.first_organisation_id:
        return "first"
    if organisation.pk == introduction.second_organisation_id:
        return "second"
    raise IntroductionError(_("Your organisation is not part of this introduction."))


def _outcome(introduction: Introduction) -> str:
    answers = {introduction.first_answer, introduction.second_answer}
    if Answer.DECLINED in answers:
        return Status.DECLINED
    if answers == {Answer.ACCEPTED}:
        return Status.ACCEPTED
    return Status.PENDING


def _tell_outcome(introduction: Introduction) -> None:
    """Both accepted: both sides and the broker. Declined: the broker."""
    if introduction.status == Status.PENDING:
        return
    kind = f"introduction-{introduction.status}"
    if introduction.status == Status.ACCEPTED:
        for side in (introduction.first_organisation, introduction.second_organisation):
            for recipient in people_to_tell(side.pk):
                _mail(introduction, kind=kind, user=recipient, side=side)
    broker = introduction.broker
    if broker is not None and broker.is_active:
        _mail(introduction, kind=kind, user=broker, side=None)


@transaction.atomic
def introduction_withdraw(*, introduction: Introduction) -> Introduction:
    """The broker takes back an introduction still waiting for answers; the sides are told."""
    introduction = _locked(introduction)
    if introduction.status != Status.PENDING:
        raise IntroductionError(_("Only an introduction waiting for answers can be withdrawn."))
    introduction.status = Status.WITHDRAWN
    introduction.save(update_fields=["status", "updated_at"])
    for side in (introduction.first_organisation, introduction.second_organisation):
        for recipient in people_to_tell(side.pk):
            _mail(introduction, kind="introduction-withdrawn", user=recipient, side=side)
    return introduction


def _locked(introduction: Introduction) -> Introduction:
    return (
        Introduction.objects.select_for_update(of=("self",))
        .select_related(
            "broker", "broker_organisation", "first_organisation", "second_organisation", "listing"
        )
        .get(pk=introduction.pk)
    )


TEMPLATES = {
    "introduction-request": "introduction_request",
    "introduction-accepted": "introduction_outcome",
    "introduction-declined": "introduction_outcome",
    "introduction-withdrawn": "introduction_withdrawn",
}


def _mail(introduction: Introduction, *, kind: str, user: User, side: Organisation | None) -> None:
    """One mail; ``side`` is the recipient's organisation (``None`` for the broker)."""
    other = None
    if side is not None:
        first = introduction.first_organisation
        other = introduction.second_organisation if side.pk == first.pk else first
    mail_from_template(
        key=f"{kind}:{introduction.pk}:{user.email.lower()}",
        kind=kind,
        recipient=user.email,
        language=user.language or "de",
        template=TEMPLATES[kind],
        context={
            "user": user,
            "introduction": introduction,
            "side": side,
            "other": other,
            "introduction_path": reverse(
                "cooperations:introduction", kwargs={"pk": introduction.pk}
            ),
        },
        about=mail_about(introduction),
    )
