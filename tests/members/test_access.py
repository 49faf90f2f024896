"""Who holds which role (members.roles) and who may see or change what (members.access).

``world.company`` is public; ``hidden`` is a members-only company, active in ``world.network``.
"""

import pytest
from allauth.mfa.models import Authenticator
from django.core.exceptions import PermissionDenied
from django.http import Http404

from members import access, roles
from members.models import Membership, Person
from tests import factories
from tests.members.helpers import ALL_ROLES, MEMBERS_ONLY, NOT_SEE_HIDDEN, SEE_HIDDEN, user_of

pytestmark = pytest.mark.django_db


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
        user=world.manager, type=Authenticator.Type.RECOVERY_CODES, data={"seed": "abc"}
    )
    roles.forget(world.manager)
    assert roles.has_two_factor(world.manager) is False
    Authenticator.objects.create(
        user=world.manager, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )
    assert roles.has_two_factor(world.manager) is False  # loaded once per request
    roles.forget(world.manager)
    assert roles.has_two_factor(world.manager) is True


def test_roles_two_factor_and_navigation_in_one_query(world, django_assert_num_queries):
    """A manager who works at two organisations and set up TOTP: one query for it all."""
    second = factories.OrganisationFactory(name="Agentur Ämter GmbH")
    factories.PersonFactory(organisation=second, user=world.partner, role=Person.Role.ADMIN)
    factories.PersonFactory(organisation=world.company, user=world.partner, is_active=False)
    factories.NetworkManagerFactory(network=world.network, user=world.partner)
    Authenticator.objects.create(
        user=world.partner, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )
    with django_assert_num_queries(1):
        partner = roles.for_user(world.partner)
        assert roles.needs_two_factor(world.partner)
        assert roles.has_two_factor(world.partner)
    assert (partner.admin_of, partner.staff_of) == ({second.pk}, {world.chamber.pk})
    assert partner.managed_network_ids == partner.network_ids == {world.network.pk}
    names = [organisation.name for organisation in partner.organisations]
    assert names == sorted([second.name, world.chamber.name])
    assert partner.organisations[0].get_absolute_url() == second.get_absolute_url()


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
