"""Handbook pages: the index, nested chapters, the FAQ and the DBI guide."""

from .chapters import ChapterAttachment, HandbookChapterPage, HandbookIndexPage
from .faq import FAQPage
from .guide import DBIGuidePage

__all__ = ["ChapterAttachment", "DBIGuidePage", "FAQPage", "HandbookChapterPage", "HandbookIndexPage"]
