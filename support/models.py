"""The support desk: the consultant network and enterprises' requests for help.

Reference data (topics, response-time targets, public holidays) are rows, not code, so the
programme changes them in the admin. Expertise by DBI pillar stores the pillar *codes* of the
framework (names are read from assessment_forms when shown), so a new framework version with
the same pillars needs no data copy.
"""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from core.private_files import private_storage
from core.text import fold_compact


def localized(vi, en):
    return en if (get_language() or "vi").startswith("en") and en else vi


LANGUAGES = [
    ("vi", _("Tiếng Việt")),
    ("en", _("Tiếng Anh")),
    ("fr", _("Tiếng Pháp")),
    ("zh", _("Tiếng Trung")),
    ("ko", _("Tiếng Hàn")),
    ("ja", _("Tiếng Nhật")),
    ("mnong", _("Tiếng M'Nông")),
    ("ede", _("Tiếng Ê Đê")),
]


class Topic(models.Model):
    """A kind of help (strategy, e-commerce, …): data the programme keeps."""

    slug = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên"), max_length=120)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=120, blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("chủ đề hỗ trợ")
        verbose_name_plural = _("chủ đề hỗ trợ")
        ordering = ["order", "name"]

    def __str__(self):
        return self.localized_name

    @property
    def localized_name(self):
        return localized(self.name, self.name_en)


class PublicHoliday(models.Model):
    """A day off in Viet Nam (Tết, Hùng Kings, 30/4, 1/5, 2/9 …), including days moved by
    the Government's yearly decisions: the target clock skips them."""

    date = models.DateField(_("ngày"), unique=True)
    name = models.CharField(_("tên"), max_length=120)

    class Meta:
        verbose_name = _("ngày nghỉ lễ")
        verbose_name_plural = _("ngày nghỉ lễ")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.name}"


class ResponseTarget(models.Model):
    """Response-time targets in working days; one without a topic is the default."""

    topic = models.OneToOneField(
        Topic, verbose_name=_("chủ đề"), null=True, blank=True, on_delete=models.CASCADE, related_name="target"
    )
    first_response_days = models.PositiveSmallIntegerField(_("trả lời đầu tiên trong (ngày làm việc)"), default=2)
    resolution_days = models.PositiveSmallIntegerField(_("giải quyết trong (ngày làm việc)"), default=10)

    class Meta:
        verbose_name = _("chỉ tiêu thời gian")
        verbose_name_plural = _("chỉ tiêu thời gian")
        constraints = [
            models.UniqueConstraint(
                fields=["topic"], condition=models.Q(topic__isnull=True), name="one_default_response_target"
            )
        ]

    def __str__(self):
        return f"{self.topic or _('Mặc định')}: {self.first_response_days}/{self.resolution_days}"


class ApprovalStatus(models.TextChoices):
    DRAFT = "draft", _("Chưa gửi duyệt")
    PENDING = "pending", _("Chờ duyệt")
    APPROVED = "approved", _("Đã duyệt, hiển thị công khai")
    SUSPENDED = "suspended", _("Tạm ẩn")


class Availability(models.TextChoices):
    AVAILABLE = "available", _("Đang nhận yêu cầu")
    LIMITED = "limited", _("Nhận hạn chế")
    UNAVAILABLE = "unavailable", _("Tạm ngưng nhận yêu cầu")


class DirectoryEntry(models.Model):
    """What consultants and organisations share: listing, approval, network membership."""

    slug = models.SlugField(_("đường dẫn"), max_length=120, unique=True)
    status = models.CharField(
        _("trạng thái duyệt"), max_length=10, choices=ApprovalStatus.choices, default=ApprovalStatus.PENDING
    )
    network_member = models.BooleanField(_("thành viên Mạng lưới tư vấn quốc gia"), default=False)
    network_reference = models.CharField(
        _("số hiệu thành viên mạng lưới"), max_length=60, blank=True, help_text=_("Mã hoặc quyết định công nhận.")
    )
    topics = models.ManyToManyField(Topic, verbose_name=_("chủ đề"), blank=True, related_name="+")
    sectors = models.ManyToManyField("enterprises.Sector", verbose_name=_("ngành (VSIC)"), blank=True, related_name="+")
    search_text = models.CharField(max_length=1000, blank=True, editable=False)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        abstract = True

    @property
    def is_listed(self):
        return self.status == ApprovalStatus.APPROVED


