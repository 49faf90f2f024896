"""Who holds which role (members.roles) and who may see or change what (members.access).

``world.company`` is public; ``hidden`` is a members-only company, active in ``world.network``.
"""

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from members import access, roles
from members.models import Membership, Organisation, Person
from tests import factories

pytestmark = pytest.mark.django_db

MEMBERS_ONLY = Organisation.Visibility.MEMBERS
SEE_HIDDEN = ["owner", "colleague", "partner", "manager", "platform_admin"]
NOT_SEE_HIDDEN = ["outsider", "anonymous", "other_manager"]
ALL_ROLES = SEE_HIDDEN + NOT_SEE_HIDDEN


@pytest.fixture
def hidden(world) -> Organisation:
    """A members-only company, active member of ``world.network``."""
    company = factories.OrganisationFactory(
        name="Verborgene Präzision GmbH", slug="verborgene-praezision", visibility=MEMBERS_ONLY
    )
    factories.MembershipFactory(organisation=company, network=world.network)
    return company


def user_of(world, role: str):
    return AnonymousUser() if role == "anonymous" else getattr(world, role)


def visible_names(user) -> set[str]:
    return set(access.organisations_visible_to(user).values_list("name", flat=True))


def set_company_membership(world, status: str) -> None:
    Membership.objects.filter(organisation=world.company).update(status=status)


# --- roles ---------------------------------------------------------------------------------


def test_roles_of_organisation_admin_and_staff(world):
    owner, colleague = roles.for_user(world.owner), roles.for_user(world.colleague)
    assert (owner.admin_of, owner.staff_of) == ({world.company.pk}, frozenset())
    assert (colleague.admin_of, colleague.staff_of) == (frozenset(), {world.company.pk})
    assert owner.network_ids == colleague.network_ids == {world.network.pk}
    assert (owner.is_manager, owner.is_platform_admin, owner.is_partner) == (False, False, False)


def test_roles_of_partner_organisation_staff(world):
    partner = roles.for_user(world.partner)
    assert partner.is_partner is True
    assert partner.organisation_ids == {world.chamber.pk}
    assert partner.network_ids == {world.network.pk}


def test_roles_of_network_managers(world):
    manager, other = roles.for_user(world.manager), roles.for_user(world.other_manager)
    assert manager.managed_network_ids == {world.network.pk}
    assert other.is_manager is True
    assert world.network.pk not in other.managed_network_ids
    assert manager.organisation_ids == manager.network_ids == frozenset()


@pytest.mark.parametrize("role", ["outsider", "anonymous"])
def test_roles_of_users_without_organisation_are_none(world, role):
    assert roles.for_user(user_of(world, role)) == roles.NO_ROLES


def test_roles_of_platform_admin(world):
    assert roles.for_user(world.platform_admin) == roles.Roles(is_platform_admin=True)


def test_roles_of_inactive_user_are_none(world):
    world.manager.is_active = False
    assert roles.for_user(world.manager) == roles.NO_ROLES


@pytest.mark.parametrize("status", [Membership.Status.APPLIED, Membership.Status.ENDED])
def test_roles_count_only_active_memberships(world, status):
    set_company_membership(world, status)
    assert roles.for_user(world.owner).network_ids == frozenset()


def test_roles_ignore_inactive_person(world):
    Person.objects.filter(user=world.owner).update(is_active=False)
    assert roles.for_user(world.owner) == roles.NO_ROLES


def test_roles_loaded_once_until_forgotten(world, django_assert_num_queries):
    roles.for_user(world.owner)
    with django_assert_num_queries(0):
        roles.for_user(world.owner)
    Person.objects.filter(user=world.owner).update(role=Person.Role.STAFF)
    roles.forget(world.owner)
    assert roles.for_user(world.owner).staff_of == {world.company.pk}


@pytest.mark.parametrize(
    ("role", "needed"), [("manager", True), ("platform_admin", True), ("owner", False)]
)
def test_two_factor_needed_by_managers_and_platform_admins(world, role, needed):
    assert roles.needs_two_factor(user_of(world, role)) is needed


def test_two_factor_present_only_with_totp_authenticator(world):
    assert roles.has_two_factor(world.manager) is False
    Authenticator.objects.create(
        user=world.manager, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )
    assert roles.has_two_factor(world.manager) is True


# --- organisations_visible_to / organisation_for_view ------------------------------------


