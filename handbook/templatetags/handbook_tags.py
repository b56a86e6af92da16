"""Template helpers of the handbook's pages (perf, issue 21: fragment caches)."""

from django import template

register = template.Library()

# As long as the anonymous page cache keeps a page.
FRAGMENT_SECONDS = 600


@register.simple_tag(takes_context=True)
def fragment_seconds(context):
    """How long a `{% cache %}` fragment of the page is kept: 0 (never stored) in a preview or a
    revision view, where the page shows a draft that must not reach visitors."""
    request = context.get("request")
    return 0 if getattr(request, "is_preview", False) else FRAGMENT_SECONDS
