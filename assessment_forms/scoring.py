"""The DBI scoring engine: pure functions over plain data, no database, no Django.

A framework is compiled once into a `Spec` (criteria with points per answer level, pillar
maxima, pillar level bands, overall rules); `score(spec, answers)` turns a mapping
{criterion code: chosen level} into a `Result`. The same code scores the web form, the
CLI (`score_assessment`), the spreadsheet import and the bulk rescoring.

Rules (see docs/assessment_forms.md and assessment_forms/data/README.md):

* Criterion points = the points of the chosen level (for DBI-1970-SME: level, and 5 × level
  for 2.1.01). A criterion left out is "not answered" and scores 0.
* Pillar points = sum of its criteria; percent = points / max × 100.
* Pillar level = the highest band whose lower bound the percentage passes. Comparisons are
  exact, never rounded: 100 × points against bound × max (with `Fraction` bounds, so a
  framework may use bounds such as 12.5). A band's lower bound is exclusive unless the band
  says `lower_inclusive`.
  AMBIGUITY — exactly 10 %: the decision's text says level 0 is "below 10 %" and level 1 is
  "above 10 %", leaving 10 % itself in neither. We follow the reference implementation
  (CDS_AG `xulymucdo`, strictly greater than 10), so exactly 10 % is level 0. Exactly 20, 40,
  60 and 80 % belong to the lower band (confirmed by the bands' wording and Bảng 1).
* Overall level = the highest k whose rule holds: total strictly greater than the rule's
  threshold AND at least `min_pillars` pillars at level ≥ k. Rules are checked from the top,
  so an enterprise that misses a higher level's pillar count falls to the highest lower level
  whose two conditions hold.
  AMBIGUITY — a total above 20 with fewer than 4 pillars at level ≥ 1 is not covered by the
  text (level 0 is defined only as "total ≤ 20"). We return the lowest level (0, "Chưa khởi
  động"), as the reference implementation does; it is the only level left.

Per pillar the level depends only on the (whole-number) points, so `Spec` precomputes a
lookup table points → level once; scoring a 60-criterion submission is then a few dict
lookups and additions (see bench/bench_assessment_forms.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

__all__ = [
    "Band",
    "CriterionSpec",
    "OverallRule",
    "PillarResult",
    "PillarSpec",
    "Result",
    "ScoringError",
    "Spec",
    "pillar_level",
    "overall_level",
    "score",
    "spec_from_dict",
    "validate_answers",
]

MIN_LEVEL = 0
MAX_LEVEL = 5


class ScoringError(ValueError):
    """An answer set that cannot be scored: the message names the bad code or value."""

    def __init__(self, message: str, code: str | None = None, value: Any = None) -> None:
        super().__init__(message)
        self.code = code
        self.value = value


@dataclass(frozen=True)
class Band:
    level: int
    lower: Fraction
    lower_inclusive: bool = False

    def admits(self, points: int, max_points: int) -> bool:
        """True when points / max_points × 100 passes this band's lower bound (exactly)."""
        left = 100 * points
        right = self.lower * max_points
        return left >= right if self.lower_inclusive else left > right


@dataclass(frozen=True)
class OverallRule:
    level: int
    total_greater_than: Fraction
    min_pillars: int


@dataclass(frozen=True)
class CriterionSpec:
    code: str
    pillar: str
    points_by_level: dict[int, int]  # {level: points}; levels absent here cannot be chosen

    @property
    def max_points(self) -> int:
        return max(self.points_by_level.values()) if self.points_by_level else 0


@dataclass(frozen=True)
class PillarSpec:
    code: str
    max_points: int
    level_table: tuple[int, ...] = ()  # level for each whole number of points 0..max_points


@dataclass(frozen=True)
class PillarResult:
    code: str
    points: int
    max: int
    percent: float
    level: int

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "points": self.points, "max": self.max, "percent": self.percent, "level": self.level}


@dataclass(frozen=True)
class Result:
    framework: str
    total: int
    max: int
    level: int
    pillars: tuple[PillarResult, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, Any]:
        return {
            "framework": self.framework,
            "total": self.total,
            "max": self.max,
            "level": self.level,
            "pillars": [p.as_dict() for p in self.pillars],
        }

    @property
    def pillar_levels(self) -> dict[str, int]:
        return {p.code: p.level for p in self.pillars}


def pillar_level(points: int, max_points: int, bands: Iterable[Band]) -> int:
    """Level of a pillar scoring `points` out of `max_points` under `bands` (exact comparison)."""
    level = MIN_LEVEL
    if max_points <= 0:
        return level
    for band in bands:
        if band.level > level and band.admits(points, max_points):
            level = band.level
    return level


def overall_level(
    total: int, pillar_levels: Iterable[int], rules: Iterable[OverallRule], default: int = MIN_LEVEL
) -> int:
    """Highest rule level whose total threshold is passed (strictly) and whose minimum count of
    pillars at that level or above is met; `default` (level 0) when none holds."""
    for rule in sorted(rules, key=lambda r: r.level, reverse=True):
        if total > rule.total_greater_than and sum(1 for lv in pillar_levels if lv >= rule.level) >= rule.min_pillars:
            return rule.level
    return default


def percent(points: int, max_points: int) -> float:
    """Percentage rounded to 2 decimals, for display and JSON only (never for level decisions)."""
    if not max_points:
        return 0.0
    return round(float(Fraction(100 * points, max_points)), 2)


