"""The owner's way in, on a 360 px phone: sign up → confirm the e-mail → claim the enterprise
→ a programme editor verifies the claim in the admin → the owner sees the enterprise's
assessments with their history and its registrations → downloads their data → logs out.
Every account page has zero axe violations and no Content-Security-Policy violation."""

import json
import re
from pathlib import Path

import pytest
from django.core import mail

from .axe import assert_accessible
from .conftest import open_menu

PASSWORD = "Ca-phe-Dak-Mil-2025"
EDITOR_PASSWORD = "Bien-tap-chuong-trinh-2025"


@pytest.fixture
def owner_site(live_site):
    from accounts.factories import UserFactory
    from assessment_forms.factories import SubmissionFactory, VerifiedSubmissionFactory
    from enterprises.factories import EnterpriseFactory
    from events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
    from home.models import HomePage

    home = HomePage.objects.get(depth=2, locale__language_code="vi")
    enterprise = EnterpriseFactory(name="Công ty TNHH Cà phê Đắk Mil", tax_code="0100107518", email="")
    VerifiedSubmissionFactory(enterprise=enterprise, year=2024, seed=1)
    SubmissionFactory(enterprise=enterprise, year=2025, seed=2)
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home), title="Tập huấn bán hàng trực tuyến")
    RegistrationFactory(event=event, enterprise=enterprise, attendee_name="Trần Thị Hoa")
    UserFactory(username="bientap", password=EDITOR_PASSWORD, roles=["programme_editor"])
    return {"server": live_site, "enterprise": enterprise}


def watch_csp(page):
    """Collect Content-Security-Policy violations the browser reports."""
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    return violations


def fits_the_phone(page):
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")


def test_owner_journey_on_a_phone(owner_site, phone_page, browser):
    base = owner_site["server"].url
    page = phone_page
    csp = watch_csp(page)

    # Sign up: the header offers "Đăng nhập"; the login page links to sign-up.
    page.goto(base + "/")
    open_menu(page)
    page.get_by_role("link", name="Đăng nhập").click()
    page.get_by_role("link", name="Đăng ký tài khoản").click()
    assert page.locator("h1").inner_text() == "Đăng ký tài khoản"
    assert_accessible(page)
    fits_the_phone(page)
    page.fill("#id_email", "giamdoc@caphe.vn")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.check("#id_consent")
    page.get_by_role("button", name="Đăng ký").click()
    page.wait_for_url("**/tai-khoan/confirm-email/")
    assert_accessible(page)

    # Confirm the e-mail with the signed link from the message.
    message = next(m for m in mail.outbox if m.to == ["giamdoc@caphe.vn"])
    link = re.search(r"https?://\S+", message.body).group(0)
    page.goto(base + "/" + link.split("://", 1)[1].split("/", 1)[1])
    assert_accessible(page)
    page.get_by_role("button", name="Xác nhận").click()
    page.wait_for_url("**/tai-khoan/")
    assert page.locator("h1").inner_text() == "Tài khoản của bạn"

    # Claim the enterprise by its tax code.
    page.get_by_role("link", name="Đăng ký quản lý một doanh nghiệp").click()
    assert_accessible(page)
    fits_the_phone(page)
    page.get_by_label("Mã số thuế của doanh nghiệp").fill("0100 107 518")
    page.get_by_label("Chức vụ").fill("Giám đốc")
    page.wait_for_timeout(3200)  # the spam guard wants a person's pace
    page.get_by_role("button", name="Gửi yêu cầu").click()
    page.wait_for_url(re.compile(r"/tai-khoan/#doanh-nghiep$"))
    main = page.locator("main").inner_text()
    assert "Chờ xác minh" in main and "DBI 2024" not in main  # nothing of its data before verification

    # A programme editor verifies the claim in the admin.
    from enterprises.models import EnterpriseMembership

    membership = EnterpriseMembership.objects.get(email="giamdoc@caphe.vn")
    editor_context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    editor_context.set_default_timeout(20_000)
    editor = editor_context.new_page()
    editor_csp = watch_csp(editor)
    editor.goto(base + "/admin/login/")
    editor.fill("#id_username", "bientap")
    editor.fill("#id_password", EDITOR_PASSWORD)
    editor.click("button[type=submit]")
    editor.wait_for_url(base + "/admin/")
    editor.goto(f"{base}/admin/snippets/enterprises/enterprisemembership/edit/{membership.pk}/")
    editor.select_option("#id_status", "active")
    editor.locator("footer button[type=submit]").first.click()
    editor.wait_for_url(f"{base}/admin/snippets/enterprises/enterprisemembership/")
    editor_context.close()
    membership.refresh_from_db()
    assert membership.status == "active"
    assert not editor_csp, "\n".join(editor_csp)

    # The owner now sees the assessments with their history and the registrations.
    page.reload()
    main = page.locator("main").inner_text()
    assert "Công ty TNHH Cà phê Đắk Mil" in main
    assert "DBI 2024" in main and "DBI 2025" in main
    assert "Tập huấn bán hàng trực tuyến" in main and "Trần Thị Hoa" in main
    assert_accessible(page)
    fits_the_phone(page)

    # Download my data.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Tải về dữ liệu của tôi (JSON)").click()
    data = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    assert data["account"]["email"] == "giamdoc@caphe.vn"
    assert data["enterprises"]["memberships"][0]["tax_code"] == "0100107518"

    # Log out from the header's account menu.
    open_menu(page)
    page.get_by_role("button", name="Tài khoản").click()
    page.locator(".account-menu").get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url(base + "/")
    page.goto(base + "/tai-khoan/")
    assert "/tai-khoan/login/" in page.url
    assert_accessible(page)
    assert not csp, "\n".join(csp)
