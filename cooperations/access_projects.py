"""Who may see or change which cooperation project. Every read of projects starts here.

A project is **published** when its lead organisation made it public (``is_public``) and
every partner organisation agreed (``ProjectPartner.agreed_to_publish``); then everybody
sees its page. Otherwise only these see it (404 for everybody else):

- the people (admins and staff) of the lead organisation and of the partner organisations;
- the managers of the networks taking part;
- platform admins.

Changes (the project, its partners, networks, funding and milestones) are made by the
admins of the lead organisation, the managers of a network taking part, and platform
admins; others who see the project get 403. Each organisation's admins give or withdraw
their own organisation's agreement to publication.
"""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from cooperations.models import Interest, Project, ProjectNetwork, ProjectPartner
from members import roles
from members.models import Membership, Network, Organisation, User

AnyUser = User | AnonymousUser


def published() -> Q:
    """Projects made public by their lead whose partners all agreed."""
    refused = ProjectPartner.objects.filter(agreed_to_publish=False).values("project_id")
    return Q(is_public=True) & ~Q(pk__in=refused)


def projects_visible_to(user: AnyUser) -> QuerySet[Project]:
    user_roles = roles.for_user(user)
    if user_roles.is_platform_admin:
        return Project.objects.all()
    return Project.objects.filter(published() | _taking_part(user_roles))


def projects_taking_part(user: AnyUser) -> QuerySet[Project]:
    """Projects the user works on: through their organisations or their managed networks."""
    user_roles = roles.for_user(user)
    if not (user_roles.organisation_ids or user_roles.managed_network_ids):
        return Project.objects.none()
    return Project.objects.filter(_taking_part(user_roles))


def _taking_part(user_roles: roles.Roles) -> Q:
    own, managed = user_roles.organisation_ids, user_roles.managed_network_ids
    partner_of = ProjectPartner.objects.filter(organisation_id__in=own).values("project_id")
    network_of = ProjectNetwork.objects.filter(network_id__in=managed).values("project_id")
    return Q(lead_organisation_id__in=own) | Q(pk__in=partner_of) | Q(pk__in=network_of)


def is_taking_part(user: AnyUser, project: Project) -> bool:
    """The user sees the project's inner workings (publication state): see the module."""
    if roles.for_user(user).is_platform_admin:
        return True
    return projects_taking_part(user).filter(pk=project.pk).exists()


def project_for_view(user: AnyUser, slug: str) -> Project:
    projects = projects_visible_to(user).select_related("lead_organisation", "topic")
    return get_object_or_404(projects, slug=slug)


def can_change_project(user: AnyUser, project: Project) -> bool:
    user_roles = roles.for_user(user)
    if user_roles.is_platform_admin or project.lead_organisation_id in user_roles.admin_of:
        return True
    managed = user_roles.managed_network_ids
    return bool(managed) and project.networks.filter(network_id__in=managed).exists()


def project_for_change(user: AnyUser, slug: str) -> Project:
    project = project_for_view(user, slug)
    if not can_change_project(user, project):
        raise PermissionDenied
    return project


def organisations_agreeing_for(user: AnyUser, project: Project) -> list[Organisation]:
    """The lead or partner organisations of ``project`` whose admin the user is."""
    admin_of = roles.for_user(user).admin_of
    taking_part = [project.lead_organisation, *(p.organisation for p in project.partners.all())]
    return [organisation for organisation in taking_part if organisation.pk in admin_of]


# --- Starting a project -------------------------------------------------------------------


def organisations_that_may_lead(user: AnyUser) -> QuerySet[Organisation]:
    """Possible lead organisations: those the user is admin of; for a network manager also
    the organisations active in their networks; every one for platform admins."""
    user_roles = roles.for_user(user)
    if user_roles.is_platform_admin:
        return Organisation.objects.order_by("name")
    in_networks = Membership.objects.filter(
        network_id__in=user_roles.managed_network_ids, status=Membership.Status.ACTIVE
    ).values("organisation_id")
    return Organisation.objects.filter(
        Q(pk__in=user_roles.admin_of) | Q(pk__in=in_networks)
    ).order_by("name")


def networks_that_may_lead(user: AnyUser) -> QuerySet[Network]:
    """Networks a user can name as the leading network of a new project: all for platform
    admins and organisation admins, the managed ones for a network manager."""
    user_roles = roles.for_user(user)
    if user_roles.is_platform_admin or user_roles.admin_of:
        return Network.objects.order_by("name")
    return Network.objects.filter(pk__in=user_roles.managed_network_ids).order_by("name")


def may_start_project(user: AnyUser) -> bool:
    user_roles = roles.for_user(user)
    return user_roles.is_platform_admin or bool(user_roles.admin_of or user_roles.is_manager)


def may_create_with(user: AnyUser, *, lead: Organisation, network: Network | None) -> bool:
    """The user may create a project led by ``lead`` (with ``network`` leading, if any)."""
    user_roles = roles.for_user(user)
    if user_roles.is_platform_admin or lead.pk in user_roles.admin_of:
        return True
    managed = user_roles.managed_network_ids
    if network is None or network.pk not in managed:
        return False
    return Membership.objects.filter(
        organisation=lead, network_id__in=managed, status=Membership.Status.ACTIVE
    ).exists()


def interest_sides_for(user: AnyUser, interest: Interest) -> tuple[Organisation, Organisation]:
    """(lead, partner) of a project started from ``interest`` by ``user``: the side the user
    is admin of leads. ``PermissionDenied`` when they are admin of neither side."""
    admin_of = roles.for_user(user).admin_of
    owner, sender = interest.listing.organisation, interest.organisation
    if owner.pk in admin_of:
        return owner, sender
    if sender.pk in admin_of:
        return sender, owner
    raise PermissionDenied
