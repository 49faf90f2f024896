"""The account itself: sign-in data, two-factor authentication, roles as network manager."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.utils.translation import gettext_lazy as _

from members.models import NetworkManager, User
from network_portal.privacy.export import Section, exporter
from network_portal.privacy.exporters.columns import section


@exporter("account", position=10)
def account(user: User) -> Section:
    record = {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "language": user.get_language_display(),
        "date_joined": user.date_joined,
        "last_login": user.last_login,
    }
    columns = [
        ("email", _("e-mail address")),
        ("first_name", _("first name")),
        ("last_name", _("last name")),
        ("language", _("language")),
        ("date_joined", _("registered")),
        ("last_login", _("last sign-in")),
    ]
    return section(key="account", title=_("Your account"), columns=columns, records=[record])


@exporter("email_addresses", position=11)
def email_addresses(user: User) -> Section:
    records = [
        {"email": address.email, "verified": address.verified, "primary": address.primary}
        for address in EmailAddress.objects.filter(user=user).order_by("-primary", "email")
    ]
    columns = [
        ("email", _("e-mail address")),
        ("verified", _("confirmed")),
        ("primary", _("used for sign-in and mail")),
    ]
    return section(
        key="email_addresses", title=_("E-mail addresses"), columns=columns, records=records
    )


@exporter("two_factor", position=12)
def two_factor(user: User) -> Section:
    """Which kinds are set up and when; never the secrets themselves."""
    records = [
        {
            "type": authenticator.get_type_display(),
            "created_at": authenticator.created_at,
            "last_used_at": authenticator.last_used_at,
        }
        for authenticator in Authenticator.objects.filter(user=user).order_by("created_at")
    ]
    columns = [("type", _("kind")), ("created_at", _("set up")), ("last_used_at", _("last used"))]
    return section(
        key="two_factor", title=_("Two-factor authentication"), columns=columns, records=records
    )


@exporter("network_manager_roles", position=13)
def network_manager_roles(user: User) -> Section:
    roles = NetworkManager.objects.filter(user=user).select_related("network")
    records = [{"network": role.network.name, "since": role.since} for role in roles]
    columns = [("network", _("network")), ("since", _("since"))]
    return section(
        key="network_manager_roles",
        title=_("Networks you manage"),
        columns=columns,
        records=records,
    )
