"""Public accounts (allauth): sign up with a verified e-mail, log in and out, passwords,
no account enumeration, the header's account menu, and the admin kept for staff."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from accounts.factories import UserFactory

from .conftest import link_in

pytestmark = pytest.mark.django_db
User = get_user_model()
GOOD = "Ca-phe-Dak-Mil-2025"


def signup(client, email, password=GOOD):
    data = {"email": email, "password1": password, "password2": password, "consent": "on"}
    return client.post(reverse("account_signup"), data)


def verified_user(email="an@caphe.vn", password=GOOD, **extra):
    user = UserFactory(username=email, email=email, password=password, **extra)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def test_signup_verifies_the_email_with_a_signed_link(client, mails):
    page = client.get(reverse("account_signup"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Đăng ký tài khoản" in html and "Thư điện tử" in html and "Nhập lại mật khẩu" in html
    assert reverse("accounts:privacy") in html  # the privacy notice is linked from the form

    with mails():
        response = signup(client, "an@caphe.vn")
    assert response.status_code == 302
    user = User.objects.get(email="an@caphe.vn")
    assert not EmailAddress.objects.get(user=user).verified
    # Not verified yet: the account page is closed.
    assert client.get(reverse("accounts:home")).status_code == 302

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["an@caphe.vn"] and message.subject == "Xác nhận đăng ký tài khoản"
    path = link_in(message)
    # The key is signed (HMAC), not a database row: a changed key is refused.
    assert client.get(path[:-3] + "xx/").context["confirmation"] is None
    assert client.get(path).status_code == 200
    response = client.post(path)
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    assert client.get(reverse("accounts:home")).status_code == 200


def test_the_confirmation_link_expires(client, mails, settings):
    import time
    from unittest import mock

    with mails():
        signup(client, "hethan@caphe.vn")
    path = link_in(mail.outbox[0])
    later = time.time() + (settings.ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS + 1) * 86400
    with mock.patch("django.core.signing.time.time", return_value=later):
        assert client.get(path).context["confirmation"] is None
        client.post(path)
    assert not EmailAddress.objects.get(email="hethan@caphe.vn").verified


def test_signup_needs_explicit_consent(client):
    data = {"email": "an@caphe.vn", "password1": GOOD, "password2": GOOD}
    response = client.post(reverse("account_signup"), data)
    assert response.status_code == 200 and not User.objects.exists()
    assert "Cần đồng ý với thông báo về xử lý dữ liệu cá nhân" in response.content.decode()


@pytest.mark.parametrize("password", ["123456", "12345678901234", "password123", "hethan@caphe"])
def test_weak_passwords_are_refused(client, password):
    response = signup(client, "hethan@caphe.vn", password)
    assert response.status_code == 200
    assert not User.objects.filter(email="hethan@caphe.vn").exists()
    assert response.context["form"].errors["password1"]


def test_signup_does_not_tell_whether_an_email_has_an_account(client, mails):
    verified_user("co@caphe.vn")
    with mails():
        taken = signup(client, "co@caphe.vn")
        fresh = signup(client, "moi@caphe.vn")
    assert taken.status_code == fresh.status_code == 302
    assert taken["Location"] == fresh["Location"]
    assert User.objects.filter(email__iexact="co@caphe.vn").count() == 1
    # The holder of the address is told, by e-mail only.
    to_existing = [m for m in mail.outbox if m.to == ["co@caphe.vn"]]
    assert len(to_existing) == 1 and "đã có tài khoản" in to_existing[0].body


def test_password_reset_does_not_tell_either(client, mails):
    verified_user("co@caphe.vn")
    with mails():
        known = client.post(reverse("account_reset_password"), {"email": "co@caphe.vn"})
        unknown = client.post(reverse("account_reset_password"), {"email": "khong@caphe.vn"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    page = client.get(known["Location"]).content.decode()
    assert "Nếu địa chỉ bạn nhập có tài khoản" in page


def test_password_reset_sets_a_new_password(client, mails):
    user = verified_user("quen@caphe.vn")
    with mails():
        client.post(reverse("account_reset_password"), {"email": "quen@caphe.vn"})
    path = link_in(mail.outbox[0])
    response = client.get(path)
    form_url = response["Location"] if response.status_code == 302 else path
    response = client.post(form_url, {"password1": "Mat-khau-moi-2026", "password2": "Mat-khau-moi-2026"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Mat-khau-moi-2026")


def test_login_header_menu_and_logout(client):
    verified_user("an@caphe.vn")
    home = client.get("/tai-khoan/login/").content.decode()
    assert "Đăng nhập" in home and "Quên mật khẩu?" in home
    response = client.post(reverse("account_login"), {"login": "an@caphe.vn", "password": GOOD})
    assert response.status_code == 302 and response["Location"] == reverse("accounts:home")
    page = client.get(reverse("accounts:home")).content.decode()
    assert 'id="account-menu-toggle"' in page
    for anchor in ("#doanh-nghiep", "#danh-gia", "#dang-ky", "#de-cu"):
        assert reverse("accounts:home") + anchor in page
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    page = client.get(reverse("account_login")).content.decode()
    assert 'id="account-menu-toggle"' not in page
    assert client.get(reverse("accounts:home")).status_code == 302


def test_wrong_password_message_is_vietnamese(client):
    verified_user("an@caphe.vn")
    response = client.post(reverse("account_login"), {"login": "an@caphe.vn", "password": "sai-mat-khau-roi"})
    assert response.status_code == 200
    assert "Thư điện tử hoặc mật khẩu không đúng." in response.content.decode()


def test_change_password(client):
    user = verified_user("an@caphe.vn")
    client.force_login(user)
    url = reverse("account_change_password")
    assert client.get(url).status_code == 200
    weak = client.post(url, {"oldpassword": GOOD, "password1": "1234567890", "password2": "1234567890"})
    assert weak.status_code == 200
    response = client.post(
        url, {"oldpassword": GOOD, "password1": "Mat-khau-moi-2026", "password2": "Mat-khau-moi-2026"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Mat-khau-moi-2026")


def test_english_pages(client):
    page = client.get("/en/tai-khoan/login/").content.decode()
    assert "Log in" in page and "Forgot your password?" in page
    assert "Đăng nhập" not in page.split("<main", 1)[1]


def test_a_non_staff_account_never_lands_in_the_admin(client):
    user = verified_user("an@caphe.vn")
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"] == reverse("accounts:home")
    page = client.get(response["Location"]).content.decode()
    assert "Trang quản trị chỉ dành cho cán bộ" in page
    assert client.get("/admin/pages/").status_code == 302


def test_staff_still_use_the_admin(client):
    client.force_login(UserFactory(roles=["journalist_newspaper"]))
    assert client.get("/admin/").status_code == 200


def test_the_admin_login_of_a_non_staff_account_ends_on_the_account_page(client):
    UserFactory(username="khach", email="khach@caphe.vn", password=GOOD)
    response = client.post("/admin/login/", {"username": "khach", "password": GOOD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("accounts:home")


def test_other_allauth_pages_use_the_site_frame(client):
    client.force_login(verified_user("an@caphe.vn"))
    page = client.get(reverse("account_email")).content.decode()
    assert 'class="skip-link"' in page and "account-fallback" in page  # base.html, the site's header
    assert reverse("accounts:privacy") in client.get(reverse("accounts:home")).content.decode()
