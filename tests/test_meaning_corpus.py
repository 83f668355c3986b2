"""The labelled meaning corpus (benchmarks/meaning_corpus): every document ingests cleanly with
its provenance sidecar, and every gold figure can be found in its document with allowed values,
so a bad edit to the corpus fails CI rather than silently changing the accuracy figures."""

from __future__ import annotations

import csv
import importlib.util
import sys
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


def test_no_page_is_two_documents_in_either_corpus():
    assert check_gold.same_pages([CORPUS, CORPUS.parent / "meaning_corpus_zh"]) == []


def test_copies_of_one_address_are_one_page(tmp_path):
    (tmp_path / "documents").mkdir()
    for name, url in [("a", "http://www.Example.com/news/1.html"), ("b", "https://example.com/news/1.html/"),
                      ("c", "https://m.example.com/news/1.html"), ("d", "https://example.com/news/2.html")]:
        (tmp_path / "documents" / f"{name}.txt.meta.yml").write_text(f"url: {url}\n", encoding="utf-8")
    assert check_gold.same_pages([tmp_path]) == [
        "one page, several documents: a.txt, b.txt, c.txt (example.com/news/1.html)"
    ]


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
    ("sentence", "period", "flagged"),
    [
        ("截至2021年12月31日,优客工场已承诺在65个城市提供273个办公空间。", "2021", True),
        ("截至2021年12月31日,优客工场已承诺在65个城市提供273个办公空间。", "2021-12-31", False),
        ("We had cash of RMB13.4 billion as of December 31, 2019.", "2019", True),
        ("We had cash of RMB13.4 billion as of December 31, 2019.", "2019-12-31", False),
        ("As of December 31, 2019, we had cash of RMB13.4 billion.", "2019", True),
        ("截至2021年底,优客工场已承诺在65个城市提供273个办公空间。", "2021", False),
    ],
)
def test_stocks_dated_to_31_december_take_the_day(sentence, period, flagged):
    number = next(n for n in ("273", "RMB13.4 billion") if n in sentence)
    figure = {"context": number, "period": period, "measure_type": "stock"}
    problem = check_gold.day_label_problem(check_gold.squeeze(sentence), number, figure)
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


@pytest.mark.parametrize(
    ("field", "value", "flagged"),
    [
        ("geography", "macao", False),
        ("geography", "macau", True),  # an alias of macao: the warehouse never outputs it
        ("entity", "urwork", True),  # the former name of ucommune
        ("geography", "qianhai_youth_hub", False),  # a site's own slug, unknown to the catalog
        ("geography", None, False),
    ],
)
def test_gold_names_catalog_entities_by_their_id(field, value, flagged):
    with check_gold.ENTITIES.open(encoding="utf-8") as handle:
        by_alias = check_gold.entity_ids_by_alias(csv.DictReader(handle))
    assert (check_gold.entity_id_problem({field: value}, by_alias) is not None) == flagged


def test_place_ids_lists_the_ids_the_warehouse_gives_places():
    sys.modules.setdefault("check_gold", check_gold)
    spec = importlib.util.spec_from_file_location("place_ids", CORPUS / "place_ids.py")
    place_ids = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(place_ids)
    rows = place_ids.entity_rows()
    found = [(source, row["entity_id"]) for source, row in place_ids.matching(rows, ["Tianjin", "high-tech"])]
    assert ("reference", "tianjin_binhai_high_tech_zone") in found
    # Chinese names, as the aliases hold them; the seed's rows first
    assert [row["entity_id"] for _, row in place_ids.matching(rows, ["鄂尔多斯市"])][:1] == ["ordos"]
    assert next(source for source, _ in place_ids.matching(rows, ["shenzhen"])) == "seed"


