"""Public forms of the support desk: the request (spam-guarded), the reply and the rating."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

from core.spam import HumanCheckForm
from core.widgets import FastSelect, Options, OptionsField

from .models import SupportRequest, Topic

MAX_FILES = 3
MAX_FILE_BYTES = 5 * 1024 * 1024
EXTENSIONS = ["pdf", "jpg", "jpeg", "png", "docx", "xlsx", "txt"]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Up to MAX_FILES files of the allowed kinds, each at most 5 MB."""

    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("validators", [FileExtensionValidator(EXTENSIONS)])
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_FILES:
            raise ValidationError(_("Chỉ đính kèm tối đa %(n)s tệp.") % {"n": MAX_FILES})
        cleaned = []
        for upload in files:
            upload = super().clean(upload, initial)
            if upload.size > MAX_FILE_BYTES:
                raise ValidationError(_("Mỗi tệp tối đa 5 MB."))
            cleaned.append(upload)
        return cleaned


def _control(widget, **attrs):
    widget.attrs.update({"class": "form-control", **attrs})
    return widget


class RequestForm(HumanCheckForm):
    tax_code = forms.CharField(
        label=_("Mã số thuế của doanh nghiệp"),
        max_length=20,
        widget=_control(forms.TextInput(), inputmode="numeric", autocomplete="off"),
    )
    enterprise_name = forms.CharField(
        label=_("Tên doanh nghiệp"), max_length=255, widget=_control(forms.TextInput(), autocomplete="organization")
    )
    contact_name = forms.CharField(
        label=_("Họ và tên người liên hệ"), max_length=150, widget=_control(forms.TextInput(), autocomplete="name")
    )
    email = forms.EmailField(
        label=_("Thư điện tử"), required=False, widget=_control(forms.EmailInput(), autocomplete="email")
    )
    phone = forms.CharField(
        label=_("Điện thoại"),
        max_length=30,
        required=False,
        widget=_control(forms.TextInput(), autocomplete="tel", inputmode="tel"),
    )
    topic = forms.ModelChoiceField(
        label=_("Chủ đề cần hỗ trợ"),
        queryset=Topic.objects.all(),
        empty_label=_("— Chọn chủ đề —"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    pillars = forms.MultipleChoiceField(
        label=_("Trụ cột DBI liên quan"), required=False, widget=forms.CheckboxSelectMultiple
    )
    description = forms.CharField(
        label=_("Nội dung cần hỗ trợ"), max_length=5000, widget=_control(forms.Textarea(attrs={"rows": 6}))
    )
    preferred_format = forms.ChoiceField(
        label=_("Hình thức hỗ trợ mong muốn"), choices=SupportRequest.Format.choices, widget=forms.RadioSelect
    )
    attachments = AttachmentsField(
        label=_("Tệp đính kèm (không bắt buộc)"),
        help_text=_(
            "Tối đa 3 tệp PDF, ảnh, Word, Excel; mỗi tệp tối đa 5 MB. Chỉ cán bộ và chuyên gia được phân công xem được."
        ),
    )
    consent = forms.BooleanField(
        label=_("Tôi đồng ý để Sở chia sẻ nội dung yêu cầu và thông tin liên hệ với chuyên gia được phân công."),
        error_messages={"required": _("Cần đồng ý chia sẻ để chuyên gia có thể hỗ trợ.")},
    )
    result = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, pillar_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pillars"].choices = [(code, f"{code} – {name}") for code, name in pillar_choices]
        self.fields["website"].widget.attrs["class"] = "form-control"

    def clean_tax_code(self):
        from enterprises.validators import normalize_tax_code, validate_tax_code

        code = normalize_tax_code(self.cleaned_data["tax_code"])
        validate_tax_code(code)
        return code

    def clean(self):
        data = super().clean()
        if not data.get("email") and not (data.get("phone") or "").strip():
            self.add_error("email", _("Vui lòng nhập thư điện tử hoặc số điện thoại để chúng tôi liên hệ."))
        return data


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Nội dung trao đổi"), max_length=5000, widget=_control(forms.Textarea(attrs={"rows": 4}))
    )
    attachments = AttachmentsField(label=_("Tệp đính kèm (không bắt buộc)"))


class RatingForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Mức độ hài lòng (1 = rất không hài lòng, 5 = rất hài lòng)"),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Nhận xét"), required=False, max_length=2000, widget=_control(forms.Textarea(attrs={"rows": 3}))
    )


class DirectoryFilterForm(forms.Form):
    """The directory's filters, in the URL. Options are `core.widgets.Options` (cached, written
    without a template per option); an unknown value is a field error, shown and ignored."""

    q = forms.CharField(
        label=_("Tìm theo tên, tổ chức"),
        required=False,
        max_length=100,
        widget=_control(forms.TextInput(attrs={"type": "search"})),
    )
    pillar = forms.ChoiceField(
        label=_("Trụ cột DBI"), required=False, widget=FastSelect(attrs={"class": "form-select"})
    )
    topic = OptionsField(label=_("Chủ đề"), required=False, widget=FastSelect(attrs={"class": "form-select"}))
    sector = OptionsField(label=_("Ngành"), required=False, widget=FastSelect(attrs={"class": "form-select"}))
    area = OptionsField(label=_("Địa bàn"), required=False, widget=FastSelect(attrs={"class": "form-select"}))

    def __init__(self, *args, pillars=(), topics=(), sectors=(), areas=(), **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("Tất cả"))]
        self.fields["pillar"].choices = everything + [(c, f"{c} – {n}") for c, n in pillars]
        for name, options in (("topic", topics), ("sector", sectors), ("area", areas)):
            self.fields[name].options = options if isinstance(options, Options) else Options.fixed(options, everything)
