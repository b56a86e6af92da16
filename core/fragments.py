"""Listings served from the cache: their pages and their cards (issue 21).

A listing (the consultant directory, the solutions catalogue, the supply–demand board) shows
the same card for an item on every page and filter it appears in, and the same page of items
to every visitor until something it shows changes. Building them (model instances, prefetches,
a template per card) is most of such a page's cost. `ListingVersion` keeps, under the tokens
of its `names` (`core.cache` version names the app bumps on every save or delete of what the
listing shows, see `bump_on_change`):

- each **page**: the count and the keys of the items of one filter and page number (a cheap
  query on a miss: the keys only), valid until a bump or, for listings whose items expire
  with time (board posts), until the first of them expires (`deadline`);
- each **card**: the HTML of one item, keyed by the card's template (a digest of its source,
  so a deploy that changes it starts afresh), the active language (URLs, labels: an English
  card is never shown in Vietnamese), the tokens and the item's key. All cards of a page come
  in one `get_many`; the missing ones are loaded together (`load`, with their prefetches),
  rendered and stored with one `set_many`.

A bump makes every entry of the listing unreachable at once, so an edit shows at the next
request; entries also expire after a while (rows written in bulk, without model signals). With
the cache down everything is built each time (the backends fail open), never stale.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from functools import cache as memoize
from typing import Any

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.template.loader import get_template
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from core import cache as versions

PAGE_SECONDS = 600
CARD_SECONDS = 3600


def digest(value: Any) -> str:
    """A short, stable digest of a value's repr (tuples, strings, numbers, dates)."""
    return hashlib.blake2b(repr(value).encode(), digest_size=10).hexdigest()


@memoize
def template_digest(name: str) -> str:
    """A digest of a template's source (per process: the code does not change under it)."""
    template = get_template(name)
    source = getattr(getattr(template, "template", None), "source", "") or name
    return digest(source)


def cached(
    name: str,
    build: Callable[[], Any],
    *,
    names: Sequence[str] = (),
    parts: Sequence[Any] = (),
    timeout: int = PAGE_SECONDS,
) -> Any:
    """`build()`'s value, kept under `name`, the tokens of `names` and `parts` (include the
    language in `parts` when the value has words in it)."""
    tokens = versions.versions(*names) if names else {}
    key = ":".join(["cached", name, *map(str, parts), *(tokens[n] for n in names)])
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    return value


class _Counted:
    """What a Paginator needs of a list whose length is known: its length."""

    def __init__(self, count: int) -> None:
        self.count = count

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, index: Any) -> list[Any]:
        return []  # never read: the page's keys come from the cache

    def __iter__(self) -> Iterator[Any]:
        return iter(())


class ListingVersion:
    """The cached pages and cards of one listing (see the module docstring).

    `template` renders one card with the item as `as_name`; `load(keys)` returns the items of
    those keys (any order; missing ones are left out), ready for their cards."""

    def __init__(
        self,
        name: str,
        template: str,
        *,
        names: Sequence[str],
        load: Callable[[list[Any]], Iterable[Any]],
        as_name: str = "item",
        key: Callable[[Any], Any] = lambda item: item.pk,
        page_seconds: int = PAGE_SECONDS,
        card_seconds: int = CARD_SECONDS,
    ) -> None:
        self.name = name
        self.template = template
        self.names = tuple(names)
        self.load = load
        self.as_name = as_name
        self.item_key = key
        self.page_seconds = page_seconds
        self.card_seconds = card_seconds

    def _tokens(self) -> list[str]:
        tokens = versions.versions(*self.names) if self.names else {}
        return [tokens[n] for n in self.names]

    def page(
        self,
        queryset: Callable[[], Any],
        filters: dict[str, Any],
        number: Any,
        per_page: int,
        *,
        deadline: Callable[[Any], datetime | None] | None = None,
    ) -> Page:
        """A page of the keys (pks) of `queryset()` filtered by `filters` (their values make the
        key: pass the form's cleaned values), as `Paginator.get_page(number)` gives it.
        `deadline(queryset)` is when the page stops being right by itself (the first item to
        expire); None: only a bump changes it."""
        raw = "" if number is None else str(number)[:20]
        key = ":".join(
            ["listing-page", self.name, digest(sorted(filters.items())), digest(raw), str(per_page), *self._tokens()]
        )
        entry = cache.get(key)
        now = timezone.now()
        if entry is not None and entry[3] is not None and entry[3] <= now:
            entry = None
        if entry is None:
            qs = queryset()
            paginator = Paginator(qs.values_list("pk", flat=True), per_page)
            found = paginator.get_page(number)
            until = deadline(qs) if deadline is not None else None
            entry = (paginator.count, found.number, list(found.object_list), until)
            timeout = self.page_seconds
            if until is not None:
                timeout = max(1, min(timeout, int((until - now).total_seconds()) + 1))
            cache.set(key, entry, timeout)
        count, page_number, keys, _until = entry
        return Page(keys, page_number, Paginator(_Counted(count), per_page))

    def cards(self, keys: Sequence[Any], context: dict[str, Any] | None = None) -> list[SafeString]:
        """The cards of the items of `keys`, in order (an item that is gone is left out)."""
        if not keys:
            return []
        prefix = ":".join(["card", self.name, template_digest(self.template), get_language() or "", *self._tokens()])
        cache_keys = {item: f"{prefix}:{item}" for item in keys}
        found = cache.get_many(list(cache_keys.values()))
        missing = [item for item in keys if cache_keys[item] not in found]
        if missing:
            template = get_template(self.template)
            fresh = {
                cache_keys[self.item_key(obj)]: template.render({**(context or {}), self.as_name: obj})
                for obj in self.load(missing)
                if self.item_key(obj) in cache_keys
            }
            cache.set_many(fresh, self.card_seconds)
            found.update(fresh)
        return [mark_safe(found[cache_keys[item]]) for item in keys if cache_keys[item] in found]  # noqa: S308


def bump(*names: str) -> None:
    """Bump `core.cache` versions now and, inside a transaction, again once it commits: a
    render that read the old rows meanwhile was stored under the first bump's tokens and must
    not outlive the change (as `home.page_cache.bump` does for pages)."""
    from django.db import transaction

    versions.bump(*names)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: versions.bump(*names))


def bump_on_change(name: str, *senders: Any, uid: str, referenced: tuple[Any, ...] = ()) -> None:
    """Connect `bump(name)` to the saves and deletes of `senders` (models, or "app.Model"
    labels) and to the changes of many-to-many `through` models among them.

    `referenced`: senders shown only through rows that refer to them (the enterprise named on
    a board post): a new one cannot be shown yet, so only its changes and deletes bump (a
    registration rush records hundreds of new enterprises)."""
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_delete, post_save

    only_existing = {apps.get_model(each) if isinstance(each, str) else each for each in referenced}

    def changed(sender: Any = None, **kwargs: Any) -> None:
        if kwargs.get("raw"):
            return  # fixtures being loaded
        if kwargs.get("created") and sender in only_existing:
            return
        action = kwargs.get("action")
        if action is not None and not str(action).startswith("post_"):
            return
        bump(name)

    changed.__name__ = f"bump_{name}"
    for sender in (*senders, *referenced):
        model = apps.get_model(sender) if isinstance(sender, str) else sender
        suffix = f"{uid}:{model._meta.label_lower}"
        if model._meta.auto_created:  # a many-to-many table
            m2m_changed.connect(changed, sender=model, weak=False, dispatch_uid=f"{suffix}:m2m")
        post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"{suffix}:save")
        post_delete.connect(changed, sender=model, weak=False, dispatch_uid=f"{suffix}:delete")
