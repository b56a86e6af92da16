"""The honours app's public interface. Other apps call these functions only."""

from enterprises.services import fold

from .evidence import can_view_evidence
from .public import awards_for_year, latest_honoured
from .rankings import DEFAULT_FRAMEWORK, RankingQuery, ranking_page, refresh_rankings

__all__ = [
    "DEFAULT_FRAMEWORK",
    "RankingQuery",
    "awards_for_year",
    "can_view_evidence",
    "fold",
    "latest_honoured",
    "ranking_page",
    "refresh_rankings",
]
