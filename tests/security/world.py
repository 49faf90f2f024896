"""The world of the authorization matrix: one object of each kind, each with a clear owner.

The **owning organisation** is ``company`` (a public company, active member of
``network``); the **object's network** is ``network``. Every role of the matrix stands in
one defined relation to them:

- ``anonymous``: not signed in;
- ``outsider``: signed in, acts for no organisation, manages nothing;
- ``colleague``: staff of ``company`` (the attendee of ``registration``, owner of
  ``consent``, subscriber of the digest);
- ``org_admin``: admin of ``company``;
- ``partner``: staff of ``chamber``, a partner organisation of ``network`` (and the broker
  of ``introduction``);
- ``other_manager``: manager of ``other_network`` only;
- ``manager``: manager of ``network``;
- ``platform_admin``: superuser and staff.

Other organisations (``sender``, ``supplier``, ``applicant``) have their own people, none
of whom is a role of the matrix.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from cooperations.models import Interest, Introduction, Listing
from cooperations.services.digests import unsubscribe_token as digest_token
from cooperations.services.expiry import extension_token
from events.cancel_links import cancel_token
from events.models import Invitation, InvitationBatch, ReminderRule
from events.services.invitation_mails import invitation_token as event_invitation_token
from members.models import (
    ColleagueInvitation,
    JoinRequest,
    MemberImport,
    Membership,
    Organisation,
    Person,
    User,
)
from members.services.invitations import invitation_token as colleague_invitation_token
from network_portal.models import ConsentPurpose, MailPreference
from network_portal.preferences import MailCategory
from network_portal.preferences import unsubscribe_token as mail_token
from network_portal.privacy.consent import consent_give
from tests import factories
from tests.cooperations import factories as coop

ROLES = (
    "anonymous",
    "outsider",
    "colleague",
    "org_admin",
    "partner",
    "other_manager",
    "manager",
    "platform_admin",
)


@dataclass
class Tokens:
    colleague_invitation: str = ""
    event_invitation: str = ""
    cancel_link: str = ""
    digest_unsubscribe: str = ""
    listing_extension: str = ""
    mail_unsubscribe: str = ""


@dataclass
class MatrixWorld:
    users: dict[str, User | None]
    objects: dict[str, object]
    tokens: Tokens = field(default_factory=Tokens)

    def __getattr__(self, name: str):
        try:
            return self.__dict__["objects"][name]
        except KeyError:
            raise AttributeError(name) from None

    def resolve(self, path: str):
        """``"company.slug"`` -> the value; the first part names an object or ``tokens``.
        ``"=csv"`` is the literal ``"csv"``."""
        if path.startswith("="):
            return path[1:]
        first, *rest = path.split(".")
        value = self.tokens if first == "tokens" else self.objects[first]
        for part in rest:
            value = getattr(value, part)
        return value


def _person(organisation: Organisation, role: str = Person.Role.STAFF, **fields) -> Person:
    return factories.PersonFactory(organisation=organisation, role=role, **fields)


def build() -> MatrixWorld:
    network = factories.NetworkFactory(name="Matrix-Netzwerk Ruhr", slug="matrix-ruhr")
    other_network = factories.NetworkFactory(name="Matrix-Cluster Harz", slug="matrix-harz")
    company = factories.OrganisationFactory(name="Matrix Testwerk GmbH", slug="matrix-testwerk")
    membership = factories.MembershipFactory(organisation=company, network=network)
    chamber = factories.OrganisationFactory(
        name="Matrix-IHK", slug="matrix-ihk", kind=Organisation.Kind.CHAMBER_OF_COMMERCE
    )
    factories.MembershipFactory(organisation=chamber, network=network, role=Membership.Role.PARTNER)
    sender = factories.OrganisationFactory(name="Matrix Sender GmbH", slug="matrix-sender")
    factories.MembershipFactory(organisation=sender, network=network)
    supplier = factories.OrganisationFactory(name="Matrix Zulieferer GmbH", slug="matrix-zu")
    applicant = factories.OrganisationFactory(name="Matrix Bewerber GmbH", slug="matrix-bew")
    application = factories.MembershipFactory(
        organisation=applicant, network=network, status=Membership.Status.APPLIED
    )

    admin_person = _person(company, Person.Role.ADMIN)
    org_admin = admin_person.user
    colleague_person = _person(company)
    users = {
        "anonymous": None,
        "outsider": factories.UserFactory(),
        "colleague": colleague_person.user,
        "org_admin": org_admin,
        "partner": _person(chamber).user,
        "other_manager": factories.NetworkManagerFactory(network=other_network).user,
        "manager": factories.NetworkManagerFactory(network=network).user,
        "platform_admin": factories.UserFactory(is_superuser=True, is_staff=True),
    }
    sender_admin = _person(sender, Person.Role.ADMIN).user
    supplier_admin = _person(supplier, Person.Role.ADMIN).user
    _person(applicant, Person.Role.ADMIN)
    contact = _person(company, user=None, first_name="Kontakt", last_name="Person")

    objects = {
        "network": network,
        "other_network": other_network,
        "company": company,
        "chamber": chamber,
        "sender": sender,
        "supplier": supplier,
        "admin_person": admin_person,
        "colleague_person": colleague_person,
        "membership": membership,
        "application": application,
        "contact": contact,
        "join_request": JoinRequest.objects.create(
            organisation=company, user=factories.UserFactory(), message="Bitte aufnehmen."
        ),
        "colleague_invitation": ColleagueInvitation.objects.create(
            organisation=company, email="neu@example.org", invited_by=org_admin
        ),
        "member_import": MemberImport.objects.create(
            network=network,
            uploaded_by=users["manager"],
            file_name="mitglieder.csv",
            encoding="UTF-8",
            content="Name;PLZ\r\nImport GmbH;44787\r\n",
            rows_total=1,
        ),
    }
    objects.update(_events(network, company, colleague_person, users))
    objects.update(_cooperations(objects, users))
    objects["funding"] = coop.FundingFactory(project=objects["project"])
    objects["milestone"] = coop.MilestoneFactory(project=objects["project"])
    objects["sender_admin"] = sender_admin
    objects["supplier_admin"] = supplier_admin
    objects.update(_elsewhere(objects, users))
    objects["consent"] = consent_give(
        purpose=ConsentPurpose.EVENT_REGISTRATION,
        user=users["colleague"],
        person=colleague_person,
        about=objects["event"],
    )
    world = MatrixWorld(users=users, objects=objects)
    world.tokens = _tokens(world, colleague_person)
    return world


def _events(network, company, colleague_person, users) -> dict:
    event = factories.EventFactory(
        title="Matrix-Unternehmerfrühstück", organising_networks=[network]
    )
    registration = factories.RegistrationFactory(event=event, person=colleague_person)
    batch = InvitationBatch.objects.create(
        event=event,
        source=InvitationBatch.Source.ORGANISATIONS,
        audience={"organisations": [company.pk], "people": "all"},
        created_by=users["manager"],
    )
    invitation = Invitation.objects.create(
        event=event, email="eingeladen@example.org", name="Eingeladene Person"
    )
    return {
        "event": event,
        "registration": registration,
        "batch": batch,
        "event_invitation": invitation,
        "reminder_rule": ReminderRule.objects.create(event=event, offset=dt.timedelta(days=3)),
    }


def _cooperations(objects: dict, users: dict) -> dict:
    network, company, chamber = objects["network"], objects["company"], objects["chamber"]
    sender, supplier = objects["sender"], objects["supplier"]
    listing = coop.ListingFactory(
        organisation=company,
        created_by=users["org_admin"],
        title="Matrix-Lohnfertigung",
        visibility=Listing.Visibility.NETWORKS,
        shared_networks=[network],
    )
    interest = coop.InterestFactory(
        listing=listing, organisation=sender, user=sender.people.get().user
    )
    accepted = coop.InterestFactory(
        listing=listing,
        organisation=supplier,
        user=supplier.people.get().user,
        status=Interest.Status.ACCEPTED,
        decided_at=timezone.now(),
        decided_by=users["org_admin"],
    )
    introduction = coop.IntroductionFactory(
        broker_organisation=chamber,
        broker=users["partner"],
        first_organisation=company,
        second_organisation=sender,
        status=Introduction.Status.PENDING,
    )
    project = coop.ProjectFactory(lead_organisation=company, title="Matrix-Projekt")
    return {
        "listing": listing,
        "interest": interest,
        "accepted_interest": accepted,
        "introduction": introduction,
        "project": project,
        "project_network": coop.ProjectNetworkFactory(project=project, network=network),
        "project_partner": coop.ProjectPartnerFactory(project=project, organisation=sender),
        "digest": coop.DigestSubscriptionFactory(organisation=company, user=users["colleague"]),
    }


def _elsewhere(objects: dict, users: dict) -> dict:
    """The same kinds of object under another parent (another organisation, event or
    project): a URL that names one parent and the child of another must find nothing."""
    sender, other_network = objects["sender"], objects["other_network"]
    other_event = factories.EventFactory(
        title="Matrix-Harzforum", organising_networks=[other_network]
    )
    other_project = coop.ProjectFactory(lead_organisation=sender, title="Matrix-Nachbarprojekt")
    return {
        "sender_person": sender.people.get(),
        "sender_join_request": JoinRequest.objects.create(
            organisation=sender, user=factories.UserFactory()
        ),
        "sender_invitation": ColleagueInvitation.objects.create(
            organisation=sender, email="sender-neu@example.org"
        ),
        "other_rule": ReminderRule.objects.create(event=other_event, offset=dt.timedelta(days=5)),
        "other_batch": InvitationBatch.objects.create(
            event=other_event,
            source=InvitationBatch.Source.ORGANISATIONS,
            audience={"organisations": [sender.pk], "people": "all"},
            created_by=users["other_manager"],
        ),
        "other_funding": coop.FundingFactory(project=other_project),
        "other_milestone": coop.MilestoneFactory(project=other_project),
        "other_partner": coop.ProjectPartnerFactory(
            project=other_project, organisation=objects["supplier"]
        ),
        "other_project_network": coop.ProjectNetworkFactory(
            project=other_project, network=other_network
        ),
    }


def _tokens(world: MatrixWorld, colleague_person: Person) -> Tokens:
    preference = MailPreference.objects.create(email=colleague_person.email)
    return Tokens(
        colleague_invitation=colleague_invitation_token(world.colleague_invitation),
        event_invitation=event_invitation_token(world.event_invitation),
        cancel_link=cancel_token(world.registration),
        digest_unsubscribe=digest_token(world.digest),
        listing_extension=extension_token(world.listing),
        mail_unsubscribe=mail_token(
            preference_id=preference.pk, category=MailCategory.INVITATIONS.value
        ),
    )
