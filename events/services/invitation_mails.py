"""The invitation mail: rendered per recipient in their language, with the personal link,
the unsubscribe link and headers, and the event's ``.ics`` (METHOD:PUBLISH: an
announcement to put in one's calendar, not a meeting request; REQUEST is for the
confirmation after registering)."""

from collections.abc import Sequence

import icalendar
from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from events import ics
from events.models import Event, Invitation
from network_portal import preferences
from network_portal.outbox import Attachment, RenderedMail, mail_about, mail_render

KIND = "event-invitation"
TEMPLATE = "event_invitation"
LINK_SALT = "events.invitation"


def mail_key(*, event_id: int, email: str) -> str:
    """The outbox key: one invitation mail per event and address, ever."""
    return f"invitation:{event_id}:{email.lower()}"


def invitation_token(invitation: Invitation) -> str:
    """An opaque, signed token naming the invitation (no personal data in it)."""
    return signing.dumps(invitation.pk, salt=LINK_SALT)


def invitation_url(invitation: Invitation) -> str:
    path = reverse("events:invitation", kwargs={"token": invitation_token(invitation)})
    return settings.SITE_URL.rstrip("/") + path


def invitation_calendar(event: Event, *, language: str) -> Attachment:
    """The event's calendar file, announced (METHOD:PUBLISH), without the online link."""
    with translation.override(language):
        calendar = icalendar.Calendar.from_ical(ics.event_calendar(event, online_link=False))
    calendar.add("method", "PUBLISH")
    return Attachment(
        name=f"veranstaltung-{event.pk}.ics",
        content=calendar.to_ical().decode(),
        type="text/calendar; method=PUBLISH; charset=utf-8",
    )


def invitation_mails(
    *, event: Event, invitations: Sequence[Invitation], message: str
) -> list[RenderedMail]:
    """The rendered mails of ``invitations``; the unsubscribe links cost two queries."""
    unsubscribes = preferences.unsubscribes_for(
        kind=KIND, emails=[invitation.email for invitation in invitations]
    )
    calendars: dict[str, Attachment] = {}
    organisers = ", ".join(network.name for network in event.organising_networks.all())
    mails = []
    for invitation in invitations:
        language = invitation.language
        if language not in calendars:
            calendars[language] = invitation_calendar(event, language=language)
        mails.append(
            mail_render(
                key=mail_key(event_id=event.pk, email=invitation.email),
                kind=KIND,
                recipient=invitation.email,
                language=language,
                template=TEMPLATE,
                context={
                    "event": event,
                    "invitation": invitation,
                    "name": invitation.name,
                    "message": message,
                    "organisers": organisers,
                    "invitation_url": invitation_url(invitation),
                },
                about=mail_about(event),
                attachments=[calendars[language]],
                unsubscribe=unsubscribes.get(invitation.email),
            )
        )
    return mails
