"""Reads of the invitations pages: who was invited, whether their mail went out, who
registered from the invitation, and the progress of a batch. Fixed numbers of queries."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext

from events.models import Event, Invitation, InvitationBatch
from members.models import Network, Organisation, Person, Region, Sector, User
from network_portal.models import OutgoingMail

MailStatus = OutgoingMail.Status
WAITING = (MailStatus.QUEUED, MailStatus.SENDING)
FAILED = (MailStatus.FAILED, MailStatus.UNCERTAIN)


class State:
    """The filter values of the invitations table."""

    REGISTERED = "registered"
    NOT_REGISTERED = "not_registered"
    MAIL_FAILED = "mail_failed"
    UNSUBSCRIBED = "unsubscribed"


@dataclass(frozen=True)
class InvitationCounts:
    invited: int
    registered: int
    sent: int
    waiting: int
    kept: int
    failed: int
    suppressed: int


def _counts(invitations: QuerySet[Invitation]) -> InvitationCounts:
    figures = invitations.aggregate(
        invited=Count("pk"),
        registered=Count("pk", filter=Q(registration__isnull=False)),
        sent=Count("pk", filter=Q(mail__status=MailStatus.SENT)),
        waiting=Count("pk", filter=Q(mail__status__in=WAITING)),
        kept=Count("pk", filter=Q(mail__status=MailStatus.KEPT)),
        failed=Count("pk", filter=Q(mail__status__in=FAILED)),
        suppressed=Count("pk", filter=Q(mail__status=MailStatus.SUPPRESSED)),
    )
    return InvitationCounts(**figures)


def invitation_counts(event: Event) -> InvitationCounts:
    """Invitations of ``event``, registrations from them, and the state of their mails."""
    return _counts(Invitation.objects.filter(event=event))


def batch_counts(batch: InvitationBatch) -> InvitationCounts:
    return _counts(Invitation.objects.filter(batch=batch))


def invitations_for_manager(
    event: Event, *, query: str = "", state: str = "", batch_id: int | None = None
) -> QuerySet[Invitation]:
    """The event's invitations, newest first, narrowed by the manager's filters."""
    invitations = Invitation.objects.filter(event=event)
    if batch_id:
        invitations = invitations.filter(batch_id=batch_id)
    if state == State.REGISTERED:
        invitations = invitations.filter(registration__isnull=False)
    elif state == State.NOT_REGISTERED:
        invitations = invitations.filter(registration__isnull=True)
    elif state == State.MAIL_FAILED:
        invitations = invitations.filter(mail__status__in=FAILED)
    elif state == State.UNSUBSCRIBED:
        invitations = invitations.filter(mail__status=MailStatus.SUPPRESSED)
    for word in query.split():
        invitations = invitations.filter(
            Q(email__icontains=word)
            | Q(name__icontains=word)
            | Q(organisation__name__icontains=word)
        )
    return invitations.select_related("organisation", "mail", "registration", "batch").order_by(
        "-created_at", "email", "pk"
    )


def batches_of(event: Event) -> QuerySet[InvitationBatch]:
    """The event's batches except discarded ones, newest first, with ``invitation_count``."""
    return (
        InvitationBatch.objects.filter(event=event)
        .exclude(status=InvitationBatch.Status.DISCARDED)
        .select_related("created_by")
        .annotate(invitation_count=Count("invitations"))
        .order_by("-created_at", "-pk")
    )


def _names(model, ids: list[int], *, limit: int = 10) -> str:
    names = [str(row) for row in model.objects.filter(pk__in=ids).order_by("name")[: limit + 1]]
    if len(names) > limit:
        more = len(ids) - limit
        names = [*names[:limit], gettext("and %(count)s more") % {"count": more}]
    return ", ".join(names)


def audience_description(batch: InvitationBatch) -> list[tuple[str, str]]:
    """The batch's choice in words, as (label, value) rows for the page."""
    chosen = batch.audience
    rows = [(gettext("Recipients"), batch.get_source_display())]
    if batch.source == InvitationBatch.Source.NETWORKS:
        rows.append((gettext("Networks"), _names(Network, chosen.get("networks", []))))
        if chosen.get("regions"):
            rows.append((gettext("Regions"), _names(Region, chosen["regions"])))
        if chosen.get("sectors"):
            rows.append((gettext("Sectors"), _names(Sector, chosen["sectors"])))
        if chosen.get("kinds"):
            kinds = [str(Organisation.Kind(kind).label) for kind in chosen["kinds"]]
            rows.append((gettext("Kinds of organisation"), ", ".join(kinds)))
    elif batch.source == InvitationBatch.Source.ORGANISATIONS:
        organisations = chosen.get("organisations", [])
        rows.append((gettext("Organisations"), _names(Organisation, organisations)))
    if batch.source == InvitationBatch.Source.ADDRESSES:
        rows.append((gettext("File"), batch.file_name or "–"))
        rows.append((gettext("Addresses in the file"), str(len(batch.addresses))))
    else:
        people = InvitationBatch.People(chosen.get("people", InvitationBatch.People.ALL))
        rows.append((gettext("Persons"), str(people.label)))
    return rows


def invited_person_for(user: User, invitation: Invitation) -> Person | None:
    """The invited person, when it has no account yet and its address is one the user
    has verified: they may register as that person (the account is linked then)."""
    person = invitation.person
    if person is None or person.user_id is not None or not person.is_active or not person.email:
        return None
    verified = EmailAddress.objects.filter(user=user, email__iexact=person.email, verified=True)
    return person if verified.exists() else None


def invitee_people(user: User, invitation: Invitation) -> QuerySet[Person]:
    """Whom the signed-in user may register through the invitation: their own persons,
    and the invited person if ``invited_person_for`` allows."""
    chosen = Q(user=user)
    invited = invited_person_for(user, invitation)
    if invited is not None:
        chosen |= Q(pk=invited.pk)
    return (
        Person.objects.filter(chosen, is_active=True)
        .select_related("organisation")
        .order_by("organisation__name", "pk")
    )
