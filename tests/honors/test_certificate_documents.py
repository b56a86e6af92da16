"""Certificates in the administrative form of Decree 30/2020/NĐ-CP, from the decision record,
and the public look-up where the holder of a paper certificate types its code (issue 16)."""

import datetime
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from core.documents import vietnamese_date
from enterprises.factories import EnterpriseFactory
from honors.factories import CategoryFactory, HonoursCycleFactory
from honors.models import Award, Certificate, HonoursDecision
from honors.services.certificates import issue, revoke

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(db):
    cycle = HonoursCycleFactory(year=2026)
    decision = HonoursDecision.objects.create(
        cycle=cycle,
        live=True,
        issuer="Ủy ban nhân dân tỉnh Lâm Đồng",
        number="2615/QĐ-UBND",
        place="Đà Lạt",
        issued_on=datetime.date(2026, 2, 5),
        recipients="Sở Khoa học và Công nghệ;\nLưu: VT, KT.",
        signer_authority="TM. Ủy ban nhân dân",
        signer_title="Chủ tịch",
        signer_name="Trần Văn Hiệp",
    )
    award = Award.objects.create(
        decision=decision,
        category=CategoryFactory(cycle=cycle, name="Doanh nghiệp vừa dẫn đầu chuyển đổi số"),
        enterprise=EnterpriseFactory(name="Công ty Cổ phần Cà phê Đắk Mil"),
        citation="Dẫn đầu chuyển đổi số trong chế biến cà phê.",
    )
    return issue(award)[0]


def test_the_decree_30_date_form():
    assert vietnamese_date(datetime.date(2026, 2, 5)) == "ngày 05 tháng 02 năm 2026"
    assert vietnamese_date(datetime.date(2025, 10, 20)) == "ngày 20 tháng 10 năm 2025"
    assert vietnamese_date(datetime.date(2026, 3, 9)) == "ngày 09 tháng 3 năm 2026"
    assert vietnamese_date(None) == "ngày …… tháng …… năm ……"


def test_the_certificate_has_the_national_title_motto_body_number_place_date_and_signer(client, certificate):
    response = client.get(certificate.get_pdf_url())
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    for part in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
        "Số: 2615/QĐ-UBND",
        "Đà Lạt, ngày 05 tháng 02 năm 2026",
        "GIẤY CHỨNG NHẬN",
        "Công ty Cổ phần Cà phê Đắk Mil",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Trần Văn Hiệp",
        certificate.code,
    ):
        assert part in text, part
    # A certificate is handed to its holder: no list of recipients on it.
    assert "Nơi nhận" not in text


def test_the_look_up_leads_a_typed_or_pasted_code_to_its_verification(client, certificate):
    url = reverse("honors:certificate_lookup")
    assert url == "/ton-vinh/chung-nhan/"
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="ma"' in html and 'for="certificate-code"' in html
    assert certificate.enterprise_name not in html  # nothing listed

    typed = client.get(url, {"ma": f"  {certificate.code} "})
    assert typed.status_code == 302 and typed["Location"] == certificate.get_absolute_url()
    pasted = client.get(url, {"ma": "https://dx.lamdong.gov.vn" + certificate.get_absolute_url()})
    assert pasted["Location"] == certificate.get_absolute_url()
    assert client.get(typed["Location"]).status_code == 200

    unknown = client.get(url, {"ma": "A" * 22}, follow=True)
    assert unknown.status_code == 404 and certificate.enterprise_name not in unknown.content.decode()
    revoke(certificate, "Vi phạm quy định")
    assert client.get(url, {"ma": certificate.code}, follow=True).status_code == 410


def test_a_malformed_code_gets_a_clear_message_not_a_query(client, certificate, django_assert_max_num_queries):
    url = reverse("honors:certificate_lookup")
    response = client.get(url, {"ma": "abc'; DROP"})
    assert response.status_code == 400
    assert "Mã xác minh gồm 22 ký tự" in response.content.decode()


def test_the_look_up_is_rate_limited_per_address(client, certificate, settings):
    from honors.views import public

    url = reverse("honors:certificate_lookup")
    for _ in range(public.LOOKUP_LIMIT):
        assert client.get(url, {"ma": "B" * 22}).status_code == 302
    limited = client.get(url, {"ma": certificate.code})
    assert limited.status_code == 429 and limited["Retry-After"]
    assert "quá nhiều lần" in limited.content.decode()
    # A different address is not affected.
    assert client.get(url, {"ma": certificate.code}, REMOTE_ADDR="10.0.0.9").status_code == 302


def test_the_decision_record_holds_the_document_parts_in_the_admin(client):
    from accounts.factories import UserFactory

    assert {"issuer", "number", "place", "issued_on", "recipients", "signer_title", "signer_name"} <= {
        field.name for field in HonoursDecision._meta.get_fields()
    }
    client.force_login(UserFactory(roles=["programme_editor"]))
    cycle = HonoursCycleFactory(year=2027)
    decision = HonoursDecision.objects.create(cycle=cycle)
    html = client.get(reverse("wagtailsnippets_honors_honoursdecision:edit", args=[decision.pk])).content.decode()
    assert 'name="number"' in html and 'name="signer_title"' in html and "Nghị định 30/2020" in html
    assert Certificate.objects.count() == 0
