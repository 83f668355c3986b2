"""Looks up the ids the warehouse gives places and entities, for labelling `geography` and `entity`.

    python benchmarks/meaning_corpus/place_ids.py WORDS [WORDS ...]

Prints every entity of the seed (dbt_project/seeds/entities.csv) and every reference place the
warehouse adds (China's divisions and zones, world cities: orchestration/defs/reference/places.py)
whose name or an alias holds all the words given (case-insensitive; Chinese in either script as
the aliases hold it), seed rows first, as dbt's int_entity_catalog lets the seed win:

    $ python benchmarks/meaning_corpus/place_ids.py tianjin high-tech
    tianjin_binhai_high_tech_zone    Tianjin Binhai High-tech Zone    (reference; in tianjin; ...)

A gold label naming a place by another id can never match the warehouse's. A zone or park the
warehouse only finds in a document's own words ("found in text" in dim_entity) takes an id made
from the name as written there, which no list holds beforehand.
"""

from __future__ import annotations

import sys

from check_gold import catalog_rows


def entity_rows() -> list[tuple[str, dict]]:
    """(source, row) of the seed's entities, then of the reference places the seed does not hold."""
    seed, reference = catalog_rows()
    return [("seed", row) for row in seed] + [("reference", row) for row in reference]


def matching(rows: list[tuple[str, dict]], words: list[str]) -> list[tuple[str, dict]]:
    """The rows whose name or one alias holds every word (case-insensitive)."""
    wanted = [word.lower() for word in words]

    def names(row: dict) -> list[str]:
        return [row["name"], *(row.get("aliases") or "").split("|")]

    return [
        (source, row)
        for source, row in rows
        if any(all(word in name.lower() for word in wanted) for name in names(row) if name)
    ]


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    found = matching(entity_rows(), argv)
    for source, row in found:
        parent = row.get("parent_entity_id") or row.get("geography_id") or "-"
        print(f"{row['entity_id']:45} {row['name']:45} ({source}; in {parent}; {row.get('note') or ''})")
    if not found:
        print(f"no entity or reference place is named with {' '.join(argv)!r}: a slug of its own is fine")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
