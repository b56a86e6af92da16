"""Loading the economic sector classification (VSIC 2018) from its data file."""

from pathlib import Path

import yaml
from django.db import transaction

DATA_FILE = Path(__file__).resolve().parent / "data" / "sectors" / "vsic-2018.yaml"


def read_sectors(path=DATA_FILE):
    """Yield (code, name, name_en, level, parent_code, size_group) for every entry, sections first."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    for section in data["sections"]:
        yield section["code"], section["name"], section["name_en"], 1, None, section["size_group"]
        for code, name, name_en in section.get("divisions", []):
            yield str(code), name, name_en, 2, section["code"], section["size_group"]


@transaction.atomic
def load_sectors(path=DATA_FILE, model=None):
    """Create or update sectors from the data file; returns (created, updated).

    Idempotent (matched on code). `model` lets a data migration pass its historical model."""
    if model is None:
        from .models import Sector as model
    created = updated = 0
    by_code = {}
    for code, name, name_en, level, parent_code, group in read_sectors(path):
        values = {
            "name": name,
            "name_en": name_en,
            "level": level,
            "parent": by_code.get(parent_code),
            "size_group": group,
        }
        sector, was_created = model.objects.update_or_create(code=code, defaults=values)
        by_code[code] = sector
        created += was_created
        updated += not was_created
    return created, updated


def sector_for_code(code, sectors_by_code):
    """The sector for a code as people write it: "A", "01", "0111", "01110", "4620 - Bán buôn…".

    VSIC codes below level 2 start with their division's two digits, so "0111" → "01"."""
    token = str(code or "").strip().split(" ")[0].split("-")[0].strip().upper()
    if token.endswith(".0"):  # a spreadsheet number cell
        token = token[:-2]
    if not token:
        return None
    if token.isdigit():
        if len(token) == 1:
            token = "0" + token
        return sectors_by_code.get(token[:2])
    return sectors_by_code.get(token)
