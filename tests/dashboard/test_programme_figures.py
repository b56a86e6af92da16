"""The dashboard's section on the plan's support work: the support desk, state support and the
supply–demand board, in Vietnamese formats, with groups under five hidden."""

import pytest
from django.template.loader import render_to_string

from dashboard.views import programme_figures
from enterprises.factories import EnterpriseFactory
from market.factories import PostFactory
from programmes.factories import ApplicationFactory, ProgrammeFactory
from programmes.models import Application

pytestmark = pytest.mark.django_db


def test_state_support_money_and_small_groups():
    big = ProgrammeFactory(name="Chương trình lớn")
    small = ProgrammeFactory(name="Chương trình nhỏ")
    for _ in range(5):
        ApplicationFactory(
            programme=big, status=Application.Status.PAID, approved_amount=3_000_000, paid_amount=3_000_000
        )
    ApplicationFactory(programme=small, status=Application.Status.APPROVED, approved_amount=1_500_000)
    PostFactory(enterprise=EnterpriseFactory())
    year = Application.objects.first().created_at.year
    figures = programme_figures(year)
    rows = {row["programme__name"]: row for row in figures["state"]["by_programme"]}
    assert rows["Chương trình lớn"]["applications"] == 5
    assert rows["Chương trình nhỏ"]["applications"] is None  # one application: hidden
    html = render_to_string("dashboard/includes/programme_figures.html", {"f": figures})
    assert "16.500.000" in html  # committed: 5 × 3.000.000 + 1.500.000, in Vietnamese digits
    assert "15.000.000" in html  # paid
    assert "dưới 5 hồ sơ" in html
    assert "1 / 0" in html  # one offer, no demand
