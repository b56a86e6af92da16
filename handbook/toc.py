"""Pure helpers for chapter bodies: heading anchors, the table of contents, reading time."""

import re
import unicodedata

from django.utils.html import strip_tags
from django.utils.text import slugify

# Vietnamese adults read about 200 words a minute in plain prose.
WORDS_PER_MINUTE = 200


def anchor_for(text):
    """An ASCII anchor for a heading: "Đổi mới số" → "doi-moi-so" (đ has no decomposition)."""
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    return slugify(text) or "muc"


def unique_anchors(texts):
    """Anchors for a page's headings in order, numbered when two headings read the same."""
    seen = {}
    anchors = []
    for text in texts:
        base = anchor_for(text)
        count = seen.get(base, 0) + 1
        seen[base] = count
        anchors.append(base if count == 1 else f"{base}-{count}")
    return anchors


def build_toc(headings):
    """Nest [(level, text, anchor)] (levels 2 and 3) into [{text, anchor, children}]."""
    toc = []
    for level, text, anchor in headings:
        entry = {"text": text, "anchor": anchor, "children": []}
        if level > 2 and toc:
            toc[-1]["children"].append(entry)
        else:
            toc.append(entry)
    return toc


_WORD = re.compile(r"\w+", re.UNICODE)


def count_words(*texts):
    return sum(len(_WORD.findall(strip_tags(text or ""))) for text in texts)


def reading_minutes(word_count):
    """Whole minutes, at least one."""
    return max(1, round(word_count / WORDS_PER_MINUTE))
