"""The documented columns of the member import and the words accepted in them."""

import re
import unicodedata
from dataclasses import dataclass

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from members.models import Membership, Organisation


def normalised(text: str) -> str:
    """A spelling-tolerant key: no case, accents, spaces, hyphens or punctuation."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"[\W_]+", "", "".join(c for c in decomposed if not unicodedata.combining(c)))


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # the German header the template uses
    aliases: tuple[str, ...]
    help: Promise
    example: str
    required: bool = False


COLUMNS = (
    Column(
        "name", "Name", ("Organisation", "Firma", "Firmenname"), _("Required."), "Muster GmbH", True
    ),
    Column(
        "kind",
        "Art",
        ("Kind", "Organisationsart"),
        _("Kind of organisation; empty means company."),
        "Unternehmen",
    ),
    Column(
        "street",
        "Straße",
        ("Strasse", "Street", "Adresse"),
        _("Street and number."),
        "Hauptstraße 1",
    ),
    Column(
        "postal_code",
        "PLZ",
        ("Postleitzahl", "Postcode", "Postal code"),
        _("Required: five digits."),
        "44787",
        True,
    ),
    Column("city", "Ort", ("Stadt", "City"), _("City."), "Bochum"),
    Column("region", "Region", ("Kreis",), _("One of the portal's regions."), "Bochum"),
    Column(
        "sectors",
        "Branchen",
        ("Branche", "Sectors", "Sector"),
        _("Several separated by commas or |."),
        "Automotive, Logistik",
    ),
    Column(
        "size",
        "Größe",
        ("Groesse", "Size", "Beschäftigte", "Mitarbeitende"),
        _("1-9, 10-49, 50-249 or 250+."),
        "10-49",
    ),
    Column(
        "website",
        "Website",
        ("Webseite", "Internet", "Homepage"),
        _("With or without https://."),
        "www.muster.example",
    ),
    Column(
        "email",
        "E-Mail",
        ("Email", "E-Mail-Adresse"),
        _("The organisation's general address."),
        "info@muster.example",
    ),
    Column(
        "phone",
        "Telefon",
        ("Phone", "Tel"),
        _("The organisation's general number."),
        "0234 000000-0",
    ),
    Column(
        "first_name",
        "Ansprechperson Vorname",
        ("Vorname", "First name"),
        _("Optional contact person; with a surname."),
        "Erika",
    ),
    Column(
        "last_name",
        "Ansprechperson Nachname",
        ("Nachname", "Last name"),
        _("The contact person's surname."),
        "Muster",
    ),
    Column(
        "function",
        "Ansprechperson Funktion",
        ("Funktion", "Function"),
        _("Their function, e.g. managing director."),
        "Geschäftsführerin",
    ),
    Column(
        "person_email",
        "Ansprechperson E-Mail",
        ("Contact e-mail",),
        _("A person whose address is already in the portal is skipped."),
        "e.muster@muster.example",
    ),
    Column(
        "person_phone",
        "Ansprechperson Telefon",
        ("Contact phone",),
        _("The contact person's phone number."),
        "0234 000000-12",
    ),
    Column(
        "role",
        "Rolle",
        ("Rolle (Mitglied/Partner)", "Role"),
        _("Mitglied, Partner or Gründungspartner; empty means Mitglied."),
        "Mitglied",
    ),
)

BY_KEY = {column.key: column for column in COLUMNS}
HEADERS = {column.key: column.header for column in COLUMNS}  # the file's German names
# Short forms the kind column accepts besides the kinds' names (the chambers' codes).
KIND_ABBREVIATIONS = ("IHK", "HWK")
REQUIRED = tuple(column for column in COLUMNS if column.required)
PERSON_KEYS = ("first_name", "last_name", "function", "person_email", "person_phone")
ORGANISATION_KEYS = tuple(c.key for c in COLUMNS if c.key not in (*PERSON_KEYS, "role"))


def column_for_header(header: str) -> Column | None:
    return _HEADERS.get(normalised(header))


_HEADERS = {
    normalised(name): column for column in COLUMNS for name in (column.header, *column.aliases)
}


def _choices_by_word(choices, extra: dict[str, str]) -> dict[str, str]:
    """Each choice under its code, English and German label, plus ``extra`` words."""
    words = {normalised(word): value for word, value in extra.items()}
    for value, label in choices:
        words[normalised(value)] = value
        with translation.override("en"):
            words[normalised(str(label))] = value
        with translation.override("de"):
            words[normalised(str(label))] = value
    return words


def kinds() -> dict[str, str]:
    K = Organisation.Kind  # noqa: N806
    return _choices_by_word(
        K.choices,
        {
            "Firma": K.COMPANY,
            "Industrie- und Handelskammer": K.CHAMBER_OF_COMMERCE,
            "Handwerkskammer": K.CHAMBER_OF_CRAFTS,
            "Universität": K.UNIVERSITY,
            "Fachhochschule": K.UNIVERSITY,
            "Forschungsinstitut": K.RESEARCH_INSTITUTE,
            "Verein": K.ASSOCIATION,
        },
    )


def sizes() -> dict[str, str]:
    S = Organisation.Size  # noqa: N806
    return _choices_by_word(
        S.choices,
        {
            "1-9": S.MICRO,
            "10-49": S.SMALL,
            "50-249": S.MEDIUM,
            "250+": S.LARGE,
            "250": S.LARGE,
            "klein": S.SMALL,
            "mittel": S.MEDIUM,
            "groß": S.LARGE,
            "Kleinstunternehmen": S.MICRO,
        },
    )


def roles() -> dict[str, str]:
    R = Membership.Role  # noqa: N806
    return _choices_by_word(R.choices, {"Mitglied": R.MEMBER, "Partnerin": R.PARTNER})
