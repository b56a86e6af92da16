"""The FAQ's structured data, the whole-handbook PDF and the handbook's service functions."""

import io
import json
import re

import pytest
from wagtail.models import Locale

from core import jsonld
from core.pages import translate_page
from handbook import pdf as handbook_pdf
from handbook import services
from handbook.factories import FAQPageFactory, HandbookChapterPageFactory

pytestmark = pytest.mark.django_db


def _json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD block"
    return json.loads(match.group(1))


def test_faq_page_publishes_schema_org_faqpage(client, handbook):
    FAQPageFactory(parent=handbook[0], slug="hoi-dap")
    html = client.get("/cam-nang/hoi-dap/").content.decode()
    assert "<summary>DBI là gì?</summary>" in html
    assert 'id="dbi-la-gi"' in html
    data = _json_ld(html)
    assert data["@type"] == "FAQPage"
    assert data["inLanguage"] == "vi"
    questions = {item["name"]: item["acceptedAnswer"]["text"] for item in data["mainEntity"]}
    assert questions == {
        "DBI là gì?": "Bộ chỉ số đánh giá mức độ chuyển đổi số.",
        "Ai được tự đánh giá?": "Mọi doanh nghiệp & hợp tác xã.",
    }
    assert all(item["@type"] == "Question" for item in data["mainEntity"])
    # Nothing in the data can close the script element early.
    assert "</" not in html.split('application/ld+json">')[1].split("</script>")[0]


def test_faq_script_escapes_markup(handbook):
    faq = FAQPageFactory(
        parent=handbook[0],
        slug="hoi-dap-2",
        body=[("section", {"heading": "Nhóm", "items": [{"question": "</script><b>?", "answer": "<p>x</p>"}]})],
    )
    text = jsonld.dumps(faq.structured_data())
    assert "</script>" not in text and "\\u003C/script\\u003E" in text
    assert json.loads(text)["mainEntity"][0]["name"] == "</script><b>?"


def _pdf_text(data):
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_handbook_pdf_contains_every_chapter_heading_with_diacritics(client, handbook):
    FAQPageFactory(parent=handbook[0], slug="hoi-dap")
    response = client.get("/cam-nang/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="cam-nang.pdf"' in response["Content-Disposition"]
    text = _pdf_text(response.content)
    for heading in [
        "Cẩm nang chuyển đổi số",
        "Chuyển đổi số là gì",
        "Đổi mới quy trình",
        "Trải nghiệm khách hàng",
        "Dữ liệu là tài sản",
        "Vì sao cần chuyển đổi số",
        "Hỏi đáp về chuyển đổi số",
        "DBI là gì?",
    ]:
        assert heading in text, heading
    # Chapters appear in reading order.
    assert text.rindex("Đổi mới quy trình") < text.rindex("Trải nghiệm khách hàng") < text.rindex("Dữ liệu là tài sản")


def test_handbook_pdf_is_cached_until_a_chapter_is_published(handbook, monkeypatch):
    index = handbook[0]
    calls = []
    real_build = handbook_pdf.build_handbook_pdf

    def counting_build(*args, **kwargs):
        calls.append(1)
        return real_build(*args, **kwargs)

    monkeypatch.setattr(handbook_pdf, "build_handbook_pdf", counting_build)
    first = handbook_pdf.handbook_pdf(index)
    assert handbook_pdf.handbook_pdf(index) == first
    assert len(calls) == 1
    HandbookChapterPageFactory(parent=index, title="Bảo mật và an toàn thông tin", slug="bao-mat")
    updated = handbook_pdf.handbook_pdf(index)
    assert len(calls) == 2
    assert "Bảo mật và an toàn thông tin" in _pdf_text(updated)


def test_chapters_for_pillars_puts_the_weakest_pillar_first(handbook):
    index, a, a1, a2, b = handbook
    assert [c.slug for c in services.chapters_for_pillars(["P1"])] == ["khach-hang", "du-lieu"]
    assert [c.slug for c in services.chapters_for_pillars(["P6", "P4"])] == ["du-lieu", "doi-moi"]
    assert [c.slug for c in services.chapters_for_pillars(["P4", "P1", "P6"], limit=2)] == ["doi-moi", "khach-hang"]
    assert services.chapters_for_pillars([]) == []
    assert services.chapters_for_pillars(["P5"]) == []
    a2.unpublish()
    assert [c.slug for c in services.chapters_for_pillars(["P1"])] == ["du-lieu"]


def test_chapters_for_pillars_respects_the_locale(handbook):
    index, a, a1, a2, b = handbook
    en = Locale.objects.get(language_code="en")
    translate_page(index, en, title="Handbook", slug="handbook")
    translate_page(b, en, title="Data is an asset", slug="data", pillar_codes=["P6", "P1"])
    assert [c.title for c in services.chapters_for_pillars(["P6"], locale="en")] == ["Data is an asset"]
    assert [c.title for c in services.chapters_for_pillars(["P6"], locale=en)] == ["Data is an asset"]
    assert [c.title for c in services.chapters_for_pillars(["P6"], locale="vi")] == ["Dữ liệu là tài sản"]


def test_recommendations_give_title_url_and_kind(rf, handbook):
    request = rf.get("/")
    items = services.recommendations(["P6"], request)
    assert items == [{"title": "Dữ liệu là tài sản", "url": "/cam-nang/du-lieu/", "kind": "handbook"}]


def test_pillar_codes_match_exactly(handbook):
    index = handbook[0]
    HandbookChapterPageFactory(parent=index, slug="p11", pillar_codes=["P11"])
    assert "p11" not in [c.slug for c in services.chapters_for_pillars(["P1"], limit=None)]


def test_provider_is_registered_with_the_assessment_app(rf, handbook):
    from assessment_forms import services as assessment

    items = assessment.recommendations(["P6", "P1"], rf.get("/"))
    handbook_items = [item for item in items if item["kind"] == "handbook"]
    assert handbook_items[0] == {
        "title": "Dữ liệu là tài sản",
        "url": "/cam-nang/du-lieu/",
        "kind": "handbook",
        "kind_label": "Cẩm nang",  # the kind in words, as the result page shows it
    }


def test_chapter_images_are_responsive_and_embedded_in_the_pdf(client, handbook):
    from pypdf import PdfReader
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Vườn cà phê", file=get_test_image_file(size=(1200, 800)))
    body = [
        {
            "type": "image",
            "value": {
                "image": {"image": image.pk, "alt_text": "Nông dân hái cà phê ở Đắk Mil", "decorative": False},
                "caption": "Thu hoạch cà phê",
                "credit": "Hợp tác xã",
            },
        }
    ]
    HandbookChapterPageFactory(parent=handbook[0], title="Nông nghiệp số", slug="nong-nghiep-so", body=body)
    html = client.get("/cam-nang/nong-nghiep-so/").content.decode()
    assert "<picture>" in html and 'type="image/webp"' in html
    assert 'alt="Nông dân hái cà phê ở Đắk Mil"' in html
    assert "Thu hoạch cà phê" in html
    pdf = handbook_pdf.build_handbook_pdf(handbook[0])
    reader = PdfReader(io.BytesIO(pdf))
    assert any(page.images for page in reader.pages), "the chapter image is embedded in the PDF"
    assert "Thu hoạch cà phê" in _pdf_text(pdf)
