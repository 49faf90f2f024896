"""Reusable reads about organisations and their profiles."""

from django.db.models import Prefetch

from members.models import Membership, Organisation, Person


def organisation_profile(organisation: Organisation) -> Organisation:
    """The organisation with what its profile page shows, in a fixed number of queries."""
    public_contacts = Person.objects.filter(is_public_contact=True, is_active=True)
    active = Membership.objects.filter(status=Membership.Status.ACTIVE).select_related("network")
    return (
        Organisation.objects.select_related("region")
        .prefetch_related(
            "sectors",
            "training_occupations",
            Prefetch("people", queryset=public_contacts, to_attr="public_contacts"),
            Prefetch("memberships", queryset=active, to_attr="active_memberships"),
        )
        .get(pk=organisation.pk)
    )
