"""System check: does this database hold what a working site needs after a bare `migrate`?

Runs with `manage.py check` (and `check --deploy`, and before `migrate`). Each missing piece is
a warning naming it and the command that brings it back. The shipped data (VSIC, units, the DBI
framework, roles) is loaded by migrations, so on a migrated database nothing is reported.
Other apps' data is looked up by app label (no import), so the registry stays the bottom layer.
"""

from django.apps import apps
from django.conf import settings
from django.core.checks import Warning, register
from django.db import DatabaseError, connection


def _count(label, **filters):
    model = apps.get_model(label)
    return model.objects.filter(**filters).count()


@register()
def shipped_data_check(app_configs=None, **kwargs):
    try:
        tables = set(connection.introspection.table_names())
    except DatabaseError:
        return []
    if "enterprises_administrativeunit" not in tables or "django_migrations" not in tables:
        return [
            Warning(
                "The database is not migrated: no administrative units, sectors or DBI framework yet.",
                hint="Run `manage.py migrate`; it loads every piece of shipped data.",
                id="enterprises.W000",
            )
        ]
    problems = []

    def missing(what, hint, code):
        problems.append(Warning(f"Missing on this database: {what}.", hint=hint, id=f"enterprises.{code}"))

    try:
        for version in ("2018", "2025"):
            if not _count("enterprises.Sector", version=version):
                missing(f"VSIC {version} sectors", "Run `manage.py migrate` or `manage.py load_sectors`.", "W001")
        if _count("enterprises.AdministrativeUnit", level="province", valid_from__isnull=False) < 34:
            missing(
                "the administrative units in force from 1/7/2025",
                "Run `manage.py migrate` or `manage.py load_units`.",
                "W002",
            )
        elif _count("enterprises.AdministrativeUnit", level="commune", valid_to__isnull=False) == 0:
            missing("the administrative units in force until 30/6/2025", "Run `manage.py load_units`.", "W002")
        code = str(getattr(settings, "PROVINCE_CODE", "") or "")
        if not code or not _count(
            "enterprises.AdministrativeUnit", code=code, level="province", valid_from__isnull=False
        ):
            missing(
                f"the province PROVINCE_CODE={code!r} in the list in force from 1/7/2025",
                "Set PROVINCE_CODE to a province code of enterprises/data/units/units-2025.csv (68 = Lâm Đồng).",
                "W003",
            )
        if apps.is_installed("assessment_forms") and not _count("assessment_forms.Framework"):
            missing("a DBI framework", "Run `manage.py migrate` or `manage.py load_framework`.", "W004")
        if apps.is_installed("accounts"):
            from accounts.roles import ROLES

            names = {role.name for role in ROLES}
            found = set(apps.get_model("auth.Group").objects.filter(name__in=names).values_list("name", flat=True))
            if names - found:
                missing(
                    "the staff roles " + ", ".join(sorted(names - found)),
                    "Run `manage.py migrate` (the role migrations create them).",
                    "W005",
                )
    except DatabaseError as exc:  # a table of a later migration is missing
        problems.append(
            Warning(
                f"The database is not fully migrated ({exc}).", hint="Run `manage.py migrate`.", id="enterprises.W000"
            )
        )
    return problems
