"""The audit trail of sensitive actions: who did what, to which object, when, and with what
details. Verification and adjustments of assessments, eligibility decisions, changes to a
jury, honours decisions, certificate revocations and exports of personal data all call
`record()`. Entries are never edited; programme editors read them in the admin
("Nhật ký kiểm soát"), read-only.

Why a table of our own beside Wagtail's log entries: Wagtail's logs hang off one object's
history page and their viewers follow that object's rights (a juror with the nomination's
history would read the committee's other entries); this trail is one list, readable by one
role, and holds actions that have no Wagtail object (an export of a filtered listing)."""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Action names in use, with their label: the admin shows the label, filters on the name.
ACTIONS = {
    "assessment.verify": _("Thẩm định kết quả DBI"),
    "assessment.adjust": _("Điều chỉnh câu trả lời khi thẩm định"),
    "assessment.unverify": _("Huỷ thẩm định kết quả DBI"),
    "honours.eligibility": _("Sơ tuyển đề cử"),
    "honours.setup_change": _("Sửa thiết lập đợt sau khi mở chấm"),
    "honours.jury_change": _("Thay đổi hội đồng chấm"),
    "honours.conflict": _("Khai báo xung đột lợi ích"),
    "honours.decision_propose": _("Lập dự thảo danh sách tôn vinh"),
    "honours.decision_publish": _("Công bố danh sách tôn vinh"),
    "honours.direct_publish": _("Xuất bản trực tiếp ngoài quy trình duyệt"),
    "honours.certificate_revoke": _("Thu hồi giấy chứng nhận"),
    "export.personal_data": _("Xuất dữ liệu cá nhân"),
}


class AuditEntry(models.Model):
    timestamp = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept when the account is later deleted: the trail must still say who it was.
    user_label = models.CharField(_("tài khoản"), max_length=255, blank=True)
    action = models.CharField(_("hành động"), max_length=60, db_index=True)
    object_type = models.CharField(_("loại đối tượng"), max_length=100, blank=True)
    object_id = models.CharField(_("mã đối tượng"), max_length=64, blank=True)
    object_label = models.CharField(_("đối tượng"), max_length=255, blank=True)
    details = models.JSONField(_("chi tiết"), default=dict, blank=True)

    class Meta:
        app_label = "core"
        verbose_name = _("mục nhật ký kiểm soát")
        verbose_name_plural = _("nhật ký kiểm soát")
        ordering = ["-timestamp", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.timestamp:%Y-%m-%d %H:%M} {self.user_label or '—'} {self.action} {self.object_label}"

    @property
    def action_label(self) -> str | Promise:
        return ACTIONS.get(self.action, self.action)

    def details_text(self) -> str:
        return "; ".join(f"{key}: {value}" for key, value in sorted((self.details or {}).items()))

    details_text.short_description = _("chi tiết")  # type: ignore[attr-defined]


def _json_safe(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key): _json_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set):
        return [_json_safe(item) for item in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def record(user: Any, action: str, obj: models.Model | None = None, **details: Any) -> AuditEntry:
    """Write one audit entry (in the current transaction, so it stands or falls with the
    change it reports). `obj` may be None for actions on a set (an export)."""
    if user is not None and not getattr(user, "is_authenticated", False):
        user = None
    label = ""
    if user is not None:
        full_name = user.get_full_name() if hasattr(user, "get_full_name") else ""
        label = f"{full_name} ({user.get_username()})" if full_name else user.get_username()
    return AuditEntry.objects.create(
        user=user,
        user_label=label[:255],
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        object_label=str(obj)[:255] if obj is not None else "",
        details=_json_safe(details),
    )


def entries_for(obj: models.Model) -> models.QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))
