# One command for each job; the README and CI use the same ones.
.PHONY: run test lint format setup bench e2e

run:        ## set up, migrate, load demo content, serve http://127.0.0.1:8000/
	scripts/run.sh

test:       ## checks, lint and the whole suite on SQLite and PostgreSQL
	scripts/test.sh

setup:
	scripts/setup.sh

lint:
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

format:
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

bench:      ## benchmark the public pages (not part of CI); see bench/README.md
	WITH_BENCH=1 scripts/setup.sh
	.venv/bin/python bench/run.py
