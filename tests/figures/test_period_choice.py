"""figures.period_choice: the periods a document offers each figure, their features, and the
learned choice among them."""

import json
import math
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figures.context import DocumentTimes, PeriodCandidate, publication
from figures.period_choice import (
    MODEL_PATH,
    PeriodChooser,
    default_chooser,
    document_year_details,
    features_of,
    figure_features,
)
from figures.periods import resolve_contexts
from figures.quantities import extract
from figures.sentences import split_sentences

REPO_ROOT = Path(__file__).resolve().parents[2]

REGISTRATIONS = (
    "The increase of business registration has been extraordinary, jumping from 9.46 million in 2012 "
    "to 16.51 million in 2016."
)
LEAD_THEN_LEVEL = (
    "In 2016, the country added 1,200 makerspaces. "
    "Beijing alone had 300 of them, up 20% from 2015."
)


def times_of(text: str, published_on: str = "2017-06-01", title: str | None = None) -> DocumentTimes:
    return DocumentTimes(text, extract(text), publication(published_on), split_sentences(text), title)


def figure_of(times: DocumentTimes, surface: str) -> int:
    return next(i for i, q in enumerate(times.quantities) if q.text == surface)


def offered(times: DocumentTimes, figure: int) -> list[tuple[str, str | None, int]]:
    """(origin, expression text, sentences back) of each candidate but the document's years and
    the publication month (offered to every figure of a dated document whose sentence names no
    period; see test_the_document_years_are_offered... and test_the_publication_month...)."""
    return [
        (c.origin, times.expressions[c.expression].text if c.expression is not None else None, c.sentences_back)
        for c in times.period_candidates(figure)
        if c.origin not in ("document", "publication")
    ]


def test_candidates_reach_the_clause_the_sentence_and_the_sentences_before():
    times = times_of(LEAD_THEN_LEVEL)
    assert offered(times, figure_of(times, "1,200")) == [("expression", "In 2016", 0), ("none", None, 0)]
    # The rules' choice comes first: the paragraph's lead; the comparison base "from 2015" is
    # never a candidate.
    assert offered(times, figure_of(times, "300")) == [("expression", "In 2016", 1), ("none", None, 0)]
    assert [c.rule for c in times.period_candidates(figure_of(times, "300"))] == ["paragraph_lead", None, None, None, None]


def test_a_deadline_ahead_in_an_earlier_sentence_is_not_offered():
    times = times_of("China aims to have 10,000 incubators by 2020. Shenzhen has 300 incubators.")
    assert offered(times, figure_of(times, "300")) == [("none", None, 0)]


def test_a_date_inside_the_figure_is_not_offered():
    times = times_of("In the first three quarters of 2018, investment rose 7.2%.")
    assert [q.text for q in times.quantities] == ["7.2%"]  # "three quarters" is the date's, no figure
    assert offered(times, figure_of(times, "7.2%")) == [
        ("expression", "In the first three quarters of 2018", 0),
        ("none", None, 0),
    ]


def test_the_headline_is_offered_to_every_figure_and_chosen_by_the_rules_for_past_levels_and_changes():
    text = "Investments fell by 60%. Xiamen is now home to 1,000 companies."
    times = times_of(text, "2019-07-03", title="Venture capital in 1H19")
    change, level = figure_of(times, "60%"), figure_of(times, "1,000")
    assert ("headline", None, 0) in offered(times, change)
    # a present-tense level is offered the headline's period too ("Seventy future unicorns"
    # under "... Unicorn Index for 2019 Q1"); the rules leave it undated, the chooser weighs it
    assert ("headline", None, 0) in offered(times, level)
    assert times.rule_choice(change).origin == "headline"
    assert times.rule_choice(level).origin == "none"


def test_the_document_years_are_offered_to_every_figure_of_a_dated_document():
    text = "China now has 131 unicorn companies, according to a list released on March 1. The number grew by 61 from 2015."
    times = times_of(text, "2017-03-03", title="China has 131 unicorns, a report says")
    for figure in range(len(times.quantities)):
        years = [c.year for c in times.period_candidates(figure) if c.origin == "document"]
        assert years == [2017, 2016]
    figure = figure_of(times, "131")
    candidates = times.period_candidates(figure)
    last_year = next(c for c in candidates if c.year == 2016)
    context = times.candidate_context(figure, last_year)
    assert (context.period_label, context.period_source, context.period_is_point_in_time) == ("2016", "document", False)
    features = features_of(times, figure, candidates)[candidates.index(last_year)]
    # published in the first quarter; the year before is the latest the text names (once,
    # as a comparison base it is not counted); the headline says it is a report
    assert {"where=document-1", "published=q1", "named=<=0", "report_cue", "report_cue&where=document-1",
            "fig.present&where=document-1"} - features.keys() == set()  # fmt: skip
    # an undated document offers no year of its own
    assert not [c for c in times_of(text, None).period_candidates(figure) if c.origin == "document"]


