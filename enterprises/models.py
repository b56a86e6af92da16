"""The enterprise registry's shared taxonomy: administrative units as dated data.

Units are loaded from data files (enterprises/data/units/*.yaml), never hard-coded, so
another province loads the same way. A unit is valid from `valid_from` to `valid_to`
(inclusive, open-ended when empty). A record keeps the unit it was made with; the
province's reorganisation of 1/7/2025 adds new units rather than renaming old ones.
"""

import datetime

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Figures an assessor verifies; once verified, the enterprise's own users cannot change them.
VERIFIED_FIGURES = ("employees", "revenue", "capital", "figures_year")
# Fields that feed the folded search column.
SEARCH_SOURCES = ("name", "name_en", "short_name", "tax_code")


class AdministrativeUnitQuerySet(models.QuerySet):
    def valid_on(self, day):
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )


# A unit's identity is its code plus its period: the GSO re-used old codes for new units on
# 1/7/2025 (24646 was Xã Ea Pô until 30/6/2025 and is Xã Đắk Wil since), so the same code
# may appear once per start date. Units with no start date count as starting at the epoch.
UNIT_EPOCH = datetime.date(1900, 1, 1)


class AdministrativeUnit(models.Model):
    class Level(models.TextChoices):
        PROVINCE = "province", _("Tỉnh, thành phố trực thuộc trung ương")
        DISTRICT = "district", _("Huyện, thị xã, thành phố thuộc tỉnh")
        COMMUNE = "commune", _("Xã, phường, thị trấn")

    code = models.CharField(
        _("mã"),
        max_length=32,
        help_text=_("Mã đơn vị hành chính của Cục Thống kê; cùng một mã có thể dùng cho đơn vị cũ và mới."),
    )
    name = models.CharField(_("tên"), max_length=150)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=150, blank=True)
    aliases = models.CharField(
        _("tên gọi khác"),
        max_length=300,
        blank=True,
        help_text=_("Các cách viết khác gặp trong văn bản chính thức, cách nhau bằng dấu chấm phẩy."),
    )
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
    # The province-level unit this one lies in (itself for a province), so filters for the
    # site's province need no walk up the tree.
    province = models.ForeignKey(
        "self",
        verbose_name=_("tỉnh, thành phố"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    objects = AdministrativeUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        ordering = ["level", "code"]
        constraints = [
            models.UniqueConstraint(
                models.F("code"),
                Coalesce("valid_from", models.Value(UNIT_EPOCH)),
                name="unique_administrative_unit_code_period",
            )
        ]
        indexes = [models.Index(fields=["level", "valid_from", "valid_to"]), models.Index(fields=["code"])]

    def __str__(self):
        return self.name

    def is_valid_on(self, day):
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)

    @property
    def period_label(self):
        if self.valid_to and not self.valid_from:
            return _("đến %(day)s") % {"day": self.valid_to.strftime("%d/%m/%Y")}
        if self.valid_from and not self.valid_to:
            return _("từ %(day)s") % {"day": self.valid_from.strftime("%d/%m/%Y")}
        if self.valid_from and self.valid_to:
            return f"{self.valid_from:%d/%m/%Y}–{self.valid_to:%d/%m/%Y}"
        return ""


class UnitLink(models.Model):
    """An old unit's territory passing to a new unit on a reorganisation (Resolutions
    16xx/NQ-UBTVQH15 for 1/7/2025). An old unit split between several new ones has one
    `partial` link to each; statistics never assign its records to one of them silently."""

    class Kind(models.TextChoices):
        WHOLE = "whole", _("Toàn bộ")
        PARTIAL = "partial", _("Một phần")

    predecessor = models.ForeignKey(
        AdministrativeUnit, verbose_name=_("đơn vị cũ"), on_delete=models.CASCADE, related_name="successor_links"
    )
    successor = models.ForeignKey(
        AdministrativeUnit, verbose_name=_("đơn vị mới"), on_delete=models.CASCADE, related_name="predecessor_links"
    )
    kind = models.CharField(_("phạm vi"), max_length=10, choices=Kind.choices, default=Kind.WHOLE)
    note = models.CharField(_("căn cứ"), max_length=400, blank=True)

    class Meta:
        verbose_name = _("liên kết kế thừa đơn vị hành chính")
        verbose_name_plural = _("liên kết kế thừa đơn vị hành chính")
        constraints = [models.UniqueConstraint(fields=["predecessor", "successor"], name="unique_unit_link")]

    def __str__(self):
        return f"{self.predecessor} → {self.successor} ({self.get_kind_display()})"


class Sector(models.Model):
    """A VSIC code of one version (2018: levels 1–3; 2025: levels 1–5), with its Decree 80 group.

    The same code may mean different things in the two versions (section K, division 45...),
    so a code is unique within its version only."""

    class Version(models.TextChoices):
        VSIC_2018 = "2018", _("VSIC 2018 (Quyết định 27/2018/QĐ-TTg)")
        VSIC_2025 = "2025", _("VSIC 2025 (Quyết định 36/2025/QĐ-TTg)")

    class SizeGroup(models.TextChoices):
        # Decree 80/2021/NĐ-CP sets different size limits for these two groups.
        AGRI_INDUSTRY = "agri_industry", _("Nông, lâm nghiệp, thủy sản; công nghiệp và xây dựng")
        TRADE_SERVICES = "trade_services", _("Thương mại và dịch vụ")

    version = models.CharField(_("phiên bản VSIC"), max_length=4, choices=Version.choices, default=Version.VSIC_2018)
    code = models.CharField(_("mã ngành"), max_length=10)
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
    # The level-1 section above this code (empty for a section): statistics and filters group
    # by it whatever the depth (a 2025 subclass is five levels down).
    section = models.ForeignKey(
        "self", verbose_name=_("ngành cấp 1"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    size_group = models.CharField(_("nhóm quy mô (Nghị định 80)"), max_length=20, choices=SizeGroup.choices)

    class Meta:
        verbose_name = _("ngành kinh tế")
        verbose_name_plural = _("ngành kinh tế")
        ordering = ["version", "code"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="unique_sector_version_code")]

    def __str__(self):
        return f"{self.code} – {self.name} (VSIC {self.version})"


class Enterprise(models.Model):
    """An enterprise, cooperative or household business in the province's registry.

    Other apps refer to enterprises by foreign key and reach the registry through
    `enterprises.services`, never through its internals.
    """

    # Not content: its only references are to sectors and areas, and a whole country's
    # registry would put millions of rows in Wagtail's reference index ("usage" of a sector).
    # Every save queued a reference-index task, one per registration of a new enterprise under
    # a rush (issue 21). References *to* an enterprise, from pages, are still indexed.
    wagtail_reference_index_ignore = True

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

    # A yearly average (Decree 80/2021 art. 7), so it may have decimals: 10.4 is not 10.
    employees = models.DecimalField(
        _("số lao động tham gia BHXH bình quân năm"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    revenue = models.DecimalField(
        _("tổng doanh thu năm (triệu đồng)"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    capital = models.DecimalField(
        _("tổng nguồn vốn (triệu đồng)"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    figures_year = models.PositiveSmallIntegerField(_("năm của số liệu"), null=True, blank=True)
    size_class = models.CharField(_("quy mô"), max_length=10, choices=SizeClass.choices, blank=True)
    # The figures and group the stored size class was computed from (Decree 80/2021).
    size_basis = models.CharField(_("căn cứ xác định quy mô"), max_length=255, blank=True)
    size_group = models.CharField(
        _("nhóm ngành dùng để xếp quy mô"), max_length=20, choices=Sector.SizeGroup.choices, blank=True
    )
    size_employees = models.DecimalField(
        _("số lao động dùng để xếp quy mô"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    size_revenue = models.DecimalField(
        _("doanh thu dùng để xếp quy mô"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    size_capital = models.DecimalField(
        _("nguồn vốn dùng để xếp quy mô"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    figures_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("số liệu thẩm định bởi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    figures_verified_at = models.DateTimeField(_("số liệu thẩm định lúc"), null=True, blank=True)

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

    recorded_on = models.DateField(
        _("ngày ghi nhận địa bàn"),
        null=True,
        blank=True,
        help_text=_("Địa bàn phải là đơn vị hành chính có hiệu lực vào ngày này; mặc định là ngày tạo bản ghi."),
    )
    # Lowercase, without diacritics: lets "cong ty ca phe" find "Công ty Cà phê".
    search_text = models.CharField(_("chuỗi tìm kiếm"), max_length=800, blank=True, editable=False)

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
        from django.core.exceptions import ValidationError

        from .validators import normalize_tax_code, validate_tax_code

        self.tax_code = normalize_tax_code(self.tax_code)
        validate_tax_code(self.tax_code)
        day = self.recorded_on or timezone.localdate()
        if self.area_id and not self.area.is_valid_on(day):
            raise ValidationError(
                {
                    "area": _("Đơn vị %(unit)s không có hiệu lực vào ngày %(day)s.")
                    % {"unit": self.area, "day": day.strftime("%d/%m/%Y")}
                }
            )

    @property
    def figures_verified(self):
        return self.figures_verified_at is not None

    def figures_changed_since_sizing(self):
        return (
            _as_decimal(self.employees) != _as_decimal(self.size_employees)
            or _as_decimal(self.revenue) != _as_decimal(self.size_revenue)
            or _as_decimal(self.capital) != _as_decimal(self.size_capital)
        )

    def update_size(self, group=None):
        """Recompute the size class from the current figures and the main sector's group.

        `group` saves a query when the caller already knows it (imports)."""
        from .sizing import classify

        if group is None:
            group = self.sector.size_group if self.sector_id else ""
        if not group:
            self.size_class, self.size_group, self.size_basis = "", "", "Chưa có ngành chính"
        else:
            result = classify(self.employees, self.revenue, self.capital, group)
            self.size_class, self.size_group, self.size_basis = result.size_class, result.group, result.basis
        self.size_employees, self.size_revenue, self.size_capital = self.employees, self.revenue, self.capital

    def update_search_text(self):
        from core.text import fold_compact as fold

        self.search_text = fold(" ".join(str(getattr(self, name) or "") for name in SEARCH_SOURCES))[:800]

    def update_derived(self, group=None):
        """Everything computed from other fields: tax code form, search column, size class."""
        from .validators import normalize_tax_code

        self.tax_code = normalize_tax_code(self.tax_code)
        if self.recorded_on is None:
            # A record filed under a unit that has since ended was made while it was in force.
            today = timezone.localdate()
            ended = self.area.valid_to if self.area_id else None
            self.recorded_on = ended if ended and ended < today else today
        self.update_search_text()
        group_changed = group is None and self.sector_id and self.size_group != self.sector.size_group
        if self._state.adding or self.figures_changed_since_sizing() or group_changed or group is not None:
            self.update_size(group)

    def save(self, *args, **kwargs):
        self.update_derived()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            derived = {"tax_code", "search_text", "recorded_on", "size_class", "size_group", "size_basis"}
            derived |= {"size_employees", "size_revenue", "size_capital"}
            kwargs["update_fields"] = set(update_fields) | derived
        super().save(*args, **kwargs)


def _as_decimal(value):
    from decimal import Decimal

    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))


class EnterpriseMembership(models.Model):
    """A user account acting for an enterprise (its own staff), invited or self-registered.

    Invited: a programme editor enters an e-mail address; the person follows the signed link
    in the e-mail and the membership becomes active. Self-registered: the person gives the
    tax code; a programme editor verifies before the membership becomes active.
    """

    class Status(models.TextChoices):
        INVITED = "invited", _("Đã gửi lời mời")
        PENDING = "pending", _("Chờ xác minh")
        ACTIVE = "active", _("Đang hoạt động")
        REVOKED = "revoked", _("Đã thu hồi")

    class Origin(models.TextChoices):
        INVITATION = "invitation", _("Được mời qua thư điện tử")
        SELF = "self", _("Tự đăng ký bằng mã số thuế")

    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("doanh nghiệp"), on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="enterprise_memberships",
    )
    email = models.EmailField(_("thư điện tử"))
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.PENDING)
    origin = models.CharField(_("nguồn"), max_length=12, choices=Origin.choices, default=Origin.SELF)
    position = models.CharField(_("chức vụ"), max_length=150, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người mời"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xác minh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("xác minh lúc"), null=True, blank=True)
    # The time of the latest invitation e-mail; it is part of the signed link, so sending a
    # new invitation makes the earlier links void.
    invitation_sent_at = models.DateTimeField(_("gửi lời mời lúc"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("người dùng của doanh nghiệp")
        verbose_name_plural = _("người dùng của doanh nghiệp")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "user"], condition=Q(user__isnull=False), name="unique_enterprise_member"
            )
        ]

    def __str__(self):
        return f"{self.email} – {self.enterprise.name}"

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE


class ClassificationChange(models.Model):
    """A member asks to change the enterprise's main sector or area. The registry's
    classification (which drives the size class, peers and statistics) changes only when a
    programme editor approves the request."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ xác minh")
        APPROVED = "approved", _("Đã duyệt")
        REJECTED = "rejected", _("Không duyệt")

    enterprise = models.ForeignKey(
        Enterprise,
        verbose_name=_("doanh nghiệp"),
        on_delete=models.CASCADE,
        related_name="classification_changes",
    )
    sector = models.ForeignKey(
        Sector, verbose_name=_("ngành chính đề nghị"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    area = models.ForeignKey(
        AdministrativeUnit,
        verbose_name=_("địa bàn đề nghị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.PENDING)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người đề nghị"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("đề nghị lúc"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người duyệt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("đề nghị đổi ngành, địa bàn")
        verbose_name_plural = _("đề nghị đổi ngành, địa bàn")
        ordering = ["-requested_at"]

    def __str__(self):
        return f"{self.enterprise.name} – {self.get_status_display()}"
