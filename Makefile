# Atelier Self Data — one command per chore. CI runs `make lint` and `make test` through .ci/run.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
DB ?= var/selfdata.db
## App processes behind HAProxy (sticky sessions): one per core, at most 4. REPLICAS=1 is one
## process without HAProxy; without HAProxy installed, one process and a warning.
REPLICAS ?= $(shell n=$$(nproc 2>/dev/null || echo 1); [ "$$n" -gt 4 ] && n=4; echo $$n)

.PHONY: run test test-fast lint format bench bench-before-after schemas system-deps clean demo

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime-stamp: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-stamp: requirements.txt requirements-dev.txt $(VENV)/.runtime-stamp
	$(BIN)/pip install --quiet -r requirements.txt -r requirements-dev.txt
	touch $@

## Debian packages the tests need: a real browser, poppler (pdftotext/pdftoppm), PostgreSQL,
## HAProxy (the replicas of `make run`).
system-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v pdftoppm >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing="$$missing haproxy"; \
	command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "WARNING: missing system packages:$$missing (no root/apt: the tests that need them will say so)"; \
	  fi; \
	fi; \
	if ! command -v pg_ctl >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then \
	  echo "!!! WARNING: no PostgreSQL server: the store tests run on SQLite only, their PostgreSQL half is SKIPPED (a FAILURE under CI=true)"; \
	fi

## Start the app on an embedded SQLite database with the La Rochelle example offered:
## $(REPLICAS) app processes behind HAProxy (`make run REPLICAS=1`: one process, no HAProxy).
run: $(VENV)/.runtime-stamp
	@mkdir -p $(dir $(DB))
	@$(BIN)/python -c 'from selfdata.app.links import public_base_url; print("Atelier Self Data: open " + public_base_url($(PORT)) + " (the tablets use this address)")'
	@SELFDATA_DB=$(DB) $(BIN)/python -m selfdata health  # one clear line and no server if the database is unusable
	SELFDATA_DB=$(DB) SELFDATA_DEMO=la_rochelle $(BIN)/python -m selfdata serve --replicas $(REPLICAS) --port $(PORT)

## pytest with Python's bytecode cache on even where the environment turns it off (Docker
## images often do): otherwise every module, and every test file pytest rewrites for its
## assertions, is compiled again by every run and every worker (~4 s of CPU each).
PYTEST := PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest

## The whole suite in three runs: unit, integration and app (AppTest) on $(TEST_WORKERS)
## pytest-xdist workers (a file stays on one worker, so its module fixtures are built once);
## then the browser tests that time nothing on $(E2E_WORKERS) workers (each worker its own
## server, database and chromium; a file stays on one worker, so a story's tests run in
## order and share its screens; the longest files first, in the order of tests/conftest.py,
## which `--no-loadscope-reorder` keeps); then the browser tests marked `timing` (a latency
## or a delay asserted) alone, one after the other, on a machine left to them. All three
## always run; the target fails if any did.
CORES ?= $(shell n=$$(nproc 2>/dev/null || echo 1); [ "$$n" -gt 4 ] && n=4; echo $$n)
## One worker more than cores: a worker often waits (a server starting, PostgreSQL, a
## subprocess), and the spare one fills the gap. On the 2-core box, 2026-12-08, quiet: the
## non-browser part took 5 min 17 s on two workers and 4 min 48 s on three (8 min 12 s of
## user CPU both); the 65 untimed browser tests 6 min 09 s on three and 6 min 08 s on five
## (2026-12-07: bound by CPU, chromium's renderers about half of it).
TEST_WORKERS ?= $(shell echo $$(( $(CORES) + 1 )))
E2E_WORKERS ?= $(TEST_WORKERS)
test: $(VENV)/.dev-stamp system-deps
	$(PYTEST) -q -n $(TEST_WORKERS) --dist loadfile -m "not e2e"; a=$$?; \
	$(PYTEST) -q -n $(E2E_WORKERS) --dist loadfile --no-loadscope-reorder -m "e2e and not timing"; b=$$?; \
	$(PYTEST) -q -m "e2e and timing"; c=$$?; [ $$a -eq 0 ] && [ $$b -eq 0 ] && [ $$c -eq 0 ]

## The inner loop: the pure and SQLite tests of tests/unit (no PostgreSQL, no browser, no
## server, nothing marked slow, no PDF built and read back). 2,337 tests, 44 s of CPU
## (user+sys; 75 s before issue 24) on the shared 2-core box under load 10-15, 2026-12-07;
## re-measure with `/usr/bin/time -v make test-fast`.
FAST_MARKS := not e2e and not postgres and not slow and not pdf
test-fast: $(VENV)/.dev-stamp
	$(PYTEST) -q -m "$(FAST_MARKS)" tests/unit

lint: $(VENV)/.dev-stamp
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy selfdata pages workshop_app.py

format: $(VENV)/.dev-stamp
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Regenerate the published JSON Schemas in schemas/.
schemas: $(VENV)/.runtime-stamp
	$(BIN)/python -m selfdata schemas --out schemas

## Benchmarks: rewrites BENCHMARKS.md with ratios measured side by side in one run.
bench: $(VENV)/.dev-stamp system-deps
	$(BIN)/python -m bench.run

## The page, figure, engine and PDF benchmarks on an earlier commit and on this checkout, side
## by side (BENCHMARKS.md, "Before and after"). BEFORE defaults to the commit before issue 13.
BEFORE ?=
bench-before-after: $(VENV)/.dev-stamp system-deps
	BENCH_BEFORE=$(BEFORE) $(BIN)/python -m bench.run before_after

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache var
