"""The DBI self-assessments on the account page and in "download my data" (accounts.sections).

A verified member sees every scored assessment of their enterprises, year by year (the
history), with total, level and a link to the result."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.sections import Row, register_personal_data, register_section


def _result_base():
    from .models import AssessmentPage

    page = AssessmentPage.objects.live().filter(locale__language_code="vi").first() or (
        AssessmentPage.objects.live().first()
    )
    return page.url.rstrip("/") + "/" if page and page.url else ""


def assessment_rows(user, enterprises):
    from .models import Submission

    if not enterprises:
        return []
    base = _result_base()
    submissions = (
        Submission.objects.scored()
        .filter(enterprise__in=enterprises)
        .select_related("enterprise", "framework")
        .order_by("enterprise__name", "-year", "-submitted_at")
    )
    return [
        Row(
            label=_("DBI %(year)s: %(total)s/%(max)s điểm, mức %(level)s")
            % {"year": s.year, "total": s.total, "max": s.max_total, "level": s.level},
            enterprise=s.enterprise.name,
            date=s.verified_at or s.submitted_at,
            status=s.get_status_display(),
            url=f"{base}t/{s.resume_token}/result/" if base else "",
            detail=s.respondent_name,
        )
        for s in submissions
    ]


def personal_data(user):
    from django.db.models import Q

    from .models import Submission

    query = Q(user=user)
    if user.email:
        query |= Q(respondent_email__iexact=user.email)
    return [
        {
            "enterprise": s.enterprise.name if s.enterprise else None,
            "tax_code": s.enterprise.tax_code if s.enterprise else None,
            "year": s.year,
            "framework": s.framework.code,
            "status": s.status,
            "respondent_name": s.respondent_name,
            "respondent_email": s.respondent_email,
            "answers": s.answers,
            "total": s.total,
            "level": s.level,
            "created_at": s.created_at,
            "submitted_at": s.submitted_at,
        }
        for s in Submission.objects.filter(query).select_related("enterprise", "framework").order_by("created_at")
    ]


def register():
    register_section(
        "danh-gia",
        gettext_lazy("Đánh giá DBI của doanh nghiệp"),
        assessment_rows,
        order=20,
        empty=gettext_lazy("Chưa có lần tự đánh giá nào đã nộp."),
    )
    register_personal_data("dbi_assessments", personal_data)
