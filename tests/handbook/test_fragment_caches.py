"""The handbook's pages keep their content in fragment caches (issue 21): an edit, a publish,
an unpublish or a move of any handbook page shows on the next request on every page that
shows it (the chapter, its neighbours' pagers, the index's table of contents), a draft never
reaches visitors, and languages never mix."""

import pytest
from wagtail.models import Locale

from core.pages import translate_page
from handbook.factories import FAQPageFactory, HandbookChapterPageFactory, paragraph
from handbook.models import FAQPage, HandbookChapterPage

pytestmark = pytest.mark.django_db


def html(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.content.decode()


def publish(page, **fields):
    page = type(page).objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


URLS = ("/cam-nang/", "/cam-nang/chuyen-doi-so-la-gi/", "/cam-nang/chuyen-doi-so-la-gi/khach-hang/")


def test_chapter_edit_shows_at_once(client, handbook):
    index, a, a1, a2, b = handbook
    assert "Bắt đầu bằng hóa đơn điện tử" in html(client, a.url)
    publish(a, body=[paragraph("Nội dung đã sửa của chương.")], intro="Tóm tắt mới.")
    page = html(client, a.url)
    assert "Nội dung đã sửa của chương." in page and "Tóm tắt mới." in page
    assert "Bắt đầu bằng hóa đơn điện tử" not in page


def test_a_draft_never_shows(client, handbook):
    index, a, a1, a2, b = handbook
    html(client, a.url)
    draft = HandbookChapterPage.objects.get(pk=a.pk)
    draft.body = [paragraph("Bản nháp chưa duyệt.")]
    draft.save_revision()
    preview = draft.make_preview_request().content.decode()
    assert "Bản nháp chưa duyệt." in preview
    assert "Bản nháp chưa duyệt." not in html(client, a.url)


def test_a_renamed_chapter_shows_in_its_neighbours_and_the_index(client, handbook):
    index, a, a1, a2, b = handbook
    for url in URLS:
        html(client, url)
    publish(b, title="Dữ liệu là tài sản quý")
    # a2's next chapter (not its sibling) and the index's table of contents.
    assert "Dữ liệu là tài sản quý</a>" in html(client, "/cam-nang/chuyen-doi-so-la-gi/khach-hang/")
    assert "Dữ liệu là tài sản quý" in html(client, "/cam-nang/")


def test_unpublished_and_new_chapters_change_the_reading_order(client, handbook):
    index, a, a1, a2, b = handbook
    for url in URLS:
        html(client, url)
    HandbookChapterPage.objects.get(pk=b.pk).unpublish()
    last = html(client, "/cam-nang/chuyen-doi-so-la-gi/khach-hang/")
    assert 'rel="next"' not in last and "Chương 3/3" in last
    assert "Dữ liệu là tài sản" not in html(client, "/cam-nang/")
    HandbookChapterPageFactory(parent=index, title="Chương mới về an toàn số", slug="an-toan")
    last = html(client, "/cam-nang/chuyen-doi-so-la-gi/khach-hang/")
    assert 'rel="next" href="/cam-nang/an-toan/"' in last
    assert "Chương mới về an toàn số" in html(client, "/cam-nang/")
    assert "Chương 1/4" in html(client, "/cam-nang/chuyen-doi-so-la-gi/")


def test_a_moved_chapter_changes_the_reading_order(client, handbook):
    index, a, a1, a2, b = handbook
    for url in URLS:
        html(client, url)
    HandbookChapterPage.objects.get(pk=b.pk).move(HandbookChapterPage.objects.get(pk=a.pk), pos="last-child")
    assert 'rel="next" href="/cam-nang/chuyen-doi-so-la-gi/du-lieu/"' in html(
        client, "/cam-nang/chuyen-doi-so-la-gi/khach-hang/"
    )


def test_pillar_filter_of_the_index(client, handbook):
    index, a, a1, a2, b = handbook
    page = html(client, "/cam-nang/", **{"tru-cot": "P4"})
    assert "Đổi mới quy trình" in page.split('id="handbook-filter"')[1]
    HandbookChapterPage.objects.get(pk=a1.pk).unpublish()
    page = html(client, "/cam-nang/", **{"tru-cot": "P4"})
    assert "Đổi mới quy trình" not in page.split('id="handbook-filter"')[1]
    assert "Trải nghiệm khách hàng" in html(client, "/cam-nang/", **{"tru-cot": "P1"}).split('id="handbook-filter"')[1]


def test_faq_edit_shows_at_once(client, handbook):
    index = handbook[0]
    faq = FAQPageFactory(parent=index, slug="hoi-dap")
    page = html(client, faq.url)
    assert "DBI là gì?" in page
    body = [("section", {"heading": "Chung", "items": [{"question": "Phí bao nhiêu?", "answer": "<p>Miễn phí.</p>"}]})]
    publish(FAQPage.objects.get(pk=faq.pk), body=body)
    page = html(client, faq.url)
    assert "Phí bao nhiêu?" in page and "DBI là gì?" not in page
    assert "Hỏi đáp về chuyển đổi số" in html(client, "/cam-nang/")


def test_languages_never_mix(client, handbook):
    index, a, a1, a2, b = handbook
    vi_before = html(client, a.url)
    en = Locale.objects.get(language_code="en")
    translate_page(index, en, title="DX handbook", slug="handbook")
    translate_page(a, en, title="What is digital transformation", slug="what-is-dx", body=[paragraph("English text.")])
    translate_page(b, en, title="Data is an asset", slug="data")
    english = html(client, "/en/handbook/what-is-dx/")
    assert '<html lang="en">' in english and "English text." in english
    assert 'rel="next" href="/en/handbook/data/"' in english
    assert "Bắt đầu bằng hóa đơn điện tử" not in english
    vietnamese = html(client, a.url)
    assert '<html lang="vi">' in vietnamese and "English text." not in vietnamese
    assert "Bắt đầu bằng hóa đơn điện tử" in vi_before and "Bắt đầu bằng hóa đơn điện tử" in vietnamese
    index_en = html(client, "/en/handbook/")
    assert "Data is an asset" in index_en and "Dữ liệu là tài sản" not in index_en
    assert "Dữ liệu là tài sản" in html(client, "/cam-nang/")
