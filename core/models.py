"""The outgoing-mail pipeline's one table (in the spirit of pretix's OutgoingMail)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingMail(models.Model):
    """One e-mail to send, written in the same transaction as the change it reports.

    A background task sends it after the commit, outside any lock; a failure keeps the row
    with a back-off for the next try, and after the last try it stays in the failures list
    that programme editors can resend from. Nothing the site promised is ever lost to a mail
    server outage.
    """

    # Not content: no "usage" to record, and a save (one per e-mail, inside the transaction
    # that reports the change) must not queue a Wagtail reference-index task (issue 21).
    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ gửi")
        SENT = "sent", _("Đã gửi")
        FAILED = "failed", _("Gửi lỗi")
        UNREACHABLE = "unreachable", _("Không có người nhận")

    kind = models.CharField(_("loại thư"), max_length=60, db_index=True)
    to = models.JSONField(_("người nhận"), default=list)
    language = models.CharField(_("ngôn ngữ"), max_length=10, default="vi")
    subject = models.CharField(_("tiêu đề"), max_length=255, blank=True)
    body_text = models.TextField(_("nội dung"), blank=True)
    body_html = models.TextField(_("nội dung HTML"), blank=True)
    # A message rendered when sent (not in the request): a dotted path to a function
    # `render(mail) -> (subject, text, html, attachments)`, and the object it renders.
    renderer = models.CharField(max_length=200, blank=True)
    related_type = models.CharField(max_length=100, blank=True, help_text="app_label.model of the related object")
    related_id = models.CharField(max_length=64, blank=True)
    status = models.CharField(_("trạng thái"), max_length=12, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("số lần thử"), default=0)
    last_error = models.TextField(_("lỗi gần nhất"), blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("thư gửi đi")
        verbose_name_plural = _("thư gửi đi")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["related_type", "related_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {', '.join(self.to) or '—'}"


# The audit trail lives in core/audit.py (model and `record()`); imported so Django sees it.
from .audit import AuditEntry  # noqa: E402

__all__ = ["AuditEntry", "OutgoingMail"]
