"""Plain views where no page fits: the embeddable widget, robots.txt and the sitemap."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page

from .choices import Desk, Kind
from .services import latest_stories

WIDGET_MAX = 12


@require_GET
@xframe_options_exempt
@cache_control(public=True, max_age=300)
def stories_widget(request):
    """The latest stories, for the outlets' own websites to show in an iframe.
    Query: ?desk=newspaper|radio|portal&kind=...&limit=1..12"""
    desk = request.GET.get("desk") if request.GET.get("desk") in Desk.values else None
    kind = request.GET.get("kind") if request.GET.get("kind") in Kind.values else None
    try:
        limit = max(1, min(WIDGET_MAX, int(request.GET.get("limit", 6))))
    except ValueError:
        limit = 6
    stories = latest_stories(limit=limit, kind=kind, desk=desk)
    return render(request, "stories/widget_stories.html", {"stories": stories, "desk": desk, "kind": kind})


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Allow: /",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


class AllLanguagesSitemap(Sitemap):
    """Wagtail's sitemap of the site's pages, in every language (each language's tree
    hangs from its own translation of the home page)."""

    def items(self):
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key)
        pages = Page.objects.none()
        for tree_root in roots:
            pages = pages | Page.objects.descendant_of(tree_root, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()


def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": AllLanguagesSitemap})
