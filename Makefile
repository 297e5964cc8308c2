# Two commands for a newcomer: `make run` and `make test`. Everything else they need is here.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: stack-test run prod test test-only test-plain bench bench-deps install install-dev system-deps browser messages migrate demo lint format clean

run: install system-deps messages migrate demo
	@echo ""
	@echo "  Site:  http://$(HOST):$(PORT)/"
	@echo "  Admin: http://$(HOST):$(PORT)/admin/  (login: demo / kaohsiung-demo)"
	@echo ""
	$(MANAGE) runserver $(HOST):$(PORT)

# What production runs, on loopback: gunicorn, PostgreSQL, Redis, the task worker (docs/deploy.md).
prod: install system-deps
	deploy/prod.sh

test: install-dev system-deps browser messages test-only

# The suite alone, for CI's second pass against PostgreSQL. Two workers (pytest-xdist): each
# gets its own test database, and the suite takes half the time on two cores.
test-only:
	$(BIN)/pytest -n 2

# The public site's tests with core/prepared.py and cms/routing.py switched off (CI runs it).
test-plain:
	KIA_ACCELERATIONS=false $(BIN)/pytest tests/cms -n 2 -p no:cacheprovider

bench: install-dev system-deps bench-deps messages
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python benchmarks/run.py

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements-dev.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# Debian packages: gettext compiles catalogues, Noto CJK fonts let PDFs print
# Chinese, Japanese and Korean names.
system-deps:
	@command -v msgfmt >/dev/null && fc-list 2>/dev/null | grep -q "Noto Sans CJK" || \
		{ apt-get update -qq && apt-get install -y -qq gettext fonts-noto-cjk fontconfig >/dev/null; }

# The site benchmark loads gunicorn with wrk, Debian's C load generator.
bench-deps:
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

# Browser tests use Debian's chromium, never a downloaded browser build.
browser:
	@test -x /usr/bin/chromium || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

messages: install
	$(MANAGE) compilemessages --ignore=.venv -v0

migrate: install
	$(MANAGE) migrate --noinput -v0

demo: install
	$(MANAGE) load_demo

# lint-imports checks the contracts in pyproject.toml: layers (demo | config > cms > events > crm >
# core) and no import circles within an app.
lint: install-dev
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) var db.sqlite3

# Faults under load (deploy/stack_test.py): a killed gunicorn worker, Redis stopped, PostgreSQL
# restarted, the mail server down, a task worker killed mid-task. Cleans up after itself.
stack-test: install-dev messages
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres} \
		DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python deploy/stack_test.py
