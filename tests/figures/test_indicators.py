"""figures.indicators: catalog candidates per figure, their indicator-agnostic features, and the
learned chooser's ranked choices."""

import csv
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figures.chinese_indicators import cue_only_modifies
from figures.indicators import (
    DEFAULT_MODEL,
    FEATURES,
    PARTICIPLE_AFTER_RE,
    Choice,
    _chinese_antecedent_phrases,
    choose_indicators,
    encode_choices,
    figure_candidates,
    load_chooser,
    min_scores_of,
    names_only_a_place,
    read_catalog,
    read_synonyms,
    settle_measure_types,
    synonym_pattern,
)
from figures.meaning import read_meanings
from figures.quantities import extract
from figures.quantities.chinese import reads_as_chinese
from figures.sentences import split_sentences


def read(text: str, title: str | None = None):
    quantities = extract(text)
    sentences = [(s.start, s.end) for s in split_sentences(text)]
    meanings = read_meanings(text, quantities, sentences)
    return quantities, meanings, sentences


def candidates(text: str, title: str | None = None) -> dict[str, dict[str, dict[str, float]]]:
    """figure text -> indicator id -> features."""
    quantities, meanings, sentences = read(text)
    found = figure_candidates(
        text, quantities, meanings, sentences, read_catalog(), title, min_scores_of()
    )
    return {q.text: {c.indicator_id: c.features for c in cs} for q, cs in zip(quantities, found)}


def chinese_candidates(text: str) -> dict[str, dict[str, dict[str, float]]]:
    """figure text -> indicator id -> features, from the Chinese catalog's cues."""
    quantities, meanings, sentences = read(text)
    found = figure_candidates(text, quantities, meanings, sentences, read_catalog(language="zh"))
    return {q.text: {c.indicator_id: c.features for c in cs} for q, cs in zip(quantities, found)}


def chosen(text: str, title: str | None = None) -> dict[str, str | None]:
    """figure text -> the chooser's pick for a figure no company owns: its most probable choice
    at or above its threshold that is no company indicator (dbt checks the owner)."""
    quantities, meanings, sentences = read(text)
    # the threshold of the text's language, as the pipeline judges (extraction/rows.py)
    threshold = load_chooser().threshold_for("zh" if reads_as_chinese(text) else "en")
    company = {i.indicator_id for i in read_catalog() if i.level == "company"}
    picks = choose_indicators(text, quantities, meanings, sentences, title)
    return {
        q.text: next(
            (
                c.indicator_id
                for c in cs
                if c.probability >= threshold and c.indicator_id not in company
            ),
            None,
        )
        for q, cs in zip(quantities, picks)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By the end of 2016, China had 3,255 incubators.", {"3,255": "incubators"}),
        ("China had 5,739 makers' spaces at the end of 2017.", {"5,739": "makerspaces"}),
        (
            "The makerspaces offered 1.05 million job opportunities in 2017.",
            {"1.05 million": "jobs_provided"},
        ),
        (
            "Teams in makerspaces received 3.15 billion yuan of government funding in 2017.",
            {"3.15 billion yuan": "government_funding_to_incubated_firms"},
        ),
        # venture capital a place attracted, or money poured into start-ups, is invested in the period
        (
            "The province attracted 2.4 billion yuan of venture capital in 2019.",
            {"2.4 billion yuan": "venture_capital_invested"},
        ),
        (
            "Investors poured 5 billion dollars into local start-ups last year.",
            {"5 billion dollars": "venture_capital_invested"},
        ),
        (
            "Venture capital under management in the city reached 80 billion yuan at the end of 2019.",
            {"80 billion yuan": "venture_capital_under_management"},
        ),
        # a figure whose words name no catalog concept stays unclassified
        ("The factory produced 4,000 widgets last year.", {"4,000": None}),
    ],
)
def test_the_chooser_picks_the_indicator_the_words_name(text, expected):
    assert chosen(text) == expected


def test_a_stock_never_lands_on_a_flow_indicator_or_the_reverse():
    found = candidates(
        "In 2017, 1,787 new incubators opened. By the end of 2017, China had 4,069 incubators."
    )
    assert "incubators" not in found["1,787"]  # a flow: the stock indicator is no candidate
    assert "incubators" in found["4,069"]
    catalog = {i.indicator_id: i for i in read_catalog()}
    for features_by_indicator in found.values():
        for indicator_id in features_by_indicator:
            assert catalog[indicator_id].measure_type in ("flow", "stock")


def test_a_coordination_is_not_its_last_noun():
    # "makers' spaces and incubators" counts both: the incubator cue is not its head
    found = candidates("Alibaba operates 20 makers' spaces and incubators in China.")
    assert found["20"]["incubators"]["noun_head"] == 0.0
    assert found["20"]["incubators"]["noun_inside"] == 1.0
    assert candidates("China had 3,255 incubators.")["3,255"]["incubators"]["noun_head"] == 1.0


def test_an_excluded_cue_vetoes_the_indicator():
    assert (
        "incubators"
        not in candidates("There are nearly 100 new-type incubators in Beijing.")["100"]
    )
    assert "unicorns" not in candidates("China is home to three super-unicorns.")["three"]


def test_a_cue_in_the_sentence_before_is_a_weaker_candidate():
    found = candidates("Makerspaces have spread fast in China. The country now has 5,700 of them.")
    features = found["5,700"]["makerspaces"]
    assert features["previous_sentence_cue"] == 1.0
    assert features["noun_head"] == 0.0 and features["near_noun"] == 0.0


def test_plausibility_is_orders_of_magnitude_outside_the_range():
    # incubators: 10 to 100,000 in the catalog; 50 million is 2.7 orders above
    features = candidates("China had 50 million incubators.")["50 million"]["incubators"]
    assert features["implausible"] == pytest.approx(2.699 / 3, abs=0.001)
    assert candidates("China had 3,255 incubators.")["3,255"]["incubators"]["implausible"] == 0.0


def test_a_restatement_has_no_candidates_of_its_own():
    quantities, meanings, sentences = read(
        "Venture capital investment reached 53.96 billion yuan ($7.83 billion) in 2016."
    )
    found = figure_candidates(quantities=quantities, meanings=meanings, sentences=sentences, catalog=read_catalog(),
                              text="Venture capital investment reached 53.96 billion yuan ($7.83 billion) in 2016.")  # fmt: skip
    assert [q.text for q in quantities] == ["53.96 billion yuan", "$7.83 billion"]
    assert found[1] == []
    assert found[0] != []


def test_the_committed_model_is_small_and_reads_only_known_features():
    data = json.loads(DEFAULT_MODEL.read_text(encoding="utf-8"))
    read = set(data.get("weights", {})) | {
        name for tree in data.get("trees", []) for name in tree["feature"] if name
    }
    assert read and read <= set(FEATURES)
    assert 0 < data["floor"] <= data["threshold"] < 1
    assert DEFAULT_MODEL.stat().st_size < 100_000


def test_an_unknown_feature_in_the_weights_is_refused(tmp_path):
    path = tmp_path / "chooser.json"
    path.write_text(
        json.dumps({"weights": {"made_up": 1.0}, "intercept": 0.0, "threshold": 0.5}),
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="made_up"):
        load_chooser(path)


def test_choices_encode_for_dbt_without_their_separators():
    encoded = encode_choices(
        [
            Choice("incubators", 0.9312, "noun: incubators"),
            Choice("makerspaces", 0.2, "near: a|b:c"),
        ]
    )
    assert encoded == "incubators:0.931:noun - incubators|makerspaces:0.200:near - a/b -c"
    assert encode_choices([]) is None


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc 0123456789,.;:-$%\n")), max_size=120))
def test_every_figure_gets_a_ranked_list_of_probabilities(text):
    quantities, meanings, sentences = read(text)
    picks = choose_indicators(text, quantities, meanings, sentences)
    assert len(picks) == len(quantities)
    for choices in picks:
        probabilities = [c.probability for c in choices]
        assert probabilities == sorted(probabilities, reverse=True)
        assert all(0.0 <= p <= 1.0 for p in probabilities)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("截至2016年底，全国众创空间有4298家。", {"4298家": "makerspaces"}),
        # a reprint that glosses characters with pinyin reads as the plain text
        ("截至2016年底，全國眾創(chuàng)空間有4298家。", {"4298家": "makerspaces"}),
        ("全国科技企业孵化器达到3255家。", {"3255家": "incubators"}),
        # the size a guidance fund is set up with is its target size, not capital paid in
        ("我们将设立100亿元「创科产业引导基金」。", {"100亿元": "guide_fund_target_size"}),
        ("深圳市政府确立的30亿规模创投政府引导基金,目的在于扶持初创企业。", {"30亿": "guide_fund_target_size"}),
    ],
)
def test_chinese_figures_are_chosen_from_the_chinese_cues(text, expected):
    assert chosen(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2016年全国城镇新增就业1314万人。", {"1314万人": "jobs_created"}),
        ("全年创造就业岗位3.5万个。", {"3.5万个": "jobs_created"}),
        # people a programme or a kind of firm employs (带动/吸纳就业) are no new jobs of the period
        ("创业担保贷款带动2300人就业。", {"2300人": None}),
        ("2010年共发放小额担保贷款75.5亿元,吸纳34.36万人就业。", {"75.5亿元": None, "34.36万人": None}),
        ("重庆市已累计发展微型企业7.35万户,带动就业55.37万人。", {"7.35万户": None, "55.37万人": None}),
    ],
)
def test_chinese_new_jobs_against_jobs_a_programme_brought(text, expected):
    assert chosen(text) == expected


