"""The e-mail backend that turns every Django mail into an outbox row.

Django and allauth call ``send_mail``; this backend records each message per
recipient and, when a delivery server is configured (``EMAIL_URL``), queues its
delivery after commit. Without one (``make run``) the mail is kept in the outbox.
"""

import uuid

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.utils.translation import get_language

from network_portal import outbox


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages: list[EmailMessage]) -> int:
        count = 0
        for message in email_messages:
            recipients = message.recipients()
            for recipient in recipients:
                outbox.mail_enqueue(
                    key=_key(message, recipient, several=len(recipients) > 1),
                    kind=message.extra_headers.get("X-Portal-Kind", "account"),
                    recipient=recipient,
                    language=get_language() or "de",
                    from_email=message.from_email,
                    subject=message.subject,
                    body_text=message.body,
                    body_html=_html_part(message),
                )
                count += 1
        return count


def _key(message: EmailMessage, recipient: str, *, several: bool) -> str:
    """The ``X-Portal-Key`` header, per recipient when one message goes to several."""
    key = message.extra_headers.get("X-Portal-Key")
    if not key:
        return f"mail:{uuid.uuid4()}"
    return f"{key}:{recipient}" if several else key


def _html_part(message: EmailMessage) -> str:
    if not isinstance(message, EmailMultiAlternatives):
        return ""
    for content, mimetype in message.alternatives:
        if mimetype == "text/html":
            return str(content)
    return ""
