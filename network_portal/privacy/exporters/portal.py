"""The portal's own records about the person: consents, mails sent to them, mail settings."""

from allauth.account.models import EmailAddress
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from members.models import Person, User
from network_portal.models import MailPreference, OutgoingMail
from network_portal.privacy.consent import consents_of
from network_portal.privacy.export import Section, exporter
from network_portal.privacy.exporters.columns import section


@exporter("consents", position=90)
def consents(user: User) -> Section:
    given = consents_of(user).select_related("text").prefetch_related("about")
    records = [
        {
            "purpose": consent.get_purpose_display(),
            "about": str(consent.about) if consent.about is not None else "",
            "text_version": consent.text.version,
            "text": consent.text.text,
            "given_at": consent.given_at,
            "withdrawn_at": consent.withdrawn_at,
        }
        for consent in given
    ]
    columns = [
        ("purpose", _("purpose")),
        ("about", _("about")),
        ("text_version", _("version of the text")),
        ("text", _("text")),
        ("given_at", _("given")),
        ("withdrawn_at", _("withdrawn")),
    ]
    return section(key="consents", title=_("Consents"), columns=columns, records=records)


def addresses_of(user: User) -> list[str]:
    """The account's address, its other addresses and those of its person records."""
    addresses = {user.email, *Person.objects.filter(user=user).values_list("email", flat=True)}
    addresses |= set(EmailAddress.objects.filter(user=user).values_list("email", flat=True))
    return sorted({address.lower() for address in addresses if address})


@exporter("mails", position=91)
def mails(user: User) -> Section:
    """Mails to the account's and the person records' addresses: subject, kind, dates."""
    matching = Q(pk__in=[])
    for address in addresses_of(user):
        matching |= Q(recipient__iexact=address)
    records = [
        {
            "subject": mail.subject,
            "recipient": mail.recipient,
            "created_at": mail.created_at,
            "sent_at": mail.sent_at,
            "status": mail.get_status_display(),
        }
        for mail in OutgoingMail.objects.filter(matching).only(
            "subject", "recipient", "created_at", "sent_at", "status"
        )
    ]
    columns = [
        ("subject", _("subject")),
        ("recipient", _("to")),
        ("created_at", _("written")),
        ("sent_at", _("sent")),
        ("status", _("status")),
    ]
    return section(key="mails", title=_("Mails sent to you"), columns=columns, records=records)


@exporter("mail_preferences", position=92)
def mail_preferences(user: User) -> Section:
    rows = MailPreference.objects.filter(email__in=addresses_of(user))
    records = [
        {
            "email": preference.email,
            "invitations": preference.invitations,
            "reminders": preference.reminders,
            "digests": preference.digests,
            "updated_at": preference.updated_at,
        }
        for preference in rows
    ]
    columns = [
        ("email", _("e-mail address")),
        ("invitations", _("invitations to events")),
        ("reminders", _("reminders before events")),
        ("digests", _("cooperation digests")),
        ("updated_at", _("updated")),
    ]
    return section(
        key="mail_preferences", title=_("Your e-mail settings"), columns=columns, records=records
    )
