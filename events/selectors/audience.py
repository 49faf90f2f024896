"""Who an invitation batch reaches: the choices a manager has, and the recipients.

Recipients are counted by lower-case e-mail address: a person in two chosen networks, or
with two person records, is invited once. Addresses already invited to the event, already
registered, or unsubscribed from invitations are left out and counted apart. A fixed
number of queries, however many recipients.
"""

from dataclasses import dataclass, field

from django.db.models import F, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Lower

from events.models import Event, Invitation, InvitationBatch, Registration
from members import roles
from members.models import Membership, Network, Organisation, Person, User
from network_portal import preferences

Source = InvitationBatch.Source
People = InvitationBatch.People
OPEN = (Registration.Status.CONFIRMED, Registration.Status.WAITLISTED)
DEFAULT_LANGUAGE = "de"


@dataclass(frozen=True)
class Recipient:
    email: str  # lower case
    name: str
    person_id: int | None
    organisation_id: int | None
    language: str


@dataclass
class RecipientList:
    """The addresses to invite now, and how many were left out for which reason."""

    recipients: list[Recipient] = field(default_factory=list)
    already_invited: int = 0
    already_registered: int = 0
    unsubscribed: int = 0

    @property
    def left_out(self) -> int:
        return self.already_invited + self.already_registered + self.unsubscribed


# --- The manager's choices ----------------------------------------------------------------


def networks_for_invitations(user: User, event: Event) -> QuerySet[Network]:
    """Networks whose members the user may invite to ``event``: the networks they manage
    and the event's organising and audience networks (every network for platform admins)."""
    if roles.for_user(user).is_platform_admin:
        return Network.objects.order_by("name")
    ids = set(roles.for_user(user).managed_network_ids)
    ids |= set(event.organising_networks.values_list("pk", flat=True))
    ids |= set(event.audience_networks.values_list("pk", flat=True))
    return Network.objects.filter(pk__in=ids).order_by("name")


def organisations_for_invitations(networks: QuerySet[Network]) -> QuerySet[Organisation]:
    """Active members and partners of ``networks``, by name."""
    members = Membership.objects.filter(network__in=networks, status=Membership.Status.ACTIVE)
    return Organisation.objects.filter(pk__in=members.values("organisation_id")).order_by("name")


# --- Recipients ---------------------------------------------------------------------------


def _organisations(batch: InvitationBatch) -> QuerySet[Organisation]:
    audience = batch.audience
    if batch.source == Source.ORGANISATIONS:
        return Organisation.objects.filter(pk__in=audience.get("organisations", []))
    memberships = Membership.objects.filter(
        network_id__in=audience.get("networks", []), status=Membership.Status.ACTIVE
    )
    organisations = Organisation.objects.filter(pk__in=memberships.values("organisation_id"))
    if audience.get("regions"):
        organisations = organisations.filter(region_id__in=audience["regions"])
    if audience.get("sectors"):
        organisations = organisations.filter(
            pk__in=Organisation.sectors.through.objects.filter(
                sector_id__in=audience["sectors"]
            ).values("organisation_id")
        )
    if audience.get("kinds"):
        organisations = organisations.filter(kind__in=audience["kinds"])
    return organisations


def audience_people(batch: InvitationBatch) -> QuerySet[Person]:
    """The active persons with an e-mail address the batch's networks or organisations hold."""
    people = Person.objects.filter(
        is_active=True, organisation_id__in=_organisations(batch).values("pk")
    ).exclude(email="")
    choice = batch.audience.get("people", People.ALL)
    if choice == People.ADMINS:
        people = people.filter(role=Person.Role.ADMIN)
    elif choice == People.CONTACTS:
        people = people.filter(is_public_contact=True)
    return people


def _account_language():
    """The language of the person's account, else of an account with the same address."""
    same_address = User.objects.annotate(address=Lower("email")).filter(address=OuterRef("address"))
    return Coalesce(
        F("user__language"),
        Subquery(same_address.values("language")[:1]),
        Value(DEFAULT_LANGUAGE),
    )


def _from_people(people: QuerySet[Person]) -> list[Recipient]:
    rows = (
        people.annotate(address=Lower("email"))
        .annotate(account_language=_account_language())
        .order_by("address", "pk")
        .values_list(
            "address", "first_name", "last_name", "pk", "organisation_id", "account_language"
        )
    )
    recipients: dict[str, Recipient] = {}
    for address, first, last, pk, organisation_id, language in rows:
        if address not in recipients:
            name = f"{first} {last}".strip()
            recipients[address] = Recipient(address, name, pk, organisation_id, language)
    return list(recipients.values())


def _from_addresses(batch: InvitationBatch) -> list[Recipient]:
    """The uploaded list; an address of a person in the portal is linked to that person."""
    listed = {email.lower(): name for email, name in batch.addresses}
    people = (
        Person.objects.filter(is_active=True)
        .annotate(address=Lower("email"))
        .filter(address__in=listed)
    )
    known = {recipient.email: recipient for recipient in _from_people(people)}
    languages = dict(
        User.objects.annotate(address=Lower("email"))
        .filter(address__in=listed)
        .values_list("address", "language")
    )
    recipients = []
    for address, name in listed.items():
        person = known.get(address)
        recipients.append(
            Recipient(
                email=address,
                name=name or (person.name if person else ""),
                person_id=person.person_id if person else None,
                organisation_id=person.organisation_id if person else None,
                language=person.language if person else languages.get(address, DEFAULT_LANGUAGE),
            )
        )
    return sorted(recipients, key=lambda recipient: recipient.email)


def recipients_for(batch: InvitationBatch) -> RecipientList:
    """The batch's recipients not invited yet, in address order; see the module's doc."""
    if batch.source == Source.ADDRESSES:
        found = _from_addresses(batch)
    else:
        found = _from_people(audience_people(batch))
    invitations = Invitation.objects.filter(event_id=batch.event_id)
    invited = set(invitations.values_list("email", flat=True))
    registered = set(
        Registration.objects.filter(event_id=batch.event_id, status__in=OPEN)
        .annotate(address=Lower("person__email"))
        .values_list("address", flat=True)
    )
    unsubscribed = preferences.opted_out(
        emails=[r.email for r in found], category=preferences.MailCategory.INVITATIONS
    )
    result = RecipientList()
    for recipient in found:
        if recipient.email in invited:
            result.already_invited += 1
        elif recipient.email in registered:
            result.already_registered += 1
        elif recipient.email in unsubscribed:
            result.unsubscribed += 1
        else:
            result.recipients.append(recipient)
    return result


def recipient_sample(recipients: list[Recipient], size: int) -> list[tuple[Recipient, str]]:
    """The first ``size`` recipients, each with their organisation's name; one query."""
    sample = recipients[:size]
    ids = [recipient.organisation_id for recipient in sample if recipient.organisation_id]
    names = dict(Organisation.objects.filter(pk__in=ids).values_list("pk", "name"))
    return [(recipient, names.get(recipient.organisation_id, "")) for recipient in sample]
