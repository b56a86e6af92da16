"""What the site search covers besides pages.

Every live, public Page subclass with `search_fields` is covered automatically (by Page
polymorphism, grouped by page type). Other models (enterprise public profiles, FAQ snippets…)
are added by the app that owns them, in its AppConfig.ready():

    from search.registry import register_searchable
    register_searchable(services.public_profiles, _("Doanh nghiệp"), key="enterprises")

`source` is a model class or a function `source(locale)` returning a queryset of what the
public may see in that language (`locale` is a wagtail Locale, ignore it if the model has
none). The model must be indexed (declare `search_fields`). A result's link comes from `url(obj)`,
else `obj.get_absolute_url()`; its title from `title(obj)`, else `str(obj)`; its snippet from
`summary(obj)`, else the text of its search fields. A model outside the search index passes
`match(queryset, query)` (e.g. `core.folding.folded_search` on its name).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

_REGISTRY = {}


@dataclass(frozen=True)
class Searchable:
    key: str
    label: Any
    source: Any
    url: Callable | None = None
    title: Callable | None = None
    summary: Callable | None = None
    # `match(queryset, query) -> queryset`: for models outside the search index (matched in
    # the database, e.g. with core.folding.folded_search); default: `queryset.search(query)`.
    match: Callable | None = None
    # `urls(objs) -> list of URLs`, one per object, when a link costs a lookup that a batch
    # shares (the enterprises' rankings page); default: `url_for` of each.
    urls: Callable | None = None

    def search(self, locale, query):
        queryset = self.queryset(locale)
        return self.match(queryset, query) if self.match else queryset.search(query)

    def queryset(self, locale):
        source = self.source
        if isinstance(source, type):
            return source._default_manager.all()
        return source(locale)

    def url_for(self, obj):
        if self.url:
            return self.url(obj)
        return obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else ""

    def urls_for(self, objs):
        if self.urls:
            return list(self.urls(objs))
        return [self.url_for(obj) for obj in objs]

    def title_for(self, obj):
        return self.title(obj) if self.title else str(obj)


def register_searchable(source, label, *, key=None, url=None, title=None, summary=None, match=None, urls=None):
    """Adds `source` to the site search under the kind `label`; returns the entry."""
    if key is None:
        model = source if isinstance(source, type) else None
        if model is None:
            raise ValueError("register_searchable needs `key` when `source` is a function")
        key = f"{model._meta.app_label}.{model._meta.model_name}"
    entry = Searchable(
        key=key, label=label, source=source, url=url, title=title, summary=summary, match=match, urls=urls
    )
    _REGISTRY[key] = entry
    return entry


def unregister_searchable(key):
    _REGISTRY.pop(key, None)


def registered():
    """The registered non-page kinds, in registration order."""
    return list(_REGISTRY.values())
