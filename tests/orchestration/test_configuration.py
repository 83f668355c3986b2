"""Storage paths are configuration: the same code runs against other folders or mounts."""

from __future__ import annotations

import os
from pathlib import Path

from orchestration.definitions import defs
from orchestration.settings import configured_paths


def test_paths_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("SOURCES_DIR", str(tmp_path / "elsewhere" / "documents"))
    monkeypatch.setenv("WAREHOUSE_DIR", str(tmp_path / "mnt" / "warehouse"))
    paths = configured_paths()
    assert paths.sources_dir == tmp_path / "elsewhere" / "documents"
    assert paths.build_database == tmp_path / "mnt" / "warehouse" / "build" / "warehouse.duckdb"
    assert paths.published_database == tmp_path / "mnt" / "warehouse" / "warehouse.duckdb"


def test_relative_paths_are_made_absolute(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WAREHOUSE_DIR", "relative/warehouse")
    assert configured_paths().warehouse_dir == tmp_path / "relative" / "warehouse"
    assert os.environ["WAREHOUSE_DIR"] == str(tmp_path / "relative" / "warehouse")  # what dbt reads


def test_the_code_location_uses_the_configured_paths():
    warehouse = defs.resources["warehouse"]
    assert Path(warehouse.warehouse_dir) == Path(os.environ["WAREHOUSE_DIR"])
    assert Path(warehouse.sources_dir) == Path(os.environ["SOURCES_DIR"]).resolve()


def test_dbt_profile_reads_the_warehouse_folder_from_the_environment():
    profile = (Path(__file__).resolve().parents[2] / "dbt_project" / "profiles.yml").read_text()
    assert "env_var('WAREHOUSE_DIR')" in profile
