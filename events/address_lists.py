"""Uploaded address lists for invitations: a CSV file of e-mail addresses, names optional.

Each row needs one cell with an e-mail address; the other filled cells of the row make
the name ("Erika;Muster;erika@example.org" or "erika@example.org;Erika Muster"). A first
row without any "@" is taken as the header. Encodings and delimiters as the member import
reads them (``members.imports.reading``). Every row is checked first: a list with errors
is refused as a whole, with the rows named.
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import validate_email
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from members.imports.reading import UnreadableFileError, decode, sniff_delimiter

MAX_BYTES = 1024 * 1024
MAX_ADDRESSES = 10_000
MAX_ERRORS_SHOWN = 50


@dataclass(frozen=True)
class RowError:
    row: int
    message: str

    def __str__(self) -> str:
        return _("Row %(row)s: %(message)s") % {"row": self.row, "message": self.message}


@dataclass
class AddressList:
    """The addresses (lower case, each once) with names, in the file's order."""

    addresses: dict[str, str] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)
    repeated: int = 0
    rows: int = 0  # non-empty rows read so far

    def as_pairs(self) -> list[list[str]]:
        return [[email, name] for email, name in self.addresses.items()]


class AddressListError(Exception):
    """The file cannot be used; ``messages`` say why (the file, or the rows)."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


def read_address_list(upload: UploadedFile) -> AddressList:
    """The checked list; ``AddressListError`` when the file or any row is not usable."""
    try:
        text, _encoding = decode(_read(upload))
    except UnreadableFileError as error:
        raise AddressListError([error.message]) from error
    result = AddressList()
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    try:
        for number, cells in enumerate(reader, start=1):
            _take(result, number, [cell.strip() for cell in cells])
    except csv.Error as error:
        message = _("Row %(row)s cannot be read as CSV (%(error)s). Check its quotation marks.")
        raise AddressListError([message % {"row": reader.line_num, "error": error}]) from error
    if result.errors:
        raise AddressListError(_error_messages(result.errors))
    if not result.addresses:
        raise AddressListError([_("The file contains no e-mail addresses.")])
    return result


def _read(upload: UploadedFile) -> bytes:
    too_large = _("The file is %(size)s large; at most %(limit)s are allowed.")
    if upload.size is not None and upload.size > MAX_BYTES:
        raise UnreadableFileError(too_large % _sizes(upload.size))
    upload.seek(0)
    raw = upload.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise UnreadableFileError(too_large % _sizes(len(raw)))
    return raw


def _sizes(size: int) -> dict[str, str]:
    return {"size": filesizeformat(size), "limit": filesizeformat(MAX_BYTES)}


def _take(result: AddressList, number: int, cells: list[str]) -> None:
    filled = [cell for cell in cells if cell]
    if not filled:
        return
    result.rows += 1
    with_at = [cell for cell in filled if "@" in cell]
    if not with_at:
        if result.rows > 1:  # the first row without an address is the header
            result.errors.append(RowError(number, _("This row has no e-mail address.")))
        return
    email = with_at[0]
    try:
        validate_email(email)
    except ValidationError:
        message = _("“%(value)s” is not a valid e-mail address.") % {"value": email[:100]}
        result.errors.append(RowError(number, message))
        return
    if len(with_at) > 1:
        result.errors.append(RowError(number, _("This row has more than one e-mail address.")))
        return
    _add(result, number, email.lower(), " ".join(cell for cell in filled if cell != email))


def _add(result: AddressList, number: int, email: str, name: str) -> None:
    if email in result.addresses:
        result.repeated += 1
        return
    if len(result.addresses) >= MAX_ADDRESSES:
        limit = number_format(MAX_ADDRESSES, force_grouping=True)
        message = _("The list has more than %(limit)s addresses. Split it into several files.")
        raise AddressListError([message % {"limit": limit}])
    result.addresses[email] = name[:300]


def _error_messages(errors: list[RowError]) -> list[str]:
    messages = [str(error) for error in errors[:MAX_ERRORS_SHOWN]]
    if len(errors) > MAX_ERRORS_SHOWN:
        more = len(errors) - MAX_ERRORS_SHOWN
        messages.append(_("… and %(count)s more rows with errors.") % {"count": more})
    return messages