class Spec:
    """A compiled framework: everything scoring needs, as plain immutable data."""

    def __init__(
        self,
        code: str,
        pillars: Iterable[PillarSpec],
        criteria: Iterable[CriterionSpec],
        bands: Iterable[Band],
        rules: Iterable[OverallRule],
        default_level: int = MIN_LEVEL,
    ) -> None:
        self.code = code
        self.bands = tuple(sorted(bands, key=lambda b: b.level))
        self.rules = tuple(sorted(rules, key=lambda r: r.level, reverse=True))
        self.default_level = default_level
        self.criteria = {c.code: c for c in criteria}
        self.pillars = tuple(
            PillarSpec(
                p.code,
                p.max_points,
                tuple(pillar_level(points, p.max_points, self.bands) for points in range(p.max_points + 1)),
            )
            for p in pillars
        )
        self.max_total = sum(p.max_points for p in self.pillars)
        self._pillar_index = {p.code: i for i, p in enumerate(self.pillars)}
        # criterion code -> (pillar index, points by level) for the hot loop
        self._lookup = {c.code: (self._pillar_index[c.pillar], c.points_by_level) for c in criteria}

    def __repr__(self) -> str:
        return f"<Spec {self.code}: {len(self.pillars)} pillars, {len(self.criteria)} criteria, max {self.max_total}>"


def validate_answers(spec: Spec, answers: Any) -> None:
    """Raise ScoringError naming the first unknown criterion code or impossible value."""
    if not isinstance(answers, dict):
        raise ScoringError("answers must be an object mapping criterion codes to levels 0–5")
    for code, value in answers.items():
        entry = spec._lookup.get(code)
        if entry is None:
            raise ScoringError(f"unknown criterion code {code!r} for framework {spec.code}", code=code)
        if value is None:
            continue
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # 4.0 is the whole number 4 (JSON does not tell them apart)
        if isinstance(value, bool) or not isinstance(value, int):
            raise ScoringError(
                f"criterion {code}: impossible value {value!r} (a whole number from 0 to 5 is expected)",
                code=code,
                value=value,
            )
        if value not in entry[1]:
            raise ScoringError(
                f"criterion {code}: impossible value {value!r} (allowed: {sorted(entry[1])})", code=code, value=value
            )


def score(spec: Spec, answers: Mapping[str, int | None], validate: bool = True) -> Result:
    """Score `answers` ({criterion code: level}, None or missing = not answered = 0 points)."""
    if validate:
        validate_answers(spec, answers)
    sums = [0] * len(spec.pillars)
    lookup = spec._lookup
    for code, value in answers.items():
        if value is None:
            continue
        index, points_by_level = lookup[code]
        sums[index] += points_by_level[value]
    pillars = []
    levels = []
    total = 0
    for pillar, points in zip(spec.pillars, sums, strict=True):
        points = min(points, pillar.max_points)  # a malformed framework can never exceed its maximum
        level = pillar.level_table[points]
        levels.append(level)
        total += points
        pillars.append(PillarResult(pillar.code, points, pillar.max_points, percent(points, pillar.max_points), level))
    return Result(
        framework=spec.code,
        total=total,
        max=spec.max_total,
        level=overall_level(total, levels, spec.rules, spec.default_level),
        pillars=tuple(pillars),
    )


def spec_from_dict(data: Mapping[str, Any]) -> Spec:
    """Compile a framework from the data-file layout (see assessment_forms/data/*.yaml) or from
    `assessment_forms.loader.framework_as_dict` — the same shape, so files and database agree."""
    bands = [
        Band(int(b["level"]), Fraction(str(b["lower"])), bool(b.get("lower_inclusive", False)))
        for b in data["pillar_level_bands"]["bands"]
    ]
    rules = [
        OverallRule(int(r["level"]), Fraction(str(r["total_greater_than"])), int(r["min_pillars_at_or_above"]))
        for r in data["overall_rules"]["rules"]
    ]
    levels = [int(lv["level"]) for lv in data.get("levels", [])] or [MIN_LEVEL]
    pillars = []
    criteria = []
    for pillar in data["pillars"]:
        pillars.append(PillarSpec(pillar["code"], int(pillar["max_points"])))
        for component in pillar.get("components", []):
            for criterion in component.get("criteria", []):
                criteria.append(CriterionSpec(criterion["code"], pillar["code"], criterion_points_by_level(criterion)))
    return Spec(data["framework"]["code"], pillars, criteria, bands, rules, default_level=min(levels))


def criterion_points_by_level(criterion: Mapping[str, Any]) -> dict[int, int]:
    """{level: points} for a criterion in data-file layout.

    Every level 0..5 can be entered (the CLI and survey spreadsheets give levels, and 26
    criteria of DBI-1970-SME have no option texts at all). Points are `points_per_level` × level
    unless an option states its own points."""
    per_level = int(criterion.get("points_per_level") or max(1, int(criterion.get("max_points", 5)) // MAX_LEVEL))
    points = {level: level * per_level for level in range(MIN_LEVEL, MAX_LEVEL + 1)}
    for option in criterion.get("options") or []:
        if option.get("level") is not None and option.get("points") is not None:
            points[int(option["level"])] = int(option["points"])
    return points
