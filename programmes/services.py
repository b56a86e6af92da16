"""State support judged on DBI results: eligibility, applications, review steps, budget.

Pure functions over the models; views and the admin call these. The eligibility rules are
checked at submission and stored with the application, with a reason for every rule.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import asdict, dataclass
from datetime import date
from decimal import ROUND_DOWN, Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from assessment_forms.services import latest_scored, latest_verified, level_name
from core.mail import queue_mail
from enterprises.services import verified_enterprises_for

from .models import Application, ApplicationStep, Programme

S = Application.Status


# --- eligibility -----------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    rule: str
    ok: bool
    reason: str


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it has fewer days)."""
    import calendar

    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def lineage(programme: Programme) -> list[int]:
    """The programme and its earlier versions (what was already received counts across them)."""
    ids: list[int] = []
    current: Programme | None = programme
    while current is not None and current.pk not in ids:
        ids.append(current.pk)
        current = current.previous
    return ids


def _section(sector: Any) -> str:
    while sector is not None and sector.parent_id is not None:
        sector = sector.parent
    return sector.code if sector is not None else ""


def _in_areas(programme: Programme, unit: Any) -> bool:
    allowed = set(programme.eligible_areas.values_list("pk", flat=True))
    if not allowed:
        return True
    while unit is not None:
        if unit.pk in allowed:
            return True
        unit = unit.parent
    return False


def dbi_result(programme: Programme, enterprise: Any) -> Any:
    """The result the application rests on: the latest verified one, or (when the programme
    accepts unverified results) the latest scored one if it is newer."""
    verified = latest_verified(enterprise)
    if programme.require_verified:
        return verified
    scored = latest_scored(enterprise)
    if verified is None:
        return scored
    if scored is not None and (scored.year, scored.submitted_at or timezone.now()) > (
        verified.year,
        verified.submitted_at or timezone.now(),
    ):
        return scored
    return verified


def check_eligibility(
    programme: Programme, enterprise: Any, today: date | None = None, result: Any = None
) -> list[Check]:
    """Every rule of the programme, checked against the enterprise and its DBI result."""
    today = today or timezone.localdate()
    checks = []
    open_now = programme.status == Programme.Status.OPEN and programme.starts_on <= today <= programme.ends_on
    checks.append(
        Check(
            "period",
            open_now,
            _("Chương trình đang nhận hồ sơ.") if open_now else _("Chương trình không nhận hồ sơ vào ngày này."),
        )
    )
    if programme.eligible_sizes:
        ok = enterprise.size_class in programme.eligible_sizes
        if not enterprise.size_class:
            reason = _("Doanh nghiệp chưa xác định được quy mô (cần số lao động và doanh thu hoặc nguồn vốn).")
        elif ok:
            reason = _("Quy mô %(size)s thuộc diện hỗ trợ.") % {"size": enterprise.get_size_class_display()}
        else:
            reason = _("Quy mô %(size)s không thuộc diện hỗ trợ.") % {"size": enterprise.get_size_class_display()}
        checks.append(Check("size", ok, reason))
    if programme.eligible_sectors:
        section = _section(enterprise.sector)
        ok = section in programme.eligible_sectors
        checks.append(
            Check(
                "sector",
                ok,
                (_("Ngành %(code)s thuộc diện hỗ trợ.") if ok else _("Ngành %(code)s không thuộc diện hỗ trợ."))
                % {"code": section or "—"},
            )
        )
    if programme.eligible_areas.exists():
        ok = _in_areas(programme, enterprise.area)
        checks.append(
            Check(
                "area",
                ok,
                _("Địa bàn thuộc diện hỗ trợ.") if ok else _("Địa bàn của doanh nghiệp không thuộc diện hỗ trợ."),
            )
        )
    result = result if result is not None else dbi_result(programme, enterprise)
    if result is None:
        reason = (
            _("Chưa có kết quả DBI đã được thẩm định.") if programme.require_verified else _("Chưa có kết quả DBI.")
        )
        checks.append(Check("dbi", False, reason))
    else:
        ok = programme.min_level <= result.level <= programme.max_level
        checks.append(
            Check(
                "level",
                ok,
                (
                    _("Mức DBI %(level)s (%(name)s) nằm trong khoảng %(min)s–%(max)s.")
                    if ok
                    else _("Mức DBI %(level)s (%(name)s) ngoài khoảng %(min)s–%(max)s.")
                )
                % {
                    "level": result.level,
                    "name": level_name(result.level),
                    "min": programme.min_level,
                    "max": programme.max_level,
                },
            )
        )
        stamp = result.verified_at or result.submitted_at
        ok = stamp is not None and add_months(timezone.localdate(stamp), programme.result_max_age_months) >= today
        checks.append(
            Check(
                "age",
                ok,
                (
                    _("Kết quả DBI không cũ hơn %(months)s tháng.")
                    if ok
                    else _("Kết quả DBI đã cũ hơn %(months)s tháng: cần tự đánh giá lại.")
                )
                % {"months": programme.result_max_age_months},
            )
        )
        if programme.require_verified:
            ok = result.status == "verified"
            checks.append(
                Check(
                    "verified",
                    ok,
                    _("Kết quả DBI đã được thẩm định.") if ok else _("Kết quả DBI chưa được thẩm định."),
                )
            )
    received = Application.objects.filter(
        enterprise=enterprise, programme_id__in=lineage(programme), status__in=Application.COMMITTED
    ).count()
    ok = received < programme.max_awards_per_enterprise
    checks.append(
        Check(
            "received",
            ok,
            (
                _("Doanh nghiệp chưa dùng hết số lần được hỗ trợ của chương trình.")
                if ok
                else _("Doanh nghiệp đã được chương trình hỗ trợ đủ %(n)s lần.")
            )
            % {"n": programme.max_awards_per_enterprise},
        )
    )
    return checks


