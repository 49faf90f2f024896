"""From uploaded bytes to rows: size limits, encoding, delimiter, CSV syntax.

Spreadsheets save CSV in many ways: UTF-8 with or without BOM ("CSV UTF-8"), Windows-1252
(Excel's plain "CSV" on German Windows), UTF-16 ("Unicode text"); semicolons in Germany,
commas elsewhere, tabs from "Unicode text". We read all of them and refuse anything else
with a message that says what to do.
"""

import codecs
import csv
import io
import unicodedata
from dataclasses import dataclass, field

from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5_000
DELIMITERS = (";", ",", "\t")
UTF8 = "UTF-8"
WINDOWS_1252 = "Windows-1252"
UTF16 = "UTF-16"


class UnreadableFileError(Exception):
    """The file as a whole cannot be read; ``message`` says why, in the user's words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class Table:
    encoding: str
    delimiter: str
    header: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)  # (row number, cells)


def read_upload(upload: UploadedFile) -> bytes:
    """The upload's bytes, never more than ``MAX_BYTES`` of them in memory."""
    too_large = _(
        "The file is %(size)s large; at most %(limit)s are allowed. Split it into several files."
    )
    if upload.size is not None and upload.size > MAX_BYTES:
        raise UnreadableFileError(too_large % _sizes(upload.size))
    upload.seek(0)
    raw = upload.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise UnreadableFileError(too_large % _sizes(len(raw)))
    return raw


def _sizes(size: int) -> dict:
    return {"size": filesizeformat(size), "limit": filesizeformat(MAX_BYTES)}


def decode(raw: bytes) -> tuple[str, str]:
    """The text and the name of its encoding."""
    if not raw.strip():
        raise UnreadableFileError(_("The file is empty."))
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _decoded(raw, "utf-16"), UTF16
    elif b"\x00" in raw:
        raise UnreadableFileError(_not_text())
    elif raw.startswith(codecs.BOM_UTF8):
        text, encoding = _decoded(raw, "utf-8-sig"), UTF8
    else:
        try:
            text, encoding = raw.decode("utf-8"), UTF8
        except UnicodeDecodeError:
            text, encoding = _decoded(raw, "cp1252"), WINDOWS_1252
    text = text.lstrip("\ufeff").rstrip("\x1a")  # a DOS end-of-file mark
    if any(unicodedata.category(c) == "Cc" and c not in "\t\r\n" for c in text):
        raise UnreadableFileError(_not_text())
    return text, encoding


def _decoded(raw: bytes, codec: str) -> str:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as error:
        message = _(
            "The file's characters could not be read (byte %(position)s). "
            "Save it from your spreadsheet as “CSV UTF-8” and upload it again."
        )
        raise UnreadableFileError(message % {"position": error.start + 1}) from error


def _not_text() -> str:
    return _(
        "This is not a CSV text file. Save the table from your spreadsheet as "
        "“CSV UTF-8 (comma delimited)” and upload that file."
    )


def sniff_delimiter(text: str) -> str:
    """The delimiter used most in the header line; semicolon if there is none."""
    first_line = next((line for line in io.StringIO(text) if line.strip()), "")
    delimiter = max(DELIMITERS, key=first_line.count)
    return delimiter if first_line.count(delimiter) else ";"


def parse(text: str, encoding: str) -> Table:
    """The header and the non-empty rows, numbered as a spreadsheet shows them."""
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    table = Table(encoding=encoding, delimiter=delimiter, header=[])
    try:
        for number, cells in enumerate(reader, start=1):
            _add(table, number, cells)
    except csv.Error as error:
        message = _("Row %(row)s cannot be read as CSV (%(error)s). Check its quotation marks.")
        raise UnreadableFileError(message % {"row": reader.line_num, "error": error}) from error
    if not table.header:
        raise UnreadableFileError(_("The file is empty."))
    if not table.rows:
        raise UnreadableFileError(_("The file has a header row but no rows below it."))
    return table


def _add(table: Table, number: int, cells: list[str]) -> None:
    if not any(cell.strip() for cell in cells):
        return  # spreadsheets leave empty lines such as ";;;;" at the end
    if not table.header:
        table.header = [cell.strip() for cell in cells]
        return
    if len(table.rows) >= MAX_ROWS:
        message = _("The file has more than %(limit)s rows. Split it into several files.")
        raise UnreadableFileError(message % {"limit": number_format(MAX_ROWS, force_grouping=True)})
    table.rows.append((number, [cell.strip() for cell in cells]))


def read_table(upload: UploadedFile) -> Table:
    text, encoding = decode(read_upload(upload))
    return parse(text, encoding)
