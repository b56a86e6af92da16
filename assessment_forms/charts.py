"""A radar chart of the pillars, computed on the server so it works without JavaScript and prints.

Returns plain numbers for the template (assessment_forms/includes/radar.html) to draw as SVG;
the template writes each of them with `|machine` (never localised: "170,0" is not SVG)."""

import math

from core.numbers import machine_points

SIZE = 340
CENTRE = SIZE / 2
RADIUS = 115
RINGS = (20, 40, 60, 80, 100)  # the pillar band bounds, so the rings read as levels


def _point(index, count, percent):
    angle = -math.pi / 2 + 2 * math.pi * index / count
    r = RADIUS * max(0.0, min(float(percent), 100.0)) / 100
    return round(CENTRE + r * math.cos(angle), 1), round(CENTRE + r * math.sin(angle), 1)


def _polygon(values):
    count = len(values)
    return machine_points(_point(i, count, v) for i, v in enumerate(values))


def radar(pillars, median=None):
    """pillars: [{"code", "name", "percent"}]; median: {code: percent} or None."""
    count = len(pillars)
    if count < 3:
        return None
    axes = []
    for i, pillar in enumerate(pillars):
        x, y = _point(i, count, 100)
        lx, ly = _point(i, count, 118)
        anchor = "middle" if abs(lx - CENTRE) < 5 else ("start" if lx > CENTRE else "end")
        axes.append({"x": x, "y": y, "lx": lx, "ly": ly + 4, "anchor": anchor, "code": pillar["code"]})
    return {
        "size": SIZE,
        "centre": CENTRE,
        "axes": axes,
        "rings": [{"percent": ring, "points": _polygon([ring] * count)} for ring in RINGS],
        "values": _polygon([p["percent"] for p in pillars]),
        "dots": [_point(i, count, p["percent"]) for i, p in enumerate(pillars)],
        "median": _polygon([median.get(p["code"], 0) for p in pillars]) if median else None,
    }
