"""Trains the period-type model (figures/models/period_type_model.json) on the development
documents of the meaning corpus, and measures it against the measure-type rule by
cross-validation grouped by document.

    .venv/bin/python benchmarks/train_period_type_model.py [--language en|zh] [--corpus DIR] [--folds 5]
                                                           [--repeats 3] [--write]

1. Every dev document is ingested as the pipeline ingests it and its quantities extracted; each
   gold figure with a period type is matched to the quantity over its number, as
   benchmarks/warehouse_accuracy.py matches fct_figure rows. Holdout documents are never read.
2. Each matched figure gets its context (figures.context, with the shipped period chooser) and
   its meaning (figures.meaning), as the extraction asset gives them, and the features of
   figures.period_type.
3. A logistic regression (scikit-learn, used here only) predicts "point" against "span". Its
   regularisation is chosen by accuracy over folds grouped by document; the rule dbt applied
   before (a stock is a point, a flow, rate or change a span, anything else a point only when
   its words say so) is scored on the same figures.
4. With --write, the model refitted on all dev documents is written as JSON weights, which
   figures.period_type reads in pure Python.

--language zh does the same for the Chinese documents of benchmarks/meaning_corpus_zh, written to
figures/models/period_type_model_zh.json.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
REPO_ROOT = BENCHMARKS.parent
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(BENCHMARKS))
sys.path.insert(0, str(BENCHMARKS / "meaning_corpus"))

from train_period_model import read_dev_figures

from figures.period_type import CHINESE_MODEL, DEFAULT_MODEL, features

DEFAULT_CORPORA = {"en": BENCHMARKS / "meaning_corpus", "zh": BENCHMARKS / "meaning_corpus_zh"}
# Inverse regularisation strengths tried; the best by grouped cross-validation is kept.
C_GRID = (0.03, 0.1, 0.3, 1.0)
# Weights smaller than this are dropped from the JSON: they change no decision.
WEIGHT_FLOOR = 1e-4


def rule_says_point(measure_type: str, said_point: bool) -> bool:
    """dbt's decision without the model (int_figures_periodised)."""
    if measure_type == "stock":
        return True
    if measure_type in ("flow", "rate", "change"):
        return False
    return said_point


def dev_rows(corpus: Path, chinese: bool = False) -> list[tuple[str, dict[str, float], bool, bool, str]]:
    """(document, features, gold is a point, the rule says a point, gold measure type) for every
    matched dev figure of a document in one language (Chinese or not) whose gold has a period type."""
    rows = []
    for read in read_dev_figures(corpus, chinese):
        if read.gold.get("period_type") is None:
            continue
        rows.append((
            read.document_id,
            features(read.text, read.quantity, read.context, read.meaning, read.sentence),
            read.gold.get("period_type") == "point",
            rule_says_point(read.meaning.measure_type, read.context.period_is_point_in_time),
            read.gold.get("measure_type") or "none",
        ))  # fmt: skip
    return rows