def test_the_chinese_catalog_holds_the_indicators_with_chinese_cues():
    chinese = {i.indicator_id: i for i in read_catalog(language="zh")}
    english = {i.indicator_id: i for i in read_catalog()}
    assert "makerspaces" in chinese and chinese["makerspaces"].noun_cues.search("众创空间")
    assert set(chinese) < set(english)
    # the catalog's other attributes hold for both languages
    assert chinese["incubators"].measure_type == english["incubators"].measure_type == "stock"
    assert all(i.language == "zh" for i in chinese.values())
    with pytest.raises(ValueError, match="fr"):
        read_catalog(language="fr")


def test_a_part_of_a_counted_group_and_a_kind_of_the_noun_are_features():
    found = candidates("There are 30 maker spaces in the city, and 12 of them are in the Nanshan district.")
    assert found["12"]["makerspaces"]["part_of_group"] == 1.0
    assert found["30"]["makerspaces"]["part_of_group"] == 0.0
    assert candidates("Guangzhou boasts 18 business incubators.")["18"]["incubators"]["modifier_words"] > 0
    assert candidates("China had 3,255 incubators.")["3,255"]["incubators"]["modifier_words"] == 0.0


def test_a_level_the_definition_does_not_name_is_a_subset():
    # incubators counts them all: "national-level incubators" in the figure's own words, or a
    # level said right by it, are a part of them (no candidate). National high-tech zones are
    # national by definition.
    assert "incubators" not in candidates("Guangzhou boasts 18 national-level incubators.")["18"]
    assert "incubators" in candidates("China had 3,255 incubators.")["3,255"]
    found = candidates("There were 1,334 incubators, of which 435 were at the national level.")
    assert "incubators" not in found["435"] and "incubators" in found["1,334"]
    found = candidates("The district has 38 maker spaces, and 12 of them are city-level maker spaces.")
    assert "makerspaces" in found["38"] and "makerspaces" not in found["12"]
    assert "high_tech_zones" in candidates("China now has 169 national-level high-tech zones.")["169"]
    # in Chinese: "of which national-level: 435"
    text = "截至2012年底，全国共有科技企业孵化器1334家，其中国家级435家。"
    by_figure = chinese_candidates(text)
    assert "incubators" in by_figure["1334家"]
    assert "incubators" not in by_figure["435家"]


def test_a_group_named_by_a_level_earlier_in_the_sentence_holds_a_subset():
    # the figures after a level's group of the same things are a part of that level
    by_figure = chinese_candidates("共认定省级以上的孵化器和众创空间131家（孵化器71家，众创空间60家）。")
    assert "incubators" not in by_figure["71家"] and "makerspaces" not in by_figure["60家"]
    by_figure = chinese_candidates("全省178家省级孵化器和291家省级众创空间中，共有15家孵化器和28家众创空间被评为优秀。")
    assert "incubators" not in by_figure["15家"] and "makerspaces" not in by_figure["28家"]
    # a level of other things ("市级企业孵化器") leaves enterprises alone; a figure naming its own
    # level the definition names keeps it; no level: the whole
    by_figure = chinese_candidates("市级企业孵化器达到25家，新增小微企业3.9万家。")
    assert "new_enterprises_registered" in by_figure["3.9万家"]
    by_figure = chinese_candidates("今年将升级16家省级高新区，我国国家级高新区总数将破百。")
    assert "high_tech_zones" in by_figure["百"]
    by_figure = chinese_candidates("全市共有科技企业孵化器71家、众创空间60家。")
    assert "incubators" in by_figure["71家"] and "makerspaces" in by_figure["60家"]
    # the figure's own clause counting them all keeps the whole
    by_figure = chinese_candidates("截至年底，省级众创空间有12家，全市众创空间共计85家。")
    assert "makerspaces" in by_figure["85家"] and "makerspaces" not in by_figure["12家"]


def test_a_grade_given_to_some_of_them_is_a_subset():
    # "high-quality" or "elite" incubators are a part of the incubators the catalog counts
    assert "incubators" not in candidates("Xuhui plans to have 20 high-quality incubators by 2025.")["20"]
    assert "incubators" not in candidates("The district now has 12 elite incubators.")["12"]
    assert "incubators" in candidates("The district now has 12 incubators.")["12"]
    by_figure = chinese_candidates("全市共有孵化器120家，其中高质量孵化器7家。")
    assert "incubators" in by_figure["120家"] and "incubators" not in by_figure["7家"]


def test_a_linking_verb_joins_the_cue_and_the_figure():
    found = candidates("China's market entities surpass 160 mln. Of them, 50.39 mln are businesses.")
    assert found["160 mln"]["market_entities"]["linked_by_verb"] == 1.0
    assert found["50.39 mln"]["enterprises_in_existence"]["linked_by_verb"] == 1.0
    # a verb with its own object between them is no link
    found = candidates("Market entities hired 3 million people in 2019.")
    assert all(features["linked_by_verb"] == 0.0 for features in found["3 million"].values())


def test_a_series_member_that_names_nothing_reads_its_siblings_cue():
    # the sibling counts incubators in its own words (1), or has the cue near it (0.5)
    found = candidates("China had 3,255 incubators in 2016, against 2,536 in 2015.")
    assert found["2,536"]["incubators"]["sibling_cue"] == 1.0
    assert found["3,255"]["incubators"]["sibling_cue"] == 0.0  # it names its own noun
    found = candidates("Makerspaces numbered 4,298 in 2016, up from 2,300 a year earlier.")
    assert found["2,300"]["makerspaces"]["sibling_cue"] == 0.5


def test_an_indicator_of_a_population_needs_it_named_in_reach():
    # jobs_provided counts jobs makerspaces or incubators provided: private firms' jobs are not
    assert "jobs_provided" not in candidates("By 2015, private firms had created about 163.9 million jobs.")["163.9 million"]
    found = candidates("Makerspaces grew fast in 2017. They offered 1.05 million job opportunities by the end of the year.")
    assert "jobs_provided" in found["1.05 million"]
    # policies count for policies_issued only where they support entrepreneurship or innovation
    assert "policies_issued" not in candidates("The government adopted 20 policies to ensure steady growth.")["20"]
    assert "policies_issued" not in candidates("Policymakers adopted 20 policies to ensure steady growth.")["20"]
    assert "policies_issued" in candidates("The city issued 12 policies to support start-ups.")["12"]
    # the title names it for the whole document
    assert "jobs_provided" in candidates("They offered 1.05 million job opportunities.", title="China's incubators in 2017")["1.05 million"]


def chinese_choices(text: str):
    quantities, meanings, sentences = read(text)
    catalog = read_catalog(language="zh")
    return quantities, meanings, choose_indicators(text, quantities, meanings, sentences, catalog=catalog)


def test_a_sum_no_word_made_a_flow_takes_the_measure_type_of_the_fund_it_is_classified_to():
    # "the city's own incubation fund: 1.57 billion yuan": a sum is a flow by default, a fund's
    # capital a stock; the figure is proposed for it and, chosen, becomes a stock (the shipped
    # chooser's probability for it lies near the threshold, so the test sets the threshold)
    quantities, meanings, choices = chinese_choices("该市设立自有孵化基金15.7亿元。")
    assert (meanings[0].measure_type, meanings[0].measure_cue) == ("flow", None)
    pick = choices[0][0]
    assert pick.indicator_id == "startup_fund_capital" and pick.measure_type == "stock"
    settled = settle_measure_types(quantities, meanings, choices, pick.probability)
    assert (settled[0].measure_type, settled[0].measure_cue) == ("stock", "indicator startup_fund_capital")
    # under the threshold nothing changes
    assert settle_measure_types(quantities, meanings, choices, pick.probability + 0.01)[0] == meanings[0]


def test_a_measure_type_the_words_decided_is_never_switched():
    # "newly registered market entities" is a flow by its words: never the stock of market entities
    quantities, meanings, choices = chinese_choices("全国新登记注册市场主体数量为2887.2万户。")
    assert meanings[0].measure_type == "flow" and meanings[0].measure_cue is not None
    assert [c.indicator_id for c in choices[0]][:1] == ["new_market_entities_registered"]
    assert all(c.measure_type is None for c in choices[0])
    assert settle_measure_types(quantities, meanings, choices, 0.0)[0] == meanings[0]


def test_a_chinese_verb_of_another_clause_that_read_the_figure_a_flow_may_be_overruled():
    # "投入使用379萬平方米" made the next clause's counts flows too; 62 recognised incubators and
    # 2,017 tenant firms are levels: proposed for the stock indicators, they settle as stocks
    text = "目前,全市已建和在建孵化器面积913萬平方米,投入使用379萬平方米,已認定孵化器62家,入駐企業2017家。"
    quantities, meanings, choices = chinese_choices(text)
    assert [(m.measure_type, m.measure_cue) for m in meanings[2:]] == [("flow", "投入"), ("flow", "投入")]
    assert [(c[0].indicator_id, c[0].measure_type) for c in choices[2:]] == [
        ("incubators", "stock"), ("incubated_enterprises", "stock"),
    ]
    threshold = load_chooser().threshold_for("zh")
    settled = settle_measure_types(quantities, meanings, choices, threshold)
    assert [m.measure_type for m in settled[2:]] == ["stock", "stock"]


def test_thresholds_and_floors_are_read_per_language(tmp_path):
    path = tmp_path / "chooser.json"
    path.write_text(json.dumps({"weights": {"noun_head": 1.0}, "intercept": 0.0, "threshold": 0.4, "floor": 0.02,
                                "thresholds": {"zh": 0.6}, "floors": {"zh": 0.5}}), encoding="utf-8")  # fmt: skip
    chooser = load_chooser(path)
    assert (chooser.threshold_for("en"), chooser.floor_for("en")) == (0.4, 0.02)
    assert (chooser.threshold_for("zh"), chooser.floor_for("zh")) == (0.6, 0.5)
    committed = load_chooser()
    assert all(0 < committed.floor_for(language) <= committed.threshold_for(language) < 1 for language in ("en", "zh"))


