"""Loading administrative units from data files, and looking them up by date."""

import datetime
from pathlib import Path

import yaml
from django.db import transaction

from .models import AdministrativeUnit

DATA_DIR = Path(__file__).resolve().parent / "data" / "units"
FIELDS = ("name", "name_en", "kind", "level", "valid_from", "valid_to")


def _as_date(value):
    if value in (None, ""):
        return None
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


@transaction.atomic
def load_units(path):
    """Create or update the units in a YAML file; returns how many were written.

    Idempotent: units are matched on their code, so loading a file twice changes nothing.
    """
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    successors = []
    count = 0

    def write(entry, parent):
        nonlocal count
        values = {field: entry.get(field, "") for field in ("name", "name_en", "kind", "level")}
        values["valid_from"] = _as_date(entry.get("valid_from"))
        values["valid_to"] = _as_date(entry.get("valid_to"))
        values["parent"] = parent
        unit, _ = AdministrativeUnit.objects.update_or_create(code=str(entry["code"]), defaults=values)
        count += 1
        if entry.get("successor"):
            successors.append((unit, str(entry["successor"])))
        for child in entry.get("children", []):
            write(child, unit)

    for entry in data["units"]:
        write(entry, None)
    for unit, successor_code in successors:
        unit.successor = AdministrativeUnit.objects.get(code=successor_code)
        unit.save(update_fields=["successor"])
    return count


def default_unit_files():
    return sorted(DATA_DIR.glob("*.yaml"))


def units_valid_on(day, level=None):
    units = AdministrativeUnit.objects.valid_on(day)
    return units.filter(level=level) if level else units


def units_for_date(day, level=None):
    """The administrative units in force on `day` (optionally of one level), for pickers and
    validation: a record made on 15/6/2025 chooses among Đắk Nông's districts and communes, one
    made on 2/7/2025 among Lâm Đồng's communes."""
    return units_valid_on(day, level).order_by("level", "name")