@pytest.mark.parametrize("role", ALL_ROLES)
def test_public_organisation_visible_to_everybody(world, role):
    user = user_of(world, role)
    assert access.organisation_for_view(user, world.company.slug) == world.company


@pytest.mark.parametrize("role", SEE_HIDDEN)
def test_members_only_organisation_visible_to_shared_network_and_admins(world, hidden, role):
    user = user_of(world, role)
    assert access.organisation_for_view(user, hidden.slug) == hidden
    assert access.can_view_organisation(user, hidden) is True


@pytest.mark.parametrize("role", NOT_SEE_HIDDEN)
def test_members_only_organisation_unknown_to_others(world, hidden, role):
    user = user_of(world, role)
    with pytest.raises(Http404):
        access.organisation_for_view(user, hidden.slug)
    assert access.can_view_organisation(user, hidden) is False


def test_members_only_organisation_visible_to_its_own_people_without_network(world):
    loner = factories.OrganisationFactory(name="Einzelgänger KG", visibility=MEMBERS_ONLY)
    own = factories.PersonFactory(organisation=loner, role=Person.Role.STAFF).user
    assert access.organisation_for_view(own, loner.slug) == loner
    with pytest.raises(Http404):
        access.organisation_for_view(world.owner, loner.slug)


@pytest.mark.parametrize("status", [Membership.Status.ENDED, Membership.Status.APPLIED])
def test_members_only_organisation_hidden_when_viewers_membership_not_active(world, hidden, status):
    set_company_membership(world, status)
    with pytest.raises(Http404):
        access.organisation_for_view(world.owner, hidden.slug)
    assert visible_names(world.colleague) == {world.company.name, world.chamber.name}


@pytest.mark.parametrize("status", [Membership.Status.ENDED, Membership.Status.APPLIED])
def test_members_only_organisation_hidden_from_members_when_its_membership_not_active(
    world, hidden, status
):
    Membership.objects.filter(organisation=hidden).update(status=status)
    with pytest.raises(Http404):
        access.organisation_for_view(world.owner, hidden.slug)
    with pytest.raises(Http404):
        access.organisation_for_view(world.partner, hidden.slug)


def test_members_only_applicant_visible_to_manager_deciding_the_application(world, hidden):
    Membership.objects.filter(organisation=hidden).update(status=Membership.Status.APPLIED)
    assert access.organisation_for_view(world.manager, hidden.slug) == hidden
    with pytest.raises(Http404):
        access.organisation_for_view(world.other_manager, hidden.slug)


def test_members_only_organisation_hidden_from_manager_after_membership_ended(world, hidden):
    Membership.objects.filter(organisation=hidden).update(status=Membership.Status.ENDED)
    with pytest.raises(Http404):
        access.organisation_for_view(world.manager, hidden.slug)


def test_members_only_organisation_hidden_from_members_of_another_network(world, hidden):
    elsewhere = factories.NetworkFactory(name="VerpackungsCluster Göttingen")
    stranger_org = factories.OrganisationFactory(name="Göttinger Kartonagen GmbH")
    factories.MembershipFactory(organisation=stranger_org, network=elsewhere)
    stranger = factories.PersonFactory(organisation=stranger_org).user
    with pytest.raises(Http404):
        access.organisation_for_view(stranger, hidden.slug)


def test_members_only_organisation_hidden_from_inactive_person(world, hidden):
    Person.objects.filter(user=world.colleague).update(is_active=False)
    with pytest.raises(Http404):
        access.organisation_for_view(world.colleague, hidden.slug)


def test_members_only_organisation_hidden_from_deactivated_platform_admin(world, hidden):
    world.platform_admin.is_active = False
    world.platform_admin.save(update_fields=["is_active"])
    with pytest.raises(Http404):
        access.organisation_for_view(world.platform_admin, hidden.slug)


def test_visible_organisations_listed_once_each(world, hidden):
    second = factories.NetworkFactory(name="Netzwerk Produktion")
    factories.MembershipFactory(organisation=hidden, network=second)
    factories.MembershipFactory(organisation=world.company, network=second)
    names = list(access.organisations_visible_to(world.owner).values_list("name", flat=True))
    assert sorted(names) == sorted([world.company.name, world.chamber.name, hidden.name])


