"""Thin Celery tasks of the events app: load by id, call the service."""

import logging

from celery import shared_task

from events.services.invitations import invitation_batch_record
from events.services.reminders import reminders_queue_due

logger = logging.getLogger(__name__)


@shared_task(name="events.record_invitations")
def record_invitations(*, batch_id: int) -> int:
    """Record the next chunk of an invitation batch; the service queues the next run."""
    recorded = invitation_batch_record(batch_id=batch_id)
    logger.info("Invitation batch %s: %s invitation(s) recorded.", batch_id, recorded)
    return recorded


@shared_task(name="events.queue_due_reminders")
def queue_due_reminders() -> int:
    """Celery beat, every five minutes: record the reminders that are due now."""
    recorded = reminders_queue_due()
    if recorded:
        logger.info("%s reminder(s) recorded.", recorded)
    return recorded
