"""Demo cooperation projects, after the press releases:

- the regional development concept (REK) of In|Die RegionRuhr: five economic-development
  agencies, three chambers of industry and commerce and the chamber of crafts; the
  Ministry of Economic Affairs of North Rhine-Westphalia granted 26,550 EUR (seed 002);
- the staff-qualification cooperation of MEKOM Osterode and the VerpackungsCluster
  Südniedersachsen: the cluster's VerpackungsAkademie offers its seminars to MEKOM's
  members in Osterode, starting with sales seminars in 2013 (seed 004).

The REK's dates count from the day of the seed, so the demo shows a running project with
a milestone due soon. A project is found again by its short name; when it exists nothing of
it is written again, so edits in the portal survive a second run.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from cooperations.models import (
    Funding,
    Milestone,
    Project,
    ProjectNetwork,
    ProjectPartner,
    Topic,
)
from members.models import Network, Organisation
from network_portal.demo.networks import INDIE, MEKOM, VERPACKUNG
from network_portal.demo.rows import SeedReport

REK = "regionales-entwicklungskonzept-indie-regionruhr"
QUALIFICATION = "mitarbeiterqualifizierung-mekom-verpackungscluster"
REK_AMOUNT = Decimal("26550.00")


@dataclass(frozen=True)
class PartnerSeed:
    organisation: str
    role: str = ProjectPartner.Role.PARTNER
    contribution: str = ""


@dataclass(frozen=True)
class MilestoneSeed:
    title: str
    due_on: dt.date
    done_on: dt.date | None = None


@dataclass(frozen=True)
class FundingSeed:
    programme: str
    funder: str
    amount: Decimal
    approved_on: dt.date
    starts_on: dt.date
    ends_on: dt.date


@dataclass(frozen=True)
class ProjectSeed:
    slug: str
    title: str
    description: str
    topic: str
    status: str
    lead: str
    starts_on: dt.date
    ends_on: dt.date | None
    outcome: str
    partners: tuple[PartnerSeed, ...]
    networks: tuple[tuple[str, str], ...]  # (network slug, role)
    milestones: tuple[MilestoneSeed, ...]
    fundings: tuple[FundingSeed, ...] = ()


def rek_seed(today: dt.date) -> ProjectSeed:
    """The REK: approved about five months ago, a year's work, the workshops due soon."""
    approved = today - dt.timedelta(days=150)
    start = approved + dt.timedelta(days=14)
    end = start + dt.timedelta(days=364)
    return ProjectSeed(
        slug=REK,
        title="Regionales Entwicklungskonzept (REK) In|Die RegionRuhr",
        description=(
            "Die fünf Wirtschaftsförderungen, die Handwerkskammer und die drei Industrie- "
            "und Handelskammern der Region Dortmund, Bochum, Hagen, Herne und des "
            "Ennepe-Ruhr-Kreises entwickeln gemeinsam ein regionales Entwicklungskonzept "
            "für den Produktions- und Dienstleistungsverbund. Es bündelt die Potenziale von "
            "Unternehmen, Hochschulen und Forschungseinrichtungen: Innovationen anstoßen, "
            "neue Märkte erschließen, Ressourcen schonen, Fördermittel akquirieren und "
            "Kooperationsprojekte fördern – damit Angebote und Nachfragen zusammenfinden "
            "und Aufträge in der Region bleiben."
        ),
        topic="foerderung-projekte",
        status=Project.Status.RUNNING,
        lead="wirtschaftsfoerderung-dortmund",
        starts_on=start,
        ends_on=end,
        outcome=(
            "Das REK benennt Handlungsfelder und Projekte. Für ihre Umsetzung ist eine "
            "weitere finanzielle Unterstützung durch das Land in Aussicht gestellt."
        ),
        partners=(
            PartnerSeed("bochum-wirtschaftsentwicklung"),
            PartnerSeed("hagen-wirtschaftsentwicklung"),
            PartnerSeed("wirtschaftsfoerderung-herne"),
            PartnerSeed("en-agentur"),
            PartnerSeed("ihk-dortmund"),
            PartnerSeed("ihk-mittleres-ruhrgebiet"),
            PartnerSeed("sihk-hagen"),
            PartnerSeed("hwk-dortmund"),
        ),
        networks=((INDIE, ProjectNetwork.Role.LEAD),),
        milestones=(
            MilestoneSeed(
                "Bestandsaufnahme: Kompetenzen von Unternehmen, Hochschulen und "
                "Forschungseinrichtungen",
                due_on=start + dt.timedelta(days=60),
                done_on=start + dt.timedelta(days=57),
            ),
            MilestoneSeed(
                "Workshops zu den Handlungsfeldern mit Unternehmen und Kammern",
                due_on=start + dt.timedelta(days=150),
            ),
            MilestoneSeed(
                "Entwicklungskonzept vorlegen und Projekte für die Umsetzung benennen",
                due_on=end,
            ),
        ),
        fundings=(
            FundingSeed(
                programme="Förderung des Regionalen Entwicklungskonzepts (REK)",
                funder="Wirtschaftsministerium des Landes Nordrhein-Westfalen",
                amount=REK_AMOUNT,
                approved_on=approved,
                starts_on=start,
                ends_on=end,
            ),
        ),
    )


