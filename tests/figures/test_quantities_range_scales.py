"""A range's two ends, read the way the warehouse reads them from the scale words seed, give the
extractor's own bounds: the low end's own scale word travels in `low_scale_text`
("500 million to 1 billion"), a low end written in full has none ("800,000 to 1 million"), and a
shared one is the high end's ("30-40 million"). Where they disagreed, dbt read 500 million as
500 and the figure was quarantined."""

import csv
from pathlib import Path

import pytest

from figures.quantities import extract

SCALE_WORDS = {
    row["scale_word"]: float(row["multiplier"])
    for row in csv.DictReader(
        (Path(__file__).resolve().parents[2] / "dbt_project/seeds/scale_words.csv").open(encoding="utf-8")
    )
}


def seed_bounds(quantity) -> tuple[float, float]:
    """int_mentions_normalised's value_raw_low and value_raw_high, in Python."""
    high_scale = SCALE_WORDS[quantity.scale_text.lower()] if quantity.scale_text else 1.0
    if quantity.low_scale_text:
        low_scale = SCALE_WORDS[quantity.low_scale_text.lower()]
    elif quantity.raw_low > quantity.raw_high and quantity.raw_low <= quantity.raw_high * high_scale:
        low_scale = 1.0
    else:
        low_scale = high_scale
    return quantity.raw_low * low_scale, quantity.raw_high * high_scale


@pytest.mark.parametrize(
    ("text", "low", "high", "low_scale_text"),
    [
        ("Funds manage 500 million to 1 billion yuan each.", 5e8, 1e9, "million"),
        ("Funds manage between 500 million and 1 billion yuan each.", 5e8, 1e9, "million"),
        ("Budgets range from 500 million yuan to 1.2 billion yuan.", 5e8, 1.2e9, "million"),
        ("Between 800,000 and 1 million people took part.", 8e5, 1e6, None),
        ("The survey covered 800,000 to 1 million people.", 8e5, 1e6, None),
        ("Sales of 30-40 million yuan are expected.", 3e7, 4e7, None),
        ("Rounds of between 2 and 3 million yuan were common.", 2e6, 3e6, None),
        ("单笔融资3000万至1亿元。", 3e7, 1e8, "万"),
        ("单笔融资5千万到1亿美元。", 5e7, 1e8, "千万"),
        ("补贴30至50万元。", 3e5, 5e5, None),
        ("规模3000-5000万元。", 3e7, 5e7, None),
    ],
)
def test_each_end_of_a_range_is_scaled_as_written(text, low, high, low_scale_text):
    (quantity,) = [q for q in extract(text) if q.value is None]
    assert (quantity.low, quantity.high, quantity.low_scale_text) == (low, high, low_scale_text)
    assert seed_bounds(quantity) == pytest.approx((low, high))


def test_a_reversed_range_keeps_its_written_scales_so_it_is_seen_reversed():
    # a source's slip ("between 500 billion and 1 billion"): both readings put the low end above
    # the high one, so dbt quarantines it as a reversed range, not as a scale disagreement
    (quantity,) = extract("Funds manage between 500 billion and 1 billion yuan each.")
    assert (quantity.low, quantity.high, quantity.low_scale_text) == (5e11, 1e9, "billion")
    assert seed_bounds(quantity) == pytest.approx((5e11, 1e9))


def test_near_bounds_of_between_are_read_in_either_order():
    # a level that moved over the period, its bounds told in the years' order: no slip
    text = "The share of loans for MSEs remains stable, between 42.97% and 42.85% over the period 2017-19."
    (quantity,) = extract(text)
    assert (quantity.low, quantity.high) == (42.85, 42.97)
    (quantity,) = extract("Each fund holds between 3.2 million and 3 million yuan.")
    assert (quantity.low, quantity.high, quantity.low_scale_text) == (3e6, 3.2e6, "million")
    assert seed_bounds(quantity) == pytest.approx((3e6, 3.2e6))
    # ends further apart stay as written, a reversed range for dbt to quarantine
    (quantity,) = extract("In 2014, between 5,000 and 3,000 start-ups were founded in the province.")
    assert (quantity.low, quantity.high) == (5000, 3000)


def test_a_single_figure_has_no_low_scale():
    (quantity,) = extract("The fund raised 3.15 billion yuan.")
    assert quantity.low_scale_text is None
