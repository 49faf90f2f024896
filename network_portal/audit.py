"""The audit log's one write: record a security-relevant action next to the action itself."""

from django.db import models

from network_portal.models import AuditEntry


def audit_record(
    *, actor, action: str, target: models.Model, details: dict | None = None
) -> AuditEntry:
    """Record that ``actor`` did ``action`` (e.g. "organisation.edit") to ``target``.

    Call it inside the transaction of the action, so both land or neither. ``details``
    holds ids and field names, never the personal data itself.
    """
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        object_type=target._meta.label_lower,
        object_id=str(target.pk),
        object_repr=str(target)[:200],
        details=details or {},
    )
