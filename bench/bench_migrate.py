"""Benchmark: `migrate` on an empty PostgreSQL database, loading the whole country's units, and
the dashboard by old districts for a pre-merger year at 100,000 enterprises (issue 20).

    .venv/bin/python bench/bench_migrate.py [--database-url postgres://postgres@127.0.0.1:5432/dx_units_bench]
                                            [--enterprises 100000] [--out bench/results]

1. Drops and creates the database, then runs `manage.py migrate` in a child process: wall time
   and the child's CPU time (the CPU time is what carries over to an idle machine).
2. In that database, empties the units and links and times `load_country()` (every province,
   district and commune of both periods, and 10,634 links), then times it again (nothing to do).
3. Adds N enterprises spread over the served province's old and new units (bulk_create), then
   times `dashboard.areas.figures_by_area(2024, "cu")` and `(2026, "cu")` and counts queries.
Target: migrate + units under 60 s on PostgreSQL.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def recreate(url):
    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def child_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_migrate(url):
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    cpu, start = child_cpu(), time.perf_counter()
    subprocess.run([sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True)
    return {"wall_s": round(time.perf_counter() - start, 2), "cpu_s": round(child_cpu() - cpu, 2)}


def in_django(url, enterprises):
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    import datetime
    import random

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from dashboard.areas import figures_by_area
    from enterprises.models import AdministrativeUnit, Enterprise, Sector, UnitLink
    from enterprises.provinces import province_units
    from enterprises.units import load_country

    results = {}
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {UnitLink._meta.db_table}")
        cursor.execute(f"UPDATE {AdministrativeUnit._meta.db_table} SET parent_id = NULL, province_id = NULL")
        cursor.execute(f"DELETE FROM {AdministrativeUnit._meta.db_table}")
    for label in ("load_country_empty", "load_country_again"):
        cpu, start = time.process_time(), time.perf_counter()
        counts = load_country()
        results[label] = {
            "wall_s": round(time.perf_counter() - start, 2),
            "cpu_s": round(time.process_time() - cpu, 2),
            "counts": counts,
        }

    rng = random.Random(20)
    units = list(province_units().filter(level="commune").values_list("pk", "valid_from", "valid_to"))
    sectors = list(Sector.objects.filter(version="2018", level=2))
    batch = []
    for index in range(enterprises):
        pk, valid_from, valid_to = rng.choice(units)
        recorded = valid_to or (valid_from + datetime.timedelta(days=rng.randint(0, 300)))
        batch.append(
            Enterprise(
                tax_code=f"B{index:09d}",
                name=f"Doanh nghiệp {index}",
                area_id=pk,
                sector=rng.choice(sectors),
                recorded_on=recorded - datetime.timedelta(days=rng.randint(0, 400)) if valid_to else recorded,
                status="active",
            )
        )
    start = time.perf_counter()
    Enterprise.objects.bulk_create(batch, batch_size=5000)
    results["bulk_create_enterprises_s"] = round(time.perf_counter() - start, 2)
    for year, map_key in ((2024, "cu"), (2026, "cu"), (2026, "moi")):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            figures = figures_by_area(year, map_key)
            elapsed = time.perf_counter() - start
        results[f"figures_{year}_{map_key}"] = {
            "wall_s": round(elapsed, 3),
            "queries": len(queries),
            "rows": len(figures["rows"]),
            "splits": len(figures["splits"]),
            "total": figures["total"],
        }
    Enterprise.objects.filter(tax_code__startswith="B").delete()
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/dx_units_bench")
    parser.add_argument("--enterprises", type=int, default=100_000)
    parser.add_argument("--out", default=str(ROOT / "bench" / "results"))
    args = parser.parse_args()

    recreate(args.database_url)
    results = {"database": urlparse(args.database_url).scheme, "migrate": run_migrate(args.database_url)}
    results.update(in_django(args.database_url, args.enterprises))
    results["migrate_plus_units_wall_s"] = results["migrate"]["wall_s"]  # migrate already loads the units
    results["load_avg"] = os.getloadavg()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "migrate.json").write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str))
    print(json.dumps(results, indent=2, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main()
