"""The extractor on the five seed documents.

Two layers: the notable figures of each seed, as literal sentences copied from the documents
(so the test runs without the documents), and, when the documents are in sources/, every
quantity of each whole document compared with data/seed_quantities.yaml (reviewed by hand).
"""

from pathlib import Path

import pytest
import yaml

from figures.quantities import extract

PROJECT = Path(__file__).resolve().parents[2]
SEED_EXPECTATIONS = yaml.safe_load(
    (Path(__file__).parent / "data" / "seed_quantities.yaml").read_text("utf-8")
)

# (sentence from a seed, surface text of the figure, fields it must have)
NOTABLE_FIGURES = [
    (
        "In 2017, the spaces helped incubated enterprises gain 3.15 billion yuan of government funding, a year-on-year increase of 37%.",
        "3.15 billion yuan",
        {"value": 3_150_000_000, "unit": "CNY", "unit_class": "currency", "qualifier": "exact"},
    ),
    (
        "In 2017, the spaces helped incubated enterprises gain 3.15 billion yuan of government funding, a year-on-year increase of 37%.",
        "37%",
        {"value": 37, "unit": "percent", "change": "increase", "change_basis_text": "year-on-year"},
    ),
    (
        "The launching price for micro satellite is averaged US$30-50 thousands a kilogram internationally and US$20-30 thousands in China.",
        "US$30-50 thousands a kilogram",
        {
            "value": None,
            "low": 30_000,
            "high": 50_000,
            "unit": "USD",
            "per": "kilogram",
            "scale_text": "thousands",
        },
    ),
    (
        "The launching price for micro satellite is averaged US$30-50 thousands a kilogram internationally and US$20-30 thousands in China.",
        "US$20-30 thousands",
        {"low": 20_000, "high": 30_000, "unit": "USD", "per": None},
    ),
    (
        "In the same year, a total of nearly 300,000 R&D findings were translated through technology markets, with the technology contract value arriving at RMB 857.7 billion.",
        "RMB 857.7 billion",
        {"value": 857_700_000_000, "unit": "CNY", "qualifier": "exact"},
    ),
    (
        "In the same year, a total of nearly 300,000 R&D findings were translated through technology markets, with the technology contract value arriving at RMB 857.7 billion.",
        "300,000",
        {"value": 300_000, "qualifier": "about", "counted": "R&D findings"},
    ),
    (
        "and more than 1,000 venture capital companies with a combined capital of more than RMB 350 billion.",
        "RMB 350 billion",
        {"value": 350_000_000_000, "unit": "CNY", "qualifier": "over"},
    ),
    (
        "The number of hatching platforms which are supported by the governments at central and local level have reached to 7500 thousands nationally.",
        "7500 thousands",
        {"value": 7_500_000, "unit": "count", "scale_text": "thousands"},
    ),
    (
        "The spaces covered a total area of more than 25 million ㎡, provided over\n1.05 million job opportunities, a year-on-year increase",
        "25 million ㎡",
        {"value": 25_000_000, "unit": "m2", "unit_class": "area", "qualifier": "over"},
    ),
    (
        "The spaces covered a total area of more than 25 million ㎡, provided over\n1.05 million job opportunities, a year-on-year increase",
        "1.05 million",
        {"value": 1_050_000, "qualifier": "over", "counted": "job opportunities"},
    ),
    (
        "In 2017, there were 5,739 makers' spaces according to statistics of Torch Center, an increase of over 33% compared with 2016.",
        "5,739",
        {"value": 5739, "unit": "count", "counted": "makers' spaces", "qualifier": "exact"},
    ),
    (
        "In 2017, there were 5,739 makers' spaces according to statistics of Torch Center, an increase of over 33% compared with 2016.",
        "33%",
        {
            "value": 33,
            "qualifier": "over",
            "change": "increase",
            "change_basis_text": "compared with 2016",
        },
    ),
    (
        "In 2016, 53.96 billion yuan ($7.83 billion) was raised for mass entrepreneurship and innovation projects across the nation, of which 72.5 percent were channeled into manufacturing projects.",
        "53.96 billion yuan",
        {"value": 53_960_000_000, "unit": "CNY", "equivalent_of": None},
    ),
    (
        "In 2016, 53.96 billion yuan ($7.83 billion) was raised for mass entrepreneurship and innovation projects across the nation, of which 72.5 percent were channeled into manufacturing projects.",
        "$7.83 billion",
        {"value": 7_830_000_000, "unit": "USD", "equivalent_of": 0},
    ),
    (
        "In addition venture capital up to 1.8 billon yuan is made available to start-ups through 16 investment funds.",
        "1.8 billon yuan",
        {"value": 1_800_000_000, "unit": "CNY", "scale_text": "billon", "qualifier": "under"},
    ),
    (
        "In 2014, China had over 1,600 incubators, providing services for more than 80,000 startups and employing 1.75 million people;",
        "1,600",
        {"value": 1600, "qualifier": "over", "counted": "incubators"},
    ),
    (
        "“The annual sales of 2012 was 1 million yuan, the average of monthly sales in 2013 was 1 million yuan, the average daily sales was 1 million yuan in 2015, the sales for 2017 is expected to reach 1 billion yuan and profit to be 10 million yuan.”",
        "1 billion yuan",
        {"value": 1_000_000_000, "status_hint": "expected"},
    ),
    (
        "Eaglesky is able to achieve breakeven this year with sales expected to reach 30-40 million yuan in 2018.",
        "30-40 million yuan",
        {"low": 30_000_000, "high": 40_000_000, "unit": "CNY", "status_hint": "expected"},
    ),
    (
        "This project has successfully attracted investment valued at close to one hundred million USD recently.",
        "one hundred million USD",
        {"value": 100_000_000, "unit": "USD", "qualifier": "about"},
    ),
    (
        "The size of capital from investment funds dedicated to start-ups in high-tech industries has reached to 358 billion yuan which has expanded by 6 times from the level in 2012.",
        "6 times",
        {"value": 6, "unit": "times", "unit_class": "multiplier", "change": "increase"},
    ),
    (
        "At present, its monthly turnover exceeds 80 million yuan and its net sales volume reached 640 million yuan in 2017.",
        "80 million yuan",
        {"value": 80_000_000, "per": "month", "qualifier": "over"},
    ),
    (
        "Flowerplus incubated by Suhehui grew to become the champion of flower industry over two years and completed four rounds of financing within a year.",
        "four",
        {"value": 4, "counted": "rounds", "is_word_number": True},
    ),
    (
        "The increase of business registration has been extraordinary, jumping from 9.46  million in 2012 to 16.51 million in 2016.",
        "16.51 million",
        {"value": 16_510_000},
    ),
]


