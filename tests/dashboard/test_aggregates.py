import statistics

import pytest
from django.db.models import F

from dashboard.aggregates import medians
from enterprises.factories import EnterpriseFactory, SectorFactory
from enterprises.models import Enterprise

pytestmark = pytest.mark.django_db


def test_medians_per_group_and_overall_match_python():
    sector = SectorFactory(code="C")
    values = {"small": [5, 1, 9, 3], "medium": [7, 2, 8], "micro": [4]}
    for size, employees in values.items():
        for count in employees:
            EnterpriseFactory(size_class=size, employees=count, sector=sector)
    queryset = Enterprise.objects.annotate(group=F("size_class"))
    found = medians(queryset, ["group"], "employees")
    assert found == {(size,): statistics.median(v) for size, v in values.items()}
    everything = [count for employees in values.values() for count in employees]
    assert medians(Enterprise.objects.all(), [], "employees") == {(): statistics.median(everything)}


def test_median_of_nothing_is_absent():
    assert medians(Enterprise.objects.all(), [], "employees").get(()) is None