def test_a_figure_whose_words_only_name_a_place_reads_what_it_counts_elsewhere():
    # a table of cities: "北京114家" counts unicorns, not 北京
    found = chinese_candidates("北京114家、上海63家,五地共有独角兽企业249家。")
    assert found["114家"]["unicorns"]["phrase_is_place"] == 1.0
    assert found["114家"]["unicorns"]["phrase_names_other"] == 0.0
    assert found["114家"]["unicorns"]["sibling_cue"] == 1.0  # 249家 names the unicorns
    assert found["249家"]["unicorns"]["phrase_is_place"] == 0.0 and found["249家"]["unicorns"]["noun_head"] == 1.0
    # 北京 borrows 249家's noun, and the chooser sees it was borrowed
    assert found["114家"]["unicorns"]["noun_borrowed"] == 1.0 and found["114家"]["unicorns"]["noun_head"] == 1.0
    assert found["249家"]["unicorns"]["noun_borrowed"] == 0.0
    assert names_only_a_place("苏州(", chinese=True) and not names_only_a_place("独角兽企业", chinese=True)
    assert names_only_a_place("Shanghai:", chinese=False) and not names_only_a_place("Shanghai startups", chinese=False)


def test_an_english_figure_whose_concept_is_only_a_place_reads_what_it_counts_elsewhere():
    # the concept comes lower case ("shenzhen", "and hangzhou"): still only a place
    found = candidates("Unicorn companies are concentrated in a few cities. Shenzhen has 21, and Hangzhou has 14.")
    assert found["21"]["unicorns"]["phrase_is_place"] == 1.0
    assert found["21"]["unicorns"]["phrase_names_other"] == 0.0
    assert found["14"]["unicorns"]["phrase_is_place"] == 1.0
    assert names_only_a_place("shenzhen", chinese=False) and names_only_a_place("and hangzhou", chinese=False)
    assert not names_only_a_place("and startups", chinese=False) and not names_only_a_place("the city", chinese=False)


def test_english_words_of_a_kind_before_the_noun_are_marked():
    # "private" names a part of the market entities; "urban" is the definition's own word
    found = candidates("By June the province had 9.2 million private market entities.")
    assert found["9.2 million"]["market_entities"]["kind_modifier"] == 1.0
    found = candidates("By June the province had 9.2 million market entities.")
    assert found["9.2 million"]["market_entities"]["kind_modifier"] == 0.0
    found = candidates("The city created 480,000 new urban jobs last year.")
    assert found["480,000"]["jobs_created"]["kind_modifier"] == 0.0
    # a place or a level before the noun is no kind
    found = candidates("By June there were 9.2 million Guangdong market entities and 40 national-level incubators.")
    assert found["9.2 million"]["market_entities"]["kind_modifier"] == 0.0


def test_a_cue_inside_a_rivals_longer_cue_is_marked():
    # 企业 (enterprises) is the tail of 独角兽企业 (unicorn enterprises)
    found = chinese_candidates("截至2024年3月,全国共有独角兽企业369家。")["369家"]
    assert found["unicorns"]["cue_inside_rival"] == 0.0
    assert found["enterprises_in_existence"]["cue_inside_rival"] == 1.0
    found = candidates("The country had 3,500 venture capital firms.")["3,500"]
    assert found["venture_capital_firms"]["cue_inside_rival"] == 0.0


def test_a_chinese_count_takes_only_indicators_its_measure_word_fits():
    # 家 counts firms and institutions, never cities or people; 个 may count cities
    found = chinese_candidates("独角兽企业覆盖47个城市,其中北京(97家)。带动就业395万人。")
    assert "company_cities_present" in found["47个"]
    assert "company_cities_present" not in found["97家"] and "unicorns" in found["97家"]
    assert all(indicator in ("people_employed", "jobs_created", "jobs_provided", "graduates_hired", "company_team_size",
                             "company_people_trained") for indicator in found["395万人"])  # fmt: skip


def test_a_chinese_number_of_things_counts_the_things():
    # 在册企业数: the number of registered enterprises; the noun cue heads the phrase once 数 is cut
    found = chinese_candidates("全市在册企业数达30.7万户。")["30.7万户"]
    assert found["enterprises_in_existence"]["noun_head"] == 1.0


def test_a_chinese_figure_that_names_nothing_borrows_a_neighbours_noun():
    found = chinese_candidates("我国眾創空間的數量呈爆發式增長,由2014年不足50家到2020年8507家。")
    for figure in ("50家", "8507家"):
        assert found[figure]["makerspaces"]["noun_borrowed"] == 1.0
        assert found[figure]["makerspaces"]["noun_head"] == 1.0
    # only a neighbour of the same measure word lends its noun: 个 counts cities, 家 firms
    # (5家以上 is a bound, no candidate itself, but it says what the 家 of the sentence count)
    found = chinese_candidates("苏州(12家)、重庆(8家),9个城市独角兽企业数量在5家以上。")
    assert found["12家"]["unicorns"]["noun_borrowed"] == found["8家"]["unicorns"]["noun_borrowed"] == 1.0
    assert found["9个"]["unicorns"]["noun_borrowed"] == 0.0
    # a figure that names its own things borrows nothing
    found = chinese_candidates("全国众创空间有4298家,科技企业孵化器3255家。")
    assert found["3255家"]["incubators"]["noun_borrowed"] == 0.0
    # a ranking of places whose sentence names only a mere 企业 takes the list's noun from the sentence before
    found = chinese_candidates("今年的榜单共有500家独角兽企业。按上榜企业的国家划分,美国以200家居首,中国以180家排名第二。")
    assert found["200家"]["unicorns"]["noun_borrowed"] == found["180家"]["unicorns"]["noun_borrowed"] == 1.0
    _, _, choices = chinese_choices("今年的榜单共有500家独角兽企业。按上榜企业的国家划分,美国以200家居首,中国以180家排名第二。")
    assert [c[0].indicator_id for c in choices] == ["unicorns"] * 3


def _top_level_alternatives(pattern: str) -> list[str]:
    alternatives, depth, current = [], 0, ""
    for character in pattern:
        depth += {"(": 1, ")": -1}.get(character, 0)
        if character == "|" and depth == 0:
            alternatives.append(current)
            current = ""
        else:
            current += character
    return [*alternatives, current] if pattern else []