def test_daily_average_is_a_rate_per_day():
    text = NOTABLE_FIGURES[16][0]
    by_basis = [(q.value, q.per) for q in extract(text) if q.unit == "CNY"]
    assert by_basis == [
        (1_000_000, "year"),
        (1_000_000, "month"),
        (1_000_000, "day"),
        (1_000_000_000, None),
        (10_000_000, None),
    ]


@pytest.mark.parametrize(
    ("sentence", "surface", "fields"), NOTABLE_FIGURES, ids=[f[1] for f in NOTABLE_FIGURES]
)
def test_notable_seed_figure(sentence, surface, fields):
    found = extract(sentence)
    matching = [q for q in found if q.text == surface]
    assert matching, f"{surface!r} not among {[q.text for q in found]}"
    quantity = matching[0]
    for field, want in fields.items():
        got = getattr(quantity, field)
        assert got == (
            pytest.approx(want)
            if isinstance(want, float | int) and not isinstance(want, bool)
            else want
        ), field


def _seed_documents() -> dict[str, Path]:
    sources = PROJECT / "sources"
    found = (
        {p.name: p for p in sources.rglob("*") if p.name in SEED_EXPECTATIONS}
        if sources.is_dir()
        else {}
    )
    return found


@pytest.mark.parametrize("name", sorted(SEED_EXPECTATIONS))
def test_every_quantity_of_each_seed_document(name):
    documents = _seed_documents()
    if name not in documents:
        pytest.skip(f"{name} is not in sources/")
    text = documents[name].read_text(encoding="utf-8")
    rows = []
    for q in extract(text):
        value = q.value if q.value is not None else [q.low, q.high]
        row = f"{' '.join(q.text.split())} | {value} | {q.unit} | {q.qualifier}"
        rows.append(row + (f" | {q.counted}" if q.counted else ""))
    assert rows == SEED_EXPECTATIONS[name]
