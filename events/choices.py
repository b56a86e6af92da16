"""Fixed vocabularies of the events app: formats, audience sizes, DX levels, DBI pillars."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The six pillars of the DBI index (Decision 1970/QĐ-BTTTT), used until the assessment
# framework provides its own versioned list through `assessment_forms.services.pillar_choices`.
FALLBACK_PILLARS = [
    ("P1", _("Trải nghiệm số cho khách hàng")),
    ("P2", _("Chiến lược chuyển đổi số")),
    ("P3", _("Hạ tầng và công nghệ số")),
    ("P4", _("Vận hành")),
    ("P5", _("Chuyển đổi số văn hóa doanh nghiệp")),
    ("P6", _("Dữ liệu và tài sản thông tin")),
]


def pillar_choices():
    """[("P1", name), ...]: from the assessment framework when it is installed, else the DBI defaults."""
    try:
        from assessment_forms.services import pillar_choices as provided
    except ImportError:
        return FALLBACK_PILLARS
    choices = list(provided())
    return choices or FALLBACK_PILLARS


class EventFormat(models.TextChoices):
    IN_PERSON = "in_person", _("Trực tiếp")
    ONLINE = "online", _("Trực tuyến")
    HYBRID = "hybrid", _("Kết hợp trực tiếp và trực tuyến")


class EventLanguage(models.TextChoices):
    VI = "vi", _("Tiếng Việt")
    EN = "en", _("Tiếng Anh")
    BOTH = "vi_en", _("Tiếng Việt và tiếng Anh")


# Enterprise size classes of Decree 80/2021/NĐ-CP (the registry's codes).
SIZE_CHOICES = [
    ("micro", _("Siêu nhỏ")),
    ("small", _("Nhỏ")),
    ("medium", _("Vừa")),
    ("large", _("Lớn")),
]

# DBI levels 0–5.
LEVEL_CHOICES = [
    ("0", _("Mức 0 – Chưa chuyển đổi số")),
    ("1", _("Mức 1 – Khởi động")),
    ("2", _("Mức 2 – Bắt đầu")),
    ("3", _("Mức 3 – Hình thành")),
    ("4", _("Mức 4 – Nâng cao")),
    ("5", _("Mức 5 – Dẫn dắt")),
]


def label_for(choices, code):
    return dict(choices).get(code, code)
