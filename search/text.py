"""Vietnamese text folding shared by the search backends, the view and the highlighter.

Visitors type "chuyen doi so" for "Chuyển đổi số". Neither SQLite's FTS5 tokenizer (it
leaves letters with two marks and "đ" alone) nor PostgreSQL's configurations fold
Vietnamese fully, so the index keeps, next to nothing else:

* a *folded* copy of the text (lowercase, marks stripped, đ→d): what every query matches;
* one *exact* token per word that spells the word's marks as digits, e.g. "số" → "vxso61"
  and "sổ" → "vxso63": a query adds these as optional terms, so that a result whose words
  carry exactly the marks the visitor typed ranks before one that differs only by tone marks.

Pure functions, no Django imports: the backends, the view and the tests call them.
"""

import re
import unicodedata

from core.text import fold

# Combining marks used in Vietnamese, spelled as digits in the exact tokens (in the spirit
# of the VNI input method). Any other mark becomes "0": still exact, just not pretty.
MARK_DIGITS = {
    "\u0301": "1",  # sắc
    "\u0300": "2",  # huyền
    "\u0309": "3",  # hỏi
    "\u0303": "4",  # ngã
    "\u0323": "5",  # nặng
    "\u0302": "6",  # â ê ô
    "\u031b": "7",  # ơ ư
    "\u0306": "8",  # ă
}
EXACT_PREFIX = "vx"
WORD_RE = re.compile(r"\w+", re.UNICODE)


def exact_token(word):
    """The ASCII token that spells `word` with its marks, e.g. "đổi" → "vxd9o63i"."""
    out = []
    for ch in unicodedata.normalize("NFD", word.lower()):
        if ch == "đ":
            out.append("d9")
        elif unicodedata.combining(ch):
            out.append(MARK_DIGITS.get(ch, "0"))
        else:
            out.append(ch)
    token = "".join(out)
    # Non-Latin letters (rare here) have no ASCII form; they are matched by the folded copy.
    return EXACT_PREFIX + token if token.isascii() else ""


def words(text):
    return WORD_RE.findall(str(text or ""))


def exact_tokens(text):
    """Exact tokens for the words of `text` that contain a letter (numbers need none)."""
    tokens = []
    for word in words(text):
        if word.isdigit():
            continue
        token = exact_token(word)
        if token:
            tokens.append(token)
    return tokens


def index_text(text):
    """What the index stores for a field: the folded text, then the exact tokens."""
    text = str(text or "")
    if not text.strip():
        return ""
    return fold(text) + "\n" + " ".join(exact_tokens(text))


def query_terms(query):
    """The folded words of a visitor's query, with their exact tokens (deduplicated, in order)."""
    pairs = []
    seen = set()
    for word in words(query):
        folded = fold(word)
        token = "" if word.isdigit() else exact_token(word)
        if folded and (folded, token) not in seen:
            seen.add((folded, token))
            pairs.append((folded, token))
    return pairs


def has_diacritics(text):
    return fold(text) != str(text or "").lower()
