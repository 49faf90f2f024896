"""The people around one cooperation project, seen from every side (healthchecks habit).

``world.company`` leads a project in which ``world.chamber`` is a partner and
``world.network`` the leading network; it is not public yet.
"""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from cooperations.models import Project, ProjectNetwork
from members.models import Person, User
from tests import factories
from tests.cooperations.factories import (
    ProjectFactory,
    ProjectNetworkFactory,
    ProjectPartnerFactory,
)

START = dt.date(2026, 1, 1)
END = dt.date(2026, 12, 31)


@dataclass
class Team:
    project: Project
    users: dict[str, User | AnonymousUser]


def project_team(world, topics) -> Team:
    partner_admin = factories.PersonFactory(organisation=world.chamber, role=Person.Role.ADMIN)
    project = ProjectFactory(
        title="Verbundausbildung Metall im Ennepe-Ruhr-Kreis",
        slug="verbundausbildung-metall",
        topic=topics["aus-weiterbildung"],
        lead_organisation=world.company,
        starts_on=START,
        ends_on=END,
    )
    ProjectPartnerFactory(project=project, organisation=world.chamber)
    ProjectNetworkFactory(project=project, network=world.network, role=ProjectNetwork.Role.LEAD)
    users = {
        "lead admin": world.owner,
        "lead staff": world.colleague,
        "partner admin": partner_admin.user,
        "partner staff": world.partner,
        "manager": world.manager,
        "other manager": world.other_manager,
        "outsider": world.outsider,
        "platform admin": world.platform_admin,
        "anonymous": AnonymousUser(),
    }
    return Team(project=project, users=users)


def as_user(client, user):
    if user.is_authenticated:
        client.force_login(user)
    return client


def project_url(project: Project, name: str = "project", *args) -> str:
    return reverse(f"cooperations:{name}", args=[project.slug, *args])


def is_login_redirect(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


def today() -> dt.date:
    return timezone.localdate()
