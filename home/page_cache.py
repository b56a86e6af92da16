"""A full-page cache for anonymous visitors, invalidated by what changes public output.

Anonymous GET requests for public pages are answered from the cache. Each stored response
carries the version tokens (`core.cache`) of what it shows, and a hit is only served while
they are all current:

- every response: "site" (anything publicly shown that is not a page: snippets, settings,
  the registry, verified results, rankings);
- a Wagtail page: "page:<its tree path>", "section:<its parent's path>" (siblings' previous/
  next links) and, for cross-linked types (stories' related lists), "type:<its model>";
- any other view (search, feeds, sitemap, profiles, rankings views): "pages".

Publishing, unpublishing or deleting a page bumps its own path, its ancestors' paths (the
listings that show it), its section (siblings), its model's type and "pages"; a top-level page (the menu) or a move
bumps "site". A registration bumps only its event's pages and their index (seats left,
`events.signals`); a new enterprise bumps only the dashboard's figures version, which the
dashboard page also depends on (`page_cache_versions`). Autosaves and drafts (revisions),
outgoing mail, search hits, sessions, tasks, renditions and other private rows bump nothing
(`PRIVATE_MODELS`, extended by apps with `register_private_models`). Bulk writes without
model signals (rescoring, re-ranking) bump "site" through their own signals.

A page's tokens are read before it renders (the `before_serve_page` hook, `note_page`), and a
change made inside a transaction is bumped again when it commits (`bump`): a render that read
the old rows while the change was being made is stored under tokens that are already stale,
never served after the change.

Not cached: logged-in users (session cookie), requests carrying messages, anything that is not
a 200 HTML/JSON/XML response without Set-Cookie, responses marked private or no-cache, the
admin, and any response that used the CSRF token (pages with forms; an event page's form
fetches its tokens instead, see events/models/pages.py).
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from core import cache as versions

SKIP_PREFIXES = ("/admin/", "/documents/", "/static/", "/media/", "/healthz", "/readyz")
# Models whose writes never change what an anonymous visitor sees.
PRIVATE_MODELS = {
    "admin.logentry",
    "auth.group",
    "auth.permission",
    "auth.user",
    "contenttypes.contenttype",
    "core.outgoingmail",
    "django_tasks_database.dbtaskresult",
    "django_tasks_db.dbtaskresult",
    "sessions.session",
    "wagtailadmin.admin",
    "wagtailadmin.editingsession",
    "wagtailadmin.formstate",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.groupapprovaltask",
    "wagtailcore.groupcollectionpermission",
    "wagtailcore.grouppagepermission",
    "wagtailcore.groupsitepermission",
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.referenceindex",
    "wagtailcore.revision",
    "wagtailcore.task",
    "wagtailcore.taskstate",
    "wagtailcore.uploadedfile",
    "wagtailcore.workflow",
    "wagtailcore.workflowcontenttype",
    "wagtailcore.workflowpage",
    "wagtailcore.workflowstate",
    "wagtailcore.workflowtask",
    "wagtailembeds.embed",
    "wagtailforms.formsubmission",
    "wagtailimages.rendition",
    "wagtailsearch.indexentry",
    "wagtailsearch.sqliteftsindexentry",
    "wagtailsearchpromotions.query",
    "wagtailsearchpromotions.querydailyhits",
    "wagtailusers.userprofile",
    # Our private rows: drafts and reviews of assessments (verified results bump through
    # results_changed), the mail outbox, feedback, nominations and the jury's work.
    "assessment_forms.submission",
    "assessment_forms.submissionrevision",
    "assessment_forms.pillarscore",
    "events.feedback",
    # Seats left: events.signals bumps the event's own pages, not the whole site.
    "events.registration",
    "honors.nomination",
    "honors.nominationevidence",
    "honors.juryreview",
    "honors.juryscore",
    "honors.conflictdeclaration",
    "enterprises.enterprisemembership",
    "dashboard.annualreport",
}
# Page fields whose change alone is bookkeeping (saving a draft, locking), not public output.
DRAFT_FIELDS = {
    "latest_revision",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "draft_title",
    "locked",
    "locked_at",
    "locked_by",
    "live_revision",
}


# Models whose new rows are not public until something else makes them so (a new enterprise is
# shown nowhere until it has a published result; the dashboard's registry counts follow their
# own version, `page_cache_versions`). Changing or deleting an existing row still bumps "site".
PRIVATE_CREATES = {"enterprises.enterprise"}


def register_private_models(*labels: str) -> None:
    """Apps declare their own private models (written without changing public output)."""
    PRIVATE_MODELS.update(label.lower() for label in labels)


def content_version() -> str:
    """One token that changes with any public change (the home page's fragment cache)."""
    tokens = versions.versions("site", "pages")
    return f"{tokens['site']}-{tokens['pages']}"


def bump(*names: str) -> None:
    """Bump now and, inside a transaction (the admin publishes in one), again once it
    commits: a visitor's render that read the old rows meanwhile was stored under the tokens
    of the first bump, and must not outlive the change."""
    versions.bump(*names)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: versions.bump(*names))


def invalidate(**kwargs) -> None:
    """Something shown on every kind of page changed (a setting, a result, the ranking)."""
    bump("site")


# Page types whose pages list others of the same type anywhere in the tree (a story's
# "related stories" share a pillar or a sector across desks): publishing one invalidates all.
CROSS_LINKED_TYPES = {"stories.storypage"}