def qualification_seed(today: dt.date) -> ProjectSeed:
    """MEKOM and the VerpackungsCluster: network to network, since the end of 2012."""
    return ProjectSeed(
        slug=QUALIFICATION,
        title="Mitarbeiterqualifizierung: VerpackungsAkademie für MEKOM-Mitglieder",
        description=(
            "Der VerpackungsCluster Südniedersachsen und MEKOM Osterode arbeiten in der "
            "Mitarbeiterqualifizierung zusammen. Die VerpackungsAkademie Südniedersachsen "
            "bietet ihre Leistungen den MEKOM-Mitgliedern über MEKOM in Osterode an, "
            "organisiert und führt sie durch – vor allem Qualifizierungsinhalte, die die "
            "regionalen Bildungsanbieter in Osterode nicht anbieten."
        ),
        topic="aus-weiterbildung",
        status=Project.Status.RUNNING,
        lead="verpackungsakademie-suedniedersachsen",
        starts_on=dt.date(2012, 11, 19),
        ends_on=None,
        outcome=(
            "Die ersten Vertriebsseminare starteten im ersten Quartal 2013. Beide Netzwerke "
            "wollen weitere gemeinsame Aktivitäten folgen lassen, damit sich neue "
            "Geschäftskontakte in Südniedersachsen entwickeln."
        ),
        partners=(
            PartnerSeed(
                "wirtschaftsfoerderung-landkreis-goettingen",
                role=ProjectPartner.Role.ASSOCIATED,
                contribution="Unterstützt die Zusammenarbeit der Netzwerke über "
                "Kreisgrenzen hinweg",
            ),
        ),
        networks=((VERPACKUNG, ProjectNetwork.Role.LEAD), (MEKOM, ProjectNetwork.Role.PARTNER)),
        milestones=(
            MilestoneSeed(
                "Kooperation im Kreishaus Göttingen vorgestellt",
                due_on=dt.date(2012, 11, 19),
                done_on=dt.date(2012, 11, 19),
            ),
            MilestoneSeed(
                "Erste Vertriebsseminare für MEKOM-Mitglieder in Osterode",
                due_on=dt.date(2013, 3, 31),
                done_on=dt.date(2013, 3, 28),
            ),
            MilestoneSeed(
                f"Seminarprogramm {today.year + 1} mit MEKOM abstimmen",
                due_on=today + dt.timedelta(days=45),
            ),
        ),
    )


def projects_seed(
    *, organisations: dict[str, Organisation], networks: dict[str, Network], report: SeedReport
) -> None:
    """Each demo project once, with its partners, networks, milestones and funding."""
    today = timezone.localdate()
    for seed in (rek_seed(today), qualification_seed(today)):
        if not Project.objects.filter(slug=seed.slug).exists():
            project_seed(seed=seed, organisations=organisations, networks=networks, report=report)


def project_seed(
    *,
    seed: ProjectSeed,
    organisations: dict[str, Organisation],
    networks: dict[str, Network],
    report: SeedReport,
) -> Project:
    project = Project.objects.create(
        slug=seed.slug,
        title=seed.title,
        description=seed.description,
        topic=Topic.objects.get(slug=seed.topic),
        status=seed.status,
        lead_organisation=organisations[seed.lead],
        starts_on=seed.starts_on,
        ends_on=seed.ends_on,
        outcome=seed.outcome,
        is_public=True,
    )
    rows = [
        *(
            ProjectPartner(
                project=project,
                organisation=organisations[partner.organisation],
                role=partner.role,
                contribution=partner.contribution,
                agreed_to_publish=True,
            )
            for partner in seed.partners
        ),
        *(ProjectNetwork(project=project, network=networks[n], role=r) for n, r in seed.networks),
        *(_milestone(project, milestone) for milestone in seed.milestones),
        *(Funding(project=project, **funding.__dict__) for funding in seed.fundings),
    ]
    for row in rows:
        row.save()
    report.created += 1 + len(rows)
    return project


def _milestone(project: Project, seed: MilestoneSeed) -> Milestone:
    return Milestone(
        project=project,
        title=seed.title,
        due_on=seed.due_on,
        done=seed.done_on is not None,
        done_on=seed.done_on,
    )
