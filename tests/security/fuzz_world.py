"""A populated portal for the fuzz tests: one object behind every kind of page.

Built on the shared ``world`` (a user of every role) so that crawling as those users
reaches every form: events with registrations, a waiting list, workshops, reminders and
invitations; a join request, a colleague invitation, an application and an import; offers,
interests, an introduction and a project with its parts; a consent and mail preferences.
Signed links (invitations, cancel and unsubscribe links) come from the mails the services
record, and a few are made here directly.
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from cooperations.models import Listing, ProjectNetwork
from cooperations.services.digests import unsubscribe_token
from cooperations.services.expiry import extension_token
from cooperations.services.interests import interest_answer, interest_create
from cooperations.services.introductions import introduction_create
from events.models import InvitationBatch
from events.services import invitations as event_invitations
from events.services.registrations import registration_create
from events.services.reminders import reminder_rules_create_defaults
from members.models import MemberImport, Membership, Person
from members.services.invitations import colleague_invite, invitation_path
from members.services.people import join_request_create
from network_portal.models import MailPreference, OutgoingMail
from network_portal.preferences import MailCategory
from network_portal.preferences import unsubscribe_token as mail_unsubscribe_token
from network_portal.privacy.consent import consent_give, consent_text_publish
from tests import factories
from tests.cooperations import factories as cooperation_factories
from tests.events.invitation_fixtures import record_all


@dataclass
class FuzzWorld:
    """The shared ``world`` plus the objects its users' pages lead to."""

    world: object
    users: dict = field(default_factory=dict)  # role name -> User (None: anonymous)
    seeds: list[str] = field(default_factory=list)  # paths to start crawling from


def build(world) -> FuzzWorld:
    """Populate the portal around ``world``; returns the users and the crawl's start pages."""
    fuzz = FuzzWorld(world=world)
    fuzz.users = {
        "owner": world.owner,
        "manager": world.manager,
        "partner": world.partner,
        "colleague": world.colleague,
        "outsider": world.outsider,
        "platform_admin": world.platform_admin,
        "other_manager": world.other_manager,
        "anonymous": None,
    }
    taxonomy = _taxonomy(world)
    _people(world, fuzz)
    _events(world, fuzz)
    _cooperations(world, fuzz, taxonomy)
    _privacy(world, fuzz)
    fuzz.seeds.extend(mail_links())
    return fuzz


def mail_links() -> list[str]:
    """The portal's links in every recorded mail (invitations, cancel links, ...)."""
    site = settings.SITE_URL.rstrip("/")
    links = re.compile(re.escape(site) + r"(/[^\s<>\"')]*)")
    found = []
    for body in OutgoingMail.objects.values_list("body_text", flat=True):
        found.extend(link for link in links.findall(body) if link not in found)
    return found


def _taxonomy(world) -> dict:
    sector = factories.SectorFactory(name="Maschinenbau")
    occupation = factories.TrainingOccupationFactory(name="Industriemechaniker/in")
    world.company.sectors.set([sector])
    world.company.training_occupations.set([occupation])
    world.network.regions.set([world.company.region])
    topics = cooperation_factories.standard_topics()
    return {"sector": sector, "topics": topics}


def _people(world, fuzz: FuzzWorld) -> None:
    """A join request, a colleague invitation, an application and a ready import."""
    join_request_create(organisation=world.company, user=world.outsider, message="Hallo")
    invitation = colleague_invite(
        organisation=world.company,
        invited_by=world.owner,
        email="neue.kollegin@example.org",
        role=Person.Role.STAFF,
        first_name="Nele",
        last_name="Neu",
    )
    fuzz.seeds.append(invitation_path(invitation))
    applicant = factories.OrganisationFactory(name="Bewerber Feinmechanik GmbH")
    factories.PersonFactory(organisation=applicant, role=Person.Role.ADMIN)
    factories.MembershipFactory(
        organisation=applicant, network=world.network, status=Membership.Status.APPLIED
    )
    contact = factories.PersonFactory(
        organisation=world.company, user=None, email="kontakt@example.org"
    )
    fuzz.seeds.append(reverse("privacy:person_remove", args=[world.company.slug, contact.pk]))
    MemberImport.objects.create(
        network=world.network,
        uploaded_by=world.manager,
        file_name="mitglieder.csv",
        encoding="utf-8",
        content="Name;Ort\nImport GmbH;Bochum\n",
        rows_total=1,
        counts={"organisations": 1, "memberships": 1, "persons": 1},
    )


