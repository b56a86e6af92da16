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

from core import audit

from .models import (
    AssessmentPage,
    Framework,
    Pillar,
    PillarScore,
    PublishedYear,
    Submission,
    SubmissionRevision,
    localized,
)
from .scoring import ScoringError, score, spec_from_dict
from .signals import results_changed

__all__ = [
    "DEFAULT_FRAMEWORK",
    "ScoringError",
    "adjust_answers",
    "assessment_page",
    "can_see_history",
    "comparison",
    "link_submission",
    "current_framework",
    "get_spec",
    "latest_verified",
    "forget_vocabulary",
    "level_choices",
    "level_meaning",
    "level_name",
    "pillar_choices",
    "pillar_name",
    "previous_result",
    "public_year",
    "publish_year",
    "published_years",
    "recommendation_providers",
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


class StaleSubmission(Exception):
    """Someone else changed the submission since this assessor opened it."""


def submission_version(submission):
    """What an assessor's form carries to detect a concurrent change (microseconds of the last
    update)."""
    return str(int(submission.updated_at.timestamp() * 1_000_000)) if submission.updated_at else ""


@transaction.atomic
def adjust_answers(submission, answers, user, note, expected_version=None):
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


# --- linking a submission to its enterprise (issue 13) -------------------------------------

STAFF_PERMISSIONS = ("assessment_forms.verify_submission", "assessment_forms.change_submission")


def is_assessor(user):
    return user is not None and user.is_authenticated and any(user.has_perm(p) for p in STAFF_PERMISSIONS)


def may_link(user, enterprise):
    """Whether a submission may be attached to the enterprise on this user's word: a verified
    member of it, or an assessor."""
    from enterprises.services import is_verified_member

    return enterprise is not None and (is_assessor(user) or is_verified_member(user, enterprise))


def can_see_history(user, submission):
    """Whether this viewer may see what was recorded about the enterprise before this
    submission (earlier results, trend, change): its verified members and the assessors.
    Anyone else sees only the result of what they answered."""
    return submission.enterprise_id is not None and may_link(user, submission.enterprise)


def claimed_enterprise(submission):
    """The registry's enterprise with the tax code an unlinked submission claims, or None."""
    from enterprises.services import find_by_tax_code

    if submission.enterprise_id:
        return submission.enterprise
    return find_by_tax_code(submission.claimed_tax_code) if submission.claimed_tax_code else None


@transaction.atomic
def link_submission(submission, user, enterprise=None):
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


@transaction.atomic
def verify(submission, user, note=""):
    """Verify a result; the respondent and the enterprise's contacts are told (core.mail)."""
    from .mail import verified

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
def unverify(submission, user, note=""):
    submission.status = Submission.Status.SUBMITTED
    submission.verified_at = None
    submission.verified_by = None
    submission.save(update_fields=["status", "verified_at", "verified_by", "updated_at"])
    _revision(submission, SubmissionRevision.Kind.UNVERIFIED, user, note)
    audit.record(user, "assessment.unverify", submission, note=note)
    transaction.on_commit(lambda: results_changed.send(Submission, submission=submission, action="unverified"))
    return submission


RESCORE_FIELDS = ("pk", "framework_id", "answers", "total", "level", "status", "year")


def rescore(queryset=None, batch_size=2000, force=False):
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
            if force or result.total != row["total"] or result.level != row["level"]:
                updates.append((row, result))
        if updates:
            _write_results(updates, pillar_ids)
            changed_years.update(row["year"] for row, _r in updates if row["status"] == Submission.Status.VERIFIED)
        changed += len(updates)
    for each in sorted(changed_years):
        results_changed.send(Submission, submission=None, year=each, action="rescored")
    return changed


def inconsistent_results(queryset=None):
    """Scored submissions whose stored pillar scores do not add up to their stored total (or
    that lost their pillar scores): what a lost update leaves behind. `manage.py check_results`
    lists them; `--fix` rescores them (`rescore(..., force=True)`)."""
    from django.db.models import Count, F, Q, Sum

    queryset = queryset if queryset is not None else Submission.objects.scored()
    return (
        queryset.annotate(pillar_sum=Sum("pillar_scores__points"), pillar_count=Count("pillar_scores"))
        .filter(Q(pillar_count=0) | ~Q(pillar_sum=F("total")))
        .order_by("pk")
    )


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


def assessment_page(language_code="vi"):
    """The live self-assessment page in this language (the target of the "Bắt đầu tự đánh giá"
    calls to action of stories, handbook chapters and events), or None before it exists."""
    return AssessmentPage.objects.live().filter(locale__language_code=language_code).order_by("path").first()


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


def latest_verified_by_enterprise(enterprises, framework_code=DEFAULT_FRAMEWORK):
    """{enterprise id: its most recent verified submission} for many enterprises in two queries
    (with the pillar scores), whatever their number (perf, issue 21)."""
    ids = [getattr(enterprise, "pk", enterprise) for enterprise in enterprises]
    latest = {}
    if ids:
        rows = (
            verified_results(framework_code=framework_code)
            .filter(enterprise_id__in=ids)
            .order_by("enterprise_id", "-year", "-verified_at")
        )
        for submission in rows:
            latest.setdefault(submission.enterprise_id, submission)
    return latest


# --- the public year ----------------------------------------------------------------------


def published_years(framework_code=DEFAULT_FRAMEWORK):
    """Years whose results a programme editor has published, newest first. The public rankings
    and dashboard show only these; the newest is the default ("the public year")."""
    return list(
        PublishedYear.objects.filter(framework_code=framework_code, published=True)
        .order_by("-year")
        .values_list("year", flat=True)
    )


def public_year(framework_code=DEFAULT_FRAMEWORK):
    """The latest published year, or None before anything was published."""
    years = published_years(framework_code)
    return years[0] if years else None


@transaction.atomic
def publish_year(year, published=True, user=None, framework_code=DEFAULT_FRAMEWORK, note=""):
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


def publication_changed(sender=None, instance=None, **kwargs):
    """Tell the listeners (rankings, dashboard) that a year was published or withdrawn."""
    results_changed.send(sender=Submission, submission=None, year=instance.year, action="published")


# --- the one vocabulary of levels and pillars ------------------------------------------
# Every page that names a DBI level or pillar (rankings, profiles, dashboard, events, stories,
# handbook, honours) reads these, so the names are the framework's own and agree everywhere.
# Cached per framework and language; saving a framework or a pillar drops the cache (apps.py).

VOCABULARY_CACHE_SECONDS = 600
VOCABULARY_VERSION_KEY = "assessment:vocabulary-version"


def _vocabulary(kind, framework_code):
    from django.core.cache import cache
    from django.utils.translation import get_language

    version = cache.get(VOCABULARY_VERSION_KEY, 0)
    key = f"assessment:vocabulary:{version}:{kind}:{framework_code}:{get_language()}"
    value = cache.get(key)
    if value is None:
        from django.db import DatabaseError

        try:
            framework = current_framework(framework_code)
        except DatabaseError:
            # System checks read model choices before the first migrate made the tables.
            return _file_vocabulary(kind, framework_code)
        if framework is None:
            value = _file_vocabulary(kind, framework_code)
        elif kind == "pillars":
            value = [(p.code, str(p.localized_name)) for p in framework.pillars.order_by("order")]
        else:
            value = [
                (int(item["level"]), str(framework.level_info(item["level"])["name"]))
                for item in sorted(framework.levels, key=lambda item: int(item["level"]))
            ]
        cache.set(key, value, VOCABULARY_CACHE_SECONDS)
    return value


_file_vocabularies = {}


def _file_vocabulary(kind, framework_code):
    """Before a framework version is loaded into the database, the names of the reference data
    file it will be loaded from (the same words, never a second copy in code)."""
    from .loader import DBI_1970_FILE, read_file

    if framework_code != DEFAULT_FRAMEWORK:
        return []
    if "data" not in _file_vocabularies:
        _file_vocabularies["data"] = read_file(DBI_1970_FILE)
    data = _file_vocabularies["data"]
    if kind == "pillars":
        return [
            (item["code"], str(localized(item["name"].get("vi", ""), item["name"].get("en", ""))))
            for item in data["pillars"]
        ]
    return [
        (int(item["level"]), str(localized(item["name"].get("vi", ""), item["name"].get("en", ""))))
        for item in sorted(data["levels"], key=lambda item: int(item["level"]))
    ]


def forget_vocabulary(**kwargs):
    """Drop the cached names (a framework or pillar was edited)."""
    from django.core.cache import cache

    try:
        cache.incr(VOCABULARY_VERSION_KEY)
    except ValueError:
        cache.set(VOCABULARY_VERSION_KEY, 1, None)


def pillar_choices(framework_code=DEFAULT_FRAMEWORK):
    """[(pillar code, localized name)] of the framework's latest version, in order."""
    return list(_vocabulary("pillars", framework_code))


def level_choices(framework_code=DEFAULT_FRAMEWORK):
    """[(0, "Chưa khởi động"), (1, "Khởi động"), …]: the framework's level names, localized."""
    return list(_vocabulary("levels", framework_code))


def level_name(level, framework_code=DEFAULT_FRAMEWORK):
    """The localized name of an overall level, as the framework names it; the number itself
    when the framework does not know it ('' for None)."""
    if level in (None, ""):
        return ""
    try:
        level = int(level)
    except (TypeError, ValueError):
        return str(level)
    return dict(_vocabulary("levels", framework_code)).get(level, str(level))


def pillar_name(code, framework_code=DEFAULT_FRAMEWORK):
    return dict(_vocabulary("pillars", framework_code)).get(code, code)


def level_meaning(level, framework_code=DEFAULT_FRAMEWORK):
    """The localized meaning of an overall level (e.g. 2 → "Doanh nghiệp đã thấy rõ vai trò…")."""
    framework = current_framework(framework_code)
    for item in framework.levels if framework else []:
        if int(item["level"]) == int(level):
            meaning = item.get("meaning") or {}
            return localized(meaning.get("vi", ""), meaning.get("en", ""))
    return ""


# --- next steps ------------------------------------------------------------------------


def kind_label(kind):
    """The human word for a recommendation's kind ("event" → "Tập huấn"), translated; an unknown
    kind shows no badge rather than a code."""
    from django.utils.translation import gettext

    labels = {
        "event": gettext("Tập huấn"),
        "handbook": gettext("Cẩm nang"),
        "story": gettext("Tin bài"),
        "provider": gettext("Giải pháp"),
    }
    return labels.get(kind, "")


def register_recommendation_provider(fn):
    """Register fn(pillar_codes: list[str], request) -> [{"title", "url", "kind"}].

    Called by higher apps (handbook chapters, events) from AppConfig.ready(). Registering the
    same function twice has no effect. Returns fn, so it can be used as a decorator."""
    if fn not in _recommendation_providers:
        _recommendation_providers.append(fn)
    return fn


def recommendation_providers():
    """The registered providers, in registration order (the start-up check reads it)."""
    return list(_recommendation_providers)


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
                kind = item.get("kind", "")
                items.append({"title": item.get("title", ""), "url": url, "kind": kind, "kind_label": kind_label(kind)})
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


def _peer_groups(enterprise):
    """The candidate peer groups, narrowest first: [(scope, Q on Submission, labels)].

    Sector means the VSIC section (a division counts under its section), area the district-level
    unit (a commune counts under its district; after 1/7/2025 a commune directly under the
    province is its own area). A dimension the enterprise lacks is skipped."""
    from django.db.models import Q

    sector = enterprise.sector
    section = sector.parent if sector is not None and sector.parent_id and sector.level > 1 else sector
    area = enterprise.area
    district = area
    if area is not None and area.level == "commune" and area.parent_id and area.parent.level == "district":
        district = area.parent
    size = enterprise.size_class or ""
    sector_q = Q(enterprise__sector=section) | Q(enterprise__sector__parent=section) if section else None
    size_q = Q(enterprise__size_class=size) if size else None
    area_q = Q(enterprise__area=district) | Q(enterprise__area__parent=district) if district else None
    groups = []
    if sector_q is not None and size_q is not None and area_q is not None:
        groups.append(("sector_size_area", sector_q & size_q & area_q))
    if sector_q is not None and size_q is not None:
        groups.append(("sector_size", sector_q & size_q))
    if sector_q is not None:
        groups.append(("sector", sector_q))
    groups.append(("province", Q()))
    return groups, {"section": section, "size": size, "area": district}


def peer_group_label(scope, count, section=None, size="", area=None):
    """ "37 doanh nghiệp nhỏ ngành C – Công nghiệp chế biến, chế tạo ở Đắk Mil": the group a
    median was taken over, in the current language."""
    from django.utils.translation import get_language, gettext

    from enterprises.models import Enterprise

    english = (get_language() or "").startswith("en")
    sizes = dict(Enterprise.SizeClass.choices)
    size_name = str(sizes.get(size, "")).lower()
    sector_name = ""
    if section is not None:
        sector_name = f"{section.code} – {(section.name_en if english and section.name_en else section.name)}"
    area_name = (area.name_en if english and area.name_en else area.name) if area is not None else ""
    values = {"count": count, "size": size_name, "sector": sector_name, "area": area_name}
    if scope == "sector_size_area":
        return gettext("%(count)s doanh nghiệp %(size)s ngành %(sector)s ở %(area)s") % values
    if scope == "sector_size":
        return gettext("%(count)s doanh nghiệp %(size)s ngành %(sector)s") % values
    if scope == "sector":
        return gettext("%(count)s doanh nghiệp ngành %(sector)s") % values
    return gettext("%(count)s doanh nghiệp trong toàn tỉnh") % values


def comparison(submission):
    """The median of the narrowest group of verified peers that has at least MIN_PEERS
    enterprises: sector + size + area, then sector + size, then sector, then the whole province
    (same framework and year; the enterprise itself excluded). Returns {"count", "scope",
    "label", "total", "pillars"}; None only when even the province has fewer than MIN_PEERS, so
    no median of a group under five is ever shown. One query counts every group at once."""
    from django.db.models import Count

    # An unlinked submission is compared with the peers of the enterprise it names: the
    # classification is public, the medians are of others, nothing of the enterprise shows.
    enterprise = claimed_enterprise(submission)
    if enterprise is None:
        return None
    base = (
        Submission.objects.verified()
        .filter(framework__code=submission.framework.code, year=submission.year)
        .exclude(enterprise_id=enterprise.pk)
    )
    groups, parts = _peer_groups(enterprise)
    counts = base.aggregate(
        **{scope: Count("enterprise_id", filter=condition, distinct=True) for scope, condition in groups}
    )
    chosen = next(((scope, condition) for scope, condition in groups if counts[scope] >= MIN_PEERS), None)
    if chosen is None:
        return None
    scope, condition = chosen
    peers = base.filter(condition)
    totals = list(peers.values_list("total", flat=True))
    percents = {}
    for code, percent in PillarScore.objects.filter(submission__in=peers).values_list("pillar__code", "percent"):
        percents.setdefault(code, []).append(float(percent))
    count = counts[scope]
    return {
        "count": count,
        "scope": scope,
        "label": peer_group_label(scope, count, **parts),
        "total": statistics.median(totals),
        "pillars": {code: round(statistics.median(values), 2) for code, values in percents.items()},
    }


def latest_scored(enterprise, framework_code=DEFAULT_FRAMEWORK):
    """The enterprise's most recent submitted or verified result (verified or not), or None."""
    return (
        Submission.objects.scored()
        .filter(enterprise=enterprise, framework__code=framework_code)
        .order_by("-year", "-submitted_at")
        .first()
    )
