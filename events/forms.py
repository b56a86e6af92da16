"""Public and admin forms of the events app."""

import re
import uuid

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Fieldset, Layout, Submit
from django import forms
from django.core.validators import MaxValueValidator
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from core import spam
from enterprises.validators import normalize_tax_code, validate_tax_code

from .choices import SIZE_CHOICES, EventFormat, pillar_choices
from .models import Feedback, Registration


class RegistrationForm(spam.HumanCheckForm):
    tax_code = forms.CharField(
        label=_("Mã số thuế doanh nghiệp"),
        max_length=20,
        help_text=_(
            "10 chữ số (hoặc 13 với chi nhánh). Doanh nghiệp chưa có trong cơ sở dữ liệu sẽ được ghi nhận mới."
        ),
    )
    enterprise_name = forms.CharField(label=_("Tên doanh nghiệp"), max_length=255)
    attendee_name = forms.CharField(label=_("Họ và tên người tham dự"), max_length=150)
    position = forms.CharField(label=_("Chức vụ"), max_length=150, required=False)
    email = forms.EmailField(
        label=_("Thư điện tử"), help_text=_("Thư xác nhận và đường dẫn quản lý đăng ký gửi về đây.")
    )
    phone = forms.CharField(label=_("Số điện thoại"), max_length=30)
    seats = forms.IntegerField(label=_("Số người tham dự"), min_value=1, initial=1)
    consent = forms.BooleanField(
        label=_("Tôi đồng ý để ban tổ chức xử lý thông tin trên để tổ chức sự kiện (bảo vệ dữ liệu cá nhân)."),
        error_messages={"required": _("Cần đồng ý với thông báo bảo vệ dữ liệu cá nhân để đăng ký.")},
    )
    # Anti-spam: `website` and `started` from spam.HumanCheckForm; a one-time key against double posts.
    submission_key = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, event, *args, action="", tokens_url="", **kwargs):
        """`tokens_url` makes the form fit for the shared page cache: no CSRF token, start
        token or submission key in its HTML (they are per visitor), hidden until the script
        has fetched them from `tokens_url`. `action` is where it posts (default: the page)."""
        super().__init__(*args, **kwargs)
        self.event = event
        self.cacheable = bool(tokens_url)
        limit = event.max_seats_per_enterprise or 1
        self.fields["seats"].max_value = limit
        self.fields["seats"].validators.append(MaxValueValidator(limit))
        self.fields["seats"].widget.attrs.update({"min": 1, "max": limit})
        self.fields["seats"].help_text = _("Tối đa %(limit)s người mỗi doanh nghiệp.") % {"limit": limit}
        if not self.is_bound:
            self.initial["submission_key"] = "" if tokens_url else uuid.uuid4().hex
            if tokens_url:
                self.initial["started"] = ""
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})
        self.fields["attendee_name"].widget.attrs["autocomplete"] = "name"
        self.fields["tax_code"].widget.attrs["inputmode"] = "numeric"
        self._action, self._tokens_url = action, tokens_url

    @cached_property
    def helper(self):
        """The layout, built when the form is shown (a registration rush posts valid forms
        that are never rendered)."""
        action, tokens_url = self._action, self._tokens_url
        helper = FormHelper()
        helper.form_id = "registration-form"
        helper.form_action = action
        helper.attrs = {"novalidate": ""}
        if tokens_url:
            # Never `{% csrf_token %}` here: it would make the page uncacheable (and shared).
            helper.disable_csrf = True
            helper.attrs.update({"hidden": "", "data-tokens-url": tokens_url})
        helper.layout = Layout(
            Fieldset(_("Doanh nghiệp"), "tax_code", "enterprise_name"),
            Fieldset(_("Người tham dự"), "attendee_name", "position", "email", "phone", "seats"),
            Field("consent"),
            HTML('{% include "includes/privacy_notice.html" %}'),  # accounts (issue 13)
            Div("website", css_class="d-none", aria_hidden="true"),
            "started",
            "submission_key",
            Submit("register", _("Đăng ký"), css_class="btn-primary btn-lg w-100 mt-2"),
        )
        if tokens_url:
            helper.layout.fields.insert(-1, HTML('<input type="hidden" name="csrfmiddlewaretoken" value="">'))
        return helper

    def clean_tax_code(self):
        code = normalize_tax_code(self.cleaned_data["tax_code"])
        validate_tax_code(code)
        return code

    def clean_submission_key(self):
        key = self.cleaned_data["submission_key"]
        if not re.fullmatch(r"[0-9a-f]{32}", key):
            raise forms.ValidationError(_("Biểu mẫu không hợp lệ, hãy tải lại trang."))
        return key


