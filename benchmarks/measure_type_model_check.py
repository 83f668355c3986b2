"""Would a learned measure type beat the cue words of figures/meaning.py? Measured, not shipped.

    .venv/bin/python benchmarks/measure_type_model_check.py [--language en|zh] [--folds 5] [--repeats 3]
                                                            [--newest-batches N] [--cache FILE]

For every matched gold figure with a measure type in the dev documents of one language (the
same documents and matching as benchmarks/train_period_type_model.py; holdout never read), a
multinomial logistic regression predicts the gold measure type (a flow with a time basis, "16,500
a day", counts as a rate, as benchmarks/warehouse_accuracy.py scores it) from features that name
no indicator: those of figures/period_type.py (the measure type the cue words gave, crossed with
the words that date a point in time and the period's preposition; unit class; status; share,
point and span words), the cue word itself, whether a cue decided at all, the unit class crossed
with the rule, and the head word of the counted noun or concept. Accuracy out of folds grouped
by document is printed beside the rule's on the same figures, with the rule's and the model's
confusion (gold x read) per dev half (totals only), and, with --newest-batches N, the documents
of the N newest labelling batches scored by a model fitted on the other documents (leave the
batches out) beside the rule on them. --cache keeps the read figures between runs.

On 2026-11-30 (main 83e54e7): English 1,206 figures, rule 80.3%, model 81.0-81.5% (C 0.1-3.0);
Chinese 612 figures, rule 82.7%, model 80.8-81.9% (C 0.1-3.0). One point in English and a loss in Chinese:
the measure type stays with the cue words, and where no word decided a stock or flow the
indicator chosen for the figure settles it (figures.indicators.settle_measure_types).

On 2026-12-02 (the corpora grown to 3,151 English and 3,545 Chinese dev figures): English rule
79.4% (dev-a 81.7, dev-b 77.7), model 80.9% at C=0.3 (dev-a 81.0, dev-b 80.9), the 2 newest
batches left out 87.9% against the rule's 86.2%; Chinese rule 77.7% (78.5 / 76.6), model 80.0%
at C=0.1 (81.2 / 78.5), newest batches 74.5% against 71.2%. The model beats the cue words alone,
but not what the warehouse ships after the indicator settles a figure and fct_figure lets the
period-type model decide an unclassified stock or flow (dev-b 80.9% English, 79.5% Chinese on
main 681353e): it stays a measurement.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS.parent))
sys.path.insert(0, str(BENCHMARKS))
sys.path.insert(0, str(BENCHMARKS / "meaning_corpus"))

from check_gold import part_of
from indicator_stages import newest_batches
from train_period_model import read_dev_figures

from figures.period_type import features as period_type_features

CORPORA = {"en": BENCHMARKS / "meaning_corpus", "zh": BENCHMARKS / "meaning_corpus_zh"}
TIME_BASES = {"day", "week", "month", "quarter", "year"}
C_GRID = (0.1, 0.3, 1.0, 3.0)
TYPES = ("stock", "flow", "rate", "change", "share", "price", "other")


def gold_measure_type(figure: dict) -> str | None:
    if figure.get("measure_type") == "flow" and figure.get("rate_basis") in TIME_BASES:
        return "rate"
    return figure.get("measure_type")


def features(text, quantity, context, meaning, sentence) -> dict[str, float]:
    found = period_type_features(text, quantity, context, meaning, sentence)
    found[f"cue={(meaning.measure_cue or 'none').lower()}"] = 1.0
    found[f"rule={meaning.measure_type}&cue_none={meaning.measure_cue is None}"] = 1.0
    found[f"rule={meaning.measure_type}&unit={quantity.unit_class}"] = 1.0
    words = (quantity.counted or meaning.concept or "").lower().split()
    if words:
        found[f"head={words[-1]}"] = 1.0
    return found


def dev_rows(language: str) -> list[tuple[str, dict[str, float], str, str]]:
    """(document, features, gold measure type, the cue words' measure type) per matched figure."""
    rows = []
    for read in read_dev_figures(CORPORA[language], language == "zh"):
        if not read.gold.get("measure_type"):
            continue
        found = features(read.text, read.quantity, read.context, read.meaning, read.sentence)
        rows.append((read.document_id, found, gold_measure_type(read.gold), read.meaning.measure_type))
    return rows


def _fit(train, c: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    model = LogisticRegression(C=c, max_iter=5000).fit(
        vectorizer.fit_transform([row[1] for row in train]), [row[2] for row in train]
    )
    return lambda rows: list(model.predict(vectorizer.transform([row[1] for row in rows])))


def cross_validated(rows, c: float, folds: int, repeats: int) -> tuple[float, list[tuple[int, str]]]:
    """Accuracy out of folds grouped by document, and each out-of-fold guess (row index, type)."""
    documents = sorted({row[0] for row in rows})
    right = total = 0
    guesses = []
    for repeat in range(repeats):
        order = documents[:]
        random.Random(repeat).shuffle(order)
        for fold in range(folds):
            held = set(order[fold::folds])
            test = [i for i, row in enumerate(rows) if row[0] in held]
            predicted = _fit([row for row in rows if row[0] not in held], c)([rows[i] for i in test])
            right += sum(guess == rows[i][2] for guess, i in zip(predicted, test))
            total += len(test)
            guesses += list(zip(test, predicted))
    return right / total, guesses


def confusion(pairs) -> str:
    """Gold (rows) x read (columns) counts of (gold, read) pairs."""
    from collections import Counter

    counts = Counter(pairs)
    lines = ["    gold\\read " + " ".join(f"{t[:6]:>6}" for t in TYPES)]
    lines += [f"    {g:10} " + " ".join(f"{counts[(g, t)]:>6}" for t in TYPES) for g in TYPES if any(counts[(g, t)] for t in TYPES)]
    return "\n".join(lines)


def main() -> int:
    import pickle

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--language", choices=sorted(CORPORA), default="en")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--c", type=float, action="append", help="inverse regularisation strengths (default: the grid)")
    parser.add_argument("--newest-batches", type=int, help="score the N newest labelling batches' documents left out")
    parser.add_argument("--cache", type=Path, help="read figures from / keep them in this file")
    args = parser.parse_args()
    if args.cache and args.cache.exists():
        rows = pickle.loads(args.cache.read_bytes())
    else:
        rows = dev_rows(args.language)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(rows))
    rule = sum(row[2] == row[3] for row in rows) / len(rows)
    print(f"{args.language}: {len(rows)} dev figures; cue words' measure type right {rule:.1%}")
    halves = {"dev-a": [i for i, row in enumerate(rows) if part_of(row[0]) == "dev-a"],
              "dev-b": [i for i, row in enumerate(rows) if part_of(row[0]) == "dev-b"]}  # fmt: skip
    for half, indices in halves.items():
        right = sum(rows[i][2] == rows[i][3] for i in indices)
        print(f"  rule, {half}: right {right}/{len(indices)} = {right / len(indices):.1%}")
        print(confusion((rows[i][2], rows[i][3]) for i in indices))
    best = None
    for c in args.c or C_GRID:
        accuracy, guesses = cross_validated(rows, c, args.folds, args.repeats)
        by_half = {half: [(i, g) for i, g in guesses if i in set(indices)] for half, indices in halves.items()}
        print(f"  model C={c}: grouped {args.folds}-fold x{args.repeats} right {accuracy:.1%}; "
              + ", ".join(f"{half} {sum(rows[i][2] == g for i, g in pairs) / len(pairs):.1%}" for half, pairs in by_half.items()))  # fmt: skip
        if best is None or accuracy > best[0]:
            best = (accuracy, c, by_half)
    for half, pairs in best[2].items():
        print(f"  model C={best[1]}, {half} (out of fold, all repeats):")
        print(confusion((rows[i][2], g) for i, g in pairs))
    if args.newest_batches:
        fresh = newest_batches(CORPORA[args.language], args.newest_batches)
        test = [row for row in rows if row[0] in fresh]
        if test:
            predicted = _fit([row for row in rows if row[0] not in fresh], best[1])(test)
            model_right = sum(g == row[2] for g, row in zip(predicted, test))
            rule_right = sum(row[2] == row[3] for row in test)
            print(f"  newest {args.newest_batches} batches ({len({row[0] for row in test})} dev documents, {len(test)} figures), "
                  f"fitted without them: model C={best[1]} {model_right / len(test):.1%}, rule {rule_right / len(test):.1%}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
