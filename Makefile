# Two entry points a newcomer needs: `make run` and `make test`.
# Only Python 3.11, pip, make and git are assumed; everything else comes from the lock file.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export UV_PROJECT_ENVIRONMENT := $(abspath $(VENV))
export UV_PYTHON_DOWNLOADS := never
export WAREHOUSE_DIR ?= $(abspath warehouse)
# Dagster's run history for `make dev` and `make run`; the tests use an ephemeral instance.
export DAGSTER_HOME ?= $(abspath .dagster_home)

.PHONY: setup run test lint bench dev clean instance docs browser

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet uv==0.13.8

# Installed packages are compiled to bytecode once, here: without it every process (each
# `make run`, dbt invocation, test worker) compiles Dagster's, dbt's and pandas' sources again
# whenever the environment forbids writing __pycache__ (PYTHONDONTWRITEBYTECODE): 3 of the 7 s of
# CPU `import orchestration.definitions` took.
$(VENV)/.synced: $(BIN)/uv uv.lock pyproject.toml
	$(BIN)/uv sync --frozen --compile-bytecode --python $(BIN)/python
	touch $@

setup: $(VENV)/.synced

# Dagster's instance settings (one run at a time), unless DAGSTER_HOME already has its own.
instance:
	mkdir -p $(DAGSTER_HOME)
	test -s $(DAGSTER_HOME)/dagster.yaml || cp orchestration/instance/dagster.yaml $(DAGSTER_HOME)/dagster.yaml

run: setup instance
	$(BIN)/python -m orchestration.run

# Two pytest-xdist workers (the development machine and CI have two cores); tests sharing a built
# warehouse stay on one worker, and the expensive ones are handed out first, in the order
# tests/conftest.py puts them (hence no reordering by xdist). A bare `python -m pytest` runs in
# one process.
TEST_WORKERS ?= 2
test: setup
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup --no-loadscope-reorder

lint: setup
	$(BIN)/ruff check figures orchestration tests expectations analyst_outputs examples

# The pages written beside the warehouse on each publish (indicator explorer, quality findings,
# data dictionary and exports, dbt docs), served on this machine only.
DOCS_PORT ?= 8080
docs: setup
	@test -f $(WAREHOUSE_DIR)/for_analysts/index.html || { echo "No pages yet under $(WAREHOUSE_DIR)/for_analysts: run make run first."; exit 1; }
	@echo "Explorer: http://127.0.0.1:$(DOCS_PORT)/   dbt docs: http://127.0.0.1:$(DOCS_PORT)/docs/   (Ctrl-C stops)"
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory $(WAREHOUSE_DIR)/for_analysts $(DOCS_PORT)

# The browser tests (tests/analyst_outputs/test_browser.py) drive Debian's Chromium; this installs
# it when missing (as root, or with sudo). Playwright never downloads a browser of its own here.
browser:
	@test -x /usr/bin/chromium || { \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

dev: setup instance
	$(BIN)/dagster dev

clean:
	rm -rf $(VENV) warehouse dbt_project/target dbt_project/logs
