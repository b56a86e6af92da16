"""Page helpers shared by every app's factories and demo step: a page factory, the two
content languages, translations, and the site's home page found without naming its type."""

from typing import Any

import factory
from wagtail.models import Locale, Page, Site

from .slugs import ascii_slug, unique_sibling_slug


class PageFactory(factory.django.DjangoModelFactory):
    """Creates a page as a child of `parent` (default: the tree root), live, with a revision."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Trang {n}")
    live = True

    @classmethod
    def _create(cls, model_class: type[Page], *args: Any, parent: Page | None = None, **kwargs: Any) -> Page:
        parent = parent or Page.get_first_root_node()
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        page.save_revision(log_action=False)
        return page


def ensure_locales() -> tuple[Locale, Locale]:
    """The two content languages: Vietnamese (default) and English."""
    vi, _ = Locale.objects.get_or_create(language_code="vi")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return vi, en


def translate_page(page: Page, locale: Locale, **fields: Any) -> Page:
    """The page's translation in `locale`, created if missing, with `fields` set, published."""
    translated = page.get_translation_or_none(locale)
    if translated is None:
        translated = page.copy_for_translation(locale, copy_parents=True, alias=False)
    translated = translated.specific
    if "title" in fields and "slug" not in fields and translated.slug == page.slug and translated.depth > 2:
        # A translation gets a slug of its own title ("/en/handbook/what-is-…"), not the
        # source's Vietnamese one.
        slug = ascii_slug(fields["title"])
        if slug:
            fields["slug"] = unique_sibling_slug(translated.get_parent(), slug, exclude=translated)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.live = True
    translated.save_revision(log_action=False).publish(log_action=False)
    translated.refresh_from_db()  # publishing saved another instance (slug, url_path)
    if translated.depth == 2:
        # A new language root changes the site's root paths, which Wagtail caches.
        Site.clear_site_root_paths_cache()
    return translated


def site_home(language_code: str = "vi") -> Page | None:
    """The default site's root page in `language_code` (specific), or None before the site
    has one. Lower apps' demo steps hang their sections here without naming the home app."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or site.root_page.depth != 2:
        return None
    root = site.root_page
    if root.locale.language_code != language_code:
        root = root.get_translation_or_none(Locale.objects.filter(language_code=language_code).first())
    return root.specific if root is not None else None
