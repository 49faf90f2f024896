"""Registrations of one's person records, with events and workshops; roles at events."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from events.models import EventPerson, Registration, WorkshopChoice
from members.models import Person, User
from network_portal.privacy.export import Section, exporter
from network_portal.privacy.exporters.columns import section


@exporter("registrations", position=30)
def registrations(user: User) -> Section:
    own = Person.objects.filter(user=user).values("pk")
    choices = WorkshopChoice.objects.select_related("session").order_by("session__starts_at")
    rows = (
        Registration.objects.filter(person_id__in=own)
        .select_related("event", "organisation")
        .prefetch_related(Prefetch("choices", queryset=choices))
        .order_by("-event__starts_at", "pk")
    )
    records = [
        {
            "event": registration.event.title,
            "starts_at": registration.event.starts_at,
            "organisation": registration.organisation.name,
            "status": registration.get_status_display(),
            "how_registered": registration.get_source_display(),
            "workshops": [
                f"{choice.session.title} ({choice.get_status_display()})"
                for choice in registration.choices.all()
            ],
            "access_needs": registration.access_needs,
            "consent_at": registration.consent_at,
            "created_at": registration.created_at,
            "cancelled_at": registration.cancelled_at,
            "checked_in_at": registration.checked_in_at,
        }
        for registration in rows
    ]
    columns = [
        ("event", _("event")),
        ("starts_at", _("starts")),
        ("organisation", _("organisation")),
        ("status", _("status")),
        ("how_registered", _("how registered")),
        ("workshops", _("workshops")),
        ("access_needs", _("access needs")),
        ("consent_at", _("consent given")),
        ("created_at", _("registered")),
        ("cancelled_at", _("cancelled")),
        ("checked_in_at", _("checked in")),
    ]
    return section(
        key="registrations", title=_("Event registrations"), columns=columns, records=records
    )


@exporter("event_roles", position=31)
def event_roles(user: User) -> Section:
    own = Person.objects.filter(user=user).values("pk")
    rows = (
        EventPerson.objects.filter(person_id__in=own)
        .select_related("event", "session")
        .order_by("-event__starts_at", "pk")
    )
    records = [
        {
            "event": role.event.title,
            "session": role.session.title if role.session_id else "",
            "role": role.get_role_display(),
            "function": role.function,
        }
        for role in rows
    ]
    columns = [
        ("event", _("event")),
        ("session", _("session")),
        ("role", _("role")),
        ("function", _("function")),
    ]
    return section(
        key="event_roles", title=_("Your roles at events"), columns=columns, records=records
    )
