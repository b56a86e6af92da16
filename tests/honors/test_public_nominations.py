"""Issue 13: every nominator keeps their own record and a private receipt; evidence is private,
typed by content and served only to those with rights; the form is single use and rate limited."""

import importlib
import io
import re
import zipfile
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.factories import UserFactory
from core.spam import started_token
from enterprises.models import Enterprise
from enterprises.validators import make_tax_code
from honors.factories import CategoryFactory
from honors.models import ConflictDeclaration, Nomination, NominationEvidence, PublicNomination
from honors.services import can_view_evidence

pytestmark = pytest.mark.django_db

TAX_CODE = make_tax_code("610123456")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def form_data(category, token, **overrides):
    return {
        "category": category.pk,
        "source": "association",
        "tax_code": TAX_CODE,
        "enterprise_name": "Công ty TNHH Cà phê Đắk Song",
        "nominator_name": "Trần Văn Bình",
        "nominator_organisation": "Hiệp hội Doanh nghiệp tỉnh",
        "nominator_email": "hiephoi@example.vn",
        "nominator_phone": "0901000001",
        "statement": "Doanh nghiệp đã số hoá toàn bộ quy trình bán hàng và truy xuất nguồn gốc cà phê. " * 2,
        "website": "",
        "started": started_token(seconds_ago=60),
        "token": token,
        **overrides,
    }


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def nominate(client, category, token, django_capture_on_commit_callbacks, files=(), **overrides):
    data = form_data(category, token, **overrides)
    if files:
        data["evidence"] = list(files)
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("honors:nominate"), data)


def test_a_second_nominator_changes_nothing_of_the_first(client, site_home, django_capture_on_commit_callbacks):
    category = CategoryFactory()
    first = nominate(client, category, "tok-1", django_capture_on_commit_callbacks)
    assert first.status_code == 302
    nomination = Nomination.objects.get()
    nomination.status = Nomination.Status.NEEDS_INFO
    nomination.screening_note = "Bổ sung số liệu doanh thu."
    nomination.save()
    before = PublicNomination.objects.values().get()

    second = nominate(
        client,
        category,
        "tok-2",
        django_capture_on_commit_callbacks,
        source="district_office",
        nominator_name="Lê Thị Hoa",
        nominator_organisation="Phòng Kinh tế huyện Đắk Song",
        nominator_email="hoa@daksong.gov.vn",
        nominator_phone="0902000002",
        statement="Một thuyết minh khác, viết riêng bởi phòng chuyên môn của huyện về doanh nghiệp này.",
    )
    assert second.status_code == 302
    assert Nomination.objects.count() == 1
    assert PublicNomination.objects.count() == 2
    assert PublicNomination.objects.values().get(pk=before["id"]) == before
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.NEEDS_INFO
    assert nomination.screening_note == "Bổ sung số liệu doanh thu."
    senders = set(nomination.entries.values_list("nominator_email", flat=True))
    assert senders == {"hiephoi@example.vn", "hoa@daksong.gov.vn"}


