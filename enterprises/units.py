"""Administrative units of the whole country, before and after 1/7/2025, as dated data.

The official lists live in enterprises/data/units/ (see README-sources.md there):
- units-before-2025.csv: 63 provinces, 691 districts and 10,035 communes in force until
  30/6/2025 (GSO codes as of 1/3/2025);
- units-2025.csv: 34 provinces and 3,321 communes, wards and special zones from 1/7/2025
  (codes of Công văn 1027/CTK-CSCL, Decision 19/2025/QĐ-TTg; no district level any more);
- successors.csv: old unit → new unit, `whole` or `partial`, with the resolution clause.

A unit's identity is its code plus its period: the GSO re-used old codes for new units
(24646 was Xã Ea Pô until 30/6/2025, and is Xã Đắk Wil from 1/7/2025), so both rows exist.
`load_country()` is idempotent and works with a migration's historical models: it matches
rows on (code, period), renames and re-parents existing rows, adds the missing ones in bulk,
and re-links successors (removing links the data no longer has). Rows the data does not know
(added by hand) are left alone. The provisional codes of the first release ("660-01",
"68-DN06") are renamed to the official code of the unit with the same name and period, so
enterprises keep pointing at the same rows.
"""

import csv
import datetime
import re
from collections import defaultdict
from pathlib import Path

from django.db import transaction

from core.text import fold_compact

DATA_DIR = Path(__file__).resolve().parent / "data" / "units"
BEFORE_FILE = DATA_DIR / "units-before-2025.csv"
AFTER_FILE = DATA_DIR / "units-2025.csv"
LINKS_FILE = DATA_DIR / "successors.csv"

LAST_OLD_DAY = datetime.date(2025, 6, 30)
FIRST_NEW_DAY = datetime.date(2025, 7, 1)
OLD, NEW = "old", "new"

# Spelling variants found in official sources (README-sources.md, "Known gaps"): accepted as
# aliases when an import or a form names a unit.
ALIASES = {
    (OLD, "04117"): "Xã Mường Chanh",
    (OLD, "04136"): "Xã Nà Bó",
    (OLD, "07540"): "Xã Sa Lý",
    (OLD, "31246"): "Xã Thạnh Quới",
    (OLD, "12664"): "Xã Kim Trung",
    (OLD, "24031"): "Xã Ia Mrơn",
    (OLD, "24727"): "Xã Đắk N'Drung",
    (OLD, "24652"): "Xã Đắk D'rông",
    (OLD, "00712"): "Xã Phố Bảng",
    (NEW, "00745"): "Xã Phó Bảng",
}

DISTRICT_KINDS = {"huyện", "quận", "thị xã", "thành phố"}


def period_of(valid_from, valid_to):
    """OLD for a unit that ended by 30/6/2025, NEW for one that started on 1/7/2025 or later."""
    if valid_from is not None and valid_from >= FIRST_NEW_DAY:
        return NEW
    if valid_to is not None and valid_to <= LAST_OLD_DAY:
        return OLD
    return None