def test_every_chinese_cue_is_spelled_in_both_scripts():
    """A literal cue's simplified, traditional, Taiwan and Hong Kong spellings all match its
    pattern: the cues are matched against the text as written (dbt reads the same seed)."""
    import csv

    import opencc

    from figures.indicators import CHINESE_CUES, DEFAULT_CATALOG

    converters = [opencc.OpenCC(config) for config in ("s2t", "s2tw", "s2hk", "t2s")]
    missing = []
    with open(DEFAULT_CATALOG.parent / CHINESE_CUES, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for column in ("noun_cues", "context_cues", "excluded_cues", "scope_cues", "measure_words"):
                pattern = re.compile(row[column]) if row[column] else None
                for cue in _top_level_alternatives(row[column]):
                    if not re.fullmatch(r"[\u3400-\u9fff]+", cue):
                        continue  # a regular expression's part: spelled out by hand
                    missing += [
                        (row["indicator_id"], column, spelling)
                        for spelling in {c.convert(cue) for c in converters}
                        if not pattern.fullmatch(spelling)
                    ]
    assert missing == []


def test_a_chinese_count_of_coordinated_nouns_counts_both():
    # the extractor's counted noun stops at 和 (团队); the phrase is the coordination, which the
    # incubated-enterprises cue spans, so it heads the phrase; the generic 企业 is only inside it
    found = chinese_candidates("截至2018年底,中国创业孵化机构总数达到11808家,全国在孵企业和团队62万个。")["62万个"]
    assert found["incubated_enterprises"]["noun_head"] == 1.0
    assert found["enterprises_in_high_tech_zones"]["noun_head"] == 0.0
    # a place before 和 is no noun of it
    assert chinese_candidates("北京和上海的众创空间有300家。")["300家"]["makerspaces"]["noun_head"] == 1.0


def test_a_chinese_respectively_list_gives_each_figure_its_own_noun():
    found = chinese_candidates("截至2016年底,全国众创空间、科技企业孵化器和加速器分别达到4298家、3255家和400家。")
    heads = {figure: {i for i, features in found[figure].items() if features["noun_head"]} for figure in found}
    assert heads == {"4298家": {"makerspaces"}, "3255家": {"incubators"}, "400家": {"accelerators"}}
    # ordinals share the one noun after them: no item of their own
    found = chinese_candidates("第一、二、三产业新设民营企业分别为7.6万户、34.9万户、161.4万户。")
    assert found["34.9万户"]["new_market_entities_registered"]["noun_borrowed"] == 1.0
def test_cancellations_converted_businesses_and_named_subsets_are_vetoed():
    # the catalog's excluded cues: what the words say is not the indicator's whole
    cancelled = candidates("In 2021, they cancelled 2,912 market entities, and registered 9,000 new market entities.")
    assert "new_market_entities_registered" not in cancelled["2,912"]
    assert "unicorns" not in candidates("The town has produced 23 potential unicorn companies.")["23"]
    founded = candidates("By the end of 2009, the park hosted 214 enterprises founded by graduates.")
    assert "enterprises_in_existence" not in founded["214"]
    assert "enterprises_in_existence" in candidates("By the end of 2009, China had 8 million enterprises.")["8 million"]


def test_the_capital_and_the_target_size_of_a_fund_are_proposed_from_their_words():
    target = candidates("Its potential scale could reach 1 trillion yuan, with 100 billion yuan provided as initial central government capital.")
    assert "guide_fund_target_size" in target["1 trillion yuan"]
    assert "startup_fund_capital" in target["100 billion yuan"]


@pytest.mark.parametrize(
    ("text", "figure", "indicator"),
    [
        # The field's usual wording, not only the development documents': the register, new
        # registrations, per-day rates, funds, jobs and the innovation counts of local reports.
        ("截至9月末，全市实有市场主体总量达到86.5万户。", "86.5万户", "market_entities"),
        ("今年前三季度，全省新登记市场主体42.3万户，同比增长8.1%。", "42.3万户", "new_market_entities_registered"),
        ("上半年全区新设企业1.26万户，平均每天新设企业70户。", "70户", "new_enterprises_registered"),
        ("截至6月底，全市登记在册企业31.2万户。", "31.2万户", "enterprises_in_existence"),
        ("全市现有科技企业孵化器85家，在孵企业4300余家。", "4300余家", "incubated_enterprises"),
        ("该区高新技术企业数量达到2350家。", "2350家", "high_tech_enterprises"),
        ("全市创业投资机构管理资本总额达到620亿元。", "620亿元", "venture_capital_under_management"),
        ("全省政府投资基金达到42只。", "42只", "guide_funds"),
        ("今年以来，全市城镇新增就业8.2万人。", "8.2万人", "jobs_created"),
        ("该公司全年实现营业收入35.6亿元，净利润4.2亿元。", "4.2亿元", "company_profit"),
        ("全市技术合同成交额达到860亿元。", "860亿元", "technology_contract_value"),
        ("截至去年底，全市共有獨角獸企業12家。", "12家", "unicorns"),
    ],
)
def test_chinese_news_wording_of_the_catalog_indicators(text, figure, indicator):
    quantities, _, choices = chinese_choices(text)
    chosen = {q.text: c[0].indicator_id for q, c in zip(quantities, choices) if c and c[0].probability >= load_chooser().threshold_for("zh")}
    assert chosen[figure] == indicator


def test_a_cap_or_subset_wording_vetoes_the_unicorn_count():
    # potential unicorns are not unicorns
    _, _, choices = chinese_choices("全市共有潜在独角兽企业35家。")
    assert "unicorns" not in [c.indicator_id for c in choices[0]]
    assert "unicorns" in [c.indicator_id for c in chinese_choices("全市共有独角兽企业35家。")[2][0]]


@pytest.mark.parametrize(
    ("text", "figure", "vetoed", "control"),
    [
        # a programme's cap is no investment made
        ("对个案投资金额以新台币2000万元为上限。", "新台币2000万元", "venture_capital_invested", "今年创业投资金额达到新台币2000万元。"),
        # businesses a loan scheme supported are no count of the register's individual businesses
        ("扶持个体工商户133万户。", "133万户", "individual_businesses", "全省个体工商户133万户。"),
        # a batch recognised or put on the register is no count of the makerspaces in a place
        ("现认定核芯空间等31家众创空间为孵化基地。", "31家", "makerspaces", "全市共有众创空间31家。"),
        ("我国办理备案创客空间2386家。", "2386家", "makerspaces", "我国创客空间2386家。"),
        # EBITDA is no profit, one segment's revenue no company's sales
        ("2021年EBITDA亏损为人民币16.738亿元。", "人民币16.738亿元", "company_profit", "2021年净亏损为人民币16.738亿元。"),
        ("2024年该版块营业收入为3,001.17万元。", "3,001.17万元", "company_sales", "2024年该公司营业收入为3,001.17万元。"),
        # new technology firms are no new registrations, start-ups no count of all enterprises,
        # the employed population no jobs created
        ("日均新增科技型企业5户。", "5户", "new_enterprises_registered", "日均新设企业5户。"),
        ("新创企业总数超过9500家。", "9500家", "enterprises_in_existence", "企业总数超过9500家。"),
        (
            "2024年中小企业吸纳约919.4万就业人口,提供近8成的就业机会。",
            "919.4万",
            "jobs_created",
            "2024年中小企业新增就业919.4万人。",
        ),
    ],
)
def test_chinese_words_that_name_less_than_the_indicator_veto_it(text, figure, vetoed, control):
    assert vetoed not in chinese_candidates(text)[figure]
    # without those words the indicator is proposed
    assert any(vetoed in found for found in chinese_candidates(control).values())


def test_words_that_refer_back_take_the_noun_phrase_they_stand_for():
    text = (
        "The city was home to 48 technology business incubators by the end of 2019. "
        "The incubators are spread over nine districts. Nanshan led with 17, followed by Futian with 9."
    )
    found = candidates(text)
    assert found["17"]["incubators"]["antecedent"] == 1.0
    assert found["9"]["incubators"]["antecedent"] == 1.0
    # a figure that names its own noun keeps it
    assert found["48"]["incubators"]["antecedent"] == 0.0
    # "these 30 platforms": a bare plural after a determiner stands for the phrase named before
    found = candidates("Tencent runs crowdfunding platforms in Asia. Of these 30 platforms, 12 are in Shenzhen.")
    assert {c["antecedent"] for c in found["30"].values()} == {1.0}


def test_no_earlier_phrase_no_antecedent():
    found = candidates("The incubators are spread over nine districts. Nanshan led with 17.")
    assert all(features["antecedent"] == 0.0 for features in found.get("17", {}).values())


@pytest.mark.parametrize(
    ("text", "figure", "indicator"),
    [
        ("By the end of 2018, the province had 120 incubators that were specially designed for returning scholars.", "120", "incubators"),
        ("Some 9,400 new enterprises were registered in the core industries of the digital economy in May.", "9,400", "new_enterprises_registered"),
        ("The park now houses 310 enterprises founded by university students.", "310", "enterprises_in_existence"),
    ],
)
def test_words_that_narrow_the_noun_to_a_part_drop_the_whole(text, figure, indicator):
    assert indicator not in candidates(text).get(figure, {})


def test_words_that_narrow_the_noun_as_the_indicator_defines_it_keep_it():
    text = "In 2019, 2,100 enterprises that were registered in the city joined the programme."
    assert "new_enterprises_registered" in candidates(text)["2,100"]
    assert "incubators" in candidates("By the end of 2018, the province had 120 incubators in 14 cities.")["120"]


@pytest.mark.parametrize(
    ("text", "figure", "indicator", "proposed"),
    [
        # a kind of organisation is a part of all of them
        ("By the end of 2020, the park was home to 82 biotech enterprises.", "82", "enterprises_in_existence", False),
        ("The city had 4,000 listed companies by the end of 2021.", "4,000", "enterprises_in_existence", False),
        # neutral words and the indicator's own cues keep it
        ("By the end of 2021, the province had 2.4 million registered enterprises.", "2.4 million", "enterprises_in_existence", True),
        ("By the end of 2020, the city had 1,200 high-tech enterprises.", "1,200", "high_tech_enterprises", True),
    ],
)
def test_a_kind_of_organisation_is_no_count_of_all_of_them(text, figure, indicator, proposed):
    assert (indicator in candidates(text).get(figure, {})) == proposed


def test_what_incubators_and_spaces_incubate_or_host_is_proposed_as_enterprises_in_incubation():
    found = candidates(
        "The city had nearly 200 incubators and 120 maker spaces. "
        "Together, these resources incubated nearly 11,000 companies and employed 110,000 people."
    )
    assert found["11,000"]["incubated_enterprises"]["near_context"] == 1.0  # "incubated"
    found = candidates("Shanghai had over 500 incubation spaces. The spaces covered 12,000 startups by June.")
    assert found["12,000"]["incubated_enterprises"]["noun_head"] == 1.0
    # no incubator or space named: no enterprises in incubation
    assert "incubated_enterprises" not in candidates("The survey covered 12,000 startups by June.")["12,000"]


def test_a_zones_revenue_needs_a_high_tech_zone_named_nearby():
    found = candidates("The 169 national high-tech zones grew fast. Likewise, total operating revenues reached 33.9 trillion RMB.")
    assert "high_tech_zone_revenue" in found["33.9 trillion RMB"]
    found = candidates("Xiaomi grew fast. Its total operating revenues reached 33.9 billion yuan.")
    assert "high_tech_zone_revenue" not in found["33.9 billion yuan"]


def test_development_funds_and_the_nations_venture_funds_are_guidance_funds():
    assert "guide_fund_target_size" in candidates("China to Set up SME Development Funds of RMB60 Billion")["RMB60 Billion"]
    found = candidates("The nation's new venture capital fund for emerging industries, totaling 40 billion yuan, is near.")
    assert "guide_fund_target_size" in found["40 billion yuan"]


def test_a_grade_given_to_some_of_them_names_a_part():
    # Class A incubators are some of the city's incubators
    assert "incubators" not in candidates("In Guangzhou, 18 incubators were recognized as excellent (Class A).")["18"]
    assert "incubators" not in candidates("Additionally, 10 incubators received a good (Class B) rating.")["10"]
    assert "incubators" in candidates("In Guangzhou, 18 incubators were in operation.")["18"]


def test_a_plan_or_forecast_on_an_indicator_of_outcomes_is_a_mismatch():
    found = candidates("Approximately 25 million new jobs will be created during each year of the plan.")
    assert found["25 million"]["jobs_created"]["plan_mismatch"] == 1.0
    assert candidates("China created 13 million new jobs in 2016.")["13 million"]["jobs_created"]["plan_mismatch"] == 0.0
    # an indicator of targets fits a plan
    found = candidates("China to Set up SME Development Funds of RMB60 Billion")
    assert found["RMB60 Billion"]["guide_fund_target_size"]["plan_mismatch"] == 0.0


def test_a_relative_clause_links_a_figure_to_the_noun_before_it():
    found = candidates("Guangdong now has the largest number of business entities, which stands at 18.07 million.")
    assert found["18.07 million"]["market_entities"]["linked_by_verb"] == 1.0


def test_an_english_measure_type_a_word_decided_may_still_be_switched_and_the_chooser_sees_it():
    # "Founded" makes the sentence's figures flows, but 250 cities are where the company operates
    found = candidates("Founded in 2014, Ofo claims 200 million users across 250 cities in 21 countries.")["250"]
    assert found["company_cities_present"]["noun_head"] == 1.0
    assert found["company_cities_present"]["measure_switched"] == 0.0  # a word decided it
    assert found["company_cities_present"]["measure_overruled"] == 0.5  # "Founded" lies outside its near window
    found = candidates("The company has served over 20 startups such as Ofo.")["20"]
    assert found["company_enterprises_served"]["measure_overruled"] == 1.0
    # a switch no word stood against is no overruling
    found = candidates("The province has a start-up fund: 35 million yuan.")["35 million yuan"]
    assert found["startup_fund_capital"]["measure_switched"] == 1.0
    assert found["startup_fund_capital"]["measure_overruled"] == 0.0
    # the figure's own noun phrase decides: "1,787 new incubators" are no stock of incubators
    assert "incubators" not in candidates("In 2017, 1,787 new incubators opened.")["1,787"]


def test_the_level_of_a_part_is_read_after_it_not_from_the_groups_phrase():
    found = candidates("Zhejiang province now houses 36 provincial-level high-tech zones, eight of which are national level zones.")
    assert "high_tech_zones" in found["eight"]  # the eight are national
    assert "high_tech_zones" not in found["36"]  # provincial-level zones are no national ones


def test_a_cue_after_the_number_of_names_what_a_later_figure_counts():
    assert candidates("And the number of deals slid 42 percent to 504.")["504"]["venture_capital_deals"]["number_of_cue"] == 1.0
    assert candidates("Investors made 504 deals in 2018.")["504"]["venture_capital_deals"]["number_of_cue"] == 0.0


def test_catalog_cues_for_wordings_of_news_and_government_prose():
    # high-tech companies in a zone are high-tech enterprises; the zones themselves are not
    assert "high_tech_enterprises" in candidates("The zone is home to 3,182 high-tech companies.")["3,182"]
    assert "high_tech_enterprises" not in candidates("There were 169 national high-tech high-tech zones in 2021.")["169"]
    # a share of GDP is R&D intensity where R&D is named in reach, not otherwise
    found = candidates("R&D spending rose to 1.75 trillion yuan in 2017. The spending accounted for 2.12 percent of China's GDP.")
    assert "rd_intensity" in found["2.12 percent"]
    assert "rd_intensity" not in candidates("Exports accounted for 20 percent of China's GDP in 2017.")["20 percent"]
    # "high and new industries" are high-tech industries
    found = candidates("The added value of high and new industries in the province rose 10.8 percent in 2017.")
    assert "high_tech_industry_growth" in found["10.8 percent"]
    # new companies or self-employed people registered are new market entities
    found = candidates("Each day, 49,000 new companies or self-employed entrepreneurs are registered on average.")
    assert found["49,000"]["new_market_entities_registered"]["noun_head"] == 1.0


def test_a_figure_joined_to_the_one_before_as_a_series_reads_its_cue():
    found = candidates("Xiaomi recorded a revenue of 114.6 billion yuan in 2017, up from 68.4 billion yuan in 2016.")
    assert found["68.4 billion yuan"]["company_sales"]["series_link"] == 1.0
    assert found["114.6 billion yuan"]["company_sales"]["series_link"] == 0.0  # the first names its own
    # no word of a series between them: two facts side by side
    found = candidates("China had 3,255 incubators; 400 accelerators opened.")
    assert found["400"]["incubators"]["series_link"] == 0.0


def test_a_row_label_before_a_bracketed_count_names_nothing_counted():
    # "龙岗(57687户)": the district is the row's label; 新登记企业 said before the list is counted
    found = chinese_candidates("前三季度新登记企业依次为:龙岗(57687户)、宝安(46781户)。")
    assert found["57687户"]["new_enterprises_registered"]["phrase_is_place"] == 1.0
    assert found["57687户"]["new_enterprises_registered"]["phrase_names_other"] == 0.0
    # a label that is itself a catalog noun still names what it counts
    found = chinese_candidates("全省孵化器(97家)、众创空间(120家)。")
    assert found["97家"]["incubators"]["noun_head"] == 1.0


def test_the_predicate_after_a_chinese_noun_leaves_the_noun_heading_the_phrase():
    found = chinese_candidates("北京独角兽企业位列第一,有80家。")
    assert found["80家"]["unicorns"]["noun_head"] == 0.0  # 有80家 has its own words
    found = chinese_candidates("中国独角兽企业上榜316家。")
    assert found["316家"]["unicorns"]["noun_head"] == 1.0 and found["316家"]["unicorns"]["noun_inside"] == 0.0


def test_a_chinese_cue_that_only_modifies_a_later_noun_proposes_nothing():
    # 拥有独角兽公司的城镇 counts towns
    unicorns = {i.indicator_id: i for i in read_catalog(language="zh")}["unicorns"]
    assert cue_only_modifies("拥有独角兽公司的城镇", unicorns.noun_cues)
    assert not cue_only_modifies("独角兽公司", unicorns.noun_cues)
    assert not cue_only_modifies("独角兽公司的", unicorns.noun_cues)
    assert unicorns.noun_cues.search("拥有独角兽公司的城镇")  # the cue is there: only the veto drops it


def test_a_level_given_later_in_the_sentence_or_before_the_phrase_names_a_subset():
    # the level is granted to the things counted after their number ("were promoted to"), said
    # up to the next figure ("at or above the provincial level") or before the noun phrase the
    # sentence names them by ("state-level ... incubators ... has reached 71")
    found = candidates(
        "All 12 technology business incubators recommended by the province passed the review and were promoted to "
        "national-level technology business incubators."
    )
    assert "incubators" not in found["12"]
    found = candidates("So far, the total number of state-level technology business incubators in the province has reached 71.")
    assert "incubators" not in found["71"]
    found = candidates(
        "The province has built a total of 466 incubation carriers at or above the provincial level, "
        "including 153 national-level incubation carriers."
    )
    assert "hatching_platforms" not in found["466"]
    found = candidates("Three maker spaces in Zhoushan have been upgraded to the provincial level by the department.")
    assert "makerspaces" not in found["Three"]
    # a level of the next figure is that figure's; a count with no level keeps its indicator
    found = candidates("The district has 38 maker spaces, in which 12 of them are city-level maker spaces.")
    assert "makerspaces" in found["38"]
    assert "incubators" in candidates("So far, the total number of technology business incubators in the province has reached 71.")["71"]


def test_a_part_the_catalog_names_after_its_whole_in_the_sentence_is_a_feature():
    catalog = {i.indicator_id: i for i in read_catalog()}
    assert catalog["enterprises_in_existence"].whole == "market_entities"
    assert catalog["individual_businesses"].whole == "market_entities"
    assert catalog["new_enterprises_registered"].whole == "new_market_entities_registered"
    text = "截至9月底，全国实有市场主体1.06亿户，其中企业3362.8万户。"
    by_figure = chinese_candidates(text)
    assert by_figure["3362.8万户"]["enterprises_in_existence"]["whole_before"] == 1.0
    # the whole counted in the sentence before, the part's sentence opening on 其中
    text = "截至9月底，全国实有市场主体1.38亿户。其中，企业4200.0万户，增长8.9%。"
    by_figure = chinese_candidates(text)
    assert by_figure["4200.0万户"]["enterprises_in_existence"]["whole_before"] == 1.0
    found = candidates("By the end of 2021, China had 48.4 million enterprises.")
    assert found["48.4 million"]["enterprises_in_existence"]["whole_before"] == 0.0


@pytest.mark.parametrize(
    ("text", "figure", "indicator", "one_thing"),
    [
        ("From 2015 to 2017, it incubated more than 200 companies.", "200", "new_enterprises_registered", 1.0),
        (("The makerspace is a six-story building covering 20,000 square meters of floor space, "
         "capable of providing services to 100 startup teams."), "100", "startups_served", 1.0),
        ("Covering an area of more than 1,200 square meters, this maker space opened in 2013.",
         "1,200 square meters", "makerspace_floor_area", 1.0),
        # a place, or an "it" that only introduces a report, is no single organisation
        ("The city is currently home to 16 maker spaces.", "16", "makerspaces", 0.0),
        ("It is estimated that China had 3,255 incubators.", "3,255", "incubators", 0.0),
    ],
)
def test_a_sentence_about_one_organisation_or_facility_is_a_feature(text, figure, indicator, one_thing):
    features = candidates(text)[figure][indicator]
    assert features["one_thing_subject"] == one_thing
    assert features["one_thing_subject_company"] == 0.0


def test_one_organisation_as_subject_of_a_company_indicator_is_its_own_feature():
    features = candidates("The company started off with only four employees, but now it employs 130 people.")["four"]
    assert features["company_team_size"]["one_thing_subject_company"] == 1.0
    assert features["company_team_size"]["one_thing_subject"] == 0.0


def test_a_bare_national_before_a_phrase_is_no_level_of_it():
    # "a national venture capital guidance fund" is the nation's fund, not a level of funds
    found = candidates(
        "China on Monday launched a national venture capital guidance fund with a target size of up to 1 trillion yuan."
    )
    assert "guide_fund_target_size" in found["1 trillion yuan"]


def test_a_whole_before_needs_the_parts_own_noun():
    # "the newly registered" names no enterprises: the 40000 a day are market entities too
    found = candidates(
        "In the first three quarters of this year, the national new registration market main body 12.119 million, "
        "13.7% more than last year, the newly registered more than 40000 a day on average."
    )
    assert found["40000 a day"]["new_enterprises_registered"]["whole_before"] == 0.0
    found = candidates("New market entities numbered 12.119 million, of which 4.01 million were new enterprises.")
    assert found["4.01 million"]["new_enterprises_registered"]["whole_before"] == 1.0


@pytest.mark.parametrize(
    ("text", "figure", "vetoed", "control"),
    [
        # the kinds the English cues exclude ("private", "listed", "service" enterprises) in Chinese
        ("2023年,新登记私营企业70.1万户,同比增长3%。", "70.1万户", "new_enterprises_registered", "2023年,新登记企业70.1万户。"),
        ("全省实有私营企业449.5万户,同比增长6.4%。", "449.5万户", "enterprises_in_existence", "全省实有企业449.5万户。"),
        ("前三季度服务业新设企业402.2万户,同比增长13.2%。", "402.2万户", "new_enterprises_registered", "前三季度新设企业402.2万户。"),
        # jobs that start-ups bring ("by new firms" in the English cues) are no new urban jobs
        ("1—9月,创业带动就业10.74万人。", "10.74万人", "jobs_created", "1—9月,城镇新增就业10.74万人。"),
    ],
)
def test_chinese_cues_exclude_the_kinds_the_english_ones_do(text, figure, vetoed, control):
    assert vetoed not in chinese_candidates(text)[figure]
    assert vetoed in chinese_candidates(control)[figure]


@pytest.mark.parametrize(
    ("text", "figure", "vetoed", "control"),
    [
        # the kinds the Chinese cues exclude (未来独角兽, 毕业) in English
        ("Seventy high-growth future unicorns are most likely to reach the list.", "Seventy", "unicorns",
         "Seventy unicorns are on the list."),
        ("The park celebrated the graduation of 108 start-ups completing their incubation programmes.", "108",
         "startups_served", "The park's incubators served 108 start-ups last year."),
    ],
)
def test_english_cues_exclude_the_kinds_the_chinese_ones_do(text, figure, vetoed, control):
    assert vetoed not in candidates(text)[figure]
    assert vetoed in candidates(control)[figure]


@pytest.mark.parametrize(
    ("text", "figure", "vetoed", "control"),
    [
        # closures in other words than "closed" or "cancelled"
        ("During the same period, 484,600 individual businesses were shuttered.", "484,600", "individual_businesses",
         "By the end of June, there were 484,600 individual businesses."),
        # enterprises reached by a service or a subsidy are no count of the enterprises in existence
        # (the Chinese cues exclude 服务, 帮助, 获得 alike)
        ("1,218 productivity promoting centers in the nation provided services for 92,133 enterprises in 2004.",
         "92,133", "enterprises_in_existence", "By the end of 2004 the nation had 92,133 registered enterprises."),
        ("Job stabilization subsidies were distributed to 815,000 enterprises.", "815,000", "enterprises_in_existence",
         "The province had 815,000 enterprises in operation."),
        # an industry's new firms are a part of all new registrations
        ("The culture, sports, and entertainment industry saw 523,000 new businesses founded last year.", "523,000",
         "new_enterprises_registered", "The country saw 523,000 new businesses founded last year."),
    ],
)
def test_closures_services_and_industries_veto_the_counts_of_all_businesses(text, figure, vetoed, control):
    assert vetoed not in candidates(text)[figure]
    assert vetoed in candidates(control)[figure]


def test_funds_raised_for_projects_need_the_projects_or_spaces_named_in_reach():
    # money raised through crowdfunding platforms or by investment funds is not what mass
    # entrepreneurship and innovation projects raised
    assert "funds_raised_for_projects" not in candidates(
        "During 2015, RMB11.4 billion ($1.7 billion) was raised through crowdfunding platforms in China."
    )["RMB11.4 billion"]
    assert "funds_raised_for_projects" in candidates(
        "In 2016, 53.96 billion yuan ($7.83 billion) was raised for mass entrepreneurship and innovation projects across the nation."
    )["53.96 billion yuan"]


@pytest.mark.parametrize(
    ("text", "figure", "vetoed", "control"),
    [
        # a sector's market entities ("服务业领域", e-commerce) are a part of all of them, as the
        # English cues exclude "service" or "manufacturing" enterprises
        ("全省数字经济领域经营主体86.9万户,同比增长24.6%。", "86.9万户", "market_entities",
         "全省经营主体86.9万户,同比增长24.6%。"),
        ("数据显示,目前义乌电商经营主体达55.69万户。", "55.69万户", "market_entities", "数据显示,目前义乌经营主体达55.69万户。"),
    ],
)
def test_a_sectors_market_entities_are_no_count_of_all_of_them(text, figure, vetoed, control):
    assert vetoed not in chinese_candidates(text)[figure]
    assert vetoed in chinese_candidates(control)[figure]


@pytest.mark.parametrize(
    ("text", "figure", "indicator"),
    [
        # R&D "expenses" as the Chinese cues read 研发费用
        (("From January to November 2020, the research and development expenses of enterprises above designated "
         "size in the park reached 267.58 billion yuan."), "267.58 billion yuan", "rd_spending"),
        # a space operator's "sites" as the Chinese cues read 办公场地
        (("Mao Daqing, founder of UR Work, said his co-work space brand aims to increase the number of its sites "
         "from 40 across 10 cities by this year-end to 60 in 2017."), "40", "company_spaces_operated"),
        # ZGC is Zhongguancun's short name (the Chinese cues read 中关村)
        (("During the five years, the total income of ZGC enterprises maintained double-digit growth, reaching "
         "7.2 trillion yuan in 2020."), "7.2 trillion yuan", "high_tech_zone_revenue"),
    ],
)
def test_english_cues_for_wordings_the_chinese_cues_read(text, figure, indicator):
    assert indicator in candidates(text)[figure]


def test_a_bare_level_word_farther_after_the_figure_is_someone_elses():
    # "the provincial bureau" compiled the statistics: the makers' spaces are all of them
    found = candidates("In 2017, there were 6,900 makers' spaces according to statistics of the provincial bureau.")
    assert "makerspaces" in found["6,900"]
    found = candidates("The province has built a total of 466 incubation carriers at or above the provincial level.")
    assert "hatching_platforms" not in found["466"]


@pytest.mark.parametrize(
    ("text", "figure", "indicator", "other"),
    [
        # what the figure measures is named, and the indicator measures something else
        ("Spending on high-tech manufacturing rose by 9.1 percent year on year.", "9.1 percent", "high_tech_industry_growth", 1.0),
        ("The high-tech zone's revenue reached 300 billion yuan, and its exports reached 41 billion yuan.", "41 billion yuan",
         "high_tech_zone_revenue", 1.0),
        # the indicator's cue or definition names it
        ("Value added of high-tech manufacturing rose by 9.1 percent year on year.", "9.1 percent", "high_tech_industry_growth", 0.0),
        ("The high-tech zone's revenue reached 300 billion yuan, and its exports reached 41 billion yuan.", "300 billion yuan",
         "high_tech_zone_revenue", 0.0),
    ],
)
def test_a_measured_quantity_the_indicator_does_not_measure_is_a_feature(text, figure, indicator, other):
    assert candidates(text)[figure][indicator]["measure_noun_other"] == other


def test_a_chinese_measured_quantity_the_indicator_does_not_measure_is_a_feature():
    found = chinese_candidates("今年前三季度,全区高技术制造业投资增长12.5%,高技术制造业增加值增长8.3%。")
    assert found["12.5%"]["high_tech_industry_growth"]["measure_noun_other"] == 1.0
    assert found["8.3%"]["high_tech_industry_growth"]["measure_noun_other"] == 0.0


@pytest.mark.parametrize(
    ("text", "figure", "indicator", "new"),
    [
        ("The city had 52 additional incubators at the end of 2019.", "52", "incubators", 1.0),
        ("The city had 52 incubators at the end of 2019.", "52", "incubators", 0.0),
    ],
)
def test_new_things_on_an_indicator_of_a_stock_are_a_feature(text, figure, indicator, new):
    assert candidates(text)[figure][indicator]["new_on_stock"] == new


def test_chinese_new_things_on_an_indicator_of_a_stock_are_a_feature():
    assert chinese_candidates("去年全市新生3家独角兽企业。")["3家"]["unicorns"]["new_on_stock"] == 1.0
    assert chinese_candidates("截至去年底,全市共有3家独角兽企业。")["3家"]["unicorns"]["new_on_stock"] == 0.0


def test_a_participle_after_a_comma_goes_on_with_the_clause_of_its_subject():
    # the cue is the clause's subject: a participle that carries the figures does not end the clause
    text = "The number of incubators in the province has grown fast, climbing from 120 in 2015 to 310 in 2020."
    found = candidates(text)["120"]["incubators"]
    assert found["clause_cue"] + found["near_noun"] + found["near_context"] >= 1.0
    assert found["sentence_cue"] == 0.0
    # "including" names a part: its comma still ends the clause
    found = candidates("The province has 310 incubators, including 45 in the capital.")["45"]["incubators"]
    assert found["sentence_cue"] == 1.0
    # "according to" is no participle of change: its comma ends the clause; British "totalling" is one
    assert PARTICIPLE_AFTER_RE.match(" according to 2019 data") is None
    assert PARTICIPLE_AFTER_RE.match(" totalling 5 million") is not None
    found = candidates("The number of incubators in the province has grown fast, reaching 310 in 2020.")["310"]["incubators"]
    assert found["sentence_cue"] == 0.0


def test_a_count_names_its_measured_quantity_in_its_own_phrase_only():
    text = "The annual revenue of the country's 169 high-tech zones is expected to exceed 48 trillion yuan."
    assert candidates(text)["169"]["high_tech_zones"]["measure_noun_other"] == 0.0


def test_place_names_are_no_new_things_nor_a_measured_area():
    # "New" opening a place name ("Pudong New Area", "New York") says nothing of new things
    assert candidates("Pudong New Area had 310 incubators.")["310"]["incubators"]["new_on_stock"] == 0.0
    assert candidates("New York had 310 incubators.")["310"]["incubators"]["new_on_stock"] == 0.0
    assert candidates("New incubators numbered 310 last year.")["310"]["incubators"]["new_on_stock"] == 1.0
    # nor is the "Area" of a place name an area measured
    found = candidates("Startups in the Greater Bay Area raised 300 million yuan.")["300 million yuan"]
    assert all(features["measure_noun_other"] == 0.0 for features in found.values())


def test_chinese_things_that_entered_a_list_are_a_batch_on_an_indicator_of_a_stock():
    # (the batch itself is read as a flow by figures.chinese_meaning, so no stock indicator is proposed)
    assert "incubators" not in chinese_candidates("今年全省有18家孵化器上榜。")["18家"]
    assert "incubators" not in chinese_candidates("全省第三批名单中有18家孵化器。")["18家"]
    # a list named in the clause that the reading leaves a stock: the chooser weighs it
    assert chinese_candidates("全省名单中有18家孵化器。")["18家"]["incubators"]["batch_on_stock"] == 1.0
    # a word of a stock in the clause keeps it the stock
    assert chinese_candidates("截至今年6月,全省第三批名单累计有18家孵化器。")["18家"]["incubators"]["batch_on_stock"] == 0.0
    assert chinese_candidates("全市共有众创空间180家。")["180家"]["makerspaces"]["batch_on_stock"] == 0.0


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("全省民营经济市场主体达到520万户。", 1.0),  # private-economy entities: a kind of them
        ("全省实有市场主体达到520万户。", 0.0),  # the whole and a word of a stock
        ("深圳市场主体达到520万户。", 0.0),  # a place
    ],
)
def test_chinese_words_of_a_kind_before_the_noun_cue_are_a_feature(text, kind):
    assert chinese_candidates(text)["520万户"]["market_entities"]["kind_modifier"] == kind


