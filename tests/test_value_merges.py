"""benchmarks/value_merges.py: which value rows put together facts the gold says differ."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))
_spec = importlib.util.spec_from_file_location("value_merges", BENCHMARKS / "value_merges.py")
value_merges = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(value_merges)
GoldFigure = value_merges.wa.GoldFigure


def gold(document_id: str, **fields) -> GoldFigure:
    base = {"indicator": "guide_fund_target_size", "geography": "china", "entity": None, "period": None,
            "status": "target", "rate_basis": None}  # fmt: skip
    return GoldFigure(document_id, 1, base | fields, published_on="2025-12")


def test_one_undated_fact_told_by_two_sites_is_one_fact():
    assert not value_merges.distinct_facts([gold("gig"), gold("tech")])


def test_a_target_and_an_outcome_of_the_same_size_are_two_facts():
    assert value_merges.distinct_facts([gold("gig"), gold("tech", status="actual")])


def test_two_indicators_are_two_facts_but_a_figure_without_one_is_not_a_second_fact():
    assert value_merges.distinct_facts(
        [gold("gig"), gold("tech", indicator="startup_fund_capital")]
    )
    assert not value_merges.distinct_facts([gold("gig"), gold("tech", indicator=None)])


def test_undated_figures_of_documents_published_apart_are_two_facts():
    later = GoldFigure("late", 1, gold("x").fields, published_on="2026-01")
    assert value_merges.distinct_facts([gold("gig"), later])
