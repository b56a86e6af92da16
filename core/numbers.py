"""The one place that decides how a number is written.

Machines (SVG attributes, JSON-LD, data attributes, CSV, JSON) always get `machine()`: a dot
for decimals, no grouping, no trailing zeros. People get `human()`: the current language's
separators (90,77 and 1.234.567 in Vietnamese; 90.77 and 1,234,567 in English). Templates use
the `machine` library (core/templatetags/machine.py), which calls these."""

import math
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import formats, timezone


def _number(value: Any) -> Decimal | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def machine(value: Any, digits: Any = "") -> str:
    """'12.5', '170', '-3.25': what an SVG attribute or a JSON-LD value accepts. `digits` rounds
    (default: as given, trailing zeros dropped). '' for a missing or non-numeric value."""
    number = _number(value)
    if number is None:
        return ""
    if digits not in ("", None):
        number = round(number, int(digits))
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def machine_points(points: Iterable[tuple[Any, Any]]) -> str:
    """[(x, y), …] → '10.5,20 30,40.2' (an SVG polygon's `points`)."""
    return " ".join(f"{machine(x)},{machine(y)}" for x, y in points)


def human(value: Any, digits: Any = "") -> str:
    """A number for people in the current language: no trailing zeros unless `digits` is given
    ('90,77', '320', '1.234.567'). '–' for a missing value."""
    number = _number(value)
    if number is None:
        return "–"
    if digits in ("", None):
        text = machine(number, 2)
        decimals = len(text.split(".")[1]) if "." in text else 0
        number = Decimal(text)
    else:
        decimals = int(digits)
    return formats.number_format(number, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def short_date(value: Any) -> str:
    """20/10/2025 in Vietnamese (the language's SHORT_DATE_FORMAT); '' for None."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.date()
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    return formats.date_format(value, "SHORT_DATE_FORMAT", use_l10n=True)


def is_machine_number(text: Any) -> bool:
    """True when `text` is a number as SVG/JSON write it (used by the tests and checks)."""
    try:
        return math.isfinite(float(text)) and "," not in text
    except (TypeError, ValueError):
        return False
