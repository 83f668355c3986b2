"""Value and value+unit F1 of figures.quantities, quantulum3 and Microsoft Recognizers-Text on
our labelled sentences, all in one run.

    .venv/bin/python benchmarks/extract_accuracy.py

Sets, each scored on its own:
- news sentences, dev part (benchmarks/news_sentences/dev.yaml): general news, business and
  financial prose collected from public pages or written for the set; tuned on.
- news sentences, holdout part (holdout.yaml): the same kinds of sentences, never tuned on.
- tests/figures/data/quantity_cases.yaml (the extractor was developed against it) and
  holdout_cases.yaml (written after it, never tuned on).

A predicted quantity counts as a true positive for "value" when its point value (or its low and
high, for a range) equals a gold one in the same sentence, and for "value+unit" when the unit
agrees too. Every system's unit names and the gold's are first mapped onto the canonical names
of benchmarks/news_sentences/units.yaml ("km", "Kilometer" and "kilometre" are one unit), so a
system is not scored on spelling. quantulum3's ranges are read back as value ± uncertainty and
its "cent" as hundredths of a dollar. Recognizers-Text runs its currency, percentage, age,
temperature, dimension, date-time and number models; where their spans overlap the most specific
model wins, a duration's timex ("P3Y") gives its value and unit, and a number inside a date or a
time of day is dropped as the date-time model says (it has no range output, so its ranges score
as two values). Units are compared strictly: a fraction, a multiple or an index point reported
as a bare number counts as a value match only. Recall by kind (money, percent, count, duration,
age, measure, other) shows where each system loses value+unit matches; on a holdout part read
only these aggregates. CQE is not compared: it needs spaCy models downloaded from outside the package
registry. Caveat: the test-case sets were written by the author of the extractor, so the first
flatters it; the news holdout part is the fairest of these sets.
"""

from __future__ import annotations

import math
import re
import sys
import warnings
from collections import Counter
from pathlib import Path

import yaml

from figures.quantities import extract

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT / "benchmarks" / "news_sentences"
DATA = ROOT / "tests" / "figures" / "data"
SETS = {
    "news sentences, dev": NEWS / "dev.yaml",
    "news sentences, holdout": NEWS / "holdout.yaml",
    "quantity_cases.yaml": DATA / "quantity_cases.yaml",
    "holdout_cases.yaml": DATA / "holdout_cases.yaml",
}


def _unit_names() -> dict[str, str]:
    """Every spelling in units.yaml (exact and lower-cased) -> its canonical name."""
    names: dict[str, str] = {}
    for canonical, aliases in yaml.safe_load(
        (NEWS / "units.yaml").read_text(encoding="utf-8")
    ).items():
        for spelling in [canonical, *(aliases or [])]:
            names.setdefault(str(spelling), canonical)
            names.setdefault(str(spelling).lower(), canonical)
    return names


UNIT_NAMES = _unit_names()
CANONICAL_UNITS = frozenset(UNIT_NAMES.values())
ISO_CODE = re.compile(r"^[A-Z]{3}$")


def canonical_unit(unit) -> str | None:
    """One name per unit: ISO codes stay, physical units and their codes map to units.yaml."""
    if unit is None:
        return None
    unit = str(unit)
    if unit in UNIT_NAMES:  # before the ISO test: "TEU" is a container unit, not a currency
        return UNIT_NAMES[unit]
    if ISO_CODE.match(unit):
        return unit
    return UNIT_NAMES.get(unit.lower(), unit)


def _key(low: float, high: float) -> tuple[float, float]:
    return (round(low, 6), round(high, 6))


def _gold(case) -> tuple[Counter, Counter]:
    values, with_units = Counter(), Counter()
    for q in case["quantities"]:
        low = q.get("low", q.get("value"))
        high = q.get("high", q.get("value"))
        values[_key(low, high)] += 1
        with_units[(_key(low, high), canonical_unit(q.get("unit")))] += 1
    return values, with_units


def _our_unit(quantity) -> str | None:
    """figures.quantities keeps a rate's basis apart (unit bbl, per day); where the two name one
    unit of units.yaml ("barrel per day", "mile per hour") that unit is what it says."""
    unit = canonical_unit(quantity.unit)
    if quantity.per and unit and not ISO_CODE.match(unit):
        compound = canonical_unit(f"{unit} per {quantity.per}")
        if compound in CANONICAL_UNITS:
            return compound
    return unit


