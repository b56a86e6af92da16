"""Browser test (issue 13): the pages that refuse a link or a flood of posts are clear,
accessible and fit a 360 px phone."""

import pytest
from django.test import override_settings

from .axe import assert_accessible


@pytest.fixture
def event(live_site):
    from events.factories import EventIndexPageFactory, EventPageFactory
    from home.models import HomePage

    home = HomePage.objects.get(depth=2, locale__language_code="vi")
    index = EventIndexPageFactory(parent=home)
    return EventPageFactory(parent=index, title="Tập huấn tự đánh giá DBI", capacity=10)


def test_revoked_link_and_rate_limit_pages_on_a_phone(live_site, phone_page, event):
    from events import services
    from events.factories import RegistrationFactory

    page = phone_page
    registration = RegistrationFactory(event=event)
    old = services.manage_url(registration)
    page.goto(live_site.url + old)
    page.get_by_role("button", name="Gửi cho tôi đường dẫn mới").click()
    page.get_by_role("heading", name="Đã gửi đường dẫn mới").wait_for()
    assert_accessible(page)

    response = page.goto(live_site.url + old)
    assert response.status == 410
    assert page.get_by_role("heading", name="Đường dẫn đã bị thu hồi").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)

    with override_settings(RATE_LIMITS={"certificate": {"ip": "1/h"}}):
        page.goto(live_site.url + "/ton-vinh/chung-nhan/KHONG-CO/")
        response = page.goto(live_site.url + "/ton-vinh/chung-nhan/KHONG-CO/")
    assert response.status == 429
    assert page.get_by_role("heading", name="Quá nhiều yêu cầu").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)
