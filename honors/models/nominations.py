"""Nominations: automatic from verified results, applications by enterprises, nominations by
district offices or business associations; screened by editors.

A `Nomination` is an enterprise's candidacy in a category (one per category and enterprise:
the jury scores it once). Every public form sent is its own `PublicNomination` (who sent it,
their statement and evidence, a private receipt link): several nominators of the same
enterprise stand side by side and none changes another or the candidacy (issue 13).
Evidence files live in private storage with random names (core.private_files)."""

import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from core.private_files import kind_of_name, private_storage, random_name

from ..panels import PublicNominationsPanel


class Nomination(index.Indexed, models.Model):
    class Source(models.TextChoices):
        AUTOMATIC = "automatic", _("Tự động từ kết quả DBI")
        APPLICATION = "application", _("Doanh nghiệp tự ứng cử")
        DISTRICT_OFFICE = "district_office", _("Phòng chuyên môn cấp huyện, xã đề cử")
        ASSOCIATION = "association", _("Hiệp hội doanh nghiệp đề cử")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Chờ sơ tuyển")
        ELIGIBLE = "eligible", _("Đủ điều kiện")
        NEEDS_INFO = "needs_info", _("Cần bổ sung thông tin")
        INELIGIBLE = "ineligible", _("Không đủ điều kiện")

    category = models.ForeignKey(
        "honors.Category", verbose_name=_("hạng mục"), on_delete=models.CASCADE, related_name="nominations"
    )
    enterprise = models.ForeignKey(
        "enterprises.Enterprise", verbose_name=_("doanh nghiệp"), on_delete=models.PROTECT, related_name="+"
    )
    source = models.CharField(_("nguồn"), max_length=20, choices=Source.choices)
    status = models.CharField(_("sơ tuyển"), max_length=12, choices=Status.choices, default=Status.SUBMITTED)
    screening_note = models.TextField(
        _("lý do / yêu cầu bổ sung"), blank=True, help_text=_("Bắt buộc khi không đủ điều kiện hoặc cần bổ sung.")
    )
    nominator_name = models.CharField(_("người đề cử"), max_length=150, blank=True)
    nominator_organisation = models.CharField(_("cơ quan, tổ chức đề cử"), max_length=200, blank=True)
    nominator_email = models.EmailField(_("thư điện tử người đề cử"), blank=True)
    nominator_phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    statement = models.TextField(_("thuyết minh"), blank=True)
    # Snapshot of the verified result used for screening and shown to the jury.
    dbi_year = models.PositiveSmallIntegerField(_("năm kết quả DBI"), null=True, blank=True)
    dbi_total = models.DecimalField(_("tổng điểm DBI"), max_digits=7, decimal_places=2, null=True, blank=True)
    dbi_level = models.PositiveSmallIntegerField(_("mức DBI"), null=True, blank=True)
    dbi_improvement = models.DecimalField(
        _("tăng so với năm trước"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    # A public form sends a token once per page load: a second click returns the same row.
    submission_token = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    screened_at = models.DateTimeField(_("sơ tuyển lúc"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("category", read_only=True), FieldPanel("enterprise", read_only=True)]),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("screening_note")],
            heading=_("Sơ tuyển"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("source", read_only=True),
                FieldPanel("nominator_name", read_only=True),
                FieldPanel("nominator_organisation", read_only=True),
                FieldPanel("nominator_email", read_only=True),
                FieldPanel("statement", read_only=True),
            ],
            heading=_("Hồ sơ đề cử"),
        ),
        PublicNominationsPanel(heading=_("Các hồ sơ đề cử công khai")),
    ]
    search_fields = [
        index.SearchField("statement"),
        index.SearchField("nominator_organisation"),
        index.RelatedFields("enterprise", [index.SearchField("name"), index.SearchField("tax_code")]),
        index.FilterField("status"),
        # The jurors' scope narrows the admin listing (and its search) by primary key.
        index.FilterField("id"),
    ]

    class Meta:
        verbose_name = _("đề cử")
        verbose_name_plural = _("đề cử")
        ordering = ["category", "-dbi_total", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["category", "enterprise"], name="unique_nomination_per_category"),
        ]

    def __str__(self):
        return f"{self.enterprise.name} – {self.category.name}"

    def clean(self):
        if self.status in (self.Status.INELIGIBLE, self.Status.NEEDS_INFO) and not self.screening_note.strip():
            raise ValidationError({"screening_note": _("Ghi rõ lý do hoặc thông tin cần bổ sung.")})


def new_receipt_key():
    return secrets.token_urlsafe(32)


class PublicNomination(models.Model):
    """One public application or nomination, exactly as its sender sent it."""

    nomination = models.ForeignKey(
        Nomination, verbose_name=_("đề cử"), on_delete=models.CASCADE, related_name="entries"
    )
    source = models.CharField(_("nguồn"), max_length=20, choices=Nomination.Source.choices)
    nominator_name = models.CharField(_("người đề cử"), max_length=150)
    nominator_organisation = models.CharField(_("cơ quan, tổ chức đề cử"), max_length=200, blank=True)
    nominator_email = models.EmailField(_("thư điện tử người đề cử"))
    nominator_phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    statement = models.TextField(_("thuyết minh"), blank=True)
    language = models.CharField(_("ngôn ngữ"), max_length=8, default="vi")
    # The form's one-time key: a second click returns this row.
    submission_token = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    # The secret of the nominator's private link (receipt e-mail).
    receipt_key = models.CharField(max_length=64, unique=True, default=new_receipt_key, editable=False)
    created_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("hồ sơ đề cử công khai")
        verbose_name_plural = _("hồ sơ đề cử công khai")
        ordering = ["nomination", "created_at", "pk"]

    def __str__(self):
        return f"{self.nominator_name} – {self.nomination}"


def evidence_path(instance, filename):
    """A random name under the cycle's year: nothing of the enterprise or the sender shows."""
    kind = kind_of_name(filename) or "pdf"
    return f"honors/evidence/{instance.nomination.category.cycle.year}/{random_name(kind)}"


class NominationEvidence(models.Model):
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="evidence")
    entry = models.ForeignKey(
        PublicNomination,
        verbose_name=_("hồ sơ đề cử"),
        on_delete=models.CASCADE,
        related_name="evidence",
        null=True,
        blank=True,
    )
    file = models.FileField(_("tệp minh chứng"), upload_to=evidence_path, storage=private_storage, max_length=255)
    original_name = models.CharField(_("tên tệp gốc"), max_length=255, blank=True)
    size = models.PositiveIntegerField(_("dung lượng (byte)"), default=0)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("minh chứng")
        verbose_name_plural = _("minh chứng")

    def __str__(self):
        return self.original_name or self.file.name.rsplit("/", 1)[-1]

    @property
    def download_name(self):
        kind = kind_of_name(self.file.name)
        base = (self.original_name or "minh-chung").rsplit(".", 1)[0]
        extension = self.file.name.rsplit(".", 1)[-1] if kind else "bin"
        return f"{base}.{extension}"
