"""Hardening: login lockout (django-axes) on the admin and the public login, the
Content-Security-Policy, X-Forwarded-Proto trusted only when configured, demo passwords."""

import os
import subprocess
import sys

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.factories import UserFactory

pytestmark = pytest.mark.django_db
GOOD = "Ca-phe-Dak-Mil-2025"


@pytest.fixture
def limit(settings):
    settings.AXES_FAILURE_LIMIT = 3
    return 3


def test_admin_login_locks_out_after_the_configured_failures(client, limit):
    UserFactory(username="bientap", password=GOOD, roles=["programme_editor"])
    for _ in range(limit - 1):
        response = client.post("/admin/login/", {"username": "bientap", "password": "sai-mat-khau"})
        assert response.status_code == 200
    response = client.post("/admin/login/", {"username": "bientap", "password": "sai-mat-khau"})
    assert response.status_code == 429
    # Locked: even the right password is refused, with a clear Vietnamese message.
    response = client.post("/admin/login/", {"username": "bientap", "password": GOOD})
    assert response.status_code == 429
    page = response.content.decode()
    assert "Tạm khóa đăng nhập" in page and "30 phút" in page
    assert "_auth_user_id" not in client.session


def test_public_login_locks_out_too(client, limit):
    user = UserFactory(username="an@caphe.vn", email="an@caphe.vn", password=GOOD)
    EmailAddress.objects.create(user=user, email="an@caphe.vn", verified=True, primary=True)
    for _ in range(limit):
        client.post(reverse("account_login"), {"login": "an@caphe.vn", "password": "sai-mat-khau"})
    response = client.post(reverse("account_login"), {"login": "an@caphe.vn", "password": GOOD})
    assert response.status_code == 429
    assert "Tạm khóa đăng nhập" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_success_before_the_limit_resets_the_count(client, limit):
    UserFactory(username="bientap", password=GOOD, roles=["programme_editor"])
    for _ in range(limit - 1):
        client.post("/admin/login/", {"username": "bientap", "password": "sai-mat-khau"})
    assert client.post("/admin/login/", {"username": "bientap", "password": GOOD}).status_code == 302
    client.logout()
    for _ in range(limit - 1):
        client.post("/admin/login/", {"username": "bientap", "password": "sai-mat-khau"})
    assert client.post("/admin/login/", {"username": "bientap", "password": GOOD}).status_code == 302


def test_csp_on_public_pages_loads_nothing_from_outside(client):
    response = client.get(reverse("account_login"))
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"  # no inline script on the public site
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert "http" not in policy  # no outside host at all


def test_csp_in_the_admin_allows_what_wagtail_needs_and_nothing_outside(client):
    client.force_login(UserFactory(roles=["programme_editor"]))
    policy = client.get("/admin/")["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "http" not in policy


def _production_setting(name, **env):
    environment = {
        **{k: v for k, v in os.environ.items() if k not in ("TRUST_X_FORWARDED_PROTO", "DJANGO_SETTINGS_MODULE")},
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "dx.example.gov.vn",
        **env,
    }
    code = (
        "import django; django.setup(); from django.conf import settings; "
        f"print(repr(getattr(settings, {name!r}, None)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=environment, cwd=django_settings.BASE_DIR, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_x_forwarded_proto_is_trusted_only_when_configured():
    assert _production_setting("SECURE_PROXY_SSL_HEADER") == "None"
    assert _production_setting("SECURE_PROXY_SSL_HEADER", TRUST_X_FORWARDED_PROTO="true") == (
        "('HTTP_X_FORWARDED_PROTO', 'https')"
    )


def test_a_forged_forwarded_header_is_ignored_by_default(client):
    response = client.get(reverse("accounts:privacy"), HTTP_X_FORWARDED_PROTO="https")
    assert response.wsgi_request.is_secure() is False


def test_password_validators():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("123456", "Ngắn-1", "12345678901", "password123"):
        with pytest.raises(ValidationError):
            validate_password(weak)
    user = get_user_model()(username="hoa.tran", email="hoa.tran@caphe.vn")
    with pytest.raises(ValidationError):
        validate_password("hoa.tran@caphe", user=user)
    validate_password(GOOD)


def test_demo_accounts_get_random_passwords_printed_once(quiet):
    from accounts.demo import build
    from accounts.roles import sync_roles

    sync_roles()  # the groups, even after a transactional test flushed them

    jurors = [UserFactory(username=f"giamkhao{n}", roles=["honours_committee"]) for n in range(3)]
    outsider = UserFactory(username="khach")
    assert not any(user.has_usable_password() for user in jurors)  # the factory writes none
    build(quiet)
    printed = [line for line in quiet.lines if "giamkhao" in line]
    assert len(printed) == 3
    passwords = {line.split(" / ")[1].split()[0] for line in printed}
    assert len(passwords) == 3  # all different
    for user in jurors:
        user.refresh_from_db()
        assert any(user.check_password(p) for p in passwords)
    outsider.refresh_from_db()
    assert not outsider.has_usable_password()
    quiet.lines.clear()
    build(quiet)
    assert not any("giamkhao" in line for line in quiet.lines)  # shown only once


def test_no_shared_password_in_the_demo_code():
    from pathlib import Path

    for path in Path(django_settings.BASE_DIR).glob("*/demo.py"):
        assert "password=" not in path.read_text(), path
    assert "matkhau" not in (Path(django_settings.BASE_DIR) / "accounts" / "factories.py").read_text()
