"""The spam and abuse guards of every public form, in one place.

A form that inherits `HumanCheckForm` gets:
- a honeypot field people never see (`website`: bots fill every field);
- a signed start token (`started`): the time the form was shown (bots post at once, people need
  more than MIN_FILL_SECONDS; a day-old form has expired) and a random nonce that makes the
  token single use. The view wraps its writes in `form.single_use()`: the first post of a token
  claims it in the shared cache (an atomic `add`), a second post of the same token, even one
  racing the first, gets the first post's result (a redirect to the same place) or a clear
  message, never a second record. A refused submission gives the token back so the person
  can correct the form and send it again.

`rate_limited(request, scope, **values)` counts every public POST per client address and per
tax code / e-mail (django-ratelimit's counters in the shared cache, rates in
settings.RATE_LIMITS); the view then answers `too_many_requests(request)` (HTTP 429, a
Vietnamese page, template 429.html) before writing anything.

Templates hide the honeypot in a visually hidden, aria-hidden wrapper.
"""

import contextlib
import secrets
import time
from collections.abc import Iterator
from typing import Any, cast

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

SALT = "dx.form-started"
MIN_FILL_SECONDS = 3
MAX_FILL_SECONDS = 24 * 3600
HONEYPOT = "website"
USED_PREFIX = "dx:form-used:"
IN_FLIGHT = "\x00in-flight"

USED_MESSAGE = _(
    "Biểu mẫu này đã được gửi. Nếu bạn muốn gửi thêm một lần nữa, hãy tải lại trang để mở một biểu mẫu mới."
)


def started_token(seconds_ago: float = 0, nonce: str | None = None) -> str:
    """A signed start token: the time the form was shown (`seconds_ago` earlier, for tests)
    and a random nonce that makes it single use."""
    return signing.dumps({"t": time.time() - seconds_ago, "n": nonce or secrets.token_urlsafe(16)}, salt=SALT)


def _cache() -> BaseCache:
    return caches[getattr(settings, "RATELIMIT_USE_CACHE", "default")]


class AlreadySent(Exception):
    """The start token was used before: `result` is what the first post returned (a URL to
    redirect to), or "" while the first post is still being handled or left nothing to show."""

    def __init__(self, result: str = "") -> None:
        super().__init__(result)
        self.result = result
        self.message = USED_MESSAGE


class _Use:
    """What a view does inside `single_use()`: set `result` (the URL the first post redirected
    to) so a repeat is sent to the same place; call `refuse()` when the submission was refused
    without writing, which gives the token back for a corrected post."""

    def __init__(self) -> None:
        self.result = ""
        self.refused = False

    def refuse(self) -> None:
        self.refused = True


