"""Admin forms: the consultant (pillar expertise as checkboxes read from the framework), the
queue's filters, and the actions of the request's manage page."""

from datetime import timedelta

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm

from .forms import AttachmentsField
from .models import LANGUAGES, Consultant, PillarExpertise, SupportRequest, Topic


def _pillar_field(required=False):
    from .services import pillar_choices

    return forms.MultipleChoiceField(
        label=_("Chuyên môn theo trụ cột DBI"),
        required=required,
        choices=[(code, f"{code} – {name}") for code, name in pillar_choices()],
        widget=forms.CheckboxSelectMultiple,
    )


class ConsultantAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pillar_codes"] = _pillar_field()
        if self.instance.pk:
            self.initial["pillar_codes"] = list(self.instance.pillars.values_list("pillar_code", flat=True))
        if "languages" in self.fields:
            self.fields["languages"] = forms.MultipleChoiceField(
                label=_("Ngôn ngữ"), required=False, choices=LANGUAGES, widget=forms.CheckboxSelectMultiple
            )
            self.initial["languages"] = self.instance.languages

    def save(self, commit=True):
        consultant = super().save(commit=commit)
        codes = self.cleaned_data.get("pillar_codes", [])

        def _save_pillars():
            consultant.pillars.exclude(pillar_code__in=codes).delete()
            have = set(consultant.pillars.values_list("pillar_code", flat=True))
            PillarExpertise.objects.bulk_create(
                [PillarExpertise(consultant=consultant, pillar_code=c) for c in codes if c not in have]
            )

        if commit:
            _save_pillars()
        else:
            old = self.save_m2m

            def save_m2m():
                old()
                _save_pillars()

            self.save_m2m = save_m2m
        return consultant


AGE_CHOICES = [("2", _("Quá 2 ngày")), ("7", _("Quá 7 ngày")), ("30", _("Quá 30 ngày"))]


class RequestFilterSet(WagtailFilterSet):
    status = django_filters.MultipleChoiceFilter(
        label=_("Trạng thái"),
        choices=SupportRequest.Status.choices,
        widget=forms.CheckboxSelectMultiple,
        distinct=False,  # one row per request anyway; DISTINCT over wide rows costs at 100,000
    )
    topic = django_filters.ModelChoiceFilter(label=_("Chủ đề"), queryset=Topic.objects.all())
    area = django_filters.ModelChoiceFilter(label=_("Địa bàn"), queryset=None, method="filter_area")
    age = django_filters.ChoiceFilter(label=_("Tuổi yêu cầu"), choices=AGE_CHOICES, method="filter_age")
    # A name search rather than a list of every consultant (2,000 options would weigh more
    # than the page); `consultant` (an id) stays for links from elsewhere.
    assignee = django_filters.CharFilter(label=_("Chuyên gia phụ trách"), method="filter_assignee")
    unassigned = django_filters.BooleanFilter(label=_("Chưa phân công"), field_name="consultant", lookup_expr="isnull")
    consultant = django_filters.NumberFilter(field_name="consultant_id", widget=forms.HiddenInput)
    overdue = django_filters.BooleanFilter(label=_("Quá hạn"), method="filter_overdue")

    class Meta:
        model = SupportRequest
        fields = ["status", "topic", "area", "age", "assignee", "unassigned", "overdue", "consultant"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from enterprises.models import AdministrativeUnit

        used = SupportRequest.objects.exclude(area__isnull=True).values("area_id")
        self.filters["area"].queryset = AdministrativeUnit.objects.filter(pk__in=used).order_by("name")

    def filter_assignee(self, queryset, name, value):
        from core.text import fold_compact

        words = fold_compact(value).split()
        for word in words[:5]:
            queryset = queryset.filter(consultant__search_text__contains=word)
        return queryset

    def filter_area(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(Q(area=value) | Q(area__parent=value))

    def filter_age(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(created_at__lt=timezone.now() - timedelta(days=int(value)))

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        now = timezone.now()
        late = Q(status__in=SupportRequest.OPEN) & (
            Q(first_response_at__isnull=True, first_response_due__lt=now) | Q(resolution_due__lt=now)
        )
        return queryset.filter(late) if value else queryset.exclude(late)


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)
    internal = forms.BooleanField(label=_("Ghi chú nội bộ (doanh nghiệp không thấy)"), required=False)
    wait = forms.BooleanField(label=_("Chờ doanh nghiệp phản hồi"), required=False)
    attachments = AttachmentsField(label=_("Tệp đính kèm"))


class AssignForm(forms.Form):
    consultant = forms.ModelChoiceField(label=_("Chuyên gia"), queryset=Consultant.objects.none())

    def __init__(self, *args, suggestions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consultant"].queryset = Consultant.objects.filter(status="approved")
        suggested = [s.consultant.pk for s in suggestions]
        if suggested:
            self.initial.setdefault("consultant", suggested[0])


class RefuseForm(forms.Form):
    reason = forms.CharField(label=_("Lý do từ chối"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


class OwnProfileForm(forms.ModelForm):
    """What a consultant may change on their own profile (reviewed before it goes public)."""

    pillars = forms.MultipleChoiceField(label=_("Chuyên môn theo trụ cột DBI"), required=False)
    languages = forms.MultipleChoiceField(
        label=_("Ngôn ngữ"), required=False, choices=LANGUAGES, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Consultant
        fields = [
            "honorific",
            "job_title",
            "biography",
            "certifications",
            "availability",
            "capacity",
            "languages",
            "topics",
            "sectors",
        ]
        widgets = {"topics": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pillars"] = _pillar_field()
        from enterprises.models import Sector

        self.fields["sectors"].queryset = Sector.objects.filter(level=1)
        self.fields["sectors"].widget = forms.CheckboxSelectMultiple(choices=self.fields["sectors"].choices)
        self.fields["sectors"].required = False
        self.fields["topics"].required = False
        if self.instance.pk:
            pending = self.instance.pending_changes or {}
            self.initial["pillars"] = pending.get(
                "pillars", list(self.instance.pillars.values_list("pillar_code", flat=True))
            )
            for name in (
                "honorific",
                "job_title",
                "biography",
                "certifications",
                "availability",
                "capacity",
                "languages",
                "topics",
                "sectors",
            ):
                if name in pending:
                    self.initial[name] = pending[name]

    def changes(self):
        data = self.cleaned_data
        out = {
            name: data[name]
            for name in (
                "honorific",
                "job_title",
                "biography",
                "certifications",
                "availability",
                "capacity",
                "languages",
            )
        }
        out["topics"] = [t.pk for t in data["topics"]]
        out["sectors"] = [s.pk for s in data["sectors"]]
        out["pillars"] = list(data["pillars"])
        return out