def test_the_publication_month_is_offered_to_figures_whose_sentence_names_no_period():
    text = "Bike-sharing firm ofo said on Tuesday it had raised 866 million US dollars. In 2017 it raised 700 million."
    times = times_of(text, "2018-03-13")
    figure = figure_of(times, "866 million US dollars")
    month = next(c for c in times.period_candidates(figure) if c.origin == "publication")
    context = times.candidate_context(figure, month)
    assert (context.period_label, context.period_source, context.period_is_point_in_time) == ("2018-03", "document", False)
    features = features_of(times, figure, times.period_candidates(figure))[times.period_candidates(figure).index(month)]
    assert {"where=publication", "precision=day", "published=q1"} - features.keys() == set()
    # a sentence that names its period is offered no publication month, nor is a document
    # published with only its year
    assert not [c for c in times.period_candidates(figure_of(times, "700 million")) if c.origin == "publication"]
    assert not [c for c in times_of(text, "2018").period_candidates(figure) if c.origin == "publication"]


def test_a_span_of_months_is_also_offered_at_its_end_and_years_to_publication_cut_at_the_year_before():
    text = (
        "In the first half of this year, 936,000 business entities were registered in Jiangsu, bringing the "
        "total to 14.447 million. The contest has been held five times since 2015."
    )
    times = times_of(text, "2023-08-01")
    figure = figure_of(times, "14.447 million")
    labels = {
        c.origin: times.candidate_context(figure, c) for c in times.period_candidates(figure) if c.origin != "document"
    }
    assert (labels["expression"].period_label, labels["span_end"].period_label) == ("2023-H1", "2023-06")
    assert labels["span_end"].period_is_point_in_time and labels["span_end"].period_source == "relative"
    times = times_of(text, "2020-09-09")
    figure = figure_of(times, "five times")
    cut = next(c for c in times.period_candidates(figure) if c.origin == "to_last_year")
    assert times.expressions[cut.expression].text == "since 2015"
    assert times.candidate_context(figure, cut).period_label == "2015/2019"
    features = features_of(times, figure, times.period_candidates(figure))[times.period_candidates(figure).index(cut)]
    assert {"where=to_last_year", "prefix=since", "published=h2"} - features.keys() == set()
    # a span that ends before the publication year is not cut
    times = times_of("The contest was held five times from 2012 to 2016.", "2020-09-09")
    assert "to_last_year" not in [c.origin for c in times.period_candidates(figure_of(times, "five times"))]


def test_features_say_where_a_candidate_sits_and_what_it_is():
    times = times_of("Registrations rose from 9.46 million in 2012 to 16.51 million in 2016.")
    figure = figure_of(times, "9.46 million")
    candidates = times.period_candidates(figure)
    features = dict(zip([times.expressions[c.expression].text if c.expression is not None else None for c in candidates],
                        features_of(times, figure, candidates)))  # fmt: skip
    own = features["in 2012"]
    assert {"where=own", "prefix=in", "kind=year", "granularity=year", "after", "words=<=0",
            "years_before=>3"} - own.keys() == set()  # fmt: skip
    other = features["in 2016"]
    assert {"where=clause", "owned_by_other", "after", "figures_between=<=1"} - other.keys() == set()
    assert "where=none" in features[None]
    # the figure's own traits, crossed with where each candidate sits
    assert "fig.unit=count&where=own" in own and "fig.has_own&where=clause" in other


@pytest.mark.parametrize(
    ("text", "surface", "perfect", "present_after"),
    [
        # a total to date, the figure its clause's subject: the verb comes after it
        ("In Shanghai 19 billion yuan has been allocated to start-ups.", "19 billion yuan", True, True),
        ("The zones have attracted 300 companies.", "300", True, False),
        ("Sales have grown 12 percent.", "12 percent", True, False),
        # the simple past, and a present level with no participle
        ("The total amount of investments was CNY 295 billion.", "CNY 295 billion", False, False),
        ("The city has 180 makerspaces.", "180", False, False),
        ("About 40 firms are based there.", "40", False, True),
    ],
)
def test_the_figure_traits_read_the_present_perfect_and_a_present_verb_after_the_figure(
    text, surface, perfect, present_after
):
    times = times_of(text)
    traits = features_of(times, figure_of(times, surface), [PeriodCandidate("none")])[0]
    assert ("fig.perfect&where=none" in traits, "fig.present_after&where=none" in traits) == (perfect, present_after)


def test_features_of_an_earlier_sentence():
    times = times_of(LEAD_THEN_LEVEL)
    figure = figure_of(times, "300")
    candidates = times.period_candidates(figure)
    lead = features_of(times, figure, candidates)[0]
    assert {"where=back1", "leader", "same_paragraph", "dates_figures", "prefix=in"} - lead.keys() == set()


