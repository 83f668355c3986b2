"""Where the English or Chinese indicator chooser loses dev figures, out of fold: per dev half
(dev-a read, dev-b unread; meaning_corpus/README.md), how many gold indicators were chosen, and
of the missed ones whether the gold indicator was no candidate at all (cues and concept), a
candidate under the threshold, or outranked by another; and the picks where the gold has none.

    .venv/bin/python benchmarks/indicator_stages.py [--corpus DIR] [--fresh-after REV | --newest-batches N]
        [--leave-batches-out] [--list] [--places]

Probabilities are out of fold (grouped by document, as benchmarks/train_indicator_chooser.py
fits the shipped learner and C; thresholds and floors those of the shipped model). With
--fresh-after, documents whose gold was added after that commit are counted apart: documents
no cue of the catalog was written from, the nearest thing on dev to unseen ones. --list prints
dev-a's misses and wrong picks only (dev-b's are never printed). Only dev documents are read.
--places counts, per group, the misses under the threshold by where the gold indicator's cue was
found (the figure's own noun or phrase, the near window, clause, sentence, the sentence before,
the lead; "synonym ..." when only a synonym proposed it) and the wrong picks, gold none or
another, by where the pick's cue was found: totals only.
--newest-batches N counts apart the documents of the N newest commits that added gold files
(the corpus's labelling batches); with --leave-batches-out, those documents are scored by a
chooser fitted without them (the shipped learner and C, on the other dev documents): how the
chooser does on documents labelled after it, the nearest thing on dev to unseen ones. Each line
also gives the share of gold indicators that are among the figures' candidates at all.
Losses after the chooser (dbt's unit, measure-type, owner-level and plausibility checks) show
only in benchmarks/warehouse_accuracy.py.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS))
sys.path.insert(0, str(BENCHMARKS / "meaning_corpus"))
import train_indicator_chooser as trainer
from check_gold import part_of

from figures.indicators import DEFAULT_CATALOG, load_chooser, read_catalog


def fresh_documents(corpus: Path, revision: str) -> set[str]:
    """Documents whose gold file was added after `revision`."""
    added = subprocess.run(
        ["git", "log", "--diff-filter=A", "--format=", "--name-only", f"{revision}..HEAD", "--", str(corpus / "gold")],
        capture_output=True, text=True, check=True, cwd=BENCHMARKS.parent,
    ).stdout.split()
    return {Path(path).stem for path in added}


def newest_batches(corpus: Path, count: int) -> set[str]:
    """Documents whose gold file was added by one of the `count` newest commits adding gold files."""
    def added(*arguments: str) -> list[str]:
        return subprocess.run(["git", "log", "--diff-filter=A", *arguments, "--", str(corpus / "gold")],
                              capture_output=True, text=True, check=True, cwd=BENCHMARKS.parent).stdout.split()  # fmt: skip

    commits = added("--format=%H")[:count]
    return {Path(path).stem for commit in commits for path in added("-1", "--format=", "--name-only", commit)}


def cue_place(figure, indicator_id: str) -> str:
    """Where the candidate's cue was found ("noun", "near", "clause", "sentence", ..., with
    "synonym" when only a synonym proposed it), from its evidence."""
    candidate = next(c for c in figure.candidates if c.indicator_id == indicator_id)
    return candidate.evidence.split(":")[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=BENCHMARKS / "meaning_corpus")
    parser.add_argument("--fresh-after", help="a commit: documents labelled after it are counted apart")
    parser.add_argument("--newest-batches", type=int, help="the documents of the N newest gold batches are counted apart")
    parser.add_argument("--leave-batches-out", action="store_true", help="score those with a chooser fitted without them")
    parser.add_argument("--list", action="store_true", help="print dev-a's misses and wrong picks")
    parser.add_argument("--places", action="store_true", help="count misses under the threshold and wrong picks by where the cue was found")
    args = parser.parse_args()
    chooser = load_chooser()
    learner = tuple(chooser.version.rsplit("-", 2)[-2:])
    config = (learner[0], float(learner[1])) if learner[0] in ("logistic", "boosted") else ("logistic", 0.3)
    catalog = read_catalog(DEFAULT_CATALOG)
    company = {i.indicator_id for i in catalog if i.level == "company"}
    trainer.NATIONAL_IDS.update(i.indicator_id for i in catalog if i.level == "national")
    trainer.COMPANY_IDS.update(company)
    figures, _ = trainer.dev_figures([args.corpus])
    language = figures[0].language
    fresh = fresh_documents(args.corpus, args.fresh_after) if args.fresh_after else set()
    if args.newest_batches:
        fresh = newest_batches(args.corpus, args.newest_batches)
    (probabilities,) = trainer.out_of_fold(figures, 5, config, 1)
    if args.leave_batches_out and fresh:
        probabilities.update(trainer.fitted_without(figures, fresh, config))
    rules = {id(f): trainer.rule_probabilities(f) for f in figures}
    chosen = trainer.decide(figures, probabilities, chooser.threshold_for(language), company,
                            chooser.floor_for(language), rules)  # fmt: skip
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    places: dict[tuple[str, str], dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for figure in figures:
        group = (part_of(figure.document_id), "fresh" if figure.document_id in fresh else "older")
        pick, gold, count = chosen[id(figure)], figure.gold_indicator, counts[group]
        count["classified"] += pick is not None
        count["right"] += pick is not None and pick == gold
        if pick is not None and gold is None:
            count["picked, gold none"] += 1
        if gold:
            count["gold"] += 1
            count["candidate"] += gold in {c.indicator_id for c in figure.candidates}
            if pick == gold:
                stage = "chosen"
            elif figure.restates is not None:
                stage = "restatement of a miss"
            elif gold not in {c.indicator_id for c in figure.candidates}:
                stage = "no candidate"
            else:
                stage = "under the threshold" if pick is None else "outranked"
            count[stage] += 1
            if stage == "under the threshold":
                places[group]["under"][cue_place(figure, gold)] += 1
        if pick is not None and pick != gold and figure.restates is None:
            places[group]["gold none" if gold is None else "other gold"][cue_place(figure, pick)] += 1
        if args.list and group[0] == "dev-a" and pick != gold and figure.restates is None:
            print(f"{figure.document_id} gold={gold} pick={pick} {figure.about}")
            for p, candidate in sorted(zip(probabilities[id(figure)], figure.candidates), key=lambda x: -x[0])[:3]:
                print(f"    {candidate.indicator_id} {p:.2f} {candidate.evidence}")
    apart = bool(args.fresh_after or args.newest_batches)
    how = "newest batches fitted without them, others out of fold" if args.leave_batches_out and fresh else "out of fold"
    print(f"{language} chooser {config[0]} {config[1]}, {how}; threshold {chooser.threshold_for(language)}, floor {chooser.floor_for(language)}")
    for group in sorted(counts):
        count = counts[group]
        if not apart and group[1] == "fresh":
            continue
        precision = count["right"] / max(count["classified"], 1)
        recall = count["chosen"] / max(count["gold"], 1)
        stages = ", ".join(f"{stage} {count[stage]}" for stage in ("no candidate", "under the threshold", "outranked", "restatement of a miss", "picked, gold none"))
        label = f"{group[0]} {group[1]}" if apart else group[0]
        share = count["candidate"] / max(count["gold"], 1)
        print(f"{label:16s} precision {precision:.1%} recall {recall:.1%} ({count['gold']} gold, {share:.1%} a candidate); missed: {stages}")
        if args.places:
            for kind, about in (("under", "under the threshold, the gold's cue"), ("gold none", "wrong picks, gold none, the pick's cue"),
                                ("other gold", "wrong picks, another gold, the pick's cue")):  # fmt: skip
                where = ", ".join(f"{place} {n}" for place, n in places[group][kind].most_common())
                print(f"{'':16s} {about}: {where or '-'}")


if __name__ == "__main__":
    main()
