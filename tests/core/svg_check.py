"""Shared checks: every numeric attribute of every SVG a page draws must be a number a
browser accepts ("170.0", never "170,0"), and every JSON-LD block must parse."""

import json
import re
from html.parser import HTMLParser

# Attributes that hold one number (a length may carry a unit or %; a comma never).
SINGLE = {
    "x",
    "y",
    "x1",
    "x2",
    "y1",
    "y2",
    "cx",
    "cy",
    "r",
    "rx",
    "ry",
    "width",
    "height",
    "font-size",
    "stroke-width",
    "fill-opacity",
    "stroke-opacity",
    "opacity",
    "dx",
    "dy",
}
LIST = {"viewbox", "points", "stroke-dasharray"}
NUMBER = r"-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?"
LENGTH = re.compile(rf"^{NUMBER}(?:px|%|mm|em|rem|pt)?$")
LIST_RE = re.compile(rf"^{NUMBER}(?:[ ,]+{NUMBER})*$")


class SvgCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.svgs = 0
        self.problems = []
        self.numbers = 0
        self.json_ld = []
        self._in_ld = False
        self._ld = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "svg":
            self.depth += 1
            self.svgs += 1
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_ld, self._ld = True, []
        if self.depth:
            self._check(tag, attrs)
        for name, value in attrs.items():
            # Machine-read data attributes: a number there is never written with a comma.
            if name.startswith("data-") and value and re.fullmatch(r"-?\d+,\d+", value):
                self.problems.append(f"<{tag} {name}={value!r}>")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "svg":
            self.depth -= 1

    def handle_endtag(self, tag):
        if tag == "svg" and self.depth:
            self.depth -= 1
        if tag == "script" and self._in_ld:
            self._in_ld = False
            self.json_ld.append("".join(self._ld))

    def handle_data(self, data):
        if self._in_ld:
            self._ld.append(data)

    def _check(self, tag, attrs):
        for name, value in attrs.items():
            key = name.lower()
            if value is None:
                continue
            if key in SINGLE:
                self.numbers += 1
                if not LENGTH.match(value.strip()):
                    self.problems.append(f"<{tag} {name}={value!r}>")
            elif key in LIST:
                self.numbers += 1
                text = value.strip()
                valid = LIST_RE.match(text) is not None
                if key == "viewbox":
                    valid = valid and "," not in text and len(text.split()) == 4
                if key == "points":
                    valid = valid and _valid_points(text)
                if not valid:
                    self.problems.append(f"<{tag} {name}={value!r}>")


def _valid_points(value):
    pairs = value.split()
    return all(len(pair.split(",")) == 2 for pair in pairs)


def check_markup(text, where=""):
    """(number of svgs, number of numeric attributes checked); raises AssertionError listing
    every bad attribute and every JSON-LD block that does not parse."""
    collector = SvgCollector()
    collector.feed(text)
    problems = [f"{where}: {problem}" for problem in collector.problems]
    for block in collector.json_ld:
        try:
            json.loads(block)
        except ValueError as error:
            problems.append(f"{where}: JSON-LD does not parse ({error})")
    assert not problems, "\n".join(problems[:40])
    return collector.svgs, collector.numbers
