"""Thin Celery tasks of the members app: call the service, nothing else."""

import logging

from celery import shared_task

from members.services import organisations

logger = logging.getLogger(__name__)


@shared_task(name="members.remind_profile_confirmations")
def remind_profile_confirmations() -> int:
    """Daily: mail the admins of profiles unconfirmed for 12 months (once per year)."""
    recorded = organisations.confirmation_reminders_send()
    logger.info("Recorded %s reminder(s) to confirm a profile.", recorded)
    return recorded
