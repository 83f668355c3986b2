"""Writes china_divisions.csv from the division table of jionlp (pip package jionlp, Apache-2.0;
jionlp/dictionary/china_location.zip, china_location.txt: provinces, prefectures and counties with
their division codes, as published by the Ministry of Civil Affairs), keeping the three levels
the reference places use (no towns or villages).

    python orchestration/defs/reference/data/make_china_divisions.py PATH/TO/jionlp-X.whl
"""

from __future__ import annotations

import csv
import io
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent / "china_divisions.csv"


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as outer:
        inner = zipfile.ZipFile(io.BytesIO(outer.read("jionlp/dictionary/china_location.zip")))
    text = inner.read("china_location.txt").decode("utf-8")
    rows, parents = [], {}
    for line in text.splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        parts = line.strip().split("\t")
        if depth > 2 or len(parts) < 2 or not parts[1].isdigit():
            continue
        name, code = parts[0], parts[1]
        parents[depth] = code
        # a municipality is listed twice, as province and as its own city (上海市 310000)
        parent = parents.get(depth - 1, "") if depth else ""
        if depth and code == parent:
            continue
        rows.append((code, name, parent if depth else ""))
    rows.sort()
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["adcode", "name", "parent_adcode"])
        writer.writerows(rows)


if __name__ == "__main__":
    main(sys.argv[1])
