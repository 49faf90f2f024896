# Network Portal — the commands a developer and CI need. `make help` lists them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
LOCAL := DJANGO_SETTINGS_MODULE=network_portal.settings.local
TEST := DJANGO_SETTINGS_MODULE=network_portal.settings.test
SERVICES := DATABASE_URL=$${DATABASE_URL:-postgres://127.0.0.1:5432/network_portal} \
            REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/0}
BENCH := BENCH_DATABASE_URL=$${BENCH_DATABASE_URL:-postgres://127.0.0.1:5432/np_bench} \
         BENCH_REDIS_URL=$${BENCH_REDIS_URL:-redis://127.0.0.1:6379/6}

.PHONY: help run test lint format migrations-check messages translations services worker beat up \
        install system-packages browser clean lock audit bench

help: ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

# --- environment ------------------------------------------------------------------------
$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv

$(VENV)/.installed: requirements/dev.txt | $(BIN)/uv
	$(BIN)/uv pip sync --quiet --python $(BIN)/python --require-hashes requirements/dev.txt
	@touch $@

install: system-packages $(VENV)/.installed ## create .venv with the locked dependencies

system-packages: ## install the Debian packages the project needs (gettext)
	@command -v msgfmt >/dev/null || { echo "Installing gettext ..."; \
	  (apt-get update -qq && apt-get install -y -qq gettext >/dev/null) || \
	  { echo "Cannot install gettext (msgfmt); install it with apt." >&2; exit 1; }; }

browser: ## install Debian's Chromium for the end-to-end tests (never a downloaded browser)
	@command -v chromium >/dev/null || { echo "Installing chromium ..."; \
	  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || \
	  { echo "Cannot install chromium; install it with apt." >&2; exit 1; }; }

lock: | $(BIN)/uv ## recompile requirements/*.txt from pyproject.toml (versions and hashes)
	$(BIN)/uv pip compile pyproject.toml --quiet --generate-hashes --no-emit-index-url \
	  -o requirements/base.txt
	$(BIN)/uv pip compile pyproject.toml --quiet --extra dev --generate-hashes \
	  --no-emit-index-url -o requirements/dev.txt

messages: install ## compile the translation catalogues
	@$(LOCAL) $(BIN)/python manage.py compilemessages --ignore '.venv' -v0

translations: install ## update locale/de from the code and templates
	$(LOCAL) $(BIN)/python manage.py makemessages -l de --ignore '.venv/*' \
	  --ignore 'staticfiles/*' --no-obsolete --add-location file

# --- the two commands -------------------------------------------------------------------
run: messages ## serve the portal with demo data at http://127.0.0.1:8000 (SQLite, no services)
	$(LOCAL) $(BIN)/python manage.py migrate --noinput -v0
	$(LOCAL) $(BIN)/python manage.py seed_demo
	$(LOCAL) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: messages services browser lint migrations-check ## ruff, migrations check and all tests on PostgreSQL + Redis
	$(BIN)/pytest

lint: install ## ruff check, format check and bandit (no medium or high findings)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/bandit -c pyproject.toml -r . -q --severity-level medium

audit: lint ## bandit, and pip-audit of the locked dependencies (needs PyPI's advisory service)
	$(BIN)/pip-audit --disable-pip --no-deps --progress-spinner off -r requirements/base.txt

format: install ## apply ruff's fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: install services ## fail when a model change has no migration
	$(TEST) $(BIN)/python manage.py makemigrations --check --dry-run

services: ## start local PostgreSQL and Redis if stopped; fail clearly if unreachable
	@$(SERVICES) bin/ensure-services

bench: messages services ## benchmark at network scale: dataset, gunicorn, Celery, load (~6 min)
	$(BENCH) $(BIN)/python -m bench.run

# --- operations -------------------------------------------------------------------------
worker: install services ## a Celery worker on Redis
	$(SERVICES) $(LOCAL) $(BIN)/celery -A network_portal worker --loglevel INFO --concurrency 2

beat: install services ## the Celery beat scheduler (run exactly one)
	$(SERVICES) $(LOCAL) $(BIN)/celery -A network_portal beat --loglevel INFO \
	  --schedule $(VENV)/celerybeat-schedule

up: messages services ## web (gunicorn) + worker + beat on PostgreSQL and Redis
	$(SERVICES) $(LOCAL) $(BIN)/python manage.py migrate --noinput -v0
	$(SERVICES) $(LOCAL) $(BIN)/python manage.py seed_demo
	$(SERVICES) $(LOCAL) PORT=$(PORT) $(BIN)/honcho start -f Procfile

clean: ## remove the environment, the SQLite database and caches
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache
