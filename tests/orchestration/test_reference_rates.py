"""The reference FX rates are read from the bundled ECB file once per file and code version:
a refresh whose file and code are unchanged keeps the stored rows and loads nothing."""

from __future__ import annotations

import dagster as dg
import duckdb

from orchestration.defs.reference.assets import fx_reference_rates
from orchestration.resources import WarehouseResource
from orchestration.warehouse import read_build_state, record_build_state


def _run(warehouse: WarehouseResource) -> dict:
    result = dg.materialize([fx_reference_rates], resources={"warehouse": warehouse})
    assert result.success
    [materialization] = result.asset_materializations_for_node("fx_reference_rates")
    return {name: value.value for name, value in materialization.metadata.items()}


def _rates(warehouse: WarehouseResource) -> list[tuple]:
    with duckdb.connect(str(warehouse.build_database), read_only=True) as connection:
        return connection.execute("select * from raw.fx_rates order by currency, year").fetchall()


def test_unchanged_bundled_rates_are_not_read_again(tmp_path):
    warehouse = WarehouseResource(sources_dir=str(tmp_path / "sources"), warehouse_dir=str(tmp_path / "warehouse"))
    first = _run(warehouse)
    assert first["changed"] is True and first["dagster/row_count"] > 500
    stored = _rates(warehouse)
    loaded_at = read_build_state(warehouse.build_database)["raw_loaded_at"]

    again = _run(warehouse)
    assert again == {"changed": False, "fx_source_key": first["fx_source_key"]}
    assert read_build_state(warehouse.build_database)["raw_loaded_at"] == loaded_at  # nothing loaded

    # another file or code (another key): read again, and the same rows come out
    record_build_state(warehouse.build_database, fx_source_key="an older file")
    recomputed = _run(warehouse)
    assert recomputed["changed"] is True and recomputed["fx_source_key"] == first["fx_source_key"]
    assert _rates(warehouse) == stored
