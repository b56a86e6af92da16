"""The economic sector classifications VSIC 2018 and VSIC 2025, side by side.

- VSIC 2018 (Decision 27/2018/QĐ-TTg), in force until 14/11/2025: data/sectors/vsic-2018.csv,
  levels 1–3 only (21 sections, 88 divisions, 242 groups; levels 4–5 could not be obtained,
  so a 4- or 5-digit 2018 code is accepted by its level-3 group).
- VSIC 2025 (Decision 36/2025/QĐ-TTg), in force from 15/11/2025: data/sectors/vsic-2025.csv,
  all five levels (22 sections A–V; letters from K onward changed meaning).

Each row carries its Decree 80/2021 group: sections A–F (agriculture, forestry, fishing;
industry; construction) → agri_industry, every other section → trade_services, in both
versions. English names of 2018 sections and divisions come from vsic-2018.yaml (after ISIC
Rev. 4); the official lists give none.

`SectorIndex.resolve(text, day, width)` reads a code as people write it, with the rules in
docs/enterprises.md ("VSIC codes in imports and forms").
"""

import csv
import datetime
from pathlib import Path

import yaml
from django.db import transaction
from django.utils.translation import gettext as _

DATA_DIR = Path(__file__).resolve().parent / "data" / "sectors"
FILES = {"2018": DATA_DIR / "vsic-2018.csv", "2025": DATA_DIR / "vsic-2025.csv"}
ENGLISH_2018 = DATA_DIR / "vsic-2018.yaml"
# Decision 36/2025/QĐ-TTg is in force from this day; earlier records use VSIC 2018.
VSIC_2025_FROM = datetime.date(2025, 11, 15)
AGRI_INDUSTRY_SECTIONS = set("ABCDEF")


def version_on(day):
    return "2025" if day is not None and day >= VSIC_2025_FROM else "2018"


def _english_2018():
    data = yaml.safe_load(ENGLISH_2018.read_text(encoding="utf-8"))
    names = {}
    for section in data["sections"]:
        names[section["code"]] = section["name_en"]
        for code, _name, name_en in section.get("divisions", []):
            names[str(code)] = name_en
    return names


def _sentence_case(name):
    """Section names are upper case in the decisions; shown as a sentence."""
    return name[:1] + name[1:].lower() if name.isupper() else name


