"""Load a questionnaire data file (YAML, the layout of assessment_forms/data/dbi-1970-sme.yaml)
into a versioned Framework.

A data file may have a companion `<name>.help.yaml` beside it with what the reference file
does not hold: help text for a small-business owner per criterion, option texts for criteria
whose sources give none, how options without a settled level map onto 0–5, and the years the
province applies the framework. The companion is merged before loading and counts towards the
content hash.

Idempotent: loading the same content again changes nothing. A changed file updates the latest
version in place while it has no submissions; once it has submissions (it is frozen) a changed
file makes a new version, so old results keep the questionnaire they were scored with.
"""

import copy
import hashlib
import json
from pathlib import Path

import yaml
from django.db import transaction

from .models import AnswerOption, Component, Criterion, Framework, Pillar
from .scoring import MAX_LEVEL, MIN_LEVEL, criterion_points_by_level

# libyaml when available: the 3,000-line reference parses ten times faster
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

DATA_DIR = Path(__file__).resolve().parent / "data"
DBI_1970_FILE = DATA_DIR / "dbi-1970-sme.yaml"


class FrameworkFileError(ValueError):
    pass


def read_file(path):
    """The merged, normalised data of a framework file (and its `.help.yaml` companion)."""
    path = Path(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (a safe loader)
    except (OSError, yaml.YAMLError) as exc:
        raise FrameworkFileError(f"cannot read {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise FrameworkFileError(f"{path}: not a framework file")
    companion = path.with_name(path.name.removesuffix(".yaml").removesuffix(".yml") + ".help.yaml")
    extra = {}
    if companion.exists():
        extra = yaml.load(companion.read_text(encoding="utf-8"), Loader=_Loader) or {}  # noqa: S506
    return normalise(data, extra)


def _text(value, lang="vi"):
    if isinstance(value, dict):
        return str(value.get(lang) or "")
    return str(value or "") if lang == "vi" else ""


def normalise(data, extra=None):
    """Merge the companion data and settle each criterion's options (levels and points)."""
    data = copy.deepcopy(data)
    extra = extra or {}
    for key in ("framework", "totals", "pillar_level_bands", "overall_rules", "pillars"):
        if key not in data:
            raise FrameworkFileError(f"missing top-level key {key!r}")
    data["framework"].update(extra.get("framework") or {})
    generic = extra.get("generic_scale") or {}
    criteria_extra = extra.get("criteria") or {}
    pillars_extra = extra.get("pillars") or {}
    for pillar in data["pillars"]:
        pillar.update(pillars_extra.get(pillar["code"]) or {})
        for component in pillar.get("components", []):
            for criterion in component.get("criteria", []):
                criterion.update(criteria_extra.get(criterion["code"]) or {})
                criterion["options"] = _settle_options(criterion, generic)
    _check_totals(data)
    return data


def _settle_options(criterion, generic):
    per_level = int(criterion.get("points_per_level") or 1)
    raw = [o for o in criterion.get("options") or [] if not o.get("duplicate_of_source_line")]
    level_map = criterion.get("level_map")
    if level_map:
        if len(level_map) != len(raw):
            raise FrameworkFileError(f"criterion {criterion['code']}: level_map has {len(level_map)} entries")
        raw = [dict(o, level=lv, points=None) for o, lv in zip(raw, level_map, strict=True)]
    options = []
    for option in raw:
        if option.get("level") is None:
            continue  # the sources do not settle this option's level and no level_map was given
        level = int(option["level"])
        points = option.get("points")
        options.append(
            {
                "level": level,
                "points": int(points) if points is not None else level * per_level,
                "vi": _text(option.get("vi") or option.get("text")),
                "en": _text(option.get("en") or ""),
            }
        )
    if not options and generic:
        for level in range(MIN_LEVEL, MAX_LEVEL + 1):
            text = generic.get(level) or generic.get(str(level)) or {}
            options.append(
                {"level": level, "points": level * per_level, "vi": text.get("vi", ""), "en": text.get("en", "")}
            )
    return options


def _check_totals(data):
    totals = data.get("totals") or {}
    max_total = sum(int(p["max_points"]) for p in data["pillars"])
    if totals.get("max_points") is not None and int(totals["max_points"]) != max_total:
        raise FrameworkFileError(f"pillar maxima add up to {max_total}, the file says {totals['max_points']}")
    for pillar in data["pillars"]:
        crit_max = sum(
            max(criterion_points_by_level(c).values())
            for comp in pillar.get("components", [])
            for c in comp["criteria"]
        )
        if crit_max != int(pillar["max_points"]):
            raise FrameworkFileError(
                f"pillar {pillar['code']}: criteria add up to {crit_max}, max is {pillar['max_points']}"
            )


def content_hash(data):
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


def _years(framework_data):
    validity = framework_data.get("validity") or {}
    start = framework_data.get("valid_from_year") or str(validity.get("from") or "")[:4] or None
    end = framework_data.get("valid_to_year")
    if end is None and "valid_to_year" not in framework_data:
        end = str(validity.get("to") or "")[:4] or None
    return (int(start) if start else None), (int(end) if end else None)


@transaction.atomic
def load_data(data, source_name=""):
    """Create or update the framework described by normalised `data`.

    Returns (framework, action) with action "created", "updated", "unchanged" or "new_version"."""
    digest = content_hash(data)
    meta = data["framework"]
    code = meta["code"]
    latest = Framework.objects.select_for_update().filter(code=code).order_by("-version").first()
    if latest is not None and latest.source_hash == digest:
        return latest, "unchanged"
    if latest is None:
        framework, action = Framework(code=code, version=1), "created"
    elif latest.frozen or latest.submissions.exists():
        if not latest.frozen:
            latest.frozen = True
            latest.save(update_fields=["frozen"])
        framework, action = Framework(code=code, version=latest.version + 1), "new_version"
    else:
        framework, action = latest, "updated"
        framework.pillars.all().delete()

    start, end = _years(meta)
    decision = meta.get("decision") or {}
    framework.title = _text(meta.get("title"))
    framework.title_en = _text(meta.get("title"), "en")
    framework.short_title = _text(meta.get("short_name"))
    framework.short_title_en = _text(meta.get("short_name"), "en")
    framework.legal_basis = " ".join(filter(None, [decision.get("number"), _text(decision.get("subject"))]))[:300]
    framework.legal_basis_url = decision.get("url") or ""
    framework.valid_from_year, framework.valid_to_year = start, end
    framework.levels = data.get("levels") or []
    framework.pillar_level_bands = data["pillar_level_bands"]
    framework.overall_rules = data["overall_rules"]
    framework.max_points = sum(int(p["max_points"]) for p in data["pillars"])
    framework.source_hash = digest
    framework.source_meta = {"file": source_name, "schema_version": data.get("schema_version")}
    framework.frozen = False
    framework.save()
    _create_tree(framework, data["pillars"])
    return framework, action


def _create_tree(framework, pillars):
    criteria, option_rows = [], []
    for p_order, p in enumerate(pillars):
        pillar = Pillar.objects.create(
            framework=framework,
            code=p["code"],
            name=_text(p["name"]),
            name_en=_text(p["name"], "en"),
            description=_text(p.get("description")),
            description_en=_text(p.get("description"), "en"),
            max_points=int(p["max_points"]),
            order=p_order,
        )
        for c_order, c in enumerate(p.get("components", [])):
            component = Component.objects.create(
                pillar=pillar,
                code=c["code"],
                name=_text(c["name"]),
                name_en=_text(c["name"], "en"),
                max_points=int(c["max_points"]),
                order=c_order,
            )
            for cr in c.get("criteria", []):
                criteria.append(
                    Criterion(
                        framework=framework,
                        component=component,
                        code=cr["code"],
                        text=_text(cr["name"]),
                        text_en=_text(cr["name"], "en"),
                        question=_text(cr.get("gate")),
                        question_en=_text(cr.get("gate"), "en"),
                        help_text=_text(cr.get("help")),
                        help_text_en=_text(cr.get("help"), "en"),
                        group=_text(cr.get("group")),
                        group_en=_text(cr.get("group"), "en"),
                        answer_kind=cr.get("answer_kind") or Criterion.AnswerKind.GRADED,
                        max_points=int(cr["max_points"]),
                        points_per_level=int(cr.get("points_per_level") or 1),
                        unconfirmed=bool(cr.get("unconfirmed")),
                        note=str(cr.get("note") or ""),
                        order=len(criteria),
                    )
                )
                option_rows.append(cr["options"])
    created = Criterion.objects.bulk_create(criteria)
    AnswerOption.objects.bulk_create(
        [
            AnswerOption(criterion=criterion, level=o["level"], points=o["points"], text=o["vi"], text_en=o["en"])
            for criterion, options in zip(created, option_rows, strict=True)
            for o in options
        ]
    )


def load_file(path):
    data = read_file(path)
    return load_data(data, source_name=Path(path).name)


def framework_as_dict(framework):
    """The framework back in data-file layout (what `scoring.spec_from_dict` compiles)."""
    criteria_by_component = {}
    options_by_criterion = {}
    for option in AnswerOption.objects.filter(criterion__framework=framework).values("criterion_id", "level", "points"):
        options_by_criterion.setdefault(option["criterion_id"], []).append(option)
    for criterion in framework.criteria.order_by("order").values(
        "id", "component_id", "code", "max_points", "points_per_level"
    ):
        criterion["options"] = options_by_criterion.get(criterion.pop("id"), [])
        criteria_by_component.setdefault(criterion.pop("component_id"), []).append(criterion)
    pillars = []
    for pillar in framework.pillars.order_by("order").prefetch_related("components"):
        pillars.append(
            {
                "code": pillar.code,
                "max_points": pillar.max_points,
                "components": [
                    {"code": c.code, "criteria": criteria_by_component.get(c.id, [])}
                    for c in sorted(pillar.components.all(), key=lambda c: c.order)
                ],
            }
        )
    return {
        "framework": {"code": framework.code},
        "levels": framework.levels,
        "pillar_level_bands": framework.pillar_level_bands,
        "overall_rules": framework.overall_rules,
        "pillars": pillars,
    }
