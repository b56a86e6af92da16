"""The figures cached per year and filters, invalidated by a version key.

Any change to the results (the assessment app's `results_changed` signal) or to the
registry bumps the version, so every cached year is recomputed on its next view; earlier
years are included because a later year's trend and change read them.
"""

import hashlib
import json
import time
from datetime import timedelta

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from core import cache as versions

from .stats import clean_filters, compute_figures

VERSION_NAME = "dashboard"
TIMEOUT = 60 * 60 * 6
PAGE_TIMEOUT = 60 * 10
WARM_KEY = "dashboard:warm-scheduled"
# One warm-up per burst of changes (an import of many results warms once, this long after
# the first change of the burst).
WARM_DELAY_SECONDS = 30


def _digest(filters):
    return hashlib.sha1(json.dumps(filters, sort_keys=True).encode(), usedforsecurity=False).hexdigest()[:12]


def version():
    return versions.version(VERSION_NAME)


# A year's medians of totals, kept apart from the figures: a change in one year leaves the
# other years' medians (the trend line) cached, so the first view after a change reads the
# histograms of that year only.
ALL_YEARS = "dashboard:years"


def year_name(year):
    return f"dashboard:year:{int(year)}"


def invalidate(years=None, after_commit=False, **kwargs):
    """Make every cached figure stale (connected to the results and registry signals), and
    have the current year's figures recomputed in the background. `years`: the years whose
    results changed; None when any year may have (a whole rebuild, an enterprise that moved
    cells); () when no result changed (a new enterprise). `after_commit`: only once the
    current transaction commits, with its other bumps (what it changed is not visible before)."""
    names = [VERSION_NAME]
    if years is None:
        names.append(ALL_YEARS)
    else:
        names.extend(year_name(year) for year in set(years) if year is not None)
    if after_commit:
        versions.bump_after_commit(*names)
        transaction.on_commit(_schedule_warm_at_most_every_second)
        return
    versions.bump(*names)
    schedule_warm()


def _changed_years(year=None, submission=None):
    """The years a `results_changed` touched, as `summary.results_changed` reads them."""
    if submission is not None:
        return [submission.year] if getattr(submission, "year", None) is not None else None
    return None if year is None else [year]


def earlier_years(year):
    """The years before `year` that have results in the summary."""
    from .models import SummaryCell

    return sorted(
        set(
            SummaryCell.objects.filter(kind=SummaryCell.Kind.RESULT, year__lt=year)
            .order_by()
            .values_list("year", flat=True)
            .distinct()
        )
    )


def _per_year_keys(prefix, years, filters):
    """{year: cache key} naming each year's own version (and the all-years one)."""
    tokens = versions.versions(ALL_YEARS, *(year_name(each) for each in years))
    digest = _digest(filters)
    return {each: f"dashboard:{prefix}:{digest}:{each}:{tokens[ALL_YEARS]}:{tokens[year_name(each)]}" for each in years}


def year_medians(year, filters, compute, earlier=None):
    """{year: median of totals} for the years up to `year`: the earlier years' from the
    cache when no result of theirs changed since, the rest from `compute(years)`."""
    earlier = earlier_years(year) if earlier is None else earlier
    keys = _per_year_keys("median", earlier, filters)
    found = cache.get_many(list(keys.values()))
    medians = {each: found[key] for each, key in keys.items() if key in found}
    missing = [each for each in earlier if each not in medians]
    computed = compute([*missing, int(year)])
    cache.set_many({keys[each]: computed.get(each) for each in missing}, TIMEOUT)
    medians.update(computed)
    return {each: value for each, value in medians.items() if value is not None}


def known_trend(years, filters):
    """{year: trend entry} of the earlier `years` whose entry for `filters` is cached ({}: the
    year has no result in that set)."""
    keys = _per_year_keys("trend", years, filters)
    found = cache.get_many(list(keys.values()))
    return {each: found[key] for each, key in keys.items() if key in found}


def keep_trend(entries, filters):
    """Cache earlier years' trend entries ({year: entry}) under each year's version."""
    keys = _per_year_keys("trend", list(entries), filters)
    cache.set_many({keys[each]: entry for each, entry in entries.items()}, TIMEOUT)


def on_results_changed(sender=None, submission=None, year=None, enterprise_ids=None, action=None, **kwargs):
    """results_changed: the summary's affected cells rebuilt, then the cached figures dropped."""
    from . import summary

    summary.results_changed(year=year, submission=submission, enterprise_ids=enterprise_ids, action=action)
    invalidate(years=_changed_years(year, submission))


def on_enterprise_changing(sender, instance, **kwargs):
    """pre_save / pre_delete of an enterprise: remember the cell it is leaving."""
    from . import summary

    if instance.pk is None or not summary.is_built():
        return
    instance._dashboard_cells = set(sender.objects.filter(pk=instance.pk).values_list(*summary.CELL_FIELDS).order_by())


def on_enterprise_changed(sender, instance, created=False, **kwargs):
    """post_save / post_delete of an enterprise: its old and new cells rebuilt (a new one: its
    registry count only), figures dropped."""
    from . import summary

    cell = (instance.sector_id, instance.area_id, instance.size_class)
    if created:
        summary.enterprise_added(cell)
        # A new enterprise has no result yet, and no one sees it before the commit: nothing
        # reaches the cache while a registration holds its seat lock.
        invalidate(years=(), after_commit=True)
    else:
        cells = {*getattr(instance, "_dashboard_cells", ()), cell}
        if summary.is_built():
            summary.rebuild(cells=cells)
        invalidate()


def on_submission_changed(sender, instance, created=False, **kwargs):
    """post_save / post_delete of a submission: its enterprise's cell of that year rebuilt (a
    draft's autosave changes no figure and is skipped)."""
    from . import summary

    update_fields = kwargs.get("update_fields")
    deleted = "created" not in kwargs
    if instance.status == "draft" and (
        created or deleted or (update_fields is not None and "status" not in update_fields)
    ):
        return
    if not instance.enterprise_id or instance.year is None or not summary.is_built():
        return
    cells = summary.enterprise_cells([instance.enterprise_id])
    if cells:
        summary.rebuild(years=[instance.year], cells=cells, registry=False)
        invalidate(years=[instance.year])


def on_enterprises_written(sender=None, enterprise_ids=None, cells=(), **kwargs):
    """An import wrote enterprises (enterprises.importing.written)."""
    from . import summary

    summary.enterprises_changed(enterprise_ids, cells=cells)
    invalidate()


def schedule_warm():
    """Queue the warm-up task to run WARM_DELAY_SECONDS from now, unless one is queued already.
    Only with a backend that can defer (the database worker): in the embedded default, tasks run
    at once, inside the request that changed a result, and the figures are computed on the next
    view instead."""
    from .tasks import warm_figures

    if not warm_figures.get_backend().supports_defer:
        return False
    if not cache.add(WARM_KEY, 1, WARM_DELAY_SECONDS):
        return False
    run_after = timezone.now() + timedelta(seconds=WARM_DELAY_SECONDS)
    transaction.on_commit(lambda: warm_figures.using(run_after=run_after).enqueue())
    return True


_warm_asked_at = 0.0


def _schedule_warm_at_most_every_second():
    """`schedule_warm` for a burst of small changes (new enterprises under a registration
    rush): this process asks the shared cache at most once a second. The warm-up found or
    queued then nearly always runs after the changes of the next second and reads them; at
    worst the next view computes the figures, as without a worker."""
    global _warm_asked_at
    now = time.monotonic()
    if now - _warm_asked_at < 1:
        return
    _warm_asked_at = now
    schedule_warm()


def figures_key(year, filters):
    return f"dashboard:figures:v{version()}:{int(year)}:{_digest(filters)}"


def get_figures(year, filters=None):
    """The dashboard's figures, from the cache or computed and stored."""
    filters = clean_filters(filters)
    key = figures_key(year, filters)
    figures = cache.get(key)
    if figures is None:
        figures = compute_figures(year, filters)
        cache.set(key, figures, TIMEOUT)
    return figures


def page_key(page_id, year, filters):
    """The key of a visitor's rendered dashboard page (HTML) for this language."""
    from django.utils import translation

    return f"dashboard:page:v{version()}:{page_id}:{translation.get_language()}:{int(year)}:{_digest(filters)}"
