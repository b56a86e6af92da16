"""Issue 14: a chapter restricted after the handbook was cached leaves the PDF, the index and
the reading order at once (the caches are dropped when a view restriction changes)."""

import io

import pytest
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db


def _pdf_text(data):
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_restricting_a_chapter_removes_it_from_the_pdf_and_the_index(client, handbook):
    index, _a, _a1, _a2, b = handbook
    assert "Dữ liệu là tài sản" in _pdf_text(client.get("/cam-nang/pdf/").content)  # cached now
    assert "Dữ liệu là tài sản" in client.get(index.url).content.decode()

    restriction = PageViewRestriction.objects.create(page=b, restriction_type=PageViewRestriction.LOGIN)
    assert "Dữ liệu là tài sản" not in _pdf_text(client.get("/cam-nang/pdf/").content)
    assert "Dữ liệu là tài sản" not in client.get(index.url).content.decode()

    restriction.delete()
    assert "Dữ liệu là tài sản" in _pdf_text(client.get("/cam-nang/pdf/").content)