class ConsultingOrganisation(DirectoryEntry):
    class Kind(models.TextChoices):
        COMPANY = "company", _("Doanh nghiệp tư vấn, cung cấp giải pháp")
        UNIVERSITY = "university", _("Viện, trường")
        ASSOCIATION = "association", _("Hiệp hội")
        AGENCY = "agency", _("Cơ quan nhà nước")

    name = models.CharField(_("tên tổ chức"), max_length=200)
    kind = models.CharField(_("loại"), max_length=12, choices=Kind.choices, default=Kind.COMPANY)
    description = models.TextField(_("giới thiệu"), blank=True)
    website = models.URLField(_("trang web"), blank=True)
    # Private: for the programme, never shown on public pages.
    email = models.EmailField(_("thư điện tử (không công khai)"), blank=True)
    phone = models.CharField(_("điện thoại (không công khai)"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("tổ chức tư vấn")
        verbose_name_plural = _("tổ chức tư vấn")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_text = fold_compact(f"{self.name} {self.description}")[:1000]
        super().save(*args, **kwargs)


class Consultant(ClusterableModel, DirectoryEntry):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultant_profile",
    )
    name = models.CharField(_("họ và tên"), max_length=150)
    honorific = models.CharField(_("học hàm, học vị"), max_length=40, blank=True, help_text=_("Ví dụ: ThS., TS."))
    job_title = models.CharField(_("chức danh"), max_length=150, blank=True)
    organisation = models.ForeignKey(
        ConsultingOrganisation,
        verbose_name=_("tổ chức"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultants",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("ảnh"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    biography = models.TextField(_("giới thiệu ngắn"), blank=True, max_length=2000)
    languages = models.JSONField(_("ngôn ngữ"), default=list, blank=True)
    certifications = models.TextField(_("chứng chỉ"), blank=True, help_text=_("Mỗi chứng chỉ một dòng."))
    availability = models.CharField(
        _("khả năng nhận việc"), max_length=12, choices=Availability.choices, default=Availability.AVAILABLE
    )
    capacity = models.PositiveSmallIntegerField(
        _("số yêu cầu tối đa cùng lúc"), default=5, validators=[MinValueValidator(1)]
    )
    # Private: the programme reaches the consultant, the public never sees these.
    email = models.EmailField(_("thư điện tử (không công khai)"), blank=True)
    phone = models.CharField(_("điện thoại (không công khai)"), max_length=30, blank=True)
    language = models.CharField(_("ngôn ngữ nhận thư"), max_length=5, choices=settings.LANGUAGES, default="vi")
    # A consultant's own edits wait here until a coordinator approves them.
    pending_changes = models.JSONField(_("thay đổi chờ duyệt"), default=dict, blank=True, editable=False)
    pending_since = models.DateTimeField(_("gửi thay đổi lúc"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("chuyên gia tư vấn")
        verbose_name_plural = _("chuyên gia tư vấn")
        ordering = ["name"]
        indexes = [models.Index(fields=["status", "name"])]

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        return f"{self.honorific} {self.name}".strip()

    @property
    def contact_email(self):
        return self.email or (self.user.email if self.user_id else "")

    @property
    def certification_list(self):
        return [line.strip() for line in self.certifications.splitlines() if line.strip()]

    def language_names(self):
        names = dict(LANGUAGES)
        return [str(names.get(code, code)) for code in self.languages]

    def save(self, *args, **kwargs):
        org = self.organisation.name if self.organisation_id and self.organisation else ""
        self.search_text = fold_compact(f"{self.name} {self.job_title} {org} {self.biography}")[:1000]
        super().save(*args, **kwargs)


class PillarExpertise(models.Model):
    """A consultant's expertise in one DBI pillar, by the framework's pillar code."""

    consultant = models.ForeignKey(Consultant, on_delete=models.CASCADE, related_name="pillars")
    pillar_code = models.CharField(_("mã trụ cột"), max_length=10)

    class Meta:
        verbose_name = _("chuyên môn theo trụ cột")
        constraints = [models.UniqueConstraint(fields=["consultant", "pillar_code"], name="unique_pillar_expertise")]
        indexes = [models.Index(fields=["pillar_code", "consultant"])]

    def __str__(self):
        return self.pillar_code


class ServedArea(models.Model):
    """An administrative unit a consultant serves, with dates (units themselves are dated:
    a consultant serving Đắk Mil before 1/7/2025 serves its successor communes after)."""

    consultant = ParentalKey(Consultant, on_delete=models.CASCADE, related_name="areas")
    unit = models.ForeignKey(
        "enterprises.AdministrativeUnit", verbose_name=_("địa bàn"), on_delete=models.PROTECT, related_name="+"
    )
    valid_from = models.DateField(_("từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("địa bàn phục vụ")
        verbose_name_plural = _("địa bàn phục vụ")
        constraints = [models.UniqueConstraint(fields=["consultant", "unit"], name="unique_served_area")]
        indexes = [models.Index(fields=["unit", "consultant"])]

    def __str__(self):
        return str(self.unit)

    def is_valid_on(self, day):
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


def new_access_key():
    return secrets.token_urlsafe(18)


class SupportRequest(models.Model):
    """An enterprise's request for help (see lifecycle.py for its statuses and rights)."""

    class Status(models.TextChoices):
        NEW = "new", _("Mới")
        ASSIGNED = "assigned", _("Đã phân công")
        IN_PROGRESS = "in_progress", _("Đang xử lý")
        WAITING = "waiting", _("Chờ doanh nghiệp phản hồi")
        RESOLVED = "resolved", _("Đã giải quyết")
        CLOSED = "closed", _("Đã đóng")
        REFUSED = "refused", _("Từ chối")

    class Format(models.TextChoices):
        PHONE = "phone", _("Qua điện thoại")
        VISIT = "visit", _("Gặp trực tiếp tại doanh nghiệp")
        ONLINE = "online", _("Họp trực tuyến")
        TRAINING = "training", _("Tập huấn")

    OPEN = (Status.NEW, Status.ASSIGNED, Status.IN_PROGRESS, Status.WAITING)
    FINISHED = (Status.RESOLVED, Status.CLOSED, Status.REFUSED)

    reference = models.CharField(_("mã yêu cầu"), max_length=20, unique=True, editable=False)
    access_key = models.CharField(max_length=40, default=new_access_key, editable=False)
    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("doanh nghiệp"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="support_requests",
    )
    tax_code = models.CharField(_("mã số thuế"), max_length=14)
    enterprise_name = models.CharField(_("tên doanh nghiệp"), max_length=255)
    area = models.ForeignKey(
        "enterprises.AdministrativeUnit",
        verbose_name=_("địa bàn"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_name = models.CharField(_("người liên hệ"), max_length=150)
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản gửi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="support_requests",
    )
    language = models.CharField(_("ngôn ngữ"), max_length=5, choices=settings.LANGUAGES, default="vi")
    topic = models.ForeignKey(Topic, verbose_name=_("chủ đề"), on_delete=models.PROTECT, related_name="requests")
    pillars = models.JSONField(_("trụ cột DBI liên quan"), default=list, blank=True)
    description = models.TextField(_("nội dung cần hỗ trợ"), max_length=5000)
    preferred_format = models.CharField(_("hình thức mong muốn"), max_length=10, choices=Format.choices)
    consent = models.BooleanField(_("đồng ý chia sẻ với chuyên gia"), default=False)
    assessment = models.ForeignKey(
        "assessment_forms.Submission",
        verbose_name=_("kết quả DBI"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(_("trạng thái"), max_length=12, choices=Status.choices, default=Status.NEW)
    refusal_reason = models.TextField(_("lý do từ chối"), blank=True)
    consultant = models.ForeignKey(
        Consultant,
        verbose_name=_("chuyên gia phụ trách"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="requests",
    )
    created_at = models.DateTimeField(_("gửi lúc"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    assigned_at = models.DateTimeField(_("phân công lúc"), null=True, blank=True)
    first_response_at = models.DateTimeField(_("trả lời đầu tiên lúc"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("giải quyết lúc"), null=True, blank=True)
    closed_at = models.DateTimeField(_("đóng lúc"), null=True, blank=True)
    first_response_due = models.DateTimeField(_("hạn trả lời đầu tiên"), null=True, blank=True)
    resolution_due = models.DateTimeField(_("hạn giải quyết"), null=True, blank=True)
    rating = models.PositiveSmallIntegerField(
        _("đánh giá"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    rating_comment = models.TextField(_("nhận xét"), blank=True, max_length=2000)
    rated_at = models.DateTimeField(_("đánh giá lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("yêu cầu hỗ trợ")
        verbose_name_plural = _("yêu cầu hỗ trợ")
        ordering = ["-created_at"]
        permissions = [("assign_supportrequest", _("Phân công, từ chối, đóng yêu cầu hỗ trợ"))]
        indexes = [
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["consultant", "status"]),
            models.Index(fields=["topic", "status"]),
            models.Index(fields=["area", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
                name="support_rating_1_5",
            )
        ]

    def __str__(self):
        return f"{self.reference} – {self.enterprise_name}"

    @property
    def is_open(self):
        return self.status in self.OPEN

    def is_overdue(self, now=None):
        now = now or timezone.now()
        if self.status not in self.OPEN:
            return False
        if self.first_response_at is None and self.first_response_due and self.first_response_due < now:
            return True
        return bool(self.resolution_due and self.resolution_due < now)

    @property
    def queue_status(self):
        """The status for the coordinators' queue, with "overdue" in words, not only colour."""
        from django.utils.html import format_html

        if self.is_overdue():
            return format_html(
                '{} <span class="w-status w-status--label support-overdue">{}</span>',
                self.get_status_display(),
                _("Quá hạn"),
            )
        return self.get_status_display()

    @property
    def created_display(self):
        return timezone.localtime(self.created_at).strftime("%d/%m/%Y")

    @property
    def due_display(self):
        due = self.first_response_due if self.first_response_at is None else self.resolution_due
        return timezone.localtime(due).strftime("%d/%m/%Y") if due else ""

    def pillar_names(self):
        from .services import pillar_names

        names = pillar_names()
        return [f"{code} {names.get(code, '')}".strip() for code in self.pillars]


class Attachment(models.Model):
    request = models.ForeignKey(SupportRequest, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey("Message", null=True, blank=True, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("tệp"), upload_to="support/%Y/%m/", storage=private_storage, max_length=255)
    name = models.CharField(_("tên tệp"), max_length=200)
    size = models.PositiveIntegerField(_("dung lượng"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")

    def __str__(self):
        return self.name


class Message(models.Model):
    class Author(models.TextChoices):
        ENTERPRISE = "enterprise", _("Doanh nghiệp")
        STAFF = "staff", _("Điều phối viên")
        CONSULTANT = "consultant", _("Chuyên gia")
        SYSTEM = "system", _("Hệ thống")

    request = models.ForeignKey(SupportRequest, on_delete=models.CASCADE, related_name="messages")
    author_kind = models.CharField(_("người viết"), max_length=10, choices=Author.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_name = models.CharField(_("tên người viết"), max_length=150, blank=True)
    body = models.TextField(_("nội dung"), max_length=5000)
    internal = models.BooleanField(_("ghi chú nội bộ"), default=False)
    created_at = models.DateTimeField(_("lúc"), default=timezone.now)

    class Meta:
        verbose_name = _("trao đổi")
        verbose_name_plural = _("trao đổi")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["request", "created_at"])]

    def __str__(self):
        return f"{self.request_id} {self.get_author_kind_display()} {self.created_at:%d/%m/%Y}"
