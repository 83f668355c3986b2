"""Value and value+unit F1 of figures.quantities, quantulum3 and Microsoft Recognizers-Text on
our labelled sentences.

    .venv/bin/python benchmarks/extract_accuracy.py

Gold: tests/figures/data/quantity_cases.yaml and holdout_cases.yaml (every quantity of each
sentence, including sentences with none), scored separately. A predicted quantity counts as a true positive for "value" when its
point value (or its low and high, for a range) equals a gold one in the same sentence, and for
"value+unit" when the unit agrees too. quantulum3's unit names are mapped onto our codes; its
ranges are read back as value ± uncertainty. Recognizers-Text (the `recognizers-text-suite`
dev dependency) runs its currency, percentage, dimension and number models; where their spans
overlap the most specific model wins, and its unit names are mapped onto our codes (it has no
range or duration output in these models, so its ranges score as two values and durations as
counts). CQE is not compared: it needs spaCy models downloaded from outside the package
registry. Caveat: the sentences were written by the author
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


# Recognizers-Text unit names -> our unit codes; "Cent"/"Pence" are read as hundredths.
RECOGNIZERS_UNITS = {
    "Dollar": "USD",
    "United States dollar": "USD",
    "Pound": "GBP",
    "British pound": "GBP",
    "Rupee": "INR",
    "Indian rupee": "INR",
    "Square meter": "m2",
    "Square kilometer": "km2",
    "Square hectometer": "ha",
    "Acre": "acre",
    "Square foot": "ft2",
    "Kilometer": "km",
    "Meter": "m",
    "Centimeter": "cm",
    "Millimeter": "mm",
    "Inch": "in",
    "Mile": "mi",
    "Kilogram": "kg",
    "Gram": "g",
    "Ton": "t",
    "Cubic meter": "m3",
    "Liter": "l",
}
RECOGNIZERS_SUBUNITS = {"Cent": "USD", "Pence": "GBP", "Penny": "GBP", "Fen": "CNY"}


def _recognizers(models, text: str) -> tuple[Counter, Counter]:
    found = []  # (priority, start, end, value, unit)
    for priority, (kind, recognize) in enumerate(models):
        for result in recognize(text):
            resolution = result.resolution or {}
            raw = resolution.get("value")
            if raw is None:
                continue
            try:
                value = float(str(raw).rstrip("%").replace(",", ""))
            except ValueError:
                continue
            unit = resolution.get("isoCurrency") or resolution.get("unit")
            if kind == "percent":
                unit = "percent"
            elif kind == "number":
                unit = "count"
            elif unit in RECOGNIZERS_SUBUNITS:
                value, unit = value / 100, RECOGNIZERS_SUBUNITS[unit]
            else:
                unit = RECOGNIZERS_UNITS.get(unit, unit)
            found.append((priority, result.start, result.end, value, unit))
    values, with_units, taken = Counter(), Counter(), []
    for _, start, end, value, unit in sorted(found, key=lambda f: (f[0], f[1] - f[2])):
        if any(start <= e and s <= end for s, e in taken):
            continue
        taken.append((start, end))
        values[_key(value, value)] += 1
        with_units[(_key(value, value), unit)] += 1
    return values, with_units


def _recognizers_models():
    from recognizers_suite import (
        Culture,
        recognize_currency,
        recognize_dimension,
        recognize_number,
        recognize_percentage,
    )

    return [
        (kind, lambda text, f=function: f(text, Culture.English))
        for kind, function in (
            ("currency", recognize_currency),
            ("percent", recognize_percentage),
            ("dimension", recognize_dimension),
            ("number", recognize_number),
        )
    ]


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
        try:
            models = _recognizers_models()
            systems["recognizers-text"] = lambda t: _recognizers(models, t)
        except ImportError as error:
            print(f"Recognizers-Text not compared: {error}")
        for path in CASE_FILES:
            cases = yaml.safe_load(path.read_text(encoding="utf-8"))
            gold = sum(len(c["quantities"]) for c in cases)
            print(f"{path.name}: {len(cases)} sentences, {gold} gold quantities")
            for name, system in systems.items():
                for measure, (p, r, f) in score(system, cases).items():
                    print(f"  {name:20} {measure:11} P={p:.3f} R={r:.3f} F1={f:.3f}")


if __name__ == "__main__":
    main()
