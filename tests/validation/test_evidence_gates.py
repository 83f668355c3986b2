"""The comparing rules speak only on evidence: each frame is run on a small hand-built warehouse
whose rows are real readings from the meaning corpus (values, periods, concepts), once with the
evidence the rule requires and once without it.

- sources_agree, part_not_above_whole, growth_rate_matches_values: both readings firm (period
  from the figure's own text, indicator by the cues matching its own counted noun and concept);
- part_not_above_whole: both values within their indicator's plausible range;
- indicator_within_plausible_range: below the range only with a scale word;
- share_within_0_100: not a fulfilment of a target, not a change the next words state, not a
  rate or ratio the words before name (in Chinese also a change), not a negative percentage;
- sources_agree: not two counts an order of magnitude apart with different counted nouns.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from expectations.validate import load_rules, read_frame
from figures.meaning import read_meaning
from figures.quantities import extract

RULES = {rule.id: rule for rule in load_rules()}

INDICATORS = pd.DataFrame(
    [
        # indicator_id, label, part_of, noun_cues, context_cues, plausible_min, plausible_max, tolerance, measure type
        ("incubators", "Incubators", None, r"incubators?", "incubat", 10.0, 100000.0, 0.01, "stock"),
        ("people_employed", "People employed", None, r"people|employees?|workers?", "employ", 1000.0, 1e8, 0.01, "stock"),
        ("graduates_hired", "Graduates hired", "people_employed", r"graduates?", "graduat", 100.0, 1e8, 0.01, "stock"),
        ("market_entities", "Market entities", None, r"market entities|business entities", "market entit", 1000.0, 1e9, 0.01, "stock"),
        ("jobs_created", "Jobs created", None, r"(new )?(urban )?jobs", "creat", 100.0, 1e8, 0.01, "flow"),
        ("new_enterprises_registered", "New enterprises registered", None, r"new enterprises|new companies", "new", 100.0, 1e8, 0.01, "flow"),
        ("new_market_entities_registered", "New market entities registered", None, r"new(ly)? market entities", "new", 100.0, 1e9, 0.01, "flow"),
    ],
    columns=["indicator_id", "label", "part_of_indicator_id", "noun_cues", "context_cues",
             "plausible_min", "plausible_max", "agreement_tolerance", "measure_type"],
)
# The Chinese cues a Chinese figure's concept is matched with.
CUES_ZH = pd.DataFrame(
    [("new_market_entities_registered", "新设市场主体|新增市场主体|市场主体", "市场主体")],
    columns=["indicator_id", "noun_cues", "context_cues"],
)


def _figure(figure_id, document_id, surface_text, *, concept, counted_noun, unit_class="count",
            scale_text=None, measure_type="stock", measure_cue=None, start_char=0, end_char=None):
    return {
        "figure_id": figure_id, "document_id": document_id, "surface_text": surface_text,
        "concept": concept, "counted_noun": counted_noun, "unit_class": unit_class,
        "scale_text": scale_text, "measure_type": measure_type, "measure_cue": measure_cue, "start_char": start_char,
        "end_char": end_char if end_char is not None else start_char + len(surface_text),
        "change_direction": None, "is_percentage_point": False, "indicator_id": None,
        "value_low": None, "value_point": None, "value_high": None, "geography_source": None,
    }


def _observation(observation_id, figure, indicator_id, value, *, period_source, value_id,
                 period_label="2014", geography_id="china", sentence_id=None, qualifier="exact",
                 value_low=None, value_high=None, method="cues", value_basis="reported", rate_basis=None):
    point = None if (value_low is not None or value_high is not None) else value
    return {
        "observation_id": observation_id, "indicator_value_id": value_id, "is_derived": value_basis != "reported",
        "value_basis": value_basis, "parent_observation_id": None, "figure_id": figure["figure_id"],
        "document_id": figure["document_id"], "sentence_id": sentence_id or figure["document_id"] + ":1",
        "indicator_id": indicator_id, "entity_id": None, "geography_id": geography_id,
        "period_label": period_label, "period_source": period_source, "period_is_fallback": period_source == "publication_date",
        "is_quarantined": False, "status": "actual", "rate_basis": rate_basis, "unit": "count",
        "period_year": int(period_label[:4]),
        "qualifier": qualifier, "value_low": value_low if value_low is not None else point,
        "value_high": value_high if value_high is not None else point, "value_point": point,
        "value_central": value, "classification_method": method,
    }


def _value(value_id, indicator_id, chosen, documents, *, geography_id="china", period_label="2014"):
    return {
        "indicator_value_id": value_id, "indicator_id": indicator_id, "geography_id": geography_id,
        "entity_id": None, "period_label": period_label, "status": "actual", "rate_basis": None,
        "value_basis": "reported", "unit": "count", "chosen_value": chosen["value_central"],
        "chosen_observation_id": chosen["observation_id"], "chosen_document_id": chosen["document_id"],
        "n_sources": len(documents), "n_supporting_sources": 1,
        "agreement_tolerance": float(INDICATORS.set_index("indicator_id").loc[indicator_id, "agreement_tolerance"]),
    }


def _warehouse(tmp_path, figures, observations, values, documents=()):
    """A database with the marts and staging tables the frames read, holding only these rows."""
    path = tmp_path / "gates.duckdb"
    connection = duckdb.connect(str(path))
    connection.execute("create schema marts; create schema staging; create schema reference")
    tables = {
        "marts.fct_figure": pd.DataFrame(figures),
        "marts.fct_indicator_observation": pd.DataFrame(observations),
        "marts.fct_indicator_value": pd.DataFrame(values),
        "marts.dim_indicator": INDICATORS,
        "marts.dim_entity": pd.DataFrame([("china", None), ("jiangsu", "china")], columns=["entity_id", "parent_entity_id"]),
        "staging.stg_documents": pd.DataFrame(list(documents) or [("none", "")], columns=["document_id", "clean_text"]),
        "reference.indicator_cues_zh": CUES_ZH,
    }
    for name, frame in tables.items():
        connection.register("rows", frame)
        connection.execute(f"create table {name} as select * from rows")
        connection.unregister("rows")
    # Columns pandas cannot type from all-null rows are cast to what the marts hold.
    for column in ("counted_noun", "scale_text", "change_direction", "indicator_id", "concept", "measure_cue", "geography_source"):
        connection.execute(f"alter table marts.fct_figure alter {column} type varchar")
    for column in ("value_low", "value_high", "value_point"):
        connection.execute(f"alter table marts.fct_figure alter {column} type double")
        connection.execute(f"alter table marts.fct_indicator_observation alter {column} type double")
    for column in ("entity_id", "rate_basis", "parent_observation_id"):
        for table in ("marts.fct_indicator_observation", "marts.fct_indicator_value"):
            if column in tables[table].columns:
                connection.execute(f"alter table {table} alter {column} type varchar")
    connection.execute("alter table marts.dim_indicator alter part_of_indicator_id type varchar")
    connection.execute("alter table marts.dim_entity alter parent_entity_id type varchar")
    return connection


# "In 2014, the number of technology-based business incubators exceeded 1,600." (State Council)
# against "by the end of 2014 around 305 startup business incubators ... for students returning
# from abroad" (a sub-population the reader filed as all incubators).
OVER_1600 = _figure("a@1", "a", "1,600", concept="technology-based business incubators", counted_noun="technology-based business incubators")
STARTUP_305 = _figure("b@1", "b", "305", concept="startup business incubators", counted_noun="startup business incubators")


def _incubator_conflict(tmp_path, period_source_of_305):
    observations = [
        _observation("a@1:reported", OVER_1600, "incubators", 1600.0, period_source="text", value_id="v", value_low=1600.0, value_high=None, qualifier="over"),
        _observation("b@1:reported", STARTUP_305, "incubators", 305.0, period_source=period_source_of_305, value_id="v"),
    ]
    values = [_value("v", "incubators", observations[1], ["a", "b"])]
    return _warehouse(tmp_path, [OVER_1600, STARTUP_305], observations, values)


def test_firm_readings_that_disagree_are_warned_with_both_documents(tmp_path):
    frame = read_frame(_incubator_conflict(tmp_path, "text"), RULES["sources_agree"])
    row = frame.set_index("row_key").loc["v"]
    assert not row["values_agree"]
    assert row["chosen_document_id"] == "b"
    assert row["disagreeing_values"] == "a: over 1,600"


def test_a_reading_dated_by_the_discourse_does_not_make_a_disagreement(tmp_path):
    frame = read_frame(_incubator_conflict(tmp_path, "discourse"), RULES["sources_agree"])
    assert frame.set_index("row_key").loc["v", "values_agree"]
    assert frame.set_index("row_key").loc["v", "disagreeing_values"] == ""


def test_an_indicator_not_read_from_the_figures_own_noun_does_not_make_a_disagreement(tmp_path):
    connection = _incubator_conflict(tmp_path, "text")
    # "the number of ... exceeded 1,600": no counted noun attached to the number itself
    connection.execute("update marts.fct_figure set counted_noun = null where figure_id = 'a@1'")
    assert read_frame(connection, RULES["sources_agree"]).set_index("row_key").loc["v", "values_agree"]


# "103,000 foreign firms" (a sub-population) and "15.28 million businesses", both filed as
# enterprises in existence in China at the end of 2013.
FOREIGN_FIRMS = _figure("f@1", "f", "103,000", concept="foreign firms", counted_noun="foreign firms")
BUSINESSES = _figure("g@1", "g", "15.28 million", concept="businesses", counted_noun="businesses")
INDICATORS.loc[len(INDICATORS)] = ("enterprises_in_existence", "Enterprises in existence", None,
                                   r"enterprises?|businesse?s?|firms?|companies", "enterpris", 1000.0, 1e9, 0.01, "stock")


def _enterprise_counts(tmp_path, foreign_value, foreign_noun="foreign firms"):
    foreign = dict(FOREIGN_FIRMS, counted_noun=foreign_noun, concept=foreign_noun)
    observations = [
        _observation("f@1:reported", foreign, "enterprises_in_existence", foreign_value, period_source="text", value_id="e", period_label="2013"),
        _observation("g@1:reported", BUSINESSES, "enterprises_in_existence", 15.28e6, period_source="relative", value_id="e", period_label="2013"),
    ]
    values = [_value("e", "enterprises_in_existence", observations[1], ["f", "g"], period_label="2013")]
    return _warehouse(tmp_path, [foreign, BUSINESSES], observations, values)


def test_counts_an_order_of_magnitude_apart_with_other_nouns_are_two_concepts_not_a_disagreement(tmp_path):
    frame = read_frame(_enterprise_counts(tmp_path, 103000.0), RULES["sources_agree"])
    assert frame.set_index("row_key").loc["e", "values_agree"]


def test_the_same_noun_an_order_of_magnitude_apart_and_other_nouns_closer_still_disagree(tmp_path):
    # a garbled scale: the same counted noun, 148 times apart
    same_noun = read_frame(_enterprise_counts(tmp_path, 103000.0, "businesses"), RULES["sources_agree"])
    assert same_noun.set_index("row_key").loc["e", "disagreeing_values"] == "f: 103,000"
    (tmp_path / "gates.duckdb").unlink()
    # other nouns, but less than ten times apart: still a disagreement
    closer = read_frame(_enterprise_counts(tmp_path, 2.0e6), RULES["sources_agree"])
    assert closer.set_index("row_key").loc["e", "disagreeing_values"] == "f: 2,000,000"


def _part_whole(tmp_path, *, part_period_source="text", whole_value=1.7e6, whole_concept="people"):
    # "makers' spaces hired more than 300,000 people" (the whole) and a graduates figure of
    # another document (the part)
    whole = _figure("w@1", "w", "1.7 million", concept=whole_concept, counted_noun=whole_concept, scale_text="million")
    part = _figure("p@1", "p", "2 million", concept="graduates", counted_noun="graduates", scale_text="million")
    observations = [
        _observation("w@1:reported", whole, "people_employed", whole_value, period_source="text", value_id="vw"),
        _observation("p@1:reported", part, "graduates_hired", 2.0e6, period_source=part_period_source, value_id="vp"),
    ]
    values = [_value("vw", "people_employed", observations[0], ["w"]), _value("vp", "graduates_hired", observations[1], ["p"])]
    return _warehouse(tmp_path, [whole, part], observations, values)


def test_a_firm_part_above_its_firm_whole_is_flagged(tmp_path):
    frame = read_frame(_part_whole(tmp_path), RULES["part_not_above_whole"])
    assert list(frame["row_key"]) == ["vp"]
    assert frame.loc[0, "excess_ratio"] == pytest.approx(2.0e6 / 1.7e6 - 1)


def test_a_part_dated_by_the_publication_date_is_not_compared(tmp_path):
    frame = read_frame(_part_whole(tmp_path, part_period_source="publication_date"), RULES["part_not_above_whole"])
    assert frame.empty


def test_a_whole_outside_its_plausible_range_is_not_compared(tmp_path):
    # "His short film company now employs 20 people" read as the national employment
    frame = read_frame(_part_whole(tmp_path, whole_value=20.0), RULES["part_not_above_whole"])
    assert frame.empty


def test_the_whole_must_be_read_from_its_own_noun(tmp_path):
    frame = read_frame(_part_whole(tmp_path, whole_concept="start-ups"), RULES["part_not_above_whole"])
    assert frame.empty


def _plausible(tmp_path, surface_text, value, scale_text):
    figure = _figure("s@1", "s", surface_text, concept="employees", counted_noun="employees", scale_text=scale_text)
    observation = _observation("s@1:reported", figure, "people_employed", value, period_source="text", value_id="vs")
    return read_frame(_warehouse(tmp_path, [figure], [observation], [_value("vs", "people_employed", observation, ["s"])]),
                      RULES["indicator_within_plausible_range"]).set_index("row_key")


def test_a_small_bare_number_below_the_range_is_not_called_a_scale_error(tmp_path):
    # "Zhang's company in Shanghai now has seven full-time employees."
    assert _plausible(tmp_path, "seven", 7.0, None).loc["s@1:reported", "is_plausible"]


def test_a_scaled_number_far_below_the_range_is_still_flagged(tmp_path):
    assert not _plausible(tmp_path, "0.05 thousand", 50.0, "thousand").loc["s@1:reported", "is_plausible"]


def test_a_far_too_large_number_is_flagged_with_or_without_a_scale_word(tmp_path):
    assert not _plausible(tmp_path, "2,500,000,000", 2.5e9, None).loc["s@1:reported", "is_plausible"]


def _flow(tmp_path, indicator_id, noun):
    # "Meanwhile, private firms created a total of 163.9 million jobs" (2015): SAIC's stock of
    # jobs in private firms reported as jobs created in one year
    figure = _figure("j@1", "j", "163.9 million", concept=noun, counted_noun=noun, scale_text="million", measure_type="flow")
    observation = _observation("j@1:reported", figure, indicator_id, 163.9e6, period_source="relative", value_id="vj", period_label="2015")
    connection = _warehouse(tmp_path, [figure], [observation], [_value("vj", indicator_id, observation, ["j"], period_label="2015")])
    return read_frame(connection, RULES["indicator_within_plausible_range"]).set_index("row_key").loc["j@1:reported", "is_plausible"]


def test_a_firm_flow_above_its_maximum_is_flagged(tmp_path):
    assert not _flow(tmp_path, "jobs_created", "jobs")


def test_a_stock_above_its_maximum_keeps_the_order_of_magnitude_margin(tmp_path):
    assert _flow(tmp_path, "people_employed", "employees")


def test_a_flow_its_own_noun_does_not_name_keeps_the_margin(tmp_path):
    assert _flow(tmp_path, "jobs_created", "private firms")


def _year_total(tmp_path, total, *, geography_source=None, rate_period_source="text"):
    # "In 2018, ... a total 67.0 million new companies being created" (OECD) against "18,100 new
    # enterprises a day" in the first half of 2018 (State Council), 6,606,500 a year
    total_figure = dict(_figure("t@1", "t", "67.0 million", concept="new companies", counted_noun="new companies",
                                scale_text="million", measure_type="flow"), geography_source=geography_source)
    rate_figure = _figure("r@1", "r", "18,100", concept="new enterprises", counted_noun="new enterprises", measure_type="flow")
    observations = [
        _observation("t@1:reported", total_figure, "new_enterprises_registered", total, period_source="text",
                     value_id="vt", period_label="2018"),
        _observation("r@1:reported:annualised", rate_figure, "new_enterprises_registered", 6606500.0,
                     period_source=rate_period_source, value_id="vr", period_label="2018-H1",
                     value_basis="annualised", rate_basis="year"),
    ]
    values = [_value("vt", "new_enterprises_registered", observations[0], ["t"], period_label="2018")]
    return read_frame(_warehouse(tmp_path, [total_figure, rate_figure], observations, values), RULES["year_total_matches_its_rates"])


def test_a_year_total_ten_times_its_own_daily_pace_is_flagged_with_both_documents(tmp_path):
    frame = _year_total(tmp_path, 67.0e6)
    assert list(frame["row_key"]) == ["t@1:reported"]
    row = frame.iloc[0]
    assert not row["is_consistent"] and row["rate_document_id"] == "r" and row["rate_period_label"] == "2018-H1"
    assert row["ratio"] == pytest.approx(67.0e6 / 6606500.0)


def test_a_year_total_near_its_daily_pace_is_consistent(tmp_path):
    assert list(_year_total(tmp_path, 6.7e6)["is_consistent"]) == [True]


def test_a_rate_dated_by_the_discourse_is_not_compared(tmp_path):
    assert _year_total(tmp_path, 67.0e6, rate_period_source="discourse").empty


def test_a_place_named_after_the_total_is_not_compared(tmp_path):
    # "522,000 new businesses registered in the year, the most in the country": a city's total
    assert _year_total(tmp_path, 67.0e6, geography_source="after_in_clause").empty


def test_chinese_readings_are_compared_by_the_chinese_cues(tmp_path):
    # "全年新设市场主体2.887亿户" (a garbled scale) against "日均新设市场主体7.9万户" in 2021
    total = _figure("z@1", "z", "2.887亿户", concept="新设市场主体", counted_noun="新设市场主体", measure_type="flow")
    rate = _figure("d@1", "d", "7.9万户", concept="日均新设市场主体", counted_noun="日均新设市场主体", measure_type="flow")
    observations = [
        _observation("z@1:reported", total, "new_market_entities_registered", 288.7e6, period_source="text",
                     value_id="vz", period_label="2021"),
        _observation("d@1:reported:annualised", rate, "new_market_entities_registered", 79000.0 * 365,
                     period_source="text", value_id="vd", period_label="2021", value_basis="annualised", rate_basis="year"),
    ]
    values = [_value("vz", "new_market_entities_registered", observations[0], ["z"], period_label="2021")]
    frame = read_frame(_warehouse(tmp_path, [total, rate], observations, values), RULES["year_total_matches_its_rates"])
    assert list(frame["row_key"]) == ["z@1:reported"] and not frame.loc[0, "is_consistent"]


def _lower_bound(tmp_path, bound):
    # "2021年中国新设市场主体超900万家" (over 9 million: the year's new enterprises) against
    # 28.87 million new market entities in 2021 (China News Service); Chinese concepts, read by the Chinese cues
    over = _figure("o@1", "o", "900万家", concept="中国新设市场主体", counted_noun="中国新设市场主体", measure_type="flow")
    exact = _figure("x@1", "x", "2887万户", concept="新增注册市场主体", counted_noun="新增注册市场主体", measure_type="flow")
    observations = [
        _observation("o@1:reported", over, "new_market_entities_registered", bound, period_source="text", value_id="m",
                     period_label="2021", qualifier="over", value_low=bound),
        _observation("x@1:reported", exact, "new_market_entities_registered", 28.87e6, period_source="text", value_id="m",
                     period_label="2021"),
    ]
    values = [_value("m", "new_market_entities_registered", observations[1], ["o", "x"], period_label="2021")]
    return read_frame(_warehouse(tmp_path, [over, exact], observations, values), RULES["sources_agree"]).set_index("row_key").loc["m"]


def test_a_lower_bound_three_times_below_the_value_disagrees(tmp_path):
    row = _lower_bound(tmp_path, 9.0e6)
    assert not row["values_agree"] and row["disagreeing_values"] == "o: over 9,000,000"


def test_a_lower_bound_near_the_value_agrees(tmp_path):
    assert _lower_bound(tmp_path, 25.0e6)["values_agree"]


SHARE_SENTENCES = {
    # (People's Daily Online, 2017) a fulfilment of a target, over 100 by design
    "target": "1.54 million people found jobs, accounting for 128.3 percent of the annual target, according to reports.",
    "goal": "About 5.11 million workers were re-employed, or 102.2 percent of the goal set for the year.",
    # (a 2005 S&T newsletter) a change the change reader missed
    "change": "a total volume of RMB 408.5 billion, or 250% up compared with the preceding 5-year period.",
    # (36Kr, 2026) a return rate, not a part of a whole
    "ratio": "the exit return rate has dropped to 289%.",
    # (Beijing News, 2019; China News Service, 2022) changes and a margin a Chinese sentence
    # names before the number, one of them written with a minus sign
    "zh_growth": "2018年以及2019年前9个月的净收入总额同比分别增长约167.94%和209.94%。",
    "zh_rise": "江西新增市场主体同比增幅最高,达102.81%。",
    "zh_margin": "营业利润率则由2017年的-238.88%提升至2019第三季度的-64.19%。",
    # a change English names before the number, and ratios to a base that is no whole
    "en_growth": "Its revenue grew by 187.5 percent.",
    "en_yoy": "Deals worth 3 billion yuan were signed, a 165.2 percent year-on-year increase.",
    "en_comma_up": "Its sales reached 2 billion yuan, up 143.9% on the previous year.",
    "gdp": "Total social financing stood at 280 percent of GDP.",
    "previous": "Exports reached 112.4 percent of the previous year's level.",
    # (TechNode, 2019) spending set against income in Chinese, the base before the number
    "zh_income": "旷视2018年的研发开支为人民币6.13亿元,占当年总收入的115.3%。",
    # a share of a whole: above 100 is a source error, in either language ("newly added" is no change)
    "share": "Private firms made up 130 percent of all firms in the district.",
    "zh_share": "新增市场主体中,企业占比达130%。",
    "level": "The private sector's share rose to 130 percent in the survey.",
}
SHARE_SURFACES = ("115.3%", "187.5 percent", "165.2 percent", "143.9%", "280 percent", "112.4 percent", "128.3 percent", "102.2 percent", "250%", "289%", "130 percent", "209.94%", "102.81%", "238.88%", "130%")


def test_only_real_shares_are_checked_against_0_100(tmp_path):
    figures, documents = [], []
    for document_id, sentence in SHARE_SENTENCES.items():
        surface = next(token for token in SHARE_SURFACES if token in sentence)
        start = sentence.index(surface)
        figure = _figure(f"{document_id}@{start}", document_id, surface, concept=None, counted_noun=None,
                         unit_class="percent", measure_type="share", measure_cue="of", start_char=start)
        figure["value_point"] = float(surface.split()[0].rstrip("%"))
        figures.append(figure)
        documents.append((document_id, sentence))
    observation = _observation("x", figures[0], "incubators", 1.0, period_source="text", value_id="x")
    connection = _warehouse(tmp_path, figures, [observation], [_value("x", "incubators", observation, ["x"])], documents)
    frame = read_frame(connection, RULES["share_within_0_100"])
    assert sorted(frame["document_id"]) == ["level", "share", "zh_share"]
    assert list(frame["share_percent"]) == [130.0, 130.0, 130.0]


def test_a_percentage_with_no_share_words_is_not_checked(tmp_path):
    # (ChuangYeBang survey, 2012) the reader finds no share words for the return: a share only by default
    sentence = "18% of angel investors have returned more than 200%, and some star companies have returned 100 times."
    quantities = [q for q in extract(sentence) if q.unit_class == "percent"]
    cues = [read_meaning(sentence, q, (0, len(sentence))).measure_cue for q in quantities]
    assert [q.text for q in quantities] == ["18%", "200%"] and cues == ["% of", None]
    figures = []
    for quantity, cue in zip(quantities, cues):
        figure = _figure(f"r@{quantity.start}", "returns", quantity.text, concept=None, counted_noun=None,
                         unit_class="percent", measure_type="share", measure_cue=cue, start_char=quantity.start)
        figure["value_point"] = quantity.value
        figures.append(figure)
    figures.append({**figures[1], "figure_id": "r@cue", "measure_cue": "of"})  # the same 200% as a part of a whole
    observation = _observation("x", figures[0], "incubators", 1.0, period_source="text", value_id="x")
    connection = _warehouse(tmp_path, figures, [observation], [_value("x", "incubators", observation, ["x"])],
                            [("returns", sentence)])
    frame = read_frame(connection, RULES["share_within_0_100"])
    # the frame holds the shares the rule checks: the 18% and the 200% said to be a part, not the bare 200%
    assert sorted(frame["figure_id"]) == ["r@0", "r@cue"]
