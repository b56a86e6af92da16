"""Who may open a nomination's evidence files in the admin.

Staff with the right to view evidence (programme editors, the honours committee) — except a
juror who declared a conflict with that nomination. The nominator's own private link is the
public side's business (engineer "abuse" adds it); this is the staff rule both sides call."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..models import NominationEvidence

EVIDENCE_PERMISSION = "honors.view_nominationevidence"


def can_view_evidence(user: Any, evidence: NominationEvidence) -> bool:
    from .jury import is_conflicted

    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if not user.has_perm(EVIDENCE_PERMISSION):
        return False
    return not is_conflicted(user, evidence.nomination)
