"""Helpers of the messaging tests: the mails of a kind, their calendar files, people."""

import re
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from network_portal.models import OutgoingMail
from tests import factories

BERLIN = ZoneInfo("Europe/Berlin")
SITE = "https://portal.example"
CANCEL_LINK = re.compile(re.escape(SITE) + r"/anmeldungen/absagen/[^/\s\"]+/")


@pytest.fixture(autouse=True)
def portal_site(settings):
    settings.SITE_URL = SITE
    settings.DEFAULT_FROM_EMAIL = "Netzwerkportal <portal@portal.example>"


def mails_of(kind: str) -> list[OutgoingMail]:
    return list(OutgoingMail.objects.filter(kind=kind).order_by("id"))


def only_mail(kind: str) -> OutgoingMail:
    [mail] = mails_of(kind)
    return mail


def calendar_of(mail: OutgoingMail) -> Calendar:
    [attachment] = mail.attachments
    return Calendar.from_ical(attachment["content"])


def vevent_of(mail: OutgoingMail):
    [vevent] = calendar_of(mail).walk("VEVENT")
    return vevent


def cancel_link_in(text: str) -> str:
    """The one cancel link of a mail body (text or HTML)."""
    links = set(CANCEL_LINK.findall(text))
    assert len(links) == 1, links
    return links.pop()


def person(*, language: str = "en", email: str = "", organisation=None, **names):
    """A person with an account in ``language``; ``email`` for the account and person."""
    extra = {"user__language": language, **names}
    if email:
        extra["user__email"] = email
    if organisation is not None:
        extra["organisation"] = organisation
    return factories.PersonFactory(**extra)


def contact(*, email: str, organisation=None, **names):
    """A person without an account (an organisation's contact)."""
    extra = {"user": None, "email": email, **names}
    if organisation is not None:
        extra["organisation"] = organisation
    return factories.PersonFactory(**extra)