class ChangeRegistrationForm(forms.ModelForm):
    class Meta:
        model = Registration
        fields = ["attendee_name", "position", "phone", "seats"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = self.instance.event.max_seats_per_enterprise or 1
        self.fields["seats"].widget.attrs.update({"min": 1, "max": limit})
        self.fields["seats"].validators.append(MaxValueValidator(limit))
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class FeedbackForm(forms.ModelForm):
    rating = forms.TypedChoiceField(
        label=_("Mức độ hài lòng với sự kiện"),
        choices=[(n, str(n)) for n in range(5, 0, -1)],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("5 là rất hài lòng, 1 là không hài lòng."),
    )

    class Meta:
        model = Feedback
        fields = ["rating", "useful", "comment"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("send", _("Gửi góp ý"), css_class="btn-primary"))


MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


class EventFilterForm(forms.Form):
    """Filters of the events index; every value lives in the URL's query string."""

    month = forms.RegexField(
        label=_("Tháng"), regex=MONTH_RE, required=False, widget=forms.TextInput(attrs={"type": "month"})
    )
    area = forms.TypedChoiceField(label=_("Địa bàn"), required=False, coerce=int, empty_value=None)
    format = forms.ChoiceField(label=_("Hình thức"), required=False)
    size = forms.ChoiceField(label=_("Quy mô doanh nghiệp"), required=False)
    pillar = forms.ChoiceField(label=_("Trụ cột DBI"), required=False)

    def __init__(self, *args, areas=(), **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("Tất cả"))]
        self.fields["area"].choices = everything + list(areas)
        self.fields["format"].choices = everything + list(EventFormat.choices)
        self.fields["size"].choices = everything + list(SIZE_CHOICES)
        self.fields["pillar"].choices = everything + list(pillar_choices())
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_class = "row g-2 align-items-end event-filters"
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Div("month", css_class="col-6 col-md-4 col-lg-2"),
            Div("area", css_class="col-6 col-md-4 col-lg-2"),
            Div("format", css_class="col-6 col-md-4 col-lg-2"),
            Div("size", css_class="col-6 col-md-4 col-lg-2"),
            Div("pillar", css_class="col-12 col-md-4 col-lg-2"),
            Div(
                Submit("", _("Lọc"), css_class="btn-primary w-100"),
                css_class="col-12 col-lg-2 mb-3",
            ),
        )


class MessageForm(forms.Form):
    subject = forms.CharField(label=_("Tiêu đề"), max_length=200)
    body = forms.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 8}))
    statuses = forms.MultipleChoiceField(
        label=_("Gửi tới"),
        choices=[
            (Registration.Status.CONFIRMED, Registration.Status.CONFIRMED.label),
            (Registration.Status.PENDING, Registration.Status.PENDING.label),
            (Registration.Status.WAITING, Registration.Status.WAITING.label),
            (Registration.Status.OFFERED, Registration.Status.OFFERED.label),
            (Registration.Status.ATTENDED, Registration.Status.ATTENDED.label),
        ],
        initial=[Registration.Status.CONFIRMED, Registration.Status.PENDING],
        widget=forms.CheckboxSelectMultiple,
    )