class HumanCheckForm(forms.Form):
    website = forms.CharField(
        label=_("Để trống ô này"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    min_fill_seconds = MIN_FILL_SECONDS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.start_nonce: str | None = None
        if not self.is_bound:
            self.initial.setdefault("started", started_token())

    def clean(self) -> dict[str, Any]:
        data = cast(dict[str, Any], super().clean())
        if data.get(HONEYPOT):
            raise ValidationError(_("Không gửi được biểu mẫu. Vui lòng thử lại."), code="spam")
        expired = ValidationError(_("Biểu mẫu đã hết hạn. Vui lòng tải lại trang và gửi lại."), code="expired")
        try:
            value = signing.loads(data.get("started") or "", salt=SALT, max_age=MAX_FILL_SECONDS)
            started, nonce = float(value["t"]), str(value["n"])
        except (signing.BadSignature, TypeError, ValueError, KeyError):
            raise expired from None
        elapsed = time.time() - started
        if elapsed > MAX_FILL_SECONDS:
            raise expired
        if elapsed < self.min_fill_seconds:
            raise ValidationError(_("Bạn gửi quá nhanh. Vui lòng kiểm tra lại thông tin rồi gửi lại."), code="too_fast")
        self.start_nonce = nonce
        return data

    @contextlib.contextmanager
    def single_use(self) -> Iterator[_Use]:
        """Claim the start token for the writes in the block (call after `is_valid()`).

        Raises AlreadySent when the token was claimed before. An exception in the block, or
        `use.refuse()`, gives the token back; otherwise the token stays used for a day and
        remembers `use.result` for repeats."""
        if self.start_nonce is None:
            raise RuntimeError("single_use() needs a valid form")
        cache = _cache()
        key = USED_PREFIX + self.start_nonce
        if not cache.add(key, IN_FLIGHT, MAX_FILL_SECONDS):
            previous = cache.get(key)
            # Nothing stored although `add` refused: the cache is down (it fails open). The
            # person's submission goes through rather than being lost to the outage; the
            # forms' own one-time keys still stop a double click.
            if previous is not None:
                raise AlreadySent("" if previous == IN_FLIGHT else previous)
        use = _Use()
        try:
            yield use
        except BaseException:
            cache.delete(key)
            raise
        if use.refused:
            cache.delete(key)
        else:
            cache.set(key, use.result or "-", MAX_FILL_SECONDS)


# --- Rate limits ------------------------------------------------------------------------

DEFAULT_RATES = {"ip": "30/h", "value": "10/h"}


def _rates(scope: str) -> dict[str, str]:
    configured = getattr(settings, "RATE_LIMITS", {})
    return {**DEFAULT_RATES, **configured.get("default", {}), **configured.get(scope, {})}


def _normalise(value: Any) -> str:
    return "".join(str(value).split()).lower().replace("-", "")


def rate_limited(request: HttpRequest, scope: str, **values: Any) -> bool:
    """Count this request against the limits of `scope` and say whether any is exceeded.

    One counter per client address (REMOTE_ADDR, or the header named by
    RATELIMIT_IP_META_KEY behind a trusted proxy; IPv6 grouped by /64) and one per non-empty
    value given (a tax code, an e-mail), shared by every scope that names the same kind of
    value: 10 nominations and 10 registrations for one tax code in an hour are 20. Every
    counter is incremented, so a client cannot spread its tries over the values it sends."""
    if not getattr(settings, "RATELIMIT_ENABLE", True):
        return False
    from django_ratelimit import ALL
    from django_ratelimit.core import _SIMPLE_KEYS, _get_window, _make_cache_key, _split_rate

    # django-ratelimit's fixed windows, keys and client address (RATELIMIT_IP_META_KEY, IPv6
    # grouped by /64), counted in one round trip to the cache (a registration rush counts
    # three per request; one `add` or `incr` each was a tenth of the request's time).
    rates = _rates(scope)
    wanted = [(f"dx:{scope}:ip", _SIMPLE_KEYS["ip"](request), rates["ip"])]
    for name, value in values.items():
        value = _normalise(value or "")
        if value:
            wanted.append((f"dx:{name}", value, rates.get(name, rates["value"])))
    limits, counters = {}, {}
    for group, value, rate in wanted:
        limit, period = _split_rate(rate)
        key = _make_cache_key(group, _get_window(value, period), rate, value, ALL)
        limits[key], counters[key] = limit, period + 1
    cache = caches[getattr(settings, "RATELIMIT_USE_CACHE", "default")]
    count_many = getattr(cache, "count_many", None)
    if count_many is None:  # any cache but Redis: one call each
        counts = {key: _count(cache, key, seconds) for key, seconds in counters.items()}
    else:
        counts = count_many(counters)
    return any(counts.get(key, 0) > limit for key, limit in limits.items())


def _count(cache: BaseCache, key: str, seconds: int) -> int:
    try:
        return 1 if cache.add(key, 1, seconds) else cache.incr(key)
    except ValueError:  # gone between the two calls
        return 0


def too_many_requests(request: HttpRequest) -> TemplateResponse:
    """HTTP 429 with a page that says, in the visitor's language, to wait and try again."""
    response = TemplateResponse(
        request,
        "429.html",
        {"message": gettext("Bạn đã gửi quá nhiều lần trong thời gian ngắn. Vui lòng đợi một lúc rồi thử lại.")},
        status=429,
    )
    response["Retry-After"] = "600"
    response["Cache-Control"] = "no-store"
    return response


# --- Deployment check -------------------------------------------------------------------


def check_shared_cache(app_configs: Any = None, **kwargs: Any) -> list[Any]:
    """Warn when rate limits and single-use tokens live in per-process memory outside DEBUG:
    with several workers each would count and claim on its own (set REDIS_URL)."""
    from django.core import checks

    backend = settings.CACHES.get(getattr(settings, "RATELIMIT_USE_CACHE", "default"), {}).get("BACKEND", "")
    if settings.DEBUG or not getattr(settings, "RATELIMIT_ENABLE", True):
        return []
    if backend.endswith(("LocMemCache", "DummyCache")):
        return [
            checks.Warning(
                "Rate limits and single-use form tokens use a per-process cache.",
                hint="Set REDIS_URL so every worker shares one cache.",
                id="core.W001",
            )
        ]
    return []
