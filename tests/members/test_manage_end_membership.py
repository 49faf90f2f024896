"""Ending a membership: confirmation page, optional reason, audit; only the network's managers."""

import pytest
from django.urls import reverse
from django.utils import timezone

from members.models import Membership
from network_portal.models import AuditEntry
from tests import factories
from tests.members.fixtures.text import german
from tests.members.helpers import user_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def membership(world) -> Membership:
    return world.company.memberships.get(network=world.network)


def _url(membership) -> str:
    return reverse("members:manage_membership_end", args=[membership.pk])


@pytest.mark.parametrize("who", ["manager", "platform_admin"])
def test_end_membership_asks_for_confirmation_first(client, world, membership, who):
    client.force_login(getattr(world, who))

    response = client.get(_url(membership))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Hesterberg Testwerk GmbH" in page
    assert 'name="reason"' in page
    membership.refresh_from_db()
    assert membership.status == Membership.Status.ACTIVE


@pytest.mark.parametrize("who", ["manager", "platform_admin"])
def test_end_membership_ends_it_today_with_reason_and_audit(client, world, membership, who):
    client.force_login(getattr(world, who))

    response = client.post(_url(membership), {"reason": "Betrieb eingestellt"}, follow=True)

    assert response.redirect_chain == [(reverse("members:manage_members"), 302)]
    membership.refresh_from_db()
    assert (membership.status, membership.ended_on, membership.decision_reason) == (
        Membership.Status.ENDED,
        timezone.localdate(),
        "Betrieb eingestellt",
    )
    entry = AuditEntry.objects.get(action="membership.end")
    assert (entry.actor, entry.object_type, entry.object_id) == (
        getattr(world, who),
        "members.membership",
        str(membership.pk),
    )
    assert entry.details == {
        "organisation": world.company.pk,
        "network": world.network.pk,
        "reason_given": True,
    }
    expected = german(
        "The membership of %(organisation)s in %(network)s has ended.",
        organisation=world.company.name,
        network=world.network.name,
    )
    assert expected in response.content.decode()


def test_end_membership_without_reason(client, world, membership):
    client.force_login(world.manager)
    client.post(_url(membership), {"reason": ""})
    membership.refresh_from_db()
    assert (membership.status, membership.decision_reason) == ("ended", "")
    assert AuditEntry.objects.get(action="membership.end").details["reason_given"] is False


def test_end_membership_reason_too_long_is_400_and_nothing_changes(client, world, membership):
    client.force_login(world.manager)
    response = client.post(_url(membership), {"reason": "x" * 1001})
    assert response.status_code == 400
    assert response.context["form"].errors["reason"]
    membership.refresh_from_db()
    assert membership.status == Membership.Status.ACTIVE
    assert not AuditEntry.objects.exists()


def test_end_membership_of_another_network_is_not_found(client, world, membership):
    client.force_login(world.other_manager)
    assert client.get(_url(membership)).status_code == 404
    assert client.post(_url(membership)).status_code == 404
    membership.refresh_from_db()
    assert membership.status == Membership.Status.ACTIVE


@pytest.mark.parametrize("role", ["owner", "colleague", "partner", "outsider"])
def test_end_membership_is_forbidden_without_a_manager_role(client, world, membership, role):
    client.force_login(user_of(world, role))
    assert client.post(_url(membership)).status_code == 403
    membership.refresh_from_db()
    assert membership.status == Membership.Status.ACTIVE


def test_end_membership_anonymous_is_sent_to_sign_in(client, membership):
    response = client.post(_url(membership))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    membership.refresh_from_db()
    assert membership.status == Membership.Status.ACTIVE


def test_end_membership_already_ended_says_so(client, world):
    ended = factories.MembershipFactory(network=world.network, status=Membership.Status.ENDED)
    client.force_login(world.manager)

    response = client.post(_url(ended), follow=True)

    assert german("This membership is not active (any more).") in response.content.decode()
    assert not AuditEntry.objects.exists()


def test_end_membership_unknown_id_is_not_found(client, world):
    client.force_login(world.platform_admin)
    assert client.get(reverse("members:manage_membership_end", args=[999999])).status_code == 404
