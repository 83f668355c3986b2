"""The per-document stage's rows for every real document, written once and compared later, so a
change meant only for speed can be shown to leave every mention and meaning row as it was.

    .venv/bin/python benchmarks/document_rows_check.py --write /tmp/rows-before.jsonl
    ... change figures/ ...
    .venv/bin/python benchmarks/document_rows_check.py --compare /tmp/rows-before.jsonl

Documents: every one of benchmarks/meaning_corpus, benchmarks/meaning_corpus_zh and sources/
(ingested as the pipeline ingests them), and `--generated` documents of the scale benchmark's
corpus (benchmarks/corpus.py; 100 by default), each through
orchestration.defs.extraction.rows.document_mentions, the function the extraction step calls.
Each document also gets a row of what ingestion made of it (a digest of its clean text, its
sentences, date and title). Rows are written as JSON lines in document order with sorted keys;
floats keep their repr, so "identical" is exact. `--compare` gives a digest per document and lists
the documents that differ with the fields that differ.

It also prints CPU seconds per part of the stage for English and Chinese documents apart (one
core, this process, the collector frozen as in the extraction step's workers), per document and
per MB of clean text; `--repeat N` times the stage N times and prints each pass and the least,
`--profile N` prints the N functions with the most CPU of their own per language (cProfile).
Not a test: about a minute of CPU per pass.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import hashlib
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from figures.ingest import discover_documents, ingest_document, ingest_sources
from figures.quantities.chinese import reads_as_chinese
from orchestration.defs.extraction import rows as extraction

sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
from corpus import write_corpus
from stage_timing import DOCUMENT_STAGE_PARTS, timed_stage_parts

FOLDERS = (
    REPO_ROOT / "benchmarks" / "meaning_corpus" / "documents",
    REPO_ROOT / "benchmarks" / "meaning_corpus_zh" / "documents",
    REPO_ROOT / "sources",
)


def _job(label: str, document) -> tuple[str, str, tuple, dict]:
    sentences = [(s.index, s.start, s.end) for s in document.sentences]
    job = (document.document_id, document.clean_text, sentences, document.published_on, document.title)
    ingested = {
        "document": label,
        "ingested": hashlib.sha256(document.clean_text.encode("utf-8")).hexdigest(),
        "sentences": hashlib.sha256(json.dumps(sentences).encode()).hexdigest(),
        "published_on": document.published_on,
        "title": document.title,
    }
    return label, "zh" if reads_as_chinese(document.clean_text) else "en", job, ingested


def document_jobs(generated: int) -> tuple[list[tuple[str, str, tuple, dict]], dict[str, float]]:
    """(label, language, job, ingestion row) per document, and ingestion's CPU per language."""
    jobs, ingestion = [], defaultdict(float)
    for folder in FOLDERS:
        started = time.process_time()
        documents = ingest_sources(folder)
        spent = time.process_time() - started
        ok = [_job(f"{folder.relative_to(REPO_ROOT)}/{d.document_id}", d) for d in documents if d.status == "ok"]
        for language in ("en", "zh"):  # a folder's ingestion CPU shared out by clean-text size
            share = sum(len(j[2][1]) for j in ok if j[1] == language) / max(1, sum(len(j[2][1]) for j in ok))
            ingestion[language] += spent * share
        jobs += ok
    if generated:
        with tempfile.TemporaryDirectory(prefix="rows-check-") as folder:
            root = Path(folder)
            write_corpus(root, generated)
            started = time.process_time()
            documents = [ingest_document(ref, root) for ref in discover_documents(root)]
            ingestion["en"] += time.process_time() - started
        jobs += [_job(f"generated/{d.document_id}", d) for d in documents if d.status == "ok"]
    return jobs, ingestion


def timed_rows(jobs: list[tuple[str, str, tuple, dict]]) -> tuple[list[str], dict[str, dict[str, float]]]:
    """Every row as a JSON line (prefixed with its document's label), and per language the CPU per
    part with the total under "document_mentions"."""
    lines_by_label: dict[str, list[str]] = {}
    spent_by_language = {}
    for language in ("en", "zh"):
        with timed_stage_parts(extraction) as spent:
            started = time.process_time()
            for label, this_language, job, _ in jobs:
                if this_language != language:
                    continue
                lines_by_label[label] = [
                    json.dumps({"document": label, **row}, sort_keys=True, ensure_ascii=False, default=repr)
                    for row in extraction.document_mentions(*job)
                ]
            spent = dict(spent, document_mentions=time.process_time() - started)
        spent_by_language[language] = spent
    lines = []
    for label, _, _, ingested in jobs:
        lines.append(json.dumps(ingested, sort_keys=True, ensure_ascii=False))
        lines += lines_by_label[label]
    return lines, spent_by_language


