"""The per-document stage's rows for every real document, written once and compared later, so a
change meant only for speed can be shown to leave every mention and meaning row as it was.

    .venv/bin/python benchmarks/document_rows_check.py --write /tmp/rows-before.jsonl
    ... change figures/ ...
    .venv/bin/python benchmarks/document_rows_check.py --compare /tmp/rows-before.jsonl

Documents: every one of benchmarks/meaning_corpus, benchmarks/meaning_corpus_zh and sources/
(ingested as the pipeline ingests them), each through
orchestration.defs.extraction.assets.document_mentions, the function the extraction step calls.
Rows are written as JSON lines in document order with sorted keys; floats keep their repr, so
"identical" is exact. It also prints CPU seconds per part of the stage (one core, this process),
per document and per MB of clean text. Not a test: about a minute of CPU.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from figures.ingest import ingest_sources
from orchestration.defs.extraction import assets as extraction

sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
from stage_timing import DOCUMENT_STAGE_PARTS, timed_stage_parts

FOLDERS = (
    REPO_ROOT / "benchmarks" / "meaning_corpus" / "documents",
    REPO_ROOT / "benchmarks" / "meaning_corpus_zh" / "documents",
    REPO_ROOT / "sources",
)



def document_jobs() -> list[tuple[str, tuple]]:
    jobs = []
    for folder in FOLDERS:
        for document in ingest_sources(folder):
            if document.status != "ok":
                continue
            sentences = [(s.index, s.start, s.end) for s in document.sentences]
            label = f"{folder.relative_to(REPO_ROOT)}/{document.document_id}"
            jobs.append((label, (document.document_id, document.clean_text, sentences,
                                 document.published_on, document.title)))  # fmt: skip
    return jobs


def timed_rows(jobs: list[tuple[str, tuple]]) -> tuple[list[str], dict[str, float], float]:
    """Every row as a JSON line (prefixed with its document's label), CPU per part, total CPU."""
    extraction.document_mentions(*jobs[0][1])  # models and catalogs load once, not timed
    lines = []
    with timed_stage_parts(extraction) as spent:
        started = time.process_time()
        for label, job in jobs:
            for row in extraction.document_mentions(*job):
                lines.append(json.dumps({"document": label, **row}, sort_keys=True, ensure_ascii=False, default=repr))
        return lines, spent, time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", type=Path, metavar="FILE", help="write every row to FILE")
    action.add_argument("--compare", type=Path, metavar="FILE", help="compare every row with FILE")
    args = parser.parse_args()
    jobs = document_jobs()
    megabytes = sum(len(job[1].encode("utf-8")) for _, job in jobs) / 1e6
    lines, spent, total = timed_rows(jobs)
    print(f"{len(jobs)} documents ({megabytes:.2f} MB of clean text), {len(lines)} rows; one core, CPU seconds:")
    for label, cpu in [("document_mentions", total), *((f"  {name}", spent[name]) for name in DOCUMENT_STAGE_PARTS),
                       ("  rows and the rest", total - sum(spent.values()))]:  # fmt: skip
        print(f"  {label:<22} {cpu:7.2f} s  {1000 * cpu / len(jobs):7.1f} ms per document  "
              f"{cpu / megabytes:6.2f} s per MB  {100 * cpu / total:5.1f}%")  # fmt: skip
    if args.write:
        args.write.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {args.write}")
        return
    before = args.compare.read_text(encoding="utf-8").splitlines()
    differing = [(old, new) for old, new in zip(before, lines) if old != new]
    if len(before) != len(lines):
        print(f"DIFFERENT: {len(before)} rows before, {len(lines)} now")
    for old, new in differing[:5]:
        print(f"DIFFERENT row:\n  before {old}\n  now    {new}")
    if differing or len(before) != len(lines):
        print(f"{len(differing)} rows differ")
        sys.exit(1)
    print(f"identical: all {len(lines)} rows")


if __name__ == "__main__":
    main()
