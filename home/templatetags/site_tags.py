import hashlib

from django import template
from django.core.cache import cache
from django.utils import formats, translation
from wagtail.models import Page

from home import navigation

register = template.Library()

LANGUAGE_LINKS_SECONDS = 60 * 60


@register.simple_tag(takes_context=True)
def main_menu(context):
    return navigation.main_menu(context.get("request"))


@register.simple_tag(takes_context=True)
def language_links(context):
    """The language switcher's links. perf (issue 21): for a page, cached per host, language,
    page and full path until a page is published anywhere ("pages": a translation appears or
    goes) or the site changes ("site", "sites": moves, slugs, locales)."""
    request = context.get("request")
    page = context.get("page")
    if request is None or not isinstance(page, Page) or not page.pk:
        return navigation.language_links(request, page)
    from core import cache as versions

    tokens = versions.versions("site", "sites", "pages")
    full_path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    key = ":".join(
        [
            "language-links",
            request.get_host(),
            translation.get_language() or "",
            str(page.pk),
            full_path,
            *(tokens[name] for name in sorted(tokens)),
        ]
    )
    links = cache.get(key)
    if links is None:
        links = navigation.language_links(request, page)
        cache.set(key, links, LANGUAGE_LINKS_SECONDS)
    return links


@register.filter
def number(value, decimal_pos=None):
    """A number with the active language's grouping: 1.234.567 in Vietnamese, 1,234,567 in English."""
    if value in (None, ""):
        return ""
    return formats.number_format(value, decimal_pos=decimal_pos, use_l10n=True, force_grouping=True)


# --- meta description and Open Graph (vishell, issue 16) --------------------------------
DESCRIPTION_FIELDS = ("search_description", "intro", "standfirst", "summary")
DESCRIPTION_LENGTH = 160


def _plain(text):
    from django.utils.html import strip_tags
    from django.utils.text import Truncator

    text = " ".join(strip_tags(str(text or "")).split())
    return Truncator(text).chars(DESCRIPTION_LENGTH) if text else ""


@register.simple_tag(takes_context=True)
def page_meta(context):
    """What the <head> says about the page to search engines and to Zalo/Facebook previews:
    description (the page's search description, else its introduction, standfirst or
    summary, else the site's own description), Open Graph type, absolute URL and image."""
    from django.utils.translation import gettext

    page = context.get("page")
    request = context.get("request")
    description = ""
    for name in DESCRIPTION_FIELDS:
        description = _plain(getattr(page, name, "")) if page is not None else ""
        if description:
            break
    if not description:
        description = gettext(
            "Cổng thông tin chuyển đổi số doanh nghiệp: tin bài, cẩm nang, tập huấn, "
            "tự đánh giá chỉ số DBI, xếp hạng và tôn vinh doanh nghiệp."
        )
    image = getattr(page, "cover_image", None) if page is not None else None
    image_url = ""
    if image is not None and request is not None:
        try:
            image_url = request.build_absolute_uri(image.get_rendition("fill-1200x630").url)
        except Exception:  # noqa: BLE001 - a missing file must not break the page, only its preview
            image_url = ""
    return {
        "description": description,
        "type": "article" if hasattr(page, "standfirst") else "website",
        "url": request.build_absolute_uri(request.path) if request is not None else "",
        "image": image_url,
    }


# --- perf (issue 21): fragment caches keyed by content version ----------------------------
@register.simple_tag
def content_version(*names):
    """The current token of `names` (core.cache versions, default "site"): a `{% cache %}`
    key part, so a cached fragment is dropped as soon as what it shows changes."""
    from core import cache as versions

    tokens = versions.versions(*(names or ("site",)))
    return "-".join(tokens[name] for name in sorted(tokens))


@register.simple_tag
def page_version(page, *names):
    """The tokens the anonymous page cache keys `page` by (the site, the page, its section, its
    type: `home.page_cache.page_tags`) plus any extra `names`, as one `{% cache %}` key part:

        {% page_version page as version %}{% cache 3600 story_body page.pk LANGUAGE_CODE version %}

    A fragment cached under it is dropped by exactly the changes that drop the cached page."""
    from core import cache as versions

    from ..page_cache import page_tags

    tokens = versions.versions(*page_tags(page), *names)
    return "-".join(tokens[name] for name in sorted(tokens))


# As long as the anonymous page cache keeps a page: what fragments show can also change with
# time (an offer on the market board expiring), never for longer than the page cache.
FRAGMENT_SECONDS = 600


@register.simple_tag(takes_context=True)
def fragment_seconds(context):
    """How long a `{% cache %}` fragment of the page is kept: 0 (never stored) in a preview or a
    revision view, where the page shows a draft that must not reach visitors."""
    request = context.get("request")
    return 0 if getattr(request, "is_preview", False) else FRAGMENT_SECONDS
