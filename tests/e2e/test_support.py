"""The support desk on a 360 px phone: from a DBI result, ask for support on the weakest
pillar → the coordinator assigns the suggested consultant → the consultant answers → the
enterprise replies → the consultant resolves → the enterprise rates. axe on every page."""

import re

import pytest

from .axe import assert_accessible
from .conftest import PHONE

PASSWORD = "matkhau-thu-nghiem"  # noqa: S105 (UserFactory sets no password; these users get this one)


class Quiet:
    def write(self, *args, **kwargs):
        pass


@pytest.fixture
def journey(live_site):
    from accounts.factories import UserFactory
    from assessment_forms.demo import build_page
    from assessment_forms.factories import VerifiedSubmissionFactory, load_dbi_1970
    from assessment_forms.services import weakest_pillars
    from assessment_forms.views import resume_url
    from enterprises.factories import AdministrativeUnitFactory, EnterpriseFactory
    from support.factories import ConsultantFactory, topic

    load_dbi_1970()
    page = build_page(Quiet())
    district = AdministrativeUnitFactory(code="E2E-660", name="Huyện Đắk Mil", level="district")
    enterprise = EnterpriseFactory(name="Công ty TNHH Cà phê Nâm Nung", area=district)
    submission = VerifiedSubmissionFactory(
        enterprise=enterprise, seed=11, target_level=2, respondent_email="lan@namnung.vn"
    )
    weakest = weakest_pillars(submission)[0]
    shop = topic("thuong-mai-dien-tu")
    coordinator = UserFactory(username="dieuphoi", password=PASSWORD, roles=["support_coordinator"])
    consultant = ConsultantFactory(
        name="Hoàng Minh Đức",
        slug="hoang-minh-duc",
        user=UserFactory(username="chuyengia", password=PASSWORD, roles=["consultant"]),
        topics=[shop],
        pillars=[weakest],
        areas=[district],
    )
    ConsultantFactory(name="Người Ở Xa", slug="nguoi-o-xa", pillars=[weakest])
    return {
        "result_url": live_site.url + resume_url(page, submission, "result"),
        "weakest": weakest,
        "coordinator": coordinator,
        "consultant": consultant,
        "topic": shop,
        "base": live_site.url,
    }


def login(page, base, username):
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r".*/admin/$"))


def test_from_a_dbi_result_to_a_rated_answer_on_a_phone(journey, phone_page, browser):
    page = phone_page
    page.goto(journey["result_url"])
    section = page.locator(".support-next-steps")
    assert "Hoàng Minh Đức" in section.inner_text() and "Người Ở Xa" not in section.inner_text()
    assert_accessible(page)
    section.get_by_role("link", name=re.compile("Yêu cầu hỗ trợ về trụ cột này")).first.click()

    page.wait_for_url("**/ho-tro/yeu-cau/?*")
    assert page.get_by_label("Mã số thuế của doanh nghiệp").input_value()
    assert page.locator(f'input[name=pillars][value="{journey["weakest"]}"]').is_checked()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)
    page.get_by_label("Họ và tên người liên hệ").fill("Y Lan Niê")
    page.get_by_label("Chủ đề cần hỗ trợ").select_option(str(journey["topic"].pk))
    page.get_by_label("Nội dung cần hỗ trợ").fill("Chúng tôi muốn bán cà phê trên sàn thương mại điện tử.")
    page.get_by_label("Họp trực tuyến").check()
    page.locator("input[name=consent]").check()
    page.wait_for_timeout(3200)  # the spam guard wants people, not bots
    page.get_by_role("button", name="Gửi yêu cầu").click()
    page.wait_for_url("**/ho-tro/yeu-cau/*/")
    status_url = page.url
    assert "Mới" in page.locator("[data-status]").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)

    from support.models import SupportRequest

    req = SupportRequest.objects.get()
    manage_url = journey["base"] + f"/admin/support/requests/{req.pk}/manage/"

    staff = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="vi-VN")
    admin = staff.new_page()
    login(admin, journey["base"], "dieuphoi")
    admin.goto(manage_url)
    assert "Hoàng Minh Đức" in admin.locator(".support-suggestion").first.inner_text()
    assert_accessible(admin)
    admin.get_by_role("button", name="Phân công", exact=True).click()
    admin.wait_for_url(manage_url)
    assert "Đã phân công" in admin.locator("[data-status]").inner_text()
    staff.close()

    expert = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="vi-VN")
    admin = expert.new_page()
    login(admin, journey["base"], "chuyengia")
    admin.goto(journey["base"] + "/admin/support/requests/")
    assert req.reference in admin.content()
    admin.goto(manage_url)
    assert_accessible(admin)
    admin.get_by_label("Nội dung").fill("Chào chị, em gửi hướng dẫn mở gian hàng. Chị cho biết sản phẩm chính?")
    admin.get_by_role("button", name="Gửi", exact=True).click()
    admin.wait_for_url(manage_url)

    page.goto(status_url)
    assert "Chào chị, em gửi hướng dẫn mở gian hàng" in page.content()
    page.get_by_label("Nội dung trao đổi").fill("Sản phẩm chính là cà phê rang xay.")
    page.get_by_role("button", name="Gửi trao đổi").click()
    page.wait_for_url(status_url)
    assert "cà phê rang xay" in page.content()
    assert_accessible(page)

    admin.goto(manage_url)
    assert "cà phê rang xay" in admin.content()
    admin.get_by_role("button", name="Đánh dấu đã giải quyết").click()
    admin.wait_for_url(manage_url)
    expert.close()

    page.goto(status_url)
    assert "Đã giải quyết" in page.locator("[data-status]").inner_text()
    assert_accessible(page)
    page.locator('input[name=rating][value="5"]').check()
    page.get_by_label("Nhận xét").fill("Rất nhiệt tình.")
    page.get_by_role("button", name="Gửi đánh giá").click()
    page.wait_for_url(status_url)
    assert "Bạn đã đánh giá 5/5" in page.content()
    assert_accessible(page)
    req.refresh_from_db()
    assert (req.status, req.rating, req.consultant.name) == ("resolved", 5, "Hoàng Minh Đức")