def is_eligible(checks: list[Check]) -> bool:
    return all(check.ok for check in checks)


def requested_amount(programme: Programme, enterprise: Any, cost: int) -> int:
    """The support rate of the cost, capped by the enterprise's size class."""
    amount = (Decimal(cost) * programme.support_rate / Decimal(100)).quantize(Decimal(1), rounding=ROUND_DOWN)
    cap = (programme.caps or {}).get(enterprise.size_class)
    if cap is not None:
        amount = min(amount, Decimal(cap))
    return int(amount)


# --- applications ----------------------------------------------------------------------


def new_reference() -> str:
    year = timezone.localdate().year
    return f"HT-{year}-{secrets.token_hex(3).upper()}"


@transaction.atomic
def apply(programme: Programme, enterprise: Any, user: Any, data: dict[str, Any]) -> Application:
    """File an application. Only a verified member of the enterprise may; an ineligible one is
    refused with the reasons and nothing is written."""
    if not verified_enterprises_for(user).filter(pk=enterprise.pk).exists():
        raise PermissionDenied(_("Bạn không phải thành viên đã xác minh của doanh nghiệp này."))
    result = dbi_result(programme, enterprise)
    checks = check_eligibility(programme, enterprise, result=result)
    if not is_eligible(checks):
        raise ValidationError([check.reason for check in checks if not check.ok])
    application = Application.objects.create(
        reference=new_reference(),
        programme=programme,
        enterprise=enterprise,
        applicant=user,
        submission=result,
        result_level=result.level,
        result_total=result.total,
        result_year=result.year,
        result_verified=result.status == "verified",
        eligibility=[asdict(check) for check in checks],
        eligible=True,
        requested_amount=requested_amount(programme, enterprise, data["cost_estimate"]),
        **data,
    )
    ApplicationStep.objects.create(application=application, to_status=S.RECEIVED, user=user)
    _notify(application)
    return application


def applications_for(user: Any) -> QuerySet[Application]:
    """The applications a person may see: those of their verified enterprises."""
    return Application.objects.filter(enterprise__in=verified_enterprises_for(user)).select_related(
        "programme", "enterprise"
    )


# --- review ------------------------------------------------------------------------------

# (from, to) → the permission that moves an application there.
TRANSITIONS: dict[tuple[str, str], str] = {
    (S.RECEIVED, S.SCREENING): "programmes.screen_application",
    (S.SCREENING, S.ASSESSMENT): "programmes.screen_application",
    (S.SCREENING, S.REFUSED): "programmes.screen_application",
    (S.ASSESSMENT, S.APPROVED): "programmes.decide_application",
    (S.ASSESSMENT, S.APPROVED_PARTLY): "programmes.decide_application",
    (S.ASSESSMENT, S.REFUSED): "programmes.decide_application",
    (S.APPROVED, S.CONTRACT): "programmes.manage_payment",
    (S.APPROVED_PARTLY, S.CONTRACT): "programmes.manage_payment",
    (S.CONTRACT, S.PAID): "programmes.manage_payment",
    (S.PAID, S.REPORTED): "programmes.manage_payment",
}


def next_steps(application: Application, user: Any) -> list[str]:
    """The statuses this user may move the application to now."""
    return [
        to
        for (frm, to), perm in TRANSITIONS.items()
        if frm == application.status and user.has_perm(perm) and user.is_active
    ]


class BudgetExceeded(ValidationError):
    pass


def committed(programme: Programme) -> int:
    return (
        Application.objects.filter(programme=programme, status__in=Application.COMMITTED).aggregate(
            total=Sum("approved_amount")
        )["total"]
        or 0
    )