def test_the_chooser_takes_the_highest_score_and_the_rules_on_a_tie():
    times = times_of(LEAD_THEN_LEVEL)
    figure = figure_of(times, "300")
    candidates = times.period_candidates(figure)
    assert PeriodChooser({"where=none": 1.0}).choose(times, figure, candidates).origin == "none"
    assert PeriodChooser({"where=back1": 0.5, "where=none": 0.2}).choose(times, figure, candidates).origin == "expression"
    tie = PeriodChooser({})
    assert tie.choose(times, figure, candidates) is candidates[0] and candidates[0].is_rule_choice
    assert tie.score({"where=none": 1.0, "x": 2.0}) == 0.0
    assert PeriodChooser({"a": 0.5, "b": -2.0}, intercept=0.25).score({"a": 1.0, "b": 1.0, "c": 1.0}) == -1.25


def test_a_figure_the_chooser_leaves_undated_keeps_no_period():
    text = LEAD_THEN_LEVEL
    quantities = extract(text)
    leave_undated = PeriodChooser({"where=none": 10.0})
    contexts = resolve_contexts(text, quantities, "2017-06-01", chooser=leave_undated)
    by_surface = {q.text: c for q, c in zip(quantities, contexts)}
    # "none" is always offered: the figure keeps no period, and dbt flags its fallback
    assert (by_surface["300"].period_label, by_surface["300"].period_source) == (None, "none")
    rules = resolve_contexts(text, quantities, "2017-06-01", chooser=None)
    assert [c.period_label for c in rules] == ["2016", "2016", "2016"]


def test_the_trained_model_is_small_json_of_finite_weights():
    model = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert MODEL_PATH.stat().st_size < 100_000
    assert model["weights"] and all(math.isfinite(w) for w in model["weights"].values())
    assert 0.5 < model["cross_validated_period_accuracy"] <= 1.0
    chooser = default_chooser()
    assert chooser is not None and chooser.weights == model["weights"]


@pytest.mark.parametrize(
    ("text", "published_on", "surface", "period"),
    [
        ("In 2017, there were 5,739 makers' spaces, an increase of 33% compared with 2016.", "2018-01-01", "5,739", "2017"),
        (REGISTRATIONS, "2017-05-23", "16.51 million", "2016"),
        ("By the end of 2016, China had 3,255 incubators.", "2017-09-19", "3,255", "2016"),
        ("Shenzhen now has 180 makerspaces.", "2017-03-08", "180", None),
    ],
)
def test_the_trained_chooser_on_plain_sentences(text, published_on, surface, period):
    quantities = extract(text)
    contexts = resolve_contexts(text, quantities, published_on)
    assert {q.text: c.period_label for q, c in zip(quantities, contexts)}[surface] == period


SENTENCES = [
    "In 2016, the country added 1,200 makerspaces.",
    "Beijing alone had 300 of them, up 20% from 2015.",
    "China aims to have 10,000 incubators by 2020.",
    "Shenzhen now has 180 makerspaces.",
    "In the first half of 2017, investment rose 7.2% to 53.96 billion yuan.",
    "Last year 16,500 firms were set up every day.",
    "As of June 30, 2019, there were 1,825 investments.",
    "The figure was 4,298 at the end of 2017 and will reach 5,000 next year.",
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6), st.sampled_from(["2016-05-01", "2018-12-05", "2019"]),
       st.sampled_from([None, "Start-ups in 2017", "Venture capital in 1H19"]), st.booleans())  # fmt: skip
def test_the_chosen_period_is_one_the_document_offers(sentences, published_on, title, paragraphs):
    text = ("\n\n" if paragraphs else " ").join(sentences)
    times = times_of(text, published_on, title)
    times.chooser = default_chooser()
    for figure in range(len(times.quantities)):
        candidates = times.period_candidates(figure)
        assert candidates[0].is_rule_choice and sum(c.is_rule_choice for c in candidates) == 1
        assert candidates[-1] == PeriodCandidate("none") or candidates[0].origin == "none"
        assert len({(c.origin, c.expression, c.year) for c in candidates}) == len(candidates)
        chosen = times.context(figure)
        offered_contexts = [times.candidate_context(figure, c) for c in candidates]
        assert chosen in offered_contexts
        for candidate in candidates:
            # beyond the rules' own choice, an earlier sentence offers no date after publication
            if candidate.origin == "expression" and candidate.sentences_back > 0 and not candidate.is_rule_choice:
                period = times.resolved[candidate.expression].period
                assert not times._after_publication(period)


def test_the_conditional_logit_learns_which_feature_marks_the_right_candidate():
    sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
    import train_period_model

    rows = {
        f"doc{n}": [(0, [{"where=own": 1.0}, {"where=back1": 1.0}, {"where=none": 1.0}], [True, False, False])]
        for n in range(6)
    }
    rows["doc6"] = [(0, [{"where=back1": 1.0}, {"where=none": 1.0}], [False, True])]
    chooser = train_period_model.fit(rows, sorted(rows), c=1.0)
    assert chooser.weights["where=own"] > chooser.weights["where=none"] > chooser.weights["where=back1"]


