"""What roles a user holds: platform admin, network manager, organisation admin or staff.

Loaded once per request, in one query, and kept on the user object, so the navigation,
access checks and the two-factor middleware do not query again.
"""

import functools
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.urls import reverse

from members.models import Membership, NetworkManager, Organisation, Person, User

_CACHE_ATTRIBUTE = "_portal_roles"


@dataclass(frozen=True)
class OrganisationLink:
    """An organisation the user works at (admin or staff), for the navigation."""

    name: str
    slug: str

    def get_absolute_url(self) -> str:
        return reverse("members:organisation", kwargs={"slug": self.slug})


@dataclass(frozen=True)
class Roles:
    is_platform_admin: bool = False
    managed_network_ids: frozenset[int] = field(default_factory=frozenset)
    admin_of: frozenset[int] = field(default_factory=frozenset)
    staff_of: frozenset[int] = field(default_factory=frozenset)
    network_ids: frozenset[int] = field(default_factory=frozenset)
    is_partner: bool = False
    # Loaded in the same query, but no roles: the same roles whatever the names or the TOTP.
    organisations: tuple[OrganisationLink, ...] = field(default=(), compare=False)
    has_totp: bool = field(default=False, compare=False)

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
    rows = _rows(user)
    people = [
        (org, role, name, slug) for source, org, _n, role, name, slug in rows if source == _PERSON
    ]
    memberships = [
        (org, network, role) for source, org, network, role, *_ in rows if source == _MEMBERSHIP
    ]
    admin_of = frozenset(org for org, role, *_ in people if role == Person.Role.ADMIN)
    staff_of = frozenset(org for org, role, *_ in people if role == Person.Role.STAFF)
    partner_of = {org for org, _network, role in memberships if role != Membership.Role.MEMBER}
    return Roles(
        is_platform_admin=user.is_superuser,
        managed_network_ids=frozenset(net for source, _o, net, *_ in rows if source == _MANAGER),
        admin_of=admin_of,
        staff_of=staff_of,
        network_ids=frozenset(network_id for _o, network_id, _role in memberships),
        # Staff of an organisation that a manager took into a network as (founding) partner:
        # the organisation's kind alone is self-declared and can be changed by its admins.
        is_partner=bool(partner_of),
        organisations=tuple(
            OrganisationLink(name, slug)
            for org, _role, name, slug in people
            if org in admin_of or org in staff_of
        ),
        has_totp=any(source == _TOTP for source, *_ in rows),
    )


# Where a row of ``_rows`` comes from.
_PERSON, _MEMBERSHIP, _MANAGER, _TOTP = range(4)


def _rows(user: User) -> list[tuple]:
    """Everything ``_load`` needs in one query (``UNION ALL``), as rows of
    ``(source, organisation_id, network_id, role, organisation name, organisation slug)``:
    the user's active person records, the active memberships of their organisations, the
    networks the user manages and the user's TOTP authenticator, if any. By organisation
    name, the order of the navigation.

    Written as SQL once: built by the ORM, the same query cost about 3 ms of Python on every
    signed-in request (bench/README.md); the parameters are passed, never formatted in."""
    sql, totp = _roles_sql()
    active = str(Membership.Status.ACTIVE.value)
    params = [user.pk, True, active, user.pk, True, user.pk, user.pk, totp]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@functools.cache
def _roles_sql() -> tuple[str, str]:
    """The query and the value of a TOTP authenticator's type."""
    from allauth.mfa.models import Authenticator  # noqa: PLC0415

    person, organisation = Person._meta.db_table, Organisation._meta.db_table
    membership, manager = Membership._meta.db_table, NetworkManager._meta.db_table
    sql = f"""
        SELECT {_PERSON}, p.organisation_id, NULL, p.role, o.name, o.slug
          FROM {person} p JOIN {organisation} o ON o.id = p.organisation_id
         WHERE p.user_id = %s AND p.is_active = %s
        UNION ALL
        SELECT {_MEMBERSHIP}, m.organisation_id, m.network_id, m.role, '', ''
          FROM {membership} m
         WHERE m.status = %s AND m.organisation_id IN (
               SELECT organisation_id FROM {person} WHERE user_id = %s AND is_active = %s)
        UNION ALL
        SELECT {_MANAGER}, NULL, n.network_id, '', '', '' FROM {manager} n WHERE n.user_id = %s
        UNION ALL
        SELECT {_TOTP}, NULL, NULL, '', '', ''
          FROM {Authenticator._meta.db_table} a WHERE a.user_id = %s AND a.type = %s
        ORDER BY 5, 2
    """  # noqa: S608  # nosec B608 - table names from the models, values as parameters
    return sql, str(Authenticator.Type.TOTP.value)


def needs_two_factor(user: User) -> bool:
    roles = for_user(user)
    return roles.is_platform_admin or roles.is_manager


def has_two_factor(user: User) -> bool:
    """Whether ``user`` has set up TOTP (as loaded with the roles, once per request)."""
    return for_user(user).has_totp
