"""The small public interface of the DBI self-assessment, and its write operations.

Apps above this one (honours, dashboard, handbook, events, home) call only these functions.
Handbook chapters and events add next-step links through `register_recommendation_provider`
from their AppConfig.ready(); this app never imports them.
"""

import logging
import statistics
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import Prefetch
from django.utils import timezone

from .models import Framework, Pillar, PillarScore, Submission, SubmissionRevision, localized
from .scoring import ScoringError, score, spec_from_dict
from .signals import results_changed

__all__ = [
    "DEFAULT_FRAMEWORK",
    "ScoringError",
    "adjust_answers",
    "comparison",
    "current_framework",
    "get_spec",
    "latest_verified",
    "level_meaning",
    "level_name",
    "pillar_choices",
    "previous_result",
    "recommendations",
    "register_next_steps_section",
    "register_recommendation_provider",
    "rescore",
    "results_changed",
    "save_result",
    "score_answers",
    "submit",
    "unverify",
    "verified_results",
    "verify",
]

logger = logging.getLogger(__name__)

DEFAULT_FRAMEWORK = "DBI-1970-SME"
MIN_PEERS = 5  # a median of fewer enterprises would reveal individual results

_spec_cache = {}
_recommendation_providers = []
_next_steps_sections = []


# --- frameworks and scoring -------------------------------------------------------------


def current_framework(framework_code=DEFAULT_FRAMEWORK):
    """The latest version of a framework, or None."""
    return Framework.objects.filter(code=framework_code).order_by("-version").first()


def get_spec(framework):
    """The compiled scoring spec of a framework version, cached in process while unchanged."""
    key = (framework.pk, framework.updated_at, framework.source_hash)
    spec = _spec_cache.get(framework.pk)
    if spec is None or spec[0] != key:
        from .loader import framework_as_dict

        spec = (key, spec_from_dict(framework_as_dict(framework)))
        _spec_cache[framework.pk] = spec
    return spec[1]


def score_answers(framework, answers):
    """Score answers {criterion code: level} against a framework version. Raises ScoringError."""
    return score(get_spec(framework), answers)


def save_result(submission, result=None):
    """Write a result (computed now when not given) onto the submission and its pillar scores."""
    if result is None:
        result = score_answers(submission.framework, submission.answers)
    submission.total = result.total
    submission.max_total = result.max
    submission.level = result.level
    submission.save(update_fields=["total", "max_total", "level", "updated_at"])
    pillars = {p.code: p for p in Pillar.objects.filter(framework_id=submission.framework_id)}
    PillarScore.objects.filter(submission=submission).delete()
    PillarScore.objects.bulk_create(
        [
            PillarScore(
                submission=submission,
                pillar=pillars[p.code],
                points=p.points,
                max_points=p.max,
                percent=Decimal(str(p.percent)),
                level=p.level,
            )
            for p in result.pillars
        ]
    )
    _freeze(submission.framework)
    return result


def _freeze(framework):
    if not framework.frozen:
        Framework.objects.filter(pk=framework.pk).update(frozen=True)
        framework.frozen = True


def _revision(submission, kind, user=None, note=""):
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
def submit(submission, submit_key="", user=None):
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


@transaction.atomic
def adjust_answers(submission, answers, user, note):
    """An assessor's correction: keeps the previous version in the history, rescores."""
    spec = get_spec(submission.framework)
    result = score(spec, answers)
    if not SubmissionRevision.objects.filter(submission=submission).exists():
        _revision(submission, SubmissionRevision.Kind.SUBMITTED, note="")
    submission.answers = dict(answers)
    submission.save(update_fields=["answers", "updated_at"])
    save_result(submission, result)
    _revision(submission, SubmissionRevision.Kind.ADJUSTED, user, note)
    if submission.status == Submission.Status.VERIFIED:
        transaction.on_commit(lambda: results_changed.send(Submission, submission=submission, action="rescored"))
    return result


@transaction.atomic
def verify(submission, user, note=""):
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
    transaction.on_commit(lambda: results_changed.send(Submission, submission=submission, action="verified"))
    return submission


@transaction.atomic
def unverify(submission, user, note=""):
    submission.status = Submission.Status.SUBMITTED
    submission.verified_at = None
    submission.verified_by = None
    submission.save(update_fields=["status", "verified_at", "verified_by", "updated_at"])
    _revision(submission, SubmissionRevision.Kind.UNVERIFIED, user, note)
    transaction.on_commit(lambda: results_changed.send(Submission, submission=submission, action="unverified"))
    return submission


RESCORE_FIELDS = ("pk", "framework_id", "answers", "total", "level", "status", "year")


