"""The support desk's public interface: what views, the admin, other apps and tests call.

The lifecycle lives in lifecycle.py, the target clock in clock.py, matching in matching.py,
the yearly figures in figures.py; this module re-exports them and adds the directory, the
consultants' own profile changes, the DBI result's next steps and the coordinators' digest.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from django.core import signing
from django.db import transaction
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from core.mail import queue_mail, site_url
from core.text import fold_compact

from .clock import add_working_days, is_working_day, set_due_dates, target_for, working_days_between
from .figures import MIN_GROUP, figures
from .lifecycle import (
    TransitionError,
    assign,
    close,
    coordinators,
    create_request,
    enterprise_reply,
    is_assigned_consultant,
    is_coordinator,
    link_token,
    rate,
    refuse,
    request_for_token,
    requests_for,
    resolve,
    staff_message,
    start,
    status_url,
    user_language,
    visible_messages,
)
from .matching import area_keys, serving, serving_by_pillar, suggest
from .models import (
    ApprovalStatus,
    Consultant,
    ConsultingOrganisation,
    PillarExpertise,
    ServedArea,
    SupportRequest,
    Topic,
)

__all__ = [
    "MIN_GROUP",
    "TransitionError",
    "add_working_days",
    "approve_changes",
    "area_keys",
    "assign",
    "close",
    "consultant_directory",
    "coordinators",
    "create_request",
    "daily_digest",
    "enterprise_reply",
    "figures",
    "is_assigned_consultant",
    "is_coordinator",
    "is_working_day",
    "link_token",
    "pillar_choices",
    "pillar_names",
    "propose_changes",
    "rate",
    "refuse",
    "reject_changes",
    "request_for_token",
    "requests_for",
    "resolve",
    "result_next_steps",
    "result_token",
    "serving",
    "serving_by_pillar",
    "set_due_dates",
    "staff_message",
    "start",
    "status_url",
    "submission_for_token",
    "suggest",
    "target_for",
    "user_language",
    "visible_messages",
    "working_days_between",
]


# --- the DBI framework's pillars (read, never copied) ------------------------------------


def pillar_choices() -> list[tuple[str, str]]:
    from assessment_forms.services import pillar_choices as framework_pillars

    return framework_pillars()


def pillar_names() -> dict[str, str]:
    return dict(pillar_choices())


# --- the public directory -------------------------------------------------------------------


def consultant_directory(
    pillar: str = "", topic: str = "", sector: str = "", area: str = "", q: str = ""
) -> QuerySet[Consultant]:
    """Approved consultants matching the URL's filters, with what a listing card shows."""
    qs = (
        Consultant.objects.filter(status=ApprovalStatus.APPROVED)
        .select_related("organisation", "photo")
        .prefetch_related(
            Prefetch("pillars", queryset=PillarExpertise.objects.order_by("pillar_code")),
            "topics",
        )
        .order_by("name", "pk")
    )
    if pillar:
        qs = qs.filter(pk__in=PillarExpertise.objects.filter(pillar_code=pillar).values("consultant_id"))
    if topic:
        qs = qs.filter(topics__slug=topic)
    if sector:
        qs = qs.filter(Q(sectors__code=sector) | Q(sectors__parent__code=sector))
    if area:
        from enterprises.models import AdministrativeUnit

        unit = AdministrativeUnit.objects.filter(code=area).select_related("parent__parent").first()
        keys = area_keys(unit) if unit else {-1}
        qs = qs.filter(pk__in=ServedArea.objects.filter(unit_id__in=keys).values("consultant_id"))
    if q:
        words = fold_compact(q).split()
        for word in words[:8]:
            qs = qs.filter(Q(search_text__contains=word) | Q(organisation__search_text__contains=word))
    return qs.distinct() if (topic or sector) else qs


def organisation_directory() -> QuerySet[ConsultingOrganisation]:
    return ConsultingOrganisation.objects.filter(status=ApprovalStatus.APPROVED).annotate(
        listed=Count("consultants", filter=Q(consultants__status=ApprovalStatus.APPROVED))
    )


# --- a consultant's own profile: changes wait for review -----------------------------------

PROFILE_FIELDS = ("job_title", "honorific", "biography", "certifications", "availability", "capacity", "languages")
PROFILE_RELATIONS = ("topics", "sectors", "pillars")