def test_a_bracket_of_a_sum_before_a_chinese_count_makes_it_a_kind():
    # the things in a bracket of registered capital or funding are a part of the whole
    found = chinese_candidates("注册资本100~500万元新登记企业17451户,融资1亿元以上的企业12家。")
    assert found["17451户"]["new_enterprises_registered"]["kind_modifier"] == 1.0
    assert found["12家"]["new_enterprises_registered"]["kind_modifier"] == 1.0
    # a sum in an earlier clause narrows nothing
    found = chinese_candidates("注册资本总额7822亿元,新登记企业17451户。")
    assert found["17451户"]["new_enterprises_registered"]["kind_modifier"] == 0.0


def test_a_level_said_earlier_in_the_sentence_is_a_feature():
    # (a level of the same things before it is a veto: test_a_group_named_by_a_level_earlier_...)
    found = chinese_candidates("全省有省级高新区12家,孵化器52家、众创空间43家。")
    assert found["52家"]["incubators"]["level_in_sentence"] == 1.0
    assert found["43家"]["makerspaces"]["level_in_sentence"] == 1.0
    found = chinese_candidates("全省有孵化器52家、众创空间43家。")
    assert found["52家"]["incubators"]["level_in_sentence"] == 0.0
    text = "The province named 40 provincial-level incubators this year, and 12 of them are in the capital."
    assert candidates(text)["12"]["incubators"]["level_in_sentence"] == 1.0
    assert candidates("The province had 40 incubators this year, and 12 of them are in the capital.")["12"]["incubators"]["level_in_sentence"] == 0.0


