"""Checks of single cells: each returns the value to save or raises ``CellError``."""

import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.translation import gettext as _

from members.imports import columns
from members.imports.columns import normalised
from members.models import Organisation, Region, Sector

POSTCODE = re.compile(r"\d{5}")
PHONE = re.compile(r"[0-9 +()/.\-]{3,40}")
SEPARATORS = re.compile(r"[,;|]")
LENGTHS = {
    "name": 200,
    "street": 200,
    "city": 100,
    "website": 200,
    "email": 254,
    "first_name": 150,
    "last_name": 150,
    "function": 150,
    "person_email": 254,
}
MAX_LISTED = 20  # known values named in a message; more would drown it


class CellError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class Vocabulary:
    """Regions, sectors and the choice words, loaded once per file."""

    regions: dict[str, Region]
    sectors: dict[str, Sector]
    kinds: dict[str, str]
    sizes: dict[str, str]
    roles: dict[str, str]
    region_names: list[str]
    sector_names: list[str]

    @classmethod
    def load(cls) -> "Vocabulary":
        regions = list(Region.objects.order_by("name"))
        sectors = list(Sector.objects.order_by("name"))
        return cls(
            regions=_by_words(regions, ("name", "slug")),
            sectors=_by_words(sectors, ("name", "name_en", "slug")),
            kinds=columns.kinds(),
            sizes=columns.sizes(),
            roles=columns.roles(),
            region_names=[region.name for region in regions],
            sector_names=[sector.name for sector in sectors],
        )


def _by_words(objects: list, fields: tuple[str, ...]) -> dict:
    return {normalised(getattr(o, name)): o for o in objects for name in fields if getattr(o, name)}


def text(value: str, key: str) -> str:
    limit = LENGTHS.get(key)
    if limit and len(value) > limit:
        message = _("At most %(limit)s characters, this has %(length)s.")
        raise CellError(message % {"limit": limit, "length": len(value)})
    return value


def postal_code(value: str) -> str:
    if not value:
        raise CellError(_("The postcode is missing."))
    if POSTCODE.fullmatch(value):
        return value
    if re.fullmatch(r"\d{4}", value):
        message = _(
            "“%(value)s” has four digits; German postcodes have five. "
            "Did the spreadsheet drop a leading zero (0%(value)s)?"
        )
        raise CellError(message % {"value": value})
    raise CellError(_("“%(value)s” is not a German postcode (five digits).") % {"value": value})


def email(value: str) -> str:
    if not value:
        return ""
    try:
        validate_email(value)
    except ValidationError as error:
        message = _("“%(value)s” is not a valid e-mail address.")
        raise CellError(message % {"value": value}) from error
    return value


def website(value: str) -> str:
    if not value:
        return ""
    url = value if re.match(r"(?i)https?://", value) else f"https://{value}"
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError as error:
        raise CellError(_("“%(value)s” is not a web address.") % {"value": value}) from error
    return text(url, "website")


def phone(value: str) -> str:
    if value and not PHONE.fullmatch(value):
        raise CellError(_("Only digits, spaces and + - / ( ) are allowed, at most 40 characters."))
    return value


def choice(value: str, words: Mapping[str, str], choices, default: str) -> str:
    if not value:
        return default
    found = words.get(normalised(value))
    if found is None:
        known = ", ".join(str(label) for _value, label in choices)
        message = _("“%(value)s” is unknown. Use one of: %(known)s.")
        raise CellError(message % {"value": value, "known": known})
    return found


def kind(value: str, vocabulary: Vocabulary) -> str:
    return choice(value, vocabulary.kinds, Organisation.Kind.choices, Organisation.Kind.COMPANY)


def size(value: str, vocabulary: Vocabulary) -> str:
    return choice(value, vocabulary.sizes, [("", "1-9, 10-49, 50-249, 250+")], "")


def region(value: str, vocabulary: Vocabulary) -> Region | None:
    if not value:
        return None
    found = vocabulary.regions.get(normalised(value))
    if found is None:
        raise CellError(_unknown_region(value, vocabulary.region_names))
    return found


def sectors(value: str, vocabulary: Vocabulary) -> list[Sector]:
    names = [name.strip() for name in SEPARATORS.split(value) if name.strip()]
    unknown = [name for name in names if normalised(name) not in vocabulary.sectors]
    if unknown:
        raise CellError(_unknown_sector(", ".join(unknown), vocabulary.sector_names))
    found = [vocabulary.sectors[normalised(name)] for name in names]
    return list(dict.fromkeys(found))  # each sector once, in the file's order


def _unknown_region(value: str, known: list[str]) -> str:
    if len(known) > MAX_LISTED:
        message = _("Unknown region “%(value)s”. The import page lists the known ones.")
    else:
        message = _("Unknown region “%(value)s”. Known: %(known)s.")
    return message % {"value": value, "known": ", ".join(known)}


def _unknown_sector(value: str, known: list[str]) -> str:
    if len(known) > MAX_LISTED:
        message = _("Unknown sector “%(value)s”. The import page lists the known ones.")
    else:
        message = _("Unknown sector “%(value)s”. Known: %(known)s.")
    return message % {"value": value, "known": ", ".join(known)}