def test_unknown_organisation_slug_is_404(world):
    with pytest.raises(Http404):
        access.organisation_for_view(world.platform_admin, "gibt-es-nicht")


# --- organisation_for_change ---------------------------------------------------------------


@pytest.mark.parametrize("role", ["owner", "manager", "platform_admin"])
def test_organisation_changeable_by_admin_manager_and_platform_admin(world, role):
    user = user_of(world, role)
    assert access.organisation_for_change(user, world.company.slug) == world.company
    assert access.can_change_organisation(user, world.company) is True


@pytest.mark.parametrize("role", ["colleague", "partner", "outsider", "other_manager", "anonymous"])
def test_public_organisation_not_changeable_by_others(world, role):
    user = user_of(world, role)
    with pytest.raises(PermissionDenied):
        access.organisation_for_change(user, world.company.slug)
    assert access.can_change_organisation(user, world.company) is False


@pytest.mark.parametrize("role", ["owner", "colleague", "partner"])
def test_members_only_organisation_seen_but_not_changeable_by_members(world, hidden, role):
    with pytest.raises(PermissionDenied):
        access.organisation_for_change(user_of(world, role), hidden.slug)


@pytest.mark.parametrize("role", NOT_SEE_HIDDEN)
def test_members_only_organisation_change_is_404_for_those_who_cannot_see_it(world, hidden, role):
    with pytest.raises(Http404):
        access.organisation_for_change(user_of(world, role), hidden.slug)


@pytest.mark.parametrize("role", ["manager", "platform_admin"])
def test_members_only_organisation_changeable_by_its_manager_and_platform_admin(
    world, hidden, role
):
    assert access.organisation_for_change(user_of(world, role), hidden.slug) == hidden


def test_applicant_changeable_by_manager_of_the_network_applied_to(world, hidden):
    Membership.objects.filter(organisation=hidden).update(status=Membership.Status.APPLIED)
    assert access.organisation_for_change(world.manager, hidden.slug) == hidden


def test_organisation_not_changeable_by_manager_after_membership_ended(world):
    set_company_membership(world, Membership.Status.ENDED)
    with pytest.raises(PermissionDenied):
        access.organisation_for_change(world.manager, world.company.slug)


def test_organisation_not_changeable_by_former_admin(world):
    Person.objects.filter(user=world.owner).update(is_active=False)
    with pytest.raises(PermissionDenied):
        access.organisation_for_change(world.owner, world.company.slug)


def test_organisations_managed_by_lists_members_and_applicants_once(world, hidden):
    applicant = factories.OrganisationFactory(name="Bewerber Stahlbau GmbH")
    factories.MembershipFactory(organisation=applicant, network=world.network, status="applied")
    former = factories.OrganisationFactory(name="Ehemalige Gießerei AG")
    factories.MembershipFactory(organisation=former, network=world.network, status="ended")
    names = access.organisations_managed_by(world.manager).values_list("name", flat=True)
    expected = [applicant.name, world.company.name, world.chamber.name, hidden.name]
    assert sorted(names) == sorted(expected)
    assert list(access.organisations_managed_by(world.other_manager)) == []


# --- network_for_view / network_for_manage -------------------------------------------------


@pytest.mark.parametrize("role", ["manager", "platform_admin"])
def test_network_manageable_by_its_manager_and_platform_admin(world, role):
    user = user_of(world, role)
    assert access.network_for_manage(user, world.network.slug) == world.network
    assert access.can_manage_network(user, world.network) is True


@pytest.mark.parametrize(
    "role", ["owner", "colleague", "partner", "outsider", "other_manager", "anonymous"]
)
def test_network_not_manageable_by_others(world, role):
    user = user_of(world, role)
    with pytest.raises(PermissionDenied):
        access.network_for_manage(user, world.network.slug)
    assert access.can_manage_network(user, world.network) is False


def test_network_for_manage_unknown_slug_is_404(world):
    with pytest.raises(Http404):
        access.network_for_manage(world.manager, "gibt-es-nicht")


@pytest.mark.parametrize("role", ALL_ROLES)
def test_network_visible_to_everybody(world, role):
    assert access.network_for_view(world.network.slug) == world.network


# --- Through HTTP: the organisation page ---------------------------------------------------


