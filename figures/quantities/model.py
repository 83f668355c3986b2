"""The record the extractor returns for each figure it finds."""

from dataclasses import dataclass, fields, make_dataclass, replace

UNIT_CLASSES = (
    "currency",
    "count",
    "percent",
    "area",
    "length",
    "mass",
    "duration",
    "multiplier",
    "other",
)
QUALIFIERS = ("exact", "over", "about", "under")
STATUS_HINTS = ("expected", "target", "forecast")
CHANGES = ("increase", "decrease")


@dataclass(frozen=True, slots=True)
class Quantity:
    """One figure found in a text, with what the surrounding words say about it.

    Offsets and surface
        text, start, end: the figure as written and its character span; always
            ``text == source[start:end]``. The span runs from a currency prefix ("US$", "RMB")
            through numeral, scale word, unit and rate basis ("US$30-50 thousands a kilogram");
            qualifier words before it are not part of the span.
        number_text: the numeral as written ("5,739", "30-50", "one hundred", "1.8").
        raw_low, raw_high: the numeral(s) parsed, before scaling (30.0 and 50.0; equal when
            the figure is not a range).
        scale_text, scale: the scale word as written ("billion", "billon", "thousands", "mln")
            and its multiplier (1.0 without one); for a range, the high end's.
        low_scale_text: for a range whose low end writes its own scale word, that word
            ("500 million to 1 billion": "million"; "3000万至1亿": "万"); None when the low end
            shares the high end's ("30-40 million") or is written in full ("800,000 to 1 million").

    Values, all in base units (no scale left: 53.96 billion -> 53_960_000_000.0; minor currency
    units in the major one: "45 cents" -> 0.45 with unit "USD", raw_low 45.0)
        value: the point value; None for a range.
        low, high: the bounds of a range; both equal `value` otherwise.

    Unit
        unit_text: the unit as written ("yuan", "$", "㎡", "percentage points") or None.
        unit: ISO 4217 code for money ("CNY", "USD", ...); "percent", "percentage_point",
            "basis_point"; "m2", "km2", "ha", "km", "kg", "t", ...; "year", "month", "day", ...;
            "times" and "fraction" for multipliers; "count" for everything counted; "point" for
            index levels and bond prices; other physical units by short code ("mph", "km/h",
            "hp", "GB", "degC", "degF", "bbl/day"), named in full in `unit_name`.
            "¥" is CNY unless the text near it mentions Japan or yen (this corpus is Chinese).
        unit_class: one of UNIT_CLASSES. "multiplier" holds ratios with no dimension
            ("expanded by 6 times", "3-fold", "half").
        is_percentage_point: True for "percentage points" (a difference of two percentages).
        counted: for counts, the noun phrase counted ("makers' spaces", "teams and
            enterprises"); None if none follows.
            An unknown unit ("5,000 TEU-like things") ends up here with unit "count".
        per: the rate basis ("day", "month", "year", "kilogram", "share", ...) from "per day",
            "a kilogram", "/kg", "annually", or an adjective before the figure ("average daily
            sales was ..."); None when the figure is not a rate.

    What the text says about it
        qualifier: "exact", "over" (more than, over, exceeding, 20-plus), "about" (about,
            nearly, close to, some, approximately, around) or "under" (less than, below, up to).
        qualifier_text: the qualifier words as written, or None.
        status_hint: None (stated as actual), "expected", "target" or "forecast", from cue
            words in the same clause ("is expected to", "will", "aims to", "forecast", "by 2020").
        change: "increase" or "decrease" when the figure is a change ("an increase of 33%",
            "up by 52%", "slash it by half"), else None.
        change_basis_text: what the change is measured against, as written ("year-on-year",
            "compared with 2016"), or None.
        equivalent_of: for a restatement in another unit ("53.96 billion yuan ($7.83 billion)"),
            the index in the returned list of the figure it restates; None otherwise.
        is_word_number: True when the numeral is spelled out ("four rounds", "a dozen").

    Unit as a person would name it (added beside `unit`, which keeps its codes)
        unit_name: the ISO code for money ("USD"); the canonical name of a physical unit
            ("kilometre", "mile per hour", "horsepower", "gigabyte", "degree Celsius"); the
            head of the counted noun, singular, for counts ("makers' spaces" -> "space");
            "percent", "percentage point", "times", "fraction"; None for a bare number.
        printed_unit: the minor unit written when the value was converted from it, singular:
            "19 cents" has value 0.19, unit "USD" and printed_unit "cent"; else None.
    """

    text: str
    start: int
    end: int
    number_text: str
    raw_low: float
    raw_high: float
    scale_text: str | None
    scale: float
    value: float | None
    low: float
    high: float
    unit_text: str | None
    unit: str
    unit_class: str
    is_percentage_point: bool
    counted: str | None
    per: str | None
    qualifier: str
    qualifier_text: str | None
    status_hint: str | None
    change: str | None
    change_basis_text: str | None
    equivalent_of: int | None
    is_word_number: bool
    unit_name: str | None = None
    printed_unit: str | None = None
    low_scale_text: str | None = None

    @property
    def is_range(self) -> bool:
        return self.value is None

    def to_dict(self) -> dict:
        """JSON-serialisable dict with every field (the CLI's per-quantity object)."""
        return {name: getattr(self, name) for name in FIELD_NAMES}

    def with_changes(self, **changes) -> "Quantity":
        return replace(self, **changes)

    def negated(self) -> "Quantity":
        """The same figure below zero: a loss, a negative sum ("a net loss of RMB 1.3 billion")."""
        return replace(
            self, raw_low=-self.raw_high, raw_high=-self.raw_low, low=-self.high, high=-self.low,
            value=None if self.value is None else -self.value,
        )

    def restating(self, original: "Quantity", original_index: int, **changes) -> "Quantity":
        """This figure as a restatement of `original` in another currency, which is as much a
        bound as the original when it has no qualifier of its own ("over 20 billion yuan ($2.97
        billion)", "超过20亿元（约合2.9亿美元）")."""
        if self.qualifier == "exact" and original.qualifier != "exact":
            changes.update(qualifier=original.qualifier, qualifier_text=original.qualifier_text)
        return replace(self, equivalent_of=original_index, **changes)


FIELD_NAMES = tuple(f.name for f in fields(Quantity))


def signed_as_restated(quantity: Quantity, quantities: list[Quantity]) -> Quantity:
    """A sum restating a negative one in another currency ("a net loss of RMB 5 million (US$0.7
    million)", "净亏损为人民币1.56亿元(2,450万美元)") is as negative."""
    original = quantity.equivalent_of
    if original is None or quantity.low < 0 or quantities[original].high >= 0:
        return quantity
    return quantity.negated()


# A frozen dataclass sets each of its 26 slots through object.__setattr__, which made building
# a Quantity a quarter of the extractor's time. This mutable twin has the same slots in the same
# order, so an instance built with plain attribute stores can take on the Quantity class: the
# result is an ordinary frozen Quantity (same type, equality, hash and immutability).
_MutableQuantity = make_dataclass(
    "_MutableQuantity", [(f.name, f.type, f) for f in fields(Quantity)], slots=True
)


def new_quantity(*values) -> Quantity:
    """Quantity(*values), about six times faster; values in FIELD_NAMES order."""
    quantity = _MutableQuantity(*values)
    quantity.__class__ = Quantity
    return quantity
