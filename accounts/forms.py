"""allauth's forms with the site's Vietnamese labels (English in accounts/locale/en).

allauth ships no Vietnamese, so the labels and messages people read are set here (and its
few remaining English messages are translated in accounts/locale/vi)."""

from allauth.account import forms as allauth_forms
from django import forms
from django.utils.translation import gettext_lazy as _

LABELS = {
    "login": _("Thư điện tử"),
    "email": _("Thư điện tử"),
    "password": _("Mật khẩu"),
    "remember": _("Ghi nhớ đăng nhập trên thiết bị này"),
    "oldpassword": _("Mật khẩu hiện tại"),
    "password1": _("Mật khẩu mới"),
    "password2": _("Nhập lại mật khẩu mới"),
}
PASSWORD_HELP = _(
    "Ít nhất 10 ký tự, không toàn chữ số, không phải mật khẩu phổ biến và không giống thư điện tử của bạn."
)


class Labelled:
    labels = LABELS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name in self.labels:
                field.label = self.labels[name]
                field.widget.attrs.pop("placeholder", None)
        if "password1" in self.fields:
            self.fields["password1"].help_text = PASSWORD_HELP


class LoginForm(Labelled, allauth_forms.LoginForm):
    pass


CONSENT_LABEL = _("Tôi đã đọc thông báo về xử lý dữ liệu cá nhân và đồng ý để cổng xử lý dữ liệu của tài khoản.")
CONSENT_REQUIRED = _("Cần đồng ý với thông báo về xử lý dữ liệu cá nhân để tạo tài khoản.")


def consent_field():
    """Explicit consent (Decree 13/2023/NĐ-CP art. 11) for the data an account holds."""
    return forms.BooleanField(label=CONSENT_LABEL, error_messages={"required": CONSENT_REQUIRED})


def limit_email_length(field):
    """allauth's e-mail field accepts 320 characters; the account and its addresses hold 254.
    A longer address is a form error, not a database error."""
    from django.contrib.auth import get_user_model
    from django.core.validators import MaxLengthValidator

    limit = get_user_model()._meta.get_field("email").max_length
    if field.max_length is None or field.max_length > limit:
        field.max_length = limit
        field.validators.append(MaxLengthValidator(limit))
        field.widget.attrs["maxlength"] = str(limit)


class SignupForm(Labelled, allauth_forms.SignupForm):
    labels = {**LABELS, "password1": _("Mật khẩu"), "password2": _("Nhập lại mật khẩu")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_email_length(self.fields["email"])
        self.fields["consent"] = consent_field()


class ResetPasswordForm(Labelled, allauth_forms.ResetPasswordForm):
    pass


class ResetPasswordKeyForm(Labelled, allauth_forms.ResetPasswordKeyForm):
    pass


class ChangePasswordForm(Labelled, allauth_forms.ChangePasswordForm):
    pass


class SetPasswordForm(Labelled, allauth_forms.SetPasswordForm):
    pass


class AddEmailForm(Labelled, allauth_forms.AddEmailForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_email_length(self.fields["email"])
