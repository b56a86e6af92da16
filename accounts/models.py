"""Requests a person makes about their own personal data (Decree 13/2023/NĐ-CP)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DeletionRequest(models.Model):
    """A person asks for their account and personal data to be deleted. Programme editors
    see the open requests in the admin, act on them (data other laws require the province to
    keep, such as verified assessment results, stays) and record the outcome."""

    class Status(models.TextChoices):
        OPEN = "open", _("Chờ xử lý")
        DONE = "done", _("Đã xóa")
        REFUSED = "refused", _("Từ chối (có lý do)")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deletion_requests",
    )
    email = models.EmailField(_("thư điện tử"))
    message = models.TextField(_("nội dung yêu cầu"), blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.OPEN)
    note = models.TextField(_("ghi chú xử lý"), blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xử lý"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("xử lý lúc"), null=True, blank=True)
    created_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("yêu cầu xóa dữ liệu cá nhân")
        verbose_name_plural = _("yêu cầu xóa dữ liệu cá nhân")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} ({self.get_status_display()})"
