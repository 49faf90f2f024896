"""The managers' writes about the marketplace: recording a download in the audit log."""

from django.db import models, transaction

from members.models import User
from network_portal.audit import audit_record


def marketplace_exported(*, by: User, about: models.Model, what: str, rows: int) -> None:
    """Record that ``by`` downloaded listings or interests: they name contact persons."""
    with transaction.atomic():
        audit_record(
            actor=by,
            action="cooperations.export",
            target=about,
            details={"what": what, "format": "csv", "rows": rows},
        )
