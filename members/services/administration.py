"""The managers' member administration: end a membership, record an export."""

from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import Membership, User
from network_portal.audit import audit_record


class MembershipError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def membership_end(*, membership: Membership, by: User, reason: str = "") -> Membership:
    """End an active membership today; the reason is kept with the membership."""
    with transaction.atomic():
        locked = Membership.objects.select_for_update().get(pk=membership.pk)
        if locked.status != Membership.Status.ACTIVE:
            raise MembershipError(_("This membership is not active (any more)."))
        locked.status = Membership.Status.ENDED
        locked.ended_on = timezone.localdate()
        locked.decision_reason = reason
        locked.save(update_fields=["status", "ended_on", "decision_reason"])
        audit_record(
            actor=by,
            action="membership.end",
            target=locked,
            details={
                "organisation": locked.organisation_id,
                "network": locked.network_id,
                "reason_given": bool(reason),
            },
        )
    return locked


def member_list_exported(
    *, by: User, about: Model, file_format: str, rows: int, filters: dict[str, str]
) -> None:
    """Record that ``by`` downloaded the member list: it holds contacts' personal data."""
    with transaction.atomic():
        audit_record(
            actor=by,
            action="members.export",
            target=about,
            details={"format": file_format, "rows": rows, "filters": filters},
        )
