"""Handbook pages as readers see them: table of contents, reading order, audience, attachments."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Locale

from core.pages import translate_page
from enterprises.factories import SectorFactory
from handbook.factories import HandbookChapterPageFactory, paragraph
from handbook.models import HandbookChapterPage

pytestmark = pytest.mark.django_db


def test_chapter_renders_toc_and_neighbours(client, handbook):
    response = client.get("/cam-nang/chuyen-doi-so-la-gi/doi-moi/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h2 id="vi-sao-can-chuyen-doi-so" class="handbook-heading h3">Vì sao cần chuyển đổi số</h2>' in html
    assert '<h3 id="buoc-dau-tien" class="handbook-heading h4">Bước đầu tiên</h3>' in html
    toc = html.split('id="toc-heading"')[1].split("</nav>")[0]
    # The level-3 heading nests under the level-2 heading in the table of contents.
    after_first = toc.split('href="#vi-sao-can-chuyen-doi-so"')[1]
    assert after_first.index('<ol class="handbook-toc-list">') < after_first.index('href="#buoc-dau-tien"')
    assert 'rel="prev" href="/cam-nang/chuyen-doi-so-la-gi/"' in html
    assert 'rel="next" href="/cam-nang/chuyen-doi-so-la-gi/khach-hang/"' in html
    assert "Chương 2/4" in html


def test_reading_order_is_depth_first_and_ends_cleanly(client, handbook):
    first = client.get("/cam-nang/chuyen-doi-so-la-gi/").content.decode()
    assert 'rel="prev"' not in first
    assert 'rel="next" href="/cam-nang/chuyen-doi-so-la-gi/doi-moi/"' in first
    nested_last = client.get("/cam-nang/chuyen-doi-so-la-gi/khach-hang/").content.decode()
    assert 'rel="next" href="/cam-nang/du-lieu/"' in nested_last
    last = client.get("/cam-nang/du-lieu/").content.decode()
    assert 'rel="prev" href="/cam-nang/chuyen-doi-so-la-gi/khach-hang/"' in last
    assert 'rel="next"' not in last


def test_publishing_a_chapter_updates_the_cached_reading_order(client, handbook):
    index, a, a1, a2, b = handbook
    assert 'rel="next"' not in client.get("/cam-nang/du-lieu/").content.decode()
    HandbookChapterPageFactory(parent=index, title="Bảo mật thông tin", slug="bao-mat")
    assert 'rel="next" href="/cam-nang/bao-mat/"' in client.get("/cam-nang/du-lieu/").content.decode()
    b.unpublish()
    html = client.get("/cam-nang/chuyen-doi-so-la-gi/khach-hang/").content.decode()
    assert 'rel="next" href="/cam-nang/bao-mat/"' in html


def test_duplicate_headings_get_unique_anchors(client, handbook):
    index = handbook[0]
    body = [("heading", {"text": "Ví dụ", "level": "2"}), ("heading", {"text": "Ví dụ", "level": "2"})]
    HandbookChapterPageFactory(parent=index, slug="vi-du", body=body)
    html = client.get("/cam-nang/vi-du/").content.decode()
    assert 'id="vi-du"' in html and 'id="vi-du-2"' in html
    assert 'href="#vi-du-2"' in html


def test_reading_time_is_computed_on_save(handbook):
    index = handbook[0]
    words = " ".join(["doanh nghiệp"] * 300)  # 600 words
    chapter = HandbookChapterPageFactory(parent=index, slug="dai", intro="", body=[paragraph(words)])
    assert chapter.reading_minutes == 3
    assert HandbookChapterPage.objects.get(pk=chapter.pk).reading_minutes == 3


def test_chapter_shows_audience_pillars_review_date_and_attachments(client, handbook):
    index = handbook[0]
    # Section A of the VSIC catalogue that `migrate` loads (the factory returns that sector).
    sector = SectorFactory(code="A")
    document = Document.objects.create(title="Mẫu kế hoạch chuyển đổi số")
    document.file.save("ke-hoach.docx", ContentFile(b"demo"), save=True)
    chapter = HandbookChapterPageFactory(
        parent=index,
        slug="nong-nghiep",
        pillar_codes=["P2", "P6"],
        audience_sizes=["micro", "small"],
        sectors=[sector],
        body=[("attachment", {"document": document, "title": "", "description": "Điền và lưu lại"})],
    )
    chapter.attachments.create(document=document, title="Tải mẫu kế hoạch")
    chapter.save_revision().publish()
    html = client.get("/cam-nang/nong-nghiep/").content.decode()
    assert "P2 · Chiến lược" in html and "P6 · Dữ liệu và tài sản thông tin" in html
    assert "Siêu nhỏ, Nhỏ" in html
    assert sector.name.upper().startswith("NÔNG NGHIỆP") and sector.name in html
    assert '<time datetime="2026-03-01">' in html
    assert "Tải mẫu kế hoạch" in html and "Mẫu kế hoạch chuyển đổi số" in html
    assert html.count(f'href="{document.url}" download') == 2


def test_index_lists_nested_chapters_faq_and_pdf(client, handbook):
    from handbook.factories import FAQPageFactory

    FAQPageFactory(parent=handbook[0], slug="hoi-dap")
    html = client.get("/cam-nang/").content.decode()
    tree = html.split('id="handbook-contents"')[1]
    assert tree.index("Chuyển đổi số là gì") < tree.index("Đổi mới quy trình") < tree.index("Dữ liệu là tài sản")
    assert 'href="/cam-nang/hoi-dap/"' in html
    assert 'href="/cam-nang/pdf/"' in html


def test_index_filters_chapters_by_pillar(client, handbook):
    html = client.get("/cam-nang/?tru-cot=P1").content.decode()
    filtered = html.split('id="handbook-filter"')[1]
    assert "Trải nghiệm khách hàng" in filtered and "Dữ liệu là tài sản" in filtered
    assert "Đổi mới quy trình" not in filtered


def _queries_for(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm the reading-order and menu caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_chapter_page_query_count_is_small_and_constant(client, handbook):
    index = handbook[0]
    url = "/cam-nang/chuyen-doi-so-la-gi/doi-moi/"
    before = _queries_for(client, url)
    assert before <= 20  # about 14 are Wagtail routing and the site shell; the handbook adds 3
    for number in range(6):
        HandbookChapterPageFactory(parent=index, slug=f"them-{number}", pillar_codes=["P3"])
    assert _queries_for(client, url) == before
    assert _queries_for(client, "/cam-nang/") <= 20


def test_english_translation_has_its_own_reading_order(client, handbook):
    index, a, a1, a2, b = handbook
    en = Locale.objects.get(language_code="en")
    translate_page(index, en, title="DX handbook", slug="handbook")
    translate_page(a, en, title="What is digital transformation", slug="what-is-dx")
    translate_page(b, en, title="Data is an asset", slug="data")
    html = client.get("/en/handbook/what-is-dx/").content.decode()
    assert '<html lang="en">' in html
    assert 'rel="next" href="/en/handbook/data/"' in html
    assert "1 min read" in html or "1 minute read" in html
