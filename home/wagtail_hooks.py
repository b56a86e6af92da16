"""Admin wiring of the site shell."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def ascii_slugs():
    """Slugs made from Vietnamese titles are ASCII ("nong-dan-dak-mil-…"), see the script."""
    return format_html('<script src="{}"></script>', static("home/ascii-slug.js"))


@hooks.register("before_serve_page")
def page_cache_tokens(page, request, serve_args, serve_kwargs):
    """The page cache reads a page's version tokens before the page renders."""
    from .page_cache import note_page

    note_page(request, page)
