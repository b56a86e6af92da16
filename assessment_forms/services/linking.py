"""Linking a submission to its enterprise (issue 13), and who may see the enterprise's history."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from ..models import (
    Submission,
)

STAFF_PERMISSIONS = ("assessment_forms.verify_submission", "assessment_forms.change_submission")


def is_assessor(user: Any) -> bool:
    return user is not None and user.is_authenticated and any(user.has_perm(p) for p in STAFF_PERMISSIONS)


def may_link(user: Any, enterprise: Any) -> bool:
    """Whether a submission may be attached to the enterprise on this user's word: a verified
    member of it, or an assessor."""
    from enterprises.services import is_verified_member

    return enterprise is not None and (is_assessor(user) or is_verified_member(user, enterprise))


def can_see_history(user: Any, submission: Submission) -> bool:
    """Whether this viewer may see what was recorded about the enterprise before this
    submission (earlier results, trend, change): its verified members and the assessors.
    Anyone else sees only the result of what they answered."""
    return submission.enterprise_id is not None and may_link(user, submission.enterprise)


def claimed_enterprise(submission: Submission) -> Any:
    """The registry's enterprise with the tax code an unlinked submission claims, or None."""
    from enterprises.services import find_by_tax_code

    if submission.enterprise_id:
        return submission.enterprise
    return find_by_tax_code(submission.claimed_tax_code) if submission.claimed_tax_code else None


@transaction.atomic
def link_submission(submission: Submission, user: Any, enterprise: Any = None) -> Submission:
    """Attach an unlinked submission to its enterprise (by default the one with the claimed
    tax code; an assessor's link records a pending enterprise for an unknown code). Only a
    verified member of that enterprise or an assessor may. Returns the submission."""
    from django.core.exceptions import PermissionDenied
    from wagtail.log_actions import log

    from enterprises.services import get_or_create_pending

    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.enterprise_id:
        return submission
    if enterprise is None:
        enterprise = claimed_enterprise(submission)
    if enterprise is None and is_assessor(user) and submission.claimed_tax_code:
        enterprise, _created = get_or_create_pending(
            submission.claimed_tax_code, submission.claimed_name or submission.claimed_tax_code
        )
    if enterprise is None and is_assessor(user):
        from django.core.exceptions import ValidationError
        from django.utils.translation import gettext as _

        raise ValidationError(_("Phiếu chưa có mã số thuế hợp lệ nên chưa liên kết được với doanh nghiệp nào."))
    if not may_link(user, enterprise):
        raise PermissionDenied
    submission.enterprise = enterprise
    submission.save(update_fields=["enterprise", "updated_at"])
    log(submission, "assessment_forms.link", user=user, data={"enterprise": enterprise.pk})
    return submission
