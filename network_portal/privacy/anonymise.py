"""The erasing steps that account deletion, colleague removal and retention share.

Call these inside the caller's transaction. Person rows are kept (registrations point at
them and must stay countable) but hold no personal data afterwards.
"""

import uuid
from collections.abc import Iterable

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext

from events.models import Registration
from members.models import Person
from network_portal.models import AnonymisedPerson, AuditEntry, Consent, OutgoingMail

ERASED_DOMAIN = "erased.invalid"  # RFC 2606: never a real mailbox
MAIL_IN_FLIGHT = (OutgoingMail.Status.SENDING,)


def erased_address() -> str:
    """A unique address that is nobody's, for rows that need one (user login, mail)."""
    return f"erased-{uuid.uuid4().hex}@{ERASED_DOMAIN}"


def deleted_person_name() -> str:
    """Stored in the portal's language (German), like every other name in the database."""
    with translation.override(settings.LANGUAGE_CODE):
        return gettext("Deleted person")


def placeholder_name() -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return gettext("Anonymised attendee")


def person_anonymise(*, person: Person, reason: str) -> None:
    """Erase a person's details, end their role, mark the row; consents go with them."""
    person.first_name = deleted_person_name()
    person.last_name = ""
    person.function = ""
    person.email = ""
    person.phone = ""
    person.is_public_contact = person.show_email = person.show_phone = False
    person.is_active = False
    person.role = Person.Role.CONTACT
    person.user = None
    person.save()
    AnonymisedPerson.objects.update_or_create(
        person=person, defaults={"organisation_id": person.organisation_id, "reason": reason}
    )
    Consent.objects.filter(person=person).delete()
    Registration.objects.filter(person=person).exclude(access_needs="").update(access_needs="")
    audit_names_erase(object_type="members.person", object_ids=[person.pk])


def mails_erase(*, recipients: Iterable[str] = (), about: Iterable[str] = ()) -> int:
    """Erase recipient and content of recorded mails to ``recipients`` or ``about`` objects.

    Subject, kind, dates and status stay (the outbox still counts them); mail not yet
    handed over is not sent any more. A mail being sent right now is left alone.
    """
    addresses = [address for address in recipients if address]
    about = list(about)
    if not addresses and not about:
        return 0
    matching = Q(about__in=about)
    for address in addresses:
        matching |= Q(recipient__iexact=address)
    erased = 0
    for mail in OutgoingMail.objects.filter(matching).exclude(status__in=MAIL_IN_FLIGHT):
        _mail_erase(mail)
        erased += 1
    return erased


def _mail_erase(mail: OutgoingMail) -> None:
    if mail.status in (OutgoingMail.Status.QUEUED, OutgoingMail.Status.UNCERTAIN):
        mail.status = OutgoingMail.Status.FAILED
        mail.last_error = "Erased for data protection before delivery."
    mail.key = f"erased:{mail.pk}"
    mail.recipient = erased_address()
    mail.body_text = mail.body_html = ""
    mail.attachments = []
    mail.save()


def audit_names_erase(*, object_type: str, object_ids: Iterable[int]) -> None:
    """The audit log keeps what happened, but no longer the erased name in its label."""
    AuditEntry.objects.filter(
        object_type=object_type, object_id__in=[str(pk) for pk in object_ids]
    ).update(object_repr=deleted_person_name())
