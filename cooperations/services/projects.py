"""Every write about a cooperation project: the project, partners, networks, funding,
milestones and the agreement to publish it.

Views check access first (``cooperations.access_projects``); these functions check the
rules that hold whoever writes: the period ends after it starts, milestones lie inside it,
amounts are not negative and have cents at most, a project starts only from an accepted
interest. A broken rule raises ``ProjectError`` and nothing is saved.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cooperations.models import (
    Funding,
    Interest,
    Milestone,
    Project,
    ProjectNetwork,
    ProjectPartner,
)
from members.models import Network, Organisation, User

PROJECT_FIELDS = ("title", "description", "topic", "status", "starts_on", "ends_on", "outcome")
FUNDING_FIELDS = ("programme", "funder", "amount", "approved_on", "starts_on", "ends_on")
MILESTONE_FIELDS = ("title", "due_on")
RESERVED_SLUGS = {"neu"}  # fixed words of the project URLs


class ProjectError(Exception):
    """A change the rules do not allow; ``message`` is for the user, ``field`` its place."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


# --- The project ----------------------------------------------------------------------------


@transaction.atomic
def project_create(
    *,
    lead: Organisation,
    author: User,
    data: dict,
    network: Network | None = None,
    partner: Organisation | None = None,
    interest: Interest | None = None,
) -> Project:
    """Create a project led by ``lead``; ``network`` leads it among the networks, ``partner``
    is its first partner. From an ``interest``: only an accepted one, and only once."""
    if interest is not None:
        _check_interest(interest)
    _check_period(data.get("starts_on"), data.get("ends_on"))
    project = Project(
        lead_organisation=lead,
        created_by=author,
        from_interest=interest,
        slug=_free_slug(data["title"]),
        **{name: data[name] for name in PROJECT_FIELDS if name in data},
    )
    project.save()
    if network is not None:
        ProjectNetwork.objects.create(
            project=project, network=network, role=ProjectNetwork.Role.LEAD
        )
    if partner is not None and partner != lead:
        ProjectPartner.objects.create(project=project, organisation=partner)
    return project


def _check_interest(interest: Interest) -> None:
    locked = Interest.objects.select_for_update().get(pk=interest.pk)
    if locked.status != Interest.Status.ACCEPTED:
        raise ProjectError(_("A project can start only from an accepted interest."))
    if Project.objects.filter(from_interest=locked).exists():
        raise ProjectError(_("A project has already been started from this interest."))


def _free_slug(title: str) -> str:
    base = slugify(title)[:180].strip("-") or "projekt"
    slug, number = base, 1
    while slug in RESERVED_SLUGS or Project.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def project_update(*, project: Project, data: dict) -> list[str]:
    """Change the project; its period must still hold every milestone."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    _check_period(data.get("starts_on"), data.get("ends_on"))
    _check_milestones_inside(project, data.get("starts_on"), data.get("ends_on"))
    changed = [
        name for name in PROJECT_FIELDS if name in data and getattr(project, name) != data[name]
    ]
    for name in changed:
        setattr(project, name, data[name])
    if changed:
        project.save(update_fields=[*changed, "updated_at"])
    return changed


def _check_period(starts_on: datetime.date | None, ends_on: datetime.date | None) -> None:
    if starts_on and ends_on and ends_on < starts_on:
        raise ProjectError(_("The end must not be before the start."), field="ends_on")


def _check_milestones_inside(
    project: Project, starts_on: datetime.date | None, ends_on: datetime.date | None
) -> None:
    milestones = project.milestones.all()
    early = milestones.filter(due_on__lt=starts_on).count() if starts_on else 0
    late = milestones.filter(due_on__gt=ends_on).count() if ends_on else 0
    if early:
        raise ProjectError(_outside_message(early), field="starts_on")
    if late:
        raise ProjectError(_outside_message(late), field="ends_on")


def _outside_message(count: int) -> str:
    return ngettext(
        "%(count)d milestone would lie outside the project period. Move it first.",
        "%(count)d milestones would lie outside the project period. Move them first.",
        count,
    ) % {"count": count}


@transaction.atomic
def project_publication_set(*, project: Project, organisation: Organisation, agreed: bool) -> None:
    """Record ``organisation``'s agreement to a public page: the lead's sets ``is_public``."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    if organisation.pk == project.lead_organisation_id:
        if project.is_public != agreed:
            project.is_public = agreed
            project.save(update_fields=["is_public", "updated_at"])
        return
    updated = ProjectPartner.objects.filter(project=project, organisation=organisation).update(
        agreed_to_publish=agreed
    )
    if not updated:
        raise ProjectError(_("This organisation does not take part in the project."))


