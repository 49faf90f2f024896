"""Thin Celery tasks of the portal shell: load by id, call the service."""

import logging
from dataclasses import asdict

from celery import shared_task

from network_portal import outbox
from network_portal.privacy import retention

logger = logging.getLogger(__name__)


@shared_task(bind=True, name="network_portal.deliver_mail", max_retries=outbox.MAX_ATTEMPTS - 1)
def deliver_mail(self, *, mail_id: int) -> None:
    """Deliver one mail; on a temporary failure retry when the outbox says (backoff, jitter)."""
    try:
        delivered = outbox.mail_deliver(mail_id=mail_id)
    except outbox.TryLater as later:
        raise self.retry(countdown=later.delay, exc=later) from later
    if not delivered:
        logger.info("Mail %s was not queued (sent, failed or taken by another worker).", mail_id)


@shared_task(name="network_portal.outbox_sweep")
def outbox_sweep() -> int:
    return outbox.outbox_sweep()


@shared_task(name="network_portal.privacy_retention")
def privacy_retention() -> dict[str, int]:
    """Daily: delete access needs of past events, anonymise attendees after the period."""
    report = retention.retention_run()
    logger.info(
        "Retention: %s access needs deleted, %s registrations of %s events anonymised.",
        report.access_needs_deleted,
        report.registrations_anonymised,
        report.events_anonymised,
    )
    return asdict(report)
