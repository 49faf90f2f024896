"""Deciding applications through HTTP: the queue, approving, declining, and who may.

``world.company`` (admin: ``world.owner``) has applied to ``target``, an open network
(``application``); see application_fixtures.py. Applying: test_application_pages.py.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from members.models import Membership
from members.services.applications import (
    membership_approve,
)
from network_portal.models import AuditEntry
from tests import factories
from tests.members import application_fixtures
from tests.members.application_fixtures import apply, in_english, mails_about
from tests.members.helpers import user_of

pytestmark = pytest.mark.django_db

# The shared fixtures (see application_fixtures.py), registered in this module.
target = application_fixtures.target
application = application_fixtures.application


# --- Through HTTP: the queue and its decisions ---------------------------------------------------


def test_queue_lists_applications_oldest_first_with_details(client, world, target):
    factories.NetworkManagerFactory(network=target.network, user=world.manager)
    sector = factories.SectorFactory(name="Metallverarbeitung", name_en="Metalworking")
    names = ["Zweite Stahl GmbH", "Erste Guss AG", "Dritte Draht KG"]
    for hours_ago, name in zip([2, 3, 1], names, strict=True):
        organisation = factories.OrganisationFactory(name=name, city="Herne")
        organisation.sectors.add(sector)
        membership = apply(organisation, target.network)
        Membership.objects.filter(pk=membership.pk).update(
            applied_at=timezone.now() - timezone.timedelta(hours=hours_ago)
        )

    response = in_english(client, world.manager).get(reverse("members:applications"))

    content = response.content.decode()
    positions = [content.index(f">{name}</a></h2>") for name in names]
    assert sorted(positions) == [positions[1], positions[0], positions[2]]
    assert "3 applications to decide" in content
    assert "Metalworking" in content
    assert "Herne" in content
    assert content.count("<blockquote") == 3


QUEUE_REFUSED = ["owner", "colleague", "outsider", "partner"]


def test_queue_asks_anonymous_to_sign_in(client, application):
    response = client.get(reverse("members:applications"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("role", QUEUE_REFUSED)
def test_queue_refused_outside_manager_area(client, world, application, role):
    response = in_english(client, user_of(world, role)).get(reverse("members:applications"))

    assert response.status_code == 403


@pytest.mark.parametrize(
    ("role", "sees"), [("manager", True), ("platform_admin", True), ("other_manager", False)]
)
def test_queue_shows_applications_of_managed_networks_only(client, world, application, role, sees):
    response = in_english(client, user_of(world, role)).get(reverse("members:applications"))

    assert response.status_code == 200
    assert (world.company.name in response.content.decode()) is sees


def test_queue_filters_by_network(client, world, application):
    elsewhere = factories.MembershipFactory(network=world.network, status="applied")
    in_english(client, world.manager)

    everything = client.get(reverse("members:applications")).content.decode()
    only_target = client.get(
        reverse("members:applications"), {"network": application.network.slug}
    ).content.decode()

    assert world.company.name in everything
    assert elsewhere.organisation.name in everything
    assert world.company.name in only_target
    assert elsewhere.organisation.name not in only_target


def test_queue_with_unknown_network_shows_error(client, world, application):
    response = in_english(client, world.manager).get(
        reverse("members:applications"), {"network": "gibt-es-nicht"}
    )

    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()


def approve_url(membership: Membership) -> str:
    return reverse("members:application_approve", args=[membership.pk])


def decline_url(membership: Membership) -> str:
    return reverse("members:application_decline", args=[membership.pk])


@pytest.mark.parametrize("role", ["manager", "platform_admin"])
def test_manager_approves_through_queue(client, world, application, role):
    in_english(client, user_of(world, role))

    response = client.post(approve_url(application), follow=True)

    assert response.redirect_chain == [(reverse("members:applications"), 302)]
    assert (
        "Hesterberg Testwerk GmbH is now part of Netzwerk Produktion Bochum. "
        "Its organisation admins were told by e-mail."
    ) in response.content.decode()
    application.refresh_from_db()
    assert (application.status, application.decided_by) == ("active", user_of(world, role))


def test_manager_declines_with_reason_through_queue(client, world, application):
    in_english(client, world.manager)

    response = client.post(
        decline_url(application), {"reason": "Kein Bezug zu Bochum."}, follow=True
    )

    assert response.redirect_chain == [(reverse("members:applications"), 302)]
    assert (
        "The application of Hesterberg Testwerk GmbH was declined. "
        "Its organisation admins were told by e-mail."
    ) in response.content.decode()
    application.refresh_from_db()
    assert (application.status, application.decision_reason) == (
        "declined",
        "Kein Bezug zu Bochum.",
    )


def test_approving_organisation_without_admin_asks_manager_to_tell_it(client, world, target):
    factories.NetworkManagerFactory(network=target.network, user=world.manager)
    without_accounts = factories.OrganisationFactory(name="Kontaktlos GmbH")
    factories.PersonFactory(organisation=without_accounts, user=None, role="contact")
    membership = apply(without_accounts, target.network)

    response = in_english(client, world.manager).post(approve_url(membership), follow=True)

    assert (
        "Kontaktlos GmbH is now part of Netzwerk Produktion Bochum. It has no organisation "
        "admin with a sign-in: please tell it yourself."
    ) in response.content.decode()
    assert [m.kind for m in mails_about(membership)] == ["application_received"] * 3


def test_decline_page_shows_application_and_form(client, world, application):
    response = in_english(client, world.manager).get(decline_url(application))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Decline the application of Hesterberg Testwerk GmbH" in content
    assert application.message in content
    assert 'name="reason"' in content


def test_decline_without_reason_shows_error_next_to_field(client, world, application):
    response = in_english(client, world.manager).post(decline_url(application), {"reason": " "})

    assert response.status_code == 400
    assert "Please give a reason for declining." in response.content.decode()
    application.refresh_from_db()
    assert application.status == "applied"
    assert not [m for m in mails_about(application) if m.kind == "application_declined"]


def test_decision_on_decided_application_tells_manager(client, world, application):
    membership_approve(membership=application, decided_by=world.platform_admin)
    in_english(client, world.manager)

    for url, data in [(approve_url(application), {}), (decline_url(application), {"reason": "x"})]:
        response = client.post(url, data, follow=True)
        assert "This application has already been decided." in response.content.decode()

    application.refresh_from_db()
    assert (application.status, application.decided_by) == ("active", world.platform_admin)


@pytest.mark.parametrize("url_of", [approve_url, decline_url])
def test_decision_asks_anonymous_to_sign_in(client, application, url_of):
    response = client.post(url_of(application), {"reason": "Nein"})

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    application.refresh_from_db()
    assert application.status == "applied"


@pytest.mark.parametrize("url_of", [approve_url, decline_url])
@pytest.mark.parametrize(
    "refusal", [*[(role, 403) for role in QUEUE_REFUSED], ("other_manager", 404)]
)
def test_decision_refused_to_others(client, world, application, url_of, refusal):
    role, status = refusal
    response = in_english(client, user_of(world, role)).post(
        url_of(application), {"reason": "Nein"}
    )

    assert response.status_code == status
    application.refresh_from_db()
    assert application.status == "applied"
    assert not AuditEntry.objects.exists()


def test_approve_only_by_post(client, world, application):
    response = in_english(client, world.manager).get(approve_url(application))

    assert response.status_code == 405
    application.refresh_from_db()
    assert application.status == "applied"