def test_a_present_level_after_a_paragraph_break_is_carried_by_the_rules_not_the_chooser():
    text = "In 2017, there were 5,739 spaces.\n\nThe park has 40 buildings."
    quantities = extract(text)
    by_rules = resolve_contexts(text, quantities, chooser=None)[1]
    assert (by_rules.period_label, by_rules.period_source) == ("2017", "discourse")
    # the labelling guide: a present-tense level the text does not date has no period
    chosen = resolve_contexts(text, quantities)[1]
    assert (chosen.period_label, chosen.period_source) == (None, "none")


def test_every_english_document_weighs_the_same_in_the_fit():
    sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
    import train_period_model

    # one document with ten figures leaves them undated; four documents with one figure each
    # carry the sentence before
    rows = {"big": [(n, [{"where=back1": 1.0}, {"where=none": 1.0}], [False, True]) for n in range(10)]}
    rows |= {f"small{n}": [(0, [{"where=back1": 1.0}, {"where=none": 1.0}], [True, False])] for n in range(4)}
    by_figures = train_period_model.fit(rows, sorted(rows), c=1.0, equal_documents=False)
    assert by_figures.weights["where=none"] > by_figures.weights["where=back1"]
    by_documents = train_period_model.fit(rows, sorted(rows), c=1.0)
    assert by_documents.weights["where=back1"] > by_documents.weights["where=none"]

# --- Chinese documents: candidates of figures.chinese_context, a chooser of their own ---------

CHINESE = "2017年，全国新设企业607.4万户。截至2017年底，全国众创空间有5739家。其中，北京有300家。目前，上海有180家。"


def chinese_candidates(text: str, surface: str, published_on: str = "2018-03-01"):
    from figures.chinese_context import _ChineseDocument

    quantities = extract(text)
    document = _ChineseDocument(text, quantities, published_on, None)
    figure = next(i for i, q in enumerate(quantities) if q.text == surface)
    return document, figure, document.candidates(figure)


def test_chinese_candidates_are_the_rules_choice_the_earlier_sentences_and_none():
    document, figure, candidates = chinese_candidates(CHINESE, "300家")
    assert [(c.time.text if c.time else None, c.source, c.rule) for c in candidates] == [
        ("截至2017年底", "discourse", True),
        ("2017年", "discourse", False),
        ("", "document", False),  # the years the document may report on: publication's and the one before
        ("", "document", False),
        ("", "publication", False),  # the publication month, of news of an event told with no date
        ("截至2017年底", "declared", False),  # a cut-off opening the document, offered to every figure
        (None, "none", False),
    ]
    where = [next(k for k in features if k.startswith("where=")) for features in document.features(figure, candidates)]
    assert where == ["where=back1", "where=back2", "where=document0", "where=document-1", "where=publication", "where=declared", "where=none"]
    assert "continues_sentence_before&where=back1" in document.features(figure, candidates)[0]


def test_a_chinese_change_against_last_years_end_is_offered_the_year_so_far():
    # the guide: "截至9月末……较去年底增长9.0%" runs from the base to the figure's date
    text = "截至今年9月底，全省实有私营企业88.58万家，比去年底增长9.13%。截至今年9月底，企业数比去年同期增长5%。"
    _, _, candidates = chinese_candidates(text, "9.13%", "2017-11-03")
    year_so_far = [c for c in candidates if c.time is not None and c.time.reading == "since_year_end"]
    assert [(c.time.period.label, c.time.is_point) for c in year_so_far] == [("2017-Q1/2017-Q3", False)]
    assert candidates[0].time.period.label == "2017-09"  # the rules keep the date itself
    # year on year ("比去年同期") and a level are not changes since last year's end
    for surface in ("5%", "88.58万家"):
        _, _, candidates = chinese_candidates(text, surface, "2017-11-03")
        assert not any(c.time is not None and c.time.reading == "since_year_end" for c in candidates)


def test_the_chinese_chooser_is_small_json_and_used_for_chinese_text():
    from figures.period_choice import CHINESE_MODEL_PATH, default_chinese_chooser

    model = json.loads(CHINESE_MODEL_PATH.read_text(encoding="utf-8"))
    assert CHINESE_MODEL_PATH.stat().st_size < 100_000
    assert model["weights"] and all(math.isfinite(w) for w in model["weights"].values())
    assert 0.5 < model["cross_validated_period_accuracy"] <= 1.0
    assert default_chinese_chooser().weights == model["weights"]
    quantities = extract(CHINESE)
    trained = resolve_contexts(CHINESE, quantities, "2018-03-01")
    assert [c.period_label for c in trained] == ["2017", "2017", "2017", None]
    assert [c.period_is_point_in_time for c in trained][1:3] == [True, True]


RESULTS = "Net revenue rose 41.5% year on year to 8.6 billion yuan from 6.1 billion yuan in 2017."


