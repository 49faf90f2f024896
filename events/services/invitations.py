"""Invitations to events: prepare a batch, send it off, record it in chunks (Celery), and
register through the personal link.

A batch is prepared as a draft (the manager sees the recipients), then sent off: a Celery
task records the invitations chunk by chunk, each chunk in one transaction: the
``Invitation`` rows (unique per event and address) and their outbox mails (unique key
``invitation:<event>:<address>``), both inserted in bulk. Nobody is invited twice to the
same event, whatever batches overlap. Each run records one chunk and queues the next run
after its commit (before the chunk's mails, so recording does not wait for delivery), so a
worker that dies loses at most the chunk it was writing (rolled back, done again by the
redelivered task).
"""

import logging
from collections.abc import Sequence

from django.core import signing
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import Event, Invitation, InvitationBatch, Registration, Session
from events.selectors.audience import Recipient, recipients_for
from events.selectors.invitations import invited_person_for
from events.services.invitation_mails import LINK_SALT, invitation_mails
from events.services.registrations import RegistrationError, registration_create
from members.models import Network, Person, User
from members.services.people import person_link_user
from network_portal.audit import audit_record
from network_portal.outbox import mails_enqueue
from network_portal.tasks_queue import queue_after_commit

logger = logging.getLogger(__name__)

CHUNK = 250
Status = InvitationBatch.Status


class InvitationError(Exception):
    """What the rules do not allow; ``message`` is for the user."""

    def __init__(self, message) -> None:
        super().__init__(message)
        self.message = message


def check_event_invitable(event: Event) -> None:
    """Invitations only for published events that have not started."""
    if event.status != Event.Status.PUBLISHED:
        raise InvitationError(_("Invitations can be sent once the event is published."))
    if event.starts_at <= timezone.now():
        raise InvitationError(_("This event has started already; invitations are closed."))


# --- Batches ------------------------------------------------------------------------------


@transaction.atomic
def invitation_batch_prepare(
    *,
    event: Event,
    created_by: User,
    source: str,
    audience: dict,
    addresses: list[list[str]] | None = None,
    file_name: str = "",
    message: str = "",
) -> InvitationBatch:
    """A draft batch: nothing is sent until ``invitation_batch_send``."""
    check_event_invitable(event)
    batch = InvitationBatch.objects.create(
        event=event,
        created_by=created_by,
        source=source,
        audience=audience,
        addresses=addresses or [],
        file_name=file_name[:255],
        message=message,
    )
    batch.total = len(recipients_for(batch).recipients)
    batch.save(update_fields=["total"])
    return batch


@transaction.atomic
def invitation_batch_send(*, batch: InvitationBatch, sent_by: User) -> InvitationBatch:
    """Send a draft off: the invitations are recorded by a task after commit."""
    batch = InvitationBatch.objects.select_for_update().select_related("event").get(pk=batch.pk)
    if batch.status != Status.DRAFT:
        raise InvitationError(_("These invitations have been sent off already."))
    check_event_invitable(batch.event)
    batch.status = Status.RECORDING
    batch.confirmed_at = timezone.now()
    batch.total = len(recipients_for(batch).recipients)
    batch.save(update_fields=["status", "confirmed_at", "total"])
    audit_record(
        actor=sent_by,
        action="event.invite",
        target=batch.event,
        details={"batch": batch.pk, "source": batch.source, "recipients": batch.total},
    )
    _queue_recording(batch)
    return batch


@transaction.atomic
def invitation_batch_discard(*, batch: InvitationBatch) -> None:
    """Drop a draft; its address list goes with it."""
    batch = InvitationBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status != Status.DRAFT:
        raise InvitationError(_("These invitations have been sent off already."))
    batch.status = Status.DISCARDED
    batch.addresses = []
    batch.save(update_fields=["status", "addresses"])


def _queue_recording(batch: InvitationBatch) -> None:
    from events.tasks import record_invitations  # noqa: PLC0415 - tasks import services

    queue_after_commit(record_invitations, batch_id=batch.pk)


# --- Recording (the Celery task) ----------------------------------------------------------


@transaction.atomic
def invitation_batch_record(*, batch_id: int) -> int:
    """Record the next chunk of the batch's invitations; returns how many were recorded.

    Queues the next run after commit while recipients are left, ahead of the chunk's
    deliveries (one task per ``outbox_delivery.BATCH`` mails); marks the batch done when
    none are. A batch not being recorded (done, discarded, unknown) is left alone.
    """
    batch = (
        InvitationBatch.objects.select_for_update(of=("self",))
        .select_related("event", "created_by")
        .filter(pk=batch_id, status=Status.RECORDING)
        .first()
    )
    if batch is None:
        logger.info("Invitation batch %s is not being recorded.", batch_id)
        return 0
    try:
        check_event_invitable(batch.event)
    except InvitationError:
        logger.info("Invitation batch %s stopped: its event is closed.", batch_id)
        remaining = []
    else:
        remaining = recipients_for(batch).recipients
    chunk = remaining[:CHUNK]
    left = len(remaining) - len(chunk)
    if left:
        _queue_recording(batch)  # first: the next chunk does not wait behind these mails
    recorded = _record(batch, chunk) if chunk else 0
    batch.recorded = batch.invitations.count()
    batch.total = batch.recorded + left
    if not left:
        batch.status = Status.DONE
        batch.finished_at = timezone.now()
    batch.save(update_fields=["recorded", "total", "status", "finished_at"])
    return recorded


