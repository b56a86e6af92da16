"""The small public interface of the DBI self-assessment, and its write operations.

Apps above this one (honours, dashboard, handbook, events, home) call only these functions.
Handbook chapters and events add next-step links through `register_recommendation_provider`
from their AppConfig.ready(); this app never imports them.

Split by concern; every name stays importable from `assessment_forms.services`:
- `frameworks`: framework versions, the compiled scoring spec, a result written down;
- `submissions`: submit, an assessor's correction, verify and unverify, the revision history;
- `linking`: a submission linked to its enterprise, who may see the enterprise's history;
- `rescoring`: rescoring stored results in bulk, results that do not add up;
- `results`: reading verified results (the contract for honours, dashboard and home);
- `publication`: the public year;
- `vocabulary`: the one vocabulary of levels and pillars;
- `next_steps`: recommendation providers and next-step sections registered by higher apps;
- `comparison`: the previous result and the median of the peers.
"""

from __future__ import annotations

from ..scoring import ScoringError
from ..signals import results_changed
from .comparison import MIN_PEERS, comparison, peer_group_label, previous_result
from .frameworks import DEFAULT_FRAMEWORK, current_framework, get_spec, save_result, score_answers
from .linking import STAFF_PERMISSIONS, can_see_history, claimed_enterprise, is_assessor, link_submission, may_link
from .next_steps import (
    kind_label,
    next_steps_sections,
    recommendation_providers,
    recommendations,
    register_next_steps_section,
    register_recommendation_provider,
    replaced_recommendation_providers,
    weakest_pillars,
)
from .publication import public_year, publication_changed, publish_year, published_years
from .rescoring import RESCORE_FIELDS, inconsistent_results, rescore
from .results import assessment_page, latest_scored, latest_verified, latest_verified_by_enterprise, verified_results
from .submissions import StaleSubmission, adjust_answers, submission_version, submit, unverify, verify
from .vocabulary import (
    VOCABULARY_CACHE_SECONDS,
    VOCABULARY_VERSION_KEY,
    forget_vocabulary,
    level_choices,
    level_meaning,
    level_name,
    pillar_choices,
    pillar_name,
)

__all__ = [
    "DEFAULT_FRAMEWORK",
    "MIN_PEERS",
    "RESCORE_FIELDS",
    "STAFF_PERMISSIONS",
    "VOCABULARY_CACHE_SECONDS",
    "VOCABULARY_VERSION_KEY",
    "ScoringError",
    "StaleSubmission",
    "adjust_answers",
    "assessment_page",
    "can_see_history",
    "claimed_enterprise",
    "comparison",
    "current_framework",
    "forget_vocabulary",
    "get_spec",
    "inconsistent_results",
    "is_assessor",
    "kind_label",
    "latest_scored",
    "latest_verified",
    "latest_verified_by_enterprise",
    "level_choices",
    "level_meaning",
    "level_name",
    "link_submission",
    "may_link",
    "next_steps_sections",
    "peer_group_label",
    "pillar_choices",
    "pillar_name",
    "previous_result",
    "public_year",
    "publication_changed",
    "publish_year",
    "published_years",
    "recommendation_providers",
    "recommendations",
    "register_next_steps_section",
    "register_recommendation_provider",
    "replaced_recommendation_providers",
    "rescore",
    "results_changed",
    "save_result",
    "score_answers",
    "submission_version",
    "submit",
    "unverify",
    "verified_results",
    "verify",
    "weakest_pillars",
]