def test_an_average_over_many_things_is_a_feature_a_rate_per_day_is_not():
    # (a sum raised, 募集规模, is read as a flow and proposed for no fund's capital; a bare fund size
    # names no start-up fund: the fund's kind is said)
    found = chinese_candidates("今年上半年,单只创业投资基金平均规模为3.5亿元。")["3.5亿元"]
    assert found["startup_fund_capital"]["an_average"] == 1.0
    found = chinese_candidates("今年上半年,全市创业投资基金规模为35亿元。")["35亿元"]
    assert found["startup_fund_capital"]["an_average"] == 0.0
    # a daily rate is the flow's rate, no average over things
    found = chinese_candidates("今年上半年,全市平均每天新设企业1200家。")["1200家"]
    assert found["new_enterprises_registered"]["an_average"] == 0.0


def test_hong_kong_counts_firms_with_the_measure_word_jian():
    # 間 is how Hong Kong counts companies, as 家 elsewhere
    assert "unicorns" in chinese_candidates("今年全球有586間獨角獸企業。")["586間"]
    assert "unicorns" in chinese_candidates("今年全球有586家獨角獸企業。")["586家"]


@pytest.mark.parametrize(
    ("phrase", "text", "matches"),
    [
        # plural, hyphen, one word or two, a variant spelling
        ("start-up incubator", "the city's 40 startup incubators", True),
        ("start-up incubator", "Start-Up Incubators opened", True),
        ("start-up incubator", "start up incubator", True),
        ("incubation centre", "three incubation centers", True),
        ("high-tech park", "five hi-tech parks", True),
        ("market entity", "new market entities", True),
        # no word between its words: "new unicorn firms" are a kind of new firm
        ("self-employed business", "self employed businesses", True),
        ("new firm", "new unicorn firms", False),
        ("new firm", "new jobs and firms", False),
        # whole words only
        ("tbi", "tbis", True),
        ("tbi", "tbilisi", False),
    ],
)
def test_a_synonym_matches_its_inflections_and_spellings(phrase, text, matches):
    variants = {"centre": ("centre", "center"), "center": ("centre", "center"), "hi": ("hi", "high"), "high": ("hi", "high")}
    assert bool(re.search(synonym_pattern(phrase, variants), text, re.IGNORECASE)) is matches


