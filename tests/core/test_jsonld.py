"""core.jsonld: the site's one JSON-LD writer, and the pages that use it."""

import datetime
import json
import os
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy

from core import jsonld

HOSTILE = "</script><script>alert(1)</script>"
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def _blocks(html):
    return [json.loads(body) for body in SCRIPT.findall(html)]


def test_a_hostile_name_cannot_close_the_script_element():
    html = jsonld.script({"@type": "Organization", "name": HOSTILE + " & co\u2028\u2029"})
    body = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in body
    assert html.count("</script>") == 1 and "<script>" not in html
    # Read back, the name is exactly what was typed.
    assert _blocks(html) == [{"@type": "Organization", "name": HOSTILE + " & co\u2028\u2029"}]


def test_numbers_and_dates_are_never_localised():
    data = {
        "score": Decimal("90.77"),
        "whole": Decimal("320"),
        "ratio": 0.5,
        "count": 1234567,
        "date": datetime.date(2025, 10, 20),
        "name": gettext_lazy("Bài viết"),
    }
    with translation.override("vi"):
        text = jsonld.dumps(data)
        assert '"score": 90.77' in text and '"whole": 320' in text and '"count": 1234567' in text
        assert json.loads(text) == {
            "score": 90.77,
            "whole": 320,
            "ratio": 0.5,
            "count": 1234567,
            "date": "2025-10-20",
            "name": "Bài viết",
        }
    with pytest.raises(ValueError):
        jsonld.dumps({"score": float("nan")})


def test_the_template_tag_writes_the_same_element():
    with translation.override("vi"):
        html = Template("{% load jsonld %}{% json_ld data %}").render(Context({"data": {"name": HOSTILE, "n": 1.5}}))
    assert html == jsonld.script({"name": HOSTILE, "n": 1.5})
    assert _blocks(html) == [{"name": HOSTILE, "n": 1.5}]


@pytest.mark.django_db
def test_a_page_with_a_hostile_name_keeps_its_json_ld_closed(client):
    from support.factories import OrganisationFactory

    OrganisationFactory(name=HOSTILE, slug="to-chuc-doc-hai")
    html = client.get(reverse("support:organisation", args=["to-chuc-doc-hai"])).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert [block["name"] for block in _blocks(html)] == [HOSTILE]


def test_every_page_writes_json_ld_through_the_one_helper():
    """No copy of the escaping left: outside core's helper, no template or module of the
    project writes `application/ld+json` itself; they use `{% json_ld %}` or core.jsonld."""
    root = Path(settings.BASE_DIR)
    skip = {".venv", "node_modules", "tests", "var", "static", "media", ".git"}
    offenders = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [name for name in dirs if name not in skip and not name.startswith(".")]
        for name in files:
            path = Path(folder) / name
            mine = path == root / "core" / "jsonld.py"
            if path.suffix in (".py", ".html") and not mine and "ld+json" in path.read_text(errors="replace"):
                offenders.append(str(path.relative_to(root)))
    assert offenders == []
