"""Builds the demo world from the data modules; every write is idempotent (see ``rows``).

Organisations, networks, contacts and vocabularies follow the data on every run.
Memberships, manager roles, passwords and legal pages are only created when missing,
so decisions and edits made in the portal survive a second run; so are demo events and their
registrations (see ``event_builder``).
"""

from dataclasses import dataclass
from typing import Any

from allauth.account.models import EmailAddress
from django.db import transaction

from events.models import Event, Registration
from members.models import (
    Membership,
    Network,
    NetworkManager,
    Organisation,
    Person,
    Region,
    Sector,
    TrainingOccupation,
    User,
)
from network_portal.demo.accounts import ACCOUNTS, DEMO_PASSWORD
from network_portal.demo.calendar import confirmation_day
from network_portal.demo.companies_bochum import BOCHUM_COMPANIES
from network_portal.demo.companies_dortmund import DORTMUND_HERNE_COMPANIES
from network_portal.demo.companies_hagen_en import HAGEN_EN_COMPANIES
from network_portal.demo.companies_suedniedersachsen import SOUTH_LOWER_SAXONY_COMPANIES
from network_portal.demo.consent import consents_seed
from network_portal.demo.event_builder import events_seed
from network_portal.demo.interests import interests_seed
from network_portal.demo.legal import LEGAL_TEXTS
from network_portal.demo.listing_builder import listings_seed
from network_portal.demo.networks import NETWORKS
from network_portal.demo.partners import PARTNERS
from network_portal.demo.projects import projects_seed
from network_portal.demo.records import AccountSeed, Contact, Join, NetworkSeed, OrganisationSeed
from network_portal.demo.rows import (
    SeedReport,
    related_sync,
    row_create_once,
    row_update,
    row_upsert,
)
from network_portal.demo.taxonomy import OCCUPATIONS, REGIONS, SECTORS
from network_portal.models import LegalPage

ORGANISATIONS: tuple[OrganisationSeed, ...] = (
    PARTNERS
    + HAGEN_EN_COMPANIES
    + DORTMUND_HERNE_COMPANIES
    + BOCHUM_COMPANIES
    + SOUTH_LOWER_SAXONY_COMPANIES
)
_ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", " ": "-"})


@dataclass(frozen=True)
class Vocabulary:
    regions: dict[str, Region]
    sectors: dict[str, Sector]
    occupations: dict[str, TrainingOccupation]


def demo_world_build(*, with_accounts: bool) -> SeedReport:
    """Create or update the whole demo world in one transaction; safe to run again."""
    report = SeedReport(accounts_skipped=not with_accounts)
    with transaction.atomic():
        vocabulary = vocabulary_seed(report=report)
        networks = networks_seed(vocabulary=vocabulary, report=report)
        organisations = organisations_seed(vocabulary=vocabulary, networks=networks, report=report)
        if with_accounts:
            accounts_seed(organisations=organisations, networks=networks, report=report)
        legal_pages_seed(report=report)
        events_seed(networks=networks, report=report)
        listings_seed(organisations=organisations, networks=networks, report=report)
        interests_seed(organisations=organisations, report=report)
        projects_seed(organisations=organisations, networks=networks, report=report)
        consents_seed(report=report)
    report.totals = _totals()
    return report


# --- Vocabulary and networks -------------------------------------------------------------


def vocabulary_seed(*, report: SeedReport) -> Vocabulary:
    regions = {
        seed.slug: row_upsert(
            model=Region,
            lookup={"slug": seed.slug},
            values={"name": seed.name, "state": seed.state},
            report=report,
        )
        for seed in REGIONS
    }
    return Vocabulary(
        regions=regions,
        sectors=_terms_seed(model=Sector, seeds=SECTORS, report=report),
        occupations=_terms_seed(model=TrainingOccupation, seeds=OCCUPATIONS, report=report),
    )


def _terms_seed(*, model: type[Any], seeds: tuple, report: SeedReport) -> dict[str, Any]:
    return {
        seed.slug: row_upsert(
            model=model,
            lookup={"slug": seed.slug},
            values={"name": seed.name, "name_en": seed.name_en},
            report=report,
        )
        for seed in seeds
    }


def networks_seed(*, vocabulary: Vocabulary, report: SeedReport) -> dict[str, Network]:
    """The networks in data order, so a parent exists before its sub-networks."""
    networks: dict[str, Network] = {}
    for seed in NETWORKS:
        parent = networks[seed.parent] if seed.parent else None
        network = row_upsert(
            model=Network,
            lookup={"slug": seed.slug},
            values=_network_values(seed=seed, parent=parent),
            report=report,
        )
        regions = [vocabulary.regions[slug] for slug in seed.regions]
        related_sync(manager=network.regions, targets=regions, report=report)
        networks[seed.slug] = network
    return networks


def _network_values(*, seed: NetworkSeed, parent: Network | None) -> dict[str, Any]:
    return {
        "name": seed.name,
        "kind": seed.kind,
        "parent_id": parent.pk if parent else None,
        "description": seed.description,
        "is_open": seed.is_open,
        "website": f"https://www.{seed.domain}" if seed.domain else "",
        "founded_year": seed.founded_year,
    }


# --- Organisations, their contacts and memberships ---------------------------------------


def organisations_seed(
    *, vocabulary: Vocabulary, networks: dict[str, Network], report: SeedReport
) -> dict[str, Organisation]:
    organisations = {}
    for seed in ORGANISATIONS:
        organisation = organisation_seed(seed=seed, vocabulary=vocabulary, report=report)
        for join in seed.memberships:
            membership_seed(organisation=organisation, join=join, networks=networks, report=report)
        organisations[seed.slug] = organisation
    return organisations


