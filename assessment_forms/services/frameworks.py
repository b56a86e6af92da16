"""Framework versions and scoring: the compiled spec of a version (cached in process) and
the result written onto a submission and its pillar scores."""

from decimal import Decimal

from ..models import (
    Framework,
    Pillar,
    PillarScore,
)
from ..scoring import score, spec_from_dict

DEFAULT_FRAMEWORK = "DBI-1970-SME"

_spec_cache = {}


def current_framework(framework_code=DEFAULT_FRAMEWORK):
    """The latest version of a framework, or None."""
    return Framework.objects.filter(code=framework_code).order_by("-version").first()


def get_spec(framework):
    """The compiled scoring spec of a framework version, cached in process while unchanged."""
    key = (framework.pk, framework.updated_at, framework.source_hash)
    spec = _spec_cache.get(framework.pk)
    if spec is None or spec[0] != key:
        from ..loader import framework_as_dict

        spec = (key, spec_from_dict(framework_as_dict(framework)))
        _spec_cache[framework.pk] = spec
    return spec[1]


def score_answers(framework, answers):
    """Score answers {criterion code: level} against a framework version. Raises ScoringError."""
    return score(get_spec(framework), answers)


def save_result(submission, result=None):
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


def _freeze(framework):
    if not framework.frozen:
        Framework.objects.filter(pk=framework.pk).update(frozen=True)
        framework.frozen = True