def test_the_nominator_gets_a_receipt_with_a_private_link(client, site_home, django_capture_on_commit_callbacks):
    category = CategoryFactory()
    nominate(client, category, "tok-1", django_capture_on_commit_callbacks, files=[SimpleUploadedFile("bc.pdf", PDF)])
    entry = PublicNomination.objects.get()
    receipts = [m for m in mail.outbox if m.to == ["hiephoi@example.vn"]]
    assert len(receipts) == 1
    link = re.search(r"https?://\S+/ton-vinh/de-cu/xem/\S+/", receipts[0].body).group(0)
    assert entry.receipt_key in link
    page = client.get(link[link.index("/", 8) :])
    html = page.content.decode()
    assert page.status_code == 200 and "Trần Văn Bình" in html and "truy xuất nguồn gốc" in html
    assert "no-store" in page["Cache-Control"] or "no-cache" in page["Cache-Control"]
    evidence = entry.evidence.get()
    download = client.get(reverse("honors:receipt_evidence", args=[entry.receipt_key, evidence.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    # A wrong key shows a clear page, not a bare 404.
    wrong = client.get(reverse("honors:nomination_receipt", args=["x" * 43]))
    assert wrong.status_code == 404 and "Đường dẫn không hợp lệ" in wrong.content.decode()
    assert client.get(reverse("honors:receipt_evidence", args=["x" * 43, evidence.pk])).status_code == 404


def test_evidence_is_private_random_named_and_typed_by_content(
    client, site_home, settings, django_capture_on_commit_callbacks
):
    category = CategoryFactory()
    files = [SimpleUploadedFile("Báo cáo Cà phê Đắk Song.pdf", PDF), SimpleUploadedFile("ke-hoach.docx", docx_bytes())]
    assert nominate(client, category, "tok-1", django_capture_on_commit_callbacks, files=files).status_code == 302
    stored = list(NominationEvidence.objects.order_by("pk"))
    assert [e.original_name for e in stored] == ["Báo cáo Cà phê Đắk Song.pdf", "ke-hoach.docx"]
    media_root = Path(django_settings.MEDIA_ROOT).resolve()
    for evidence in stored:
        path = Path(evidence.file.path).resolve()
        assert path.exists() and media_root not in path.parents
        assert "Song" not in evidence.file.name and "ke-hoach" not in evidence.file.name
        with pytest.raises(ValueError):
            evidence.file.url  # noqa: B018  (no public address at all)
    assert stored[1].file.name.endswith(".docx")

    # A program renamed .pdf, a zip that is no Office file, and a file too big: refused, nothing written.
    for name, content in [
        ("minh-chung.pdf", b"MZ\x90\x00\x03 executable"),
        ("bang.xlsx", _plain_zip()),
        ("anh.png", b"<svg onload=alert(1)>"),
    ]:
        response = nominate(
            client,
            category,
            f"tok-{name}",
            django_capture_on_commit_callbacks,
            files=[SimpleUploadedFile(name, content)],
        )
        assert response.status_code == 200
        assert "không phải PDF" in response.content.decode()
    settings.PRIVATE_UPLOAD_MAX_SIZE = 1024
    response = nominate(
        client, category, "tok-big", django_capture_on_commit_callbacks, files=[SimpleUploadedFile("a.pdf", PDF * 100)]
    )
    assert response.status_code == 200 and "quá lớn" in response.content.decode()
    assert PublicNomination.objects.count() == 1 and NominationEvidence.objects.count() == 2


def _plain_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "x")
    return buffer.getvalue()


def test_an_evidence_url_without_rights_is_refused(client, site_home, django_capture_on_commit_callbacks):
    # Jurors read evidence through the committee's right (staff's rule, docs/permissions.md).
    juror = UserFactory(roles=["honours_committee"])
    conflicted = UserFactory(roles=["honours_committee"])
    stranger = UserFactory()
    category = CategoryFactory(jurors=[juror, conflicted])
    nominate(client, category, "tok-1", django_capture_on_commit_callbacks, files=[SimpleUploadedFile("a.pdf", PDF)])
    evidence = NominationEvidence.objects.get()
    url = reverse("honors:evidence_file", args=[evidence.pk])
    assert "/media/" not in url

    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    client.force_login(stranger)
    assert client.get(url).status_code == 403
    ConflictDeclaration.objects.create(juror=conflicted, nomination=evidence.nomination, reason="Người thân")
    client.force_login(conflicted)
    assert client.get(url).status_code == 403
    client.force_login(juror)
    assert client.get(url).status_code == 200

    editor = UserFactory(roles=["programme_editor"])
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    # An editor who declared a conflict is refused too.
    ConflictDeclaration.objects.create(juror=editor, nomination=evidence.nomination, reason="Cổ đông")
    assert not can_view_evidence(type(editor).objects.get(pk=editor.pk), evidence)


def test_a_start_token_posted_twice_creates_one_nomination(client, site_home, django_capture_on_commit_callbacks):
    category = CategoryFactory()
    data = form_data(category, "tok-1")
    first = client.post(reverse("honors:nominate"), data)
    # The same loaded form posted again with another one-time key: same result, no second record.
    second = client.post(reverse("honors:nominate"), {**data, "token": "tok-other"})
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    assert PublicNomination.objects.count() == 1


def test_a_rate_limited_nomination_answers_429_and_writes_nothing(client, site_home, settings):
    settings.RATE_LIMITS = {"default": {"ip": "100/h", "value": "1/h"}}
    category = CategoryFactory()
    assert client.post(reverse("honors:nominate"), form_data(category, "tok-1")).status_code == 302
    response = client.post(
        reverse("honors:nominate"), form_data(category, "tok-2", tax_code=make_tax_code("610999999"))
    )
    assert response.status_code == 429  # same e-mail
    assert "quá nhiều lần" in response.content.decode()
    assert PublicNomination.objects.count() == 1 and Enterprise.objects.count() == 1


def test_existing_evidence_moves_out_of_public_media(site_home):
    from honors.factories import NominationFactory

    nomination = NominationFactory(source="association", nominator_name="Cũ", nominator_email="cu@example.vn")
    public = storages["default"]
    old_name = public.save("honors/evidence/2025/7/bao-cao.pdf", ContentFile(PDF))
    evidence = NominationEvidence.objects.create(nomination=nomination, file="placeholder")
    NominationEvidence.objects.filter(pk=evidence.pk).update(file=old_name)

    migration = importlib.import_module("honors.migrations.0006_move_public_nominations_and_evidence")
    migration.forwards(apps, None)

    evidence.refresh_from_db()
    assert not public.exists(old_name)
    assert evidence.original_name == "bao-cao.pdf" and "bao-cao" not in evidence.file.name
    assert storages["private"].open(evidence.file.name).read() == PDF
    entry = PublicNomination.objects.get(nomination=nomination)
    assert entry.nominator_email == "cu@example.vn" and evidence.entry == entry


def test_editors_see_every_nominator_side_by_side_in_the_admin(client, site_home, django_capture_on_commit_callbacks):
    from django.contrib.auth import get_user_model

    category = CategoryFactory()
    nominate(client, category, "tok-1", django_capture_on_commit_callbacks, files=[SimpleUploadedFile("a.pdf", PDF)])
    nominate(client, category, "tok-2", django_capture_on_commit_callbacks, nominator_name="Lê Thị Hoa")
    nomination = Nomination.objects.get()
    admin = get_user_model().objects.create_superuser("root", "root@example.vn", "a-long-password-1")
    client.force_login(admin)
    html = client.get(reverse("wagtailsnippets_honors_nomination:edit", args=[nomination.pk])).content.decode()
    assert "Trần Văn Bình" in html and "Lê Thị Hoa" in html
    evidence = NominationEvidence.objects.get()
    assert reverse("honors:evidence_file", args=[evidence.pk]) in html
    assert "/media/honors/evidence" not in html
