"""Thin Celery tasks of the portal shell: load by id, call the service."""

import logging
import smtplib

from celery import shared_task

from network_portal import outbox

logger = logging.getLogger(__name__)


@shared_task(
    name="network_portal.deliver_mail",
    autoretry_for=(smtplib.SMTPException, OSError),
    retry_backoff=30,
    retry_backoff_max=30 * 60,  # below the broker's visibility timeout (settings)
    retry_jitter=True,
    max_retries=outbox.MAX_ATTEMPTS - 1,
)
def deliver_mail(*, mail_id: int) -> None:
    if not outbox.mail_deliver(mail_id=mail_id):
        logger.info("Mail %s was not queued (sent, failed or taken by another worker).", mail_id)


@shared_task(name="network_portal.outbox_sweep")
def outbox_sweep() -> int:
    return outbox.outbox_sweep()
