"""Template helpers for story pages: schema.org JSON-LD data (written by `{% json_ld %}` of
core) and Open Graph data."""

from django import template

from ..choices import Desk

register = template.Library()


@register.simple_tag(takes_context=True)
def share_image_url(context, page):
    """Absolute URL of a 1200×630 crop of the cover (Open Graph, JSON-LD), or ""."""
    if not page.cover_image:
        return ""
    rendition = page.cover_image.get_rendition("fill-1200x630-c100|format-jpeg")
    return context["request"].build_absolute_uri(rendition.url)


@register.simple_tag(takes_context=True)
def news_article(context, page, image_url=""):
    """schema.org NewsArticle data for a story page."""
    request = context["request"]
    site_name = context.get("settings") and getattr(context["settings"].home.SiteProfile, "local_owner", "")
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.standfirst,
        "datePublished": page.publication_date.isoformat(),
        "dateModified": (page.last_published_at or page.publication_date).isoformat(),
        "inLanguage": page.locale.language_code,
        "mainEntityOfPage": {"@type": "WebPage", "@id": page.get_full_url(request)},
        "articleSection": str(Desk(page.desk).label) if page.desk else "",
        "author": [{"@type": "Person", "name": name} for name in page.byline_names]
        or [{"@type": "Organization", "name": site_name or "DX"}],
        "publisher": {"@type": "Organization", "name": site_name or "DX"},
    }
    if image_url:
        data["image"] = [image_url]
    return data


# Plain share links (no third-party script: nothing is loaded from Zalo or Facebook until the
# reader clicks). Change here if a network changes its sharing address.
SHARE_TARGETS = [
    ("zalo", "Zalo", "https://sp.zalo.me/share_to_zalo?url={url}"),
    ("facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php?u={url}"),
]


@register.simple_tag(takes_context=True)
def share_links(context, page):
    """[{key, name, url}] share links for the page's absolute address."""
    from urllib.parse import quote

    request = context.get("request")
    address = request.build_absolute_uri(page.url) if request is not None else page.full_url
    return [
        {"key": key, "name": name, "url": pattern.format(url=quote(address, safe=""))}
        for key, name, pattern in SHARE_TARGETS
    ]