def read_sectors(version):
    """Yield (code, name, name_en, level, parent_code, size_group), parents first."""
    english = _english_2018() if version == "2018" else {}
    section_of = {}
    with open(FILES[version], encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            code, parent = row["code"], row["parent_code"] or None
            section_of[code] = code if row["level"] == "1" else section_of[parent]
            group = "agri_industry" if section_of[code] in AGRI_INDUSTRY_SECTIONS else "trade_services"
            name_en = row["name_en"] or english.get(code, "")
            yield code, _sentence_case(row["name_vi"]), name_en, int(row["level"]), parent, group


@transaction.atomic
def load_sectors(model=None, versions=("2018", "2025")):
    """Create or update both versions' sectors; returns (created, updated).

    Idempotent (matched on version and code). `model` lets a data migration pass its
    historical model. Rows are written in bulk: about 2,000 in all."""
    if model is None:
        from .models import Sector as model
    created = updated = 0
    for version in versions:
        existing = {s.code: s for s in model.objects.filter(version=version)}
        rows = list(read_sectors(version))
        fields = ("name", "name_en", "level", "size_group", "section_id")
        for level in range(1, 6):
            to_create, to_update = [], []
            for code, name, name_en, row_level, parent_code, group in rows:
                if row_level != level:
                    continue
                parent_id = existing[parent_code].pk if parent_code else None
                section_id = None
                if parent_code:
                    parent = existing[parent_code]
                    section_id = parent.section_id or parent.pk
                values = {
                    "name": name,
                    "name_en": name_en,
                    "level": level,
                    "size_group": group,
                    "section_id": section_id,
                }
                sector = existing.get(code)
                if sector is None:
                    to_create.append(model(version=version, code=code, parent_id=parent_id, **values))
                elif any(getattr(sector, f) != values[f] for f in fields) or sector.parent_id != parent_id:
                    for f in fields:
                        setattr(sector, f, values[f])
                    sector.parent_id = parent_id
                    to_update.append(sector)
            model.objects.bulk_create(to_create)
            model.objects.bulk_update(to_update, [*fields, "parent_id"])
            created, updated = created + len(to_create), updated + len(to_update)
            if to_create:
                existing = {s.code: s for s in model.objects.filter(version=version)}
    return created, updated


class SectorLookupError(ValueError):
    """A sector code that names no sector, or is ambiguous: the message says why."""


def clean_code(value):
    """The code part of a cell: "4620 - Bán buôn…" → "4620", 510.0 → "510", "c" → "C"."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    token = str(value if value is not None else "").strip()
    token = token.split(" ")[0].split("-")[0].split("–")[0].strip().upper()
    if token.endswith(".0") and token[:-2].isdigit():
        token = token[:-2]
    return token


class SectorIndex:
    """Every sector of both versions in memory, for imports and forms (about 2,000 rows)."""

    def __init__(self, sectors=None):
        if sectors is None:
            from .models import Sector

            sectors = Sector.objects.all()
        self.by_key = {(s.version, s.code): s for s in sectors}
        self.by_pk = {s.pk: s for s in self.by_key.values()}

    def find(self, version, code):
        """The sector for a code of this version; a 4- or 5-digit 2018 code by its level-3 group."""
        sector = self.by_key.get((version, code))
        if sector is None and version == "2018" and code.isdigit() and len(code) in (4, 5):
            sector = self.by_key.get((version, code[:3]))
        return sector

    def _versions(self, code):
        return [v for v in ("2018", "2025") if self.find(v, code) is not None]

    def resolve(self, value, day=None, width=None):
        """The sector a cell means on `day`.

        - A section letter is read with the version in force on `day` (K is finance in 2018,
          telecoms and IT in 2025).
        - A numeric code keeps its leading zeros. A spreadsheet may have dropped one (0510 →
          510): with `width` (the column says "cấp 4" or "4 số") the code is padded to it;
          without, a code that is valid both as written and with a leading zero (620 or 0620)
          is refused as ambiguous, and one valid only with the zero is read with it.
        - A code that exists in one version only is read in that version; one in both, in the
          version in force on `day`."""
        code = clean_code(value)
        if not code:
            return None
        wanted = version_on(day or datetime.date.today())
        if code.isalpha():
            sector = self.by_key.get((wanted, code))
            if sector is None or sector.level != 1:
                raise SectorLookupError(
                    _("Không có ngành cấp 1 “%(code)s” trong VSIC %(version)s.") % {"code": code, "version": wanted}
                )
            return sector
        if not code.isdigit() or len(code) > 5:
            raise SectorLookupError(_("Mã ngành “%(code)s” không đúng dạng mã VSIC.") % {"code": code})
        if width:
            if len(code) > width:
                raise SectorLookupError(
                    _("Mã ngành “%(code)s” dài hơn %(width)s chữ số như tiêu đề cột ghi.")
                    % {"code": code, "width": width}
                )
            code = code.zfill(width)
        elif len(code) == 1:
            code = "0" + code
        elif len(code) < 5:
            # Only a padded code that exists exactly counts (2018's 4/5-digit leniency would
            # turn any stray "6210" into 06210 → group 062).
            as_written = self._versions(code)
            padded = [v for v in ("2018", "2025") if (v, "0" + code) in self.by_key]
            if as_written and padded:
                raise SectorLookupError(
                    _(
                        "Mã ngành “%(code)s” không rõ: có thể là %(code)s hoặc 0%(code)s (số 0 đầu bị mất khi "
                        "lưu dạng số). Hãy ghi mã dạng văn bản, hoặc ghi số chữ số trong tiêu đề cột, "
                        "ví dụ “Mã ngành (4 số)”."
                    )
                    % {"code": code}
                )
            if padded and not as_written:
                code = "0" + code
        versions = self._versions(code)
        if not versions:
            raise SectorLookupError(
                _("Không tìm thấy mã ngành “%(code)s” trong VSIC 2018 và VSIC 2025.") % {"code": code}
            )
        return self.find(wanted if wanted in versions else versions[0], code)


def section_of(sector, index):
    """The level-1 sector above `sector` (itself for a section)."""
    while sector is not None and sector.parent_id:
        sector = index.by_pk.get(sector.parent_id)
    return sector


DIVISION_MAP_FILE = DATA_DIR / "divisions-2018-2025.csv"


def divisions_2025(division_2018):
    """The VSIC 2025 division codes a 2018 division's activities went to (for statistics across
    years; docs/enterprises.md): the same code where unchanged, listed by hand where not."""
    with open(DIVISION_MAP_FILE, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["division_2018"] == division_2018:
                return row["divisions_2025"].split(";")
    return []


def division_sections_2025():
    """{2018 division code: the VSIC 2025 section letters its activities went to} from the same
    documented mapping (one letter for most; "45": ["G", "T"], "63": ["J", "K"])."""
    with open(DIVISION_MAP_FILE, encoding="utf-8", newline="") as handle:
        return {row["division_2018"]: row["sections_2025"].split(";") for row in csv.DictReader(handle)}
