"""Reads of cooperation projects: a project's page, the lists, and the managers' overview
with funding totals per network and year. Each read runs a fixed number of queries,
however many projects, partners or funding entries it shows.

Who may see which project is decided in ``access_projects``; these functions take the
projects (or networks) already allowed.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    BooleanField,
    Case,
    Count,
    DecimalField,
    ExpressionWrapper,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce, ExtractYear

from cooperations.access_projects import published
from cooperations.models import Funding, Milestone, Project, ProjectNetwork, ProjectPartner
from members.models import Network, Organisation

ZERO = Decimal("0.00")
# The leading network first, then partner networks, then those whose members benefit.
NETWORK_ROLE_ORDER = Case(
    When(role=ProjectNetwork.Role.LEAD, then=Value(0)),
    When(role=ProjectNetwork.Role.PARTNER, then=Value(1)),
    default=Value(2),
)
MONEY = DecimalField(max_digits=14, decimal_places=2)


def _networks_in_order() -> QuerySet[ProjectNetwork]:
    return ProjectNetwork.objects.select_related("network").order_by(
        NETWORK_ROLE_ORDER, "network__name"
    )


def project_page(project: Project) -> Project:
    """The project with everything its page shows, in four more queries."""
    partners = ProjectPartner.objects.select_related("organisation").order_by("organisation__name")
    networks = _networks_in_order()
    prefetch_related_objects(
        [project],
        Prefetch("partners", queryset=partners),
        Prefetch("networks", queryset=networks),
        Prefetch("fundings", queryset=Funding.objects.order_by("approved_on", "pk")),
        Prefetch("milestones", queryset=Milestone.objects.order_by("due_on", "pk")),
    )
    return project


@dataclass(frozen=True)
class Agreement:
    """Whether ``organisation`` agrees to a public page of the project."""

    organisation: Organisation
    agreed: bool


def agreements_of(project: Project, organisations: list[Organisation]) -> list[Agreement]:
    """The answers of ``organisations`` (the lead's is ``is_public``); partners prefetched."""
    partners = {p.organisation_id: p.agreed_to_publish for p in project.partners.all()}
    return [
        Agreement(
            organisation=organisation,
            agreed=project.is_public
            if organisation.pk == project.lead_organisation_id
            else partners.get(organisation.pk, False),
        )
        for organisation in organisations
    ]


def funding_total(project: Project) -> Decimal:
    """The sum of the (prefetched) funding entries."""
    return sum((funding.amount for funding in project.fundings.all()), ZERO)


def _funding_sum() -> Coalesce:
    per_project = (
        Funding.objects.filter(project=OuterRef("pk"))
        .order_by()
        .values("project")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    return Coalesce(Subquery(per_project, output_field=MONEY), Value(ZERO), output_field=MONEY)


def project_rows(projects: QuerySet[Project]) -> QuerySet[Project]:
    """Projects for a list: lead, topic, networks, funding total, milestones done/all."""
    networks = _networks_in_order()
    return (
        projects.select_related("lead_organisation", "topic")
        .prefetch_related(Prefetch("networks", queryset=networks))
        .annotate(
            funding_sum=_funding_sum(),
            is_published=ExpressionWrapper(published(), output_field=BooleanField()),
            milestone_count=Count("milestones", distinct=True),
            milestones_done=Count("milestones", filter=Q(milestones__done=True), distinct=True),
        )
        .order_by("title", "pk")
    )


# --- The managers' overview -----------------------------------------------------------------


@dataclass(frozen=True)
class YearTotal:
    year: int | None  # None: funding without an approval date yet
    amount: Decimal
    projects: int


@dataclass(frozen=True)
class NetworkFunding:
    network: Network
    years: tuple[YearTotal, ...]

    @property
    def amount(self) -> Decimal:
        return sum((year.amount for year in self.years), ZERO)


def projects_of_networks(networks: QuerySet[Network]) -> QuerySet[Project]:
    """Projects in which one of ``networks`` takes part, whether published or not."""
    taking_part = ProjectNetwork.objects.filter(network__in=networks).values("project_id")
    return project_rows(Project.objects.filter(pk__in=taking_part))


def funding_by_network_and_year(networks: QuerySet[Network]) -> list[NetworkFunding]:
    """Funding totals per network (by name) and year of approval (oldest first, the not yet
    approved last). A project with two of the networks counts for each of them."""
    rows = (
        Funding.objects.filter(project__networks__network__in=networks)
        .values("project__networks__network", year=ExtractYear("approved_on"))
        .annotate(amount=Sum("amount"), projects=Count("project", distinct=True))
        .order_by()
    )
    years: dict[int, list[YearTotal]] = {}
    for row in rows:
        total = YearTotal(year=row["year"], amount=row["amount"], projects=row["projects"])
        years.setdefault(row["project__networks__network"], []).append(total)
    chosen = Network.objects.filter(pk__in=years).order_by("name")
    return [NetworkFunding(network=n, years=_in_order(years[n.pk])) for n in chosen]


def _in_order(years: list[YearTotal]) -> tuple[YearTotal, ...]:
    return tuple(sorted(years, key=lambda total: (total.year is None, total.year or 0)))
