# The README's two commands, `make run` and `make test`, and the steps they are made of.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
# No byte-compiling at install: Python compiles what it imports, a fraction of what is installed.
PIP := PIP_DISABLE_PIP_VERSION_CHECK=1 $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= storefront.settings.dev
# pytest-xdist workers for `make test` (one per core); each module's tests stay on one worker.
TEST_WORKERS ?= auto

.PHONY: run test install install-dev messages migrate demo serve worker lint check e2e-browser clean

run: install messages migrate demo serve

test: install-dev messages
	DJANGO_SETTINGS_MODULE=storefront.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=storefront.settings.test $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/ruff check .
	DJANGO_SETTINGS_MODULE=storefront.settings.test $(PY) -m pytest -n $(TEST_WORKERS) --dist loadscope $(PYTEST_ARGS)

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt $(VENV)/bin/activate
	$(PIP) install --quiet --no-compile -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/bin/activate
	$(PIP) install --quiet --no-compile -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
	@scripts/ensure-system-packages.sh

install-dev: $(VENV)/.installed-dev
	@scripts/ensure-system-packages.sh --browser

messages:
	$(PY) manage.py compilemessages --ignore=.venv -v0

migrate:
	$(PY) manage.py migrate --noinput -v1

demo:
	$(PY) manage.py seed_demo

serve:
	@echo "Serving Etalase Malang on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	$(PY) manage.py runserver $(HOST):$(PORT)

worker:
	$(PY) manage.py db_worker

lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

clean:
	rm -rf $(VENV) var db.sqlite3
