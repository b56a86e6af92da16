"""The public ranking page's two costly parts, rendered once and then served from the cache:

- the options of the filters (hundreds of districts, every VSIC section, sizes and levels),
  kept as HTML per language under the "site" version (any change to the registry's units or
  sectors bumps it), the chosen option marked per request by a plain string replace;
- the results of one view (summary, table, phone cards, pages), kept as HTML per ranking
  version, "site" version, language, page URL and normalised query, so a re-ranking, a
  change of consent or a publication (which bump "rankings") shows at once.

Neither holds anything per user (no token, no name of the visitor): the same for everyone of
a language. With the cache down both are rendered each time (core.cache fails open).
"""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.html import format_html_join
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language

from core import cache as versions

from ..services.rankings import LEVELS, VERSION_NAME, RankingQuery, filter_choices

SECONDS = 10 * 60


def _option_html(choices: list[dict[str, Any]], label) -> str:
    return format_html_join("", '<option value="{}">{}</option>', ((choice["pk"], label(choice)) for choice in choices))


class Options:
    """The cached options of one filter: its HTML, and `in` for "is this id one of them"
    (the check reads the HTML: no list of hundreds of ids to load per request)."""

    def __init__(self, html: str) -> None:
        self.html = html

    def __contains__(self, value: object) -> bool:
        return _marker(value) in self.html

    def select(self, value: int | None) -> SafeString:
        html = self.html if value is None else self.html.replace(_marker(value), _marker(value, " selected"), 1)
        return mark_safe(html)  # noqa: S308 (built by format_html)


def _marker(value: object, extra: str = "") -> str:
    return f'<option value="{value}"{extra}>'


def _label(choice: dict[str, Any]) -> str:
    return str(choice["label"])


def filter_options() -> dict[str, Options]:
    """{"area", "sector", "size", "level": Options} in the current language, rendered once per
    "site" version (a change to a unit, a sector or the framework's level names bumps it)."""
    from assessment_forms.services import level_name
    from enterprises.models import Enterprise

    SizeClass = Enterprise.SizeClass  # noqa: N806
    language = get_language() or "vi"
    english = language == "en"
    key = f"honors:ranking-options:{versions.version('site')}:{language}"
    options = cache.get(key)
    if options is None:
        choices = filter_choices()

        def area(choice):
            return (english and choice["name_en"]) or choice["name"]

        def sector(choice):
            name = (english and choice["name_en"]) or choice["name"]
            return f"{choice['code']} – {Truncator(name).chars(40)}"

        options = {
            "area": _option_html(choices["areas"], area),
            "sector": _option_html(choices["sectors"], sector),
            "size": _option_html([{"pk": code, "label": label} for code, label in SizeClass.choices], _label),
            "level": _option_html(
                [{"pk": level, "label": f"{level} – {level_name(level)}"} for level in LEVELS], _label
            ),
        }
        cache.set(key, options, SECONDS)
    return {name: Options(str(html)) for name, html in options.items()}


def results_html(rankings_page, request, query: RankingQuery) -> tuple[SafeString, int]:
    """(HTML of the results, the page number shown: the last one when the URL asks for more)."""
    from ..services.rankings import export_rows, ranking_result

    base = rankings_page.get_url(request)
    tokens = versions.versions(VERSION_NAME, "site")
    params = urlencode(sorted(query.params(page=query.page).items()))
    key = f"honors:ranking-html:{tokens[VERSION_NAME]}:{tokens['site']}:{get_language()}:{base}:{params}"
    cached = cache.get(key)
    if cached is None:
        result = ranking_result(query)
        rows = export_rows(
            result.page.object_list,
            profile_url=lambda e: base + rankings_page.reverse_subpage("profile", args=[e.enterprise_id]),
        )
        html = render_to_string(
            "honors/ranking_results.html",
            {
                "query": query,
                "ranking": result.page,
                "paginator": result.paginator,
                "capped": result.capped,
                "rows": list(zip(result.page.object_list, rows, strict=True)),
                "pillars": rankings_page.pillar_codes(),
                "csv_url": rankings_page.export_url(request, "csv", query),
                "json_url": rankings_page.export_url(request, "json", query),
            },
        )
        cached = (html, result.page.number)
        cache.set(key, cached, SECONDS)
    html, number = cached
    return mark_safe(html), number  # noqa: S308 (a rendered template)
