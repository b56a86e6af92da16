"""Filters of the admin submissions list (shared by the list, the exports and the distributions)."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from enterprises import services as registry
from enterprises.models import AdministrativeUnit, Enterprise, Sector

from .models import Framework, Submission

LEVEL_CHOICES = [(n, str(n)) for n in range(6)]


def _year_choices():
    years = Submission.objects.order_by("-year").values_list("year", flat=True).distinct()
    return [(y, str(y)) for y in years]


class SubmissionFilterSet(WagtailFilterSet):
    year = django_filters.TypedChoiceFilter(label=_("Năm"), choices=_year_choices, coerce=int)
    framework = django_filters.ModelChoiceFilter(label=_("Bộ chỉ số"), queryset=Framework.objects.all())
    level = django_filters.TypedChoiceFilter(label=_("Mức"), choices=LEVEL_CHOICES, coerce=int)
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=Submission.Status.choices)
    verified = django_filters.BooleanFilter(label=_("Đã thẩm định"), method="filter_verified")
    sector = django_filters.ModelChoiceFilter(
        label=_("Ngành"), field_name="enterprise__sector", queryset=Sector.objects.filter(level=1)
    )
    area = django_filters.ModelChoiceFilter(
        label=_("Địa bàn"),
        field_name="enterprise__area",
        # The site's province only (settings.PROVINCE_CODE; units, issue 20).
        queryset=lambda request: registry.province_units().filter(level=AdministrativeUnit.Level.DISTRICT),
    )
    size = django_filters.ChoiceFilter(
        label=_("Quy mô"), field_name="enterprise__size_class", choices=Enterprise.SizeClass.choices
    )

    class Meta:
        model = Submission
        fields = []

    def filter_verified(self, queryset, name, value):
        if value is None:
            return queryset
        if value:
            return queryset.filter(status=Submission.Status.VERIFIED)
        return queryset.exclude(status=Submission.Status.VERIFIED)