def rescore(queryset=None, batch_size=2000):
    """Rescore stored submissions (after a framework fix). Returns the number whose result changed.

    Reads answers in batches, scores in process, and writes back only what changed, in bulk
    (one update and one delete + insert of pillar scores per batch). Listeners hear once per
    year whose verified results changed (`submission=None, year=...`), not once per row, so a
    rescoring of 100,000 rows rebuilds the ranking of each year once."""
    queryset = (queryset if queryset is not None else Submission.objects.scored()).order_by("pk")
    specs, pillar_ids = {}, {}
    changed = 0
    changed_years = set()
    last_pk = 0
    while True:
        rows = queryset.filter(pk__gt=last_pk).values(*RESCORE_FIELDS)
        batch = list(rows[:batch_size])
        if not batch:
            break
        last_pk = batch[-1]["pk"]
        updates = []
        for row in batch:
            framework_id = row["framework_id"]
            if framework_id not in specs:
                framework = Framework.objects.get(pk=framework_id)
                specs[framework_id] = get_spec(framework)
                pillar_ids[framework_id] = dict(framework.pillars.values_list("code", "pk"))
            result = score(specs[framework_id], row["answers"] or {}, validate=False)
            if result.total != row["total"] or result.level != row["level"]:
                updates.append((row, result))
        if updates:
            _write_results(updates, pillar_ids)
            changed_years.update(row["year"] for row, _r in updates if row["status"] == Submission.Status.VERIFIED)
        changed += len(updates)
    for each in sorted(changed_years):
        results_changed.send(Submission, submission=None, year=each, action="rescored")
    return changed


@transaction.atomic
def _write_results(updates, pillar_ids):
    """Write a batch of changed results: on PostgreSQL one UPDATE and one INSERT per batch fed
    with arrays (unnest); elsewhere prepared statements run once per row. Both far cheaper
    than model saves or bulk_update's CASE expressions."""
    quote = connection.ops.quote_name
    submissions = quote(Submission._meta.db_table)
    scores = quote(PillarScore._meta.db_table)
    ids = [row["pk"] for row, _r in updates]
    PillarScore.objects.filter(submission_id__in=ids).delete()
    result_rows = [(row["pk"], r.total, r.max, r.level) for row, r in updates]
    score_rows = [
        (row["pk"], pillar_ids[row["framework_id"]][p.code], p.points, p.max, Decimal(str(p.percent)), p.level)
        for row, r in updates
        for p in r.pillars
    ]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"UPDATE {submissions} AS s SET total = v.total, max_total = v.max_total, level = v.level "  # noqa: S608
                "FROM unnest(%s::bigint[], %s::integer[], %s::integer[], %s::smallint[]) "
                "AS v(id, total, max_total, level) WHERE s.id = v.id",
                [list(column) for column in zip(*result_rows, strict=True)],
            )
            cursor.execute(
                f"INSERT INTO {scores} (submission_id, pillar_id, points, max_points, percent, level) "  # noqa: S608
                "SELECT * FROM unnest(%s::bigint[], %s::bigint[], %s::integer[], %s::integer[], "
                "%s::numeric[], %s::smallint[])",
                [list(column) for column in zip(*score_rows, strict=True)],
            )
            return
        cursor.executemany(
            f"UPDATE {submissions} SET total = %s, max_total = %s, level = %s WHERE id = %s",  # noqa: S608
            [(total, maximum, level, pk) for pk, total, maximum, level in result_rows],
        )
        cursor.executemany(
            f"INSERT INTO {scores} (submission_id, pillar_id, points, max_points, percent, level) "  # noqa: S608
            "VALUES (%s, %s, %s, %s, %s, %s)",
            score_rows,
        )


# --- reading results (the contract for honours, dashboard and home) ----------------------


def verified_results(year=None, framework_code=DEFAULT_FRAMEWORK):
    """Verified submissions (any version of the framework), with enterprise, sector, area,
    framework and pillar scores loaded — the only results that count for rankings and honours."""
    qs = (
        Submission.objects.verified()
        .filter(framework__code=framework_code)
        .select_related("enterprise", "enterprise__sector", "enterprise__area", "framework")
        .prefetch_related(
            Prefetch("pillar_scores", queryset=PillarScore.objects.select_related("pillar").order_by("pillar__order"))
        )
    )
    if year is not None:
        qs = qs.filter(year=year)
    return qs


def latest_verified(enterprise, framework_code=DEFAULT_FRAMEWORK):
    """The enterprise's most recent verified submission, or None."""
    return (
        verified_results(framework_code=framework_code)
        .filter(enterprise=enterprise)
        .order_by("-year", "-verified_at")
        .first()
    )


def pillar_choices(framework_code=DEFAULT_FRAMEWORK):
    """[(pillar code, localized name)] of the framework's latest version, in order."""
    framework = current_framework(framework_code)
    if framework is None:
        return []
    return [(p.code, p.localized_name) for p in framework.pillars.order_by("order")]


def _levels(framework_code):
    framework = current_framework(framework_code)
    return framework.levels if framework else []


def level_name(level, framework_code=DEFAULT_FRAMEWORK):
    for item in _levels(framework_code):
        if int(item["level"]) == int(level):
            return localized(item["name"].get("vi", ""), item["name"].get("en", ""))
    return str(level)


def level_meaning(level, framework_code=DEFAULT_FRAMEWORK):
    """The localized meaning of an overall level (e.g. 2 → "Doanh nghiệp đã thấy rõ vai trò…")."""
    for item in _levels(framework_code):
        if int(item["level"]) == int(level):
            meaning = item.get("meaning") or {}
            return localized(meaning.get("vi", ""), meaning.get("en", ""))
    return ""


# --- next steps ------------------------------------------------------------------------


def register_recommendation_provider(fn):
    """Register fn(pillar_codes: list[str], request) -> [{"title", "url", "kind"}].

    Called by higher apps (handbook chapters, events) from AppConfig.ready(). Registering the
    same function twice has no effect. Returns fn, so it can be used as a decorator."""
    if fn not in _recommendation_providers:
        _recommendation_providers.append(fn)
    return fn


def recommendations(pillar_codes, request=None, limit=8):
    """Links from every provider for these pillars; a failing provider is logged and skipped."""
    items, seen = [], set()
    for provider in list(_recommendation_providers):
        try:
            provided = provider(list(pillar_codes), request) or []
        except Exception:  # a broken provider must not break the result page
            logger.exception("recommendation provider %r failed", provider)
            continue
        for item in provided:
            url = item.get("url")
            if url and url not in seen:
                seen.add(url)
                items.append({"title": item.get("title", ""), "url": url, "kind": item.get("kind", "")})
    return items[:limit]


# support: richer next-step sections (consultants for the weakest pillars, a pre-filled request).
def register_next_steps_section(fn):
    """Register fn(submission, weakest, request) -> safe HTML or "" for the result page, where
    `weakest` lists the weakest pillars as {"code", "name", "percent", "level", ...} dicts.

    For higher apps that need the result itself (its enterprise's area, its reference), not
    only the pillar codes. Registering twice has no effect; returns fn."""
    if fn not in _next_steps_sections:
        _next_steps_sections.append(fn)
    return fn


def next_steps_sections(submission, weakest, request=None):
    """The HTML of every registered section; a failing one is logged and skipped."""
    sections = []
    for fn in list(_next_steps_sections):
        try:
            html = fn(submission, list(weakest), request)
        except Exception:  # a broken section must not break the result page
            logger.exception("next-steps section %r failed", fn)
            continue
        if html:
            sections.append(html)
    return sections


def weakest_pillars(submission, count=2, scores=None):
    """Codes of the pillars with the lowest percentage (ties: lower level, then framework order)."""
    if scores is None:
        scores = submission.pillar_scores.select_related("pillar")
    scores = sorted(scores, key=lambda s: (s.percent, s.level, s.pillar.order))
    return [s.pillar.code for s in scores[:count]]


# --- comparisons -----------------------------------------------------------------------


def previous_result(submission):
    """The enterprise's latest scored submission of an earlier year (same framework code)."""
    if not submission.enterprise_id:
        return None
    return (
        Submission.objects.scored()
        .filter(
            enterprise_id=submission.enterprise_id, framework__code=submission.framework.code, year__lt=submission.year
        )
        .prefetch_related("pillar_scores__pillar")
        .order_by("-year", "-submitted_at")
        .first()
    )


def comparison(submission):
    """Median total and per-pillar median percentage of verified peers (same sector, size class,
    area and year; the enterprise itself excluded). None when fewer than MIN_PEERS peers."""
    enterprise = submission.enterprise
    if enterprise is None:
        return None
    peers = (
        Submission.objects.verified()
        .filter(
            framework__code=submission.framework.code,
            year=submission.year,
            enterprise__sector_id=enterprise.sector_id,
            enterprise__size_class=enterprise.size_class,
            enterprise__area_id=enterprise.area_id,
        )
        .exclude(enterprise_id=enterprise.pk)
    )
    totals = list(peers.values_list("total", flat=True))
    if len(totals) < MIN_PEERS:
        return None
    percents = {}
    for code, percent in PillarScore.objects.filter(submission__in=peers).values_list("pillar__code", "percent"):
        percents.setdefault(code, []).append(float(percent))
    return {
        "count": len(totals),
        "total": statistics.median(totals),
        "pillars": {code: round(statistics.median(values), 2) for code, values in percents.items()},
    }
