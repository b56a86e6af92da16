"""The administrative form of Decree 30/2020/NĐ-CP for the documents the site prints (the
annual report to the Ministry, the honours certificates).

A record that becomes such a document inherits `AdministrativeDocument` (the parts the decree
asks for that an editor fills in: the issuing body and the body above it, place and date,
recipients, the signer's authority and title) and gives `official_document()` its number
and the signer's name. The templates `core/document/header.html` (national title and motto,
issuing body, number and symbol, place and date) and `core/document/signature.html`
(recipients on the left, authority, title and name on the right) draw them. A part left blank
prints as a dotted line, as on the blank forms, so a draft shows what is missing."""

import datetime
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
BLANK = "……"
PANEL_HEADING = _("Thể thức văn bản (Nghị định 30/2020/NĐ-CP)")


class AdministrativeDocument(models.Model):
    issuer_parent = models.CharField(
        _("cơ quan chủ quản"), max_length=200, blank=True, help_text=_("Ví dụ: ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG.")
    )
    issuer = models.CharField(
        _("cơ quan ban hành"), max_length=200, blank=True, help_text=_("Ví dụ: SỞ KHOA HỌC VÀ CÔNG NGHỆ.")
    )
    place = models.CharField(_("địa danh"), max_length=100, blank=True, help_text=_("Ví dụ: Đà Lạt."))
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    recipients = models.TextField(
        _("nơi nhận"),
        blank=True,
        help_text=_("Mỗi dòng một nơi nhận, ví dụ: “Bộ Khoa học và Công nghệ;” … “Lưu: VT.”"),
    )
    signer_authority = models.CharField(
        _("thẩm quyền ký"), max_length=100, blank=True, help_text=_("Ví dụ: KT. GIÁM ĐỐC (để trống nếu ký trực tiếp).")
    )
    signer_title = models.CharField(
        _("chức vụ người ký"), max_length=100, blank=True, help_text=_("Ví dụ: PHÓ GIÁM ĐỐC.")
    )

    class Meta:
        abstract = True

    DOCUMENT_PANELS = [
        FieldRowPanel([FieldPanel("issuer_parent"), FieldPanel("issuer")]),
        FieldRowPanel([FieldPanel("place"), FieldPanel("issued_on")]),
        FieldPanel("recipients"),
        FieldRowPanel([FieldPanel("signer_authority"), FieldPanel("signer_title")]),
    ]

    @classmethod
    def document_panel(cls, *extra: Any) -> MultiFieldPanel:
        return MultiFieldPanel([*extra, *cls.DOCUMENT_PANELS], heading=PANEL_HEADING)

    def document_parts(self, number: str = "", signer_name: str = "", fallback_issuer: str = "") -> dict[str, Any]:
        """The parts as the templates print them (Vietnamese: the document is Vietnamese)."""
        return official_parts(
            issuer_parent=self.issuer_parent,
            issuer=self.issuer or fallback_issuer,
            number=number,
            place=self.place,
            issued_on=self.issued_on,
            recipients=self.recipients,
            signer_authority=self.signer_authority,
            signer_title=self.signer_title,
            signer_name=signer_name,
        )


def vietnamese_date(day: datetime.date | None) -> str:
    """ "ngày 20 tháng 10 năm 2025"; as the decree asks, a day under 10 and the months 1 and 2
    take a leading zero ("ngày 05 tháng 02 năm 2026", "ngày 20 tháng 3 năm 2026")."""
    if not isinstance(day, datetime.date):
        return f"ngày {BLANK} tháng {BLANK} năm {BLANK}"
    dd = f"{day.day:02d}" if day.day < 10 else str(day.day)
    mm = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {dd} tháng {mm} năm {day.year}"


def official_parts(
    issuer_parent: str = "",
    issuer: str = "",
    number: str = "",
    place: str = "",
    issued_on: datetime.date | None = None,
    recipients: str = "",
    signer_authority: str = "",
    signer_title: str = "",
    signer_name: str = "",
) -> dict[str, Any]:
    lines = [line.strip() for line in (recipients or "").splitlines() if line.strip()]
    return {
        "national_title": NATIONAL_TITLE,
        "motto": MOTTO,
        "issuer_parent": (issuer_parent or "").upper(),
        "issuer": (issuer or "").upper() or BLANK,
        "number": number or f"{BLANK}/{BLANK}",
        "place_date": f"{place or BLANK}, {vietnamese_date(issued_on)}",
        "recipients": [line if line.startswith("-") else f"- {line}" for line in lines],
        "signer_authority": (signer_authority or "").upper(),
        "signer_title": (signer_title or "").upper(),
        "signer_name": signer_name or "",
    }
