"""Amounts in euros: read as people type them ("26.550,00" in German) and shown the same way.

German input uses the point for thousands and the comma for cents; English input the other
way round. Amounts are never negative and have at most two decimal places (cents).
"""

import re
from decimal import Decimal, InvalidOperation

from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext as _

LARGEST = Decimal("9999999999.99")  # the model's max_digits=12, decimal_places=2
CURRENCY_MARKS = re.compile(r"(€|eur)", re.I)


class AmountError(ValueError):
    """An amount people cannot have meant; ``message`` says what to type instead."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _separators() -> tuple[str, str]:
    """(thousands, decimal) separators of the active language."""
    if (get_language() or "de").startswith("en"):
        return ",", "."
    return ".", ","


def _example() -> str:
    return euro_number(Decimal("26550.00"))


def amount_parse(text: str) -> Decimal:
    """The amount in ``text``, written the way of the active language; ``AmountError`` if not.

    "26.550,00", "26550,00", "26550" and "26.550,00 €" all give 26550.00 in German.
    """
    cleaned = CURRENCY_MARKS.sub("", text or "").replace(" ", "").replace("\u00a0", "")
    if cleaned.startswith("-"):
        raise AmountError(_("The amount must not be negative."))
    thousands, decimal = _separators()
    grouped = rf"\d{{1,3}}(?:{re.escape(thousands)}\d{{3}})+"
    pattern = rf"^(?P<whole>\d+|{grouped})(?:{re.escape(decimal)}(?P<cents>\d+))?$"
    match = re.match(pattern, cleaned)
    if match is None:
        raise AmountError(
            _("Please enter an amount in euros, for example %(example)s.") % {"example": _example()}
        )
    cents = match["cents"] or ""
    if len(cents) > 2:
        raise AmountError(_("Please give the amount with at most two decimal places (cents)."))
    try:
        amount = Decimal(f"{match['whole'].replace(thousands, '')}.{cents or '0'}")
    except InvalidOperation as error:  # pragma: no cover - the pattern admits digits only
        raise AmountError(_("Please enter an amount in euros.")) from error
    if amount > LARGEST:
        raise AmountError(_("This amount is too large."))
    return amount.quantize(Decimal("0.01"))


def euro_number(amount: Decimal | int | None) -> str:
    """The amount as a number with two decimals in the active language: "26.550,00"."""
    if amount is None:
        return ""
    return formats.number_format(Decimal(amount), 2, use_l10n=True, force_grouping=True)


def euro(amount: Decimal | int | None) -> str:
    """The amount with its currency: "26.550,00 €" in German, "€26,550.00" in English."""
    if amount is None:
        return ""
    return _("€%(amount)s") % {"amount": euro_number(amount)}
