"""ASCII slugs from titles in any language ("Nông dân Đắk Mil bán cà phê qua livestream" →
"nong-dan-dak-mil-ban-ca-phe-qua-livestream"): the server-side twin of
the admin's ascii-slug.js, used where pages are made in code (demo, translations)."""

from typing import Any

from django.utils.text import slugify

from core.text import fold


def ascii_slug(text: str, max_length: int = 255) -> str:
    """Folded (no diacritics, "đ" as "d") and slugified; "" when nothing is left."""
    return slugify(fold(text), allow_unicode=False)[:max_length].strip("-")


def unique_sibling_slug(parent: Any, slug: str, exclude: Any = None) -> str:
    """`slug`, or `slug-2`, `slug-3`… so that no other child of `parent` uses it."""
    siblings = parent.get_children()
    if exclude is not None:
        siblings = siblings.exclude(pk=exclude.pk)
    candidate, number = slug, 1
    while siblings.filter(slug=candidate).exists():
        number += 1
        candidate = f"{slug}-{number}"
    return candidate
