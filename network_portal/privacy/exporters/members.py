"""Person records, the memberships of one's organisations, requests and invitations."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from members.models import ColleagueInvitation, JoinRequest, Membership, Person, User
from network_portal.privacy.export import Section, exporter
from network_portal.privacy.exporters.columns import section


@exporter("persons", position=20)
def persons(user: User) -> Section:
    people = Person.objects.filter(user=user).select_related("organisation")
    records = [
        {
            "organisation": person.organisation.name,
            "role": person.get_role_display(),
            "first_name": person.first_name,
            "last_name": person.last_name,
            "function": person.function,
            "email": person.email,
            "phone": person.phone,
            "is_public_contact": person.is_public_contact,
            "show_email": person.show_email,
            "show_phone": person.show_phone,
            "is_active": person.is_active,
            "created_at": person.created_at,
        }
        for person in people.order_by("organisation__name", "pk")
    ]
    columns = [
        ("organisation", _("organisation")),
        ("role", _("role")),
        ("first_name", _("first name")),
        ("last_name", _("last name")),
        ("function", _("function")),
        ("email", _("e-mail address")),
        ("phone", _("phone")),
        ("is_public_contact", _("shown as contact on the profile")),
        ("show_email", _("e-mail address public")),
        ("show_phone", _("phone number public")),
        ("is_active", _("active")),
        ("created_at", _("created")),
    ]
    return section(
        key="persons",
        title=_("Your entries at organisations"),
        columns=columns,
        records=records,
    )


@exporter("memberships", position=21)
def memberships(user: User) -> Section:
    """The networks the organisations you act for belong to (organisation data)."""
    own = Person.objects.filter(user=user, is_active=True).values("organisation_id")
    rows = (
        Membership.objects.filter(organisation_id__in=own)
        .select_related("organisation", "network")
        .order_by("organisation__name", "network__name", "pk")
    )
    records = [
        {
            "organisation": membership.organisation.name,
            "network": membership.network.name,
            "role": membership.get_role_display(),
            "status": membership.get_status_display(),
            "applied_at": membership.applied_at,
            "started_on": membership.started_on,
            "ended_on": membership.ended_on,
        }
        for membership in rows
    ]
    columns = [
        ("organisation", _("organisation")),
        ("network", _("network")),
        ("role", _("role")),
        ("status", _("status")),
        ("applied_at", _("applied")),
        ("started_on", _("member since")),
        ("ended_on", _("ended")),
    ]
    return section(
        key="memberships",
        title=_("Memberships of your organisations"),
        columns=columns,
        records=records,
    )


@exporter("join_requests", position=22)
def join_requests(user: User) -> Section:
    rows = JoinRequest.objects.filter(user=user).select_related("organisation")
    records = [
        {
            "organisation": request.organisation.name,
            "function": request.function,
            "message": request.message,
            "status": request.get_status_display(),
            "created_at": request.created_at,
            "decided_at": request.decided_at,
        }
        for request in rows
    ]
    columns = [
        ("organisation", _("organisation")),
        ("function", _("function")),
        ("message", _("message")),
        ("status", _("status")),
        ("created_at", _("asked")),
        ("decided_at", _("decided")),
    ]
    return section(
        key="join_requests",
        title=_("Your requests to join an organisation"),
        columns=columns,
        records=records,
    )


@exporter("invitations", position=23)
def invitations(user: User) -> Section:
    """Invitations addressed to you (not who sent them: that is the colleague's data)."""
    addressed = Q(email__iexact=user.email) | Q(accepted_by=user)
    rows = ColleagueInvitation.objects.filter(addressed).select_related("organisation")
    records = [
        {
            "organisation": invitation.organisation.name,
            "email": invitation.email,
            "first_name": invitation.first_name,
            "last_name": invitation.last_name,
            "role": invitation.get_role_display(),
            "status": invitation.get_status_display(),
            "created_at": invitation.created_at,
            "accepted_at": invitation.accepted_at,
        }
        for invitation in rows
    ]
    columns = [
        ("organisation", _("organisation")),
        ("email", _("e-mail address")),
        ("first_name", _("first name")),
        ("last_name", _("last name")),
        ("role", _("role")),
        ("status", _("status")),
        ("created_at", _("invited")),
        ("accepted_at", _("accepted")),
    ]
    return section(
        key="invitations",
        title=_("Invitations to act for an organisation"),
        columns=columns,
        records=records,
    )
