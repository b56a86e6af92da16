"""Handbook pages: the index, nested chapters, the FAQ and the DBI guide."""

from .chapters import ChapterAttachment, HandbookChapterPage, HandbookIndexPage
from .faq import FAQPage

__all__ = ["ChapterAttachment", "FAQPage", "HandbookChapterPage", "HandbookIndexPage"]
