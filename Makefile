# kimai-tools: every target installs what it needs on first use (.venv, node_modules).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SPEC ?=
REGEN_ARGS := $(if $(SPEC),--spec $(SPEC))

.PHONY: install test test-offline lint regen check-generated compat demo bench bundle clean

install: $(STAMP) node_modules/.installed

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# make exits 2 whatever pytest's code: "no tests collected" (5) is said here, where the code is still known
test: install
	@$(PY) -m pytest $(SELECT) $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: that is a failure here." >&2; fi; exit $$status

# the suite without the live tier (tests/live: a real Kimai 2.31, which needs Debian 12 and root or its packages)
test-offline: SELECT = -m "not live"
test-offline: test

lint: $(STAMP)
	$(VENV)/bin/ruff check kimai_tools scripts tests bundle
	$(VENV)/bin/ruff format --check kimai_tools scripts tests bundle

# make regen SPEC=<pinned file name or path> | make regen KIMAI_URL=... KIMAI_USER=... KIMAI_PASSWORD=...
regen: $(STAMP)
	$(PY) scripts/regen.py $(REGEN_ARGS)

check-generated: $(STAMP)
	$(PY) scripts/regen.py --check

compat: $(STAMP)
	$(PY) scripts/compat.py

# the demo's Kimai is a Python fake: no node needed
demo: $(STAMP)
	$(PY) scripts/demo.py

bench: install
	$(PY) scripts/bench.py

# the Claude Desktop bundle, dist/kimai-tools-<version>.mcpb (bundle/build.py: wheels for every platform from PyPI)
bundle: install
	$(PY) bundle/build.py $(BUNDLE_ARGS)

clean:
	rm -rf $(VENV) node_modules .pytest_cache .ruff_cache
