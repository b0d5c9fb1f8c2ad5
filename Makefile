# The README's two commands, `make run` and `make test`, and the steps they are made of.
PYTHON ?= python3
# Python writes the bytecode of what it imports (as it does by default), so that the test workers and
# every server or command a test starts read it instead of compiling Django, Wagtail and the
# project again (seconds per process) where the environment turned that off.
unexport PYTHONDONTWRITEBYTECODE
VENV ?= .venv
PY := $(VENV)/bin/python
# Packages are installed with uv (pinned here), which installs the same pinned requirements as pip
# in a fraction of the time; it does not byte-compile either: Python compiles what it imports.
UV_VERSION ?= 0.13.9
PIP := PIP_DISABLE_PIP_VERSION_CHECK=1 $(VENV)/bin/pip
UV_PIP := $(VENV)/bin/uv pip install --quiet --python $(PY)
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= storefront.settings.dev
# pytest-xdist workers for `make test` (one per core); each module's tests stay on one worker.
TEST_WORKERS ?= auto

.PHONY: run test install install-dev messages migrate demo serve worker lint check e2e-browser clean

run: install messages migrate demo serve

# Django's system checks and the missing-migrations check run as tests (tests/test_project_checks.py).
test: install-dev messages
	$(VENV)/bin/ruff check .
	DJANGO_SETTINGS_MODULE=storefront.settings.test $(PY) -m pytest -n $(TEST_WORKERS) --dist loadscope $(PYTEST_ARGS)

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/bin/uv: $(VENV)/bin/activate
	$(PIP) install --quiet uv==$(UV_VERSION)

$(VENV)/.installed: requirements.txt $(VENV)/bin/uv
	$(UV_PIP) -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/bin/uv
	$(UV_PIP) -r requirements-dev.txt
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
