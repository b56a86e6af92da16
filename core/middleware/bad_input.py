"""Refuse URLs carrying NUL or other control characters with a 400 before any view runs.

A NUL byte reaches the database as a query parameter or a path segment (PostgreSQL refuses it
with an error that became a 500) and control characters have no business in a URL; tabs and
newlines in a query string are refused too (a search box posts them percent-encoded only when
a script built the URL).
"""

import re
from urllib.parse import unquote_to_bytes

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _

CONTROL = re.compile(rb"[\x00-\x1f\x7f]")


def has_control_characters(raw: str) -> bool:
    if not raw:
        return False
    return bool(CONTROL.search(unquote_to_bytes(raw)) or CONTROL.search(unquote_to_bytes(raw.replace("+", " "))))


class RejectControlCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.META.get("PATH_INFO", "")
        query = request.META.get("QUERY_STRING", "")
        if has_control_characters(path) or has_control_characters(query):
            response = HttpResponseBadRequest(
                _("Địa chỉ có ký tự không hợp lệ."), content_type="text/plain; charset=utf-8"
            )
            response["Cache-Control"] = "no-store"
            return response
        return self.get_response(request)
