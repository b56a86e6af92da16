"""The dashboard's tables, built once from the figures for every output.

The page, the CSV and JSON downloads, the XLSX workbook and the PDF report all render
these same tables, so their figures cannot disagree. `public=True` hides suppressed
results (see dashboard.suppression); the editors' view gets every figure and the
drill-down parameters behind each.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils import formats, translation
from django.utils.translation import gettext as _

from . import charts, sources

SUPPRESSED = "—"
LEVELS = range(0, 6)


@dataclass
class Column:
    key: str
    label: str
    kind: str = "int"  # text | int | decimal


@dataclass
class Cell:
    value: object = None
    suppressed: bool = False
    drill: dict | None = None
    label: str | None = None  # what people read instead of the value (downloads keep the value)

    def __post_init__(self):
        # Nothing to hide where there is no figure.
        if self.value is None:
            self.suppressed = False

    @property
    def display(self):
        if self.suppressed:
            return SUPPRESSED
        if self.label is not None:
            return self.label
        if self.value is None:
            return ""
        if isinstance(self.value, float):
            return formats.number_format(self.value, decimal_pos=1, use_l10n=True)
        if isinstance(self.value, int):
            return formats.number_format(self.value, use_l10n=True, force_grouping=True)
        return str(self.value)

    @property
    def export(self):
        """The value in downloads: the number itself, or the suppression mark."""
        return SUPPRESSED if self.suppressed else self.value

    @property
    def drill_query(self):
        return urlencode(self.drill) if self.drill else ""


@dataclass
class Table:
    key: str
    title: str
    columns: list
    rows: list = field(default_factory=list)
    total: list | None = None
    note: str = ""
    chart: object = None

    @property
    def has_suppressed(self):
        cells = [cell for row in self.rows for cell in row] + list(self.total or [])
        return any(cell.suppressed for cell in cells)

    def as_records(self):
        """Rows as dicts for JSON, with the keys of suppressed cells listed."""
        records = []
        for row in self.rows + ([self.total] if self.total else []):
            record = {
                column.key: (None if cell.suppressed else cell.value)
                for column, cell in zip(self.columns, row, strict=True)
            }
            hidden = [column.key for column, cell in zip(self.columns, row, strict=True) if cell.suppressed]
            if hidden:
                record["suppressed"] = hidden
            if row is self.total:
                record["is_total"] = True
            records.append(record)
        return records

    @property
    def display_rows(self):
        """[(cell, column), …] per row, so the template aligns text left and numbers right."""
        return [list(zip(row, self.columns, strict=True)) for row in self.rows]

    @property
    def display_total(self):
        return list(zip(self.total, self.columns, strict=True)) if self.total else []

    @property
    def is_wide(self):
        """More columns than fit beside a chart: the page puts the table under it, full width."""
        return len(self.columns) > 4

    def as_matrix(self):
        """Header row then values (suppressed cells as the mark), total row last."""
        lines = [[column.label for column in self.columns]]
        for row in self.rows + ([self.total] if self.total else []):
            lines.append([cell.export for cell in row])
        return lines


def _name(row, key="name"):
    if translation.get_language() == "en":
        return row.get(f"{key}_en") or row.get(key)
    return row.get(key)


def _pillar_label(pillar):
    return f"{pillar['code']} – {_name(pillar)}"


def _dimension_title(dimension):
    return {"sector": _("Theo ngành"), "area": _("Theo địa bàn"), "size": _("Theo quy mô doanh nghiệp")}[dimension]


def _dimension_label(dimension):
    return {"sector": _("Ngành"), "area": _("Địa bàn"), "size": _("Quy mô")}[dimension]


def _unknown(dimension):
    return {"sector": _("Chưa phân ngành"), "area": _("Chưa rõ địa bàn"), "size": _("Chưa xác định quy mô")}[dimension]


class TableBuilder:
    def __init__(self, figures, public=True):
        self.figures = figures
        self.public = public
        self.filters = figures["filters"]
        self.year = figures["year"]

    def hide(self, published):
        return self.public and not published

    def drill(self, subset="verified", **extra):
        if self.public:
            return None
        params = {"year": self.year, **self.filters, "set": subset}
        params.update({key: ("" if value is None else value) for key, value in extra.items()})
        return params

    def build(self):
        figures = self.figures
        tables = [self.overview(), self.levels(), self.pillars()]
        for dimension, rows in figures["breakdowns"].items():
            tables.append(self.breakdown(dimension, rows))
        tables.append(self.trend())
        tables.append(self.events())
        tables.append(self.honours())
        return tables

    # --- Individual tables -----------------------------------------------------------------

    def overview(self):
        overview = self.figures["overview"]
        hidden = self.hide(self.figures["published"])
        rows = [
            [Cell(_("Doanh nghiệp trong cơ sở dữ liệu")), Cell(overview["registry"], drill=self.drill("registry"))],
            [Cell(_("Doanh nghiệp đã đánh giá")), Cell(overview["assessed"], drill=self.drill("assessed"))],
            [Cell(_("Doanh nghiệp có kết quả đã thẩm định")), Cell(overview["verified"], drill=self.drill())],
            [Cell(_("Điểm DBI trung bình")), Cell(overview["average"], hidden, self.drill())],
            [Cell(_("Điểm DBI trung vị")), Cell(overview["median"], hidden, self.drill())],
            [
                Cell(_("Thay đổi điểm trung bình so với năm trước")),
                Cell(self.figures["change"], hidden),
            ],
        ]
        columns = [Column("metric", _("Chỉ tiêu"), "text"), Column("value", _("Giá trị"), "decimal")]
        return Table("overview", _("Tổng quan"), columns, rows)

    def levels(self):
        levels = self.figures["levels"]
        total = sum(levels.values())
        hidden = self.hide(self.figures["published"]) and total > 0
        rows = []
        for level in LEVELS:
            count = levels.get(level, levels.get(str(level), 0))
            share = round(100 * count / total, 1) if total else None
            rows.append(
                [
                    Cell(level, label=f"{level} – {sources.level_name(level)}"),
                    Cell(count, hidden, self.drill(level=level)),
                    Cell(share, hidden),
                ]
            )
        columns = [
            Column("level", _("Mức DBI"), "text"),
            Column("enterprises", _("Số doanh nghiệp")),
            Column("share", _("Tỷ lệ (%)"), "decimal"),
        ]
        table = Table(
            "levels",
            _("Phân bố mức chuyển đổi số (DBI)"),
            columns,
            rows,
            total=[Cell(_("Tổng")), Cell(total, hidden, self.drill()), Cell(100.0 if total else None, hidden)],
        )
        table.chart = charts.bar_chart(
            table.title,
            [(row[0].display, row[1]) for row in rows],
            unit=_("doanh nghiệp"),
        )
        return table

    def pillars(self):
        hidden = self.hide(self.figures["published"])
        rows = []
        for pillar in self.figures["pillars"]:
            rows.append(
                [
                    Cell(pillar["code"]),
                    Cell(_name(pillar)),
                    Cell(pillar["average"], hidden, self.drill()),
                    Cell(pillar["median"], hidden, self.drill()),
                    Cell(pillar["maximum"]),
                    Cell(pillar["percent"], hidden),
                ]
            )
        columns = [
            Column("pillar", _("Mã trụ cột"), "text"),
            Column("name", _("Trụ cột"), "text"),
            Column("average", _("Điểm trung bình"), "decimal"),
            Column("median", _("Điểm trung vị"), "decimal"),
            Column("maximum", _("Điểm tối đa"), "decimal"),
            Column("percent", _("Tỷ lệ điểm trung bình (%)"), "decimal"),
        ]
        table = Table("pillars", _("Điểm theo trụ cột"), columns, rows)
        table.chart = charts.bar_chart(
            table.title,
            [(_pillar_label(pillar), row[5]) for pillar, row in zip(self.figures["pillars"], rows, strict=True)],
            unit="%",
            maximum=100,
        )
        return table

    def breakdown(self, dimension, group_rows):
        codes = [pillar["code"] for pillar in self.figures["pillars"]]
        columns = [
            Column("group", _dimension_label(dimension), "text"),
            Column("registry", _("Doanh nghiệp trong cơ sở dữ liệu")),
            Column("assessed", _("Đã đánh giá")),
            Column("verified", _("Đã thẩm định")),
            Column("average", _("Điểm trung bình"), "decimal"),
            Column("median", _("Điểm trung vị"), "decimal"),
        ] + [Column(code, _("%(pillar)s trung bình") % {"pillar": code}, "decimal") for code in codes]
        rows = []
        chart_bars = []
        for group in group_rows:
            hidden = self.hide(group["published"])
            key = group["key"]
            label = _name(group) or _unknown(dimension)
            drill_key = {dimension: "none" if key in (None, "") else key}
            row = [
                Cell(label),
                Cell(group["registry"], drill=self.drill("registry", **drill_key)),
                Cell(group["assessed"], drill=self.drill("assessed", **drill_key)),
                Cell(group["verified"], drill=self.drill(**drill_key)),
                Cell(group["average"], hidden, self.drill(**drill_key)),
                Cell(group["median"], hidden, self.drill(**drill_key)),
            ] + [Cell(group["pillars"].get(code), hidden) for code in codes]
            rows.append(row)
            if group["verified"]:
                chart_bars.append((label, row[4]))
        overview = self.figures["overview"]
        hidden = self.hide(self.figures["published"])
        pillar_avgs = {pillar["code"]: pillar["average"] for pillar in self.figures["pillars"]}
        total = [
            Cell(_("Tổng")),
            Cell(sum(group["registry"] for group in group_rows), drill=self.drill("registry")),
            Cell(sum(group["assessed"] for group in group_rows), drill=self.drill("assessed")),
            Cell(sum(group["verified"] for group in group_rows), drill=self.drill()),
            Cell(overview["average"], hidden),
            Cell(overview["median"], hidden),
        ] + [Cell(pillar_avgs.get(code), hidden) for code in codes]
        table = Table(f"by_{dimension}", _dimension_title(dimension), columns, rows, total=total)
        if dimension == "sector":
            table.note = _(
                "Ngành cấp 1 theo VSIC 2025; mã VSIC 2018 được chuyển theo bảng chuyển đổi ngành cấp 2 "
                "(không theo chữ cái); mã 2018 chuyển sang nhiều ngành VSIC 2025 được ghi riêng, không gán."
            )
        table.chart = charts.bar_chart(
            _("%(title)s: điểm DBI trung bình") % {"title": table.title},
            chart_bars,
            unit=_("điểm"),
        )
        return table

    def trend(self):
        columns = [
            Column("year", _("Năm"), "text"),
            Column("verified", _("Đã thẩm định")),
            Column("average", _("Điểm trung bình"), "decimal"),
            Column("median", _("Điểm trung vị"), "decimal"),
            Column("change", _("Thay đổi điểm trung bình"), "decimal"),
        ] + [Column(f"level_{level}", _("Mức %(level)s") % {"level": level}) for level in LEVELS]
        rows = []
        for year_row in self.figures["trend"]:
            hidden = self.hide(year_row["published"])
            levels = year_row["levels"]
            rows.append(
                [
                    Cell(str(year_row["year"])),
                    Cell(year_row["verified"]),
                    Cell(year_row["average"], hidden),
                    Cell(year_row["median"], hidden),
                    Cell(year_row["change"], hidden),
                ]
                + [Cell(levels.get(level, levels.get(str(level), 0)), hidden) for level in LEVELS]
            )
        table = Table("trend", _("Thay đổi qua các năm"), columns, rows)
        table.chart = charts.bar_chart(
            _("Điểm DBI trung bình qua các năm"), [(row[0].value, row[2]) for row in rows], unit=_("điểm")
        )
        return table

    def events(self):
        events = self.figures["events"]
        rows = [
            [Cell(_("Sự kiện tập huấn, hội thảo đã tổ chức")), Cell(events["events"])],
            [Cell(_("Lượt đăng ký")), Cell(events["registrations"])],
            [Cell(_("Lượt tham dự")), Cell(events["attendees"])],
        ]
        columns = [Column("metric", _("Chỉ tiêu"), "text"), Column("value", _("Giá trị"))]
        table = Table("events", _("Tập huấn và hội thảo"), columns, rows)
        table.note = _("Số liệu toàn tỉnh, không áp dụng bộ lọc.") if self.filters else ""
        table.chart = charts.bar_chart(table.title, [(row[0].value, row[1]) for row in rows])
        return table

    def honours(self):
        honours = self.figures["honours"]
        rows = [[Cell(_name(category)), Cell(category["count"])] for category in honours]
        columns = [Column("category", _("Hạng mục"), "text"), Column("awards", _("Số doanh nghiệp được tôn vinh"))]
        total = [Cell(_("Tổng")), Cell(sum(category["count"] for category in honours))]
        table = Table("honours", _("Tôn vinh doanh nghiệp"), columns, rows, total=total)
        table.note = _("Số liệu toàn tỉnh, không áp dụng bộ lọc.") if self.filters else ""
        table.chart = charts.bar_chart(table.title, [(row[0].value, row[1]) for row in rows])
        return table


def build_tables(figures, public=True):
    return TableBuilder(figures, public=public).build()
