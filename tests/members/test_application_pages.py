"""Applying through HTTP: the form, closed networks, and who may apply.

``world.company`` (admin: ``world.owner``) applies to ``target``, an open network; see
application_fixtures.py. The queue and its decisions: test_application_queue_pages.py.
"""

import pytest
from django.urls import reverse

from members.models import Membership, Network, Person
from tests import factories
from tests.members import application_fixtures
from tests.members.application_fixtures import apply, in_english
from tests.members.helpers import user_of

pytestmark = pytest.mark.django_db

# The shared fixture (see application_fixtures.py), registered in this module.
target = application_fixtures.target


# --- Through HTTP: applying ------------------------------------------------------------------


def apply_url(network: Network) -> str:
    return reverse("members:network_apply", args=[network.slug])


def test_owner_applies_through_form(client, world, target):
    in_english(client, world.owner)
    assert client.get(apply_url(target.network)).status_code == 200

    response = client.post(
        apply_url(target.network),
        {"organisation": world.company.pk, "role": "member", "message": "Wir möchten dabei sein."},
        follow=True,
    )

    assert response.redirect_chain == [(target.network.get_absolute_url(), 302)]
    membership = Membership.objects.get(network=target.network)
    assert (membership.organisation, membership.status, membership.message) == (
        world.company,
        "applied",
        "Wir möchten dabei sein.",
    )
    content = response.content.decode()
    assert "the application of Hesterberg Testwerk GmbH was sent" in content
    assert "Hesterberg Testwerk GmbH applied on" in content
    assert apply_url(target.network) not in content


def test_apply_form_without_message_shows_error(client, world, target):
    in_english(client, world.owner)

    response = client.post(
        apply_url(target.network), {"organisation": world.company.pk, "role": "member"}
    )

    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not Membership.objects.filter(network=target.network).exists()


def test_apply_form_company_as_partner_shows_error(client, world, target):
    in_english(client, world.owner)

    response = client.post(
        apply_url(target.network),
        {"organisation": world.company.pk, "role": "partner", "message": "Hallo"},
    )

    assert response.status_code == 400
    assert "A company applies as member" in response.content.decode()
    assert not Membership.objects.filter(network=target.network).exists()


def test_apply_form_offers_partner_to_partner_organisation(client, world, target):
    chamber_admin = factories.PersonFactory(organisation=world.chamber, role="admin").user
    in_english(client, chamber_admin)

    page = client.get(apply_url(target.network)).content.decode()
    assert 'type="radio" name="role" value="partner"' in page

    response = client.post(
        apply_url(target.network),
        {"organisation": world.chamber.pk, "role": "partner", "message": "Die IHK unterstützt."},
    )

    assert response.status_code == 302
    assert Membership.objects.get(network=target.network).role == "partner"


def test_apply_form_for_company_asks_no_role(client, world, target):
    page = in_english(client, world.owner).get(apply_url(target.network)).content.decode()

    assert '<input type="hidden" name="role" value="member"' in page
    assert 'value="partner"' not in page


def test_closed_network_page_says_so_without_apply_button(client, world, target):
    Network.objects.filter(pk=target.network.pk).update(is_open=False)

    content = in_english(client, world.owner).get(target.network.get_absolute_url()).content
    content = content.decode()

    assert "Not open to new participants" in content
    assert "accepts no applications" in content
    assert apply_url(target.network) not in content


@pytest.mark.parametrize("method", ["get", "post"])
def test_closed_network_refuses_application(client, world, target, method):
    Network.objects.filter(pk=target.network.pk).update(is_open=False)
    in_english(client, world.owner)
    data = {"organisation": world.company.pk, "role": "member", "message": "Hallo"}

    response = getattr(client, method)(apply_url(target.network), data, follow=True)

    assert response.redirect_chain == [(target.network.get_absolute_url(), 302)]
    assert "This network is not open to new participants." in response.content.decode()
    assert not Membership.objects.filter(network=target.network).exists()


def test_apply_page_of_active_member_sends_back(client, world):
    response = in_english(client, world.owner).get(apply_url(world.network), follow=True)

    assert response.redirect_chain == [(world.network.get_absolute_url(), 302)]
    content = response.content.decode()
    assert "already part of this network or have applied" in content
    assert "Hesterberg Testwerk GmbH takes part as member." in content


def test_apply_twice_through_form_refused(client, world, target):
    apply(world.company, target.network)
    in_english(client, world.owner)

    response = client.post(
        apply_url(target.network),
        {"organisation": world.company.pk, "role": "member", "message": "Nochmal"},
    )

    assert response.status_code == 302
    assert Membership.objects.filter(network=target.network).count() == 1


def test_apply_anonymous_asked_to_sign_in(client, world, target):
    response = client.post(apply_url(target.network), {"message": "Hallo"})

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not Membership.objects.filter(network=target.network).exists()


@pytest.mark.parametrize("role", ["colleague", "outsider", "partner", "manager", "platform_admin"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_apply_refused_without_organisation_admin_role(client, world, target, role, method):
    in_english(client, user_of(world, role))
    data = {"organisation": world.company.pk, "role": "member", "message": "Hallo"}

    response = getattr(client, method)(apply_url(target.network), data)

    assert response.status_code == 403
    assert not Membership.objects.filter(network=target.network).exists()


def test_admin_of_another_organisation_cannot_apply_for_company(client, world, target):
    stranger = factories.PersonFactory(role=Person.Role.ADMIN)
    in_english(client, stranger.user)

    response = client.post(
        apply_url(target.network),
        {"organisation": world.company.pk, "role": "member", "message": "Hallo"},
    )

    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()
    assert not Membership.objects.filter(network=target.network).exists()


@pytest.mark.parametrize(
    ("role", "sees_button"),
    [
        ("owner", True),
        ("colleague", False),
        ("outsider", False),
        ("manager", False),
        ("anonymous", False),
    ],
)
def test_network_page_offers_apply_button_to_organisation_admins(
    client, world, target, role, sees_button
):
    if role != "anonymous":
        client.force_login(user_of(world, role))
    content = in_english(client).get(target.network.get_absolute_url()).content.decode()

    assert (f'href="{apply_url(target.network)}"' in content) is sees_button


def test_network_page_asks_anonymous_to_sign_in_to_apply(client, world, target):
    content = in_english(client).get(target.network.get_absolute_url()).content.decode()

    login = f"{reverse('account_login')}?next={target.network.get_absolute_url()}"
    assert f'Organisation admins <a href="{login}">sign in</a> to apply' in content
