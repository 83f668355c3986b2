"""figures.period_type: whether a figure's period is a point in time or a span, and the small
learned model that decides it."""

import json
import math
import sys
from pathlib import Path

import pytest

from figures.meaning import read_meanings
from figures.period_type import (
    CHINESE_MODEL,
    DEFAULT_MODEL,
    PeriodTypeModel,
    default_model,
    features,
    read_period_types,
)
from figures.periods import resolve_contexts
from figures.quantities import extract
from figures.sentences import split_sentences

REPO_ROOT = Path(__file__).resolve().parents[2]


def period_types(text: str, published_on: str, model="trained") -> dict[str, str | None]:
    quantities = extract(text)
    sentences = [(s.start, s.end) for s in split_sentences(text)]
    contexts = resolve_contexts(text, quantities, published_on)
    meanings = read_meanings(text, quantities, sentences, [c.period_is_point_in_time for c in contexts])
    types = read_period_types(text, quantities, contexts, meanings, sentences, model)
    return {quantity.text: kind for quantity, kind in zip(quantities, types)}


@pytest.mark.parametrize(
    ("text", "published_on", "expected"),
    [
        # levels and flows, as the measure type says
        ("By the end of 2016, China had 3,255 incubators, which raised 12 billion yuan in 2016.", "2017-03-01",
         {"3,255": "point", "12 billion yuan": "span"}),
        # sentences of the development corpus where the measure type alone decided wrong: a count
        # over "the first six months" is a flow; shares of a whole with no period are levels
        (("The increase in startups has created more jobs. Startups provided 1.46 million jobs during the first six "
          "months, with 230,000 created in June."), "2016-08-01", {"1.46 million": "span"}),
        (("Half of the businesses are located in the eastern regions, 30% are based in the central regions and 20% "
          "in the western areas."), "2013-02-01", {"Half": "point", "30%": "point", "20%": "point"}),
        # a restatement takes the type of what it restates
        ("Total revenues increased by 49.5% year-over-year to RMB97.5 billion (US$14.0 billion) in 2019.",
         "2020-03-30", {"RMB97.5 billion": "span", "US$14.0 billion": "span"}),
    ],
)
def test_period_types(text, published_on, expected):
    found = period_types(text, published_on)
    assert {surface: found[surface] for surface in expected} == expected


def test_chinese_text_has_a_model_of_its_own_and_no_model_leaves_the_decision_to_dbt():
    text = "截至2016年底，全国共有众创空间4298家。今年前三季度，全国新设企业1.66万户。"
    assert period_types(text, "2017-10-20") == {"4298家": "point", "1.66万户": "span"}
    assert set(period_types("By the end of 2016, China had 3,255 incubators.", "2017-03-01", None).values()) == {None}


def test_features_name_no_indicator_and_cross_the_measure_type():
    text = "Private companies accounted for 84.1 percent of all enterprises at the end of 2018."
    quantities = extract(text)
    contexts = resolve_contexts(text, quantities, "2019-11-20")
    meanings = read_meanings(text, quantities, None, [c.period_is_point_in_time for c in contexts])
    found = features(text, quantities[0], contexts[0], meanings[0], (0, len(text)))
    assert found["measure=share"] == found["share_words&measure=share"] == 1.0
    assert found["prefix=end_of"] == found["said_point=True"] == found["measure=share&said_point=True"] == 1.0
    # the word lists are read as they are: "for" of "accounted for" counts as a span word
    assert {name for name in found if name.startswith(("point_word=", "span_word="))} == {"span_word=for"}
    text = "As of June 2017, the share of women entrepreneurs stood at 25 percent, up from 20 percent in 2016."
    quantities = extract(text)
    contexts = resolve_contexts(text, quantities, "2017-09-01")
    meanings = read_meanings(text, quantities, None, [c.period_is_point_in_time for c in contexts])
    found = features(text, quantities[0], contexts[0], meanings[0], (0, len(text)))
    assert {name for name in found if name.startswith(("point_word=", "span_word="))} == {
        "point_word=as of", "point_word=stood at", "span_word=in"
    }


def figure_features(text: str, surface: str, published_on: str = "2019-11-20") -> dict[str, float]:
    quantities = extract(text)
    contexts = resolve_contexts(text, quantities, published_on)
    meanings = read_meanings(text, quantities, None, [c.period_is_point_in_time for c in contexts])
    index = next(i for i, q in enumerate(quantities) if q.text == surface)
    return features(text, quantities[index], contexts[index], meanings[index], (0, len(text)))


