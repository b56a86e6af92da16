"""Vietnamese text folding: the one rule every search box, index and lookup meets in.

Visitors type "chuyen doi so" for "Chuyển đổi số" and "hung" for "Hùng": both sides are folded
(lowercase, combining marks stripped, "đ" as "d") before they are compared.
"""

import unicodedata


def fold(text: object) -> str:
    """Lowercase, without diacritics, "đ" as "d", Unicode NFC; spacing is kept as it is."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", str(text).lower())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped.replace("đ", "d"))


def fold_compact(text: object) -> str:
    """`fold`, with runs of white space collapsed to one space (stored search columns)."""
    return " ".join(fold(text).split())
