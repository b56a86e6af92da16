"""The catalogue of DX solutions and providers, and the supply–demand board."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from enterprises.models import AdministrativeUnit, Enterprise, Sector


class Listing(models.TextChoices):
    """Who may see a listing: programme editors approve what goes public."""

    PENDING = "pending", _("Chờ duyệt")
    APPROVED = "approved", _("Đã duyệt")
    REJECTED = "rejected", _("Từ chối")


class Provider(models.Model):
    """A company that provides DX services or software."""

    name = models.CharField(_("tên nhà cung cấp"), max_length=255)
    tax_code = models.CharField(_("mã số thuế"), max_length=14, blank=True)
    website = models.URLField(_("trang web"), blank=True)
    contact_email = models.EmailField(_("thư điện tử liên hệ"), blank=True)
    contact_phone = models.CharField(_("điện thoại liên hệ"), max_length=30, blank=True)
    make_in_vietnam = models.BooleanField(
        _("sản phẩm Make in Vietnam"),
        default=False,
        help_text=_("Nền tảng, giải pháp do doanh nghiệp Việt Nam làm chủ (Make in Vietnam)."),
    )
    description = models.TextField(_("giới thiệu"), blank=True)
    status = models.CharField(_("trạng thái niêm yết"), max_length=10, choices=Listing.choices, default=Listing.PENDING)
    # A provider's own edits wait here until a programme editor approves them (the public
    # keeps seeing the approved text meanwhile).
    pending_changes = models.JSONField(_("thay đổi chờ duyệt"), default=dict, blank=True)
    owners = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("tài khoản quản lý"), blank=True, related_name="dx_providers"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("nhà cung cấp giải pháp")
        verbose_name_plural = _("nhà cung cấp giải pháp")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Solution(models.Model):
    """A DX solution, with the DBI pillars and criteria it helps with and whom it fits."""

    class Category(models.TextChoices):
        E_INVOICE = "e_invoice", _("Hóa đơn điện tử")
        ACCOUNTING = "accounting", _("Kế toán")
        HR = "hr", _("Quản trị nhân sự")
        CRM = "crm", _("Quản lý khách hàng (CRM)")
        ERP = "erp", _("Quản trị doanh nghiệp tổng thể (ERP)")
        ECOMMERCE = "ecommerce", _("Thương mại điện tử, trang web")
        MARKETING = "marketing", _("Tiếp thị số")
        SECURITY = "security", _("An toàn thông tin")
        CLOUD = "cloud", _("Dữ liệu, điện toán đám mây")
        SECTOR = "sector", _("Chuyên ngành")

    provider = models.ForeignKey(
        Provider, verbose_name=_("nhà cung cấp"), on_delete=models.CASCADE, related_name="solutions"
    )
    name = models.CharField(_("tên giải pháp"), max_length=255)
    category = models.CharField(_("nhóm giải pháp"), max_length=20, choices=Category.choices)
    summary = models.TextField(_("mô tả"), blank=True)
    # DBI codes, read from the framework: pillar codes ("P1"…) and criterion codes ("1.1.01"…).
    pillars = models.JSONField(_("trụ cột DBI"), default=list, blank=True)
    criteria = models.JSONField(_("tiêu chí DBI"), default=list, blank=True)
    sectors = models.ManyToManyField(Sector, verbose_name=_("ngành phù hợp"), blank=True)
    sizes = models.JSONField(_("quy mô phù hợp"), default=list, blank=True, help_text=_("Để trống: mọi quy mô."))
    price_min = models.PositiveBigIntegerField(_("giá từ (đồng/năm)"), null=True, blank=True)
    price_max = models.PositiveBigIntegerField(_("giá đến (đồng/năm)"), null=True, blank=True)
    has_trial = models.BooleanField(_("có dùng thử"), default=False)
    is_platform = models.BooleanField(
        _("sàn thương mại điện tử"), default=False, help_text=_("Hiện trong trang hướng dẫn tham gia sàn.")
    )
    url = models.URLField(_("địa chỉ giới thiệu"), blank=True)
    status = models.CharField(_("trạng thái niêm yết"), max_length=10, choices=Listing.choices, default=Listing.PENDING)
    search_text = models.CharField(max_length=800, blank=True, editable=False)
    pending_changes = models.JSONField(_("thay đổi chờ duyệt"), default=dict, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("giải pháp chuyển đổi số")
        verbose_name_plural = _("giải pháp chuyển đổi số")
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["status", "category"])]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        from core.text import fold_compact

        self.search_text = fold_compact(f"{self.name} {self.summary} {self.provider.name}")[:800]
        super().save(*args, **kwargs)


class Post(models.Model):
    """An offer (what an enterprise sells) or a demand (what it wants to buy) on the board.
    Moderated before it is shown, and shown only until it expires. Contact details are never
    public: buyers and sellers reach each other through a contact request."""

    class Kind(models.TextChoices):
        OFFER = "offer", _("Chào bán")
        DEMAND = "demand", _("Cần mua")

    kind = models.CharField(_("loại tin"), max_length=10, choices=Kind.choices)
    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("doanh nghiệp"), on_delete=models.CASCADE, related_name="market_posts"
    )
    title = models.CharField(_("tiêu đề"), max_length=200)
    description = models.TextField(_("mô tả"))
    sector = models.ForeignKey(Sector, verbose_name=_("ngành"), null=True, blank=True, on_delete=models.SET_NULL)
    area = models.ForeignKey(
        AdministrativeUnit, verbose_name=_("địa bàn"), null=True, blank=True, on_delete=models.SET_NULL
    )
    quantity = models.CharField(_("số lượng"), max_length=100, blank=True)
    season = models.CharField(_("mùa vụ, thời gian"), max_length=100, blank=True)
    certifications = models.CharField(_("chứng nhận (OCOP, VietGAP…)"), max_length=200, blank=True)
    contact_email = models.EmailField(_("thư điện tử nhận liên hệ"))
    status = models.CharField(_("trạng thái"), max_length=10, choices=Listing.choices, default=Listing.PENDING)
    moderation_note = models.CharField(_("ghi chú kiểm duyệt"), max_length=300, blank=True)
    expires_at = models.DateTimeField(_("hết hạn lúc"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("tin kết nối cung cầu")
        verbose_name_plural = _("tin kết nối cung cầu")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "expires_at"])]

    def __str__(self):
        return self.title

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()


class ContactRequest(models.Model):
    """Someone's message to the poster of a board post, relayed by e-mail by the site."""

    post = models.ForeignKey(Post, verbose_name=_("tin"), on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("họ và tên"), max_length=150)
    organisation = models.CharField(_("đơn vị"), max_length=200, blank=True)
    email = models.EmailField(_("thư điện tử"), max_length=150)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    message = models.TextField(_("lời nhắn"), max_length=3000)
    created_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("yêu cầu liên hệ")
        verbose_name_plural = _("yêu cầu liên hệ")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} → {self.post}"