def test_the_whole_a_share_is_of_and_the_words_of_a_size():
    # a share of a flow (GDP, new jobs) against a share of a stock or a population
    text = "Small firms contribute over 60% of total GDP, while 84% of all enterprises are private."
    assert "whole=flow&measure=share" in figure_features(text, "60%")
    assert "whole=stock&measure=share" in figure_features(text, "84%")
    # the nearer word names the whole: "of new jobs created by firms" is a share of jobs
    assert "whole=flow&measure=share" in figure_features("They made 70 percent of new jobs created by firms.", "70 percent")
    assert not [n for n in figure_features("The fund raised 3 billion yuan.", "3 billion yuan") if n.startswith("whole=")]
    fund = figure_features("Zhejiang has established a 35-million-yuan fund for start-ups.", "35-million-yuan")
    assert fund["size_word"] == 1.0
    # "year on year" and "year-on-year" are one span word
    for text in ("Registrations rose to 51,800, up 45.1% year on year.", "Registrations rose to 51,800, up 45.1% year-on-year."):
        assert "span_word=year on year" in figure_features(text, "51,800")


def test_the_model_decides_by_the_sign_of_its_score():
    model = PeriodTypeModel({"measure=stock": 2.0, "span_word=in": -3.0}, intercept=0.5)
    assert model.period_type({"measure=stock": 1.0}) == "point"
    assert model.period_type({"measure=stock": 1.0, "span_word=in": 1.0}) == "span"


@pytest.mark.parametrize(("path", "chinese"), [(DEFAULT_MODEL, False), (CHINESE_MODEL, True)])
def test_the_trained_models_are_small_json_trained_on_dev_documents_only(path, chinese):
    model = json.loads(path.read_text(encoding="utf-8"))
    # small weights; most of the file is the ids of the dev documents it was trained on, which grow
    # with the corpus (about 70 bytes each)
    assert len(model["weights"]) < 400
    assert path.stat().st_size < 40_000 + 80 * len(model["trained_on"])
    assert model["weights"] and all(math.isfinite(w) for w in model["weights"].values())
    # it beat the measure-type rule out of fold when it was trained
    assert model["cross_validated_accuracy"] > model["measure_type_rule_accuracy"]
    sys.path.insert(0, str(REPO_ROOT / "benchmarks" / "meaning_corpus"))
    from check_gold import split_of

    assert {split_of(document) for document in model["trained_on"]} == {"dev"}
    assert default_model(chinese).weights == model["weights"]


def test_chinese_words_and_a_span_of_months_are_features_english_words_never_read_as_chinese():
    text = "1-8月,天津市科技型中小企业评价入库数排名前五位的区是滨海新区(3487家)。截至8月底,在册企业达30.7万户。"
    quantities = extract(text)
    contexts = resolve_contexts(text, quantities, "2023-09-01")
    meanings = read_meanings(text, quantities, None, [c.period_is_point_in_time for c in contexts])
    listed, level = (features(text, q, c, m, (0, len(text))) for q, c, m in zip(quantities, contexts, meanings))
    assert contexts[0].period_label == "2023-01/2023-08" and listed["period_range"] == 1.0
    assert listed["zh_span_word=入库"] == 1.0 and "period_range" not in level and level["zh_point_word=在册"] == 1.0
    english = "By the end of 2016, China had 3,255 incubators."
    quantities = extract(english)
    contexts = resolve_contexts(english, quantities, "2017-03-01")
    meanings = read_meanings(english, quantities, None, [c.period_is_point_in_time for c in contexts])
    assert not [name for name in features(english, quantities[0], contexts[0], meanings[0], (0, len(english))) if name.startswith("zh_")]


def test_any_chinese_point_or_span_word_is_a_feature_with_the_measure_type():
    text = "截至去年底,全区现有孵化器42家。今年新增备案企业310家。园区位于城东,占地120亩。五年来累计新增企业900家。"
    quantities = extract(text)
    contexts = resolve_contexts(text, quantities, "2024-05-01")
    meanings = read_meanings(text, quantities, None, [c.period_is_point_in_time for c in contexts])
    spans = [(s.start, s.end) for s in split_sentences(text)]
    level, new, area, both = (
        features(text, q, c, m, next(span for span in spans if span[0] <= q.start < span[1]))
        for q, c, m in zip(quantities, contexts, meanings)
    )
    assert level["zh_point_any"] == 1.0 and f"zh_point_any&measure={meanings[0].measure_type}" in level
    assert new["zh_span_any"] == 1.0 and f"zh_span_any&measure={meanings[1].measure_type}" in new
    # words of both lists near one figure ("累计", "新增"), and of neither
    assert both["zh_point_and_span"] == 1.0 and "zh_point_and_span" not in level and "zh_neither" not in new
    assert area["zh_neither"] == 1.0 and "zh_point_any" not in area and "zh_span_any" not in area


def test_a_stock_or_flow_the_sentence_form_decides_takes_its_period_type():
    # the ends of a level's change are points, a list's intake a span, though a month dates it
    text = "独角兽企业从2016年的104家增长到目前的125家。6月,我市甲公司等12家孵化器入围榜单。"
    quantities = extract(text)
    contexts = resolve_contexts(text, quantities, "2018-07-01")
    sentences = [(s.start, s.end) for s in split_sentences(text)]
    meanings = read_meanings(text, quantities, sentences, [c.period_is_point_in_time for c in contexts])
    assert read_period_types(text, quantities, contexts, meanings) == ["point", "point", "span"]
