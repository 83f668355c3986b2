"""The extractor against the labelled sentences in data/quantity_cases.yaml.

Each case lists every quantity its sentence holds, in order; only the fields given are checked.
"""

from pathlib import Path

import pytest
import yaml

from figures.quantities import extract

CASES = yaml.safe_load((Path(__file__).parent / "data" / "quantity_cases.yaml").read_text("utf-8"))


def _describe(quantities) -> str:
    return "; ".join(
        f"{q.text!r} value={q.value} low={q.low} high={q.high} unit={q.unit}" for q in quantities
    )


def test_the_case_table_is_large_and_varied():
    assert len(CASES) >= 150
    assert sum(1 for case in CASES if not case["quantities"]) >= 25


@pytest.mark.parametrize("case", CASES, ids=[case["text"][:60] for case in CASES])
def test_case(case):
    text = case["text"]
    found = extract(text)
    expected = case["quantities"]
    assert len(found) == len(expected), f"found {_describe(found)}"
    for quantity, fields in zip(found, expected):
        assert text[quantity.start : quantity.end] == quantity.text
        for field, want in fields.items():
            got = getattr(quantity, field)
            if isinstance(want, float) or (isinstance(want, int) and not isinstance(want, bool)):
                assert got == pytest.approx(want), (
                    f"{field} of {quantity.text!r}: {got!r} != {want!r}"
                )
            else:
                assert got == want, f"{field} of {quantity.text!r}: {got!r} != {want!r}"
