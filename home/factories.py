"""Factories for pages, shared by the tests and the demo content."""

import factory
from wagtail.models import Locale, Page, Site

from .models import HomePage, StandardPage
from .slugs import ascii_slug, unique_sibling_slug


class PageFactory(factory.django.DjangoModelFactory):
    """Creates a page as a child of `parent` (default: the tree root), live, with a revision."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Trang {n}")
    live = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        parent = parent or Page.get_first_root_node()
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        page.save_revision(log_action=False)
        return page


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage

    title = "Trang chủ"
    slug = "trang-chu"
    intro = "Cổng thông tin chuyển đổi số doanh nghiệp."


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Trang nội dung {n}")
    intro = "Giới thiệu ngắn."


def ensure_locales():
    """The two content languages: Vietnamese (default) and English."""
    vi, _ = Locale.objects.get_or_create(language_code="vi")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return vi, en


def translate_page(page, locale, **fields):
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


def make_site_home(**fields):
    """The Vietnamese home page as the default site's root, replacing Wagtail's welcome page,
    plus its English translation. Idempotent."""
    vi, en = ensure_locales()
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(depth=2, locale=vi).first()
    if home is None:
        home = HomePageFactory(parent=root, locale=vi, **fields)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.save()
        if type(old_root.specific) is Page and not old_root.get_children().exists():
            old_root.delete()
    return home