def test_a_base_figures_date_is_not_the_date_of_the_change_and_level_it_led_to():
    times = times_of(RESULTS, "2019-03-20")
    change, level, base = (figure_of(times, s) for s in ("41.5%", "8.6 billion yuan", "6.1 billion yuan"))
    # the rules leave the change undated rather than give it its base's year
    assert times.rule_choice(change).origin == "none"
    assert times.candidate_context(base, times.rule_choice(base)).period_label == "2017"
    for figure in (change, level):
        offered_after = [c for c in times.period_candidates(figure) if c.origin == "base_next"]
        assert len(offered_after) == 1
        context = times.candidate_context(figure, offered_after[0])
        assert (context.period_label, context.comparison_label, context.period_source) == ("2018", "2017", "text")
    # the base figure itself is not offered the year after its own date
    assert not [c for c in times.period_candidates(base) if c.origin == "base_next"]
    candidates = times.period_candidates(change)
    features = features_of(times, change, candidates)[[c.origin for c in candidates].index("base_next")]
    assert {"where=base_next", "base_date", "kind=year", "year_on_year"} - features.keys() == set()


def test_the_year_after_a_base_date_is_not_offered_when_it_lies_after_publication():
    times = times_of(RESULTS, "2017-11-02")
    assert not [c for c in times.period_candidates(figure_of(times, "41.5%")) if c.origin == "base_next"]


def test_an_earlier_sentences_date_is_described_by_the_tenses_of_both_sentences():
    times = times_of("The park had 320 start-ups in 2017. It now has 410 firms. They raised 2 billion yuan.")
    for surface, tense in (("410", "tense=present>past"), ("2 billion yuan", "tense=past>past")):
        figure = figure_of(times, surface)
        candidates = times.period_candidates(figure)
        back, earlier = next(
            (c.sentences_back, f) for c, f in zip(candidates, features_of(times, figure, candidates)) if c.sentences_back > 0
        )
        assert sorted(k for k in earlier if k.startswith("tense=")) == [tense, f"{tense}&where=back{back}"]


def test_how_many_periods_reach_each_document_year():
    # "last year" and "at the end of 2018" both run to 2018's end; the comparison base
    # "over last year" names no period of the figure's own, so 2019 is reached by nothing.
    text = "Firms rose 9% over last year. Last year 200 firms joined. At the end of 2018 there were 900."
    details = document_year_details(times_of(text, "2019-03-01"))
    assert "reached=<=2" in details[2018] and "reached=<=0" in details[2019]
    comparison_only = document_year_details(times_of("Sales rose 9% over last year.", "2019-03-01"))
    assert "reached=<=0" in comparison_only[2018]


def test_a_present_tense_level_opening_a_paragraph_is_marked_on_the_undated_candidate():
    def undated_features(text: str, surface: str) -> set[str]:
        times = times_of(text)
        figure = figure_of(times, surface)
        candidates = times.period_candidates(figure)
        features = features_of(times, figure, candidates)
        return {name for c, f in zip(candidates, features) if c.origin == "none" for name in f}

    assert "present_opens_paragraph" in undated_features("In 2017, there were 5,739 spaces.\n\nThe park has 40 buildings.", "40")
    # the same paragraph, or a past-tense figure, or a period in its own sentence: not marked
    assert "present_opens_paragraph" not in undated_features("In 2017, there were 5,739 spaces. The park has 40 buildings.", "40")
    assert "present_opens_paragraph" not in undated_features("In 2017, there were 5,739 spaces.\n\nThe park added 40 buildings.", "40")
    assert "present_opens_paragraph" not in undated_features("In 2017, there were 5,739 spaces.\n\nThe park has 40 buildings in 2018.", "40")


def test_discourse_cues_of_an_earlier_sentence_and_of_leaving_a_figure_undated():
    text = (
        "In 2019, Beijing had 85 unicorn enterprises. Shanghai has 37 unicorn enterprises, up 17 year on year. "
        "Tea is popular."
    )
    times = times_of(text, "2020-05-26")
    figure = figure_of(times, "37")
    candidates = times.period_candidates(figure)
    features = features_of(times, figure, candidates)
    earlier = next(f for c, f in zip(candidates, features) if c.sentences_back == 1)
    undated = next(f for c, f in zip(candidates, features) if c.origin == "none")
    # the dated sentence opens the paragraph and shares "unicorn" and "enterprise" with the figure's
    assert {"opens_its_paragraph", "shared_words=<=2"} <= earlier.keys()
    # a year-on-year comparison in the figure's sentence; a dated sentence before in its paragraph
    assert {"fig.year_on_year&where=none", "paragraph_dated_before"} <= undated.keys()


def test_a_document_naming_only_the_year_before_a_document_year():
    text = "Venture investment shrank 7% to its lowest in four years, after a 44% slump in 2022."
    details = document_year_details(times_of(text, "2024-01-10"))
    assert {"only_year_before_named", "only_year_before_named&published=q1"} <= set(details[2023])
    assert "only_year_before_named" not in details[2024]


def test_the_opening_period_dates_a_figure_of_a_report_far_on():
    # "In Q4 2016, ..." leads a report on the quarter; five sentences on, with none dated between,
    # the refitted chooser takes it (the rules leave the figure undated)
    text = (
        "In Q4 2016, equity financings into China-based companies raised more than $7 billion across 464 deals.\n\n"
        "Consumer services companies remained the strongest sector. It attracted $2.5 billion via 194 deals.\n\n"
        "The sector attracted a 33% share of total deals. Deal sizes were larger. Investors were cautious.\n\n"
        "Business and financial services ranked second. The sector garnered $2.3 billion across 122 deals."
    )
    quantities = extract(text)
    contexts = resolve_contexts(text, quantities, "2017-01-20", split_sentences(text), None, default_chooser())
    context = next(c for q, c in zip(quantities, contexts) if q.text == "$2.3 billion")
    assert (context.period_label, context.period_source) == ("2016-Q4", "discourse")


