"""Where does a built warehouse get the measure type wrong? Reads dev-a items only.

    .venv/bin/python benchmarks/measure_type_misses.py --corpus benchmarks/meaning_corpus_zh
        --warehouse /tmp/w/warehouse.duckdb [--split dev-a] [--cell flow:stock] [--cue 累计]
        [--limit 40]

Matches the dev gold figures to fct_figure rows as benchmarks/warehouse_accuracy.py does and
prints, for one dev half, the gold x warehouse confusion of measure types (a flow with a time basis
counts as a rate, as the scorer counts it), the wrong figures by the cue that decided them
(measure_cue, "-" when no cue word did), and, with --cell GOLD:READ or --cue WORD, the wrong
figures of that cell or cue with their sentence, so the largest cells can be read item by item.
The other dev half is counted in totals only.

On 2026-12-02 (main c349548, Chinese dev-a): 426 wrong of 2,284; the largest cells gold other read
stock (122: survey samples, counts of countries and fields, parts of a ranked list, caps), gold flow
read stock (101) and gold stock read flow (85: the ends of a level's change, "从X增长到Y", and values,
where the period-type model overrode the cue words).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS))

from warehouse_accuracy import DEV_PARTS, dev_gold, gold_measure_type, matched_rows, read_warehouse

TYPES = ("stock", "flow", "rate", "change", "share", "price", "other", None)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--warehouse", type=Path, required=True)
    parser.add_argument("--split", choices=["dev-a"], default="dev-a", help="the half whose items are read (dev-b is counted in totals only)")
    parser.add_argument("--cell", help="GOLD:READ, e.g. flow:stock: list that cell's figures")
    parser.add_argument("--cue", help="list the wrong figures this cue decided ('-' for none)")
    parser.add_argument("--limit", type=int, default=40)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    golds = dev_gold(args.corpus)
    warehouse = read_warehouse(args.warehouse)
    matched = matched_rows(golds, warehouse)
    pairs = []
    for gold in golds:
        row = matched.get(id(gold))
        if row is None or gold.get("measure_type") is None:
            continue
        pairs.append((gold, row, gold_measure_type(gold.fields), row["measure_type"]))
    for split in DEV_PARTS:
        chosen = [p for p in pairs if p[0].split == split]
        right = sum(g == r for _, _, g, r in chosen)
        print(f"{split}: measure type right {right}/{len(chosen)}")
    chosen = [p for p in pairs if p[0].split == args.split]
    confusion = Counter((g, r) for _, _, g, r in chosen)
    print(f"\n{args.split} confusion, gold (rows) x warehouse (columns):")
    names = [str(t) for t in TYPES]
    print(" " * 8 + "".join(f"{n:>8}" for n in names))
    for gold_type in TYPES[:-1]:
        print(f"{gold_type:>8}" + "".join(f"{confusion[(gold_type, t)]:>8}" for t in TYPES))
    wrong = [p for p in chosen if p[2] != p[3]]
    by_cue = Counter((row["measure_cue"] or "-", g, r) for _, row, g, r in wrong)
    print(f"\n{args.split} wrong figures by cue (cue, gold, read): {len(wrong)}")
    for (cue, g, r), count in by_cue.most_common(60):
        print(f"  {count:>4}  {cue!s:<12} gold {g:<7} read {r}")
    listed = wrong
    if args.cell:
        gold_type, read_type = args.cell.split(":")
        listed = [p for p in listed if p[2] == gold_type and str(p[3]) == read_type]
    if args.cue:
        listed = [p for p in listed if (p[1]["measure_cue"] or "-") == args.cue]
    if args.cell or args.cue:
        for gold, row, g, r in listed[: args.limit]:
            sentence = " ".join((row["sentence_text"] or "").split())
            at = sentence.find(row["surface_text"] or "")
            if at > 60:  # the words around the figure, where the cues are
                sentence = "…" + sentence[at - 60 :]
            print(f"\n[{g} read {r}, cue {row['measure_cue']}, ind {row['indicator_id']}, gold ind "
                  f"{gold.get('indicator')}] {row['surface_text']!r} {gold.document_id}\n  {sentence[:160]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