def test_gold_names_reference_places_by_their_id():
    by_alias, place_aliases = check_gold.catalog_aliases()
    # a zone the reference places know by the alias its slug spells
    problem = check_gold.entity_id_problem({"geography": "tianjin_high_tech_zone"}, by_alias, place_aliases)
    assert problem is not None and "tianjin_binhai_high_tech_zone" in problem
    # a place's alias that is an organisation's slug elsewhere is read for places only
    assert check_gold.entity_id_problem({"entity": "hkstp"}, by_alias, place_aliases) is None


@pytest.mark.parametrize(
    ("measure_type", "period", "period_type", "flagged"),
    [
        ("other", None, None, False),  # a cap of a programme
        ("other", None, "point", True),
        ("other", "2021", None, True),  # a dated bound takes a type
        ("other", "2021", "point", False),
        ("stock", None, "point", False),  # "now has 180 makerspaces"
        ("stock", None, None, True),
        ("flow", None, "span", False),  # "has invested in 292 firms so far"
        ("flow", None, None, True),
        ("flow", "2016", "point", True),
        ("share", None, None, True),
        ("change", "2016", "point", True),  # "up 11.8 percent year on year"
        ("change", "2016", "span", False),
        ("stock", "2020", "span", True),
        ("stock", "2018-Q3", "span", False),  # average monthly active users of the quarter
    ],
)
def test_period_type_conventions(measure_type, period, period_type, flagged):
    figure = {"measure_type": measure_type, "period": period, "period_type": period_type, "concept": "x"}
    assert (check_gold.period_type_problem(figure) is not None) == flagged


_scorer_spec = importlib.util.spec_from_file_location(
    "warehouse_accuracy", CORPUS.parent / "warehouse_accuracy.py"
)
warehouse_accuracy = importlib.util.module_from_spec(_scorer_spec)
# its dataclasses look their module up by name
sys.modules.setdefault("warehouse_accuracy", warehouse_accuracy)
_scorer_spec.loader.exec_module(sys.modules["warehouse_accuracy"])
warehouse_accuracy = sys.modules["warehouse_accuracy"]


@pytest.mark.parametrize(
    ("gold", "label", "same"),
    [
        ("2017-01/2017-09", "2017-Q1/2017-Q3", True),  # the first three quarters, spelled two ways
        ("2013-01/2013-06", "2013-H1", True),
        ("2016-01/2016-12", "2016", True),
        ("2017-06-01/2017-06-30", "2017-06", True),
        ("2017-06", "2017-H1", False),  # a month is not the half it ends
        ("2017-01/2017-08", "2017-Q1/2017-Q3", False),
        ("2016", "2016/2017", False),
        ("2016", "2017", False),
    ],
)
def test_the_scorer_counts_a_period_right_only_for_the_same_days(gold, label, same):
    assert warehouse_accuracy.same_period(gold, label) is same


@pytest.mark.parametrize("corpus", [CORPUS, CORPUS.parent / "meaning_corpus_zh"], ids=["english", "chinese"])
def test_every_gold_period_reads_as_a_range_of_days(corpus):
    gold = warehouse_accuracy.load_gold(corpus, warehouse_accuracy.corpus_documents(corpus))
    periods = {figure.get("period") for figure in gold} - {None}
    unreadable = sorted(period for period in periods if warehouse_accuracy.period_range(period) is None)
    assert unreadable == []
    first, last = warehouse_accuracy.period_range("2017-Q1/2017-Q3")
    assert (first.isoformat(), last.isoformat()) == ("2017-01-01", "2017-09-30")


def test_tuning_on_dev_shows_no_holdout_column(capsys):
    splits = warehouse_accuracy.shown_splits("dev")
    assert splits == ("dev",)
    table = {"dev": {"period right": {"right": 3, "of": 4}}}
    warehouse_accuracy.print_table(table, splits)
    printed = capsys.readouterr().out
    assert "75.0% (3/4)" in printed
    assert "holdout (untuned)" not in printed.splitlines()[0]
    # every other run shows all three columns
    assert warehouse_accuracy.shown_splits("none") == warehouse_accuracy.shown_splits("holdout") == ("holdout", "dev", "all")


