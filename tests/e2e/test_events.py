"""Browser tests: register for an event on a phone and cancel through the e-mailed link; the
event page comes from the page cache and its script fetches the form's tokens (issue 21.2);
without JavaScript the registration page of its own works."""

import re

import pytest
from django.core import mail

from .axe import assert_accessible

TOKENS = ("csrfmiddlewaretoken", "started", "submission_key")


@pytest.fixture
def event(live_site, monkeypatch, settings):
    from events.factories import EventIndexPageFactory, EventPageFactory
    from home.models import HomePage

    # A person in a test types faster than the anti-bot minimum.
    monkeypatch.setattr("core.spam.HumanCheckForm.min_fill_seconds", 0)
    settings.PAGE_CACHE_SECONDS = 600  # as in production: the event page is shared
    home = HomePage.objects.get(depth=2, locale__language_code="vi")
    index = EventIndexPageFactory(parent=home)
    return EventPageFactory(parent=index, title="Tập huấn tự đánh giá DBI", capacity=10)


def test_register_on_phone_and_cancel_by_emailed_link(live_site, phone_page, event):
    from enterprises.factories import random_tax_code
    from events.models import Registration

    page = phone_page
    event_url = event.url
    page.goto(live_site.url + event.get_parent().url)
    assert page.get_by_role("link", name="Tập huấn tự đánh giá DBI").count() == 1
    assert_accessible(page)

    page.goto(live_site.url + event_url)  # stores the page in the cache
    response = page.goto(live_site.url + event_url)
    assert response.headers["x-page-cache"] == "hit"
    served = response.text()
    for name in TOKENS:  # the shared page holds none of a visitor's tokens
        tags = [tag for tag in re.findall(r"<input[^>]*>", served) if f'name="{name}"' in tag]
        assert tags and not any(re.search(r'value="[^"]', tag) for tag in tags), name
    # The script fetched this visitor's tokens, filled them in and showed the form.
    form = page.locator("#registration-form")
    form.wait_for(state="visible")
    assert page.locator("#registration-fallback").is_hidden()
    for name in TOKENS:
        assert form.locator(f'input[name="{name}"]').input_value(), name
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
    with page.expect_request(lambda request: request.method == "POST") as posted:
        page.get_by_role("button", name="Đăng ký").click()
    assert posted.value.url == live_site.url + f"/events/{event.pk}/register/"  # the plain view, no page routing
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


def test_register_without_javascript(live_site, browser, event):
    from enterprises.factories import random_tax_code
    from events.models import Registration

    event_url = event.url
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN", java_script_enabled=False)
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        page.goto(live_site.url + event_url)
        assert page.locator("#registration-form").is_hidden()
        page.get_by_role("link", name="Mở biểu mẫu đăng ký").click()
        page.wait_for_url(re.compile(r"/register/$"))  # (axe needs JavaScript: not checked here)
        page.get_by_label("Mã số thuế doanh nghiệp").fill(random_tax_code())
        page.get_by_label("Tên doanh nghiệp").fill("Công ty TNHH Hồ tiêu Chư Sê")
        page.get_by_label("Họ và tên người tham dự").fill("Trần Văn Nam")
        page.get_by_label("Thư điện tử").fill("nam@hotieu.vn")
        page.get_by_label("Số điện thoại").fill("0987654321")
        page.get_by_label(re.compile("Tôi đồng ý")).check()
        page.get_by_role("button", name="Đăng ký").click()
        page.wait_for_url(re.compile(r"/events/registration/"))
        assert Registration.objects.get(email="nam@hotieu.vn").status == Registration.Status.CONFIRMED
    finally:
        context.close()
