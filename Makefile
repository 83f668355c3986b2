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

.PHONY: setup run test lint bench dev clean instance

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet uv==0.13.8

$(VENV)/.synced: $(BIN)/uv uv.lock pyproject.toml
	$(BIN)/uv sync --frozen --python $(BIN)/python
	touch $@

setup: $(VENV)/.synced

# Dagster's instance settings (one run at a time), unless DAGSTER_HOME already has its own.
instance:
	mkdir -p $(DAGSTER_HOME)
	test -s $(DAGSTER_HOME)/dagster.yaml || cp orchestration/instance/dagster.yaml $(DAGSTER_HOME)/dagster.yaml

run: setup instance
	$(BIN)/python -m orchestration.run

test: setup
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check figures orchestration tests expectations

dev: setup instance
	$(BIN)/dagster dev

clean:
	rm -rf $(VENV) warehouse dbt_project/target dbt_project/logs
