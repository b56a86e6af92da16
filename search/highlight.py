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


@lru_cache(maxsize=256)
def _pattern(terms):
    """One regex for all the (folded, word-character) terms, longest first: at a word's start
    the longest term matching there wins, which is what merging each term's matches gave."""
    alternatives = "|".join(re.escape(term) for term in sorted(set(terms), key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + alternatives + ")")


def _spans(folded_text, terms, start=0, stop=None):
    """Merged (start, end) of the terms' matches that begin in [start, stop)."""
    if not terms:
        return []
    merged = []
    for match in _pattern(tuple(terms)).finditer(folded_text, start):
        if stop is not None and match.start() >= stop:
            break
        if merged and match.start() <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(match.end(), merged[-1][1]))
        else:
            merged.append((match.start(), match.end()))
    return merged


def _first(folded_text, terms):
    match = _pattern(tuple(terms)).search(folded_text) if terms else None
    return match.start() if match else 0


def prepare(text):
    """(plain text, its aligned folded form): what `highlight` works on, worth caching for a
    long text (a page's body) that many queries highlight."""
    text = " ".join(strip_tags(str(text or "")).split())
    return text, folded_aligned(text)


def highlight(text, terms, max_length=None, prepared=None):
    """Escaped `text` with each query term (already folded) marked; cut to a window of
    `max_length` characters around the first match when given. `prepared`: `prepare(text)`,
    computed earlier (then `text` is not read)."""
    text, folded_text = prepared or prepare(text)
    if not text:
        return ""
    prefix = suffix = ""
    if max_length and len(text) > max_length:
        # Only the window around the first match is shown: only it is searched for terms.
        first = _first(folded_text, terms)
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
        # A term cut at the window's end is marked up to the end (as before the cut).
        spans = [(s, min(e, end)) for s, e in _spans(folded_text, terms, start, end)]
        window = (start, end)
    else:
        spans = _spans(folded_text, terms)
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
