"""Choices that come from lower layers: DBI pillars (assessment) and size classes (registry)."""

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


def pillar_choices():
    """[(code, name)] of the DBI pillars, from the assessment framework when one is loaded."""
    try:
        from assessment_forms.services import pillar_choices as framework_pillars
    except ImportError:
        return DEFAULT_PILLARS
    try:
        return list(framework_pillars()) or DEFAULT_PILLARS
    except Exception:  # noqa: BLE001 - tables missing during the first migrate
        return DEFAULT_PILLARS


def size_choices():
    from enterprises.models import Enterprise

    return list(Enterprise.SizeClass.choices)