def _read(path):
    with open(path, encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def _kind_of(name, kinds):
    lowered = name.lower()
    for kind in sorted(kinds, key=len, reverse=True):
        if lowered.startswith(kind + " "):
            return kind
    return ""


def read_country():
    """The units in the data files: {(period, code): spec}, in parent-before-child order, and the links."""
    units = {}

    def add(period, code, name, kind, level, parent):
        dates = (None, LAST_OLD_DAY) if period == OLD else (FIRST_NEW_DAY, None)
        units[(period, code)] = {
            "code": code,
            "name": name,
            "kind": kind,
            "level": level,
            "valid_from": dates[0],
            "valid_to": dates[1],
            "parent": (period, parent) if parent else None,
            "aliases": ALIASES.get((period, code), ""),
        }

    provinces, districts, communes = [], [], []
    for row in _read(BEFORE_FILE):
        provinces.append(
            (
                OLD,
                row["province_code"],
                row["province_name"],
                _kind_of(row["province_name"], {"tỉnh", "thành phố"}),
                None,
            )
        )
        districts.append((OLD, row["district_code"], row["district_name"], row["district_type"], row["province_code"]))
        communes.append((OLD, row["code"], row["name"], row["type"], row["district_code"]))
    for row in _read(AFTER_FILE):
        provinces.append((NEW, row["province_code"], row["province_name"], row["province_type"], None))
        communes.append((NEW, row["code"], row["name"], row["type"], row["province_code"]))
    links = []
    old_province_of = {}
    for row in _read(LINKS_FILE):
        links.append((row["old_code"], row["new_code"], row["kind"], row["note"]))
    # The five districts with no communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo)
    # appear only in the links; their province is the old province of their successor's area.
    for period, code, name, kind, parent in provinces:
        add(period, code, name, kind, "province", parent)
    for period, code, name, kind, parent in districts:
        add(period, code, name, kind, "district", parent)
        old_province_of[code] = parent
    for old_code, _new_code, _kind, note in links:
        if len(old_code) == 3 and (OLD, old_code) not in units:
            match = re.search(r":\s*(.+?)\s*→", note)
            name = match.group(1) if match else old_code
            province = _DISTRICTS_WITHOUT_COMMUNES.get(old_code)
            add(OLD, old_code, name, _kind_of(name, DISTRICT_KINDS), "district", province)
    for period, code, name, kind, parent in communes:
        add(period, code, name, kind, "commune", parent)
    return units, links


# Old province of each district that had no communes (GSO codes).
_DISTRICTS_WITHOUT_COMMUNES = {"318": "31", "471": "45", "498": "48", "536": "51", "755": "77"}


def _province_key(units, key):
    while key is not None and units[key]["level"] != "province":
        key = units[key]["parent"]
    return key


@transaction.atomic
def load_country(apps=None, batch_size=2000):
    """Create, rename, re-parent and re-link the country's units from the data files.

    Returns a dict of counts. `apps` is a migration's app registry (historical models)."""
    if apps is None:
        from django.apps import apps
    Unit = apps.get_model("enterprises", "AdministrativeUnit")
    Link = apps.get_model("enterprises", "UnitLink")
    specs, links = read_country()
    counts = defaultdict(int)

    existing = {}
    unmatched = []
    for unit in Unit.objects.all():
        key = (period_of(unit.valid_from, unit.valid_to), unit.code)
        if key in specs and key not in existing:
            existing[key] = unit
        else:
            unmatched.append(unit)
    # Rows of the first release carried provisional codes; give them their official code by
    # name, level and period, so records keep their row.
    by_name = defaultdict(list)
    for key, spec in specs.items():
        if key not in existing:
            # The first release spelled a few names as the resolutions do (aliases here).
            for name in filter(None, [spec["name"], spec["aliases"]]):
                by_name[(key[0], spec["level"], fold_compact(name))].append(key)
    for unit in unmatched:
        period = period_of(unit.valid_from, unit.valid_to)
        if period is None or re.fullmatch(r"\d{2}|\d{3}|\d{5}", unit.code):
            continue
        candidates = [k for k in by_name.get((period, unit.level, fold_compact(unit.name)), []) if k not in existing]
        chosen = candidates[0] if len(candidates) == 1 else _province_hint(unit, candidates, specs)
        if chosen:
            existing[chosen] = unit
            counts["renamed"] += 1

    ids = {key: unit.pk for key, unit in existing.items()}
    fields = ("code", "name", "kind", "level", "valid_from", "valid_to", "aliases")
    for level in ("province", "district", "commune"):
        to_create, to_update = [], []
        for key, spec in specs.items():
            if spec["level"] != level:
                continue
            parent_id = ids.get(spec["parent"]) if spec["parent"] else None
            province_key = _province_key(specs, key)
            province_id = ids.get(province_key)
            unit = existing.get(key)
            if unit is None:
                to_create.append(Unit(parent_id=parent_id, province_id=province_id, **{f: spec[f] for f in fields}))
                continue
            changed = False
            for f in fields:
                if getattr(unit, f) != spec[f]:
                    setattr(unit, f, spec[f])
                    changed = True
            if level == "province" and unit.province_id != unit.pk:
                unit.province_id, changed = unit.pk, True
            elif level != "province" and unit.province_id != province_id:
                unit.province_id, changed = province_id, True
            if unit.parent_id != parent_id:
                unit.parent_id, changed = parent_id, True
            if changed:
                to_update.append(unit)
        for start in range(0, len(to_create), batch_size):
            Unit.objects.bulk_create(to_create[start : start + batch_size])
        if to_update:
            Unit.objects.bulk_update(to_update, [*fields, "parent_id", "province_id"], batch_size=batch_size)
        counts["created"] += len(to_create)
        counts["updated"] += len(to_update)
        if to_create:
            # bulk_create sets primary keys on PostgreSQL and SQLite ≥ 3.35; read them back
            # by code and period anyway, which works on every backend.
            wanted = {(spec["code"]) for key, spec in specs.items() if spec["level"] == level}
            for unit in Unit.objects.filter(level=level, code__in=wanted).only("pk", "code", "valid_from", "valid_to"):
                key = (period_of(unit.valid_from, unit.valid_to), unit.code)
                if key in specs and key not in existing:
                    existing[key] = unit
                    ids[key] = unit.pk
        if level == "province":
            to_fix = [u for k, u in existing.items() if specs[k]["level"] == "province" and u.province_id != u.pk]
            for unit in to_fix:
                unit.province_id = unit.pk
            Unit.objects.bulk_update(to_fix, ["province_id"], batch_size=batch_size)

    # Links: old codes are unique within the old period and new codes within the new one.
    wanted = {}
    for old_code, new_code, kind, note in links:
        old_id, new_id = ids.get((OLD, old_code)), ids.get((NEW, new_code))
        if old_id and new_id:
            wanted[(old_id, new_id)] = (kind, note[:400])
    managed = set(ids.values())
    current = {(link.predecessor_id, link.successor_id): link for link in Link.objects.all()}
    stale = [
        link.pk for pair, link in current.items() if pair not in wanted and pair[0] in managed and pair[1] in managed
    ]
    for start in range(0, len(stale), 500):
        Link.objects.filter(pk__in=stale[start : start + 500]).delete()
    to_create, to_update = [], []
    for pair, (kind, note) in wanted.items():
        link = current.get(pair)
        if link is None:
            to_create.append(Link(predecessor_id=pair[0], successor_id=pair[1], kind=kind, note=note))
        elif (link.kind, link.note) != (kind, note):
            link.kind, link.note = kind, note
            to_update.append(link)
    Link.objects.bulk_create(to_create, batch_size=batch_size)
    Link.objects.bulk_update(to_update, ["kind", "note"], batch_size=batch_size)
    counts["links_created"], counts["links_updated"], counts["links_removed"] = (
        len(to_create),
        len(to_update),
        len(stale),
    )
    return dict(counts)


def _province_hint(unit, candidates, specs):
    """Among same-named candidates, the one in the province of the unit's own province row."""
    if not candidates:
        return None
    province = getattr(unit, "province", None)
    parent = getattr(unit, "parent", None)
    while parent is not None and province is None:
        if parent.level == "province":
            province = parent
        parent = parent.parent
    if province is None:
        return None
    hits = [key for key in candidates if _province_key(specs, key)[1] == province.code]
    return hits[0] if len(hits) == 1 else None


def units_valid_on(day, level=None):
    from .models import AdministrativeUnit

    units = AdministrativeUnit.objects.valid_on(day)
    return units.filter(level=level) if level else units


def units_for_date(day, level=None, province_code=None):
    """The site's province's administrative units in force on `day` (optionally of one level),
    for pickers and validation: a record made on 15/6/2025 chooses among the old districts and
    communes, one made on 2/7/2025 among the new communes."""
    from .provinces import province_units

    return (
        province_units(province_code)
        .valid_on(day)
        .filter(**({"level": level} if level else {}))
        .order_by("level", "name")
    )
