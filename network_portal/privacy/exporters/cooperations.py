"""Cooperations: listings posted, interests sent, introductions brokered, digests."""

from django.utils.translation import gettext_lazy as _

from cooperations.models import DigestSubscription, Interest, Introduction, Listing
from members.models import User
from network_portal.privacy.export import Section, exporter
from network_portal.privacy.exporters.columns import section


@exporter("listings", position=40)
def listings(user: User) -> Section:
    rows = Listing.objects.filter(created_by=user).select_related("organisation")
    records = [
        {
            "title": listing.title,
            "organisation": listing.organisation.name,
            "kind": listing.get_kind_display(),
            "status": listing.get_status_display(),
            "created_at": listing.created_at,
        }
        for listing in rows.order_by("-created_at", "pk")
    ]
    columns = [
        ("title", _("title")),
        ("organisation", _("organisation")),
        ("kind", _("offer or request")),
        ("status", _("status")),
        ("created_at", _("created")),
    ]
    return section(
        key="listings", title=_("Cooperation listings you posted"), columns=columns, records=records
    )


@exporter("interests", position=41)
def interests(user: User) -> Section:
    rows = Interest.objects.filter(user=user).select_related("listing", "organisation")
    records = [
        {
            "listing": interest.listing.title,
            "organisation": interest.organisation.name,
            "message": interest.message,
            "status": interest.get_status_display(),
            "created_at": interest.created_at,
            "decided_at": interest.decided_at,
            "withdrawn_at": interest.withdrawn_at,
        }
        for interest in rows
    ]
    columns = [
        ("listing", _("listing")),
        ("organisation", _("from organisation")),
        ("message", _("message")),
        ("status", _("status")),
        ("created_at", _("sent")),
        ("decided_at", _("answered")),
        ("withdrawn_at", _("withdrawn")),
    ]
    return section(
        key="interests", title=_("Interests you expressed"), columns=columns, records=records
    )


@exporter("introductions", position=42)
def introductions(user: User) -> Section:
    rows = Introduction.objects.filter(broker=user).select_related(
        "first_organisation", "second_organisation"
    )
    records = [
        {
            "first_organisation": introduction.first_organisation.name,
            "second_organisation": introduction.second_organisation.name,
            "message": introduction.message,
            "status": introduction.get_status_display(),
            "created_at": introduction.created_at,
        }
        for introduction in rows
    ]
    columns = [
        ("first_organisation", _("first organisation")),
        ("second_organisation", _("second organisation")),
        ("message", _("message")),
        ("status", _("status")),
        ("created_at", _("created")),
    ]
    return section(
        key="introductions",
        title=_("Introductions you brokered"),
        columns=columns,
        records=records,
    )


@exporter("digest_subscriptions", position=43)
def digest_subscriptions(user: User) -> Section:
    rows = DigestSubscription.objects.filter(user=user).select_related("organisation")
    records = [
        {
            "organisation": subscription.organisation.name,
            "created_at": subscription.created_at,
            "last_sent_at": subscription.last_sent_at,
        }
        for subscription in rows
    ]
    columns = [
        ("organisation", _("organisation")),
        ("created_at", _("subscribed")),
        ("last_sent_at", _("last digest sent")),
    ]
    return section(
        key="digest_subscriptions",
        title=_("Weekly cooperation digests"),
        columns=columns,
        records=records,
    )
