"""Tax codes (mã số thuế) of Vietnamese enterprises.

A tax code is 10 digits, or 10 digits, a hyphen and 3 digits for a dependent unit
(branch, representative office). People type them with spaces, dots or no hyphen; we
normalise to the canonical form before validating. The tenth digit is a check digit
(Circular 105/2020/TT-BTC, weights 31, 29, 23, 19, 17, 13, 7, 5, 3 over the first nine
digits; check = 10 - (sum mod 11)); nine digits whose sum leaves no remainder cannot
start a tax code. Checked against published codes: 0100107518, 0100109106.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)
_SEPARATORS = re.compile(r"[\s.\u2010-\u2015_/]+")


def check_digit(first_nine):
    """The check digit for nine digits, or None when no code can be issued with them
    (a remainder of 0 would need the check digit 10)."""
    remainder = sum(int(d) * w for d, w in zip(first_nine, WEIGHTS, strict=True)) % 11
    return None if remainder == 0 else 10 - remainder


def normalize_tax_code(value):
    """'0101 234 567 001' -> '0101234567-001'; anything else is returned stripped."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    # Spreadsheets turn codes into numbers ("100107518.0") and drop the leading zero.
    if re.fullmatch(r"\d{9,13}\.0+", text):
        text = text.split(".")[0]
    text = _SEPARATORS.sub("", text).replace("—", "-")
    if re.fullmatch(r"\d{9}", text):
        text = "0" + text
    if re.fullmatch(r"\d{13}", text):
        text = f"{text[:10]}-{text[10:]}"
    return text


def is_valid_tax_code(value):
    code = normalize_tax_code(value)
    match = re.fullmatch(r"(\d{10})(?:-(\d{3}))?", code)
    if not match:
        return False
    main, branch = match.groups()
    if branch == "000":
        return False
    return check_digit(main[:9]) == int(main[9])


def validate_tax_code(value):
    code = normalize_tax_code(value)
    if not re.fullmatch(r"\d{10}(-\d{3})?", code):
        raise ValidationError(
            _("Mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số (đơn vị phụ thuộc)."),
            code="tax_code_format",
        )
    if not is_valid_tax_code(code):
        raise ValidationError(
            _("Mã số thuế %(code)s không hợp lệ: chữ số kiểm tra không khớp."),
            code="tax_code_checksum",
            params={"code": code},
        )


def make_tax_code(first_nine, branch=None):
    """A valid tax code from nine digits (for factories and demo data); None if impossible."""
    digit = check_digit(first_nine)
    if digit is None:
        return None
    code = f"{first_nine}{digit}"
    return f"{code}-{branch:03d}" if branch else code
