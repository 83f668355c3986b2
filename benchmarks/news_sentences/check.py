"""Load the news sentence set and check its gold: provenance, split, units, and that every gold
value can be read back from the words it cites (`text`) inside its sentence.

The read-back is a small independent parser of number phrases ("$2.5 billion", "46 cents",
"7 3/4%", "two and a half", "3 dollars 50 cents"); it is deliberately simple, so a gold value
that it cannot reproduce is a labelling error to fix, not a case to special-case here.
"""

from __future__ import annotations

import hashlib
import math
import re
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
PARTS = ("dev", "holdout")
BASE_UNITS = frozenset(yaml.safe_load((HERE / "units.yaml").read_text(encoding="utf-8")))
# Minor currency units: the printed unit and its share of the major unit.
MINOR_UNITS = {
    "cent": 0.01,
    "pence": 0.01,
    "penny": 0.01,
    "sen": 0.01,
    "fen": 0.01,
    "jiao": 0.1,
    "paisa": 0.01,
    "kopek": 0.01,
    "centavo": 0.01,
    "satang": 0.01,
    "agora": 0.01,
    "öre": 0.01,
    "øre": 0.01,
    "pfennig": 0.01,
    "halala": 0.01,
}
# Scales written into a unit's abbreviation: "33.6 mb/d" is million barrels a day.
UNIT_SCALES = {
    "barrel per day": {"mb": 1e6, "mbl": 1e6, "mmbbl": 1e6, "kb": 1e3},
    "quarter": {"quarter": 1.0, "quarters": 1.0},
    "tonne": {"mt": 1e6},  # Indian press: "112.02 mt" is million tonnes
    "hectare": {"mh": 1e6},  # "33.92 mh", million hectares
}
ISO_CODE = re.compile(r"^[A-Z]{3}$")
FIELDS = frozenset({"value", "low", "high", "unit", "printed_unit", "noun", "per", "kind", "text"})


def split_of(text: str) -> str:
    """The fixed split rule: a third of the sentences, chosen by hash, are held out."""
    return (
        "holdout" if int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16) % 3 == 0 else "dev"
    )


def load(part: str) -> list[dict]:
    return yaml.safe_load((HERE / f"{part}.yaml").read_text(encoding="utf-8"))


def sources() -> dict[str, dict]:
    return yaml.safe_load((HERE / "sources.yaml").read_text(encoding="utf-8"))


# --- reading numbers back from their words ---------------------------------------------------
SMALL = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
}
SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,
    "crore": 1e7,
    "mn": 1e6,
    "mln": 1e6,
    "bn": 1e9,
    "bln": 1e9,
    "m": 1e6,
    "k": 1e3,
    "b": 1e9,
    "tn": 1e12,
    "trn": 1e12,
    "thousands": 1e3,
    "millions": 1e6,
    "billions": 1e9,
}
FRACTION_WORDS = {
    "half": 0.5,
    "halves": 0.5,
    "third": 1 / 3,
    "thirds": 1 / 3,
    "quarter": 0.25,
    "quarters": 0.25,
    "fourth": 0.25,
    "fourths": 0.25,
    "fifth": 0.2,
    "fifths": 0.2,
    "tenth": 0.1,
    "tenths": 0.1,
    "eighth": 0.125,
    "eighths": 0.125,
}
VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
TOKEN = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?(?:/\d+)?|\.\d+|[½¼¾⅓⅔⅛]|[a-zà-ÿ]+")


