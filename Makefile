# digiweb: thin wrappers; read a target to see what it runs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask --app wsgi
PORT ?= 5000
PYTEST_ARGS ?=

.PHONY: run test lint format i18n catalogs migrate demo bench clean vnu

$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip==26.3
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

catalogs: $(VENV)/.installed
	$(PY) scripts/i18n.py compile

migrate: $(VENV)/.installed
	$(FLASK) db upgrade

demo: migrate catalogs
	$(FLASK) demo load

## make run: set everything up and serve http://127.0.0.1:$(PORT) on SQLite with the demo data
run: demo
	$(FLASK) run --host 127.0.0.1 --port $(PORT)

## make test: set everything up and run the whole suite (TEST_DATABASE_URL for PostgreSQL)
test: catalogs
	$(PY) -m pytest -n 2 $(PYTEST_ARGS)

## make vnu: the W3C's Nu HTML checker (npm package vnu-jar, run by Java) for
## tests/core/test_html_validity.py, under instance/vnu/
VNU_VERSION := 26.9.27
VNU_JAR := instance/vnu/node_modules/vnu-jar/build/dist/vnu.jar
vnu: $(VNU_JAR)
$(VNU_JAR):
	npm install --prefix instance/vnu --no-audit --no-fund --silent vnu-jar@$(VNU_VERSION)
	test -f $@

## make bench: 100,000 projects (instance/bench.db, or BENCH_DATABASE_URL), gunicorn + wrk
bench: catalogs
	@command -v wrk >/dev/null 2>&1 || { if [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && apt-get install -y -qq wrk; \
	else echo "wrk is missing: sudo apt-get install wrk"; exit 1; fi; }
	$(PY) bench/run.py $(BENCH_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

## make i18n: extract new strings into the catalogs, then compile them
i18n: $(VENV)/.installed
	$(PY) scripts/i18n.py update
	$(PY) scripts/i18n.py compile

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
