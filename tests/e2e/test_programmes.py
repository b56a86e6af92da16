"""The state-support journey on a phone: from a verified DBI result to eligible programmes, an
application with a catalogue solution, screening and approval in the admin, and the applicant
reading the decision and downloading the letter. Every public page passes axe."""

import datetime

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from .axe import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


def _login(context, base, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": base}])


def test_apply_for_support_and_read_the_decision(live_site, browser):
    from accounts.factories import UserFactory
    from assessment_forms.factories import VerifiedSubmissionFactory, load_dbi_1970
    from assessment_forms.models import Submission
    from enterprises.factories import EnterpriseFactory, EnterpriseMembershipFactory
    from market.factories import SolutionFactory
    from programmes.factories import ProgrammeFactory
    from programmes.models import Application

    base = live_site.url
    today = timezone.localdate()
    programme = ProgrammeFactory(
        name="Hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số",
        starts_on=today - datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=30),
    )
    SolutionFactory(name="Kế toán trực tuyến Đắk Mil")
    enterprise = EnterpriseFactory(name="Công ty TNHH Cà phê Đắk Mil", size_class="small")
    owner = UserFactory(email="giamdoc@caphe.vn")
    EnterpriseMembershipFactory(enterprise=enterprise, user=owner)
    result = VerifiedSubmissionFactory(enterprise=enterprise, framework=load_dbi_1970(), year=today.year)
    Submission.objects.filter(pk=result.pk).update(level=2)

    phone = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN", is_mobile=True)
    phone.set_default_timeout(20_000)
    _login(phone, base, owner)
    page = phone.new_page()
    page.goto(base + "/ho-tro-nha-nuoc/")
    assert_accessible(page)
    page.get_by_role("link", name=programme.name).click()
    assert "đủ điều kiện" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="Nộp hồ sơ").click()
    page.get_by_label("Mô tả nhu cầu và kết quả mong đợi").fill("Thuê phần mềm kế toán và hóa đơn điện tử.")
    page.get_by_label("Dự toán chi phí (đồng)").fill("40000000")
    page.get_by_label("Giải pháp trong danh mục").select_option(label="Kế toán trực tuyến Đắk Mil")
    page.get_by_label("Tôi đồng ý", exact=False).check()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)
    page.wait_for_timeout(3200)  # people take longer than the spam guard's minimum
    page.get_by_role("button", name="Nộp hồ sơ").click()
    application = Application.objects.get()
    page.wait_for_url(f"**/ho-tro-nha-nuoc/ho-so/{application.reference}/")
    assert "Đã tiếp nhận" in page.locator("main").inner_text()

    desk = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    desk.set_default_timeout(20_000)
    _login(desk, base, UserFactory(roles=["programme_editor"]))
    admin = desk.new_page()
    for step in ("Đang sàng lọc", "Đang thẩm định", "Được hỗ trợ"):
        admin.goto(f"{base}/admin/programmes/review/{application.pk}/")
        admin.get_by_label("Chuyển hồ sơ sang").select_option(label=step)
        admin.get_by_role("button", name="Chuyển bước").click()
        admin.wait_for_load_state()
    application.refresh_from_db()
    assert application.status == Application.Status.APPROVED and application.approved_amount == 20_000_000

    page.goto(f"{base}/ho-tro-nha-nuoc/ho-so/{application.reference}/")
    text = page.locator("main").inner_text()
    assert "Được hỗ trợ" in text and "20.000.000" in text
    assert_accessible(page)
    letter = page.request.get(f"{base}/ho-tro-nha-nuoc/ho-so/{application.reference}/quyet-dinh.pdf")
    assert letter.status == 200 and letter.body().startswith(b"%PDF")
    phone.close()
    desk.close()
