"""The labelled meaning corpus (benchmarks/meaning_corpus): every document ingests cleanly with
its provenance sidecar, and every gold figure can be found in its document with allowed values,
so a bad edit to the corpus fails CI rather than silently changing the accuracy figures."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

from figures.ingest import ingest_sources

CORPUS = Path(__file__).resolve().parent.parent / "benchmarks" / "meaning_corpus"
_spec = importlib.util.spec_from_file_location("check_gold", CORPUS / "check_gold.py")
check_gold = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_gold)


def test_every_corpus_document_ingests_with_its_provenance():
    documents = ingest_sources(CORPUS / "documents")
    assert len(documents) == len(list((CORPUS / "documents").rglob("*.meta.yml"))) >= 40
    problems = {doc.source_path: doc.error for doc in documents if doc.status != "ok"}
    assert problems == {}
    assert all(doc.url and doc.publisher and doc.published_on for doc in documents)
    assert len({doc.publisher for doc in documents}) >= 15


@pytest.mark.parametrize("corpus", [CORPUS, CORPUS.parent / "meaning_corpus_zh"], ids=["english", "chinese"])
def test_every_gold_figure_is_located_and_well_formed(corpus):
    docs = check_gold.documents(corpus)
    with check_gold.CATALOG.open(encoding="utf-8") as handle:
        indicators = {row["indicator_id"]: row for row in csv.DictReader(handle)}
    gold_files = sorted((corpus / "gold").glob("*.yml"))
    assert {path.stem for path in gold_files} == set(docs)
    problems = {path.name: check_gold.problems(path, docs, indicators) for path in gold_files}
    assert {name: found for name, found in problems.items() if found} == {}


@pytest.mark.parametrize(
    ("sentence", "period", "measure_type", "flagged"),
    [
        ("By the end of 2017, the province had 5.934 million households.", "2017-12", "stock", True),
        ("As of end-2017 there were 4,069 incubators.", "2017-12", "stock", True),
        ("截至2017年底，全国共有众创空间5739家。", "2017-12", "stock", True),
        ("By the end of 2017, the province had 5.934 million households.", "2017", "stock", False),
        ("At the end of December 2017, there were 4,069 incubators.", "2017-12", "stock", False),
        ("截至2017年12月底，全国共有众创空间5739家。", "2017-12", "stock", False),
        # a month-on-month change at the year's end is December's change
        ("By the end of 2017, households were up 0.9% month-on-month.", "2017-12", "change", False),
    ],
)
def test_year_end_stocks_take_the_year(sentence, period, measure_type, flagged):
    number = next(n for n in ("5.934 million", "4,069", "5739", "0.9%") if n in sentence)
    figure = {"context": number, "period": period, "measure_type": measure_type}
    problem = check_gold.year_end_label_problem(check_gold.squeeze(sentence), number, figure)
    assert (problem is not None) == flagged


@pytest.mark.parametrize(
    ("indicator", "measure_type", "concept", "flagged"),
    [
        ("incubators", "stock", "incubators in China", False),
        ("investment_won", "stock", "investment won by incubated firms, cumulative", True),
        ("new_enterprises_registered", "rate", "new enterprises registered per day", False),
        ("incubators", "stock", "national-level incubators", True),
        ("makerspaces", "stock", "makerspaces of city level and above", True),
        ("high_tech_zones", "stock", "national-level high-tech zones", False),
        ("high_tech_zones", "stock", "state-level high-tech zones", False),
        ("startup_fund_capital", "stock", "capital of a provincial fund for start-ups", False),
        ("company_profit", "flow", "net loss of Xiaomi", False),
        ("company_profit", "flow", "operating profit of Xiaomi", True),
        ("company_profit", "flow", "adjusted EBITDA of Meituan", True),
    ],
)
def test_indicator_conventions(indicator, measure_type, concept, flagged):
    with check_gold.CATALOG.open(encoding="utf-8") as handle:
        catalog = {row["indicator_id"]: row for row in csv.DictReader(handle)}
    figure = {"indicator": indicator, "measure_type": measure_type, "concept": concept}
    assert (check_gold.indicator_problem(figure, catalog) is not None) == flagged
