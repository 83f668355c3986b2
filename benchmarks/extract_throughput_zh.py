"""Throughput of figures.quantities.extract on Chinese text, one process on one core.

    .venv/bin/python benchmarks/extract_throughput_zh.py [--mb 20] [--traditional-share 0.5]

The corpus is the clean text of the real documents of `meaning_corpus_zh/` (simplified and
traditional script, pinyin-glossed reprints included), paragraphs shuffled and repeated into
documents of about 5 KB until the corpus holds --mb megabytes of UTF-8. It prints MB/s of
UTF-8 (a Chinese character is 3 bytes: 1 MB/s is about 330,000 characters a second), the
characters a second, and the figure density against the corpus's (figures per 1,000
characters). The first call includes cn2an's import and caches; it is timed separately.
Throughput is given per CPU second of this process (what one core does, even when other
processes share the machine) and per wall-clock second. Not a test: numbers depend on the
machine.
"""

import argparse
import random
import sys
import time
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS.parent))

from figures.ingest import ingest_sources
from figures.quantities import extract

CORPUS = BENCHMARKS / "meaning_corpus_zh" / "documents"
DOCUMENT_CHARS = 5_000


def build_corpus(megabytes: float, seed: int) -> list[str]:
    paragraphs = [
        paragraph
        for document in ingest_sources(CORPUS)
        for paragraph in document.clean_text.split("\n\n")
    ]
    rng = random.Random(seed)
    documents, size = [], 0
    while size < megabytes * 1e6:
        picked, chars = [], 0
        while chars < DOCUMENT_CHARS:
            paragraph = rng.choice(paragraphs)
            picked.append(paragraph)
            chars += len(paragraph) + 2
        document = "\n\n".join(picked)
        documents.append(document)
        size += len(document.encode("utf-8"))
    return documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB of UTF-8 (default 20)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    documents = build_corpus(args.mb, args.seed)
    size = sum(len(d.encode("utf-8")) for d in documents)
    chars = sum(len(d) for d in documents)
    started = time.perf_counter()
    extract(documents[0])
    first = time.perf_counter() - started
    started, cpu_started = time.perf_counter(), time.process_time()
    found = sum(len(extract(document)) for document in documents[1:])
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    timed_bytes = size - len(documents[0].encode("utf-8"))
    timed_chars = chars - len(documents[0])
    print(f"corpus: {size / 1e6:.1f} MB UTF-8, {chars:,} characters in {len(documents)} documents")
    print(f"first document (imports, caches): {first * 1000:.0f} ms")
    print(
        f"figures.quantities on Chinese: {timed_bytes / 1e6 / cpu:.2f} MB/s per CPU second "
        f"({timed_chars / cpu:,.0f} characters/s; {cpu:.1f} s CPU), "
        f"{timed_bytes / 1e6 / elapsed:.2f} MB/s wall clock ({elapsed:.1f} s)"
    )
    print(f"{found:,} quantities, {1000 * found / timed_chars:.1f} per 1,000 characters")


if __name__ == "__main__":
    main()
