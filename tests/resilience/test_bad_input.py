"""Bad input is a 400 or a form error, never a 500 (issue 15.4)."""

import io
import time
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.factories import UserFactory
from core.spam import started_token
from core.uploads import UploadRefused, check_spreadsheet, purge_staged, stage, staging_storage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    ["/%00", "/tin-tuc/%00/", "/search/?q=%00", "/search/?q=a%01b", "/en/%0d%0a/", "/?page=%7f", "/admin/%00"],
)
def test_control_characters_in_urls_are_a_400(client, site_home, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "không hợp lệ" in response.content.decode()


def test_ordinary_vietnamese_urls_pass(client, site_home):
    assert client.get("/search/", {"q": "chuyển đổi số"}).status_code == 200


def test_an_overlong_form_key_is_a_form_error(client, site_home):
    from assessment_forms.factories import load_dbi_1970
    from assessment_forms.models import AssessmentPage

    load_dbi_1970()
    page = AssessmentPage(title="Tự đánh giá DBI", slug="tu-danh-gia", min_fill_seconds=0)
    site_home.add_child(instance=page)
    page.save_revision().publish()
    response = client.post(
        page.url,
        {
            "tax_code": "0101234567",
            "respondent_name": "Lê Hoa",
            "respondent_email": "a" * 140 + "@example.vn",
            "enterprise_name": "x" * 300,
            "form_key": "k" * 500,
            "website": "",
            "started": started_token(30),
        },
    )
    assert response.status_code == 200  # the form again, with its errors
    form = response.context["form"]
    assert {"form_key", "respondent_email", "enterprise_name"} <= set(form.errors)


def test_an_overlong_email_at_registration_is_a_form_error(client, site_home):
    # The address is given when the account is made (allauth's sign-up; the enterprise claim
    # needs a signed-in account). The form took 320 characters; the account holds 254.
    response = client.post(
        reverse("account_signup"),
        {
            "email": "b" * 300 + "@example.vn",
            "password1": "mật-khẩu-dài-1234",
            "password2": "mật-khẩu-dài-1234",
            "consent": "on",
        },
    )
    assert response.status_code == 200
    assert "email" in response.context["form"].errors


def xlsx_bomb(uncompressed=200 * 1024 * 1024):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            chunk = b"0" * (1024 * 1024)
            for _ in range(uncompressed // len(chunk)):
                member.write(chunk)
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_fast_in_bounded_memory():
    data = xlsx_bomb()
    assert len(data) < 1024 * 1024  # a few hundred KB that unzip to 200 MB
    upload = SimpleUploadedFile("ds.xlsx", data)
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(UploadRefused, match="giải nén"):
        check_spreadsheet(upload, "ds.xlsx")
    elapsed = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 1.0 and peak < 10 * 1024 * 1024


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"ma_so_thue,ten\n0101234567,A\x00B\n", "NUL"),
        (b"ma_so_thue,ten\n0101234567," + b"x" * (129 * 1024) + b"\n", "KB"),
        (b"ma_so_thue,ten\n" + b"0101234567,A\n" * 30, "dòng"),
    ],
)
def test_csv_limits_before_parsing(settings, content, message):
    settings.IMPORT_MAX_ROWS = 20
    with pytest.raises(UploadRefused, match=message):
        check_spreadsheet(SimpleUploadedFile("ds.csv", content), "ds.csv")


def test_the_registry_import_refuses_a_bomb_with_a_form_error(client):
    client.force_login(UserFactory(roles=["programme_editor"]))
    upload = SimpleUploadedFile("ds.xlsx", xlsx_bomb(), content_type="application/octet-stream")
    response = client.post(reverse("enterprises_import"), {"file": upload})
    assert response.status_code == 200
    assert "giải nén" in response.content.decode()


def test_staged_imports_are_private_and_purged_after_a_day(settings, tmp_path):
    import os

    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    name = stage("enterprise-imports", SimpleUploadedFile("ds.csv", b"a,b\n"), "ds.csv")
    path = staging_storage("enterprise-imports").path(name)
    assert str(path).startswith(str(tmp_path / "private")) and not str(path).startswith(str(settings.MEDIA_ROOT))
    assert purge_staged() == 0
    old = time.time() - 25 * 3600
    os.utime(path, (old, old))
    assert purge_staged() == 1 and not os.path.exists(path)


@pytest.mark.parametrize("value", ["9223372036854799999", "²", "١٢"])
def test_rankings_ignore_numbers_no_database_can_hold(client, site_home, value):
    """Found by the hypothesis test: a huge `area` was an OverflowError (500)."""
    from honors.factories import make_rankings_page

    page = make_rankings_page(site_home)
    for suffix in ("", "csv/", "json/"):
        assert client.get(page.url + suffix, {"area": value, "sector": value, "year": value}).status_code < 500
