"""Vietnamese text folding for search: "Chuyển đổi số" and "chuyen doi so" meet in the middle."""

import unicodedata


def fold(text):
    """Lowercase, without tone marks or other diacritics, đ → d, spaces collapsed."""
    if not text:
        return ""
    text = str(text).replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(char for char in decomposed if unicodedata.category(char) != "Mn")
    return " ".join(stripped.lower().split())
