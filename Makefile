# Wijkinfo — every target bootstraps what it needs. `make help` lists them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
PYTEST_ARGS ?=
# pytest-xdist workers: one per core (`auto`); PYTEST_WORKERS=0 runs in this process.
PYTEST_WORKERS ?= auto

.DEFAULT_GOAL := help

.PHONY: help run test checks suite lint format bench loadtest migrate demo messages lock clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Wijkinfo needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install --quiet -c constraints.txt -e .
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/pip install --quiet -c constraints.txt -e ".[dev]"
	@touch $@

run: $(VENV)/.installed ## Install, migrate, load the demo city (once) and serve it on http://localhost:$(PORT)
	@mkdir -p var
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo --port $(PORT)
	@echo "Portal:         http://localhost:$(PORT)/"
	@echo "Neighbourhoods: http://lunetten.localhost:$(PORT)/  http://oost.localhost:$(PORT)/  http://kanaleneiland.localhost:$(PORT)/"
	@echo "Admin:          http://localhost:$(PORT)/admin/  (admin / wijkinfo-demo)"
	$(MANAGE) runserver $(HOST):$(PORT)

test: lint checks suite ## Lint, check the project and migrations, and run the whole pytest suite

checks: $(VENV)/.installed-dev ## Django's system checks and a check for missing migrations
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

suite: $(VENV)/.installed-dev ## Only the pytest suite, on every core (PYTEST_ARGS=…, PYTEST_WORKERS=…)
	$(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev ## Lint only: ruff, and the layers between the apps (import-linter)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: $(VENV)/.installed-dev ## Format the code (ruff) and templates (djhtml)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	find . -path ./.venv -prune -o -name '*.html' -path '*templates*' -print | xargs $(BIN)/djhtml

bench: $(VENV)/.installed-dev ## Timings as ratios against floors, demo and city size (PostgreSQL, Redis, wrk)
	@command -v wrk >/dev/null || { echo "make bench needs wrk: apt-get install wrk"; exit 1; }
	$(BIN)/pytest tests/benchmarks/bench_pages.py -p no:cacheprovider -p no:randomly -q -s $(PYTEST_ARGS)
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/wijkinfo_bench} \
	REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/10} \
	$(BIN)/pytest tests/benchmarks/bench_city.py -p no:cacheprovider -p no:randomly -q -s $(PYTEST_ARGS)
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/wijkinfo_bench} \
	REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/10} \
	$(BIN)/pytest tests/benchmarks/bench_import.py -p no:cacheprovider -p no:randomly -q -s $(PYTEST_ARGS)

loadtest: $(VENV)/.installed-dev ## 64 clients for 60 s on PostgreSQL + Redis; a worker killed, Redis restarted (loopback)
	$(BIN)/python tests/benchmarks/loadtest.py

migrate: $(VENV)/.installed ## Apply database migrations
	@mkdir -p var
	$(MANAGE) migrate --no-input

demo: migrate ## Load the demo city (idempotent)
	$(MANAGE) load_demo --port $(PORT)

messages: $(VENV)/.installed-dev ## Update the interface catalogues (needs gettext) and compile them
	$(MANAGE) makemessages --all --ignore '.venv/*' --ignore 'var/*' --ignore 'tests/*'
	for po in locale/*/LC_MESSAGES/django.po; do $(BIN)/python tools/fill_catalogue.py $$po; done
	$(MANAGE) compilemessages --ignore '.venv/*'

lock: $(BIN)/python ## Re-pin constraints.txt from a fresh resolve
	$(BIN)/pip install --quiet --upgrade -e ".[dev,s3]"
	$(BIN)/pip freeze --exclude-editable | grep -v '^-e' > constraints.txt

clean: ## Remove the virtualenv and local data (database, media)
	rm -rf $(VENV) var
