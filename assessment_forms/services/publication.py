"""The public year: which years' results a programme editor has published."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from ..models import (
    PublishedYear,
    Submission,
)
from ..signals import results_changed
from .frameworks import DEFAULT_FRAMEWORK


def published_years(framework_code: str = DEFAULT_FRAMEWORK) -> list[int]:
    """Years whose results a programme editor has published, newest first. The public rankings
    and dashboard show only these; the newest is the default ("the public year")."""
    return list(
        PublishedYear.objects.filter(framework_code=framework_code, published=True)
        .order_by("-year")
        .values_list("year", flat=True)
    )


def public_year(framework_code: str = DEFAULT_FRAMEWORK) -> int | None:
    """The latest published year, or None before anything was published."""
    years = published_years(framework_code)
    return years[0] if years else None


@transaction.atomic
def publish_year(
    year: int, published: bool = True, user: Any = None, framework_code: str = DEFAULT_FRAMEWORK, note: str = ""
) -> PublishedYear:
    """Publish (or withdraw) a year's results; the rankings and the dashboard follow."""
    record, _created = PublishedYear.objects.get_or_create(
        framework_code=framework_code, year=year, defaults={"published": published, "note": note}
    )
    record.published = published
    if note:
        record.note = note
    if published and user is not None and record.published_by_id is None:
        record.published_by = user
    record.save()  # post_save tells the listeners (apps.py)
    return record


def publication_changed(sender: Any = None, instance: Any = None, **kwargs: Any) -> None:
    """Tell the listeners (rankings, dashboard) that a year was published or withdrawn."""
    results_changed.send(sender=Submission, submission=None, year=instance.year, action="published")
