"""The one way a page writes schema.org JSON-LD (`<script type="application/ld+json">`).

Inside a script element the HTML parser does not decode entities and ends the element at the
first `</script`; so the JSON text escapes `<`, `>` and `&` as `\\u003C`, `\\u003E`, `\\u0026`
(as Django's `json_script` does), and also U+2028/U+2029, which older JavaScript parsers treat
as line ends. Names typed by the public (an enterprise, a consultant, a question) can then hold
anything, `</script><script>alert(1)</script>` included, without closing the element.

Numbers are written by `json.dumps`, never by the locale: 90.77 stays 90.77 on a Vietnamese
page (a Decimal becomes a JSON number too); dates and times are ISO 8601; lazy translations
are rendered in the active language. NaN and infinity are refused (not JSON).

Templates: `{% load jsonld %}{% json_ld data %}`. Python: `script(data)` or `dumps(data)`.
"""

import datetime
import json
from decimal import Decimal
from typing import Any

from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

__all__ = ["dumps", "script"]

_SCRIPT_ESCAPES = {
    ord("<"): "\\u003C",
    ord(">"): "\\u003E",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


class _Encoder(json.JSONEncoder):
    def default(self, o: Any) -> Any:
        if isinstance(o, Decimal):
            # A JSON number, written with a dot whatever the language.
            return int(o) if o == o.to_integral_value() else float(o)
        if isinstance(o, (datetime.datetime, datetime.date, datetime.time)):
            return o.isoformat()
        if isinstance(o, Promise):
            return str(o)
        return super().default(o)


def dumps(data: Any) -> SafeString:
    """`data` as JSON text that is safe as the body of a `<script>` element."""
    text = json.dumps(data, ensure_ascii=False, allow_nan=False, cls=_Encoder)
    return mark_safe(text.translate(_SCRIPT_ESCAPES))  # noqa: S308 - escaped for a script element above


def script(data: Any) -> SafeString:
    """A whole `<script type="application/ld+json">` element holding `data`."""
    return format_html('<script type="application/ld+json">{}</script>', dumps(data))