def _ours(text: str) -> tuple[Counter, Counter]:
    values, with_units = Counter(), Counter()
    for q in extract(text):
        values[_key(q.low, q.high)] += 1
        with_units[(_key(q.low, q.high), _our_unit(q))] += 1
    return values, with_units


# quantulum3 names that are not its own canonical spelling of a units.yaml unit. (It runs without
# its optional classifier, which the plain package install leaves out, so "15 minutes" can come
# back as minutes of arc; that is scored as the wrong unit.)
QUANTULUM_UNITS = {
    "revolutions per minute": "revolution per minute",
    "square hectometre": "hectare",
    "per cent": "percent",
}


def _quantulum(parse, text: str) -> tuple[Counter, Counter]:
    values, with_units = Counter(), Counter()
    for q in parse(text):
        spread = q.uncertainty or 0.0
        low, high = q.value - spread, q.value + spread
        unit = getattr(q.unit, "currency_code", None)
        if not unit and q.unit.name == "cent":
            low, high, unit = low / 100, high / 100, "USD"
        unit = unit or canonical_unit(QUANTULUM_UNITS.get(q.unit.name, q.unit.name))
        if not (math.isfinite(low) and math.isfinite(high)):
            continue
        values[_key(low, high)] += 1
        with_units[(_key(low, high), unit)] += 1
    return values, with_units


# Recognizers-Text currency names without an ISO code in its resolution.
RECOGNIZERS_CURRENCIES = {
    "Dollar": "USD", "United States dollar": "USD", "Pound": "GBP", "British pound": "GBP",
    "Rupee": "INR", "Indian rupee": "INR", "Finnish markka": "FIM", "Netherlands guilder": "NLG",
    "Euro": "EUR", "Yen": "JPY", "Yuan": "CNY", "Ringgit": "MYR", "Shekel": "ILS",
}  # fmt: skip
# Minor units, read as hundredths of their currency.
RECOGNIZERS_SUBUNITS = {"Cent": "USD", "Pence": "GBP", "Penny": "GBP", "Fen": "CNY", "Sen": "MYR"}
# Dimension names that are not a units.yaml spelling.
RECOGNIZERS_DIMENSIONS = {"Pound": "pound-mass", "Square hectometer": "hectare", "Ton": "tonne"}
TIMEX_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "S": "second"}
TIMEX_DURATION = re.compile(r"^P(T?)(\d+(?:\.\d+)?)([YMWDHS])$")


def _recognizers_reading(kind: str, result) -> tuple[float, str] | None:
    """(value, unit) of one Recognizers-Text result, or None when it states no quantity."""
    resolution = result.resolution or {}
    if kind == "datetime":
        found = (resolution.get("values") or [{}])[0]
        match = (
            TIMEX_DURATION.match(found.get("timex", ""))
            if found.get("type") == "duration"
            else None
        )
        if not match:
            return None
        time_part, amount, letter = match.groups()
        return float(amount), "minute" if (letter == "M" and time_part) else TIMEX_UNITS[letter]
    raw = resolution.get("value")
    if raw is None:
        return None
    try:
        value = float(str(raw).rstrip("%").replace(",", ""))
    except ValueError:
        return None
    unit = resolution.get("isoCurrency") or resolution.get("unit")
    if kind == "percent":
        return value, "percent"
    if kind == "number":
        return value, "count"
    if kind == "temperature":
        return value, {"C": "degree Celsius", "F": "degree Fahrenheit"}.get(
            unit, canonical_unit(unit)
        )
    if kind == "currency":
        if unit in RECOGNIZERS_SUBUNITS:
            return value / 100, RECOGNIZERS_SUBUNITS[unit]
        return value, RECOGNIZERS_CURRENCIES.get(unit, unit)
    return value, canonical_unit(RECOGNIZERS_DIMENSIONS.get(unit, unit))


def _recognizers(models, text: str) -> tuple[Counter, Counter]:
    found = []  # (priority, start, end, reading or None)
    for priority, (kind, recognize) in enumerate(models):
        for result in recognize(text):
            reading = _recognizers_reading(kind, result)
            if reading is None and kind != "datetime":
                continue
            found.append((priority, result.start, result.end, reading))
    values, with_units, taken = Counter(), Counter(), []
    for _, start, end, reading in sorted(found, key=lambda f: (f[0], f[1] - f[2])):
        if any(start <= e and s <= end for s, e in taken):
            continue
        taken.append((start, end))
        if reading is None:  # a date or a time of day: its numbers are not quantities
            continue
        value, unit = reading
        values[_key(value, value)] += 1
        with_units[(_key(value, value), unit)] += 1
    return values, with_units


