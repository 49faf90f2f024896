"""Who may withdraw which consent and remove which person; views fetch objects only here."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from members import access as member_access
from members import roles
from members.models import Organisation, Person, User
from network_portal.models import Consent
from network_portal.privacy.consent import consents_of


def consent_for_withdrawal(user: User, pk: int) -> Consent:
    """Only one's own open consents; any other is not found (404)."""
    return get_object_or_404(consents_of(user).filter(withdrawn_at__isnull=True), pk=pk)


def may_remove_people(user: User, organisation: Organisation) -> bool:
    """The organisation's admins and platform admins; not network managers (the people of
    a member company are the company's matter) and not staff."""
    user_roles = roles.for_user(user)
    return user_roles.is_platform_admin or organisation.pk in user_roles.admin_of


def person_for_removal(user: User, slug: str, pk: int) -> Person:
    """404 when the organisation is not visible or the person is not (any more) one of its
    people; 403 when the user may see the organisation but not remove its people."""
    organisation = member_access.organisation_for_view(user, slug)
    if not may_remove_people(user, organisation):
        raise PermissionDenied
    people = Person.objects.filter(anonymisation__isnull=True).select_related("organisation")
    return get_object_or_404(people, organisation=organisation, pk=pk)
