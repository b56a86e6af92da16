"""Caching that fails open and stays right: the one versioning helper of the site.

Two things live here.

1. **Fail-open cache backends** (`RedisCache`, `LocMemCache`). Every call (get, set, add,
   delete, incr, get_many...) that raises is logged, counted and answered as a miss: the page
   is served uncached, never a 500. After an error the backend is skipped for
   `CACHE_RETRY_SECONDS` (a per-process circuit breaker), so a Redis that is down or hung costs
   one failed connection per worker every few seconds, not one per call. The settings use
   these classes for `CACHES["default"]`; `readiness()` probes the real backend for `/readyz`.

2. **Versions** (`version`, `versions`, `bump`): named tokens that cached keys include, so a
   change makes every entry under that name unreachable at once. A token is the time in
   nanoseconds plus random bits, never a counter: after an eviction (or with the cache down) a
   fresh token cannot collide with one an old entry was stored under, so nothing stale is read
   back. Names used by the site: "site" (anything publicly shown), "pages" (any page
   published), "page:<tree path>", "type:<model>", "nav", "handbook", "dashboard", "rankings".
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import secrets
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from django.core.cache import cache as default_cache
from django.core.cache.backends import locmem, redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

logger = logging.getLogger(__name__)

# Errors and skipped calls per process, reported by /readyz and the fault tests.
stats: Counter[str] = Counter()
_lock = threading.Lock()

VERSION_PREFIX = "ver:"

if TYPE_CHECKING:  # the mixin sits before a real backend in every class that uses it
    _MixinBase = BaseCache
else:
    _MixinBase = object


class FailOpenMixin(_MixinBase):
    """Turn backend errors into misses (see the module docstring)."""

    _MISS_DEFAULTS: dict[str, Any] = {
        "get": "default",
        "get_many": dict,
        "set": None,
        "add": False,
        "delete": False,
        "delete_many": None,
        "set_many": "keys",
        "has_key": False,
        "touch": False,
        "clear": None,
    }

    retry_seconds = 5.0
    _broken_until = 0.0

    def _guard(
        self,
        name: str,
        call: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        miss: Callable[[], Any],
    ) -> Any:
        if self._broken_until and time.monotonic() < self._broken_until:
            stats["skipped"] += 1
            return miss()
        try:
            return call(*args, **kwargs)
        except Exception as exc:  # any transport error: the site must keep serving
            with _lock:
                stats["errors"] += 1
                self._broken_until = time.monotonic() + self.retry_seconds
            logger.warning("Cache %s failed, served without the cache: %s: %s", name, type(exc).__name__, exc)
            return miss()

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        return self._guard("get", super().get, (key, default, version), {}, lambda: default)

    def get_many(self, keys: Iterable[Any], version: int | None = None) -> dict[Any, Any]:
        return self._guard("get_many", super().get_many, (keys, version), {}, dict)

    def set(self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> None:
        return self._guard("set", super().set, (key, value, timeout, version), {}, lambda: None)

    def add(self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        return self._guard("add", super().add, (key, value, timeout, version), {}, lambda: False)

    def set_many(self, data: dict[Any, Any], timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> list[Any]:
        return self._guard("set_many", super().set_many, (data, timeout, version), {}, lambda: list(data))

    def delete(self, key: Any, version: int | None = None) -> bool:
        return self._guard("delete", super().delete, (key, version), {}, lambda: False)

    def delete_many(self, keys: Iterable[Any], version: int | None = None) -> None:
        return self._guard("delete_many", super().delete_many, (keys, version), {}, lambda: None)

    def has_key(self, key: Any, version: int | None = None) -> bool:
        return self._guard("has_key", super().has_key, (key, version), {}, lambda: False)

    def touch(self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        return self._guard("touch", super().touch, (key, timeout, version), {}, lambda: False)

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        def missing() -> int:
            raise ValueError(f"Key '{key}' not found (cache unavailable)")

        return self._guard("incr", super().incr, (key, delta, version), {}, missing)

    def decr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        return self.incr(key, -delta, version)

    def clear(self) -> None:
        return self._guard("clear", super().clear, (), {}, lambda: None)

    def probe(self) -> None:
        """Round-trip a key through the real backend; raises when it is unreachable."""
        token = secrets.token_hex(4)
        super().set("readyz:probe", token, 10)
        if super().get("readyz:probe") != token:
            raise RuntimeError("the cache did not return what was written")
        self._broken_until = 0.0


class _ReusedClientRedisCacheClient(redis.RedisCacheClient):
    """Django's client builds a new `redis.Redis` object on every call (`get_client`), which
    costs more CPU than the round trip itself: keep one per connection pool (it is thread-safe,
    connections are taken from the pool per command)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)  # type: ignore[attr-defined]
        return client


