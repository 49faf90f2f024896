"""System checks of the portal shell.

A deployment (``check --deploy``, DEBUG off) must name who runs the portal (Impressum) and
whom to ask about personal data: ``PORTAL_IMPRINT_CONTACT`` and ``PORTAL_PRIVACY_CONTACT``.
The production settings refuse to load without them anyway; this check covers any other
settings module that switches DEBUG off.
"""

from django.conf import settings
from django.core.checks import Error, Tags, register

REQUIRED_CONTACTS = {
    "PORTAL_IMPRINT_CONTACT": (
        "network_portal.E001",
        "the operator named in the Impressum (name, address, e-mail)",
    ),
    "PORTAL_PRIVACY_CONTACT": (
        "network_portal.E002",
        "the contact for data protection (the data protection officer or the controller)",
    ),
}


@register(Tags.security, deploy=True)
def legal_contacts_check(app_configs=None, **kwargs) -> list[Error]:
    if settings.DEBUG:
        return []
    return [
        Error(
            f"{name} is not set.",
            hint=f"Set the {name} environment variable to {what}.",
            id=check_id,
        )
        for name, (check_id, what) in REQUIRED_CONTACTS.items()
        if not str(getattr(settings, name, "")).strip()
    ]
