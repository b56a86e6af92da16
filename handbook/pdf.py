"""The whole handbook as one PDF, rendered with core.pdf.render_pdf and cached."""

from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from core.pdf import render_pdf

from . import cache as handbook_cache
from .models import FAQPage, HandbookChapterPage

PDF_TIMEOUT = 60 * 60 * 24 * 7


def handbook_documents(handbook_index):
    """Chapters in reading order (with their depth below the index) and FAQ pages."""
    chapters = list(HandbookChapterPage.objects.descendant_of(handbook_index).live().public().order_by("path"))
    for chapter in chapters:
        chapter.pdf_level = min(chapter.depth - handbook_index.depth, 3)
    faqs = list(FAQPage.objects.child_of(handbook_index).live().public())
    return chapters, faqs


def build_handbook_pdf(handbook_index, request=None):
    chapters, faqs = handbook_documents(handbook_index)
    context = {
        "handbook": handbook_index,
        "chapters": chapters,
        "faqs": faqs,
        "generated": timezone.localdate(),
        "site_url": request.build_absolute_uri("/") if request else settings.WAGTAILADMIN_BASE_URL,
    }
    # Images are read from the media folder as files, never fetched over HTTP.
    return render_pdf("handbook/pdf/handbook.html", context, base_url=Path(settings.MEDIA_ROOT).as_uri() + "/")


def handbook_pdf(handbook_index, request=None):
    """PDF bytes, from the cache when no handbook page has been published since."""
    key = handbook_cache.key("pdf", handbook_index.pk, handbook_index.locale_id)
    pdf = cache.get(key)
    if pdf is None:
        pdf = build_handbook_pdf(handbook_index, request)
        cache.set(key, pdf, PDF_TIMEOUT)
    return pdf