def _recognizers_models():
    import recognizers_suite as suite

    def model(kind: str):
        recognize = getattr(suite, f"recognize_{kind}")
        return lambda text: recognize(text, suite.Culture.English)

    kinds = ("currency", "percentage", "age", "temperature", "dimension", "datetime", "number")
    return [(kind.replace("percentage", "percent"), model(kind)) for kind in kinds]


def _f1(true_positive: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = true_positive / predicted if predicted else 0.0
    recall = true_positive / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


TIME_UNITS = frozenset(
    {"year", "quarter", "month", "week", "day", "hour", "minute", "second", "decade", "century"}
)


def gold_kind(quantity: dict) -> str:
    """The kind of a gold quantity, for recall by kind: money, percent, count, duration, age,
    measure (a physical unit), or other (fractions, multiples, points)."""
    unit = canonical_unit(quantity.get("unit"))
    if quantity.get("kind") == "age":
        return "age"
    if unit and ISO_CODE.match(unit):
        return "money"
    if unit in ("percent", "percentage_point", "basis_point"):
        return "percent"
    if unit in ("count", "fraction", "times", "point"):
        return "count" if unit == "count" else "other"
    return "duration" if unit in TIME_UNITS else "measure"


def score(system, cases) -> dict:
    """Precision, recall and F1 for value and value+unit, and value+unit recall by gold kind."""
    totals, found_by_kind, gold_by_kind = Counter(), Counter(), Counter()
    for case in cases:
        gold_values, gold_units = _gold(case)
        values, units = system(case["text"])
        matched = units & gold_units
        totals["tp_value"] += sum((values & gold_values).values())
        totals["tp_unit"] += sum(matched.values())
        totals["predicted"] += sum(values.values())
        totals["gold"] += sum(gold_values.values())
        for q in case["quantities"]:
            key = (
                _key(q.get("low", q.get("value")), q.get("high", q.get("value"))),
                canonical_unit(q.get("unit")),
            )
            gold_by_kind[gold_kind(q)] += 1
            if matched[key] > 0:  # each match is credited once, to the first gold of that key
                matched[key] -= 1
                found_by_kind[gold_kind(q)] += 1
    return {
        "value": _f1(totals["tp_value"], totals["predicted"], totals["gold"]),
        "value+unit": _f1(totals["tp_unit"], totals["predicted"], totals["gold"]),
        "recall by kind": {
            kind: (found_by_kind[kind], n) for kind, n in sorted(gold_by_kind.items())
        },
    }


def main() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import classifier as quantulum_classifier
        from quantulum3 import parser as quantulum

        # Without its optional classifier, as documented above: scikit-learn is in the environment
        # (another package needs it), and quantulum3's pickled model does not load in its version.
        quantulum_classifier.USE_CLF = False

        systems = {
            "figures.quantities": _ours,
            "quantulum3": lambda t: _quantulum(quantulum.parse, t),
        }
        try:
            models = _recognizers_models()
            systems["recognizers-text"] = lambda t: _recognizers(models, t)
        except ImportError as error:
            print(f"Recognizers-Text not compared: {error}")
        table = []
        for name, path in SETS.items():
            cases = yaml.safe_load(path.read_text(encoding="utf-8"))
            gold = sum(len(c["quantities"]) for c in cases)
            print(
                f"{name} ({path.relative_to(ROOT)}): {len(cases)} sentences, {gold} gold quantities"
            )
            for system_name, system in systems.items():
                scores = score(system, cases)
                for measure in ("value", "value+unit"):
                    p, r, f = scores[measure]
                    print(f"  {system_name:20} {measure:11} P={p:.3f} R={r:.3f} F1={f:.3f}")
                by_kind = ", ".join(
                    f"{kind} {found}/{n}" for kind, (found, n) in scores["recall by kind"].items()
                )
                print(f"  {'':20} value+unit recall by kind: {by_kind}")
                table.append((name, system_name, scores["value"][2], scores["value+unit"][2]))
        print("\n| set | system | value F1 | value+unit F1 |\n|---|---|---|---|")
        for name, system_name, value_f1, unit_f1 in table:
            print(f"| {name} | {system_name} | {100 * value_f1:.1f} | {100 * unit_f1:.1f} |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