def test_the_document_year_the_dated_sentences_name_and_a_whole_period_cue():
    text = (
        "The fourth national economic census found 21.8 million legal entities at the end of 2018. "
        "Some 62.9 million people were self-employed. The census covered 40,000 areas in 2018."
    )
    details = document_year_details(times_of(text, "2019-11-20", title="Communique on the Fourth Economic Census"))
    assert {"dates_figures_share=<=3", "dates_most_dated", "whole_period_cue"} - set(details[2018]) == set()
    assert "dates_figures_share=<=0" in details[2019] and "dates_most_dated" not in details[2019]
    news = "China had 21.8 million legal entities at the end of 2018, official data released on Wednesday show."
    news_details = document_year_details(times_of(news, "2019-11-20", title="Firms multiply"))
    # news citing data is a report cue, not the whole of one year
    assert "whole_period_cue" not in news_details[2018] and "report_cue" in news_details[2018]


def test_details_of_a_founding_date():
    times = times_of("The maker space opened in 2013 with 20 desks. It covers an area of 1,200 square meters.", "2020-10-30")
    area = figure_of(times, "1,200 square meters")
    opened = next(c for c in times.period_candidates(area) if c.origin == "expression")
    assert times.expressions[opened.expression].text == "in 2013"
    assert features_of(times, area, [opened])[0]["event_verb"] == 1.0
    times = times_of("Exports reached 12 billion yuan in 2013. The zone has 40 exporters.", "2020-10-30")
    exporters = figure_of(times, "40")
    reached = next(c for c in times.period_candidates(exporters) if c.origin == "expression")
    assert "event_verb" not in features_of(times, exporters, [reached])[0]


def test_details_of_a_date_a_figure_held_and_a_month_inside_the_headline():
    text = "The jobless rate stood at 5.1 percent in June. Subsidies of 6.2 billion yuan were paid."
    times = times_of(text, "2025-07-22", title="China adds 6.95 million urban jobs in H1")
    subsidies = figure_of(times, "6.2 billion yuan")
    june = next(c for c in times.period_candidates(subsidies) if c.origin == "expression")
    assert times.resolved[june.expression].period.label == "2025-06"
    found = features_of(times, subsidies, [june])[0]
    # "in June" dates the rate of its own sentence, and lies inside the headline's half
    assert found["owned_there&where=back1"] == 1.0
    assert found["inside_headline"] == 1.0
    # without the headline, nothing is inside it
    times = times_of(text, "2025-07-22")
    june = next(c for c in times.period_candidates(subsidies) if c.origin == "expression")
    assert "inside_headline" not in features_of(times, subsidies, [june])[0]


def test_the_figure_traits_read_a_past_event_in_the_figures_clause():
    text = "The fund raised 80 million yuan last week. It has backed 12 firms. Its donors attended a gala with 300 guests."
    times = times_of(text)
    assert figure_features(times, figure_of(times, "80 million yuan"))["event_past"]
    assert not figure_features(times, figure_of(times, "12"))["event_past"]
    assert figure_features(times, figure_of(times, "300"))["event_past"]


def test_the_year_a_thing_began_is_described_by_the_tense_of_the_figure_it_is_offered_to():
    def event_details(text: str, surface: str) -> set[str]:
        times = times_of(text, "2018-04-01")
        figure = figure_of(times, surface)
        candidates = times.period_candidates(figure)
        features = features_of(times, figure, candidates)
        return {
            name
            for c, f in zip(candidates, features)
            if c.origin == "expression" and times.expressions[c.expression].text.endswith("2015")
            for name in f
            if name.startswith("event_verb&tense=") and "&where=" not in name
        }

    assert event_details("Founded in 2015, the club now has 9,000 members.", "9,000") == {"event_verb&tense=present"}
    assert event_details("Founded in 2015, the club reached 9,000 members.", "9,000") == {"event_verb&tense=past"}
    # a year no founding or opening verb precedes gets no such detail
    assert event_details("In 2015, the club now has 9,000 members.", "9,000") == set()


