"""A fixed audience for the invitation tests, and helpers to record batches.

Networks ``ruhr`` (managed by ``world.manager``, organises the event) and ``partner``
(the event's audience network). Organisations and the persons the audience reaches:

- ``alpha``: company, Bochum, sector Metall; member of ``ruhr``. Admin (account, language
  English), staff (no account), public contact; one person without e-mail, one inactive.
- ``beta``: company, Dortmund, sector Verpackung; member of ``ruhr`` and ``partner``.
  Admin and staff.
- ``gamma``: chamber (IHK), Bochum, sector Metall; partner of ``partner``. Staff.
- ``ended``: company in Bochum whose membership of ``ruhr`` ended; ``applied``: applied.
"""

from dataclasses import dataclass

import pytest

from events.models import Event, InvitationBatch
from events.services import invitations as services
from members.models import Membership, Network, Organisation, Person, Region, Sector
from tests import factories

Source = InvitationBatch.Source


@dataclass
class Audience:
    event: Event
    ruhr: Network
    partner: Network
    bochum: Region
    dortmund: Region
    metal: Sector
    packaging: Sector
    alpha: Organisation
    beta: Organisation
    gamma: Organisation
    people: dict[str, Person]


def _person(organisation, key, people, *, user=False, **fields) -> Person:
    values = {
        "organisation": organisation,
        "first_name": key.capitalize(),
        "last_name": "Muster",
        "email": f"{key}@example.org",
        "role": Person.Role.STAFF,
    }
    values.update(fields)
    if user:
        values["user"] = factories.UserFactory(
            email=values["email"], first_name=values["first_name"], last_name="Muster"
        )
    else:
        values["user"] = None
    people[key] = factories.PersonFactory(**values)
    return people[key]


def _organisation(name, region, sector, kind=Organisation.Kind.COMPANY) -> Organisation:
    organisation = factories.OrganisationFactory(name=name, region=region, kind=kind)
    organisation.sectors.set([sector])
    return organisation


@pytest.fixture(name="audience")
def audience_fixture(world) -> Audience:
    ruhr = factories.NetworkFactory(name="Netzwerk Ruhr")
    partner = factories.NetworkFactory(name="VerpackungsCluster")
    factories.NetworkManagerFactory(network=ruhr, user=world.manager)
    bochum = factories.RegionFactory(name="Bochum")
    dortmund = factories.RegionFactory(name="Dortmund")
    metal = factories.SectorFactory(name="Metall")
    packaging = factories.SectorFactory(name="Verpackung")
    alpha = _organisation("Alpha Metall GmbH", bochum, metal)
    beta = _organisation("Beta Verpackung GmbH", dortmund, packaging)
    gamma = _organisation(
        "IHK Mittleres Ruhrgebiet", bochum, metal, Organisation.Kind.CHAMBER_OF_COMMERCE
    )
    ended = _organisation("Ehemals GmbH", bochum, metal)
    applied = _organisation("Bewerber GmbH", bochum, metal)
    factories.MembershipFactory(organisation=alpha, network=ruhr)
    factories.MembershipFactory(organisation=beta, network=ruhr)
    factories.MembershipFactory(organisation=beta, network=partner)
    factories.MembershipFactory(organisation=gamma, network=partner, role="partner")
    factories.MembershipFactory(organisation=ended, network=ruhr, status=Membership.Status.ENDED)
    factories.MembershipFactory(
        organisation=applied, network=ruhr, status=Membership.Status.APPLIED
    )
    people: dict[str, Person] = {}
    _person(alpha, "alma", people, user=True, role=Person.Role.ADMIN)
    people["alma"].user.language = "en"
    people["alma"].user.save(update_fields=["language"])
    _person(alpha, "anton", people)
    _person(alpha, "anna", people, role=Person.Role.CONTACT, is_public_contact=True)
    _person(alpha, "arne", people, email="")
    _person(alpha, "alex", people, is_active=False)
    _person(beta, "berta", people, user=True, role=Person.Role.ADMIN)
    _person(beta, "bruno", people)
    _person(gamma, "gero", people)
    _person(ended, "edda", people)
    _person(applied, "bea", people)
    event = factories.EventFactory(
        title="Wirtschaft trifft Wirtschaft im Juni",
        organising_networks=[ruhr],
        open_to_all=False,
        capacity=50,
    )
    event.audience_networks.set([partner])
    return Audience(
        event, ruhr, partner, bochum, dortmund, metal, packaging, alpha, beta, gamma, people
    )


def prepare(audience: Audience, user, *, source=Source.NETWORKS, **chosen) -> InvitationBatch:
    """A draft batch of ``audience.event`` with the given choice."""
    addresses = chosen.pop("addresses", None)
    chosen.setdefault("people", InvitationBatch.People.ALL)
    return services.invitation_batch_prepare(
        event=audience.event,
        created_by=user,
        source=source,
        audience=chosen if source != Source.ADDRESSES else {},
        addresses=addresses,
    )


def record_all(batch: InvitationBatch, user) -> InvitationBatch:
    """Send the batch off and record every chunk here (the task's work, without Celery)."""
    services.invitation_batch_send(batch=batch, sent_by=user)
    for _run in range(1000):
        batch.refresh_from_db()
        if batch.status != InvitationBatch.Status.RECORDING:
            return batch
        services.invitation_batch_record(batch_id=batch.pk)
    raise AssertionError("the batch never finished")
