"""allauth, the site's way: its e-mails go through the site's one mail pipeline (core.mail)."""

from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.mail import queue_mail


class AccountAdapter(DefaultAccountAdapter):
    # allauth ships no Vietnamese: the messages people may meet, in the site's words.
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "account_inactive": _("Tài khoản này đang bị khóa."),
        "cannot_remove_primary_email": _("Không thể xóa địa chỉ thư điện tử chính."),
        "duplicate_email": _("Địa chỉ này đã gắn với tài khoản của bạn."),
        "email_password_mismatch": _("Thư điện tử hoặc mật khẩu không đúng."),
        "email_taken": _("Không dùng được địa chỉ thư điện tử này."),
        "enter_current_password": _("Nhập mật khẩu hiện tại."),
        "incorrect_code": _("Mã không đúng."),
        "incorrect_password": _("Mật khẩu không đúng."),
        "invalid_or_expired_key": _("Liên kết không hợp lệ hoặc đã hết hạn."),
        "invalid_login": _("Đăng nhập không hợp lệ."),
        "invalid_password_reset": _("Liên kết đặt lại mật khẩu không hợp lệ hoặc đã hết hạn."),
        "max_email_addresses": _("Không thể thêm quá %d địa chỉ thư điện tử."),
        "too_many_login_attempts": _("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau."),
        "unknown_email": _("Không dùng được địa chỉ thư điện tử này."),
        "unverified_primary_email": _("Địa chỉ thư điện tử chính phải được xác nhận trước."),
        "username_password_mismatch": _("Tên đăng nhập hoặc mật khẩu không đúng."),
        "select_only_one": _("Chỉ chọn một."),
        "same_as_current": _("Giá trị mới phải khác giá trị hiện tại."),
        "rate_limited": _("Bạn gửi quá nhiều yêu cầu. Vui lòng đợi một lát rồi thử lại."),
    }

    def send_mail(self, template_prefix, email, context):
        """allauth's message `<prefix>_subject.txt` / `<prefix>_message.txt`, rendered in the
        visitor's language and queued like every e-mail of the site."""
        name = template_prefix.rsplit("/", 1)[-1]
        context = {
            "email": email,
            **context,
            "subject_template": f"{template_prefix}_subject.txt",
            "message_template": f"{template_prefix}_message.txt",
        }
        context.pop("request", None)
        queue_mail(
            f"account.{name}",
            email,
            "accounts/email/allauth",
            context,
            language=translation.get_language() or "vi",
            related=context.get("user") if getattr(context.get("user"), "pk", None) else None,
        )
