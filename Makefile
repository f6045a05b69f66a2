# KhetDesk — two commands: `make run` and `make test` (and `make bench` for the figures,
# `make dist` and `make dist-check` for the installable bundle).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test
# Every PC gets the same versions: the lock files pin every package with its hashes
# (pip-compile --generate-hashes from pyproject.toml's ranges; `make lock` to bump them).
LOCK    := requirements.lock
DEVLOCK := requirements-dev.lock

.PHONY: run test bench lint typecheck sysdeps sysdeps-run clean lock dist dist-check

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml $(LOCK) | $(PY)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

$(TSTAMP): pyproject.toml $(DEVLOCK) | $(PY)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r $(DEVLOCK)
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@ $(STAMP)

# The lock files again, from pyproject.toml's ranges: the newest versions they allow. Run
# `make lock`, then `make test` and `make dist-check`, and commit both files together.
lock: | $(PY)
	$(PY) -m pip install --quiet 'pip-tools>=7.4'
	$(PY) -m piptools compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links --upgrade -o $(LOCK) pyproject.toml
	$(PY) -m piptools compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links --upgrade --extra test --extra dist \
	  -c $(LOCK) -o $(DEVLOCK) pyproject.toml

# Start the program: installs into .venv, creates the demo office when the database (in
# the user data directory, or $$KHETDESK_DB) has no users yet, then opens the GUI.
run: sysdeps-run $(STAMP)
	$(PY) -m desktop_app init --demo
	$(PY) -m desktop_app gui

# The whole suite, against a real SQLite file and a real PostgreSQL server that the
# tests start themselves. Missing system libraries are installed first (apt).
# Two passes: everything but the timing-sensitive races and kill loops on both cores
# (pytest-xdist, one file per worker; the long CLI fuzzing is there too), then those (slow,
# not fuzz) alone on a quiet machine.
TESTENV := QT_QPA_PLATFORM=offscreen KHETDESK_REQUIRE_PG=1 KHETDESK_REQUIRE_FAULTS=1 \
	KHETDESK_REQUIRE_DISPLAY=1
test: sysdeps $(TSTAMP)
	$(TESTENV) $(PY) -m pytest -n 2 --dist loadfile -m "not slow or fuzz"
	$(TESTENV) $(PY) -m pytest -m "slow and not fuzz"

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

# The installable bundle: dist/khetdesk/ (one folder, PyInstaller, packaging/khetdesk.spec).
dist: $(TSTAMP)
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist \
	  --workpath build packaging/khetdesk.spec

# The bundle on its own: env -i, another folder, the CLI and the board on Xvfb
# (tests/dist_check.py), after building it again from the sources as they are.
dist-check: sysdeps dist
	$(PY) -m tests.dist_check dist/khetdesk

clean:
	rm -rf $(VENV) .pytest_cache build dist
