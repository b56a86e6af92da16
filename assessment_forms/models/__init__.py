"""Models of the DBI self-assessment, split by concern and re-exported here."""

from .framework import AnswerOption, Component, Criterion, Framework, Pillar, localized
from .pages import AssessmentPage
from .publication import PublishedYear
from .submissions import PillarScore, Submission, SubmissionRevision

__all__ = [
    "AssessmentPage",
    "AnswerOption",
    "Component",
    "Criterion",
    "Framework",
    "Pillar",
    "PillarScore",
    "PublishedYear",
    "Submission",
    "SubmissionRevision",
    "localized",
]