# --- Partners and networks ------------------------------------------------------------------


@transaction.atomic
def partner_add(
    *, project: Project, organisation: Organisation, role: str, contribution: str = ""
) -> ProjectPartner:
    """Add a partner organisation; it has not agreed to publication yet."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    if organisation.pk == project.lead_organisation_id:
        raise ProjectError(_("This organisation already leads the project."), field="organisation")
    if project.partners.filter(organisation=organisation).exists():
        raise ProjectError(
            _("This organisation is already a partner in the project."), field="organisation"
        )
    return ProjectPartner.objects.create(
        project=project, organisation=organisation, role=role, contribution=contribution
    )


@transaction.atomic
def partner_remove(*, partner: ProjectPartner) -> None:
    partner.delete()


@transaction.atomic
def network_add(*, project: Project, network: Network, role: str) -> ProjectNetwork:
    project = Project.objects.select_for_update().get(pk=project.pk)
    if project.networks.filter(network=network).exists():
        raise ProjectError(_("This network already takes part in the project."), field="network")
    return ProjectNetwork.objects.create(project=project, network=network, role=role)


@transaction.atomic
def network_remove(*, project_network: ProjectNetwork) -> None:
    project_network.delete()


# --- Funding --------------------------------------------------------------------------------


@transaction.atomic
def funding_save(*, project: Project, data: dict, funding: Funding | None = None) -> Funding:
    """Add a funding entry to ``project``, or change ``funding``."""
    _check_amount(data["amount"])
    _check_period(data.get("starts_on"), data.get("ends_on"))
    funding = funding or Funding(project=project)
    for name in FUNDING_FIELDS:
        setattr(funding, name, data.get(name))
    funding.save()
    return funding


def _check_amount(amount: Decimal) -> None:
    if amount < 0:
        raise ProjectError(_("The amount must not be negative."), field="amount")
    if amount != amount.quantize(Decimal("0.01")):
        raise ProjectError(
            _("Please give the amount with at most two decimal places (cents)."), field="amount"
        )


@transaction.atomic
def funding_delete(*, funding: Funding) -> None:
    funding.delete()


# --- Milestones -----------------------------------------------------------------------------


@transaction.atomic
def milestone_save(
    *, project: Project, data: dict, milestone: Milestone | None = None
) -> Milestone:
    """Add a milestone to ``project``, or change ``milestone``; the date lies in the period."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    _check_inside_period(project, data["due_on"])
    milestone = milestone or Milestone(project=project)
    for name in MILESTONE_FIELDS:
        setattr(milestone, name, data[name])
    milestone.save()
    return milestone


def _check_inside_period(project: Project, due_on: datetime.date) -> None:
    if project.starts_on and due_on < project.starts_on:
        raise ProjectError(_("The date lies before the project starts."), field="due_on")
    if project.ends_on and due_on > project.ends_on:
        raise ProjectError(_("The date lies after the project ends."), field="due_on")


@transaction.atomic
def milestone_done_set(
    *, milestone: Milestone, done: bool, today: datetime.date | None = None
) -> Milestone:
    """Mark a milestone done (today) or not done again."""
    milestone = Milestone.objects.select_for_update().get(pk=milestone.pk)
    if milestone.done != done:
        milestone.done = done
        milestone.done_on = (today or timezone.localdate()) if done else None
        milestone.save(update_fields=["done", "done_on"])
    return milestone


@transaction.atomic
def milestone_delete(*, milestone: Milestone) -> None:
    milestone.delete()
