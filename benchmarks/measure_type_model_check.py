"""Would a learned measure type beat the cue words of figures/meaning.py? Measured, not shipped.

    .venv/bin/python benchmarks/measure_type_model_check.py [--language en|zh] [--folds 5] [--repeats 3]

For every matched gold figure with a measure type in the dev documents of one language (the
same documents and matching as benchmarks/train_period_type_model.py; holdout never read), a
multinomial logistic regression predicts the gold measure type (a flow with a time basis, "16,500
a day", counts as a rate, as benchmarks/warehouse_accuracy.py scores it) from features that name
no indicator: those of figures/period_type.py (the measure type the cue words gave, crossed with
the words that date a point in time and the period's preposition; unit class; status; share,
point and span words), the cue word itself, whether a cue decided at all, the unit class crossed
with the rule, and the head word of the counted noun or concept. Accuracy out of folds grouped
by document is printed beside the rule's on the same figures.

On 2026-11-30 (main 83e54e7): English 1,206 figures, rule 80.3%, model 81.0-81.5% (C 0.1-3.0);
Chinese 612 figures, rule 82.7%, model 80.8-81.9% (C 0.1-3.0). One point in English and a loss in Chinese:
the measure type stays with the cue words, and where no word decided a stock or flow the
indicator chosen for the figure settles it (figures.indicators.settle_measure_types).
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

from train_period_model import read_dev_figures

from figures.period_type import features as period_type_features

CORPORA = {"en": BENCHMARKS / "meaning_corpus", "zh": BENCHMARKS / "meaning_corpus_zh"}
TIME_BASES = {"day", "week", "month", "quarter", "year"}
C_GRID = (0.1, 0.3, 1.0, 3.0)


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


def cross_validated(rows, c: float, folds: int, repeats: int) -> float:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    documents = sorted({row[0] for row in rows})
    right = total = 0
    for repeat in range(repeats):
        order = documents[:]
        random.Random(repeat).shuffle(order)
        for fold in range(folds):
            held = set(order[fold::folds])
            train = [row for row in rows if row[0] not in held]
            test = [row for row in rows if row[0] in held]
            vectorizer = DictVectorizer()
            model = LogisticRegression(C=c, max_iter=5000).fit(
                vectorizer.fit_transform([row[1] for row in train]), [row[2] for row in train]
            )
            predicted = model.predict(vectorizer.transform([row[1] for row in test]))
            right += sum(guess == row[2] for guess, row in zip(predicted, test))
            total += len(test)
    return right / total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--language", choices=sorted(CORPORA), default="en")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    rows = dev_rows(args.language)
    rule = sum(row[2] == row[3] for row in rows) / len(rows)
    print(f"{args.language}: {len(rows)} dev figures; cue words' measure type right {rule:.1%}")
    for c in C_GRID:
        accuracy = cross_validated(rows, c, args.folds, args.repeats)
        print(f"  model C={c}: grouped {args.folds}-fold x{args.repeats} right {accuracy:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