def _record(batch: InvitationBatch, chunk: list[Recipient]) -> int:
    """Insert the chunk's invitations and mails in bulk and link them; a few queries."""
    Invitation.objects.bulk_create(
        [_invitation(batch, recipient) for recipient in chunk], ignore_conflicts=True
    )
    invitations = list(
        Invitation.objects.filter(
            batch=batch, email__in=[r.email for r in chunk], mail__isnull=True
        ).order_by("email")
    )
    event = Event.objects.prefetch_related(
        Prefetch("organising_networks", queryset=Network.objects.order_by("name"))
    ).get(pk=batch.event_id)
    mails = invitation_mails(event=event, invitations=invitations, message=batch.message)
    mail_ids = mails_enqueue(mails)
    for invitation, mail in zip(invitations, mails, strict=True):
        invitation.mail_id = mail_ids.get(mail.key)
    Invitation.objects.bulk_update(invitations, ["mail"])
    return len(invitations)


def _invitation(batch: InvitationBatch, recipient: Recipient) -> Invitation:
    return Invitation(
        event_id=batch.event_id,
        batch=batch,
        email=recipient.email,
        name=recipient.name[:300],
        person_id=recipient.person_id,
        organisation_id=recipient.organisation_id,
        invited_by=batch.created_by,
        language=recipient.language,
    )


# --- The personal link --------------------------------------------------------------------


def invitation_for_token(token: str) -> Invitation:
    """The invitation a link stands for; ``InvitationError`` for a forged or cut-off link."""
    try:
        invitation_id = signing.loads(token, salt=LINK_SALT)
    except signing.BadSignature:
        invitation_id = None
    invitation = (
        Invitation.objects.select_related("event", "person", "registration")
        .filter(pk=invitation_id if isinstance(invitation_id, int) else None)
        .first()
    )
    if invitation is None:
        raise InvitationError(
            _("This invitation link is not valid. Please copy it completely from the e-mail.")
        )
    return invitation


def invitation_mark_registered(*, invitation: Invitation, registration: Registration) -> None:
    """Note that ``registration`` came from ``invitation`` (its source says so too)."""
    if registration.source != Registration.Source.INVITATION:
        Registration.objects.filter(pk=registration.pk).update(
            source=Registration.Source.INVITATION
        )
        registration.source = Registration.Source.INVITATION
    invitation.registration = registration
    invitation.registered_at = timezone.now()
    invitation.save(update_fields=["registration", "registered_at"])


# Where the invitation link keeps its token, so a registration made next is linked to it.
SESSION_KEY = "event_invitation"


def registration_create_noting_invitation(*, token: str | None, **arguments) -> Registration:
    """``registration_create`` on the event page. Someone who followed their invitation link
    before (``token``, kept in the session under ``SESSION_KEY``) and registers there: the
    registration counts as coming from the invitation (once, for that event only), noted in
    the same transaction."""
    invitation = _invitation_to_note(token, event_id=arguments["event"].pk)
    if invitation is None:
        return registration_create(**arguments)
    with transaction.atomic():
        unused = Invitation.objects.select_for_update().filter(
            pk=invitation.pk, registration__isnull=True
        )
        invitation = unused.first()
        registration = registration_create(**arguments)
        if invitation is not None:
            invitation_mark_registered(invitation=invitation, registration=registration)
    return registration


def _invitation_to_note(token: str | None, *, event_id: int) -> Invitation | None:
    if not token:
        return None
    try:
        invitation = invitation_for_token(token)
    except InvitationError:
        return None
    if invitation.event_id != event_id or invitation.registration_id:
        return None
    return invitation


@transaction.atomic
def invitation_register(
    *,
    invitation: Invitation,
    person: Person,
    registered_by: User,
    workshops: Sequence[Session] = (),
    access_needs: str = "",
    consent: bool = True,
) -> Registration:
    """Register ``person`` through the invitation, by the rules of every registration.

    ``person`` is one of the user's own persons, or the invited person without an account
    whose address the user has verified: that person gets the user's account (its role
    at the organisation stays as it is).
    """
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("event", "person")
        .get(pk=invitation.pk)
    )
    if person.user_id is None:
        if invited_person_for(registered_by, invitation) != person:
            raise InvitationError(_("You can register only yourself through this invitation."))
        person = person_link_user(
            organisation=person.organisation, user=registered_by, role=person.role
        )
    elif person.user_id != registered_by.pk:
        raise InvitationError(_("You can register only yourself through this invitation."))
    try:
        registration = registration_create(
            event=invitation.event,
            person=person,
            registered_by=registered_by,
            workshops=workshops,
            access_needs=access_needs,
            consent=consent,
            source=Registration.Source.INVITATION,
        )
    except RegistrationError as error:
        raise InvitationError(error.message) from error
    invitation_mark_registered(invitation=invitation, registration=registration)
    return registration
