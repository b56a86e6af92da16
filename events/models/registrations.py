"""Registrations, the e-mail outbox and post-event feedback."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Registration(models.Model):
    """One enterprise's registration of one or more people for an event.

    Deliberately not in the site's search index (personal data); the admin listing searches
    it with the ORM."""

    # Not content: a registration is not a "usage" of its event page, and a save inside the
    # seat lock must not queue a Wagtail reference-index task (issue 21: the registration rush).
    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ duyệt")
        CONFIRMED = "confirmed", _("Đã xác nhận")
        WAITING = "waiting", _("Danh sách chờ")
        OFFERED = "offered", _("Được mời nhận chỗ")
        CANCELLED = "cancelled", _("Đã hủy")
        REJECTED = "rejected", _("Không được duyệt")
        ATTENDED = "attended", _("Đã tham dự")

    # Statuses that hold seats: capacity counts exactly these.
    HOLDING = [Status.PENDING, Status.CONFIRMED, Status.OFFERED, Status.ATTENDED]
    ACTIVE = HOLDING + [Status.WAITING]

    event = models.ForeignKey(
        "events.EventPage", verbose_name=_("sự kiện"), on_delete=models.CASCADE, related_name="registrations"
    )
    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("doanh nghiệp"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="event_registrations",
    )
    enterprise_name = models.CharField(_("tên doanh nghiệp"), max_length=255)
    tax_code = models.CharField(_("mã số thuế"), max_length=14)
    attendee_name = models.CharField(_("họ và tên"), max_length=150)
    position = models.CharField(_("chức vụ"), max_length=150, blank=True)
    email = models.EmailField(_("thư điện tử"))
    phone = models.CharField(_("điện thoại"), max_length=30)
    seats = models.PositiveSmallIntegerField(_("số người"), default=1, validators=[MinValueValidator(1)])
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, db_index=True)
    language = models.CharField(_("ngôn ngữ"), max_length=8, default="vi")
    submission_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    # The version of the signed e-mail links: a new link increments it and revokes older ones.
    link_version = models.PositiveIntegerField(_("phiên bản đường dẫn"), default=1, editable=False)
    note = models.TextField(_("ghi chú của ban tổ chức"), blank=True)

    created_at = models.DateTimeField(_("đăng ký lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    waitlisted_at = models.DateTimeField(_("vào danh sách chờ lúc"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("hạn nhận chỗ"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("xác nhận lúc"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("hủy lúc"), null=True, blank=True)
    cancel_reason = models.CharField(_("lý do hủy"), max_length=30, blank=True)
    checked_in_at = models.DateTimeField(_("điểm danh lúc"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("đã nhắc lúc"), null=True, blank=True)
    feedback_requested_at = models.DateTimeField(_("đã mời góp ý lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("đăng ký tham dự")
        verbose_name_plural = _("đăng ký tham dự")
        ordering = ["event", "created_at", "id"]
        # Organisers manage only the events that name them; this right sees every event's.
        permissions = [("manage_all_registrations", _("Quản lý người đăng ký của mọi sự kiện"))]
        constraints = [
            # One active registration per attendee and event; after a cancellation the
            # same person may register again.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status__in=["cancelled", "rejected"]),
                name="events_one_active_registration_per_email",
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "waitlisted_at"])]

    def __str__(self):
        return f"{self.attendee_name} – {self.enterprise_name}"

    @property
    def holds_seats(self):
        return self.status in self.HOLDING

    @property
    def is_active(self):
        return self.status in self.ACTIVE


class Feedback(models.Model):
    """An attendee's answer to the post-event feedback form."""

    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="feedback")
    rating = models.PositiveSmallIntegerField(
        _("mức độ hài lòng"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    useful = models.BooleanField(_("nội dung hữu ích cho doanh nghiệp"), default=True)
    comment = models.TextField(_("góp ý"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("góp ý sau sự kiện")
        verbose_name_plural = _("góp ý sau sự kiện")

    def __str__(self):
        return f"{self.registration} – {self.rating}"
