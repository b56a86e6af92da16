"""Public and jury forms."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Fieldset, Layout, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from core import private_files, spam

from .models import Nomination

MAX_FILES = 5


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class NominationForm(spam.HumanCheckForm):
    category = forms.ModelChoiceField(queryset=None, label=_("Hạng mục"), empty_label=_("— Chọn hạng mục —"))
    source = forms.ChoiceField(
        label=_("Bạn là"),
        choices=[
            (Nomination.Source.APPLICATION, _("Doanh nghiệp tự ứng cử")),
            (Nomination.Source.DISTRICT_OFFICE, _("Phòng chuyên môn cấp huyện, xã")),
            (Nomination.Source.ASSOCIATION, _("Hiệp hội doanh nghiệp")),
        ],
        widget=forms.RadioSelect,
    )
    tax_code = forms.CharField(label=_("Mã số thuế của doanh nghiệp được đề cử"), max_length=20)
    enterprise_name = forms.CharField(label=_("Tên doanh nghiệp được đề cử"), max_length=255)
    nominator_name = forms.CharField(label=_("Họ và tên người gửi"), max_length=150)
    nominator_organisation = forms.CharField(label=_("Cơ quan, tổ chức"), max_length=200, required=False)
    nominator_email = forms.EmailField(label=_("Thư điện tử"))
    nominator_phone = forms.CharField(label=_("Điện thoại"), max_length=30, required=False)
    statement = forms.CharField(
        label=_("Thuyết minh thành tích chuyển đổi số"),
        widget=forms.Textarea(attrs={"rows": 6}),
        min_length=50,
        max_length=5000,
    )
    evidence = MultipleFileField(
        label=_("Tệp minh chứng (tối đa 5 tệp, mỗi tệp 10 MB: PDF, ảnh JPEG/PNG, Word .docx, Excel .xlsx)"),
        required=False,
        help_text=_("Tệp chỉ ban tổ chức và hội đồng xem được; bạn xem lại qua đường dẫn riêng trong thư xác nhận."),
    )
    # Anti-spam: `website` and `started` from spam.HumanCheckForm; a one-time token against double posts.
    token = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, categories=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = categories
        self.fields["category"].label_from_instance = lambda c: f"{c.cycle.year} – {c.local_name}"
        self.fields["nominator_email"].widget.attrs["autocomplete"] = "email"
        self.fields["nominator_phone"].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})
        self.fields["nominator_name"].widget.attrs["autocomplete"] = "name"
        self.fields["tax_code"].widget.attrs["inputmode"] = "numeric"
        # The same crispy-forms (Bootstrap 5) layout as the site's other public forms.
        self.helper = FormHelper()
        self.helper.form_id = "nomination-form"
        self.helper.form_class = "dx-form"
        self.helper.attrs = {"novalidate": "", "enctype": "multipart/form-data"}
        self.helper.layout = Layout(
            Fieldset(_("Hạng mục"), "category", "source"),
            Fieldset(_("Doanh nghiệp được đề cử"), "tax_code", "enterprise_name"),
            Fieldset(_("Người gửi"), "nominator_name", "nominator_organisation", "nominator_email", "nominator_phone"),
            Fieldset(_("Hồ sơ"), "statement", "evidence"),
            Div("website", css_class="visually-hidden", aria_hidden="true"),
            "started",
            "token",
            Submit("submit", _("Gửi hồ sơ"), css_class="btn-primary btn-lg mt-2"),
        )

    def clean_evidence(self):
        files = self.cleaned_data.get("evidence") or []
        if len(files) > MAX_FILES:
            raise forms.ValidationError(_("Chỉ gửi tối đa 5 tệp."))
        errors = []
        for upload in files:
            # Checked by content (magic bytes, the zip's parts for Word/Excel), not by name.
            try:
                private_files.check_upload(upload)
            except forms.ValidationError as error:
                errors.append(error)
        if errors:
            raise forms.ValidationError(errors)
        return files

    def clean_tax_code(self):
        from enterprises.validators import normalize_tax_code, validate_tax_code

        code = normalize_tax_code(self.cleaned_data["tax_code"])
        validate_tax_code(code)
        return code


class ConflictForm(forms.Form):
    reason = forms.CharField(label=_("Lý do xung đột lợi ích"), max_length=300)


class ReviewForm(forms.Form):
    comment = forms.CharField(label=_("Nhận xét"), widget=forms.Textarea(attrs={"rows": 4}), required=False)

    def __init__(self, *args, criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"c{criterion.pk}"] = forms.IntegerField(
                label=f"{criterion.name} (×{criterion.weight})",
                min_value=0,
                max_value=criterion.max_score,
                help_text=criterion.description,
            )

    def scores(self):
        return {criterion.pk: self.cleaned_data[f"c{criterion.pk}"] for criterion in self.criteria}