def _events(world, fuzz: FuzzWorld) -> None:
    """A published event with one seat taken and one person waiting; a draft; invitations."""
    event = factories.EventFactory(
        title="Wirtschaft trifft Wirtschaft",
        organising_networks=[world.network],
        capacity=1,
        host_organisation=world.company,
    )
    factories.EventPersonFactory(event=event)
    factories.SessionFactory(event=event)
    workshop = factories.WorkshopFactory(event=event)
    reminder_rules_create_defaults(event=event)
    fuzz.seeds.append(reverse("events:network_feed", args=[world.network.slug]))
    owner_person = world.owner.people.get()
    registration = registration_create(
        event=event, person=owner_person, registered_by=world.owner, workshops=[workshop]
    )
    waiting = registration_create(
        event=event, person=world.colleague.people.get(), registered_by=world.colleague
    )
    assert (registration.status, waiting.status) == ("confirmed", "waitlisted")
    factories.EventFactory(
        title="Entwurf Betriebsbesichtigung",
        organising_networks=[world.network],
        status="draft",
    )
    factories.EventFactory(
        title="Vergangenes Frühstück",
        organising_networks=[world.network],
        starts_at=timezone.now() - dt.timedelta(days=30),
        ends_at=timezone.now() - dt.timedelta(days=30, hours=-2),
    )
    sent = event_invitations.invitation_batch_prepare(
        event=event,
        created_by=world.manager,
        source=InvitationBatch.Source.ADDRESSES,
        audience={},
        addresses=[["gast@example.net", "Gerd Gast"], [world.owner.email, ""]],
    )
    record_all(sent, world.manager)
    event_invitations.invitation_batch_prepare(
        event=event,
        created_by=world.manager,
        source=InvitationBatch.Source.ADDRESSES,
        audience={},
        addresses=[["noch.offen@example.net", "Olga Offen"]],
    )


def _cooperations(world, fuzz: FuzzWorld, taxonomy: dict) -> None:
    """An offer with an interest, a draft, an introduction, a digest and a project."""
    topics, today = taxonomy["topics"], timezone.localdate()
    listing = cooperation_factories.ListingFactory(
        organisation=world.company,
        topics=[next(iter(topics.values()))],
        sectors=[taxonomy["sector"]],
    )
    draft = cooperation_factories.DraftListingFactory(organisation=world.company)
    untouched = cooperation_factories.ListingFactory(
        organisation=world.chamber, title="Seminarräume zu vermieten"
    )
    fuzz.seeds += [draft.get_absolute_url(), untouched.get_absolute_url()]
    request = cooperation_factories.ListingFactory(
        organisation=world.chamber, kind=Listing.Kind.REQUEST, title="Gesucht: Ausbildungspartner"
    )
    interest_create(
        listing=listing, organisation=world.chamber, user=world.partner, message="Interesse!"
    )
    accepted = interest_create(
        listing=request, organisation=world.company, user=world.owner, message="Wir bilden aus."
    )
    interest_answer(interest=accepted, user=world.partner, accept=True, reply="Gern!")
    neighbour = factories.OrganisationFactory(name="Nachbar Metall GmbH")
    factories.MembershipFactory(organisation=neighbour, network=world.network)
    factories.PersonFactory(organisation=neighbour, role=Person.Role.ADMIN)
    introduction_create(
        broker=world.partner,
        broker_organisation=world.chamber,
        first_organisation=world.company,
        second_organisation=neighbour,
        message="Sie sollten sich kennenlernen.",
    )
    subscription = cooperation_factories.DigestSubscriptionFactory(
        organisation=world.company, user=world.owner
    )
    fuzz.seeds.append(
        reverse("cooperations:digest_unsubscribe", args=[unsubscribe_token(subscription)])
    )
    fuzz.seeds.append(reverse("cooperations:extend", args=[extension_token(listing)]))
    project = cooperation_factories.ProjectFactory(
        title="Verbundausbildung Metall",
        slug="verbundausbildung-metall",
        topic=topics["aus-weiterbildung"],
        lead_organisation=world.company,
        starts_on=today - dt.timedelta(days=300),
        ends_on=today + dt.timedelta(days=700),
    )
    cooperation_factories.ProjectPartnerFactory(project=project, organisation=world.chamber)
    cooperation_factories.ProjectNetworkFactory(
        project=project, network=world.network, role=ProjectNetwork.Role.LEAD
    )
    cooperation_factories.FundingFactory(project=project)
    cooperation_factories.MilestoneFactory(project=project, due_on=today + dt.timedelta(days=60))


def _privacy(world, fuzz: FuzzWorld) -> None:
    """A consent of the owner, and the owner's mail preferences with an unsubscribe link."""
    for purpose in ("event_registration", "directory_listing", "cooperation_digest"):
        consent_text_publish(purpose=purpose, text_de="Ich willige ein.", text_en="I agree.")
    consent_give(
        purpose="directory_listing",
        user=world.owner,
        person=world.owner.people.get(),
        about=world.company,
    )
    preference = MailPreference.objects.create(email=world.owner.email)
    token = mail_unsubscribe_token(preference_id=preference.pk, category=MailCategory.REMINDERS)
    fuzz.seeds.append(reverse("mail_unsubscribe", args=[token]))
