"""What the warehouse's geography misses are: dev figures whose place is wrong, tabulated by kind.

    .venv/bin/python benchmarks/geography_misses.py --warehouse DIR [--corpus DIR] [--show dev-a]

Reads a warehouse warehouse_accuracy.py built (DIR/warehouse.duckdb). Kinds, the first that fits:

- gold null, we a place: by whose figure the gold says it is (its `entity`): a company or
  organisation, a fund, a park, zone or single site (read from the entity's catalog kind and
  slug), or no one (gold entity null);
- gold a place, we null;
- world/abroad: either place is the world or lies outside China;
- carried: our place came from an earlier sentence (preceding_sentence, discourse_topic);
- subject not used: the gold place is the document's subject (a place its title names, or one
  the warehouse gave any figure of the document from its title, publisher or text) and ours is not;
- gold national, we a place; gold a place, we national;
- wrong level: one place lies in the other;
- wrong sibling: the rest.

Tables are printed for dev-a and dev-b as totals, with our geography_source beside each kind;
--show dev-a also lists dev-a's misses, one line each (never dev-b's, never the holdout's).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from contextlib import closing
from functools import cache
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

CARRIED = {"preceding_sentence", "discourse_topic"}
DOCUMENT_SOURCES = {"document_title", "document_publisher", "document_text"}
FUND_RE = re.compile(r"fund|capital|venture|invest|_vc\b|^vc_|partners|基金|资本|創投|创投")
SITE_RE = re.compile(
    r"park|zone|incubat|space|hub|cent(er|re)|street|base|accelerat|campus|town|valley|"
    r"university|college|school|institute|lab|园|区|孵化|空间|基地|中心|大学|学院"
)


def owner_kind(entity: str | None, catalog: dict[str, str]) -> str:
    if not entity:
        return "no owner"
    kind = catalog.get(entity)
    if kind == "place":
        return "park/zone/site"
    if FUND_RE.search(entity):
        return "fund"
    if SITE_RE.search(entity):
        return "park/zone/site"
    return "company/organisation"  # companies, organisations and owners the seed does not list


def ancestors(place: str, parent: dict[str, str]) -> list[str]:
    chain, seen = [], set()
    while place in parent and place not in seen:
        seen.add(place)
        place = parent[place]
        chain.append(place)
    return chain


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--warehouse", type=Path, required=True)
    parser.add_argument("--show", choices=("dev-a",), help="list dev-a's misses")
    parser.add_argument("--sentences", action="store_true", help="with --show, each miss's sentence too")
    args = parser.parse_args()
    database = args.warehouse / "warehouse.duckdb"
    wh = read_warehouse(database)
    with closing(duckdb.connect(str(database), read_only=True)) as con:
        entities = con.execute("select entity_id, kind, aliases, parent_entity_id, note from marts.dim_entity").fetchall()
        titles = dict(con.execute("select document_id, title from marts.dim_document").fetchall())
        probability = dict(con.execute("select mention_id, owner_probability from staging.stg_mentions").fetchall())
    catalog = {e: k for e, k, *_ in entities}
    parent = {e: p for e, _, _, p, _ in entities if p}
    countries = {e for e, k, _, _, note in entities if k == "place" and (note or "").startswith("country")}
    aliases = {e: [a for a in (al or "").split("|") if len(a) > 1] for e, k, al, _, _ in entities if k == "place"}

    def abroad(place: str) -> bool:
        chain = [place, *ancestors(place, parent)]
        return place == "world" or (place in countries and place != "china") or any(
            p in countries and p != "china" for p in chain[1:]
        )

    @cache
    def title_places(document_id: str) -> set[str]:
        title = titles.get(document_id) or ""
        found = set()
        for entity, names in aliases.items():
            for name in names:
                if re.search(r"[\u4e00-\u9fff]", name) and name in title or re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", title):
                    found.add(entity)
        return found - {"china", "world"}

    golds = dev_gold(args.corpus)
    matched = matched_rows(golds, wh)
    document_places: dict[str, set[str]] = {}
    for row in wh.figures.values():
        if row["geography_source"] in DOCUMENT_SOURCES and row["geography_id"]:
            document_places.setdefault(row["document_id"], set()).add(row["geography_id"])

    tables = {part: Counter() for part in DEV_PARTS}
    sources = {part: Counter() for part in DEV_PARTS}
    scored = Counter()
    lines = []
    for gold in golds:
        row = matched.get(id(gold))
        if row is None:
            continue
        scored[gold.split] += 1
        ours, theirs = row["geography_id"], gold.get("geography")
        if ours == theirs:
            continue
        source = row["geography_source"] or "-"
        if theirs is None:
            kind = f"gold null, we a place: {owner_kind(gold.get('entity'), catalog)}"
        elif ours is None:
            kind = "gold a place, we null"
        elif abroad(ours) or abroad(theirs):
            kind = "world/abroad"
        elif source in CARRIED:
            kind = "carried from an earlier sentence"
        elif theirs in title_places(gold.document_id) | document_places.get(gold.document_id, set()):
            kind = "document subject not used"
        elif theirs == "china":
            kind = "gold national, we a place"
        elif ours == "china":
            kind = "gold a place, we national"
        elif theirs in ancestors(ours, parent) or ours in ancestors(theirs, parent):
            kind = "wrong level"
        else:
            kind = "wrong sibling"
        tables[gold.split][kind] += 1
        sources[gold.split][(kind, source)] += 1
        if args.show and gold.split == args.show:
            context = " ".join(str(gold.get("context")).split())
            lines.append(
                f"{kind} | {gold.label} gold={theirs} ours={ours} src={source} "
                f"org={row['is_organisation_figure']} p={probability.get(row['figure_id'])} ent={row['entity_id']} "
                f"gold_ent={gold.get('entity')}: {context[:200]}"
                + (f"\n      [{' '.join((row['sentence_text'] or '').split())[:600]}]" if args.sentences else "")
            )
    for part in DEV_PARTS:
        total = sum(tables[part].values())
        print(f"{part}: {total} geography misses of {scored[part]} matched figures")
        for kind, n in sorted(tables[part].items(), key=lambda item: -item[1]):
            by_source = ", ".join(
                f"{s} {m}" for (k, s), m in sorted(sources[part].items(), key=lambda item: -item[1]) if k == kind
            )
            print(f"  {n:4}  {kind:48} ({by_source})")
    for line in sorted(lines):
        print(line)


if __name__ == "__main__":
    main()
