"""Support programmes, applications and their review steps."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.private_files import kind_of_name, private_storage, random_name
from enterprises.models import AdministrativeUnit, Enterprise


def attachment_path(instance, filename):
    """A random name in the private storage (core.private_files), by the detected kind."""
    return random_name(kind_of_name(filename) or "pdf", prefix="programmes/")


class Purpose(models.TextChoices):
    CONSULTING = "consulting", _("Tư vấn chuyển đổi số")
    SOLUTIONS = "solutions", _("Thuê, mua giải pháp số")
    TRAINING = "training", _("Đào tạo")
    ECOMMERCE = "ecommerce", _("Đưa sản phẩm lên sàn thương mại điện tử")


class Programme(models.Model):
    """A support programme. Its eligibility rules are frozen once applications exist: a change
    is made as a new version, so every application is judged by the rules it was filed under."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Nháp")
        OPEN = "open", _("Đang nhận hồ sơ")
        CLOSED = "closed", _("Đã đóng")

    RULE_FIELDS = (
        "support_rate",
        "caps",
        "eligible_sizes",
        "eligible_sectors",
        "min_level",
        "max_level",
        "require_verified",
        "result_max_age_months",
        "max_awards_per_enterprise",
    )

    name = models.CharField(_("tên chương trình"), max_length=255)
    slug = models.SlugField(_("đường dẫn"), max_length=120, unique=True, allow_unicode=False)
    version = models.PositiveSmallIntegerField(_("phiên bản"), default=1)
    previous = models.ForeignKey(
        "self", verbose_name=_("phiên bản trước"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    legal_basis = models.TextField(_("căn cứ pháp lý"), blank=True)
    description = models.TextField(_("giới thiệu"), blank=True)
    pays_for = models.JSONField(
        _("nội dung hỗ trợ"), default=list, help_text=_("Các giá trị: ") + ", ".join(Purpose.values)
    )
    support_rate = models.DecimalField(_("tỷ lệ hỗ trợ (%)"), max_digits=5, decimal_places=2, default=50)
    caps = models.JSONField(
        _("mức hỗ trợ tối đa theo quy mô (đồng)"),
        default=dict,
        blank=True,
        help_text=_('Ví dụ {"micro": 20000000, "small": 50000000, "medium": 100000000}'),
    )
    budget = models.PositiveBigIntegerField(_("tổng kinh phí (đồng)"))
    starts_on = models.DateField(_("nhận hồ sơ từ"))
    ends_on = models.DateField(_("nhận hồ sơ đến"))
    eligible_sizes = models.JSONField(_("quy mô được hỗ trợ"), default=list, blank=True)
    eligible_sectors = models.JSONField(
        _("ngành được hỗ trợ (mã ngành cấp 1)"), default=list, blank=True, help_text=_("Để trống: mọi ngành.")
    )
    eligible_areas = models.ManyToManyField(
        AdministrativeUnit, verbose_name=_("địa bàn được hỗ trợ"), blank=True, help_text=_("Để trống: cả tỉnh.")
    )
    min_level = models.PositiveSmallIntegerField(_("mức DBI thấp nhất"), default=0)
    max_level = models.PositiveSmallIntegerField(_("mức DBI cao nhất"), default=5)
    require_verified = models.BooleanField(_("kết quả DBI phải được thẩm định"), default=True)
    result_max_age_months = models.PositiveSmallIntegerField(_("kết quả DBI không cũ hơn (tháng)"), default=12)
    max_awards_per_enterprise = models.PositiveSmallIntegerField(
        _("số lần được hỗ trợ tối đa mỗi doanh nghiệp"), default=1
    )
    documents_required = models.TextField(_("hồ sơ cần nộp"), blank=True)
    review_criteria = models.JSONField(
        _("tiêu chí chấm điểm hồ sơ"), default=list, blank=True, help_text=_('Ví dụ ["Tính khả thi", "Hiệu quả"]')
    )
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    issuing_body = models.CharField(_("cơ quan ban hành quyết định"), max_length=255, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=150, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("chương trình hỗ trợ")
        verbose_name_plural = _("chương trình hỗ trợ")
        ordering = ["-starts_on", "name"]
        permissions = [
            ("screen_application", _("Tiếp nhận, sàng lọc hồ sơ hỗ trợ")),
            ("assess_application", _("Chấm điểm hồ sơ hỗ trợ")),
            ("decide_application", _("Quyết định hỗ trợ")),
            ("manage_payment", _("Quản lý hợp đồng, giải ngân")),
        ]

    def __str__(self):
        return f"{self.name} (v{self.version})" if self.version > 1 else self.name


class Application(models.Model):
    """An enterprise's application for support, with its DBI result attached."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Đã tiếp nhận")
        SCREENING = "screening", _("Đang sàng lọc")
        ASSESSMENT = "assessment", _("Đang thẩm định")
        APPROVED = "approved", _("Được hỗ trợ")
        APPROVED_PARTLY = "approved_partly", _("Được hỗ trợ một phần")
        REFUSED = "refused", _("Không được hỗ trợ")
        CONTRACT = "contract", _("Đã ký hợp đồng")
        PAID = "paid", _("Đã giải ngân")
        REPORTED = "reported", _("Đã báo cáo kết quả")

    COMMITTED = ("approved", "approved_partly", "contract", "paid", "reported")

    reference = models.CharField(_("mã hồ sơ"), max_length=20, unique=True)
    programme = models.ForeignKey(
        Programme, verbose_name=_("chương trình"), on_delete=models.PROTECT, related_name="applications"
    )
    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("doanh nghiệp"), on_delete=models.PROTECT, related_name="support_applications"
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người nộp"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    purpose = models.CharField(_("nội dung đề nghị hỗ trợ"), max_length=20, choices=Purpose.choices)
    description = models.TextField(_("mô tả"), max_length=5000)
    cost_estimate = models.PositiveBigIntegerField(_("dự toán chi phí (đồng)"))
    solution = models.ForeignKey(
        "market.Solution", verbose_name=_("giải pháp trong danh mục"), null=True, blank=True, on_delete=models.SET_NULL
    )
    other_solution = models.CharField(_("giải pháp khác"), max_length=255, blank=True)
    attachment = models.FileField(
        _("tài liệu kèm theo"), upload_to=attachment_path, storage=private_storage, blank=True, max_length=200
    )
    submission = models.ForeignKey(
        "assessment_forms.Submission",
        verbose_name=_("kết quả DBI kèm theo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    result_level = models.PositiveSmallIntegerField(_("mức DBI khi nộp"), null=True, blank=True)
    result_total = models.PositiveIntegerField(_("điểm DBI khi nộp"), null=True, blank=True)
    result_year = models.PositiveSmallIntegerField(_("năm kết quả DBI"), null=True, blank=True)
    result_verified = models.BooleanField(_("kết quả đã thẩm định"), default=False)
    eligibility = models.JSONField(_("kiểm tra điều kiện khi nộp"), default=list)
    eligible = models.BooleanField(_("đủ điều kiện khi nộp"), default=False)
    requested_amount = models.PositiveBigIntegerField(_("mức hỗ trợ đề nghị (đồng)"), default=0)
    approved_amount = models.PositiveBigIntegerField(_("mức hỗ trợ được duyệt (đồng)"), default=0)
    paid_amount = models.PositiveBigIntegerField(_("đã giải ngân (đồng)"), default=0)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    decision_number = models.CharField(_("số quyết định"), max_length=50, blank=True)
    decided_at = models.DateTimeField(_("quyết định lúc"), null=True, blank=True)
    contract_number = models.CharField(_("số hợp đồng"), max_length=50, blank=True)
    created_at = models.DateTimeField(_("nộp lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("hồ sơ đề nghị hỗ trợ")
        verbose_name_plural = _("hồ sơ đề nghị hỗ trợ")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "programme"]),
            models.Index(fields=["enterprise", "status"]),
            # The admin's application list: filtered by status, newest first (issue 21).
            models.Index(fields=["status", "-created_at"], name="programmes_status_created_idx"),
        ]

    def __str__(self):
        return f"{self.reference} – {self.enterprise}"


class ApplicationStep(models.Model):
    """One step of the review: who moved the application where, why, with which scores."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="steps")
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(_("chuyển sang"), max_length=20)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    note = models.TextField(_("ghi chú"), blank=True)
    scores = models.JSONField(_("điểm"), default=dict, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("bước xét hồ sơ")
        verbose_name_plural = _("bước xét hồ sơ")

    def __str__(self):
        return f"{self.application_id}: {self.from_status} → {self.to_status}"
