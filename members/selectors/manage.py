"""Reads of the managers' member administration, always within the networks one manages.

Platform admins manage every network. Whoever manages none gets ``PermissionDenied``; an
object in a network one does not manage is not found (404): its existence stays hidden.
"""

from collections.abc import Iterator, Mapping
from typing import Any

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from members import access, roles
from members.directory import confirmation_cutoff
from members.models import MemberImport, Membership, Network, Organisation, Person


class Sort:
    NAME = "name"
    NEWEST = "newest"
    OLDEST = "oldest"
    POSTCODE = "postcode"
    NETWORK = "network"


PARTNER_ROLES = (Membership.Role.PARTNER, Membership.Role.FOUNDING_PARTNER)
ALL_STATUSES = "all"


def require_manager(user) -> roles.Roles:
    """403 unless the user manages a network or is a platform admin."""
    access.require_manager_area(user)
    return roles.for_user(user)


def networks_managed_by(user) -> QuerySet[Network]:
    access.require_manager_area(user)
    return access.networks_for_manager_area(user)


def _memberships_in_scope(user) -> QuerySet[Membership]:
    user_roles = require_manager(user)
    if user_roles.is_platform_admin:
        return Membership.objects.all()
    return Membership.objects.filter(network_id__in=user_roles.managed_network_ids)


def membership_for_manage(user, pk: int) -> Membership:
    memberships = _memberships_in_scope(user).select_related("organisation", "network")
    return get_object_or_404(memberships, pk=pk)


def member_import_for_manage(user, pk: int) -> MemberImport:
    user_roles = require_manager(user)
    imports = MemberImport.objects.select_related("network", "uploaded_by")
    if not user_roles.is_platform_admin:
        imports = imports.filter(network_id__in=user_roles.managed_network_ids)
    return get_object_or_404(imports, pk=pk)


def recent_imports(user, limit: int = 5) -> list[MemberImport]:
    networks = networks_managed_by(user)
    imports = MemberImport.objects.filter(network__in=networks).select_related("network")
    return list(imports.defer("content")[:limit])


# --- The member list -------------------------------------------------------------------


def managed_members(
    *, user, filters: Mapping[str, Any], query: str = "", sort: str = ""
) -> QuerySet[Membership]:
    """Memberships in the user's networks, filtered, searched and sorted.

    What the list and the export show comes along, so a page costs a fixed number of
    queries however many organisations it lists.
    """
    memberships = _filtered(_memberships_in_scope(user), filters)
    if query.strip():
        memberships = memberships.filter(_search(query.strip()))
    return _sorted(memberships, sort).select_related(
        "organisation", "organisation__region", "network"
    )


def _filtered(memberships: QuerySet, filters: Mapping[str, Any]) -> QuerySet:
    status = filters.get("status") or Membership.Status.ACTIVE
    if status != ALL_STATUSES:
        memberships = memberships.filter(status=status)
    if network := filters.get("network"):
        memberships = memberships.filter(network=network)
    if role := filters.get("role"):
        is_partner = Q(role__in=PARTNER_ROLES)
        memberships = memberships.filter(is_partner if role == "partner" else ~is_partner)
    simple = {"region": "organisation__region", "kind": "organisation__kind"}
    simple["size"] = "organisation__size"
    for name, lookup in simple.items():
        if value := filters.get(name):
            memberships = memberships.filter(**{lookup: value})
    if sector := filters.get("sector"):
        memberships = memberships.filter(organisation__in=sector.organisations.values("pk"))
    return _by_profile(memberships, filters.get("profile"))


def _by_profile(memberships: QuerySet, profile: str | None) -> QuerySet:
    current = Q(organisation__confirmed_on__gte=confirmation_cutoff())
    if profile == "confirmed":
        return memberships.filter(current)
    if profile == "stale":
        return memberships.exclude(current)
    return memberships


def _search(query: str) -> Q:
    """Name, city, postcode, or the e-mail address of the organisation or a contact."""
    contacts = Person.objects.filter(organisation=OuterRef("organisation"), email__icontains=query)
    return (
        Q(organisation__name__icontains=query)
        | Q(organisation__city__icontains=query)
        | Q(organisation__postal_code__startswith=query)
        | Q(organisation__email__icontains=query)
        | Q(Exists(contacts))
    )


def _sorted(memberships: QuerySet, sort: str) -> QuerySet:
    name = ("organisation__name", "network__name", "pk")
    orders = {
        Sort.NEWEST: (F("started_on").desc(nulls_last=True), *name),
        Sort.OLDEST: (F("started_on").asc(nulls_last=True), *name),
        Sort.POSTCODE: ("organisation__postal_code", *name),
        Sort.NETWORK: ("network__name", "organisation__name", "pk"),
    }
    return memberships.order_by(*orders.get(sort, name))


# --- The export ------------------------------------------------------------------------


def with_contacts(memberships: QuerySet[Membership]) -> QuerySet[Membership]:
    """Sectors and active contact persons, for the export's contact columns."""
    people = Person.objects.filter(is_active=True).order_by("last_name", "first_name", "pk")
    return memberships.prefetch_related(
        "organisation__sectors",
        Prefetch("organisation__people", queryset=people, to_attr="active_people"),
    )


def main_contact(organisation: Organisation) -> Person | None:
    """The public contact if there is one, else an organisation admin, else anybody."""
    people = getattr(organisation, "active_people", [])
    return min(
        people,
        key=lambda p: (not p.is_public_contact, p.role != Person.Role.ADMIN),
        default=None,
    )


def export_rows(memberships: QuerySet[Membership]) -> Iterator[list]:
    for membership in with_contacts(memberships):
        organisation = membership.organisation
        contact = main_contact(organisation)
        yield [
            organisation.name,
            organisation.get_kind_display(),
            organisation.street,
            organisation.postal_code,
            organisation.city,
            organisation.region.name if organisation.region else "",
            ", ".join(sector.label for sector in organisation.sectors.all()),
            organisation.get_size_display(),
            membership.network.name,
            membership.get_role_display(),
            membership.get_status_display(),
            membership.started_on,
            contact.full_name if contact else "",
            (contact.email if contact else "") or organisation.email,
            (contact.phone if contact else "") or organisation.phone,
        ]


EXPORT_HEADER = (
    _("Organisation"),
    _("Kind"),
    _("Street"),
    _("Postcode"),
    _("City"),
    _("Region"),
    _("Sectors"),
    _("Size"),
    _("Network"),
    _("Role"),
    _("Status"),
    _("Member since"),
    _("Contact person"),
    _("E-mail"),
    _("Phone"),
)
