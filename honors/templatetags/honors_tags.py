from django import template
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

register = template.Library()

LEVEL_NAMES = {
    0: _("Chưa khởi động"),
    1: _("Khởi động"),
    2: _("Bắt đầu"),
    3: _("Hình thành"),
    4: _("Nâng cao"),
    5: _("Dẫn dắt"),
}
SIZE_NAMES = {"micro": _("Siêu nhỏ"), "small": _("Nhỏ"), "medium": _("Vừa"), "large": _("Lớn")}


@register.filter
def level_name(level):
    """The name of a DBI overall level (0–5), as Decision 1970 names them. Kept here rather
    than asked of the assessment app per row, so a listing costs no query per level."""
    if level is None or level == "":
        return ""
    return LEVEL_NAMES.get(int(level), level)


@register.filter
def size_name(code):
    return SIZE_NAMES.get(code, code or "–")


@register.simple_tag
def query_url(query, **overrides):
    """The current ranking URL's query string with some parameters changed."""
    params = query.params(**overrides)
    return "?" + urlencode(params) if params else "?"


@register.filter
def num(value):
    """A score as the table and the downloads show it: no trailing zeros."""
    if value is None or value == "":
        return "–"
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return text
