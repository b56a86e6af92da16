"""The enterprise registry's shared taxonomy: administrative units as dated data.

Units are loaded from data files (enterprises/data/units/*.yaml), never hard-coded, so
another province loads the same way. A unit is valid from `valid_from` to `valid_to`
(inclusive, open-ended when empty). A record keeps the unit it was made with; the
province's reorganisation of 1/7/2025 adds new units rather than renaming old ones.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class AdministrativeUnitQuerySet(models.QuerySet):
    def valid_on(self, day):
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )


class AdministrativeUnit(models.Model):
    class Level(models.TextChoices):
        PROVINCE = "province", _("Tỉnh, thành phố trực thuộc trung ương")
        DISTRICT = "district", _("Huyện, thị xã, thành phố thuộc tỉnh")
        COMMUNE = "commune", _("Xã, phường, thị trấn")

    code = models.CharField(
        _("mã"),
        max_length=32,
        help_text=_("Mã đơn vị hành chính của Tổng cục Thống kê, kèm hậu tố giai đoạn nếu cần."),
    )
    name = models.CharField(_("tên"), max_length=150)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=150, blank=True)
    kind = models.CharField(_("loại"), max_length=60, blank=True, help_text=_("Ví dụ: huyện, thành phố, xã, phường."))
    level = models.CharField(_("cấp"), max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị kế thừa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
        help_text=_("Đơn vị tiếp nhận địa bàn này sau khi sắp xếp."),
    )

    objects = AdministrativeUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        ordering = ["level", "code"]
        constraints = [models.UniqueConstraint(fields=["code"], name="unique_administrative_unit_code")]
        indexes = [models.Index(fields=["level", "valid_from", "valid_to"])]

    def __str__(self):
        return self.name

    def is_valid_on(self, day):
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


class Sector(models.Model):
    """A VSIC 2018 code (section A–U or a level-2 division), with its Decree 80 group."""

    class SizeGroup(models.TextChoices):
        # Decree 80/2021/NĐ-CP sets different size limits for these two groups.
        AGRI_INDUSTRY = "agri_industry", _("Nông, lâm nghiệp, thủy sản; công nghiệp và xây dựng")
        TRADE_SERVICES = "trade_services", _("Thương mại và dịch vụ")

    code = models.CharField(_("mã ngành"), max_length=10, unique=True)
    name = models.CharField(_("tên ngành"), max_length=255)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=255, blank=True)
    level = models.PositiveSmallIntegerField(_("cấp"), default=1)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("ngành cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    size_group = models.CharField(_("nhóm quy mô (Nghị định 80)"), max_length=20, choices=SizeGroup.choices)

    class Meta:
        verbose_name = _("ngành kinh tế")
        verbose_name_plural = _("ngành kinh tế")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} – {self.name}"


class Enterprise(models.Model):
    """An enterprise, cooperative or household business in the province's registry.

    Other apps refer to enterprises by foreign key and reach the registry through
    `enterprises.services`, never through its internals.
    """

    class LegalForm(models.TextChoices):
        LLC = "llc", _("Công ty trách nhiệm hữu hạn")
        JSC = "jsc", _("Công ty cổ phần")
        PARTNERSHIP = "partnership", _("Công ty hợp danh")
        PRIVATE = "private", _("Doanh nghiệp tư nhân")
        COOPERATIVE = "cooperative", _("Hợp tác xã")
        HOUSEHOLD = "household", _("Hộ kinh doanh")
        BRANCH = "branch", _("Chi nhánh, đơn vị phụ thuộc")

    class SizeClass(models.TextChoices):
        MICRO = "micro", _("Siêu nhỏ")
        SMALL = "small", _("Nhỏ")
        MEDIUM = "medium", _("Vừa")
        LARGE = "large", _("Lớn")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Đang hoạt động")
        PENDING = "pending", _("Chờ xác minh")
        CLOSED = "closed", _("Đã giải thể, ngừng hoạt động")

    tax_code = models.CharField(_("mã số thuế"), max_length=14, unique=True)
    name = models.CharField(_("tên doanh nghiệp"), max_length=255)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=255, blank=True)
    short_name = models.CharField(_("tên viết tắt"), max_length=100, blank=True)
    legal_form = models.CharField(_("loại hình"), max_length=20, choices=LegalForm.choices, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    sector = models.ForeignKey(
        Sector,
        verbose_name=_("ngành chính"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="enterprises",
    )
    area = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=_("địa bàn"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="enterprises",
        help_text=_("Đơn vị hành chính tại thời điểm ghi nhận; giữ nguyên khi địa giới thay đổi."),
    )
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    founded_year = models.PositiveSmallIntegerField(_("năm thành lập"), null=True, blank=True)

    employees = models.PositiveIntegerField(_("số lao động tham gia BHXH bình quân năm"), null=True, blank=True)
    revenue = models.DecimalField(
        _("tổng doanh thu năm (triệu đồng)"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    capital = models.DecimalField(
        _("tổng nguồn vốn (triệu đồng)"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    figures_year = models.PositiveSmallIntegerField(_("năm của số liệu"), null=True, blank=True)
    size_class = models.CharField(_("quy mô"), max_length=10, choices=SizeClass.choices, blank=True)

    contact_name = models.CharField(_("người liên hệ"), max_length=150, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    website = models.URLField(_("trang web"), blank=True)
    social_pages = models.TextField(_("trang mạng xã hội"), blank=True, help_text=_("Mỗi địa chỉ một dòng."))
    publish_dbi_consent = models.BooleanField(
        _("đồng ý công bố kết quả DBI"),
        default=False,
        help_text=_("Doanh nghiệp đồng ý để kết quả DBI đã thẩm định xuất hiện trong bảng xếp hạng công khai."),
    )

    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("doanh nghiệp")
        verbose_name_plural = _("doanh nghiệp")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["size_class"]),
            models.Index(fields=["status"]),
        ]

    def __str__(self):
        return f"{self.name} ({self.tax_code})"

    def clean(self):
        from .validators import normalize_tax_code, validate_tax_code

        self.tax_code = normalize_tax_code(self.tax_code)
        validate_tax_code(self.tax_code)

    def save(self, *args, **kwargs):
        from .validators import normalize_tax_code

        self.tax_code = normalize_tax_code(self.tax_code)
        super().save(*args, **kwargs)
