"""Storage paths are configuration: the same code runs against other folders or mounts."""

from __future__ import annotations

import os
from pathlib import Path

from orchestration.definitions import defs
from orchestration.defs.transformation.assets import excluded_by_environment
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


def _rendered_profile(environment: dict[str, str]):
    """dbt's own reading of dbt_project/profiles.yml under the given environment."""
    from argparse import Namespace

    from dbt.config.profile import Profile, read_profile
    from dbt.config.renderer import ProfileRenderer
    from dbt.flags import set_from_args
    from dbt_common.context import set_invocation_context

    set_from_args(Namespace(), None)
    set_invocation_context(environment)
    raw = read_profile(str(Path(__file__).resolve().parents[2] / "dbt_project"))
    return Profile.from_raw_profiles(raw, "entrepreneurship_warehouse", ProfileRenderer({}))


def test_dbt_target_threads_and_duckdb_memory_are_configuration(tmp_path):
    environment = {"WAREHOUSE_DIR": str(tmp_path), "DBT_THREADS": "2", "DUCKDB_MEMORY_LIMIT": "768MB"}
    profile = _rendered_profile(environment)
    assert profile.target_name == "build"  # the local DuckDB file unless DBT_TARGET says otherwise
    assert profile.threads == 2
    assert profile.credentials.path == str(tmp_path / "build" / "warehouse.duckdb")
    assert profile.credentials.settings == {
        "memory_limit": "768MB", "preserve_insertion_order": False, "delim_join_as_cte": False
    }


def test_an_unknown_dbt_target_is_refused_by_name(tmp_path):
    import pytest
    from dbt_common.exceptions import DbtRuntimeError

    with pytest.raises(DbtRuntimeError, match="elsewhere"):
        _rendered_profile({"WAREHOUSE_DIR": str(tmp_path), "DBT_TARGET": "elsewhere"})


def test_every_warehouse_folder_gives_dbt_the_same_profile(monkeypatch, tmp_path):
    """dbt reuses a saved parse only under the profile it was made with: the orchestration names
    the build database relative to the build folder dbt runs in, so one parse serves every
    warehouse folder."""
    monkeypatch.delenv("DBT_DUCKDB_PATH", raising=False)
    monkeypatch.setenv("WAREHOUSE_DIR", str(tmp_path / "one"))
    configured_paths()
    relative = os.environ["DBT_DUCKDB_PATH"]
    assert not Path(relative).is_absolute()
    one, two = (
        _rendered_profile({"WAREHOUSE_DIR": str(tmp_path / name), "DBT_DUCKDB_PATH": relative})
        for name in ("one", "two")
    )
    assert one.credentials == two.credentials and one.credentials.path == relative


def test_dbt_runs_from_the_warehouse_build_folder(monkeypatch, tmp_path):
    import dbt.cli.main
    import dbt.compilation
    import pytest

    from orchestration.dbt_command import main
    from orchestration.dbt_server import SERVER_ENV

    monkeypatch.delenv(SERVER_ENV, raising=False)  # dbt in this process, not the session's server
    ran_in = []
    # main() points dbt's CTE injection at the project's own: undone after the test
    monkeypatch.setattr(dbt.compilation, "inject_ctes_into_sql", dbt.compilation.inject_ctes_into_sql)
    monkeypatch.setattr(dbt.cli.main, "cli", lambda: ran_in.append(Path.cwd()) or 0)
    monkeypatch.chdir(tmp_path)  # and back afterwards
    monkeypatch.setenv("WAREHOUSE_DIR", str(tmp_path / "warehouse"))
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 0
    assert ran_in == [tmp_path / "warehouse" / "build"]


def test_dbts_own_exclusion_variable_is_carried_into_the_command_line(monkeypatch):
    # dbt ignores DBT_EXCLUDE_RESOURCE_TYPES once the command line excludes unit tests itself
    monkeypatch.setenv("DBT_EXCLUDE_RESOURCE_TYPES", "test,unit_test seed")
    assert excluded_by_environment() == ["--exclude-resource-type", "test", "--exclude-resource-type", "seed"]
    monkeypatch.delenv("DBT_EXCLUDE_RESOURCE_TYPES")
    assert excluded_by_environment() == []


def _saved_profile_hash(saved_parse: Path) -> str:
    from dbt.contracts.graph.manifest import Manifest
    from dbt.parser.manifest import extended_mashumuro_decoder

    manifest = Manifest.from_msgpack(saved_parse.read_bytes(), decoder=extended_mashumuro_decoder)
    return manifest.state_check.profile_hash.checksum


def test_a_build_reuses_the_checkouts_saved_parse(seed_build):
    """dbt parses the whole project again when the profile differs from the one the saved parse
    was made with; the build's own saved parse then carries the other profile's hash."""
    from orchestration.resources import dbt_project

    checkout = dbt_project.manifest_path.parent / "partial_parse.msgpack"
    build = seed_build.warehouse_dir / "build" / "dbt_target" / "partial_parse.msgpack"
    assert _saved_profile_hash(build) == _saved_profile_hash(checkout)


def test_a_saved_parse_made_under_another_profile_is_made_again(monkeypatch):
    from orchestration.resources import _manifest_is_stale, prepare_dbt_manifest

    prepare_dbt_manifest()
    assert not _manifest_is_stale()
    monkeypatch.setenv("WAREHOUSE_DIR", "/another/warehouse")  # not in the profile dbt hashes
    assert not _manifest_is_stale()
    monkeypatch.setenv("DUCKDB_MEMORY_LIMIT", "3GB")  # in DuckDB's settings, which dbt hashes
    assert _manifest_is_stale()