@transaction.atomic
def propose_changes(consultant: Consultant, data: Mapping[str, Any]) -> None:
    """Store a consultant's own edits for review; the public profile does not change yet."""
    consultant.pending_changes = data
    consultant.pending_since = timezone.now()
    consultant.save(update_fields=["pending_changes", "pending_since"])
    for user in coordinators():
        queue_mail(
            "support.profile_review",
            user.email,
            "support/email/profile_review",
            {"consultant": consultant, "link": site_url(reverse("support_profile_review", args=[consultant.pk]))},
            language=user_language(user),
            related=consultant,
        )


@transaction.atomic
def approve_changes(consultant: Consultant, by: Any) -> Consultant:
    if not is_coordinator(by):
        raise TransitionError("not allowed")
    data = consultant.pending_changes or {}
    for name in PROFILE_FIELDS:
        if name in data:
            setattr(consultant, name, data[name])
    consultant.pending_changes = {}
    consultant.pending_since = None
    consultant.save()
    if "topics" in data:
        consultant.topics.set(Topic.objects.filter(pk__in=data["topics"]))
    if "sectors" in data:
        from enterprises.models import Sector

        consultant.sectors.set(Sector.objects.filter(pk__in=data["sectors"]))
    if "pillars" in data:
        consultant.pillars.all().delete()
        PillarExpertise.objects.bulk_create(
            [PillarExpertise(consultant=consultant, pillar_code=code) for code in data["pillars"]]
        )
    queue_mail(
        "support.profile_approved",
        consultant.contact_email,
        "support/email/profile_approved",
        {"consultant": consultant, "link": site_url(reverse("support:consultant", args=[consultant.slug]))},
        language=consultant.language,
        related=consultant,
    )
    return consultant


@transaction.atomic
def reject_changes(consultant: Consultant, by: Any) -> None:
    if not is_coordinator(by):
        raise TransitionError("not allowed")
    consultant.pending_changes = {}
    consultant.pending_since = None
    consultant.save(update_fields=["pending_changes", "pending_since"])


# --- from a DBI result: consultants for the weakest pillars, a pre-filled request ---------

RESULT_SALT = "support.result"


def result_token(submission: Any) -> str:
    return signing.dumps(submission.pk, salt=RESULT_SALT)


def submission_for_token(token: str) -> Any:
    """The assessment a request form's `ket-qua` parameter names, or None if forged."""
    from assessment_forms.models import Submission

    try:
        pk = signing.loads(token, salt=RESULT_SALT, max_age=90 * 24 * 3600)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return Submission.objects.select_related("enterprise", "enterprise__area").filter(pk=pk).first()


def result_next_steps(
    submission: Any, weakest: Sequence[dict[str, Any] | str], request: HttpRequest | None = None
) -> str:
    """The result page's section (registered into assessment_forms from AppConfig.ready()),
    for the two weakest pillars ({"code", "name"} from the result): at most two queries."""
    from .matching import serving_by_pillar

    pillars = [p if isinstance(p, dict) else {"code": p, "name": p} for p in weakest[:2]]
    codes = [p["code"] for p in pillars]
    unit = None
    if submission.enterprise_id and submission.enterprise.area_id:
        from enterprises.models import AdministrativeUnit

        unit = AdministrativeUnit(pk=submission.enterprise.area_id)  # only its id is used
    consultants = serving_by_pillar(codes, unit)
    token = result_token(submission)
    rows = [
        {
            "code": p["code"],
            "name": p["name"],
            "consultants": consultants[p["code"]],
            "ask_url": reverse("support:request") + f"?tru-cot={p['code']}&ket-qua={token}",
        }
        for p in pillars
    ]
    return render_to_string("support/includes/result_next_steps.html", {"pillars": rows}, request=request)


# --- the coordinators' daily digest -----------------------------------------------------------


def daily_digest(now: datetime | None = None) -> int:
    """One e-mail per coordinator: new unassigned requests, overdue ones, waiting too long.
    Returns the number of e-mails queued (none when there is nothing to report)."""
    now = now or timezone.now()
    open_requests = SupportRequest.objects.filter(status__in=SupportRequest.OPEN).select_related("topic", "consultant")
    unassigned = list(open_requests.filter(status=SupportRequest.Status.NEW).order_by("created_at")[:50])
    overdue = list(
        open_requests.filter(
            Q(first_response_at__isnull=True, first_response_due__lt=now) | Q(resolution_due__lt=now)
        ).order_by("first_response_due")[:50]
    )
    if not unassigned and not overdue:
        return 0
    sent = 0
    context = {
        "unassigned": unassigned,
        "overdue": overdue,
        "day": timezone.localdate(now),
        "queue": site_url(reverse("support_request:index")),
    }
    for user in coordinators():
        queue_mail("support.digest", user.email, "support/email/digest", context, language=user_language(user))
        sent += 1
    return sent
