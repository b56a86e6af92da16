"""The columns of an import file, their header spellings, and how cells are read."""

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator

from core.text import fold_compact as fold

from ..models import Enterprise

# field: (Vietnamese header as documented, *other accepted spellings incl. English aliases)
COLUMNS = {
    "tax_code": ("Mã số thuế", "MST", "Mã số doanh nghiệp", "tax code", "tax_code", "tax id"),
    "name": ("Tên doanh nghiệp", "Tên", "Tên đơn vị", "name", "enterprise name", "company name"),
    "name_en": ("Tên tiếng Anh", "Tên nước ngoài", "english name", "name_en"),
    "short_name": ("Tên viết tắt", "short name", "short_name", "abbreviation"),
    "legal_form": ("Loại hình", "Loại hình doanh nghiệp", "legal form", "legal_form", "type"),
    "sector": ("Ngành", "Mã ngành", "Ngành chính", "Ngành nghề kinh doanh chính", "sector", "industry", "vsic"),
    "area": ("Địa bàn", "Đơn vị hành chính", "Xã, phường", "Huyện", "area", "district", "commune"),
    "address": ("Địa chỉ", "Địa chỉ trụ sở", "address"),
    "founded_year": ("Năm thành lập", "founded", "founded_year", "year founded"),
    "employees": ("Số lao động", "Lao động", "Số lao động tham gia BHXH", "employees", "workforce"),
    "revenue": ("Doanh thu", "Tổng doanh thu", "revenue"),
    "capital": ("Nguồn vốn", "Tổng nguồn vốn", "Vốn", "capital"),
    "figures_year": ("Năm số liệu", "figures year", "figures_year", "year of figures"),
    "contact_name": ("Người liên hệ", "Người đại diện", "contact", "contact_name", "contact person"),
    "email": ("Thư điện tử", "Email", "E-mail"),
    "phone": ("Điện thoại", "Số điện thoại", "phone", "telephone"),
    "website": ("Trang web", "Website"),
    "status": ("Trạng thái", "Tình trạng", "status"),
}
REQUIRED = ("tax_code", "name")
# Employees are a yearly average (Decree 80 art. 7): decimals allowed, compared exactly.
NUMBER_FIELDS = {"employees": False, "revenue": False, "capital": False}  # True: whole number
YEAR_FIELDS = ("founded_year", "figures_year")
TEXT_LIMITS = {
    "name": 255,
    "name_en": 255,
    "short_name": 100,
    "address": 300,
    "contact_name": 150,
    "phone": 30,
}
MAX_AMOUNT = Decimal("99999999999999.99")


def header_key(text: Any) -> str:
    """'Doanh thu (triệu đồng)' → 'doanh thu': folded, units in brackets dropped."""
    return fold(re.sub(r"\(.*?\)", "", str(text or ""))).strip(" :*")


HEADER_INDEX = {header_key(alias): field for field, aliases in COLUMNS.items() for alias in aliases}


def heading(field: str) -> str:
    return COLUMNS[field][0]


def _legal_forms() -> dict[str, str]:
    index = {fold(label): key for key, label in Enterprise.LegalForm.choices}
    index.update({key: key for key in Enterprise.LegalForm.values})
    index.update(
        {
            "tnhh": "llc",
            "cong ty tnhh": "llc",
            "trach nhiem huu han": "llc",
            "cp": "jsc",
            "ctcp": "jsc",
            "co phan": "jsc",
            "hop danh": "partnership",
            "dntn": "private",
            "tu nhan": "private",
            "htx": "cooperative",
            "hkd": "household",
            "ho kinh doanh ca the": "household",
            "chi nhanh": "branch",
            "van phong dai dien": "branch",
            "dia diem kinh doanh": "branch",
        }
    )
    return index


LEGAL_FORMS = _legal_forms()
LEGAL_PREFIXES = (
    ("cong ty tnhh", "llc"),
    ("cong ty trach nhiem huu han", "llc"),
    ("cong ty co phan", "jsc"),
    ("hop tac xa", "cooperative"),
    ("chi nhanh", "branch"),
)
STATUSES = {
    **{fold(label): key for key, label in Enterprise.Status.choices},
    **{key: key for key in Enterprise.Status.values},
    "dang hoat dong": "active",
    "hoat dong": "active",
    "cho xac minh": "pending",
    "giai the": "closed",
    "ngung hoat dong": "closed",
    "da dong ma so thue": "closed",
}


def parse_legal_form(text: str) -> str:
    key = fold(text)
    if key in LEGAL_FORMS:
        return LEGAL_FORMS[key]
    for prefix, value in LEGAL_PREFIXES:
        if key.startswith(prefix):
            return value
    labels = ", ".join(str(label) for label in Enterprise.LegalForm.labels)
    raise ValueError(f"Loại hình “{text}” không hợp lệ; dùng một trong: {labels}.")


def parse_status(text: str) -> str:
    key = fold(text)
    if key in STATUSES:
        return STATUSES[key]
    raise ValueError(f"Trạng thái “{text}” không hợp lệ; dùng: đang hoạt động, chờ xác minh, ngừng hoạt động.")


def parse_number(value: Any, whole: bool = False) -> int | Decimal:
    """A number typed the Vietnamese way ("1.234.567", "12,5") or the English way ("1,234.5").

    A single separator followed by exactly three digits groups thousands ("1.500" = 1500);
    otherwise it is the decimal mark ("1,5" = "1.5" = 1.5)."""
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, int | float | Decimal):
        number = Decimal(str(value))
    else:
        text = re.sub(r"[\s\u00a0]", "", str(value))
        if "," in text and "." in text:
            thousands, decimal = (".", ",") if text.rfind(",") > text.rfind(".") else (",", ".")
            text = text.replace(thousands, "").replace(decimal, ".")
        elif re.fullmatch(r"-?\d{1,3}(\.\d{3})+", text) or re.fullmatch(r"-?\d{1,3}(,\d{3})+", text):
            # Digits grouped by threes: "60.000" (Vietnamese) or "60,000" (English) is sixty thousand.
            text = re.sub(r"[.,]", "", text)
        else:
            text = text.replace(",", ".")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValueError
    if not number.is_finite() or number < 0 or number > MAX_AMOUNT:
        raise ValueError
    if whole:
        if number != number.to_integral_value():
            raise ValueError
        return int(number)
    return number.quantize(Decimal("0.01"))


def parse_year(text: Any) -> int | Decimal:
    year = parse_number(text, whole=True)
    if not 1900 <= year <= 2100:
        raise ValueError
    return year


_email = EmailValidator()
_url = URLValidator()


def parse_email(text: str) -> str:
    try:
        _email(text)
    except ValidationError:
        raise ValueError(f"Thư điện tử “{text}” không hợp lệ.")
    return text.lower()


def parse_website(text: str) -> str:
    url = text if "://" in text else "https://" + text
    try:
        _url(url)
    except ValidationError:
        raise ValueError(f"Trang web “{text}” không hợp lệ.")
    return url
