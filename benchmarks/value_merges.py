"""Wrong merges: fct_indicator_value rows that put together what the gold says are different facts.

    .venv/bin/python benchmarks/value_merges.py --corpus DIR --warehouse DIR [--list]

Scores a warehouse warehouse_accuracy.py already built (its --warehouse folder). A row counts
when the reported observations it reconciles (no publication-date period, not quarantined) have
figures matching gold figures of two or more documents; it is a
wrong merge when those gold figures differ in a key field other than the indicator (place, owner,
period, status, rate basis: warehouse_accuracy.FACT_KEY) or name two different indicators. A gold
figure without an indicator is counted apart (the row filed a figure the catalog has no
indicator for: a classification error, not a merge). Only dev rows are counted (dev-a, dev-b and
rows spanning both halves); --list prints dev-a's wrong merges, never dev-b's or the holdout's.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS))
import warehouse_accuracy as wa

DEV_PARTS = ("dev-a", "dev-b", "dev")


def distinct_facts(golds: list[wa.GoldFigure]) -> bool:
    """Whether these gold figures (of one value row) state more than one fact."""
    keys = [wa.fact_key(g) for g in golds]
    others = {key[1:] for key in keys}
    indicators = {key[0] for key in keys if key[0] is not None}
    return len(others) > 1 or len(indicators) > 1


def merges(
    golds: list[wa.GoldFigure], wh: wa.Warehouse, every_key: bool = False
) -> dict[str, dict]:
    """Per dev part: cross-document rows, wrong merges (with their gold labels), rows with a
    gold figure without an indicator. every_key: also the observations a reconciled value leaves
    out (the key the cross-source cases of warehouse_accuracy.py count)."""
    results, _ = wa.score_figures(golds, wh)
    by_figure = {r.row["figure_id"]: r.gold for r in results if r.outcome == "found"}
    counts = {part: {"rows": 0, "wrong": [], "with_null_indicator": 0} for part in DEV_PARTS}
    for value_id, members in wh.reported_by_value.items():
        # what the reconciled value is made of: no publication-date periods, no quarantined figures
        if not every_key:
            members = [
                m for m in members if not m["period_is_fallback"] and not m["is_quarantined"]
            ]
        matched = [by_figure[m["figure_id"]] for m in members if m["figure_id"] in by_figure]
        documents = {g.document_id for g in matched}
        if len(documents) < 2:
            continue
        part = wa.split_of_documents(documents)
        if part not in DEV_PARTS:
            continue  # the holdout is read once, by whoever reports it
        counts[part]["rows"] += 1
        if any(g.get("indicator") is None for g in matched):
            counts[part]["with_null_indicator"] += 1
        if distinct_facts(matched):
            counts[part]["wrong"].append((value_id, sorted(g.label for g in matched)))
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=wa.DEFAULT_CORPUS)
    parser.add_argument(
        "--warehouse", type=Path, required=True, help="a folder warehouse_accuracy.py built"
    )
    parser.add_argument("--list", action="store_true", help="list dev-a's wrong merges")
    parser.add_argument("--every-key", action="store_true",
                        help="count every observation's key, publication-date periods and quarantined figures too")  # fmt: skip
    args = parser.parse_args(argv)
    corpus = args.corpus.resolve()
    golds = wa.load_gold(corpus, wa.corpus_documents(corpus))
    wh = wa.read_warehouse(args.warehouse / "warehouse.duckdb")
    counts = merges(golds, wh, args.every_key)
    for part in DEV_PARTS:
        c = counts[part]
        name = "dev, both halves" if part == "dev" else part
        print(f"{name:16s} cross-document value rows {c['rows']:4d}   wrong merges {len(c['wrong']):3d}   "
              f"with a gold figure without indicator {c['with_null_indicator']:3d}")  # fmt: skip
    if args.list:
        for value_id, labels in counts["dev-a"]["wrong"]:
            print(f"  dev-a wrong merge {value_id}: {'; '.join(labels)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
