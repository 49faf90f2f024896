"""Invitations of colleagues by e-mail: a personal, signed link that works once, for 14 days.

The link carries only the invitation's id, signed with the secret key and a timestamp
(``django.core.signing``); the invitation row says whether it is still open.
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models import ColleagueInvitation, Organisation, Person, User
from members.services.people import PeopleError, audit_if_on_behalf, person_link_user
from network_portal.outbox import mail_about, mail_from_template

LINK_SALT = "members.colleague-invitation"
VALID_FOR = timedelta(days=14)


class InvitationError(PeopleError):
    """The link cannot be used; ``reason`` is invalid, expired, accepted or withdrawn."""

    def __init__(self, message, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def invitation_token(invitation: ColleagueInvitation) -> str:
    return signing.dumps({"invitation": invitation.pk}, salt=LINK_SALT)


def invitation_path(invitation: ColleagueInvitation) -> str:
    return reverse("members:invitation", kwargs={"token": invitation_token(invitation)})


def invitation_for_token(token: str) -> ColleagueInvitation:
    """The open invitation the link stands for; ``InvitationError`` says why not."""
    try:
        payload = signing.loads(token, salt=LINK_SALT, max_age=VALID_FOR)
    except signing.SignatureExpired as error:
        raise InvitationError(
            _("This invitation has expired. Please ask for a new one."), reason="expired"
        ) from error
    except signing.BadSignature as error:
        raise _invalid() from error
    invitation = (
        ColleagueInvitation.objects.select_related("organisation", "invited_by")
        .filter(pk=payload.get("invitation") if isinstance(payload, dict) else None)
        .first()
    )
    if invitation is None:
        raise _invalid()
    _check_open(invitation)
    return invitation


def _invalid() -> InvitationError:
    return InvitationError(
        _("This invitation link is not valid. Please check that you copied all of it."),
        reason="invalid",
    )


def _check_open(invitation: ColleagueInvitation) -> None:
    if invitation.status == ColleagueInvitation.Status.ACCEPTED:
        raise InvitationError(
            _("This invitation has been accepted already. Each link works only once."),
            reason="accepted",
        )
    if invitation.status == ColleagueInvitation.Status.WITHDRAWN:
        raise InvitationError(_("This invitation has been withdrawn."), reason="withdrawn")


def invitation_expired(invitation: ColleagueInvitation) -> bool:
    return invitation.created_at < timezone.now() - VALID_FOR


@transaction.atomic
def colleague_invite(
    *,
    organisation: Organisation,
    invited_by: User,
    email: str,
    role: str,
    first_name: str = "",
    last_name: str = "",
) -> ColleagueInvitation:
    """Invite a colleague by e-mail; the mail with the personal link goes out on commit."""
    email = email.strip()
    if organisation.people.filter(
        is_active=True, user__isnull=False, user__email__iexact=email
    ).exists():
        raise PeopleError(_("This person already acts for the organisation."))
    try:
        with transaction.atomic():
            invitation = ColleagueInvitation.objects.create(
                organisation=organisation,
                email=email,
                first_name=first_name,
                last_name=last_name,
                role=role,
                invited_by=invited_by,
            )
    except IntegrityError as error:
        raise PeopleError(
            _("An invitation to this address is open already. Withdraw it to send a new one.")
        ) from error
    audit_if_on_behalf(
        actor=invited_by,
        organisation=organisation,
        action="invitation.create_on_behalf",
        invitation=invitation.pk,
    )
    _send(invitation)
    return invitation


def _send(invitation: ColleagueInvitation) -> None:
    known_user = User.objects.filter(email__iexact=invitation.email).first()
    language = (known_user or invitation.invited_by).language or "de"
    mail_from_template(
        key=f"colleague-invitation:{invitation.pk}:{invitation.email.lower()}",
        kind="colleague-invitation",
        recipient=invitation.email,
        language=language,
        template="colleague_invitation",
        context={
            "invitation": invitation,
            "organisation": invitation.organisation,
            "inviter": invitation.invited_by,
            "invitee_name": f"{invitation.first_name} {invitation.last_name}".strip(),
            "invitation_path": invitation_path(invitation),
            "valid_days": VALID_FOR.days,
        },
        about=mail_about(invitation),
    )


@transaction.atomic
def colleague_invitation_withdraw(*, invitation: ColleagueInvitation, withdrawn_by: User) -> None:
    invitation = ColleagueInvitation.objects.select_for_update().get(pk=invitation.pk)
    _check_open(invitation)
    invitation.status = ColleagueInvitation.Status.WITHDRAWN
    invitation.save(update_fields=["status"])
    audit_if_on_behalf(
        actor=withdrawn_by,
        organisation=invitation.organisation,
        action="invitation.withdraw_on_behalf",
        invitation=invitation.pk,
    )


@transaction.atomic
def colleague_invitation_accept(*, invitation: ColleagueInvitation, user: User) -> Person:
    """``user`` accepts: they act for the organisation in the invited role. Works once."""
    invitation = (
        ColleagueInvitation.objects.select_for_update()
        .select_related("organisation")
        .get(pk=invitation.pk)
    )
    _check_open(invitation)
    if not is_addressed_to(invitation, user):
        raise PeopleError(
            _(
                "This invitation was sent to another e-mail address. Please sign in with "
                "the address the invitation was sent to."
            )
        )
    person = person_link_user(organisation=invitation.organisation, user=user, role=invitation.role)
    invitation.status = ColleagueInvitation.Status.ACCEPTED
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["status", "accepted_at", "accepted_by"])
    return person


def is_addressed_to(invitation: ColleagueInvitation, user: User) -> bool:
    """Whether the invited address is one of the user's verified addresses."""
    return EmailAddress.objects.filter(
        user=user, email__iexact=invitation.email, verified=True
    ).exists()
