"""The record of processing activities (Art. 30 GDPR) as a template a network fills in.

The portal knows what it processes, why and how long; what only the operator knows
(hosting, mail provider, backups, own retention rules) is marked "[fill in: ...]".
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


@dataclass(frozen=True)
class Activity:
    name: str
    purpose: str
    legal_basis: str
    data_subjects: str
    data_categories: str
    recipients: str
    retention: str


COLUMNS = (
    _("Processing activity"),
    _("Purpose"),
    _("Legal basis"),
    _("Data subjects"),
    _("Categories of personal data"),
    _("Recipients"),
    _("Deletion and retention"),
)


def retention_months_text() -> str:
    months = settings.PRIVACY_RETENTION_MONTHS
    return ngettext(
        "Access needs are deleted when the event is over; attendee data is anonymised "
        "%(months)d month after the event.",
        "Access needs are deleted when the event is over; attendee data is anonymised "
        "%(months)d months after the event.",
        months,
    ) % {"months": months}


def activities() -> list[Activity]:
    return [
        Activity(
            _("User accounts and sign-in"),
            _("Access to the portal, security of the accounts"),
            _("Art. 6 (1) (b) GDPR; Art. 6 (1) (f) GDPR for security"),
            _("Users of the portal"),
            _("Name, e-mail address, password (hashed), language, two-factor keys, sign-in times"),
            _("Nobody; hosting provider as processor [fill in: provider]"),
            _("Until the account is deleted; deletion erases the data at once"),
        ),
        Activity(
            _("Member directory and organisation profiles"),
            _("Presenting member organisations and their contact persons"),
            _("Art. 6 (1) (b) and (f) GDPR; consent (Art. 6 (1) (a)) for contacts shown"),
            _("Contact persons of member and partner organisations"),
            _("Name, function, e-mail address, phone; what of it is public"),
            _("The public or the members of shared networks, as the organisation chooses"),
            _("While the organisation is in the portal; on removal or withdrawal at once"),
        ),
        Activity(
            _("Memberships and applications"),
            _("Deciding on applications, keeping the member lists"),
            _("Art. 6 (1) (b) GDPR"),
            _("Admins of applying organisations, network managers"),
            _("Application message, decision, dates, who decided"),
            _("Managers of the network"),
            _("[fill in: e.g. 3 years after the membership ended]"),
        ),
        Activity(
            _("Event registration and check-in"),
            _("Organising events: attendee lists, waiting list, check-in, figures"),
            _("Consent (Art. 6 (1) (a) GDPR; Art. 9 (2) (a) for access needs)"),
            _("Attendees, colleagues who register them"),
            _("Name, organisation, function, e-mail, workshops, access needs, check-in time"),
            _("Managers of the organising networks; co-organisers [fill in]"),
            retention_months_text(),
        ),
        Activity(
            _("Cooperation listings, interests and introductions"),
            _("Bringing organisations together for cooperation"),
            _("Art. 6 (1) (b) GDPR"),
            _("Staff of organisations who post, answer or broker"),
            _("Names, messages; contact details only after both sides agreed"),
            _("The other organisation, once it accepted"),
            _("[fill in: e.g. 1 year after the listing closed]"),
        ),
        Activity(
            _("Weekly cooperation digest"),
            _("Telling subscribers about new fitting listings"),
            _("Consent (Art. 6 (1) (a) GDPR)"),
            _("Subscribers"),
            _("E-mail address, organisation, when the last digest was sent"),
            _("Mail provider as processor [fill in]"),
            _("Until the consent is withdrawn"),
        ),
        Activity(
            _("Mail sent by the portal (outbox)"),
            _("Confirmations, invitations, reminders and their delivery"),
            _("Art. 6 (1) (b) and (f) GDPR"),
            _("Recipients"),
            _("E-mail address, subject, content, delivery status"),
            _("Mail provider as processor [fill in]"),
            _("Erased with the account and with the event's retention; [fill in: otherwise]"),
        ),
        Activity(
            _("Consent ledger"),
            _("Proving which consent text a person agreed to, and when"),
            _("Art. 7 (1) and Art. 6 (1) (c) GDPR"),
            _("People who gave consent"),
            _("Purpose, text version, time given and withdrawn"),
            _("Platform admins"),
            _("Deleted with the account and with the event's retention"),
        ),
        Activity(
            _("Audit log"),
            _("Tracing security-relevant actions (role changes, exports, deletions)"),
            _("Art. 6 (1) (f) GDPR"),
            _("Users who act in the portal"),
            _("Who did what to which object, when"),
            _("Platform admins"),
            _("[fill in: e.g. 2 years]; names of deleted people are erased"),
        ),
    ]


def rows() -> list[list[str]]:
    return [[str(value) for value in vars(activity).values()] for activity in activities()]
