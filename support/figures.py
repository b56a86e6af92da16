"""The support desk's figures for a year, with small groups suppressed.

A breakdown row with fewer than MIN_GROUP requests shows no count (None), and a median or
average over fewer than MIN_GROUP values is not published: a handful of requests from one
commune could name the enterprise that asked.
"""

import statistics
from collections import Counter, defaultdict

from django.utils import timezone

from .models import Consultant, SupportRequest

MIN_GROUP = 5


def _suppress(counter, labels):
    rows = []
    for key, count in sorted(counter.items(), key=lambda kv: (-kv[1], str(labels.get(kv[0], kv[0])))):
        rows.append({"key": key, "label": labels.get(key, key), "count": count if count >= MIN_GROUP else None})
    return rows


def _median(values):
    return statistics.median(values) if len(values) >= MIN_GROUP else None


def _hours(delta):
    return delta.total_seconds() / 3600


def figures(year):
    """Requests of `year` (by the date they arrived, in the site's time zone)."""
    from enterprises.models import AdministrativeUnit, Enterprise

    rows = list(
        SupportRequest.objects.filter(created_at__year=year).values(
            "status",
            "topic_id",
            "topic__name",
            "topic__name_en",
            "area_id",
            "enterprise__size_class",
            "created_at",
            "first_response_at",
            "first_response_due",
            "resolved_at",
            "resolution_due",
            "rating",
        )
    )
    by_topic, by_area, by_size, by_month = Counter(), Counter(), Counter(), Counter()
    topic_labels = {}
    first_hours, resolution_days, ratings = [], [], []
    within, answered = 0, 0
    for row in rows:
        by_topic[row["topic_id"]] += 1
        topic_labels[row["topic_id"]] = row["topic__name"]
        by_area[row["area_id"]] += 1
        by_size[row["enterprise__size_class"] or ""] += 1
        by_month[timezone.localtime(row["created_at"]).month] += 1
        if row["first_response_at"]:
            first_hours.append(_hours(row["first_response_at"] - row["created_at"]))
            answered += 1
            if row["first_response_due"] and row["first_response_at"] <= row["first_response_due"]:
                within += 1
        if row["resolved_at"]:
            resolution_days.append(_hours(row["resolved_at"] - row["created_at"]) / 24)
        if row["rating"]:
            ratings.append(row["rating"])
    area_labels = dict(AdministrativeUnit.objects.filter(pk__in=[k for k in by_area if k]).values_list("pk", "name"))
    area_labels[None] = "—"
    size_labels = {key: str(label) for key, label in Enterprise.SizeClass.choices}
    size_labels[""] = "—"
    median_first = _median(first_hours)
    median_resolution = _median(resolution_days)
    return {
        "year": year,
        "total": len(rows),
        "by_topic": _suppress(by_topic, topic_labels),
        "by_area": _suppress(by_area, area_labels),
        "by_size": _suppress(by_size, size_labels),
        "by_month": [{"month": m, "count": by_month[m] if by_month[m] >= MIN_GROUP else None} for m in range(1, 13)],
        "median_first_response_hours": round(median_first, 1) if median_first is not None else None,
        "median_resolution_days": round(median_resolution, 1) if median_resolution is not None else None,
        "within_target_share": round(100 * within / answered, 1) if answered >= MIN_GROUP else None,
        "average_rating": round(sum(ratings) / len(ratings), 2) if len(ratings) >= MIN_GROUP else None,
        "ratings": len(ratings),
        "load": load(),
    }


def load():
    """The consultants' current load: listed consultants, open requests, how many are full."""
    counts = defaultdict(int)
    for consultant_id in SupportRequest.objects.filter(
        status__in=SupportRequest.OPEN, consultant__isnull=False
    ).values_list("consultant_id", flat=True):
        counts[consultant_id] += 1
    consultants = list(Consultant.objects.filter(status="approved").values_list("pk", "capacity"))
    open_total = sum(counts[pk] for pk, _c in consultants)
    return {
        "consultants": len(consultants),
        "open_requests": sum(counts.values()),
        "average_open": round(open_total / len(consultants), 2) if consultants else None,
        "at_capacity": sum(1 for pk, capacity in consultants if counts[pk] >= capacity),
        "unassigned_open": SupportRequest.objects.filter(status=SupportRequest.Status.NEW).count(),
    }
