"""The one vocabulary of levels and pillars.

Every page that names a DBI level or pillar (rankings, profiles, dashboard, events, stories,
handbook, honours) reads these, so the names are the framework's own and agree everywhere.
Cached per framework and language; saving a framework or a pillar drops the cache (apps.py).
"""

from __future__ import annotations

from typing import Any

from ..models import (
    localized,
)
from .frameworks import DEFAULT_FRAMEWORK, current_framework

VOCABULARY_CACHE_SECONDS = 600
VOCABULARY_VERSION_KEY = "assessment:vocabulary-version"


def _vocabulary(kind: str, framework_code: str) -> list[tuple[Any, str]]:
    from django.core.cache import cache
    from django.utils.translation import get_language

    version = cache.get(VOCABULARY_VERSION_KEY, 0)
    key = f"assessment:vocabulary:{version}:{kind}:{framework_code}:{get_language()}"
    value = cache.get(key)
    if value is None:
        from django.db import DatabaseError

        try:
            framework = current_framework(framework_code)
        except DatabaseError:
            # System checks read model choices before the first migrate made the tables.
            return _file_vocabulary(kind, framework_code)
        if framework is None:
            value = _file_vocabulary(kind, framework_code)
        elif kind == "pillars":
            value = [(p.code, str(p.localized_name)) for p in framework.pillars.order_by("order")]
        else:
            value = [
                (int(item["level"]), str(framework.level_info(item["level"])["name"]))
                for item in sorted(framework.levels, key=lambda item: int(item["level"]))
            ]
        cache.set(key, value, VOCABULARY_CACHE_SECONDS)
    return value


_file_vocabularies: dict[str, Any] = {}


def _file_vocabulary(kind: str, framework_code: str) -> list[tuple[Any, str]]:
    """Before a framework version is loaded into the database, the names of the reference data
    file it will be loaded from (the same words, never a second copy in code)."""
    from ..loader import DBI_1970_FILE, read_file

    if framework_code != DEFAULT_FRAMEWORK:
        return []
    if "data" not in _file_vocabularies:
        _file_vocabularies["data"] = read_file(DBI_1970_FILE)
    data = _file_vocabularies["data"]
    if kind == "pillars":
        return [
            (item["code"], str(localized(item["name"].get("vi", ""), item["name"].get("en", ""))))
            for item in data["pillars"]
        ]
    return [
        (int(item["level"]), str(localized(item["name"].get("vi", ""), item["name"].get("en", ""))))
        for item in sorted(data["levels"], key=lambda item: int(item["level"]))
    ]


def forget_vocabulary(**kwargs: Any) -> None:
    """Drop the cached names (a framework or pillar was edited)."""
    from django.core.cache import cache

    try:
        cache.incr(VOCABULARY_VERSION_KEY)
    except ValueError:
        cache.set(VOCABULARY_VERSION_KEY, 1, None)


def pillar_choices(framework_code: str = DEFAULT_FRAMEWORK) -> list[tuple[str, str]]:
    """[(pillar code, localized name)] of the framework's latest version, in order."""
    return list(_vocabulary("pillars", framework_code))


def level_choices(framework_code: str = DEFAULT_FRAMEWORK) -> list[tuple[int, str]]:
    """[(0, "Chưa khởi động"), (1, "Khởi động"), …]: the framework's level names, localized."""
    return list(_vocabulary("levels", framework_code))


def level_name(level: Any, framework_code: str = DEFAULT_FRAMEWORK) -> str:
    """The localized name of an overall level, as the framework names it; the number itself
    when the framework does not know it ('' for None)."""
    if level in (None, ""):
        return ""
    try:
        level = int(level)
    except (TypeError, ValueError):
        return str(level)
    return dict(_vocabulary("levels", framework_code)).get(level, str(level))


def pillar_name(code: str, framework_code: str = DEFAULT_FRAMEWORK) -> str:
    return dict(_vocabulary("pillars", framework_code)).get(code, code)


def level_meaning(level: int | str, framework_code: str = DEFAULT_FRAMEWORK) -> str:
    """The localized meaning of an overall level (e.g. 2 → "Doanh nghiệp đã thấy rõ vai trò…")."""
    framework = current_framework(framework_code)
    for item in framework.levels if framework else []:
        if int(item["level"]) == int(level):
            meaning = item.get("meaning") or {}
            return localized(meaning.get("vi", ""), meaning.get("en", ""))
    return ""
