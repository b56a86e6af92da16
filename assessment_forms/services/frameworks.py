"""Framework versions and scoring: the compiled spec of a version (cached in process) and
the result written onto a submission and its pillar scores."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ..models import (
    Framework,
    Pillar,
    PillarScore,
    Submission,
)
from ..scoring import Result, Spec, score, spec_from_dict

DEFAULT_FRAMEWORK = "DBI-1970-SME"

_spec_cache: dict[int, tuple[tuple[Any, ...], Spec]] = {}


def current_framework(framework_code: str = DEFAULT_FRAMEWORK) -> Framework | None:
    """The latest version of a framework, or None."""
    return Framework.objects.filter(code=framework_code).order_by("-version").first()


def get_spec(framework: Framework) -> Spec:
    """The compiled scoring spec of a framework version, cached in process while unchanged."""
    key = (framework.pk, framework.updated_at, framework.source_hash)
    spec = _spec_cache.get(framework.pk)
    if spec is None or spec[0] != key:
        from ..loader import framework_as_dict

        spec = (key, spec_from_dict(framework_as_dict(framework)))
        _spec_cache[framework.pk] = spec
    return spec[1]


def score_answers(framework: Framework, answers: Mapping[str, int | None]) -> Result:
    """Score answers {criterion code: level} against a framework version. Raises ScoringError."""
    return score(get_spec(framework), answers)


def save_result(submission: Submission, result: Result | None = None) -> Result:
    """Write a result (computed now when not given) onto the submission and its pillar scores."""
    if result is None:
        result = score_answers(submission.framework, submission.answers)
    submission.total = result.total
    submission.max_total = result.max
    submission.level = result.level
    submission.save(update_fields=["total", "max_total", "level", "updated_at"])
    pillars = {p.code: p for p in Pillar.objects.filter(framework_id=submission.framework_id)}
    PillarScore.objects.filter(submission=submission).delete()
    PillarScore.objects.bulk_create(
        [
            PillarScore(
                submission=submission,
                pillar=pillars[p.code],
                points=p.points,
                max_points=p.max,
                percent=Decimal(str(p.percent)),
                level=p.level,
            )
            for p in result.pillars
        ]
    )
    _freeze(submission.framework)
    return result


def _freeze(framework: Framework) -> None:
    if not framework.frozen:
        Framework.objects.filter(pk=framework.pk).update(frozen=True)
        framework.frozen = True
