"""Exports of submissions (CSV/XLSX, one column per criterion) and per-question distributions."""

from django.utils.translation import gettext as _

from core.exports import csv_bytes, xlsx_bytes

from .models import Criterion, Pillar, PillarScore


def criteria_codes(submissions):
    """Criterion codes of the frameworks in these submissions, in questionnaire order."""
    framework_ids = set(submissions.values_list("framework_id", flat=True).distinct())
    codes = []
    for code in (
        Criterion.objects.filter(framework_id__in=framework_ids)
        .order_by("framework_id", "order")
        .values_list("code", flat=True)
    ):
        if code not in codes:
            codes.append(code)
    return codes


def pillar_codes(submissions):
    framework_ids = set(submissions.values_list("framework_id", flat=True).distinct())
    codes = []
    for code in Pillar.objects.filter(framework_id__in=framework_ids).order_by("order").values_list("code", flat=True):
        if code not in codes:
            codes.append(code)
    return codes


def rows(submissions):
    """Header and rows; two queries plus one for pillar scores, whatever the number of rows."""
    submissions = submissions.select_related(
        "enterprise", "enterprise__sector", "enterprise__area", "framework"
    ).order_by("year", "enterprise__tax_code", "pk")
    criteria = criteria_codes(submissions)
    pillars = pillar_codes(submissions)
    scores = {}
    for sub_id, code, points, level in PillarScore.objects.filter(submission__in=submissions).values_list(
        "submission_id", "pillar__code", "points", "level"
    ):
        scores[(sub_id, code)] = (points, level)
    header = [
        _("Mã số thuế"),
        _("Doanh nghiệp"),
        _("Ngành"),
        _("Địa bàn"),
        _("Quy mô"),
        _("Năm"),
        _("Bộ chỉ số"),
        _("Phiên bản"),
        _("Trạng thái"),
        _("Tổng điểm"),
        _("Điểm tối đa"),
        _("Mức"),
        *[f"{code} " + _("điểm") for code in pillars],
        *[f"{code} " + _("mức") for code in pillars],
        *criteria,
    ]
    body = []
    for s in submissions:
        e = s.enterprise
        body.append(
            [
                e.tax_code if e else "",
                e.name if e else "",
                e.sector.code if e and e.sector else "",
                e.area.name if e and e.area else "",
                e.get_size_class_display() if e else "",
                s.year,
                s.framework.code,
                s.framework.version,
                s.get_status_display(),
                s.total,
                s.max_total,
                s.level,
                *[scores.get((s.pk, code), ("", ""))[0] for code in pillars],
                *[scores.get((s.pk, code), ("", ""))[1] for code in pillars],
                *[s.answers.get(code, "") for code in criteria],
            ]
        )
    return header, body


def as_csv(header, body):
    return csv_bytes(header, body)


def as_xlsx(header, body):
    return xlsx_bytes(header, body, title=_("Phiếu DBI"))


def distributions(submissions):
    """[{criterion, counts: [n0..n5], answered, blank}] over scored submissions."""
    criteria = list(
        Criterion.objects.filter(framework_id__in=submissions.values("framework_id"))
        .select_related("component__pillar")
        .order_by("framework_id", "order")
    )
    by_code = {}
    for criterion in criteria:
        by_code.setdefault(criterion.code, criterion)
    counts = {code: [0] * 6 for code in by_code}
    total = 0
    for answers in submissions.values_list("answers", flat=True).iterator(chunk_size=2000):
        total += 1
        for code, value in (answers or {}).items():
            if code in counts and isinstance(value, int) and 0 <= value <= 5:
                counts[code][value] += 1
    result = []
    for code, criterion in by_code.items():
        answered = sum(counts[code])
        result.append(
            {
                "criterion": criterion,
                "counts": counts[code],
                "percents": [round(100 * n / total, 1) if total else 0 for n in counts[code]],
                "blank": total - answered,
                "mean": round(sum(i * n for i, n in enumerate(counts[code])) / answered, 2) if answered else None,
            }
        )
    return total, result
