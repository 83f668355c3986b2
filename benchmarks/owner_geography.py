"""Where the warehouse places an organisation's figures: of the matched dev figures whose gold
`entity` is set and `geography` null (an organisation's figure that holds nowhere in
particular), how many fct_figure places, by geography_source, and the owner probability
figures.owners gave them; beside them the figures whose gold gives a place, to see the cost.

    .venv/bin/python benchmarks/owner_geography.py --warehouse DIR [--corpus DIR]

Reads a warehouse warehouse_accuracy.py built (--warehouse DIR/warehouse.duckdb). Counts only,
per dev half; --list prints dev-a's organisation figures the warehouse places (never dev-b's,
never holdout's).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from contextlib import closing
from pathlib import Path

import duckdb

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS))
from warehouse_accuracy import (
    DEFAULT_CORPUS,
    DEV_PARTS,
    dev_gold,
    matched_rows,
    read_warehouse,
)

BANDS = ((0.0, 0.1), (0.1, 0.3), (0.3, 0.5), (0.5, 1.01))


def band(p: float | None) -> str:
    if p is None:
        return "none"
    return next(f"{lo:.1f}-{min(hi, 1.0):.1f}" for lo, hi in BANDS if lo <= p < hi)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--warehouse", type=Path, required=True)
    parser.add_argument("--list", action="store_true", help="list dev-a's placed organisation figures")
    args = parser.parse_args()
    database = args.warehouse / "warehouse.duckdb"
    wh = read_warehouse(database)
    with closing(duckdb.connect(str(database), read_only=True)) as con:
        probability = dict(con.execute("select mention_id, owner_probability from staging.stg_mentions").fetchall())
    golds = dev_gold(args.corpus)
    matched = matched_rows(golds, wh)
    for half in DEV_PARTS:
        organisation = Counter()
        organisation_bands = Counter()
        placed_gold = Counter()
        for gold in golds:
            row = matched.get(id(gold))
            if gold.split != half or row is None:
                continue
            p = probability.get(row["figure_id"])
            if gold.get("entity") and gold.get("geography") is None:
                source = row["geography_source"] if row["geography_id"] else "(not placed: right)"
                organisation[source] += 1
                organisation_bands[(row["geography_id"] is not None, band(p))] += 1
                if args.list and half == "dev-a" and row["geography_id"]:
                    print(f"  {gold.label} p={p} src={row['geography_source']} geo={row['geography_id']} "
                          f"entity={row['entity_id']} gold_entity={gold.get('entity')}: "
                          f"{' '.join(gold.fields['context'].split())[:160]}")
            elif gold.get("geography") is not None:
                placed_gold["placed" if row["geography_id"] else "not placed (wrong)"] += 1
                if not row["geography_id"]:
                    placed_gold[f"  not placed, owner p {band(p)}"] += 1
                    if args.list and half == "dev-a":
                        print(f"  unplaced {gold.label} p={p} gold={gold.get('geography')} "
                              f"entity={row['entity_id']} owner={row.get('owner_name')}: "
                              f"{' '.join(gold.fields['context'].split())[:160]}")
        total = sum(organisation.values())
        print(f"{half}: organisation figures (gold entity set, geography null): {total}; "
              f"placed by the warehouse: {total - organisation['(not placed: right)']}")
        for source, n in organisation.most_common():
            print(f"    {source:32} {n}")
        print("    owner probability of placed / not placed:")
        for (placed, b), n in sorted(organisation_bands.items()):
            print(f"      {'placed' if placed else 'not placed':10} p {b:8} {n}")
        print(f"  gold figures with a place: {placed_gold['placed'] + placed_gold['not placed (wrong)']}; "
              + "; ".join(f"{k}: {v}" for k, v in sorted(placed_gold.items()) if k != "placed"))


if __name__ == "__main__":
    main()
