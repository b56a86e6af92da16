"""Accessible bar charts drawn on the server as SVG geometry (no JavaScript).

Each chart carries a title and a text description listing every value, which the
template puts in <title>/<desc> (role="img", aria-labelledby), and the page shows the
full data table beside it. Suppressed values are drawn as a dash, never as a bar.
"""

from dataclasses import dataclass, field
from itertools import count

from django.utils.translation import gettext as _

WIDTH = 360
LABEL_HEIGHT = 18
BAR_HEIGHT = 16
ROW_GAP = 10
VALUE_SPACE = 64
_ids = count(1)


@dataclass
class Bar:
    """Coordinates are strings so the template never localises them (12,5 is not SVG)."""

    label: str
    display: str
    y_label: str
    y_bar: str
    y_value: str
    width: str
    x_value: str
    suppressed: bool


@dataclass
class Chart:
    title: str
    description: str
    bars: list = field(default_factory=list)
    height: int = 0
    width: int = WIDTH
    uid: str = ""

    @property
    def bar_area(self):
        return WIDTH - VALUE_SPACE


def bar_chart(title, items, unit="", maximum=None):
    """A horizontal bar chart of [(label, Cell)] (cells from dashboard.tables)."""
    numbers = [cell.value for _label, cell in items if not cell.suppressed and isinstance(cell.value, int | float)]
    top = maximum or max([abs(value) for value in numbers] or [0]) or 1
    chart = Chart(title=str(title), description="", uid=f"chart-{next(_ids)}")
    parts = []
    y = 4
    for label, cell in items:
        value = cell.value
        drawable = not cell.suppressed and isinstance(value, int | float)
        width = max(0.0, (chart.bar_area - 4) * abs(value) / top) if drawable else 0.0
        display = cell.display or "0"
        chart.bars.append(
            Bar(
                label=str(label),
                display=display,
                y_label=_n(y + 13),
                y_bar=_n(y + LABEL_HEIGHT),
                y_value=_n(y + LABEL_HEIGHT + 12.5),
                width=_n(width),
                x_value=_n(width + 5),
                suppressed=cell.suppressed,
            )
        )
        parts.append(f"{label}: {display}{' ' + str(unit) if unit and not cell.suppressed else ''}")
        y += LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
    chart.height = max(y, 30)
    chart.description = "; ".join(parts) + "." if parts else _("Không có số liệu.")
    return chart


def _n(number):
    return f"{number:.1f}"