def fit(rows, c: float) -> tuple[dict[str, float], float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([row[1] for row in rows])
    model = LogisticRegression(C=c, max_iter=5000).fit(matrix, [row[2] for row in rows])
    weights = {
        name: round(float(weight), 4)
        for name, weight in zip(vectorizer.get_feature_names_out(), model.coef_[0])
        if abs(weight) >= WEIGHT_FLOOR
    }
    return weights, round(float(model.intercept_[0]), 4)


def predicts_point(weights: dict[str, float], intercept: float, found: dict[str, float]) -> bool:
    return intercept + sum(weights.get(name, 0.0) * value for name, value in found.items()) > 0


def cross_validated(rows, c: float, folds: int, repeats: int) -> tuple[int, int, Counter, Counter]:
    """Right out of fold, in all and by gold measure type (and, under the key (document,), by
    document), over `repeats` groupings."""
    documents = sorted({row[0] for row in rows})
    right = total = 0
    right_by, total_by = Counter(), Counter()
    for repeat in range(repeats):
        order = documents[:]
        random.Random(repeat).shuffle(order)
        for fold in range(folds):
            held = set(order[fold::folds])
            weights, intercept = fit([row for row in rows if row[0] not in held], c)
            for row in rows:
                if row[0] in held:
                    hit = predicts_point(weights, intercept, row[1]) == row[2]
                    right, total = right + hit, total + 1
                    right_by[row[4]] += hit
                    total_by[row[4]] += 1
                    right_by[(row[0],)] += hit
                    total_by[(row[0],)] += 1
    return right, total, right_by, total_by


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--language", choices=["en", "zh"], default="en", help="English or Chinese documents")
    parser.add_argument("--corpus", type=Path, help="a meaning corpus (default: the language's)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3, help="cross-validation repeats, each with its own grouping")
    parser.add_argument("--write", action="store_true", help="write the refitted model (figures/models/period_type_model.json)")
    parser.add_argument("--c", type=float, action="append", help="an inverse regularisation strength to try "
                        "(repeatable; default: the whole grid)")
    args = parser.parse_args(argv)
    chinese = args.language == "zh"
    rows = dev_rows(args.corpus or DEFAULT_CORPORA[args.language], chinese)
    documents = sorted({row[0] for row in rows})
    rule_right = sum(row[2] == row[3] for row in rows)
    print(f"{len(documents)} dev documents, {len(rows)} matched gold figures with a period type")
    print(f"measure-type rule: period type right {rule_right}/{len(rows)} = {rule_right / len(rows):.3f}")
    rule_by, total_by = Counter(), Counter()
    for row in rows:
        rule_by[row[4]] += row[2] == row[3]
        total_by[row[4]] += 1
    print("  by gold measure type: " + ", ".join(f"{k} {rule_by[k] / total_by[k]:.2f}" for k in sorted(total_by)))
    # The model in use scored on the documents it was not fitted on, beside each refit's
    # out-of-fold score on the same documents: the fair comparison of the two.
    path = CHINESE_MODEL if chinese else DEFAULT_MODEL
    new_documents = set()
    if path.exists():
        shipped = json.loads(path.read_text(encoding="utf-8"))
        new_documents = set(documents) - set(shipped.get("trained_on", ()))
        new_rows = [row for row in rows if row[0] in new_documents]
        if new_rows:
            in_use = sum(predicts_point(shipped["weights"], shipped["intercept"], row[1]) == row[2] for row in new_rows)
            print(f"model in use (C={shipped.get('c')}) on the {len(new_documents)} documents it was not fitted on: "
                  f"period type right {in_use}/{len(new_rows)} = {in_use / len(new_rows):.3f}")  # fmt: skip
    results = {}
    for c in args.c or C_GRID:
        right, total, right_by, total_by = cross_validated(rows, c, args.folds, args.repeats)
        results[c] = right / total
        new_right = sum(right_by[(d,)] for d in new_documents)
        new_total = sum(total_by[(d,)] for d in new_documents)
        on_new = f" (on those {len(new_documents)}: {new_right / new_total:.3f})" if new_total else ""
        types = sorted(k for k in total_by if isinstance(k, str))
        print(f"model C={c}: grouped {args.folds}-fold x{args.repeats} period type right {right / total:.3f}{on_new}; by gold "
              f"measure type: " + ", ".join(f"{k} {right_by[k] / total_by[k]:.2f}" for k in types), flush=True)  # fmt: skip
    # Best score; among near-equal scores the stronger penalty.
    c = max(results, key=lambda key: (round(results[key], 3), -key))
    print(f"chosen: C={c} ({results[c]:.3f})")
    if args.write:
        weights, intercept = fit(rows, c)
        model = {
            "about": f"figures.period_type weights ({args.language}); trained by benchmarks/train_period_type_model.py "
            "on the dev documents of the meaning corpus only",
            "trained_on": documents,
            "c": c,
            "cross_validated_accuracy": round(results[c], 4),
            "measure_type_rule_accuracy": round(rule_right / len(rows), 4),
            "intercept": intercept,
            "weights": dict(sorted(weights.items())),
        }
        path.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {path} ({len(weights)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