def print_timing(jobs, ingestion: dict[str, float], spent: dict[str, dict[str, float]]) -> None:
    for language in ("en", "zh"):
        chosen = [job for _, this_language, job, _ in jobs if this_language == language]
        if not chosen:
            continue
        megabytes = sum(len(job[1].encode("utf-8")) for job in chosen) / 1e6
        total = spent[language]["document_mentions"]
        print(f"{language}: {len(chosen)} documents ({megabytes:.2f} MB of clean text); one core, CPU seconds:")
        rows = [("ingestion", ingestion[language]), ("document_mentions", total)]
        rows += [(f"  {name}", spent[language][name]) for name in DOCUMENT_STAGE_PARTS]
        rows.append(("  rows and the rest", total - sum(spent[language][name] for name in DOCUMENT_STAGE_PARTS)))
        for label, cpu in rows:
            print(f"  {label:<22} {cpu:7.2f} s  {1000 * cpu / len(chosen):7.1f} ms per document  "
                  f"{cpu / megabytes:6.2f} s per MB  {100 * cpu / total:5.1f}%")  # fmt: skip


def print_profile(jobs, top: int) -> None:
    import cProfile
    import pstats

    for language in ("en", "zh"):
        chosen = [job for _, this_language, job, _ in jobs if this_language == language]
        profiler = cProfile.Profile()
        profiler.runcall(lambda chosen=chosen: [extraction.document_mentions(*job) for job in chosen])
        stats = pstats.Stats(profiler)
        print(f"{language}: functions with the most time of their own (cProfile, {len(chosen)} documents):")
        own = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)[:top]  # type: ignore[attr-defined]
        for (path, line, function), (_, calls, own_seconds, cumulative, _) in own:
            where = f"{Path(path).parent.name}/{Path(path).name}:{line}" if line else path
            print(f"  {own_seconds:6.2f} s own, {cumulative:6.2f} s with callees, {calls:>9} calls  {function} ({where})")


def by_document(lines: list[str]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for line in lines:
        grouped[json.loads(line)["document"]].append(line)
    return grouped


def compare(before_lines: list[str], lines: list[str], jobs) -> bool:
    """Per document a digest of its rows before and now; lists the documents that differ."""
    before, now = by_document(before_lines), by_document(lines)
    language = {label: this_language for label, this_language, _, _ in jobs}
    differing = []
    for label in sorted(set(before) | set(now)):
        old, new = before.get(label, []), now.get(label, [])
        if hashlib.sha256("\n".join(old).encode()).digest() != hashlib.sha256("\n".join(new).encode()).digest():
            differing.append(label)
    for label in differing[:20]:
        old, new = before.get(label, []), now.get(label, [])
        print(f"DIFFERENT {label}: {len(old)} rows before, {len(new)} now")
        shown = 0
        for old_line, new_line in zip(old, new):
            if old_line == new_line:
                continue
            old_row, new_row = json.loads(old_line), json.loads(new_line)
            fields = sorted(k for k in set(old_row) | set(new_row) if old_row.get(k) != new_row.get(k))
            print(f"  {old_row.get('mention_id', 'ingested')}: " + "; ".join(
                f"{k} {old_row.get(k)!r} -> {new_row.get(k)!r}" for k in fields))  # fmt: skip
            shown += 1
            if shown == 5:
                break
    for this_language in ("en", "zh"):
        labels = [label for label in now if language.get(label) == this_language]
        figures = sum(len(now[label]) - 1 for label in labels)
        bad = [label for label in differing if language.get(label) == this_language]
        print(f"{this_language}: {'identical' if not bad else f'{len(bad)} documents DIFFER'} on "
              f"{len(labels)} documents / {figures} figures (every field of every row)")  # fmt: skip
    return not differing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", type=Path, metavar="FILE", help="write every row to FILE")
    action.add_argument("--compare", type=Path, metavar="FILE", help="compare every row with FILE")
    action.add_argument("--time-only", action="store_true", help="neither write nor compare")
    parser.add_argument("--generated", type=int, default=100, metavar="N", help="generated documents to add (100)")
    parser.add_argument("--repeat", type=int, default=1, metavar="N", help="timed passes (1)")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="print the N costliest functions")
    args = parser.parse_args()
    jobs, ingestion = document_jobs(args.generated)
    # as each worker of the extraction step starts: models and catalogs loaded, then set aside
    # from the collector (orchestration.incremental._start_worker); not timed
    extraction.warm_up_extraction()
    gc.freeze()
    atexit.register(gc.unfreeze)
    passes = []
    for number in range(args.repeat):
        lines, spent = timed_rows(jobs)
        passes.append(spent)
        print(f"pass {number + 1}: " + ", ".join(
            f"{language} {spent[language]['document_mentions']:.2f} s" for language in ("en", "zh")))  # fmt: skip
    least = {language: min((spent[language] for spent in passes), key=lambda s: s["document_mentions"])
             for language in ("en", "zh")}  # fmt: skip
    print(f"the least of {len(passes)} passes per language:")
    print_timing(jobs, ingestion, least)
    if args.profile:
        print_profile(jobs, args.profile)
    if args.write:
        args.write.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {args.write}: {len(lines)} rows")
    elif args.compare and not compare(args.compare.read_text(encoding="utf-8").splitlines(), lines, jobs):
        sys.exit(1)


if __name__ == "__main__":
    main()