def _numbers(span: str, short_scales: bool = True, extra_scales: dict | None = None) -> list[float]:
    """Every number the phrase states, in order, with its scale words applied."""
    scales = SCALES | (extra_scales or {})
    time_quarters = "quarter" in (extra_scales or {})  # "three quarters" of a year, not 3/4
    tokens = TOKEN.findall(span.lower().replace("-", " "))
    found: list[float] = []
    current: float | None = None  # the number being read
    decimal_next = False  # the previous word was "point" in "two-point-43"
    words_open = False  # the current number is spelt in words and may continue ("twenty five")

    def push() -> None:
        nonlocal current
        if current is not None:
            found.append(current)
        current = None

    for index, token in enumerate(tokens):
        before = tokens[index - 1] if index else ""
        after = tokens[index + 1] if index + 1 < len(tokens) else ""
        if (
            decimal_next
            and current is not None
            and (token[0].isdigit() or SMALL.get(token, 99) < 10)
        ):
            # "two-point-43", "one-point-eight": broadcast style for 2.43 and 1.8
            digits = token if token[0].isdigit() else str(SMALL[token])
            current = float(f"{int(current)}.{digits}")
            decimal_next = False
            continue
        decimal_next = False
        if token == "point" and current is not None and current == int(current):
            decimal_next = True
            continue
        if token[0].isdigit() or token[0] == ".":
            if "/" in token:
                top, bottom = token.split("/")
                share = float(top.replace(",", "")) / float(bottom)
                if current is not None and before[:1].isdigit():
                    current += share  # "7 3/4": a whole number and its fraction
                    continue
                push()
                current = share
            else:
                push()
                current = float(token.replace(",", ""))
                if before == "minus" or (not found and span.lstrip()[:1] in "−-"):
                    current = -current
            words_open = False
        elif token in VULGAR:
            if current is not None and before[:1].isdigit():
                current += VULGAR[token]
            else:
                push()
                current = VULGAR[token]
        elif token in SMALL or token in TENS:
            value = SMALL.get(token, TENS.get(token))
            if (
                current is not None
                and words_open
                and (current % 100 == 0 or (current >= 20 and current % 10 == 0 and value < 10))
            ):
                current += value
            else:
                push()
                current = value
            words_open = True
        elif token in ("a", "an") and (after in scales or after == "dozen"):
            if before in FRACTION_WORDS and current is not None:
                continue  # "half a million": the scale applies to the fraction
            push()
            current, words_open = 1.0, True
        elif token == "dozen":
            current = (current if current is not None else 1.0) * 12
        elif token in ("twice", "thrice"):
            push()
            current = 2.0 if token == "twice" else 3.0
        elif token == "couple" and before in ("a", "the"):
            push()
            current = 2.0
        elif token in scales and current is not None:
            if len(token) == 1 and not short_scales:
                words_open = False
                continue
            if token == "hundred":
                whole = current - current % 1000 if current >= 1000 else 0
                current = whole + (current - whole) * 100
            else:
                current *= scales[token]
            words_open = True
        elif token in FRACTION_WORDS and not (token.startswith("quarter") and time_quarters):
            share = FRACTION_WORDS[token]
            if before == "a" and index >= 2 and tokens[index - 2] == "and":
                if current is not None:
                    current += share  # "two and a half"
                elif index >= 4 and tokens[index - 4] in ("a", "an"):
                    current = 1 + share  # "a year and a half"
                else:
                    current = share
            elif current is not None and words_open:
                current *= share  # "two thirds"
            else:
                push()
                current = share
            words_open = False
        elif token == "and" and current is not None and words_open:
            continue
        elif token in MINOR_UNITS or token in ("cents", "pennies", "centavos"):
            if current is not None and found and before != "per":  # not "per cent"
                found[-1] += current * MINOR_UNITS.get(
                    token.rstrip("s"), 0.01
                )  # "3 dollars 50 cents"
                current = None
            words_open = False
        else:
            words_open = False
    push()
    return found


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def value_problem(sentence: str, quantity: dict) -> str | None:
    """Why the quantity's value cannot be read back from its cited words, or None."""
    span = quantity.get("text")
    if not span:
        return "no `text`"
    if span not in sentence:
        return f"`text` {span!r} is not in the sentence"
    unit = str(quantity.get("unit"))
    # "m", "k", "b" scale money, counts and the like ("$3m", "50k", "1m teu"); in a metre
    # unit "m" is the unit itself.
    numbers = _numbers(
        span,
        short_scales="metre" not in unit,
        extra_scales=UNIT_SCALES.get(unit),
    )
    if not numbers:
        return f"no number in {span!r}"
    factor = MINOR_UNITS.get(quantity.get("printed_unit", ""), 1.0)
    if "low" in quantity or "high" in quantity:
        low, high = quantity.get("low"), quantity.get("high")
        if low is None or high is None or low >= high or "value" in quantity:
            return "a range needs low < high and no value"
        first, last = numbers[0], numbers[-1]
        # "30-40 million": a scale written once, after the second number, applies to both.
        firsts = {first} | {first * scale for scale in SCALES.values()}
        in_order = any(_close(low, f * factor) for f in firsts) and _close(high, last * factor)
        # "fell between 47% and 45%": a range printed high end first
        reversed_ = _close(high, first * factor) and _close(low, last * factor)
        if len(numbers) < 2 or not (in_order or reversed_):
            return f"range {low}..{high} is not {numbers} (x{factor}) in {span!r}"
        return None
    value = quantity.get("value")
    if value is None:
        return "no value"
    if any(_close(value, number * factor) for number in numbers):
        return None
    return f"value {value} is not any of {numbers} (x{factor}) in {span!r}"


def unit_problem(quantity: dict) -> str | None:
    unit = quantity.get("unit")
    if unit in BASE_UNITS or (isinstance(unit, str) and ISO_CODE.match(unit)):
        if quantity.get("printed_unit") and not ISO_CODE.match(unit or ""):
            return "`printed_unit` is only for money"
        if quantity.get("printed_unit") and quantity["printed_unit"] not in MINOR_UNITS:
            return f"unknown minor unit {quantity['printed_unit']!r}"
        if unit == "count" and not quantity.get("noun"):
            return "a count needs its `noun`"
        return None
    return f"unit {unit!r} is neither an ISO code nor in units.yaml"


def problems() -> list[str]:
    found = []
    known_sources = sources()
    for part in PARTS:
        for case in load(part):
            text = case.get("text", "")
            where = f"{part}: {text[:60]!r}"
            if split_of(text) != part:
                found.append(f"{where}: belongs in {split_of(text)}.yaml")
            if case.get("source") != "written" and case.get("source") not in known_sources:
                found.append(f"{where}: source {case.get('source')!r} is not in sources.yaml")
            for quantity in case.get("quantities") or []:
                extra = set(quantity) - FIELDS
                for problem in (
                    f"unknown fields {sorted(extra)}" if extra else None,
                    unit_problem(quantity),
                    value_problem(text, quantity),
                ):
                    if problem:
                        found.append(f"{where}: {problem}")
    return found
