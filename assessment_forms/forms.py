"""Forms of the public self-assessment: identifying the enterprise, then one form per pillar."""

import uuid

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Fieldset, Layout
from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core import spam
from enterprises.validators import normalize_tax_code, validate_tax_code


class StartForm(spam.HumanCheckForm):
    """Step 0: who answers, for which enterprise. Also carries the spam guards: a honeypot field
    people never see and a signed start time (core/spam.py), and a key that makes a double
    click reuse the draft it already created."""

    tax_code = forms.CharField(
        label=_("Mã số thuế doanh nghiệp"),
        max_length=20,
        help_text=_(
            "10 chữ số (hoặc 13 với chi nhánh). Doanh nghiệp chưa có trong danh sách sẽ được ghi nhận chờ xác minh."
        ),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    enterprise_name = forms.CharField(
        label=_("Tên doanh nghiệp"),
        max_length=150,
        required=False,
        help_text=_("Chỉ cần khi doanh nghiệp chưa có trong danh sách của tỉnh."),
    )
    respondent_name = forms.CharField(label=_("Họ và tên người trả lời"), max_length=150)
    respondent_email = forms.EmailField(
        label=_("Thư điện tử"),
        max_length=150,
        required=False,
        help_text=_("Không bắt buộc. Dùng để gửi lại đường dẫn tiếp tục nếu bạn cần."),
    )
    form_key = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, min_seconds=spam.MIN_FILL_SECONDS, **kwargs):
        super().__init__(*args, **kwargs)
        self.min_fill_seconds = min_seconds
        if not self.is_bound:
            self.initial.setdefault("form_key", uuid.uuid4().hex)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            "tax_code",
            "enterprise_name",
            "respondent_name",
            "respondent_email",
            HTML('<div class="dbi-hp" aria-hidden="true">'),
            "website",
            HTML("</div>"),
            "started",
            "form_key",
        )

    def clean_tax_code(self):
        code = normalize_tax_code(self.cleaned_data["tax_code"])
        validate_tax_code(code)
        return code


class PillarForm(forms.Form):
    """One step: every criterion of a pillar as radio choices (option texts of levels 0–5).

    A criterion left blank is "not answered" and scores 0, so a respondent can move back and
    forth freely; the result page says how many criteria are still blank."""

    def __init__(self, *args, pillar, criteria, answers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.pillar = pillar
        self.criteria = criteria
        answers = answers or {}
        fieldsets = {}
        for criterion in criteria:
            name = field_name(criterion.code)
            help_parts = [p for p in (criterion.localized_question, criterion.localized_help) if p]
            self.fields[name] = forms.TypedChoiceField(
                label=format_html("<span class='dbi-code'>{}</span> {}", criterion.code, criterion.localized_text),
                choices=[(o.level, o.localized_text) for o in criterion.options.all()],
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                help_text=" ".join(help_parts),
                initial=answers.get(criterion.code),
            )
            fieldsets.setdefault(criterion.component, []).append(name)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            *[
                Fieldset(f"{component.code.removeprefix('C')} {component.localized_name}", *names)
                for component, names in fieldsets.items()
            ]
        )

    def answers(self):
        return {
            criterion.code: self.cleaned_data.get(field_name(criterion.code))
            for criterion in self.criteria
            if self.cleaned_data.get(field_name(criterion.code)) is not None
        }


def field_name(code):
    return "c_" + code.replace(".", "_")
