"""A submission's life: submitted by the respondent, corrected by an assessor, verified or
unverified; every step kept in its revision history."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone

from core import audit

from ..models import (
    Submission,
    SubmissionRevision,
)
from ..scoring import Result, score
from ..signals import results_changed
from .frameworks import get_spec, save_result
from .linking import link_submission


def _revision(submission: Submission, kind: str, user: Any = None, note: str = "") -> SubmissionRevision:
    return SubmissionRevision.objects.create(
        submission=submission,
        kind=kind,
        answers=dict(submission.answers),
        total=submission.total,
        level=submission.level,
        note=note,
        user=user if user is not None and user.is_authenticated else None,
    )


@transaction.atomic
def submit(submission: Submission, submit_key: str = "", user: Any = None) -> tuple[Submission, bool]:
    """Score and submit a draft. Idempotent: submitting again (double click, resent form)
    returns the already submitted result. Returns (submission, newly_submitted)."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.status != Submission.Status.DRAFT:
        return submission, False
    save_result(submission)
    submission.status = Submission.Status.SUBMITTED
    submission.submitted_at = timezone.now()
    submission.submit_key = submit_key[:64]
    if user is not None and user.is_authenticated and submission.user_id is None:
        submission.user = user
    submission.save(update_fields=["status", "submitted_at", "submit_key", "user", "updated_at"])
    _revision(submission, SubmissionRevision.Kind.SUBMITTED, user)
    return submission, True


class StaleSubmission(Exception):
    """Someone else changed the submission since this assessor opened it."""


def submission_version(submission: Submission) -> str:
    """What an assessor's form carries to detect a concurrent change (microseconds of the last
    update)."""
    return str(int(submission.updated_at.timestamp() * 1_000_000)) if submission.updated_at else ""


@transaction.atomic
def adjust_answers(
    submission: Submission,
    answers: Mapping[str, int | None],
    user: Any,
    note: str,
    expected_version: str | None = None,
) -> Result:
    """An assessor's correction: keeps the previous version in the history, rescores.

    The row is locked for the whole correction, so two assessors' corrections never mix (the
    pillar scores always add up to the total). With `expected_version` (from the form), a
    correction made on a version someone else has changed since raises StaleSubmission."""
    locked = Submission.objects.select_for_update().select_related("framework").get(pk=submission.pk)
    if expected_version is not None and submission_version(locked) != expected_version:
        raise StaleSubmission
    for field in ("answers", "total", "max_total", "level", "status", "updated_at"):
        setattr(submission, field, getattr(locked, field))
    spec = get_spec(submission.framework)
    result = score(spec, answers)
    if not SubmissionRevision.objects.filter(submission=submission).exists():
        _revision(submission, SubmissionRevision.Kind.SUBMITTED, note="")
    submission.answers = dict(answers)
    submission.save(update_fields=["answers", "updated_at"])
    save_result(submission, result)
    _revision(submission, SubmissionRevision.Kind.ADJUSTED, user, note)
    audit.record(user, "assessment.adjust", submission, note=note, total=result.total, level=result.level)
    if submission.status == Submission.Status.VERIFIED:
        transaction.on_commit(lambda: results_changed.send(Submission, submission=submission, action="rescored"))
    return result


@transaction.atomic
def verify(submission: Submission, user: Any, note: str = "") -> Submission:
    """Verify a result; the respondent and the enterprise's contacts are told (core.mail)."""
    from ..mail import verified

    newly = submission.status != Submission.Status.VERIFIED
    if not submission.enterprise_id:
        # Verifying is the assessor's word that the submission is the enterprise's own.
        submission = link_submission(submission, user)
    if submission.status == Submission.Status.DRAFT:
        save_result(submission)
    submission.status = Submission.Status.VERIFIED
    submission.verified_at = timezone.now()
    submission.verified_by = user if user is not None and user.is_authenticated else None
    if note:
        submission.verification_note = note
    if submission.submitted_at is None:
        submission.submitted_at = submission.verified_at
    submission.save()
    _revision(submission, SubmissionRevision.Kind.VERIFIED, user, note)
    if newly:
        verified(submission)
    audit.record(user, "assessment.verify", submission, note=note, total=submission.total, level=submission.level)
    transaction.on_commit(lambda: results_changed.send(Submission, submission=submission, action="verified"))
    return submission


@transaction.atomic
def unverify(submission: Submission, user: Any, note: str = "") -> Submission:
    submission.status = Submission.Status.SUBMITTED
    submission.verified_at = None
    submission.verified_by = None
    submission.save(update_fields=["status", "verified_at", "verified_by", "updated_at"])
    _revision(submission, SubmissionRevision.Kind.UNVERIFIED, user, note)
    audit.record(user, "assessment.unverify", submission, note=note)
    transaction.on_commit(lambda: results_changed.send(Submission, submission=submission, action="unverified"))
    return submission
