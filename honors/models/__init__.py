"""Rankings and the annual honours. Split by concern; everything is re-exported here."""

from .cycles import Category, HonoursCycle, JuryCriterion
from .decision import Award, Certificate, HonoursDecision
from .jury import ConflictDeclaration, JuryReview, JuryScore
from .nominations import Nomination, NominationEvidence, PublicNomination
from .pages import HonoursYearPage, RankingsPage
from .rankings import RankingEntry

__all__ = [
    "Award",
    "Category",
    "Certificate",
    "ConflictDeclaration",
    "HonoursCycle",
    "HonoursDecision",
    "HonoursYearPage",
    "JuryCriterion",
    "JuryReview",
    "JuryScore",
    "Nomination",
    "NominationEvidence",
    "PublicNomination",
    "RankingEntry",
    "RankingsPage",
]
