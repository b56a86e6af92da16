"""Vietnamese text folding for search that works with or without diacritics."""

import unicodedata


def fold(text):
    """Lowercase, strip tone and vowel marks, đ→d: "Đắk Nông" → "dak nong"."""
    if not text:
        return ""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())
