"""Public (non-admin) forms: an enterprise's own users edit its profile, accept invitations, register."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _

from core import spam

from .models import VERIFIED_FIGURES, Enterprise
from .services import PROFILE_FIELDS
from .validators import validate_tax_code


class Styled:
    """Bootstrap classes on the widgets (the templates render fields one by one)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if not isinstance(field.widget, forms.CheckboxInput | forms.HiddenInput):
                field.widget.attrs.setdefault("class", "form-control")


class HumanCheckForm(Styled, spam.HumanCheckForm):
    """The shared spam guards (core/spam.py), with this app's widget styling."""


class ProfileForm(Styled, forms.ModelForm):
    """The enterprise's public profile; the figures are locked once an assessor verified them."""

    website = forms.URLField(label=_("Trang web"), required=False, assume_scheme="https")

    class Meta:
        model = Enterprise
        fields = [*PROFILE_FIELDS, *VERIFIED_FIGURES]
        widgets = {"social_pages": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.figures_verified:
            for name in VERIFIED_FIGURES:
                # A disabled field ignores whatever is posted and keeps the stored value.
                self.fields[name].disabled = True
                self.fields[name].help_text = _("Số liệu đã được thẩm định; liên hệ Sở để điều chỉnh.")


class AccountFields(Styled, forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    password1 = forms.CharField(label=_("Mật khẩu"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    password2 = forms.CharField(
        label=_("Nhập lại mật khẩu"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password1") and cleaned.get("password1") != cleaned.get("password2"):
            self.add_error("password2", _("Hai mật khẩu không khớp."))
        elif cleaned.get("password1"):
            password_validation.validate_password(cleaned["password1"])
        return cleaned

    def create_user(self, email):
        full_name = self.cleaned_data["full_name"].strip()
        first, _sep, last = full_name.rpartition(" ")
        return get_user_model().objects.create_user(
            username=email.lower(),
            email=email.lower(),
            password=self.cleaned_data["password1"],
            first_name=first or last,
            last_name=last if first else "",
        )


class InvitationSignupForm(HumanCheckForm, AccountFields):
    """Accepting an invitation without an account: create one for the invited e-mail."""


class RegistrationForm(HumanCheckForm):
    tax_code = forms.CharField(label=_("Mã số thuế của doanh nghiệp"), max_length=20, validators=[validate_tax_code])
    enterprise_name = forms.CharField(
        label=_("Tên doanh nghiệp"),
        max_length=150,
        required=False,
        help_text=_("Cần khi doanh nghiệp chưa có trong danh sách của tỉnh."),
    )
    position = forms.CharField(label=_("Chức vụ"), max_length=150, required=False)


class AnonymousRegistrationForm(RegistrationForm, AccountFields):
    email = forms.EmailField(label=_("Thư điện tử"), max_length=150)

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Địa chỉ này đã có tài khoản. Vui lòng đăng nhập rồi đăng ký."))
        return email
