"""Applications to join a network: apply, approve, decline, and the mails they send.

Decisions lock the membership row, so two managers deciding at once cannot both succeed:
the second one finds the application decided and is told so.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models import Membership, Network, Organisation, Person, User
from network_portal.audit import audit_record
from network_portal.outbox import mail_about, mail_from_template

APPLICATION_ROLES = (Membership.Role.MEMBER, Membership.Role.PARTNER)
OPEN_STATUSES = (Membership.Status.APPLIED, Membership.Status.ACTIVE)


@dataclass(frozen=True)
class Decision:
    """A decided application and how many of the organisation's admins were mailed."""

    membership: Membership
    admins_told: int


class ApplicationError(Exception):
    """An application or decision the rules do not allow; ``message`` tells the user why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def membership_apply(
    *,
    organisation: Organisation,
    network: Network,
    role: str = Membership.Role.MEMBER,
    message: str = "",
) -> Membership:
    """The organisation applies to ``network``; its managers are told by mail."""
    with transaction.atomic():
        _check_may_apply(organisation=organisation, network=network, role=role)
        try:
            with transaction.atomic():
                membership = Membership.objects.create(
                    organisation=organisation,
                    network=network,
                    role=role,
                    status=Membership.Status.APPLIED,
                    message=message.strip(),
                )
        except IntegrityError as error:  # a second application arrived at the same time
            raise ApplicationError(_already_open_message(organisation, network)) from error
        _mail_managers(membership)
    return membership


def membership_approve(*, membership: Membership, decided_by: User) -> Decision:
    """Approve an application: the organisation is an active member from today."""
    with transaction.atomic():
        membership = _locked_application(membership)
        membership.status = Membership.Status.ACTIVE
        membership.started_on = timezone.localdate()
        _decide(membership, decided_by=decided_by, reason="")
        audit_record(
            actor=decided_by,
            action="membership.approve",
            target=membership,
            details=_audit_details(membership),
        )
        told = _mail_applicant(membership, template="application_approved")
    return Decision(membership=membership, admins_told=told)


def membership_decline(*, membership: Membership, decided_by: User, reason: str) -> Decision:
    """Decline an application with a reason, which the applicant's admins receive."""
    reason = reason.strip()
    if not reason:
        raise ApplicationError(_("Please give a reason for declining."))
    with transaction.atomic():
        membership = _locked_application(membership)
        membership.status = Membership.Status.DECLINED
        _decide(membership, decided_by=decided_by, reason=reason)
        audit_record(
            actor=decided_by,
            action="membership.decline",
            target=membership,
            details=_audit_details(membership),
        )
        told = _mail_applicant(membership, template="application_declined")
    return Decision(membership=membership, admins_told=told)


# --- Rules ------------------------------------------------------------------------------


def _check_may_apply(*, organisation: Organisation, network: Network, role: str) -> None:
    if not network.is_open:
        raise ApplicationError(_("This network is not open to new participants."))
    if role not in APPLICATION_ROLES:
        raise ApplicationError(_("Please choose whether to apply as member or as partner."))
    if role == Membership.Role.PARTNER and not organisation.is_partner_organisation:
        raise ApplicationError(
            _(
                "Only partner organisations such as chambers, agencies or universities "
                "apply as partner."
            )
        )
    if Membership.objects.filter(
        organisation=organisation, network=network, status__in=OPEN_STATUSES
    ).exists():
        raise ApplicationError(_already_open_message(organisation, network))


def _already_open_message(organisation: Organisation, network: Network) -> str:
    open_membership = Membership.objects.filter(
        organisation=organisation, network=network, status__in=OPEN_STATUSES
    ).first()
    if open_membership and open_membership.status == Membership.Status.ACTIVE:
        return _("%(organisation)s is already part of %(network)s.") % {
            "organisation": organisation.name,
            "network": network.name,
        }
    return _("%(organisation)s has already applied to %(network)s; the managers will decide.") % {
        "organisation": organisation.name,
        "network": network.name,
    }


def _locked_application(membership: Membership) -> Membership:
    """The membership row, locked until the transaction ends; still an open application."""
    locked = (
        Membership.objects.select_for_update(of=("self",))
        .select_related("organisation", "network")
        .get(pk=membership.pk)
    )
    if locked.status != Membership.Status.APPLIED:
        raise ApplicationError(_("This application has already been decided."))
    return locked


def _decide(membership: Membership, *, decided_by: User, reason: str) -> None:
    membership.decided_at = timezone.now()
    membership.decided_by = decided_by
    membership.decision_reason = reason
    membership.save(
        update_fields=["status", "started_on", "decided_at", "decided_by", "decision_reason"]
    )


def _audit_details(membership: Membership) -> dict:
    return {
        "organisation": membership.organisation_id,
        "network": membership.network_id,
        "role": membership.role,
    }


# --- Mails ------------------------------------------------------------------------------


def _mail_managers(membership: Membership) -> None:
    """The network's managers; platform admins when it has none, as they decide then."""
    managers = User.objects.filter(manager_roles__network=membership.network, is_active=True)
    if not managers.exists():
        managers = User.objects.filter(is_superuser=True, is_active=True)
    _mail_users(managers.order_by("pk"), membership=membership, template="application_received")


def _mail_applicant(membership: Membership, *, template: str) -> int:
    """The applicant organisation's admins (with a sign-in) hear of the decision; how many."""
    admins = (
        User.objects.filter(
            people__organisation=membership.organisation,
            people__role=Person.Role.ADMIN,
            people__is_active=True,
            is_active=True,
        )
        .distinct()
        .order_by("pk")
    )
    return _mail_users(admins, membership=membership, template=template)


def _mail_users(users: Iterable[User], *, membership: Membership, template: str) -> int:
    context = {
        "membership": membership,
        "organisation": membership.organisation,
        "network": membership.network,
    }
    told = 0
    for user in users:
        told += 1
        mail_from_template(
            key=f"{template}:{membership.pk}:{user.email}",
            kind=template,
            recipient=user.email,
            language=user.language or "de",
            template=template,
            context={**context, "recipient": user},
            about=mail_about(membership),
        )
    return told
