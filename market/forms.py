from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.spam import HumanCheckForm
from core.widgets import FastSelect, FilterFormMixin, Options, OptionsField
from enterprises.models import AdministrativeUnit, Sector

from .models import Listing, Post, Solution

YES = [("", _("Tất cả")), ("1", _("Có"))]


def localized(vi, en):
    """The English name in English when there is one, else the Vietnamese."""
    return en if (get_language() or "vi").startswith("en") and en else vi


def _select():
    return FastSelect(attrs={"class": "form-select"})


class CatalogueFilterForm(FilterFormMixin, forms.Form):
    """The catalogue's filters, all in the URL (GET)."""

    q = forms.CharField(label=_("Tìm giải pháp"), required=False, max_length=100)
    category = forms.ChoiceField(
        label=_("Nhóm"), required=False, choices=[("", _("Tất cả"))] + Solution.Category.choices, widget=_select()
    )
    pillar = forms.ChoiceField(label=_("Trụ cột DBI"), required=False, widget=_select())
    size = forms.ChoiceField(label=_("Quy mô"), required=False, widget=_select())
    trial = forms.BooleanField(label=_("Có dùng thử"), required=False)
    make_in_vietnam = forms.BooleanField(label=_("Make in Vietnam"), required=False)

    def __init__(self, *args, pillars=(), sizes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pillar"].choices = [("", _("Tất cả"))] + list(pillars)
        self.fields["size"].choices = [("", _("Tất cả"))] + list(sizes)


def _sectors():
    rows = Sector.objects.filter(level=1).order_by("code").values_list("code", "name", "name_en")
    return [(code, f"{code} – {localized(name, name_en)}") for code, name, name_en in rows]


def _areas():
    used = AdministrativeUnit.objects.filter(post__status=Listing.APPROVED).distinct().order_by("name", "code")
    return list(used.values_list("code", "name"))


class BoardFilterForm(FilterFormMixin, forms.Form):
    """The board's filters, in the URL; sectors and areas are cached options (core.widgets)
    under the board's version (market.signals)."""

    kind = forms.ChoiceField(
        label=_("Loại tin"), required=False, choices=[("", _("Tất cả"))] + Post.Kind.choices, widget=_select()
    )
    sector = OptionsField(label=_("Ngành"), required=False, widget=_select())
    area = OptionsField(label=_("Địa bàn"), required=False, widget=_select())
    q = forms.CharField(label=_("Từ khóa"), required=False, max_length=100)

    def __init__(self, *args, **kwargs):
        from .signals import BOARD

        super().__init__(*args, **kwargs)
        everything = [("", _("Tất cả"))]
        self.fields["sector"].options = Options("market-sectors", _sectors, names=[BOARD], first=everything)
        self.fields["area"].options = Options("market-areas", _areas, names=[BOARD], first=everything)


class PostForm(HumanCheckForm):
    """A board post by a verified member of the enterprise."""

    enterprise = forms.ChoiceField(label=_("Doanh nghiệp đăng tin"))
    kind = forms.ChoiceField(label=_("Loại tin"), choices=Post.Kind.choices)
    title = forms.CharField(label=_("Tiêu đề"), max_length=200)
    description = forms.CharField(label=_("Mô tả"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5}))
    sector = forms.ModelChoiceField(label=_("Ngành"), queryset=Sector.objects.none(), required=False)
    quantity = forms.CharField(label=_("Số lượng"), max_length=100, required=False)
    season = forms.CharField(label=_("Mùa vụ, thời gian"), max_length=100, required=False)
    certifications = forms.CharField(label=_("Chứng nhận (OCOP, VietGAP…)"), max_length=200, required=False)
    contact_email = forms.EmailField(
        label=_("Thư điện tử nhận liên hệ"),
        max_length=150,
        help_text=_(
            "Không hiển thị công khai: người quan tâm gửi lời nhắn qua trang, chúng tôi chuyển tới địa chỉ này."
        ),
    )

    def __init__(self, *args, enterprises=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.enterprises = {str(e.pk): e for e in enterprises}
        self.fields["enterprise"].choices = [(pk, e.name) for pk, e in self.enterprises.items()]
        self.fields["sector"].queryset = Sector.objects.order_by("code")

    def clean_enterprise(self):
        value = self.cleaned_data["enterprise"]
        if value not in self.enterprises:
            raise forms.ValidationError(_("Bạn chỉ đăng tin cho doanh nghiệp mình là thành viên đã xác minh."))
        return self.enterprises[value]


class ContactForm(HumanCheckForm):
    name = forms.CharField(label=_("Họ và tên"), max_length=150)
    organisation = forms.CharField(label=_("Đơn vị"), max_length=200, required=False)
    email = forms.EmailField(label=_("Thư điện tử"), max_length=150)
    phone = forms.CharField(label=_("Điện thoại"), max_length=30, required=False)
    message = forms.CharField(label=_("Lời nhắn"), max_length=3000, widget=forms.Textarea(attrs={"rows": 4}))
    consent = forms.BooleanField(
        label=_("Tôi đồng ý để trang chuyển họ tên, thư điện tử, điện thoại và lời nhắn này tới người đăng tin."),
    )

    def contact_data(self):
        data = self.cleaned_data
        return {key: data[key] for key in ("name", "organisation", "email", "phone", "message")}
