"""Cross-cutting models of the portal shell: the outbox, the audit log, the legal pages,
the consent ledger and the marks of anonymised persons."""

from network_portal.models.anonymisation import AnonymisedPerson
from network_portal.models.audit import AuditEntry
from network_portal.models.consent import Consent, ConsentPurpose, ConsentText
from network_portal.models.legal import LegalPage
from network_portal.models.mail import OutgoingMail
from network_portal.models.preferences import MailPreference

__all__ = [
    "AnonymisedPerson",
    "AuditEntry",
    "Consent",
    "ConsentPurpose",
    "ConsentText",
    "LegalPage",
    "MailPreference",
    "OutgoingMail",
]