def test_the_synonyms_seed_reads_its_variants_and_kinds():
    synonyms = read_synonyms(DEFAULT_MODEL.parent.parent.parent / "dbt_project" / "seeds" / "indicator_synonyms.csv", "en")
    # a noun synonym of a count, a context synonym of a sum; spellings from the variant rows
    assert re.search(synonyms[("incubators", "noun")], "12 start-up accelerators", re.IGNORECASE) is None
    assert re.search(synonyms[("incubators", "noun")], "12 incubation centers", re.IGNORECASE)
    assert re.search(synonyms[("venture_capital_invested", "context")], "risk capital poured in", re.IGNORECASE)
    assert ("venture_capital_invested", "noun") not in synonyms


def test_a_candidate_found_by_a_synonym_alone_says_so():
    # "hackerspaces" is no catalog cue of makerspaces, only a synonym of it
    found = candidates("By the end of 2020, the province had 120 hackerspaces.")["120"]
    assert found["makerspaces"]["synonym_cue"] == 1.0
    assert found["makerspaces"]["noun_head"] == 1.0
    # its cue score is the synonym's as a noun cue heading the phrase; the trainer's stand-in for
    # dbt's cue scores (which read the catalog's own cues) leaves it out
    assert found["makerspaces"]["rule_score"] == pytest.approx(4 / 6)
    found = candidates("By the end of 2020, the province had 120 makerspaces.")["120"]
    assert found["makerspaces"]["synonym_cue"] == 0.0
    assert found["makerspaces"]["rule_score"] > 0
    # a catalog cue in reach proposes it as before, the synonym unread
    found = candidates("Makerspaces are spreading. By 2020 the province had 120 hackerspaces.")["120"]
    assert found["makerspaces"]["synonym_cue"] == 0.0
    assert found["makerspaces"]["noun_head"] == 0.0
    assert found["makerspaces"]["previous_sentence_cue"] == 1.0
    # a sum: a context synonym in its clause
    found = candidates("Risk capital for local start-ups reached 3.2 billion yuan in 2019.")["3.2 billion yuan"]
    assert found["venture_capital_invested"]["synonym_cue"] == 1.0



@pytest.mark.parametrize(
    ("phrase", "text", "matches"),
    [
        # read as written inside a run of characters, with no word boundary around it
        ("双创基地", "全市共有双创基地120家", True),
        ("双创基地", "国家级双创基地", True),
        # each script is a row of its own: no inflection, no conversion
        ("双创基地", "全市共有雙創基地120家", False),
        ("雙創基地", "全市共有雙創基地120家", True),
        # characters between its characters break it
        ("创业基地", "创业孵化基地", False),
    ],
)
def test_a_chinese_synonym_matches_as_written(phrase, text, matches):
    assert bool(re.search(synonym_pattern(phrase, language="zh"), text)) is matches


def test_no_chinese_synonym_repeats_a_catalog_cue():
    # a synonym is read only where the indicator's own cues propose nothing: one its own cues
    # match would never be read, and one equal to another indicator's cue names that indicator
    seeds = DEFAULT_MODEL.parent.parent.parent / "dbt_project" / "seeds"
    with open(seeds / "indicator_synonyms.csv", encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row["language"] == "zh"]
    with open(seeds / "indicator_cues_zh.csv", encoding="utf-8") as handle:
        cues = {cue for row in csv.DictReader(handle) for column in ("noun_cues", "context_cues") for cue in row[column].split("|")}
    catalog = {indicator.indicator_id: indicator for indicator in read_catalog(language="zh")}
    assert len(rows) > 40
    for row in rows:
        own = catalog[row["indicator_id"]]
        assert not any(p is not None and p.search(row["phrase"]) for p in (own.noun_cues, own.context_cues)), row
        assert row["phrase"] not in cues, row


def test_a_chinese_candidate_found_by_a_synonym_alone_says_so():
    # 双创基地 is no catalog cue of the incubation platforms, only a synonym of them
    found = chinese_candidates("截至2023年底，全市共有双创基地120家。")["120家"]
    assert found["hatching_platforms"]["synonym_cue"] == 1.0
    assert found["hatching_platforms"]["rule_score"] == pytest.approx(4 / 6)
    # the traditional script, its own row
    assert chinese_candidates("全市共有雙創基地120家。")["120家"]["hatching_platforms"]["synonym_cue"] == 1.0
    # a catalog cue in reach proposes its indicator as before
    found = chinese_candidates("全市已有孵化器20家。")["20家"]
    assert found["incubators"]["synonym_cue"] == 0.0
    assert chinese_candidates("全省已建成星创天地86家。")["86家"]["makerspaces"]["synonym_cue"] == 1.0


