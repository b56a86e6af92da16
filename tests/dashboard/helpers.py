"""Test oracle: the expected figures computed in Python from the known set's objects."""

import csv
import io
import statistics
from html.parser import HTMLParser

from django.utils import formats, translation

from assessment_forms.models import PillarScore


def one(value):
    return round(float(value), 1)


def expected(submissions):
    totals = [s.total for s in submissions]
    levels = {level: sum(1 for s in submissions if s.level == level) for level in range(6)}
    scores = PillarScore.objects.filter(submission__in=[s.pk for s in submissions]).select_related("pillar")
    by_pillar = {}
    for score in scores:
        by_pillar.setdefault(score.pillar.code, []).append(score.points)
    return {
        "verified": len(submissions),
        "average": one(statistics.mean(totals)),
        "median": one(statistics.median(totals)),
        "levels": levels,
        "pillars": {
            code: {"average": one(statistics.mean(points)), "median": one(statistics.median(points))}
            for code, points in by_pillar.items()
        },
    }


def vi(value):
    """A number as the Vietnamese page shows it (decimal comma)."""
    with translation.override("vi"):
        if isinstance(value, float):
            return formats.number_format(value, decimal_pos=1, use_l10n=True)
        return formats.number_format(value, use_l10n=True, force_grouping=True)


class _Tables(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables, self.current, self.row, self.cell = {}, None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and (attrs.get("id") or "").startswith("table-"):
            self.current = attrs["id"][6:]
            self.tables[self.current] = []
        elif self.current and tag == "tr":
            self.row = []
        elif self.current and self.row is not None and tag in ("td", "th"):
            self.cell = []
        elif tag == "span" and "visually-hidden" in (attrs.get("class") or "") and self.cell is not None:
            self.cell.append("\0")

    def handle_endtag(self, tag):
        if tag == "table":
            self.current = None
        elif self.current and tag == "tr" and self.row is not None:
            self.tables[self.current].append(self.row)
            self.row = None
        elif self.current and tag in ("td", "th") and self.cell is not None:
            self.row.append("".join(self.cell).split("\0")[0].strip())
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def html_tables(html):
    """{table key: [[cell text]]} of the dashboard page, header row first."""
    parser = _Tables()
    parser.feed(html)
    return parser.tables


def csv_rows(content):
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def row_by_first(rows, first):
    return next(row for row in rows if row[0] == first)
