from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .navigation import invalidate_menu


def connect():
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(invalidate_menu, dispatch_uid=f"menu-{id(signal)}")
    # Page subclasses send these signals with their own class as sender, so filter here.
    post_save.connect(_on_change, dispatch_uid="menu-page-save")
    # Deletes per model (pages, view restrictions, the site profile): a listener for every
    # sender would stop Django from deleting any other queryset in one statement.
    from django.apps import apps

    from .models import SiteProfile

    for model in apps.get_models():
        if issubclass(model, Page | PageViewRestriction | SiteProfile):
            post_delete.connect(_on_change, sender=model, dispatch_uid=f"menu-delete:{model._meta.label_lower}")


def _on_change(sender, instance, update_fields=None, **kwargs):
    from .models import SiteProfile
    from .page_cache import DRAFT_FIELDS

    # A view restriction added to or removed from a page changes what the menu may show.
    if isinstance(instance, SiteProfile | PageViewRestriction):
        invalidate_menu()
    # A draft or autosave only writes bookkeeping fields: the live menu is unchanged.
    elif isinstance(instance, Page) and not (update_fields and set(update_fields) <= DRAFT_FIELDS):
        invalidate_menu(instance)
