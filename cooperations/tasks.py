"""Thin Celery tasks of the cooperations app: call the service, nothing else."""

import logging

from celery import shared_task

from cooperations.services import digests, expiry

logger = logging.getLogger(__name__)


@shared_task(name="cooperations.listing_expiry")
def listing_expiry() -> int:
    """Daily: expire listings past their date, then remind those due within two weeks."""
    expired = expiry.listings_expire()
    reminded = expiry.expiry_reminders_send()
    logger.info("Expired %s listing(s); recorded %s expiry reminder(s).", expired, reminded)
    return reminded


@shared_task(name="cooperations.weekly_digest")
def weekly_digest() -> int:
    """Weekly: the digest of new fitting listings to everyone who opted in (once per week)."""
    recorded = digests.digests_send()
    logger.info("Recorded %s weekly digest(s).", recorded)
    return recorded