class RedisCache(FailOpenMixin, redis.RedisCache):
    """Django's Redis cache, failing open. Give it short socket timeouts in OPTIONS."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        retry = options.pop("CACHE_RETRY_SECONDS", 5)
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._class = _ReusedClientRedisCacheClient
        self.retry_seconds = float(retry)

    def count_many(self, counters: dict[str, int]) -> dict[str, int]:
        """Add one to each counter {key: seconds it lives from its first count} and return
        the new counts ({} with the cache down: nothing is counted). Rate limits count
        several per request (core.spam); other caches count one call at a time there."""
        return self._guard("count_many", self._count_many, (counters,), {}, dict)

    def _count_many(self, counters: dict[str, int]) -> dict[str, int]:
        """Every counter in one round trip: SET … NX EX starts a counter at 0 with its lifetime
        (a counter that exists keeps its own), then INCR. Any Redis since 2.6.12."""
        client = self._cache.get_client(write=True)  # type: ignore[attr-defined]  # Django's client
        pipe = client.pipeline(transaction=False)
        for key, seconds in counters.items():
            name = self.make_and_validate_key(key)
            pipe.set(name, 0, ex=seconds, nx=True)
            pipe.incr(name)
        replies = pipe.execute()
        return {key: int(replies[2 * n + 1]) for n, key in enumerate(counters)}


class LocMemCache(FailOpenMixin, locmem.LocMemCache):
    """The per-process cache (development, tests), with the same interface."""

    def __init__(self, name: str, params: dict[str, Any]) -> None:
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        self.retry_seconds = float(options.pop("CACHE_RETRY_SECONDS", 5))
        params["OPTIONS"] = options
        super().__init__(name, params)


# --- versions --------------------------------------------------------------------------


def new_token() -> str:
    """Time-ordered and random: cannot repeat a token that was evicted."""
    return f"{time.time_ns():x}{secrets.token_hex(4)}"


# perf (issue 21): the tokens already read in this request ({name: token}), or None outside
# `request_scope`. One render asks for "site" a dozen times (footer, menu, fragments, the page
# cache): inside a scope each name is read from the cache once per request.
_memo: contextvars.ContextVar[dict[str, str] | None] = contextvars.ContextVar("cache_versions_memo", default=None)


@contextlib.contextmanager
def request_scope(*prefetch: str) -> Iterator[None]:
    """Memoise version tokens for the length of one request (the site middleware wraps every
    request in it), reading `prefetch` names in one round trip up front.

    Safe for the caches keyed by these tokens: a memoised token was read earlier than a fresh
    read would have been, so an entry stored under it can only turn stale sooner, never be
    served after a change. A bump made in the request updates the memo."""
    token = _memo.set({})
    try:
        if prefetch:
            versions(*prefetch)
        yield
    finally:
        _memo.reset(token)


def versions(*names: str, cache: BaseCache | None = None) -> dict[str, str]:
    """The current token of each name (missing ones are created)."""
    memo = _memo.get() if cache is None else None
    if memo is not None:
        missing = [name for name in names if name not in memo]
        if missing:
            memo.update(_read_versions(missing, default_cache))
        return {name: memo[name] for name in names}
    return _read_versions(names, cache or default_cache)


def _read_versions(names: Iterable[str], cache: BaseCache) -> dict[str, str]:
    keys = {VERSION_PREFIX + name: name for name in names}
    found = cache.get_many(list(keys))
    result = {keys[key]: value for key, value in found.items()}
    for key, name in keys.items():
        if name not in result:
            token = new_token()
            # add, not set: two processes creating the same name agree on the first token.
            if not cache.add(key, token, None):
                token = cache.get(key) or token
            result[name] = token
    return result


def version(name: str, cache: BaseCache | None = None) -> str:
    return versions(name, cache=cache)[name]


def bump(*names: str, cache: BaseCache | None = None) -> None:
    """Make every entry stored under these names stale."""
    if not names:
        return
    memo = _memo.get() if cache is None else None
    cache = cache or default_cache
    token = new_token()
    cache.set_many({VERSION_PREFIX + name: token for name in names}, None)
    if memo is not None:
        memo.update(dict.fromkeys(names, token))
    logger.debug("Cache versions bumped: %s", ", ".join(names))


class _BumpAfterCommit:
    """One `bump_after_commit` call, queued with `transaction.on_commit`. The first to run
    bumps its names and those of every call of the same transaction still queued (Django
    drops the callbacks of a rolled-back savepoint, so their names are not bumped)."""

    def __init__(self, names: tuple[str | Callable[[], Iterable[str]], ...]) -> None:
        self.names = names
        self.done = False

    def __call__(self) -> None:
        from django.db import connection

        if self.done:
            return
        queued = [hook[1] for hook in connection.run_on_commit if isinstance(hook[1], _BumpAfterCommit)]
        names: set[str] = set()
        for each in (self, *queued):
            if not each.done:
                each.done = True
                for name in each.names:
                    names.update([name] if isinstance(name, str) else name())
        bump(*sorted(names))


def bump_after_commit(*names: str | Callable[[], Iterable[str]]) -> None:
    """`bump` once the current transaction commits (at once outside one). The names asked
    for in one transaction are bumped together, in one round trip, after the commit: nothing
    reaches the cache while the transaction holds its row locks (perf, issue 21.4: under a
    registration rush the seat lock was held through two cache writes), and no reader can
    store the old rows under a token bumped before they were committed. A callable among
    `names` is called after the commit and gives more names (looking them up costs nothing
    inside the transaction)."""
    from django.db import transaction

    if names:
        transaction.on_commit(_BumpAfterCommit(names))


def key(*parts: Any, names: tuple[str, ...] = ()) -> str:
    """A cache key made of `parts` and the current tokens of `names`."""
    tokens = versions(*names) if names else {}
    return ":".join([*map(str, parts), *(tokens[name] for name in names)])


# Values stored under versioned keys, also kept in this process (perf, issue 21.4: a
# registration rush asked the shared cache for the same site table and event on every request).
# A versioned key names the tokens its value was read under, and a change bumps a token, so
# the key moves: a copy kept here can never be served after a change, on this server or
# another. Bounded and short-lived, so memory stays flat.
LOCAL_SIZE = 256
LOCAL_SECONDS = 60
_local: dict[str, tuple[float, Any]] = {}
_local_lock = threading.Lock()


def versioned(key: str, load: Callable[[], Any], timeout: int) -> Any:
    """The value of `key` (which must include the version tokens it depends on): from this
    process when read in the last LOCAL_SECONDS, else from the shared cache, else `load()`
    (stored in both). `load` may return None: nothing is stored then."""
    now = time.monotonic()
    entry = _local.get(key)
    if entry is not None and entry[0] > now:
        return entry[1]
    value = default_cache.get(key)
    if value is None:
        value = load()
        if value is None:
            return None
        default_cache.set(key, value, timeout)
    with _local_lock:
        if len(_local) >= LOCAL_SIZE:
            for old in [k for k, (until, _v) in _local.items() if until <= now] or list(_local)[: LOCAL_SIZE // 4]:
                _local.pop(old, None)
        _local[key] = (now + min(timeout, LOCAL_SECONDS), value)
    return value


def readiness(cache: BaseCache | None = None) -> tuple[bool, str]:
    """(ok, detail) of the cache backend, for /readyz."""
    if cache is None:
        from django.core.cache import caches

        cache = caches["default"]  # the backend itself, not the proxy
    try:
        if isinstance(cache, FailOpenMixin):
            cache.probe()
        else:
            token = secrets.token_hex(4)
            cache.set("readyz:probe", token, 10)
            if cache.get("readyz:probe") != token:
                return False, "the cache did not return what was written"
    except Exception as exc:
        return False, f"{type(exc).__name__}: {exc}"[:200]
    return True, "ok"


def is_per_process(alias: str = "default") -> bool:
    """True for a cache each process keeps for itself (locmem, dummy)."""
    from django.conf import settings

    backend = settings.CACHES.get(alias, {}).get("BACKEND", "")
    return backend.endswith(("locmem.LocMemCache", "dummy.DummyCache", "core.cache.LocMemCache"))
