"""The phases of an honours cycle, enforced: each step of the work is allowed only in its
phase (nominations in the nomination phase, scores in the jury phase, decisions once
scoring has closed)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..models import HonoursCycle

Phase = HonoursCycle.Phase

NOMINATING = (Phase.NOMINATION,)
SCORING = (Phase.JURY,)
DECIDING = (Phase.DECISION, Phase.PUBLISHED)


def require_phase(cycle: HonoursCycle, allowed: Collection[str], action: str, day: date | None = None) -> None:
    """ValidationError with a clear message unless the cycle is in one of `allowed` (today,
    or on `day` when a record of past work is replayed, as the demo does)."""
    if cycle.phase_on(day) not in allowed:
        raise ValidationError(
            _("%(action)s chỉ được làm trong giai đoạn %(allowed)s; đợt “%(cycle)s” đang ở giai đoạn %(phase)s.")
            % {
                "action": action,
                "allowed": ", ".join(str(Phase(value).label) for value in allowed),
                "cycle": cycle.title,
                "phase": HonoursCycle.Phase(cycle.phase_on(day)).label,
            }
        )


def require_nominating(cycle: HonoursCycle, day: date | None = None) -> None:
    require_phase(cycle, NOMINATING, _("Nhận đề cử"), day)


def require_scoring(cycle: HonoursCycle, day: date | None = None) -> None:
    require_phase(cycle, SCORING, _("Chấm điểm"), day)


def require_deciding(cycle: HonoursCycle) -> None:
    require_phase(cycle, DECIDING, _("Lập quyết định tôn vinh"))
