"""figures.quantities.extract_dates: dates and periods with offsets, parts and granularity."""

import pytest

from figures.quantities import extract, extract_dates

CASES = [
    ("The report is dated 2018-12-05.", [("2018-12-05", 2018, 12, 5, "day")]),
    ("On December 5, 2018 the centre opened.", [("December 5, 2018", 2018, 12, 5, "day")]),
    ("It closed on 5 Dec. 2018 after a review.", [("5 Dec. 2018", 2018, 12, 5, "day")]),
    ("The premier visited on May 7.", [("May 7", None, 5, 7, "day")]),
    ("The newsletter of June 2015 lists them.", [("June 2015", 2015, 6, None, "month")]),
    (
        "Sales fell in the third quarter of 2019.",
        [("the third quarter of 2019", 2019, None, None, "quarter")],
    ),
    ("Profit doubled in Q3 2020.", [("Q3 2020", 2020, None, None, "quarter")]),
    (
        "Growth slowed in the first half of 2017.",
        [("the first half of 2017", 2017, None, None, "half")],
    ),
    ("Revenue rose in H1 2021.", [("H1 2021", 2021, None, None, "half")]),
    ("Since 2014, the number has tripled.", [("2014", 2014, None, None, "year")]),
    (
        "Output grew from 2014-2017 and will double by 2020.",
        [
            ("2014", 2014, None, None, "year"),
            ("2017", 2017, None, None, "year"),
            ("2020", 2020, None, None, "year"),
        ],
    ),
    ("Firms may 5 times over say so; march on.", []),
    ("The firm has 2017 employees.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_date_mentions(text, expected):
    found = extract_dates(text)
    assert [(d.text, d.year, d.month, d.day, d.granularity) for d in found] == expected
    for mention in found:
        assert text[mention.start : mention.end] == mention.text


def test_quarters_and_halves_are_numbered():
    quarter, half = extract_dates("In the fourth quarter of 2019 and the second half of 2020.")
    assert (quarter.quarter, quarter.half) == (4, None)
    assert (half.quarter, half.half) == (None, 2)


def test_dates_and_quantities_do_not_overlap():
    text = "On May 7, 2017, the fund raised 3 billion yuan, up 12% from 2016."
    date_spans = [(d.start, d.end) for d in extract_dates(text)]
    assert [text[s:e] for s, e in date_spans] == ["May 7, 2017", "2016"]
    for q in extract(text):
        assert all(q.end <= s or q.start >= e for s, e in date_spans)