def organisation_seed(
    *, seed: OrganisationSeed, vocabulary: Vocabulary, report: SeedReport
) -> Organisation:
    organisation = row_upsert(
        model=Organisation,
        lookup={"slug": seed.slug},
        values=_organisation_values(seed=seed, vocabulary=vocabulary),
        report=report,
    )
    sectors = [vocabulary.sectors[slug] for slug in seed.sectors]
    occupations = [vocabulary.occupations[slug] for slug in seed.occupations]
    related_sync(manager=organisation.sectors, targets=sectors, report=report)
    related_sync(manager=organisation.training_occupations, targets=occupations, report=report)
    for extension, contact in enumerate(seed.contacts, start=1):
        contact_seed(
            organisation=organisation,
            contact=contact,
            domain=seed.domain,
            phone=f"{seed.phone[:-1]}{extension}",  # the organisation's number ends in 0
            report=report,
        )
    return organisation


def _organisation_values(*, seed: OrganisationSeed, vocabulary: Vocabulary) -> dict[str, Any]:
    public = Organisation.Visibility.PUBLIC
    return {
        "name": seed.name,
        "kind": seed.kind,
        "description": seed.description,
        "products": seed.products,
        "competences": seed.competences,
        "street": seed.street,
        "postal_code": seed.postal_code,
        "city": seed.city,
        "region_id": vocabulary.regions[seed.region].pk,
        "size": seed.size,
        "website": f"https://www.{seed.domain}",
        "email": f"info@{seed.domain}",
        "phone": seed.phone,
        "visibility": public if seed.public else Organisation.Visibility.MEMBERS,
        "confirmed_on": confirmation_day(seed.confirmed_on),
    }


def contact_seed(
    *, organisation: Organisation, contact: Contact, domain: str, phone: str, report: SeedReport
) -> Person:
    """A contact person without an account, found again by their e-mail address."""
    return row_upsert(
        model=Person,
        lookup={
            "organisation": organisation,
            "email": mailbox(contact.first_name, contact.last_name, domain=domain),
        },
        values={
            "role": Person.Role.CONTACT,
            "first_name": contact.first_name,
            "last_name": contact.last_name,
            "function": contact.function,
            "phone": phone,
            "is_public_contact": contact.public,
            "show_email": contact.show_email,
            "show_phone": contact.show_phone,
            "is_active": True,
        },
        report=report,
    )


def mailbox(first_name: str, last_name: str, *, domain: str) -> str:
    """``vorname.nachname@domain`` in ASCII: Jörn Sievers -> joern.sievers@..."""
    local = f"{first_name}.{last_name}".lower().translate(_ASCII)
    return f"{local}@{domain}"


def membership_seed(
    *, organisation: Organisation, join: Join, networks: dict[str, Network], report: SeedReport
) -> None:
    """Created once; a manager's later decision (approved, declined, ended) is kept."""
    row_create_once(
        model=Membership,
        lookup={"organisation": organisation, "network": networks[join.network]},
        values={
            "role": join.role,
            "status": join.status,
            "started_on": confirmation_day(join.since),  # recent joins stay recent
            "message": join.message,
        },
        report=report,
    )


# --- Demo accounts and legal pages -------------------------------------------------------


def accounts_seed(
    *,
    organisations: dict[str, Organisation],
    networks: dict[str, Network],
    report: SeedReport,
) -> None:
    """The fixed demo sign-ins (DEBUG only), with verified e-mail addresses and roles."""
    for seed in ACCOUNTS:
        user = account_user_seed(seed=seed, report=report)
        for slug in seed.manages:
            row_create_once(
                model=NetworkManager,
                lookup={"network": networks[slug], "user": user},
                values={},
                report=report,
            )
        if seed.organisation:
            account_person_seed(
                seed=seed, user=user, organisation=organisations[seed.organisation], report=report
            )


def account_user_seed(*, seed: AccountSeed, report: SeedReport) -> User:
    """The user; the password is set only when the account is created."""
    values = {
        "first_name": seed.first_name,
        "last_name": seed.last_name,
        "is_staff": seed.platform_admin,
        "is_superuser": seed.platform_admin,
        "is_active": True,
    }
    user = User.objects.filter(email__iexact=seed.email).first()
    if user is None:
        user = User.objects.create_user(seed.email, DEMO_PASSWORD, **values)
        report.created += 1
    else:
        row_update(instance=user, values=values, report=report)
    row_upsert(
        model=EmailAddress,
        lookup={"user": user, "email": seed.email},
        values={"verified": True, "primary": True},
        report=report,
    )
    return user


def account_person_seed(
    *, seed: AccountSeed, user: User, organisation: Organisation, report: SeedReport
) -> Person:
    return row_upsert(
        model=Person,
        lookup={"organisation": organisation, "user": user},
        values={
            "role": seed.role,
            "first_name": seed.first_name,
            "last_name": seed.last_name,
            "function": seed.function,
            "email": seed.email,
            "phone": seed.phone,
            "is_active": True,
        },
        report=report,
    )


def legal_pages_seed(*, report: SeedReport) -> None:
    """Demo texts for pages that do not exist yet; an admin's edits are kept."""
    for slug, (body_de, body_en) in LEGAL_TEXTS.items():
        row_create_once(
            model=LegalPage,
            lookup={"slug": slug},
            values={"body_de": body_de, "body_en": body_en},
            report=report,
        )


def _totals() -> dict[str, int]:
    return {
        "networks": Network.objects.count(),
        "organisations": Organisation.objects.count(),
        "memberships": Membership.objects.count(),
        "applications": Membership.objects.filter(status=Membership.Status.APPLIED).count(),
        "persons": Person.objects.count(),
        "accounts": User.objects.count(),
        "legal pages": LegalPage.objects.count(),
        "events": Event.objects.count(),
        "registrations": Registration.objects.count(),
    }
