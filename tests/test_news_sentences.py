"""The labelled news sentence set (benchmarks/news_sentences): the gold parses, every sentence has
provenance, the split follows the documented rule and counts, units are canonical, and every gold
value can be read back from the words it cites in its sentence, so a bad edit fails CI rather than
silently changing the accuracy figures."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

NEWS = Path(__file__).resolve().parent.parent / "benchmarks" / "news_sentences"
RESERVED = Path("/work/shared/reserved-sources.txt")
_spec = importlib.util.spec_from_file_location("news_check", NEWS / "check.py")
check = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check)


def _all_cases() -> list[dict]:
    return [case for part in check.PARTS for case in check.load(part)]


def test_gold_parses_and_is_large_enough():
    cases = _all_cases()
    assert len(cases) >= 600
    assert all(isinstance(case["text"], str) and case["text"].strip() for case in cases)
    assert all(isinstance(case["quantities"], list) for case in cases)
    texts = [case["text"] for case in cases]
    assert len(texts) == len(set(texts)), "a sentence appears twice"
    # Sentences with no quantity are part of the set: they score false positives.
    assert sum(1 for case in cases if not case["quantities"]) >= 50


def test_every_sentence_has_provenance():
    sources = check.sources()
    for key, source in sources.items():
        assert source.get("url", "").startswith("http"), key
        assert source.get("publisher"), key
    used = {case["source"] for case in _all_cases()}
    assert used - {"written"} <= set(sources)
    assert set(sources) <= used, "a source no sentence uses"
    assert len({source["publisher"] for source in sources.values()}) >= 80
    if RESERVED.exists():
        reserved = {line.strip() for line in RESERVED.read_text(encoding="utf-8").splitlines()}
        assert not {source["url"] for source in sources.values()} & reserved


def test_split_counts_are_as_documented():
    readme = (NEWS / "README.md").read_text(encoding="utf-8")
    documented = re.search(r"Split counts: dev (\d+) sentences, holdout (\d+) sentences", readme)
    assert documented, "README.md states no split counts"
    assert (len(check.load("dev")), len(check.load("holdout"))) == tuple(
        map(int, documented.groups())
    )


def test_every_gold_quantity_is_well_formed_and_read_back_from_its_sentence():
    assert check.problems() == []


def test_the_read_back_catches_a_wrong_value_scale_or_span():
    sentence = "Cisco earned $2.5 billion, or 46 cents per share, in 3 1/2 months."
    good = [
        {"value": 2500000000, "unit": "USD", "text": "$2.5 billion"},
        {"value": 0.46, "unit": "USD", "printed_unit": "cent", "per": "share", "text": "46 cents"},
        {"value": 3.5, "unit": "month", "text": "3 1/2 months"},
    ]
    assert [check.value_problem(sentence, q) for q in good] == [None, None, None]
    wrong = [
        {"value": 250000000, "unit": "USD", "text": "$2.5 billion"},
        {"value": 46, "unit": "USD", "printed_unit": "cent", "text": "46 cents"},
        {"value": 3, "unit": "month", "text": "3 1/2 months"},
        {"value": 2500000000, "unit": "USD", "text": "$2.5 bilion"},
    ]
    assert all(check.value_problem(sentence, q) for q in wrong)
    assert check.unit_problem({"value": 1, "unit": "kilometers"})
    assert check.unit_problem({"value": 1, "unit": "count"})  # a count names its noun


def test_the_number_reader_knows_the_forms_the_gold_uses():
    cases = {
        "thirteen dollars and forty-five cents": [13.45],
        "3 dollars 50 cents": [3.5],
        "7 3/4 %": [7.75],
        "a year-and-a-half": [1.5],
        "half a million": [500000.0],
        "one hundred and twenty": [120],
        "two-thirds": [2 / 3],
        "30-40 million": [30.0, 4e7],
        "minus 12 degrees": [-12.0],
        "a dozen": [12.0],
        "twice": [2.0],
    }
    assert {text: check._numbers(text) for text in cases} == cases
