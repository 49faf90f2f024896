"""The mails to registrants: confirmation, waiting list, promotion, cancellation, changes.

Each mail is an outbox row recorded inside the transaction of the change, so a rolled
back change sends nothing. The services call these functions at one place each:

- ``registration_create``: confirmed or on the waiting list;
- ``promote_waitlisted`` (a cancellation or more seats) and a manager's move-up: promoted;
- ``registration_cancel``: cancelled (by the person, their organisation or a manager);
- ``event_update``: the time, place or online link of a published event changed.

Mails go to the person's address (else their account's), in their account's language
("de" without an account); a person without any address gets none. The outbox key names
kind + registration (+ the event's SEQUENCE for changes), so a retry never doubles a mail.

Calendar files (RFC 5546): people with a seat get METHOD:REQUEST (with the online link),
cancellations METHOD:CANCEL. The waiting list gets no calendar entry: it would claim a
seat the person does not have; they get one with their promotion.
"""

import dataclasses
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import translation

from events import ics
from events.cancel_links import cancel_link_usable, cancel_url
from events.models import Event, Registration
from members.models import Person
from network_portal.models import OutgoingMail
from network_portal.outbox import (
    Attachment,
    RenderedMail,
    mail_about,
    mail_enqueue,
    mail_render,
    mails_enqueue,
)

CONFIRMED = "registration-confirmed"
WAITLISTED = "registration-waitlisted"
PROMOTED = "registration-promoted"
CANCELLED = "registration-cancelled"
CHANGED = "event-changed"
CALENDAR_METHOD = {
    CONFIRMED: ics.METHOD_REQUEST,
    PROMOTED: ics.METHOD_REQUEST,
    CANCELLED: ics.METHOD_CANCEL,
}
# Changes attendees must hear about (the title alone raises SEQUENCE but is no notice).
NOTICE_FIELDS = ("starts_at", "ends_at", "venue", "address", "online_url")


@dataclass(frozen=True)
class Recipient:
    email: str
    name: str
    language: str


def recipient_of(person: Person) -> Recipient | None:
    """Where and in which language a person gets mail; ``None`` without any address."""
    user = person.user
    email = person.email or (user.email if user else "")
    if not email:
        return None
    return Recipient(email=email, name=person.full_name, language=(user and user.language) or "de")


def calendar_attachment(
    event: Event, *, method: str, recipient: Recipient, online_link: bool
) -> Attachment:
    """The event's ``.ics`` as an iTIP message for ``recipient`` (texts in their language)."""
    with translation.override(recipient.language):
        content = ics.event_message(
            event,
            method=method,
            attendee_email=recipient.email,
            attendee_name=recipient.name,
            online_link=online_link,
        )
    name = "absage.ics" if method == ics.METHOD_CANCEL else "einladung.ics"
    return Attachment(
        name=name,
        content=content.decode("utf-8"),
        type=f"text/calendar; method={method}",
    )


def event_place(event: Event) -> str:
    return ", ".join(part for part in (event.venue, event.address) if part)


def registration_context(registration: Registration, **extra) -> dict:
    """What every registration mail shows: the event's facts, the online link for people
    with a seat, the cancel link while it works, and who registered them if not they."""
    event = registration.event
    confirmed = registration.status == Registration.Status.CONFIRMED
    context = {
        "event": event,
        "place": event_place(event),
        "registration": registration,
        "person": registration.person,
        "online_url": event.online_url if confirmed and event.is_online else "",
    }
    if "cancel_url" not in extra:
        usable = cancel_link_usable(registration)
        context["cancel_url"] = cancel_url(registration) if usable else ""
    if "registered_by" not in extra:
        context["registered_by"] = _registered_by_someone_else(registration)
    return {**context, **extra}


def _registered_by_someone_else(registration: Registration):
    """The user who registered the person (a colleague, a manager), not they themselves."""
    if registration.registered_by_id in (None, registration.person.user_id):
        return None
    return registration.registered_by


def mail_registration(registration: Registration, *, kind: str, **context) -> OutgoingMail | None:
    """Record the mail of ``kind`` about ``registration`` (its status as it is now)."""
    mail = _registration_mail(registration, kind=kind, key=f"{kind}:{registration.pk}", **context)
    return None if mail is None else mail_enqueue(**mail.fields())


def _registration_mail(
    registration: Registration, *, kind: str, key: str, **context
) -> RenderedMail | None:
    recipient = recipient_of(registration.person)
    if recipient is None:
        return None
    event = registration.event
    method = CALENDAR_METHOD.get(kind)
    attachments = []
    if method:
        attachments.append(
            calendar_attachment(event, method=method, recipient=recipient, online_link=True)
        )
    return mail_render(
        key=key,
        kind=kind,
        recipient=recipient.email,
        language=recipient.language,
        template=kind.replace("-", "_"),
        context=registration_context(registration, **context),
        about=mail_about(event),
        attachments=attachments,
    )


def mail_registration_created(registration: Registration) -> OutgoingMail | None:
    kind = CONFIRMED if registration.is_confirmed else WAITLISTED
    return mail_registration(registration, kind=kind)


# --- Rendered before the registration exists ---------------------------------------------
#
# A registration is inserted while its event's row is locked, so that capacity holds; the
# lock serialises every registration of the event. Its mail is rendered before (the
# templates and the calendar file take milliseconds), for the status the registration is
# expected to get; under the lock only the registration's id goes in (the outbox key and
# the cancel link, which names it) and the mail is recorded.

