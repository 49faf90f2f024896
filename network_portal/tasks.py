"""Thin Celery tasks of the portal shell: load by id, call the service."""

import logging
from dataclasses import asdict

from celery import shared_task

from network_portal import outbox, outbox_delivery
from network_portal.privacy import retention

logger = logging.getLogger(__name__)


@shared_task(name="network_portal.deliver_mails")
def deliver_mails(*, mail_ids: list[int]) -> None:
    """Deliver a batch over one SMTP connection; the outbox queues retries (backoff, jitter)."""
    delivery = outbox_delivery.mails_deliver(mail_ids=mail_ids)
    logger.info("Mail delivery of %s mail(s): %s.", len(mail_ids), delivery)


@shared_task(name="network_portal.deliver_waiting")
def deliver_waiting() -> None:
    """Deliver the mails recorded on their own and waiting now, over one SMTP connection."""
    delivery = outbox_delivery.waiting_deliver()
    logger.info("Mail delivery of waiting mail: %s.", delivery)


@shared_task(name="network_portal.deliver_mail")
def deliver_mail(*, mail_id: int) -> None:
    """One mail, as tasks queued before deliveries went in batches (and their retries) ask."""
    deliver_mails(mail_ids=[mail_id])


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
