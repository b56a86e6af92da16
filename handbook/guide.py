"""The DBI guide's content, generated from a loaded framework and its compiled scoring spec.

Points, bands and rules come from `assessment_forms.services.get_spec` — the very object the
scoring engine uses — so the guide cannot disagree with how submissions are scored. Names,
questions and option texts come from the framework's own records.
"""

from django.core.cache import cache
from django.utils.translation import get_language

from assessment_forms import services as assessment


def _number(value):
    """A Fraction bound as a plain number for display: 10, 12.5."""
    as_float = float(value)
    return int(as_float) if as_float.is_integer() else as_float


def _point_ranges(level_table, levels):
    """{level: (lowest, highest)} whole pillar points for each reachable level."""
    ranges = {}
    for points, level in enumerate(level_table):
        low, _high = ranges.get(level, (points, points))
        ranges[level] = (low, points)
    return [ranges.get(level) for level in levels]


def build_guide(framework):
    """Plain data for the guide page: overview counts, pillars → components → criteria with
    points by level and option texts, pillar bands, point ranges per level, overall rules."""
    spec = assessment.get_spec(framework)
    level_numbers = sorted({band.level for band in spec.bands} | {spec.default_level})
    levels = [framework.level_info(level) for level in level_numbers]

    bands = []
    ordered = sorted(spec.bands, key=lambda band: band.lower)
    for position, band in enumerate(ordered):
        upper = ordered[position + 1].lower if position + 1 < len(ordered) else 100
        bands.append(
            {
                "level": band.level,
                "name": framework.level_info(band.level)["name"],
                "lower": _number(band.lower),
                "lower_inclusive": band.lower_inclusive,
                "upper": _number(upper),
                "first": position == 0 and band.lower == 0,
            }
        )

    pillar_specs = {pillar.code: pillar for pillar in spec.pillars}
    pillars = []
    criteria_count = components_count = 0
    for pillar in framework.pillars.prefetch_related("components__criteria__options"):
        pillar_spec = pillar_specs[pillar.code]
        components = []
        for component in pillar.components.all():
            criteria = []
            for criterion in component.criteria.all():
                criterion_spec = spec.criteria[criterion.code]
                options = {option.level: option.localized_text for option in criterion.options.all()}
                criteria.append(
                    {
                        "code": criterion.code,
                        "text": criterion.localized_text,
                        "question": criterion.localized_question,
                        "group": criterion.group_en
                        if get_language() == "en" and criterion.group_en
                        else criterion.group,
                        "max_points": criterion_spec.max_points,
                        "levels": [
                            {"level": level, "points": points, "text": options.get(level, "")}
                            for level, points in sorted(criterion_spec.points_by_level.items())
                        ],
                        "unconfirmed": criterion.unconfirmed,
                    }
                )
            criteria_count += len(criteria)
            components.append(
                {
                    "code": component.code,
                    "name": component.localized_name,
                    "max_points": sum(c["max_points"] for c in criteria),
                    "criteria": criteria,
                }
            )
        components_count += len(components)
        pillars.append(
            {
                "code": pillar.code,
                "name": pillar.localized_name,
                "description": pillar.localized_description,
                "max_points": pillar_spec.max_points,
                "criteria_count": sum(len(c["criteria"]) for c in components),
                "components": components,
                "point_ranges": _point_ranges(pillar_spec.level_table, level_numbers),
            }
        )

    rules = [
        {
            "level": rule.level,
            "name": framework.level_info(rule.level)["name"],
            "total_greater_than": _number(rule.total_greater_than),
            "min_pillars": rule.min_pillars,
        }
        for rule in spec.rules
    ]
    return {
        "framework": {
            "code": framework.code,
            "version": framework.version,
            "title": framework.localized_title,
            "legal_basis": framework.legal_basis,
            "legal_basis_url": framework.legal_basis_url,
        },
        "counts": {
            "pillars": len(pillars),
            "components": components_count,
            "criteria": criteria_count,
            "max_points": spec.max_total,
        },
        "levels": levels,
        "level_numbers": level_numbers,
        "default_level": framework.level_info(spec.default_level),
        "bands": bands,
        "rules": rules,
        "pillars": pillars,
        "example": worked_example(framework, spec),
    }


def worked_example(framework, spec, level=2):
    """Every criterion answered at `level`, scored by the real engine, to show the arithmetic."""
    answers = {code: level for code, criterion in spec.criteria.items() if level in criterion.points_by_level}
    result = assessment.score_answers(framework, answers)
    return {
        "answer_level": level,
        "pillars": [
            {**pillar.as_dict(), "name": dict(assessment.pillar_choices(framework.code)).get(pillar.code, pillar.code)}
            for pillar in result.pillars
        ],
        "total": result.total,
        "max": result.max,
        "level": framework.level_info(result.level),
    }


def guide_for(framework_code):
    """The guide data for the latest version of a framework, cached per version and language."""
    framework = assessment.current_framework(framework_code)
    if framework is None:
        return None
    stamp = framework.updated_at.timestamp() if framework.updated_at else 0
    key = f"handbook:guide:{framework.pk}:{stamp}:{get_language()}"
    data = cache.get(key)
    if data is None:
        data = build_guide(framework)
        cache.set(key, data, 60 * 60 * 24)
    return data
