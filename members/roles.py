"""What roles a user holds: platform admin, network manager, organisation admin or staff.

Loaded once per request, in one query, and kept on the user object, so the navigation,
access checks and the two-factor middleware do not query again.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.db.models import CharField, Expression, F, IntegerField, QuerySet, Value
from django.urls import reverse

from members.models import Membership, NetworkManager, Person, User

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
    name, the order of the navigation."""
    from allauth.mfa.models import Authenticator  # noqa: PLC0415

    people = Person.objects.filter(user=user, is_active=True)
    memberships = Membership.objects.filter(
        organisation__in=people.values("organisation_id"), status=Membership.Status.ACTIVE
    )
    totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP)
    organisation, network, role = F("organisation_id"), F("network_id"), F("role")
    combined = _columns(
        people,
        _PERSON,
        organisation=organisation,
        role=role,
        name=F("organisation__name"),
        slug=F("organisation__slug"),
    ).union(
        _columns(memberships, _MEMBERSHIP, organisation=organisation, network=network, role=role),
        _columns(NetworkManager.objects.filter(user=user), _MANAGER, network=network),
        _columns(totp, _TOTP),
        all=True,
    )
    return list(combined.order_by("row_name", "row_organisation"))


def _columns(queryset: QuerySet, source: int, **given: Expression) -> QuerySet:
    """``queryset`` as rows of the columns of ``_rows``; columns not ``given`` are empty."""
    columns = {
        "source": Value(source, IntegerField()),
        "organisation": Value(None, IntegerField()),
        "network": Value(None, IntegerField()),
        "role": Value("", CharField()),
        "name": Value("", CharField()),
        "slug": Value("", CharField()),
    } | given
    named = {f"row_{column}": expression for column, expression in columns.items()}
    return queryset.order_by().annotate(**named).values_list(*named)


def needs_two_factor(user: User) -> bool:
    roles = for_user(user)
    return roles.is_platform_admin or roles.is_manager


def has_two_factor(user: User) -> bool:
    """Whether ``user`` has set up TOTP (as loaded with the roles, once per request)."""
    return for_user(user).has_totp