@pytest.mark.parametrize(
    ("text", "surface", "traits"),
    [
        ("Seven of them are super unicorns, companies valued at more than $10 billion.", "$10 billion", {"threshold"}),
        ("Firms with investment of above 10 million yuan spent 31.70 billion yuan in 2016.", "10 million yuan", {"threshold"}),
        ("It set up a 300,000-yuan fund for startups.", "300,000-yuan", {"attribute"}),
        ("Start-ups there last an average of three years.", "three years", set()),
        ('He said: "I think 20 percent are likely to fall."', "20 percent", {"hedge", "quoted"}),
        ("The province boasts more than 50,000 technology-based firms.", "50,000", {"stative"}),
        ("According to a survey, 70 percent of angels invested in fewer projects.", "70 percent", {"cites"}),
        ("The company announced Tuesday that it had raised 866 million US dollars.", "866 million US dollars", {"news_day"}),
        ("The city had 180 makerspaces in 2016.", "180", set()),
    ],
)
def test_the_figure_traits_say_why_a_figure_may_hold_at_no_period(text, surface, traits):
    times = times_of(text)
    found = figure_features(times, figure_of(times, surface))
    names = ("threshold", "attribute", "hedge", "quoted", "stative", "cites", "news_day")
    assert {name for name in names if found[name]} == traits


def test_a_duration_is_a_trait_of_its_own():
    times = times_of("Start-ups there last an average of three years, and 80 firms closed in 2016.")
    assert figure_features(times, figure_of(times, "three years"))["duration"]
    assert not figure_features(times, figure_of(times, "80"))["duration"]


def test_a_sentence_dated_by_a_day_alone_is_offered_the_document_years_and_month():
    text = "108 start-ups graduated from the park on May 28. In April 2020 it admitted 40 firms."
    times = times_of(text, "2020-06-02")
    graduated = figure_of(times, "108")
    origins = [(c.origin, c.year) for c in times.period_candidates(graduated)]
    assert {("document", 2020), ("document", 2019), ("publication", None)} <= set(origins)
    assert figure_features(times, graduated)["sentence_days_only"]
    # a month names a period: no document year, and the trait is off
    admitted = figure_of(times, "40")
    assert not [c for c in times.period_candidates(admitted) if c.origin in ("document", "publication")]
    assert not figure_features(times, admitted)["sentence_days_only"]


def test_a_headline_telling_of_an_event_is_a_trait_of_every_figure():
    text = "The firm said it had raised 866 million US dollars. It has 200 staff."
    times = times_of(text, "2018-03-13", title="Bike-sharing firm ofo raises another US$866 million")
    assert figure_features(times, figure_of(times, "200"))["event_headline"]
    times = times_of(text, "2018-03-13", title="The rise of bike sharing in China")
    assert not figure_features(times, figure_of(times, "200"))["event_headline"]
    # a hyphenated "start-up" is no event; a competition that starts is
    times = times_of(text, "2018-03-13", title="Start-up hubs and incubators across the city")
    assert not figure_features(times, figure_of(times, "200"))["event_headline"]
    times = times_of(text, "2018-03-13", title="Start-up competition starts in the city")
    assert figure_features(times, figure_of(times, "200"))["event_headline"]


def test_a_quotation_running_over_sentences_and_an_aim_are_traits():
    text = '"Data shows a start-up fails every eight minutes. The failure rate is 80 percent." It aims at adding 30 sites.'
    times = times_of(text)
    assert figure_features(times, figure_of(times, "80 percent"))["quoted"]
    assert not figure_features(times, figure_of(times, "30"))["quoted"]
    assert figure_features(times, figure_of(times, "30"))["future"]


@pytest.mark.parametrize(
    ("text", "surface", "traits"),
    [
        ("The district added 1,200 new firms in March.", "1,200", {"flow_word"}),
        ("Its revenue reached 3 billion yuan.", "3 billion yuan", {"flow_word"}),
        ("The city registered 500 firms a day.", "500", {"flow_word"}),
        ("The park has 400 firms in total.", "400", {"stock_word"}),
        ("There are 60 incubators in the zone.", "60", {"stock_word"}),
        ("Member firms hold 26.6 patents each.", "26.6", {"per_unit"}),
        ("Graduates earn an average of 5,000 yuan.", "5,000 yuan", {"per_unit"}),
        ("About 2 million of them have since returned home.", "2 million", {"since_then"}),
        ("The zone had 300 firms.", "300", set()),
    ],
)
def test_the_figure_traits_read_flow_and_stock_words_a_ratio_and_a_total_since(text, surface, traits):
    times = times_of(text)
    found = figure_features(times, figure_of(times, surface))
    names = ("flow_word", "stock_word", "per_unit", "since_then")
    assert {name for name in names if found[name]} == traits


def test_presently_and_nowadays_place_a_figure_now():
    for text in ("The city is presently home to 9,200 firms.", "Nowadays the city has 9,200 firms."):
        times = times_of(text)
        assert figure_features(times, figure_of(times, "9,200"))["present"]
    times = times_of("The city had 9,200 firms.")
    assert not figure_features(times, figure_of(times, "9,200"))["present"]


