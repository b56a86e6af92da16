"""Public (non-admin) forms: an enterprise's own users edit its profile, accept invitations, register."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import spam

from .models import VERIFIED_FIGURES, AdministrativeUnit, Enterprise, Sector
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


class ClassificationForm(Styled, forms.Form):
    """Main sector and area: a change waits for a programme editor (services.request_classification_change)."""

    sector = forms.ModelChoiceField(
        label=_("Ngành kinh tế chính (VSIC)"),
        queryset=Sector.objects.none(),
        required=False,
        help_text=_("Ngành có doanh thu lớn nhất; dùng để xếp quy mô theo Nghị định 80/2021/NĐ-CP."),
    )
    area = forms.ModelChoiceField(
        label=_("Địa bàn (xã, phường)"), queryset=AdministrativeUnit.objects.none(), required=False
    )

    def __init__(self, *args, enterprise=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = Sector.objects.order_by("code")
        self.fields["area"].queryset = AdministrativeUnit.objects.valid_on(timezone.localdate()).order_by("name")
        if enterprise is not None and not self.is_bound:
            self.initial = {"sector": enterprise.sector_id, "area": enterprise.area_id}

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("sector") and not cleaned.get("area"):
            raise forms.ValidationError(_("Chọn ngành hoặc địa bàn cần đổi."))
        return cleaned


class AccountFields(Styled, forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    password1 = forms.CharField(
        label=_("Mật khẩu"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Ít nhất 10 ký tự, không toàn chữ số, không phải mật khẩu phổ biến."),
    )
    password2 = forms.CharField(
        label=_("Nhập lại mật khẩu"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    email_for_checks = ""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password1") and cleaned.get("password1") != cleaned.get("password2"):
            self.add_error("password2", _("Hai mật khẩu không khớp."))
        elif cleaned.get("password1"):
            probe = get_user_model()(email=self.email_for_checks, username=self.email_for_checks)
            try:
                password_validation.validate_password(cleaned["password1"], user=probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned

    def create_user(self, email):
        """An account for `email`, whose address is verified: the invitation was sent to it."""
        from allauth.account.models import EmailAddress

        full_name = self.cleaned_data["full_name"].strip()
        first, _sep, last = full_name.rpartition(" ")
        user = get_user_model().objects.create_user(
            username=email.lower(),
            email=email.lower(),
            password=self.cleaned_data["password1"],
            first_name=first or last,
            last_name=last if first else "",
        )
        EmailAddress.objects.create(user=user, email=email.lower(), verified=True, primary=True)
        return user


class InvitationSignupForm(HumanCheckForm, AccountFields):
    """Accepting an invitation without an account: create one for the invited e-mail."""

    def __init__(self, *args, email="", **kwargs):
        from accounts.forms import consent_field

        super().__init__(*args, **kwargs)
        self.email_for_checks = email
        self.fields["consent"] = consent_field()


class RegistrationForm(HumanCheckForm):
    """A signed-in person claims an enterprise by its tax code."""

    tax_code = forms.CharField(label=_("Mã số thuế của doanh nghiệp"), max_length=20, validators=[validate_tax_code])
    enterprise_name = forms.CharField(
        label=_("Tên doanh nghiệp"),
        max_length=150,
        required=False,
        help_text=_("Cần khi doanh nghiệp chưa có trong danh sách của tỉnh."),
    )
    position = forms.CharField(label=_("Chức vụ"), max_length=150, required=False)
