"""The public pages of the registry in a browser: accessible, usable at 360 px."""

from .axe import assert_accessible


def test_registration_page_on_a_phone(live_site, phone_page):
    from allauth.account.models import EmailAddress

    from accounts.factories import UserFactory

    user = UserFactory(username="an@caphe.vn", email="an@caphe.vn", password="Ca-phe-Dak-Mil-2025")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    # Claiming an enterprise needs an account: the page sends visitors to the login first.
    phone_page.goto(live_site.url + "/doanh-nghiep/dang-ky/")
    assert "/tai-khoan/login/" in phone_page.url
    phone_page.fill("#id_login", "an@caphe.vn")
    phone_page.fill("#id_password", "Ca-phe-Dak-Mil-2025")
    phone_page.get_by_role("button", name="Đăng nhập").click()
    phone_page.wait_for_url("**/doanh-nghiep/dang-ky/")
    assert phone_page.locator("h1").inner_text() == "Đăng ký quản lý hồ sơ doanh nghiệp"
    assert phone_page.get_by_label("Mã số thuế của doanh nghiệp").count() == 1
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(phone_page)


def test_invitation_page(live_site, page):
    from enterprises.factories import EnterpriseFactory, EnterpriseMembershipFactory
    from enterprises.services import invitation_token

    membership = EnterpriseMembershipFactory(
        enterprise=EnterpriseFactory(name="Công ty TNHH Cà phê Đắk Mil"), email="moi@caphe.vn", status="invited"
    )
    page.goto(live_site.url + f"/doanh-nghiep/loi-moi/{invitation_token(membership)}/")
    assert "Công ty TNHH Cà phê Đắk Mil" in page.locator("main").inner_text()
    assert page.get_by_label("Họ và tên").count() == 1
    assert_accessible(page)
