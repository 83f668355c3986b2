"""Value and value+unit F1 of figures.quantities and quantulum3 on our labelled sentences.

    .venv/bin/python benchmarks/extract_accuracy.py

Gold: tests/figures/data/quantity_cases.yaml and holdout_cases.yaml (every quantity of each
sentence, including sentences with none), scored separately. A predicted quantity counts as a true positive for "value" when its
point value (or its low and high, for a range) equals a gold one in the same sentence, and for
"value+unit" when the unit agrees too. quantulum3's unit names are mapped onto our codes; its
ranges are read back as value ± uncertainty. Caveat: the sentences were written by the author
of the extractor, so the first set flatters it; the held-out set is smaller but fairer, and the
external evaluation sets are the real test.
"""

import math
import warnings
from collections import Counter
from pathlib import Path

import yaml

from figures.quantities import extract

DATA = Path(__file__).resolve().parents[1] / "tests" / "figures" / "data"
# The test table (the extractor was developed against it) and a held-out set (never tuned on).
CASE_FILES = (DATA / "quantity_cases.yaml", DATA / "holdout_cases.yaml")

# quantulum3 unit names -> our unit codes (currencies come from the unit's currency code).
QUANTULUM_UNITS = {
    "dimensionless": "count",
    "percentage": "percent",
    "square metre": "m2",
    "square kilometre": "km2",
    "hectare": "ha",
    "kilometre": "km",
    "metre": "m",
    "kilogram": "kg",
    "tonne": "t",
    "year": "year",
    "month": "month",
    "week": "week",
    "day": "day",
    "hour": "hour",
    "decade": "decade",
    "megawatt": "MW",
    "square foot": "ft2",
    "basis point": "basis_point",
    "percentage point": "percentage_point",
    "degree Celsius": "degC",
}


def _key(low: float, high: float) -> tuple[float, float]:
    return (round(low, 6), round(high, 6))


def _gold(case) -> tuple[Counter, Counter]:
    values, with_units = Counter(), Counter()
    for q in case["quantities"]:
        low = q.get("low", q.get("value"))
        high = q.get("high", q.get("value"))
        values[_key(low, high)] += 1
        with_units[(_key(low, high), q.get("unit"))] += 1
    return values, with_units


def _ours(text: str) -> tuple[Counter, Counter]:
    values, with_units = Counter(), Counter()
    for q in extract(text):
        values[_key(q.low, q.high)] += 1
        with_units[(_key(q.low, q.high), q.unit)] += 1
    return values, with_units


def _quantulum(parse, text: str) -> tuple[Counter, Counter]:
    values, with_units = Counter(), Counter()
    for q in parse(text):
        spread = q.uncertainty or 0.0
        low, high = q.value - spread, q.value + spread
        unit = getattr(q.unit, "currency_code", None) or QUANTULUM_UNITS.get(
            q.unit.name, q.unit.name
        )
        if not (math.isfinite(low) and math.isfinite(high)):
            continue
        values[_key(low, high)] += 1
        with_units[(_key(low, high), unit)] += 1
    return values, with_units


def _f1(true_positive: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = true_positive / predicted if predicted else 0.0
    recall = true_positive / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score(system, cases) -> dict[str, tuple[float, float, float]]:
    totals = Counter()
    for case in cases:
        gold_values, gold_units = _gold(case)
        values, units = system(case["text"])
        totals["tp_value"] += sum((values & gold_values).values())
        totals["tp_unit"] += sum((units & gold_units).values())
        totals["predicted"] += sum(values.values())
        totals["gold"] += sum(gold_values.values())
    return {
        "value": _f1(totals["tp_value"], totals["predicted"], totals["gold"]),
        "value+unit": _f1(totals["tp_unit"], totals["predicted"], totals["gold"]),
    }


def main() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser as quantulum

        systems = {
            "figures.quantities": _ours,
            "quantulum3": lambda t: _quantulum(quantulum.parse, t),
        }
        for path in CASE_FILES:
            cases = yaml.safe_load(path.read_text(encoding="utf-8"))
            gold = sum(len(c["quantities"]) for c in cases)
            print(f"{path.name}: {len(cases)} sentences, {gold} gold quantities")
            for name, system in systems.items():
                for measure, (p, r, f) in score(system, cases).items():
                    print(f"  {name:20} {measure:11} P={p:.3f} R={r:.3f} F1={f:.3f}")


if __name__ == "__main__":
    main()
