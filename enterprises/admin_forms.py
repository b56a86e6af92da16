"""Admin forms and filters for the registry's Wagtail views."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm

from .hooks import enterprise_list_filters
from .models import Enterprise, EnterpriseMembership, Sector
from .provinces import province_units


def _hook_method(queryset_fn):
    def method(queryset, name, value):
        return queryset if value is None else queryset_fn(queryset, value)

    return method


class EnterpriseFilterSet(WagtailFilterSet):
    sector = django_filters.ModelChoiceFilter(
        label=_("Ngành"), queryset=Sector.objects.filter(level__lte=2), method="filter_sector"
    )
    # Only the site's province (settings.PROVINCE_CODE), both periods.
    area = django_filters.ModelChoiceFilter(
        label=_("Địa bàn"),
        queryset=lambda request: province_units().order_by("level", "name"),
        method="filter_area",
    )

    class Meta:
        model = Enterprise
        fields = ["sector", "area", "size_class", "legal_form", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Filters that apps above the registry register (enterprises.hooks).
        for hook in enterprise_list_filters():
            extra = django_filters.BooleanFilter(label=hook.label, method=_hook_method(hook.queryset_fn))
            extra.parent = self
            extra.model = Enterprise
            self.filters[hook.name] = extra

    def filter_sector(self, queryset, name, value):
        # A section or division includes every code below it (down to level 5 in VSIC 2025).
        if not value:
            return queryset
        condition, path = Q(sector=value), "sector"
        for _level in range(4):
            path += "__parent"
            condition |= Q(**{path: value})
        return queryset.filter(condition)

    def filter_area(self, queryset, name, value):
        # A province or district includes the units below it.
        if not value:
            return queryset
        return queryset.filter(Q(area=value) | Q(area__parent=value) | Q(area__parent__parent=value))


def _unit_label(unit):
    period = unit.period_label
    return f"{unit.name} ({unit.code}{', ' + str(period) if period else ''})"


class EnterpriseAdminForm(WagtailAdminModelForm):
    """The admin form: an assessor ticks "figures verified" and the form records who and when."""

    figures_verified = forms.BooleanField(
        label=_("Số liệu đã được thẩm định"),
        required=False,
        help_text=_("Khi đánh dấu, doanh nghiệp không thể tự sửa số lao động, doanh thu, nguồn vốn và năm số liệu."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["figures_verified"].initial = self.instance.figures_verified
        if "area" in self.fields:
            # The site's province only; a code is shown with its period (24646 is two units).
            self.fields["area"].queryset = province_units().order_by("level", "name")
            self.fields["area"].label_from_instance = _unit_label

    def save(self, commit=True):
        enterprise = super().save(commit=False)
        verified = self.cleaned_data.get("figures_verified")
        if verified and not enterprise.figures_verified_at:
            enterprise.figures_verified_at = timezone.now()
            enterprise.figures_verified_by = getattr(self, "for_user", None)
        elif not verified:
            enterprise.figures_verified_at = None
            enterprise.figures_verified_by = None
        if commit:
            enterprise.save()
            self.save_m2m()
        return enterprise


class MembershipAdminForm(WagtailAdminModelForm):
    """Activating a claimed membership records the programme editor who verified it and tells
    the person by e-mail; "send the invitation again" voids the earlier link."""

    resend_invitation = forms.BooleanField(
        label=_("Gửi lại lời mời"),
        required=False,
        help_text=_("Gửi thư mời mới đến địa chỉ trên; liên kết trong thư mời trước sẽ hết hiệu lực."),
    )

    def save(self, commit=True):
        from core.mail import queue_mail, site_url

        membership = super().save(commit=False)
        was = self.initial.get("status")
        just_verified = (
            membership.status == EnterpriseMembership.Status.ACTIVE and was != EnterpriseMembership.Status.ACTIVE
        )
        if just_verified and not membership.verified_at:
            membership.verified_at = timezone.now()
            membership.verified_by = getattr(self, "for_user", None)
        if commit:
            membership.save()
            if just_verified and membership.user_id and membership.pk and was:
                from django.urls import reverse
                from django.utils import translation

                with translation.override("vi"):
                    link = site_url(reverse("accounts:home"))
                queue_mail(
                    "enterprises.membership_verified",
                    membership.user.email or membership.email,
                    "enterprises/email/membership_verified",
                    {"membership": membership, "enterprise": membership.enterprise, "link": link},
                    related=membership,
                )
            if self.cleaned_data.get("resend_invitation") and membership.status == EnterpriseMembership.Status.INVITED:
                from .services import send_invitation

                send_invitation(membership)
        return membership


class ClassificationChangeAdminForm(WagtailAdminModelForm):
    """A programme editor approves or rejects a member's request; approving applies it."""

    decision = forms.ChoiceField(
        label=_("Quyết định"),
        choices=[("", _("Chưa quyết định")), ("approve", _("Duyệt và áp dụng")), ("reject", _("Không duyệt"))],
        required=False,
    )

    def save(self, commit=True):
        from .services import decide_classification_change

        change = super().save(commit=commit)
        decision = self.cleaned_data.get("decision")
        if commit and decision:
            change = decide_classification_change(
                change,
                getattr(self, "for_user", None),
                approve=decision == "approve",
                note=self.cleaned_data.get("note", ""),
            )
        return change