def test_a_gold_source_error_counts_as_flagged_when_quarantined_or_warned_but_not_in_the_review_list():
    def figure(figure_id, quarantined=False):
        return {"figure_id": figure_id, "document_id": "d", "is_quarantined": quarantined}

    wh = warehouse_accuracy.Warehouse(
        clean_text={"d": "text"}, figure_columns={"is_quarantined"},
        figures={f: figure(f, f == "quarantined") for f in ("quarantined", "warned", "reviewed", "silent", "right")},
        observations={}, unit_aliases={}, currency_aliases={}, part_of=set(), place_parent={},
        issues=[{"issue_id": "w", "severity": "warn", "rule_id": "sources_agree"},
                {"issue_id": "r", "severity": "warn", "rule_id": "figure_classified"},
                {"issue_id": "i", "severity": "info", "rule_id": "one_value_reports_reconciled"}],
    )  # fmt: skip
    concerned = {"w": {"warned"}, "r": {"reviewed"}, "i": {"silent"}}
    flagged = warehouse_accuracy.flagged_figures(wh, concerned)
    assert flagged == {"quarantined", "warned"}

    def result(figure_id, source_error, outcome="found"):
        gold = warehouse_accuracy.GoldFigure("d", 1, {"number": "1", "source_error": source_error})
        return warehouse_accuracy.FigureResult(gold, outcome, figure(figure_id) if outcome == "found" else None)

    results = [result("quarantined", "scale"), result("warned", "scale"), result("reviewed", "scale"),
               result("silent", "scale"), result("right", None), result(None, "scale", outcome="missed")]  # fmt: skip
    judged = [(r.row and r.row["figure_id"], is_flagged) for r, is_flagged in warehouse_accuracy.source_errors_flagged(results, flagged)]
    assert judged == [("quarantined", True), ("warned", True), ("reviewed", False), ("silent", False), (None, False)]


def test_a_gold_slug_of_a_place_the_warehouse_names_from_the_text_matches_by_its_words():
    wh = warehouse_accuracy.Warehouse(
        clean_text={}, figure_columns=set(), figures={}, observations={}, issues=[], unit_aliases={},
        currency_aliases={}, part_of=set(), place_parent={},
        entity_ids={"nanchang", "nanchang_xiaolan_economic_development_zone", "jiangxi"},
        places_found_in_text={"nanchang_xiaolan_economic_development_zone"},
    )  # fmt: skip

    def right(gold_place, found_place):
        gold = warehouse_accuracy.GoldFigure("d", 1, {"number": "1", "geography": gold_place})
        return warehouse_accuracy.geography_right(gold, {"geography_id": found_place}, wh)

    assert right("nanchang_xiaolan_development_zone", "nanchang_xiaolan_economic_development_zone")
    # another kind of place, a word the zone's name lacks, or a place the warehouse knows by its id: wrong
    assert not right("nanchang_xiaolan_park", "nanchang_xiaolan_economic_development_zone")
    assert not right("nanchang_high_tech_zone", "nanchang_xiaolan_economic_development_zone")
    assert not right("nanchang", "nanchang_xiaolan_economic_development_zone")
    assert not right("jiangxi_development_zone", "nanchang")


@pytest.mark.parametrize(
    ("context", "number", "flagged"),
    [
        ("安徽2020年20家高新区", "20", True),  # the year's digits come first
        ("年20家高新区", "20", False),
        ("in 2012 when just 2 percent", "2", True),
        ("when just 2 percent", "2", False),
        ("Haidian Park48.4124.393.2", "124.3", False),  # a table's glued cells: no other occurrence to take
        ("up 10.6 percent, 0.6 points more", "0.6", True),
    ],
)
def test_a_number_first_found_inside_a_longer_one_is_flagged(context, number, flagged):
    assert check_gold.located_inside_a_longer_number(context, number) == flagged
