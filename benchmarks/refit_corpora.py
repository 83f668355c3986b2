"""Writes the two corpora that judge a model refit on documents neither model has seen.

    .venv/bin/python benchmarks/refit_corpora.py --language en|zh --since COMMIT [--out tmp/refit]

A refit's dev accuracy is in-sample, and the holdout is kept for the report. So a refit is judged
on the development documents added after the model in use was fitted (COMMIT: the one that last
wrote its JSON), on their dev-b half only, against a model fitted on the dev-a half only:

- OUT/<language>_fit: the dev-a documents (gold and text), to fit on (`train_*.py --corpus`);
- OUT/<language>_score: the dev-b documents whose gold files COMMIT did not have, to score the
  model in use and the half-fitted one on (`warehouse_accuracy.py --corpus`, the model's JSON
  copied over the one in use for the second run).

Neither model has read the scored documents. The folders are copies (ingestion does not follow
symbolic links) and sit inside the checkout by default, under the ignored tmp/.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
REPO_ROOT = BENCHMARKS.parent
sys.path.insert(0, str(BENCHMARKS / "meaning_corpus"))
from check_gold import part_of

CORPORA = {"en": BENCHMARKS / "meaning_corpus", "zh": BENCHMARKS / "meaning_corpus_zh"}


def gold_ids_at(commit: str, corpus: Path) -> set[str]:
    """The document ids whose gold files `commit` had."""
    listing = subprocess.run(
        ["git", "-C", str(REPO_ROOT), "ls-tree", "--name-only", commit, f"{corpus.relative_to(REPO_ROOT)}/gold/"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return {Path(line).stem for line in listing.split()}


def copy_documents(corpus: Path, ids: set[str], out: Path) -> None:
    """A corpus folder holding only these documents: gold, text, sidecar and the guide."""
    shutil.rmtree(out, ignore_errors=True)
    (out / "gold").mkdir(parents=True)
    for document_id in sorted(ids):
        shutil.copy(corpus / "gold" / f"{document_id}.yml", out / "gold")
        for path in corpus.glob(f"documents/*/*/{document_id}.*"):
            target = out / path.relative_to(corpus)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
    shutil.copy(corpus / "README.md", out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--language", choices=sorted(CORPORA), required=True)
    parser.add_argument("--since", required=True, help="the commit that last wrote the model in use")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "tmp" / "refit")
    args = parser.parse_args(argv)
    corpus = CORPORA[args.language]
    ids = {path.stem for path in (corpus / "gold").glob("*.yml")}
    seen = gold_ids_at(args.since, corpus)
    fit = {i for i in ids if part_of(i) == "dev-a"}
    score = {i for i in ids - seen if part_of(i) == "dev-b"}
    copy_documents(corpus, fit, args.out / f"{args.language}_fit")
    copy_documents(corpus, score, args.out / f"{args.language}_score")
    print(f"{args.language}: {len(fit)} dev-a documents to fit on, {len(score)} dev-b documents added since "
          f"{args.since} to score on, under {args.out}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