def get_as(client, world, role: str, url: str):
    """GET ``url`` in English (the texts asserted) as the user holding ``role``."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    if role != "anonymous":
        client.force_login(user_of(world, role))
    return client.get(url)


@pytest.mark.parametrize("role", ALL_ROLES)
def test_public_organisation_page_shows_profile_to_everybody(client, world, role):
    response = get_as(client, world, role, world.company.get_absolute_url())
    assert response.status_code == 200
    content = response.content.decode()
    assert f"<h1>{world.company.name}</h1>" in content
    assert f'href="{world.network.get_absolute_url()}"' in content


@pytest.mark.parametrize("role", SEE_HIDDEN)
def test_members_only_organisation_page_shown_to_shared_network(client, world, hidden, role):
    response = get_as(client, world, role, hidden.get_absolute_url())
    assert response.status_code == 200
    assert f"<h1>{hidden.name}</h1>" in response.content.decode()


@pytest.mark.parametrize("role", NOT_SEE_HIDDEN)
def test_members_only_organisation_page_404_for_others(client, world, hidden, role):
    response = get_as(client, world, role, hidden.get_absolute_url())
    assert response.status_code == 404
    assert hidden.name not in response.content.decode()


def test_organisation_page_shows_edit_link_to_platform_admin_only(client, world):
    edit_url = reverse("admin:members_organisation_change", args=[world.company.pk])
    admin_page = get_as(client, world, "platform_admin", world.company.get_absolute_url())
    assert f'href="{edit_url}"' in admin_page.content.decode()
    client.force_login(world.owner)
    owner_page = client.get(world.company.get_absolute_url())
    assert edit_url not in owner_page.content.decode()


def test_organisation_page_shows_public_contacts_only(client, world):
    factories.PersonFactory(
        organisation=world.company,
        user=None,
        first_name="Petra",
        last_name="Öffentlich",
        email="petra@example.org",
        is_public_contact=True,
        show_email=True,
    )
    factories.PersonFactory(
        organisation=world.company, user=None, first_name="Ingo", last_name="Intern"
    )
    content = client.get(world.company.get_absolute_url()).content.decode()
    assert "Petra Öffentlich" in content
    assert 'href="mailto:petra@example.org"' in content
    assert "Ingo Intern" not in content


# --- Through HTTP: the network page ---------------------------------------------------------


def member_links(content: str, *organisations: Organisation) -> list[bool]:
    return [f'href="{o.get_absolute_url()}"' in content for o in organisations]


@pytest.mark.parametrize("role", SEE_HIDDEN)
def test_network_page_lists_members_only_company_for_shared_network(client, world, hidden, role):
    response = get_as(client, world, role, world.network.get_absolute_url())
    assert response.status_code == 200
    content = response.content.decode()
    assert member_links(content, world.company, world.chamber, hidden) == [True, True, True]
    assert hidden.name in content


@pytest.mark.parametrize("role", NOT_SEE_HIDDEN)
def test_network_page_omits_members_only_company_for_others(client, world, hidden, role):
    response = get_as(client, world, role, world.network.get_absolute_url())
    assert response.status_code == 200
    content = response.content.decode()
    assert member_links(content, world.company, world.chamber, hidden) == [True, True, False]
    assert hidden.name not in content


def test_network_page_omits_applicants_and_former_members(client, world):
    applicant = factories.OrganisationFactory(name="Bewerber Stahlbau GmbH")
    factories.MembershipFactory(organisation=applicant, network=world.network, status="applied")
    former = factories.OrganisationFactory(name="Ehemalige Gießerei AG")
    factories.MembershipFactory(organisation=former, network=world.network, status="ended")
    content = get_as(client, world, "manager", world.network.get_absolute_url()).content.decode()
    assert applicant.name not in content
    assert former.name not in content
    assert world.company.name in content


@pytest.mark.parametrize("role", ["manager", "platform_admin"])
def test_network_page_tells_managers_they_manage_it(client, world, role):
    content = get_as(client, world, role, world.network.get_absolute_url()).content.decode()
    assert "You manage this network." in content


@pytest.mark.parametrize("role", ["owner", "partner", "outsider", "other_manager", "anonymous"])
def test_network_page_does_not_claim_others_manage_it(client, world, role):
    content = get_as(client, world, role, world.network.get_absolute_url()).content.decode()
    assert "You manage this network." not in content


def test_network_page_unknown_slug_is_404(client, world):
    response = client.get(reverse("members:network", args=["gibt-es-nicht"]))
    assert response.status_code == 404
