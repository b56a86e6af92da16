"""Answers and results: a submission per enterprise, framework and year, its pillar scores,
and the revision history that keeps every version an assessor adjusted."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from .framework import Framework, Pillar


def new_resume_token():
    return secrets.token_urlsafe(24)


class SubmissionQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(status=Submission.Status.VERIFIED)

    def scored(self):
        return self.exclude(status=Submission.Status.DRAFT)


class Submission(index.Indexed, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang điền")
        SUBMITTED = "submitted", _("Đã nộp")
        VERIFIED = "verified", _("Đã thẩm định")

    class Source(models.TextChoices):
        WEB = "web", _("Tự đánh giá trực tuyến")
        IMPORT = "import", _("Nhập từ bảng tính khảo sát")
        ADMIN = "admin", _("Nhập trong trang quản trị")
        DEMO = "demo", _("Dữ liệu mẫu")

    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("doanh nghiệp"),
        on_delete=models.PROTECT,
        related_name="dbi_submissions",
        null=True,
        blank=True,
        help_text=_(
            "Trống khi phiếu chưa được liên kết: người gửi không phải thành viên đã xác minh của doanh "
            "nghiệp. Phiếu chưa liên kết không tính vào xếp hạng cho đến khi được liên kết và thẩm định."
        ),
    )
    # What a respondent who is not a verified member typed: kept until a member or an
    # assessor links the submission to the enterprise (issue 13).
    claimed_tax_code = models.CharField(_("mã số thuế khai"), max_length=14, blank=True, db_index=True)
    claimed_name = models.CharField(_("tên doanh nghiệp khai"), max_length=255, blank=True)
    framework = models.ForeignKey(
        Framework, verbose_name=_("bộ chỉ số"), on_delete=models.PROTECT, related_name="submissions"
    )
    year = models.PositiveSmallIntegerField(_("năm đánh giá"))
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    source = models.CharField(_("nguồn"), max_length=10, choices=Source.choices, default=Source.WEB)
    answers = models.JSONField(_("câu trả lời"), default=dict, blank=True, help_text=_("{mã tiêu chí: mức 0–5}"))
    total = models.PositiveIntegerField(_("tổng điểm"), default=0)
    max_total = models.PositiveIntegerField(_("điểm tối đa"), default=0)
    level = models.PositiveSmallIntegerField(_("mức"), default=0)
    current_step = models.PositiveSmallIntegerField(_("bước đang điền"), default=0)

    respondent_name = models.CharField(_("người trả lời"), max_length=150, blank=True)
    respondent_email = models.EmailField(_("thư điện tử người trả lời"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dbi_submissions",
    )
    resume_token = models.CharField(
        _("mã tiếp tục"), max_length=64, unique=True, default=new_resume_token, editable=False
    )
    submit_key = models.CharField(_("khóa nộp"), max_length=64, blank=True, editable=False)

    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)
    verified_at = models.DateTimeField(_("thẩm định lúc"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thẩm định"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verification_note = models.TextField(_("ghi chú thẩm định"), blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    objects = SubmissionQuerySet.as_manager()

    search_fields = [
        index.FilterField("year"),
        index.FilterField("status"),
        index.FilterField("level"),
        index.RelatedFields("enterprise", [index.SearchField("name"), index.AutocompleteField("tax_code")]),
    ]

    class Meta:
        verbose_name = _("phiếu tự đánh giá DBI")
        verbose_name_plural = _("phiếu tự đánh giá DBI")
        ordering = ["-year", "-submitted_at", "-id"]
        indexes = [
            models.Index(fields=["framework", "year", "status"]),
            models.Index(fields=["enterprise", "year"]),
            models.Index(fields=["status", "level"]),
        ]
        constraints = [
            # A verified result always belongs to an enterprise: only linked submissions count.
            models.CheckConstraint(
                condition=~models.Q(status="verified") | models.Q(enterprise__isnull=False),
                name="verified_submission_is_linked",
            ),
        ]
        permissions = [
            ("verify_submission", _("Thẩm định phiếu tự đánh giá DBI")),
            ("export_submission", _("Xuất dữ liệu phiếu tự đánh giá DBI")),
        ]

    def __str__(self):
        who = self.enterprise.name if self.enterprise_id else (self.claimed_tax_code or _("(chưa có doanh nghiệp)"))
        return f"{who} – {self.year} – {self.framework.code}"

    @property
    def is_linked(self):
        return self.enterprise_id is not None

    @property
    def display_name(self):
        """The enterprise's name, or what the respondent typed while the submission is unlinked."""
        if self.enterprise_id:
            return self.enterprise.name
        return self.claimed_name or self.claimed_tax_code

    @property
    def display_tax_code(self):
        return self.enterprise.tax_code if self.enterprise_id else self.claimed_tax_code

    @property
    def is_verified(self):
        return self.status == self.Status.VERIFIED

    @property
    def level_info(self):
        return self.framework.level_info(self.level)


class PillarScore(models.Model):
    submission = models.ForeignKey(
        Submission, verbose_name=_("phiếu"), on_delete=models.CASCADE, related_name="pillar_scores"
    )
    pillar = models.ForeignKey(Pillar, verbose_name=_("trụ cột"), on_delete=models.PROTECT, related_name="scores")
    points = models.PositiveIntegerField(_("điểm"))
    max_points = models.PositiveIntegerField(_("điểm tối đa"))
    percent = models.DecimalField(_("tỷ lệ (%)"), max_digits=5, decimal_places=2)
    level = models.PositiveSmallIntegerField(_("mức"))

    class Meta:
        verbose_name = _("điểm trụ cột")
        verbose_name_plural = _("điểm trụ cột")
        ordering = ["submission", "pillar__order"]
        constraints = [models.UniqueConstraint(fields=["submission", "pillar"], name="unique_pillar_score")]

    def __str__(self):
        return f"{self.pillar.code}: {self.points}/{self.max_points} (mức {self.level})"


class SubmissionRevision(models.Model):
    """One version of a submission's answers and result: what the respondent submitted, each
    assessor adjustment (with its note), verification and its withdrawal."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Doanh nghiệp nộp")
        ADJUSTED = "adjusted", _("Thẩm định viên điều chỉnh")
        VERIFIED = "verified", _("Thẩm định xong")
        UNVERIFIED = "unverified", _("Hủy thẩm định")
        RESCORED = "rescored", _("Chấm lại")
        IMPORTED = "imported", _("Nhập từ bảng tính")

    submission = models.ForeignKey(
        Submission, verbose_name=_("phiếu"), on_delete=models.CASCADE, related_name="revisions"
    )
    kind = models.CharField(_("loại"), max_length=12, choices=Kind.choices)
    answers = models.JSONField(_("câu trả lời"), default=dict)
    total = models.PositiveIntegerField(_("tổng điểm"), default=0)
    level = models.PositiveSmallIntegerField(_("mức"), default=0)
    note = models.TextField(_("ghi chú"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("lịch sử phiếu")
        verbose_name_plural = _("lịch sử phiếu")
        ordering = ["submission", "created_at", "id"]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.created_at:%d/%m/%Y %H:%M}"
