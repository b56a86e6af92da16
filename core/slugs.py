"""ASCII slugs from titles in any language ("Nông dân Đắk Mil bán cà phê qua livestream" →
"nong-dan-dak-mil-ban-ca-phe-qua-livestream"): the server-side twin of
the admin's ascii-slug.js, used where pages are made in code (demo, translations)."""

from django.utils.text import slugify

from core.text import fold


def ascii_slug(text, max_length=255):
    """Folded (no diacritics, "đ" as "d") and slugified; "" when nothing is left."""
    return slugify(fold(text), allow_unicode=False)[:max_length].strip("-")


def unique_sibling_slug(parent, slug, exclude=None):
    """`slug`, or `slug-2`, `slug-3`… so that no other child of `parent` uses it."""
    siblings = parent.get_children()
    if exclude is not None:
        siblings = siblings.exclude(pk=exclude.pk)
    candidate, number = slug, 1
    while siblings.filter(slug=candidate).exists():
        number += 1
        candidate = f"{slug}-{number}"
    return candidate
