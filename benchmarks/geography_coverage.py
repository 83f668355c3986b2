"""Where the warehouse's geography goes wrong, by the rule that placed the figure: for every matched
dev figure, the geography_source fct_figure gives, whether the place is right, and when wrong whether
gold is null (the figure holds nowhere), the gold place is named in the figure's sentence, elsewhere
in the document, or nowhere in it (no rule could find it).

    .venv/bin/python benchmarks/geography_coverage.py --warehouse DIR [--corpus DIR] [--list]

Reads a warehouse warehouse_accuracy.py built. Counts per dev half; --list prints dev-a's wrong
figures (never dev-b's, never holdout's).
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--warehouse", type=Path, required=True)
    parser.add_argument("--list", action="store_true", help="list dev-a's wrongly placed figures")
    args = parser.parse_args()
    database = args.warehouse / "warehouse.duckdb"
    wh = read_warehouse(database)
    with closing(duckdb.connect(str(database), read_only=True)) as con:
        mentions = con.execute(
            "select document_id, sentence_id, entity_id from intermediate.int_entity_mentions_located "
            "where entity_kind = 'place'"
        ).fetchall()
        figure_rows = con.execute("select mention_id, sentence_id, owner_probability from staging.stg_mentions").fetchall()
    sentence_of = {mention_id: sentence_id for mention_id, sentence_id, _ in figure_rows}
    probability = {mention_id: owner_probability for mention_id, _, owner_probability in figure_rows}
    in_document: dict[str, set[str]] = {}
    in_sentence: dict[str, set[str]] = {}
    for document_id, sentence_id, entity_id in mentions:
        in_document.setdefault(document_id, set()).add(entity_id)
        in_sentence.setdefault(sentence_id, set()).add(entity_id)
    golds = dev_gold(args.corpus)
    matched = matched_rows(golds, wh)
    for half in DEV_PARTS:
        counts: Counter = Counter()
        totals: Counter = Counter()
        for gold in golds:
            row = matched.get(id(gold))
            if gold.split != half or row is None:
                continue
            source = row["geography_source"] or "(none)"
            placed = row["geography_id"]
            truth = gold.get("geography")
            totals[source] += 1
            if placed == truth:
                counts[(source, "right")] += 1
                continue
            if truth is None:
                kind = "gold null, entity" if gold.get("entity") else "gold null, no entity"
            elif truth == "china":
                kind = "gold china"
            elif truth in in_sentence.get(sentence_of.get(row["figure_id"], ""), set()):
                kind = "gold place in sentence"
            elif truth in in_document.get(gold.document_id, set()):
                kind = "gold place in document"
            else:
                kind = "gold place not found"
            counts[(source, kind)] += 1
            if args.list and half == "dev-a":
                print(f"  {gold.label} src={source} wh={placed} gold={truth} kind={kind} "
                      f"p={probability.get(row['figure_id'])} entity={row['entity_id']}: "
                      f"{' '.join(gold.fields['context'].split())[:170]}")
        print(f"{half}: matched figures by geography_source (right / wrong by kind)")
        kinds = sorted({k for _, k in counts})
        for source, n in totals.most_common():
            parts = ", ".join(f"{k} {counts[(source, k)]}" for k in kinds if counts[(source, k)])
            print(f"  {source:22} {n:5}: {parts}")
        wrong = Counter()
        for (source, kind), n in counts.items():
            if kind != "right":
                wrong[kind] += n
        print(f"  wrong by kind: {dict(wrong.most_common())}")


if __name__ == "__main__":
    main()