def test_a_paragraph_opener_and_a_figure_the_headline_gives_are_traits():
    text = "Investors are cautious.\n\nThe fund raised 5 billion yuan in 2016. It backed 40 firms."
    times = times_of(text, title="Fund raises 5 billion yuan")
    raised, backed = figure_of(times, "5 billion yuan"), figure_of(times, "40")
    assert figure_features(times, raised)["opens_paragraph"] and figure_features(times, raised)["in_headline"]
    assert not figure_features(times, backed)["opens_paragraph"] and not figure_features(times, backed)["in_headline"]
    # the document's first sentence is in_title_sentence, not a paragraph opener; "15" is no "5"
    times = times_of("The fund raised 5 billion yuan.", title="Fund raises 15 billion yuan")
    first = figure_of(times, "5 billion yuan")
    assert figure_features(times, first)["in_title_sentence"]
    assert not figure_features(times, first)["opens_paragraph"] and not figure_features(times, first)["in_headline"]


def test_a_since_date_after_a_superlative_and_a_back_date_reached_over_another_are_details():
    def details_of(text: str, surface: str, ends: str) -> set[str]:
        times = times_of(text, "2024-01-10")
        figure = figure_of(times, surface)
        candidates = [
            c for c in times.period_candidates(figure)
            if c.origin == "expression" and times.expressions[c.expression].text.endswith(ends)
        ]  # fmt: skip
        assert candidates, [times.expressions[c.expression].text for c in times.period_candidates(figure) if c.expression is not None]
        return {name for name in features_of(times, figure, candidates)[0] if "&where=" not in name}

    lowest = "VC bets fell to $69.9 billion, the lowest amount since 2019."
    assert "superlative_since" in details_of(lowest, "$69.9 billion", "2019")
    assert "superlative_since" not in details_of("Firms have raised $69.9 billion since 2019.", "$69.9 billion", "2019")
    text = "In 2015, the park opened. In 2016, it admitted 30 firms. It now has 120 staff."
    assert "dated_between" in details_of(text, "120", "2015")
    assert "dated_between" not in details_of(text, "120", "2016")


def test_a_candidates_preposition_and_granularity_are_crossed_with_the_figures_stock_flow_and_present_words():
    def crossed(text: str, surface: str, names: str) -> set[str]:
        times = times_of(text)
        figure = figure_of(times, surface)
        candidates = times.period_candidates(figure)
        place = next(
            p for p, c in enumerate(candidates)
            if c.origin == "expression" and names in times.expressions[c.expression].text
        )  # fmt: skip
        features = features_of(times, figure, candidates)[place]
        return {name for name in features if "&fig." in name and not name.startswith("fig.")}

    # a level "at the end of 2016" in total, a flow "in 2016" of new firms
    assert crossed("The park had 400 firms in total at the end of 2016.", "400", "2016") == {
        "prefix=end_of&fig.stock_word", "granularity=year&fig.stock_word",
    }  # fmt: skip
    assert crossed("The park added 120 new firms in 2016.", "120", "2016") == {
        "prefix=in&fig.flow_word", "granularity=year&fig.flow_word",
    }  # fmt: skip
    # a present level with an earlier sentence's month on offer
    assert crossed("Sales rose in June. The city now has 180 makerspaces.", "180", "June") == {
        "prefix=in&fig.present", "granularity=month&fig.present",
    }  # fmt: skip
    # none of the three: no cross
    assert crossed("The zone had 300 firms in 2016.", "300", "2016") == set()


@pytest.mark.parametrize(
    ("text", "surface", "refers_back", "tenseless"),
    [
        # a clause pointing back to an event or a report named before
        ("The fair opened on Monday. Eight projects were signed at the fair.", "Eight", True, False),
        ("A list came out. There are seven firms worth $10 billion each on the list.", "seven", True, False),
        ("The report showed 60 percent of the funds were invested in early deals.", "60 percent", True, False),
        # a list going on with no verb of its own
        ("Beijing had 65 firms, followed by Shanghai with 26 and Hangzhou with 12.", "26", False, True),
        ("Beijing had 65 firms, followed by Shanghai with 26 and Hangzhou with 12.", "65", False, False),
        # neither: a clause with its own verb and no pointer back
        ("The city has 180 makerspaces.", "180", False, False),
    ],
)
def test_the_figure_traits_read_a_pointer_back_and_a_clause_without_a_verb(text, surface, refers_back, tenseless):
    times = times_of(text)
    traits = figure_features(times, figure_of(times, surface))
    assert (traits["refers_back"], traits["tenseless"]) == (refers_back, tenseless)


def test_the_words_a_figures_sentence_shares_with_the_headline_are_a_detail_of_the_documents_years():
    def title_words(text: str, title: str) -> set[str]:
        times = times_of(text, "2017-03-03", title=title)
        figure = figure_of(times, "131")
        candidates = [c for c in times.period_candidates(figure) if c.origin == "document"]
        return {n for f in features_of(times, figure, candidates) for n in f if n.startswith("title_words") and "&" not in n}

    # "unicorn" (plural cut) and "companies": two content words shared; "China" is too common to count
    assert title_words("China now has 131 unicorn companies.", "Unicorn companies of China") == {"title_words=<=2"}
    assert title_words("Hangzhou has 131 unicorn companies in its zone.", "Unicorn companies in Hangzhou's zone") == {"title_words=>2"}
    assert title_words("China now has 131 unicorn companies.", "Spring festival travel") == {"title_words=<=0"}
