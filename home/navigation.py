"""The main menu and the language switcher, with the menu cached until content changes."""

from django.core.cache import cache
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site

from core import cache as versions

# The menu shows the home pages' children: only pages this deep or higher can change it.
MENU_DEPTH = 3


def invalidate_menu(instance=None, **kwargs):
    if instance is None or not isinstance(instance, Page) or instance.depth <= MENU_DEPTH:
        versions.bump("nav")


def localized_home(site, language_code):
    """The root page of `site` in the given language, or None when it is not translated."""
    root = site.root_page
    if root.locale.language_code == language_code:
        return root
    try:
        locale = Locale.objects.get(language_code=language_code)
    except Locale.DoesNotExist:
        return None
    return root.get_translation_or_none(locale)


def main_menu(request):
    """[(label, url)] of the home page's children shown in menus, in the active language,
    with the short labels of the site profile where editors set one."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    language = translation.get_language()
    key = f"nav:menu:{site.pk}:{language}:{versions.version('nav')}"
    items = cache.get(key)
    if items is None:
        home = localized_home(site, language) or site.root_page
        pages = (
            home.get_children()
            .live()
            .public()
            .in_menu()
            .specific(defer=True)
            .only("title", "url_path", "locale_id", "translation_key")
        )
        labels = _short_labels(site, language)
        items = [(labels.get(page.translation_key) or page.title, page.get_url(request)) for page in pages]
        cache.set(key, items, 60 * 60)
    return items


def _short_labels(site, language):
    """{page translation key: label} from the site profile's main menu labels: short labels
    (the pages' titles do not fit one line at 1280 px), in `language` (English label, else
    the Vietnamese one)."""
    from .models import SiteProfile

    labels = {}
    for block in SiteProfile.for_site(site).main_menu:
        value = block.value
        page = value.get("page")
        label = value.get("label_en") if language != "vi" and value.get("label_en") else value.get("label")
        if page is not None and label:
            labels[page.translation_key] = label
    return labels


UNTRANSLATED_PARAM = "chua_dich"


def _closest_translation(page, code):
    """The nearest ancestor of `page` (the page excluded) that is live in language `code`."""
    from django.db.models import OuterRef, Subquery

    # perf (issue 21): one query; the ancestors' paths are prefixes of the page's own path.
    steplen = Page.steplen
    ancestor_paths = [page.path[:end] for end in range(2 * steplen, len(page.path), steplen)]
    ancestors = Page.objects.filter(path__in=ancestor_paths)
    source_depth = Subquery(ancestors.filter(translation_key=OuterRef("translation_key")).values("depth")[:1])
    return (
        Page.objects.filter(translation_key__in=ancestors.values("translation_key"), locale__language_code=code)
        .live()
        .annotate(source_depth=source_depth)
        .order_by("-source_depth")
        .first()
    )


def language_links(request, page=None):
    """One entry per language. A page links to its translation, keeping what the visitor
    chose: the sub-page of a routable page (an enterprise profile under the rankings) and
    the query string (a year, filters). A page without a translation links to its closest
    translated ancestor with a flag that makes that page say so (`missing`). Plain views
    (search) keep their path and query string."""
    from django.conf import settings

    current = translation.get_language()
    site = Site.find_for_request(request) if request else None
    translations = {}
    if isinstance(page, Page) and page.pk:
        for other in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[other.locale.language_code] = other
    query = request.META.get("QUERY_STRING", "") if request else ""
    subpath = ""
    if request is not None and isinstance(page, Page) and page.pk:
        page_url = page.get_url(request) or ""
        if page_url and request.path.startswith(page_url):
            subpath = request.path[len(page_url) :]
    links = []
    for code, name in settings.LANGUAGES:
        missing = False
        if code in translations:
            url = (translations[code].get_url(request) or "") + subpath
            if query:
                url += "?" + query
        elif isinstance(page, Page) and site is not None:
            missing = True
            target = _closest_translation(page, code) if page.pk else None
            if target is None:
                target = localized_home(site, code)
            url = (
                target.get_url(request) if target is not None and target.live else "/" if code == "vi" else f"/{code}/"
            )
            url += f"?{UNTRANSLATED_PARAM}=1"
        else:
            url = translate_url(request.get_full_path() if request else "/", code)
        links.append({"code": code, "name": name, "url": url, "current": code == current, "missing": missing})
    return links
