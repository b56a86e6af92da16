"""Highlighted snippets: the words of the query, with or without diacritics, in <mark>."""

import re
from functools import lru_cache

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from search.text import fold


@lru_cache(maxsize=4096)
def _fold_char(ch):
    folded = fold(ch)
    return folded[:1] if folded else ch


def folded_aligned(text):
    """`fold(text)` with exactly one character per character of `text`, so positions match."""
    return "".join(map(_fold_char, text))


def _spans(folded_text, terms):
    spans = []
    for term in terms:
        for match in re.finditer(r"(?<!\w)" + re.escape(term), folded_text):
            spans.append((match.start(), match.end()))
    spans.sort()
    merged = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text, terms, max_length=None):
    """Escaped `text` with each query term (already folded) marked; cut to a window of
    `max_length` characters around the first match when given."""
    text = " ".join(strip_tags(str(text or "")).split())
    if not text:
        return ""
    folded_text = folded_aligned(text)
    spans = _spans(folded_text, terms)
    prefix = suffix = ""
    if max_length and len(text) > max_length:
        first = spans[0][0] if spans else 0
        start = max(0, first - max_length // 3)
        # Start at a word boundary.
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first else start
            prefix = "… "
        end = min(len(text), start + max_length)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start else end
            suffix = " …"
        spans = [(max(s, start), min(e, end)) for s, e in spans if e > start and s < end]
        window = (start, end)
    else:
        window = (0, len(text))
    parts = [prefix]
    position = window[0]
    for start, end in spans:
        parts.append(escape(text[position:start]))
        parts.append("<mark>" + escape(text[start:end]) + "</mark>")
        position = end
    parts.append(escape(text[position : window[1]]))
    parts.append(suffix)
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text above is escaped
