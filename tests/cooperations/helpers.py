"""Helpers of the cooperations tests: German page texts, dates, the parsed Atom feed."""

import datetime as dt
import xml.etree.ElementTree as ET

from django.utils import formats, translation

from tests.members.fixtures.text import de, german

__all__ = ["ATOM", "de", "feed_entries", "german", "short_date"]

ATOM = "{http://www.w3.org/2005/Atom}"


def short_date(day: dt.date | dt.datetime) -> str:
    """A date as German pages show it (SHORT_DATE_FORMAT)."""
    with translation.override("de"):
        return formats.date_format(day, "SHORT_DATE_FORMAT")


def feed_entries(content: bytes) -> list[ET.Element]:
    return ET.fromstring(content).findall(f"{ATOM}entry")  # noqa: S314 - our own feed