def register_cross_linked_types(*labels: str) -> None:
    CROSS_LINKED_TYPES.update(label.lower() for label in labels)


def page_tags(page) -> list[str]:
    """Tokens a cached page depends on: the site, itself, its siblings' section (previous/next
    links, sibling lists), for cross-linked types its type, and the versions a page type
    names in `page_cache_versions` (the dashboard: its figures' own version)."""
    parent = page.path[: -Page.steplen]
    tags = ["site", f"page:{page.path}", f"section:{parent}"]
    if page._meta.label_lower in CROSS_LINKED_TYPES:
        tags.append(f"type:{page._meta.label_lower}")
    tags.extend(getattr(page, "page_cache_versions", ()))
    return tags


def invalidate_page(page, everywhere: bool = False) -> None:
    """A page's public output changed: the page, its ancestors' listings, its kind's related
    lists and the non-page views. Everywhere for the menu (top level) and moves."""
    steplen = Page.steplen
    names = [f"page:{page.path[:end]}" for end in range(steplen, len(page.path) + 1, steplen)]
    names += [f"section:{page.path[:-steplen]}", f"type:{type(page)._meta.label_lower}", "pages"]
    if everywhere or page.depth <= 3:
        names.append("site")
    bump(*names)


def note_page(request, page) -> None:
    """Read the tokens of the page about to be served, before it renders (a Wagtail
    `before_serve_page` hook): what it shows can only be newer than these."""
    if getattr(request, "_page_cache_candidate", False):
        request._page_cache_tokens = (page.pk, versions.versions(*page_tags(page)))


def _on_publish(sender, instance, **kwargs):
    invalidate_page(instance)


def _on_move_or_delete(sender, instance, **kwargs):
    invalidate_page(instance, everywhere=True)


def _on_model_save(sender, instance, created=False, update_fields=None, **kwargs):
    if isinstance(instance, Page):
        # Drafts and autosaves save bookkeeping fields only; a full save of a live page (a
        # script, a factory) changes what visitors see.
        if instance.live and not (update_fields and set(update_fields) <= DRAFT_FIELDS):
            invalidate_page(instance)
        return
    label = sender._meta.label_lower
    if label in PRIVATE_MODELS or (created and label in PRIVATE_CREATES):
        return
    invalidate()


def _on_model_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        invalidate_page(instance, everywhere=True)
    elif sender._meta.label_lower not in PRIVATE_MODELS:
        invalidate()


def connect():
    from assessment_forms.signals import results_changed
    from honors.signals import ranking_changed

    page_published.connect(_on_publish, dispatch_uid="page-cache-publish")
    page_unpublished.connect(_on_publish, dispatch_uid="page-cache-unpublish")
    post_page_move.connect(_on_move_or_delete, dispatch_uid="page-cache-move")
    page_slug_changed.connect(_on_move_or_delete, dispatch_uid="page-cache-slug")
    post_save.connect(_on_model_save, dispatch_uid="page-cache-save")
    # Per model, never for the private ones: a listener for every sender would stop Django from
    # deleting any queryset in one statement (it loads the rows to send a signal per row).
    from django.apps import apps

    for model in apps.get_models():
        if model._meta.label_lower not in PRIVATE_MODELS:
            post_delete.connect(
                _on_model_delete, sender=model, dispatch_uid=f"page-cache-delete:{model._meta.label_lower}"
            )
    # Bulk writes that fire no model signal: a rescoring, a re-ranking (a background task).
    results_changed.connect(invalidate, dispatch_uid="page-cache-results")
    ranking_changed.connect(invalidate, dispatch_uid="page-cache-ranking")


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = getattr(settings, "PAGE_CACHE_SECONDS", 0)
        if not seconds or not self._cacheable_request(request):
            return self.get_response(request)
        key = f"page-cache:{request.get_host()}:{request.get_full_path()}"
        entry = cache.get(key)
        if entry is not None:
            stored, response = entry
            if versions.versions(*stored) == stored:
                response["X-Page-Cache"] = "hit"
                return response
        # Read before rendering: a change during the render leaves this entry already stale.
        before = versions.versions("site", "pages")
        request._page_cache_candidate = True
        response = self.get_response(request)
        if self._cacheable_response(request, response):
            if hasattr(response, "render") and callable(response.render) and not response.is_rendered:
                response.render()
            page = (getattr(response, "context_data", None) or {}).get("page")
            noted = getattr(request, "_page_cache_tokens", None)
            if isinstance(page, Page):
                tokens = noted[1] if noted and noted[0] == page.pk else versions.versions(*page_tags(page))
                stored = {**tokens, "site": before["site"]}
            elif noted:
                # A page's own view answering without a template context (the dashboard's
                # stored HTML): the tokens Wagtail's serve noted for it, plus "pages".
                stored = {**noted[1], **before}
            else:
                stored = before
            response["X-Page-Cache"] = "miss"
            cache.set(key, (stored, response), seconds)
        return response

    @staticmethod
    def _cacheable_request(request):
        if request.method not in ("GET", "HEAD"):
            return False
        if request.path.startswith(SKIP_PREFIXES):
            return False
        cookies = request.COOKIES
        return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies

    @staticmethod
    def _cacheable_response(request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
            return False
        cache_control = response.get("Cache-Control", "")
        return "private" not in cache_control and "no-cache" not in cache_control and "no-store" not in cache_control
