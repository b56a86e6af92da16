"""Browser test: register for an event on a phone and cancel through the e-mailed link."""

import re

import pytest
from django.core import mail

from .axe import assert_accessible


@pytest.fixture
def event(live_site, monkeypatch):
    from events.factories import EventIndexPageFactory, EventPageFactory
    from home.models import HomePage

    # A person in a test types faster than the anti-bot minimum.
    monkeypatch.setattr("core.spam.HumanCheckForm.min_fill_seconds", 0)
    home = HomePage.objects.get(depth=2, locale__language_code="vi")
    index = EventIndexPageFactory(parent=home)
    return EventPageFactory(parent=index, title="Tập huấn tự đánh giá DBI", capacity=10)


def test_register_on_phone_and_cancel_by_emailed_link(live_site, phone_page, event):
    from enterprises.factories import random_tax_code
    from events.models import Registration

    page = phone_page
    page.goto(live_site.url + event.get_parent().url)
    assert page.get_by_role("link", name="Tập huấn tự đánh giá DBI").count() == 1
    assert_accessible(page)

    page.goto(live_site.url + event.url)
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.get_by_label("Mã số thuế doanh nghiệp").fill(random_tax_code())
    page.get_by_label("Tên doanh nghiệp").fill("Công ty TNHH Cà phê Đắk Mil Xanh")
    page.get_by_label("Họ và tên người tham dự").fill("Nguyễn Thị Hoa")
    page.get_by_label("Chức vụ").fill("Giám đốc")
    page.get_by_label("Thư điện tử").fill("hoa@caphe-dakmil.vn")
    page.get_by_label("Số điện thoại").fill("0912345678")
    page.get_by_label("Số người tham dự").fill("2")
    page.get_by_label(re.compile("Tôi đồng ý")).check()
    page.get_by_role("button", name="Đăng ký").click()
    page.wait_for_url(re.compile(r"/events/registration/"))
    assert "Đã xác nhận" in page.locator(".registration-status").inner_text()
    assert_accessible(page)

    registration = Registration.objects.get(email="hoa@caphe-dakmil.vn")
    assert registration.status == Registration.Status.CONFIRMED and registration.seats == 2
    message = mail.outbox[-1]
    assert message.to == ["hoa@caphe-dakmil.vn"]
    link = re.search(r"https?://\S+/events/registration/\S+/", message.body).group(0)
    path = re.sub(r"^https?://[^/]+", "", link)

    page.goto(live_site.url + path)
    page.get_by_role("button", name="Hủy đăng ký").click()
    page.wait_for_load_state()
    assert "Đã hủy" in page.locator(".registration-status").inner_text()
    assert_accessible(page)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED
