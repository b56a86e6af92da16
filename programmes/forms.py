from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from core.private_files import check_upload, random_name
from core.spam import HumanCheckForm
from market.services import public_solutions

from .models import Application, Programme, Purpose

MAX_ATTACHMENT = 10 * 1024 * 1024


class ApplicationForm(HumanCheckForm):
    enterprise = forms.ChoiceField(label=_("Doanh nghiệp đề nghị"))
    purpose = forms.ChoiceField(label=_("Nội dung đề nghị hỗ trợ"))
    description = forms.CharField(
        label=_("Mô tả nhu cầu và kết quả mong đợi"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
    cost_estimate = forms.IntegerField(label=_("Dự toán chi phí (đồng)"), min_value=1, max_value=10**12)
    solution = forms.ModelChoiceField(label=_("Giải pháp trong danh mục"), queryset=None, required=False)
    other_solution = forms.CharField(label=_("Hoặc giải pháp khác"), max_length=255, required=False)
    attachment = forms.FileField(label=_("Tài liệu kèm theo (PDF, ảnh, Word/Excel; tối đa 10 MB)"), required=False)
    consent = forms.BooleanField(
        label=_("Tôi đồng ý để Sở dùng thông tin trong hồ sơ và kết quả DBI của doanh nghiệp để xét hỗ trợ."),
    )

    def __init__(self, *args, enterprises=(), programme=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.enterprises = {str(e.pk): e for e in enterprises}
        self.fields["enterprise"].choices = [(pk, e.name) for pk, e in self.enterprises.items()]
        purposes = [p for p in Purpose.choices if programme is None or p[0] in programme.pays_for]
        self.fields["purpose"].choices = purposes
        self.fields["solution"].queryset = public_solutions()

    def clean_enterprise(self):
        value = self.cleaned_data["enterprise"]
        if value not in self.enterprises:
            raise forms.ValidationError(_("Bạn chỉ nộp hồ sơ cho doanh nghiệp mình là thành viên đã xác minh."))
        return self.enterprises[value]

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload:
            kind = check_upload(upload, max_size=MAX_ATTACHMENT)  # by content, not by extension
            upload.name = random_name(kind)
        return upload

    def application_data(self):
        data = self.cleaned_data
        return {
            "purpose": data["purpose"],
            "description": data["description"],
            "cost_estimate": data["cost_estimate"],
            "solution": data.get("solution"),
            "other_solution": data.get("other_solution", ""),
            "attachment": data.get("attachment") or "",
        }


class ReviewForm(forms.Form):
    to = forms.ChoiceField(label=_("Chuyển hồ sơ sang"))
    note = forms.CharField(label=_("Ghi chú, lý do"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    amount = forms.IntegerField(label=_("Số tiền (đồng)"), required=False, min_value=0)

    def __init__(self, *args, steps=(), criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [(s, Application.Status(s).label) for s in steps]
        self.criteria = list(criteria)
        for index, name in enumerate(self.criteria):
            self.fields[f"score_{index}"] = forms.IntegerField(label=name, required=False, min_value=0, max_value=100)

    def scores(self):
        return {
            name: self.cleaned_data.get(f"score_{index}")
            for index, name in enumerate(self.criteria)
            if self.cleaned_data.get(f"score_{index}") is not None
        }


class ProgrammeAdminForm(WagtailAdminModelForm):
    """Programme editors' form: the eligibility rules cannot change under existing
    applications (make a new version instead)."""

    def clean(self):
        data = super().clean()
        programme = self.instance
        if programme.pk and programme.applications.exists():
            changed = [name for name in Programme.RULE_FIELDS if name in self.changed_data]
            if "eligible_areas" in self.changed_data:
                changed.append("eligible_areas")
            for name in changed:
                self.add_error(
                    name,
                    _("Đã có hồ sơ nộp theo quy định này: tạo phiên bản mới của chương trình để thay đổi."),
                )
        return data
