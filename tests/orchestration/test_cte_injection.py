"""dbt's unit tests get their given rows as CTEs put in front of the model's SQL; the
orchestration's dbt (orchestration/dbt_command.py) finds the place from the SQL's first tokens
instead of dbt's whole sqlparse parse, and must give dbt's own result, byte for byte."""

from __future__ import annotations

from pathlib import Path

import dbt.compilation
import pytest
import sqlparse.engine.grouping
from dbt.contracts.graph.nodes import InjectedCTE

from orchestration.dbt_command import (
    _after_leading_with,
    _one_statement,
    inject_ctes_into_sql,
    use_quick_cte_injection,
)

MODELS = Path(__file__).resolve().parents[2] / "dbt_project" / "models"
CTES = [
    InjectedCTE(id="model.x.a", sql=" __dbt__cte__a as (\nselect 1 as one\n)"),
    InjectedCTE(id="model.x.b", sql=" __dbt__cte__b as (\nselect 'b' as bee\n)"),
]
CASES = [
    "with a as (select 1) select * from a",
    "WITH\n\n  a as (select 1) select * from a",
    "-- a comment\n/* and another */\nwith a as (select 1) select * from a",
    "with -- a comment after the with\n a as (select 1) select * from a",
    "with recursive a as (select 1) select * from a",
    "select 1 as one",
    "  select * from (with a as (select 1) select * from a)",
    "with a as (select 1) select * from a; select 2",
    "with a as (select ';') select * from a",
    "-- only a comment\n",
    "with",
]


@pytest.fixture(autouse=True)
def _sqlparse_limits_as_dbt_sets_them(monkeypatch):
    """dbt's command line lifts sqlparse's limits on tokens and depth (its --sqlparse default)."""
    monkeypatch.setattr(sqlparse.engine.grouping, "MAX_GROUPING_TOKENS", None)
    monkeypatch.setattr(sqlparse.engine.grouping, "MAX_GROUPING_DEPTH", None)


@pytest.mark.parametrize("sql", CASES + [path.read_text() for path in sorted(MODELS.rglob("*.sql"))])
def test_the_ctes_go_where_dbt_puts_them(sql):
    # dbt's own function, even where the quick one is already installed in this process
    dbts_own = getattr(dbt.compilation, "_inject_ctes_with_sqlparse", dbt.compilation.inject_ctes_into_sql)
    assert inject_ctes_into_sql(sql, CTES) == dbts_own(sql, CTES)
    assert inject_ctes_into_sql(sql, []) == sql


def test_the_models_take_the_quick_way_and_dbt_is_told_to():
    quick = [path.name for path in MODELS.rglob("*.sql") if _after_leading_with(path.read_text()) is not None]
    assert "int_figures_classified.sql" in quick and "int_figures_attributed.sql" in quick
    assert _after_leading_with("with recursive a as (select 1) select 1") is None
    # a `;` in a string or comment leaves one statement (the models' separators '; '), a real one not
    classified = (MODELS / "intermediate" / "int_figures_classified.sql").read_text()
    assert ";" in classified and _one_statement(classified)
    assert _one_statement("with a as (select ';') select * from a -- ;")
    assert not _one_statement("with a as (select 1) select * from a; select 2")

    original = dbt.compilation.inject_ctes_into_sql
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dbt.compilation, "inject_ctes_into_sql", original)
        patch.delattr(dbt.compilation, "_inject_ctes_with_sqlparse", raising=False)
        use_quick_cte_injection()
        assert dbt.compilation.inject_ctes_into_sql is inject_ctes_into_sql
        assert dbt.compilation._inject_ctes_with_sqlparse is original
