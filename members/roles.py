"""What roles a user holds: platform admin, network manager, organisation admin or staff.

Loaded once per request and kept on the user object, so navigation and access checks
do not query again.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser

from members.models import Membership, NetworkManager, Person, User

_CACHE_ATTRIBUTE = "_portal_roles"


@dataclass(frozen=True)
class Roles:
    is_platform_admin: bool = False
    managed_network_ids: frozenset[int] = field(default_factory=frozenset)
    admin_of: frozenset[int] = field(default_factory=frozenset)
    staff_of: frozenset[int] = field(default_factory=frozenset)
    network_ids: frozenset[int] = field(default_factory=frozenset)
    is_partner: bool = False

    @property
    def organisation_ids(self) -> frozenset[int]:
        return self.admin_of | self.staff_of

    @property
    def is_manager(self) -> bool:
        return bool(self.managed_network_ids)


NO_ROLES = Roles()


def for_user(user: User | AnonymousUser) -> Roles:
    """The roles of ``user``; anonymous and inactive users hold none."""
    if not user.is_authenticated or not user.is_active:
        return NO_ROLES
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is None:
        cached = _load(user)
        setattr(user, _CACHE_ATTRIBUTE, cached)
    return cached


def forget(user: User) -> None:
    """Drop the cached roles after they changed within the same request."""
    if hasattr(user, _CACHE_ATTRIBUTE):
        delattr(user, _CACHE_ATTRIBUTE)


def _load(user: User) -> Roles:
    people = list(
        Person.objects.filter(user=user, is_active=True).values_list(
            "organisation_id", "role", "organisation__kind"
        )
    )
    organisation_ids = {org_id for org_id, _role, _kind in people}
    memberships = (
        list(
            Membership.objects.filter(
                organisation_id__in=organisation_ids, status=Membership.Status.ACTIVE
            )
            .order_by()  # no joins for the default ordering by names
            .values_list("organisation_id", "network_id", "role")
        )
        if organisation_ids
        else []
    )
    partner_of = {org for org, _network, role in memberships if role != Membership.Role.MEMBER}
    return Roles(
        is_platform_admin=user.is_superuser,
        managed_network_ids=frozenset(
            NetworkManager.objects.filter(user=user).values_list("network_id", flat=True)
        ),
        admin_of=frozenset(o for o, role, _k in people if role == Person.Role.ADMIN),
        staff_of=frozenset(o for o, role, _k in people if role == Person.Role.STAFF),
        network_ids=frozenset(network_id for _o, network_id, _role in memberships),
        # Staff of an organisation that a manager took into a network as (founding) partner:
        # the organisation's kind alone is self-declared and can be changed by its admins.
        is_partner=bool(partner_of),
    )


def needs_two_factor(user: User) -> bool:
    roles = for_user(user)
    return roles.is_platform_admin or roles.is_manager


def has_two_factor(user: User) -> bool:
    from allauth.mfa.models import Authenticator  # noqa: PLC0415

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