def test_a_chinese_synonym_naming_the_figures_noun_is_read_beside_the_indicators_own_context_cue():
    # 孵化平台 (the platforms' own context cue) sits in the sentence; 双创基地, a synonym, names
    # what 120家 counts: the synonym's reading, with the chooser told where it matched
    found = chinese_candidates("孵化平台建设提速,全市共有双创基地120家。")["120家"]["hatching_platforms"]
    assert found["synonym_cue"] == found["synonym_in_phrase"] == found["noun_head"] == 1.0
    # a synonym only around the figure leaves the own cue's reading as it was
    found = chinese_candidates("双创基地建设提速,全市共有孵化平台120家。")["120家"]["hatching_platforms"]
    assert found["synonym_cue"] == found["synonym_in_phrase"] == 0.0
    assert found["noun_head"] == 1.0
    # a synonym alone, in the phrase: read as before, and in the phrase
    found = chinese_candidates("全市共有双创基地120家。")["120家"]["hatching_platforms"]
    assert found["synonym_cue"] == found["synonym_in_phrase"] == 1.0


def test_a_guidance_funds_size_is_its_target_size_and_a_bare_fund_size_no_start_up_capital():
    found = chinese_candidates("该市引导基金总规模10亿元。")["10亿元"]
    assert "guide_fund_target_size" in found
    assert "startup_fund_capital" not in found  # vetoed by the guidance fund's 规模 beside it
    assert "startup_fund_capital" in chinese_candidates("该市创业投资基金规模10亿元。")["10亿元"]
    # the size of all private funds names no fund dedicated to start-ups
    assert "startup_fund_capital" not in chinese_candidates("截至5月末,存续私募基金规模19.89万亿元。")["19.89万亿元"]


def test_a_chinese_place_list_borrows_what_its_sentence_counts():
    # the "X数量" comes after the list
    found = chinese_candidates("美国(441家)和中国(253家)是全球独角兽公司数量最多的两个国家。")
    for figure in ("441家", "253家"):
        assert found[figure]["unicorns"]["noun_borrowed"] == found[figure]["unicorns"]["noun_head"] == 1.0
    # no "数量": the catalog noun the sentence names nearest
    found = chinese_candidates("全球独角兽企业榜单上,美国(586家)、中国(227家)位居前列。")
    for figure in ("586家", "227家"):
        assert found[figure]["unicorns"]["noun_borrowed"] == found[figure]["unicorns"]["noun_head"] == 1.0
        assert found[figure]["unicorns"]["cue_inside_rival"] == 0.0
        assert found[figure]["enterprises_in_existence"]["cue_inside_rival"] == 1.0


def test_a_chinese_figure_named_only_by_a_place_and_its_rank_reads_the_lists_noun():
    # "德国以18家位列第三": the place and its rank name nothing counted; the sentence's noun does
    text = "在今年的全球独角兽榜单中,德国以18家位列第三,法国以15家紧随其后。"
    found = chinese_candidates(text)
    for figure in ("18家", "15家"):
        unicorns = found[figure]["unicorns"]
        assert unicorns["noun_borrowed"] == unicorns["noun_head"] == unicorns["phrase_is_place"] == 1.0
        assert unicorns["phrase_names_other"] == 0.0
    assert chosen(text) == {"18家": "unicorns", "15家": "unicorns"}
    # the list's noun said in the sentence before
    found = chinese_candidates("全球独角兽企业共有1361家。英国以49家位列第三。")
    assert found["49家"]["unicorns"]["noun_borrowed"] == found["49家"]["unicorns"]["noun_head"] == 1.0
    for words in ("美國以", "中国大陆以", "领先于中国的", "排名第二", "英国和印度则分别以"):
        assert names_only_a_place(words, chinese=True), words
    for words in ("独角兽企业排名第二", "居民", "首期"):
        assert not names_only_a_place(words, chinese=True), words


def test_a_world_city_the_entity_seed_does_not_list_names_only_a_place():
    # the world's large cities and countries in Chinese (GeoNames, ISO 3166), in either script
    for words in ("旧金山的", "远远超过舊金山的", "伦敦以", "班加罗尔", "印度尼西亚"):
        assert names_only_a_place(words, chinese=True), words
    assert chosen("全球独角兽企业共有586家。北京拥有93家,远远超过旧金山的68家。")["68家"] == "unicorns"


def test_a_place_in_a_table_borrows_the_noun_whose_things_take_its_measure_word():
    # 城市 is nearer 北京(97家) but takes 个, not 家: the companies are counted
    found = chinese_candidates("独角兽公司最集中的城市是旧金山(122家)、北京(97家)、纽约(69家)。")
    assert found["97家"]["unicorns"]["noun_head"] == 1.0
    assert found["97家"]["unicorns"]["phrase_names_other"] == 0.0


def test_sectors_coordinated_before_a_chinese_noun_name_a_kind_of_it():
    found = chinese_candidates("从行业看,金融科技、医疗健康和先进制造领域独角兽企业数量最多,分别为9家、7家和5家。")
    assert all(found[figure]["unicorns"]["kind_modifier"] == 1.0 for figure in ("9家", "7家", "5家"))
    # places before it are no kind
    found = chinese_candidates("从城市看,北京、上海和深圳的独角兽企业数量最多,分别为9家、7家和5家。")
    assert all(found[figure]["unicorns"]["kind_modifier"] == 0.0 for figure in ("9家", "7家", "5家"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 户 of 个体工商户 and 个体户 is the noun's own; 主体户数 is "the number of" market entities
        ("截至2020年底，全市个体工商户数3200户。", {"3200户": "individual_businesses"}),
        ("截至2020年底，全市个体户数3200户。", {"3200户": "individual_businesses"}),
        ("截至2020年底，全市市场主体户数150万户。", {"150万户": "market_entities"}),
        # 成都 is a city, not 成 with the adverb 都 read into it
        ("2020年，全国独角兽企业中，北京82家，成都8家。", {"82家": "unicorns", "8家": "unicorns"}),
    ],
)
def test_chinese_words_that_end_like_a_tail_keep_their_indicator(text, expected):
    assert chosen(text) == expected


def test_a_kind_word_of_administrative_form_still_names_a_part():
    # 夜市 (night-market) businesses are a kind of the self-employed, not all of them
    assert chosen("截至2020年底，全市夜市个体工商户3200户。") == {"3200户": None}


def test_a_chinese_row_whose_label_is_no_known_place_borrows_the_sentences_noun():
    found = chinese_candidates("独角兽公司最集中的城市是旧金山(122家)、北京(97家)、纽约(69家)。")
    for figure in ("122家", "69家"):
        assert found[figure]["unicorns"]["noun_borrowed"] == 1.0 and found[figure]["unicorns"]["noun_head"] == 1.0
    # a label among no places is a category, no place: its row lends nothing
    found = chinese_candidates("新认定的众创空间中,高校类(12家)、企业类(30家)。")
    assert all(features["noun_borrowed"] == 0.0 for features in found["30家"].values())
    # nor is a row lent a mere 企业: "雏鹰企业" is no count the catalog holds
    found = chinese_candidates("1-8月份,天津市雏鹰企业评价入库数排名前五位的区是滨海新区(1535家)、武清区(258家)。")
    assert all(features["noun_borrowed"] == 0.0 for features in found["258家"].values())


def test_places_sharing_one_count_each_name_no_other_noun_for_the_list():
    # "天津、青岛、苏州各9家": 各 (each) is no noun, so the cities' counts after a sentence on unicorns
    # still count unicorns, the list's "苏州各" lending none of them another noun
    text = "2021年中国独角兽企业分布于39座城市。其中北京82家,上海60家,天津、青岛、苏州各9家。"
    quantities, _, choices = chinese_choices(text)
    assert [text[q.start : q.end] for q in quantities] == ["39座", "82家", "60家", "9家"]
    assert [c[0].indicator_id if c else None for c in choices[1:]] == ["unicorns"] * 3
    assert names_only_a_place("苏州各", chinese=True)


def test_a_chinese_bare_total_counts_what_the_clause_before_it_names():
    # "总数已达1.27亿户" names nothing itself: the individual businesses of the clause before it
    text = "与此同时,个体工商户发展稳步前行,总数已达1.27亿户,较去年同期增长1.0%。"
    _, _, choices = chinese_choices(text)
    assert choices[0][0].indicator_id == "individual_businesses"
    assert chinese_candidates(text)["1.27亿户"]["individual_businesses"]["antecedent"] == 1.0
    # shared out over things named before ("数量分别为5家、3家"), a total refers back to none of them
    quantities, meanings, sentences = read("汽车交通和医疗健康领域的独角兽企业较多,数量分别为5家、3家。")
    assert _chinese_antecedent_phrases(
        "汽车交通和医疗健康领域的独角兽企业较多,数量分别为5家、3家。", quantities, meanings, sentences, [0] * len(quantities)
    ) == {}


def test_a_venture_firm_raising_a_fund_is_no_company_funding_round():
    # the catalog's excluded cues: a new fund, a debut vehicle, capital under management
    assert "company_investment_received" not in candidates(
        "Qiming Venture Partners is in talks to raise over $1.2 billion for a new fund."
    )["$1.2 billion"]
    assert "company_investment_received" in candidates("ByteDance raised $1.2 billion in its latest funding round.")["$1.2 billion"]


def test_unicorns_that_listed_are_no_count_of_unicorns():
    assert "unicorns" not in candidates("Since 2017, 36 unicorns were listed on stock markets.")["36"]
    assert "unicorns" in candidates("China had 202 unicorns at the end of 2018.")["202"]
