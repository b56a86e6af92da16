"""Choices that come from lower layers: DBI pillars (assessment) and size classes (registry)."""

from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# Used only until a framework is loaded; codes are what the pages store.
DEFAULT_PILLARS = [
    ("P1", _("Trải nghiệm số cho khách hàng")),
    ("P2", _("Chiến lược")),
    ("P3", _("Hạ tầng và công nghệ số")),
    ("P4", _("Vận hành")),
    ("P5", _("Chuyển đổi số văn hóa doanh nghiệp")),
    ("P6", _("Dữ liệu và tài sản thông tin")),
]
PILLAR_CACHE_SECONDS = 600


def pillar_choices():
    """[(code, name)] of the DBI pillars, from the current assessment framework when one is
    loaded (cached for a few minutes per language: every chapter page shows pillar names)."""
    key = f"handbook:pillars:{get_language()}"
    choices = cache.get(key)
    if choices is None:
        from assessment_forms.services import pillar_choices as framework_pillars

        try:
            choices = list(framework_pillars())
        except Exception:  # noqa: BLE001 - tables missing during the first migrate
            choices = []
        choices = [(code, str(name)) for code, name in (choices or DEFAULT_PILLARS)]
        cache.set(key, choices, PILLAR_CACHE_SECONDS)
    return choices


def size_choices():
    from enterprises.models import Enterprise

    return list(Enterprise.SizeClass.choices)
