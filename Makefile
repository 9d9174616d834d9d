# Atelier Self Data — one command per chore. CI runs `make test` through .ci/run.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
DB ?= var/selfdata.db

.PHONY: run test lint format bench schemas system-deps clean demo

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime-stamp: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-stamp: requirements.txt requirements-dev.txt $(VENV)/.runtime-stamp
	$(BIN)/pip install --quiet -r requirements.txt -r requirements-dev.txt
	touch $@

## Debian packages the tests need: a real browser, poppler (pdftotext/pdftoppm), PostgreSQL.
system-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v pdftoppm >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
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

## Start the app on an embedded SQLite database with the La Rochelle example loaded.
run: $(VENV)/.runtime-stamp
	@mkdir -p $(dir $(DB))
	@$(BIN)/python -c 'from selfdata.links import public_base_url; print("Atelier Self Data: open " + public_base_url($(PORT)) + " (the tablets use this address)")'
	SELFDATA_DB=$(DB) SELFDATA_DEMO=la_rochelle $(BIN)/streamlit run workshop_app.py --server.port $(PORT)

## The whole suite: unit, integration, app (AppTest), end-to-end (real browser).
test: $(VENV)/.dev-stamp system-deps
	$(BIN)/python -m pytest -q

lint: $(VENV)/.dev-stamp
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy selfdata

format: $(VENV)/.dev-stamp
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Regenerate the published JSON Schemas in schemas/.
schemas: $(VENV)/.runtime-stamp
	$(BIN)/python -m selfdata schemas --out schemas

## Benchmarks: rewrites BENCHMARKS.md with ratios measured side by side in one run.
bench: $(VENV)/.dev-stamp system-deps
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache var