# Stands in for the cancel link while the registration has no id yet; letters and digits
# only, so HTML escaping leaves it as it is.
_CANCEL_LINK_STAND_IN = "cancellinkstandin" + secrets.token_hex(16)
_NOT_LOADED = object()


def _event_state(event: Event) -> tuple:
    """Every stored field of ``event`` as loaded, to tell whether a mail is still right."""
    return tuple(event.__dict__.get(f.attname, _NOT_LOADED) for f in Event._meta.concrete_fields)


@dataclass(frozen=True)
class PendingMail:
    """The confirmation or waiting-list mail of a registration about to be inserted."""

    kind: str
    mail: RenderedMail | None  # None: the person has no address, there is nothing to send
    event_state: tuple

    def fits(self, registration: Registration) -> bool:
        """Rendered for this status and for the event as it is (locked) now."""
        return self.kind == _created_kind(registration) and self.event_state == _event_state(
            registration.event
        )

    def complete(self, registration: Registration) -> RenderedMail | None:
        """The mail with the id of the (now saved) registration: its key and cancel link."""
        if self.mail is None:
            return None
        link = cancel_url(registration)

        def fill(text: str) -> str:
            return text.replace(_CANCEL_LINK_STAND_IN, link)

        return dataclasses.replace(
            self.mail,
            key=f"{self.kind}:{registration.pk}",
            subject=fill(self.mail.subject),
            body_text=fill(self.mail.body_text),
            body_html=fill(self.mail.body_html),
        )


def _created_kind(registration: Registration) -> str:
    return CONFIRMED if registration.is_confirmed else WAITLISTED


def registration_mail_prepare(registration: Registration) -> PendingMail:
    """Render the mail ``mail_registration_created`` would record for ``registration``,
    which is not saved yet (it has no id): its status, event, person and registered_by
    set as they will be saved."""
    kind = _created_kind(registration)
    link = _CANCEL_LINK_STAND_IN if cancel_link_usable(registration) else ""
    mail = _registration_mail(registration, kind=kind, key=kind, cancel_url=link)
    return PendingMail(kind=kind, mail=mail, event_state=_event_state(registration.event))


def mail_registration_created_prepared(
    registration: Registration, prepared: PendingMail | None
) -> OutgoingMail | None:
    """Record the mail of the registration just saved: the ``prepared`` one if it fits its
    status and event (else it is rendered now, as ``mail_registration_created`` does)."""
    if prepared is None or not prepared.fits(registration):
        return mail_registration_created(registration)
    mail = prepared.complete(registration)
    return None if mail is None else mail_enqueue(**mail.fields())


def mail_promoted(registrations: Iterable[Registration]) -> None:
    """Tell people just moved from the waiting list to a seat (their status: confirmed)."""
    for registration in registrations:
        mail_registration(registration, kind=PROMOTED)


def mail_cancelled(registration: Registration, *, by_manager: bool) -> OutgoingMail | None:
    return mail_registration(registration, kind=CANCELLED, by_organisers=by_manager)


# --- Changes of the event ------------------------------------------------------------------


@dataclass(frozen=True)
class EventChange:
    """What a notice tells: the values before the change, and which fields changed."""

    before: dict
    changed: frozenset[str]

    @property
    def time_changed(self) -> bool:
        return bool(self.changed & {"starts_at", "ends_at"})

    @property
    def place_changed(self) -> bool:
        return bool(self.changed & {"venue", "address"})

    @property
    def link_changed(self) -> bool:
        return "online_url" in self.changed

    @property
    def only_link_changed(self) -> bool:
        return self.changed & set(NOTICE_FIELDS) == {"online_url"}

    @property
    def old_place(self) -> str:
        return ", ".join(part for part in (self.before["venue"], self.before["address"]) if part)


def change_worth_a_notice(*, was_published: bool, event: Event, changed: set[str]) -> bool:
    return (
        was_published
        and event.status == Event.Status.PUBLISHED
        and bool(changed & set(NOTICE_FIELDS))
    )


def mail_event_changed(
    event: Event, *, change: EventChange, skip: Iterable[int] = ()
) -> dict[str, int]:
    """A notice to everybody open (confirmed and waiting) that the event changed.

    People with a seat get the updated calendar entry (METHOD:REQUEST, the raised
    SEQUENCE). ``skip``: registrations just promoted, whose promotion mail has the news.
    """
    skipped = set(skip)
    # The waiting list does not see the online link, so a new link alone is no news to it.
    statuses = [Registration.Status.CONFIRMED]
    if not change.only_link_changed:
        statuses.append(Registration.Status.WAITLISTED)
    registrations = (
        event.registrations.filter(status__in=statuses)
        .exclude(pk__in=skipped)
        .select_related("person__user", "registered_by")
        .order_by("created_at", "id")
    )
    mails = [
        mail
        for registration in registrations
        if (mail := _change_notice(event, registration, change=change)) is not None
    ]
    return mails_enqueue(mails) if mails else {}


def _change_notice(
    event: Event, registration: Registration, *, change: EventChange
) -> RenderedMail | None:
    recipient = recipient_of(registration.person)
    if recipient is None:
        return None
    registration.event = event
    attachments = ()
    if registration.is_confirmed:
        attachments = (
            calendar_attachment(
                event, method=ics.METHOD_REQUEST, recipient=recipient, online_link=True
            ),
        )
    return mail_render(
        key=f"{CHANGED}:{event.pk}:{event.sequence}:{registration.pk}",
        kind=CHANGED,
        recipient=recipient.email,
        language=recipient.language,
        template="event_changed",
        context=registration_context(registration, change=change),
        about=mail_about(event),
        attachments=attachments,
    )