def remaining(programme: Programme) -> int:
    return programme.budget - committed(programme)


def advance(
    application: Application,
    to: str,
    user: Any,
    note: str = "",
    amount: int | None = None,
    scores: Any = None,
) -> Application:
    """Move an application one step. Approvals lock the programme's row, so two approvals at
    the same moment can never commit more than the remaining budget."""
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        perm = TRANSITIONS.get((application.status, to))
        if perm is None:
            raise ValidationError(
                _("Không thể chuyển hồ sơ từ “%(a)s” sang “%(b)s”.")
                % {"a": application.get_status_display(), "b": S(to).label}
            )
        if not user.has_perm(perm):
            raise PermissionDenied(_("Bạn không có quyền thực hiện bước này."))
        if to in (S.APPROVED, S.APPROVED_PARTLY):
            programme = Programme.objects.select_for_update().get(pk=application.programme_id)
            amount = application.requested_amount if amount is None else int(amount)
            if amount <= 0:
                raise ValidationError(_("Mức hỗ trợ được duyệt phải lớn hơn 0."))
            if amount > application.requested_amount:
                raise ValidationError(_("Mức hỗ trợ được duyệt không được vượt mức đề nghị theo quy định."))
            if to == S.APPROVED and amount < application.requested_amount:
                to = S.APPROVED_PARTLY
            if amount > remaining(programme):
                raise BudgetExceeded(
                    _("Vượt kinh phí còn lại của chương trình (còn %(left)s đồng).")
                    % {"left": f"{remaining(programme):,}".replace(",", ".")}
                )
            application.approved_amount = amount
            application.decided_at = timezone.now()
            application.decision_number = application.decision_number or f"{application.pk}/QĐ-HTCĐS"
        if to == S.REFUSED:
            if not note.strip():
                raise ValidationError(_("Cần ghi lý do không hỗ trợ."))
            application.decided_at = timezone.now()
        if to == S.CONTRACT:
            application.contract_number = application.contract_number or f"{application.pk}/HĐ-HTCĐS"
        if to == S.PAID:
            application.paid_amount = (
                application.approved_amount if amount is None else min(int(amount), application.approved_amount)
            )
        step = ApplicationStep.objects.create(
            application=application,
            from_status=application.status,
            to_status=to,
            user=user,
            note=note,
            scores=scores or {},
        )
        application.status = to
        application.save()
        _notify(application, step)
    return application


def _notify(application: Application, step: ApplicationStep | None = None) -> None:
    recipients = [application.applicant.email] if application.applicant and application.applicant.email else []
    if application.enterprise.email:
        recipients.append(application.enterprise.email)
    queue_mail(
        f"programmes.{application.status}",
        recipients,
        "programmes/email/step",
        {"application": application, "step": step},
        language=getattr(application.applicant, "language", None) or "vi",
        related=application,
    )


def new_version(programme: Programme) -> Programme:
    """A copy of the programme to edit, once applications exist; the old one closes."""
    with transaction.atomic():
        copy = Programme.objects.get(pk=programme.pk)
        areas = list(programme.eligible_areas.all())
        copy.pk = None
        copy.version = programme.version + 1
        copy.slug = f"{re.sub(r'-v[0-9]+$', '', programme.slug)}-v{copy.version}"[:120]
        copy.previous_id = programme.pk
        copy.status = Programme.Status.DRAFT
        copy.save()
        copy.eligible_areas.set(areas)
        Programme.objects.filter(pk=programme.pk).update(status=Programme.Status.CLOSED)
    return copy


def rules_locked(programme: Programme) -> bool:
    return programme.pk is not None and programme.applications.exists()


# --- figures -------------------------------------------------------------------------------


def figures(year: int) -> dict[str, Any]:
    """Applications and approvals by programme, size class, area and DBI level; money committed
    and paid; solutions adopted by category (for the dashboard and the annual report)."""
    qs = Application.objects.filter(created_at__year=year)
    approved = Q(status__in=Application.COMMITTED)

    def by(field: str) -> list[dict[str, Any]]:
        return list(
            qs.values(field).annotate(applications=Count("id"), approvals=Count("id", filter=approved)).order_by(field)
        )

    money = qs.aggregate(committed=Sum("approved_amount", filter=approved), paid=Sum("paid_amount"))
    return {
        "by_programme": by("programme__name"),
        "by_size": by("enterprise__size_class"),
        "by_area": by("enterprise__area__name"),
        "by_level": by("result_level"),
        "committed": money["committed"] or 0,
        "paid": money["paid"] or 0,
        "solutions_by_category": list(
            qs.filter(approved, solution__isnull=False)
            .values("solution__category")
            .annotate(n=Count("id"))
            .order_by("solution__category")
        ),
    }
