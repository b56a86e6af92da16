"""Keep the handbook's caches (reading order, PDF) in step with publishing."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .cache import invalidate
from .models import DBIGuidePage, FAQPage, HandbookChapterPage, HandbookIndexPage

HANDBOOK_PAGES = (HandbookIndexPage, HandbookChapterPage, FAQPage, DBIGuidePage)


def _on_page_change(sender, instance=None, **kwargs):
    if isinstance(instance, HANDBOOK_PAGES) or (instance is not None and sender in HANDBOOK_PAGES):
        invalidate()


def connect():
    for model in HANDBOOK_PAGES:
        for signal in (page_published, page_unpublished, post_delete):
            signal.connect(_on_page_change, sender=model, dispatch_uid=f"handbook-{model.__name__}-{id(signal)}")
    # Moves and slug changes are sent with the base Page class as sender.
    post_page_move.connect(_on_page_change, dispatch_uid="handbook-move")
    page_slug_changed.connect(_on_page_change, dispatch_uid="handbook-slug")
    # A restriction added, changed or removed anywhere changes what `.public()` returns for
    # the PDF, the table of contents and the reading order: drop them all.
    for signal in (post_save, post_delete):
        signal.connect(
            _on_restriction_change, sender=PageViewRestriction, dispatch_uid=f"handbook-restriction-{id(signal)}"
        )


def _on_restriction_change(sender, instance=None, **kwargs):
    invalidate()
