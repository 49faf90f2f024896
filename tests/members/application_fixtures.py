"""Fixtures and helpers of the application tests.

``target`` is an open network with two managers, one reading German, one English;
``application`` is ``world.company``'s application to it (``world.manager`` manages it too).
"""

from dataclasses import dataclass

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from members.models import Membership, Network, Organisation, User
from members.services.applications import membership_apply
from network_portal.models import OutgoingMail
from network_portal.outbox import mail_about
from tests import factories


@dataclass
class Target:
    network: Network
    manager_de: User
    manager_en: User


@pytest.fixture
def target(world) -> Target:
    network = factories.NetworkFactory(name="Netzwerk Produktion Bochum", slug="produktion")
    manager_de = factories.NetworkManagerFactory(network=network, user__language="de").user
    manager_en = factories.NetworkManagerFactory(network=network, user__language="en").user
    return Target(network=network, manager_de=manager_de, manager_en=manager_en)


@pytest.fixture
def application(world, target) -> Membership:
    """``world.company`` has applied to ``target.network``; ``world.manager`` manages it too."""
    factories.NetworkManagerFactory(network=target.network, user=world.manager)
    return membership_apply(
        organisation=world.company,
        network=target.network,
        message="Wir fertigen Präzisionsteile und suchen Partner in Bochum.",
    )


def apply(organisation: Organisation, network: Network, **extra) -> Membership:
    return membership_apply(organisation=organisation, network=network, message="Hallo", **extra)


def mails_about(membership: Membership) -> list[OutgoingMail]:
    return list(OutgoingMail.objects.filter(about=mail_about(membership)).order_by("recipient"))


def translated(language: str, msgid: str, **values) -> str:
    with translation.override(language):
        return gettext(msgid) % values


def in_english(client, user=None):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    if user is not None:
        client.force_login(user)
    return client
