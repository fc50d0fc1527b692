# The two commands a newcomer needs: `make run` (the app with demo data) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
I18N_IGNORE := --ignore=.venv --ignore=var --ignore=staticfiles --ignore=test-artifacts

.PHONY: install run test lint format messages benchmark worker clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
		|| { echo "Alliance needs Python 3.11 or newer (found: $$($(PYTHON) --version))."; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	@echo "Alliance is starting on http://$(HOST):$(PORT)/"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Refresh the translation catalogues (needs gettext), then compile them.
messages: install
	$(BIN)/python manage.py makemessages -l fr -l en --no-location --no-obsolete $(I18N_IGNORE)
	$(BIN)/python manage.py compilemessages --ignore=.venv

benchmark: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py benchmark

worker: install
	$(BIN)/celery -A alliance worker --beat --loglevel INFO

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache .ruff_cache build *.egg-info
