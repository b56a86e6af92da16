"""The DBI pillars a story can be tagged with, stored as codes "P1".."P6".

The names come from the assessment framework (a lower layer) when it is installed; the
fallback keeps the codes meaningful before that app ships its services."""

from django.utils.translation import gettext_lazy as _

FALLBACK_PILLARS = [
    ("P1", _("Trải nghiệm số cho khách hàng")),
    ("P2", _("Năng lực số hóa quản trị doanh nghiệp")),
    ("P3", _("Năng lực số hóa hoạt động sản xuất, kinh doanh")),
    ("P4", _("Năng lực quản trị, khai thác, phân tích dữ liệu")),
    ("P5", _("Năng lực ứng dụng công nghệ số")),
    ("P6", _("Văn hóa số trong doanh nghiệp")),
]


def pillar_choices():
    """[("P1", name), ...] in the active language, cached for a few minutes (the framework's
    pillars change only with a new framework version)."""
    from django.core.cache import cache
    from django.utils.translation import get_language

    key = f"stories:pillar-choices:{get_language()}"
    choices = cache.get(key)
    if choices is None:
        choices = [(code, str(name)) for code, name in _framework_pillar_choices()]
        cache.set(key, choices, 300)
    return choices


def _framework_pillar_choices():
    """[("P1", name), ...] from the assessment framework, or the fallback while it has no data."""
    from assessment_forms.services import pillar_choices as framework_pillars

    try:
        choices = list(framework_pillars())
    except Exception:  # noqa: BLE001 - an empty framework database must not break page editing
        choices = []
    return choices or list(FALLBACK_PILLARS)


def pillar_name(code):
    return dict(pillar_choices()).get(code, code)
