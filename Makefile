# KhetDesk — two commands: `make run` and `make test` (and `make bench` for the figures).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test

.PHONY: run test bench lint typecheck sysdeps sysdeps-run clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(TSTAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP)

# Start the program: installs into .venv, creates the demo office when the database (in
# the user data directory, or $$KHETDESK_DB) has no users yet, then opens the GUI.
run: sysdeps-run $(STAMP)
	$(PY) -m desktop_app init --demo
	$(PY) -m desktop_app gui

# The whole suite, against a real SQLite file and a real PostgreSQL server that the
# tests start themselves. Missing system libraries are installed first (apt).
test: sysdeps $(TSTAMP)
	QT_QPA_PLATFORM=offscreen KHETDESK_REQUIRE_PG=1 KHETDESK_REQUIRE_DISPLAY=1 $(PY) -m pytest

# Every benchmark (tests/bench/*.py with benchmarks()), each against a baseline measured
# in the same run: one table on the screen, bench/results.json on disk. < 10 min, 2 cores.
bench: sysdeps $(TSTAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.bench

lint: $(TSTAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

typecheck: $(TSTAMP)
	$(PY) -m mypy

sysdeps:
	@PYTHON=$(PYTHON) bash .ci/sysdeps.sh test

sysdeps-run:
	@PYTHON=$(PYTHON) bash .ci/sysdeps.sh run

clean:
	rm -rf $(VENV) .pytest_cache
