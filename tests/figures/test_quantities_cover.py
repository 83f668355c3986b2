"""Figures real documents write in forms the extractor used to miss: verbs of a multiple, numerals
a bad page glued to words, units fused into a modifier, headline numerals; in Chinese, currency
names, per mille, more measure words, counts of a list, amounts in two scales."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figures.quantities import extract


def _read(text, **options):
    return [(q.text, q.value, q.unit, q.qualifier) for q in extract(text, **options)]


# --- English ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Registered charities almost doubled to 4,100 over the decade.",
         [("doubled", 2, "times", "about"), ("4,100", 4100, "count", "exact")]),
        ("Exports more than trebled in five years.",
         [("trebled", 3, "times", "over"), ("five years", 5, "year", "exact")]),
        ("Orders at the plant quadrupled.", [("quadrupled", 4, "times", "exact")]),
        ("Loans to farmers could triple to $2bn.",
         [("triple", 3, "times", "exact"), ("$2bn", 2e9, "USD", "exact")]),
        ("Its fleet is nearly double that of its rival.", [("double", 2, "times", "about")]),
        ("The backlog of cases was roughly halved.", [("halved", 50, "percent", "about")]),
        # not a multiple: idioms, adjectives, nouns
        (("He doubled down; the gym doubled as a shelter; a double room; double-digit gains; "
          "the tripled-up bunks; in double figures."), []),
    ],
)  # fmt: skip
def test_verbs_of_a_multiple_are_figures_when_asked(text, expected):
    assert [(t, pytest.approx(v), u, ql) for t, v, u, ql in _read(text, warehouse_forms=True)] == expected


def test_verbs_of_a_multiple_are_left_out_by_default_and_a_fall_by_half_is_a_decrease():
    assert _read("Sales doubled to 300 units.") == [("300", 300, "count", "exact")]
    (halved,) = extract("The waiting list halved last year.", warehouse_forms=True)
    assert (halved.change, halved.unit_class) == ("decrease", "percent")
    (doubled,) = extract("Revenue doubled year-on-year.", warehouse_forms=True)
    assert (doubled.change, doubled.change_basis_text, doubled.is_word_number) == ("increase", "year-on-year", True)


def test_numerals_a_bad_page_glued_to_words_are_read():
    text = "In total there were2,417 clinics with over 31,000nurses, of which 612were rural."
    assert _read(text) == [
        ("2,417", 2417, "count", "exact"), ("31,000", 31000, "count", "over"), ("612", 612, "count", "exact"),
    ]
    # glued letters that are no function word stay a token: a model, an ordinal, a unit-less code
    assert _read("The A320 and the 4th runway, 5G masts and 3W bulbs.") == []
    # a machine translation's lost spaces: a long word before a numeral in groups, of three digits
    # or with a percent sign, a capitalised word after the percent sign
    text = "the city recognized high enterprise3596 homes, valid ones exceeded10,000 homes, growth11%The end"
    assert [q[:2] for q in _read(text)] == [("3596", 3596), ("10,000", 10000), ("11%", 11)]
    # short words and two-digit codes glued to a word stay tokens
    assert _read("Runs on windows10 and covid19 rules, mp3 files and the win32 api.") == []


def test_units_fused_into_a_modifier_with_hyphens():
    text = "The 2,500-square-metre hall sits by a 12-kilometre canal; a 5-star hotel and a one-stop shop."
    assert _read(text) == [
        ("2,500-square-metre", 2500, "m2", "exact"), ("12-kilometre", 12, "km", "exact"),
    ]


def test_a_numeral_opening_a_headline_line_is_a_figure():
    text = "Local News\n\n48,300 Firms Registered in the Port City\n\nUpdated\n\n12 startups join an incubator"
    assert _read(text) == [("48,300", 48300, "count", "exact"), ("12", 12, "count", "exact")]
    # after a closing quotation mark a capitalised word opens a sentence, it names no model
    (found,) = extract("“We lead the region.” Another 45 software firms moved in.")
    assert (found.text, found.value, found.counted) == ("45", 45, "software firms")


def test_shares_written_as_a_count_out_of_a_count_when_asked():
    text = "Nearly 7 out of 10 graduates found work, and one in four founders were women."
    assert _read(text, warehouse_forms=True) == [
        ("7 out of 10", 70, "percent", "about"), ("one in four", 25, "percent", "exact"),
    ]
    # "in" with a year or a duration stays apart; by default both counts stay counts
    assert _read("The 2 in 2021 and 5 in 10 years.", warehouse_forms=True) == [
        ("2", 2, "count", "exact"), ("5", 5, "count", "exact"), ("10 years", 10, "year", "exact"),
    ]
    assert [q.unit for q in extract("7 out of 10 graduates found work.")] == ["count", "count"]


def test_bare_numbers_listed_before_a_percentage_take_its_unit_and_change():
    found = [(q.text, q.unit, q.change) for q in extract("Deposit rates fell 0.25 and 0.4 percentage points.")]
    assert found == [("0.25", "percentage_point", "decrease"), ("0.4 percentage points", "percentage_point", "decrease")]
    found = [(q.text, q.unit, q.change) for q in extract("Rents rose 3, 5 and 6 percent in the three districts.")]
    assert found[:3] == [("3", "percent", "increase"), ("5", "percent", "increase"), ("6 percent", "percent", "increase")]
    # a number and a percentage after a comma alone are two figures: a list closes on "and" or "or"
    found = [(q.text, q.unit) for q in extract("The number of returnees reached a record high of 20,100, 12.3 percent over 2002.")]
    assert found == [("20,100", "count"), ("12.3 percent", "percent")]


def test_a_spaced_us_abbreviation_names_dollars():
    found = [(q.text, q.unit) for q in extract("Sales reached 2.5 billion yuan (about 300 million U. S. dollars).")]
    assert found == [("2.5 billion yuan", "CNY"), ("300 million U. S. dollars", "USD")]


def test_negative_amounts_lakh_grouping_and_a_dash_range_after_from():
    found = _read("Cash flow swung to HK$3.1 billion from negative HK$0.8 billion.")
    assert found == [("HK$3.1 billion", 3.1e9, "HKD", "exact"), ("HK$0.8 billion", -0.8e9, "HKD", "exact")]
    assert _read("Net cash was negative  RMB9.2 billion.") == [("RMB9.2 billion", -9.2e9, "CNY", "exact")]
    assert _read("The buffer must stay non-negative 5 days a week.")[0][1] == 5
    assert _read("Enrolment topped 2,75,000 this term.") == [("2,75,000", 275000, "count", "over")]
    (spread,) = extract("Loan rates ranged from 11%-14% last year.")
    assert (spread.text, spread.low, spread.high, spread.value) == ("11%-14%", 11, 14, None)


# --- Chinese ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # currency names, and 兆 as a trillion beside money
        ("该基金规模为6,500亿日圆，计划增至12兆日圆。",
         [("6,500亿日圆", 6.5e11, "JPY", "exact"), ("12兆日圆", 1.2e13, "JPY", "exact")]),
        ("融資總額約3兆日圓。", [("3兆日圓", 3e12, "JPY", "about")]),
        ("出口额达到42亿韩元和7亿澳元。", [("42亿韩元", 4.2e9, "KRW", "exact"), ("7亿澳元", 7e8, "AUD", "exact")]),
        # per mille and per ten thousand, in percent
        ("该县企业数量占全国的千分之三。", [("千分之三", 0.3, "percent", "exact")]),
        ("不良率低于万分之二。", [("万分之二", 0.02, "percent", "under")]),
        # more measure words
        ("园区内有15幢厂房。", [("15幢", 15, "count", "exact")]),
        ("其中有九隻基金由地方政府出資。", [("九隻", 9, "count", "exact")]),
        ("产品出口到36国，覆盖8省。", [("36国", 36, "count", "exact"), ("8省", 8, "count", "exact")]),
        # one amount written in two scales
        ("公司完成2亿6000万元融资。", [("2亿6000万元", 2.6e8, "CNY", "exact")]),
        ("投资总额约2兆4000億日圓。", [("2兆4000億日圓", 2.4e12, "JPY", "about")]),
    ],
)  # fmt: skip
def test_chinese_currency_names_per_mille_measure_words_and_two_scales(text, expected):
    found = _read(text)
    assert [(t, u, ql) for t, _, u, ql in found] == [(t, u, ql) for t, _, u, ql in expected]
    assert [v for _, v, _, _ in found] == pytest.approx([v for _, v, _, _ in expected])


def test_country_and_province_words_count_only_after_digits_and_not_in_names():
    text = "二十国集团(20国集团)峰会，2021国家统计局公报，四国和东三省，5省级平台，企业来自17国。"
    assert _read(text) == [("17国", 17, "count", "exact")]


def test_a_chinese_numeral_counts_the_items_a_list_before_it_names():
    text = "围绕芯片、软件、新能源等三大领域，在广州、佛山两地设厂。"
    found = [(q.text, q.value, q.counted) for q in extract(text)]
    assert found == [("三", 3, "领域"), ("两", 2, None)]
    # a set phrase and a congress are no counts; a list of such counts lists no items
    assert extract("四大发明流传至今，党的十八大以来，打造三大园区、五大平台。") == []


def test_a_count_of_groups_of_things_without_a_list_is_a_figure_but_no_rank_group_or_announced_list():
    text = "从区域分布来看，四大经济区域运营园区占比均有提升。创业者背后有3大含意。首先，政策更完善。"
    assert [(q.text, q.value, q.unit, q.counted) for q in extract(text)] == [("四大", 4, "count", "经济区域运营园区")]
    assert [q.text for q in extract("全球十大独角兽企业中，有6个来自中国。前三大产业为金融。")] == ["6个"]
    assert extract("呈现五大特点：一是总量增长。五大连池市妇联、一大批企业。") == []


def test_one_counts_after_only_and_alone_in_brackets_and_a_back_reference_is_no_figure():
    found = _read("全省仅有一家上市公司。泰国(两家)、老挝(一家)。一家企业。以上八家企业中，这3个园区")
    assert found == [
        ("一家", 1, "count", "exact"), ("两家", 2, "count", "exact"), ("一家", 1, "count", "exact"),
        ("3个", 3, "count", "exact"),
    ]


def test_a_minus_sign_before_a_chinese_figure_makes_it_negative():
    found = _read("全年净亏损为-2,318.5万元，毛利率为-1.6%，区间为10-20万元。")
    assert found[:2] == [("2,318.5万元", -23185000, "CNY", "exact"), ("1.6%", -1.6, "percent", "exact")]
    assert (found[2][0], found[2][1]) == ("10-20万元", None)


def test_glossed_units_english_scales_and_a_term_without_a_linking_verb():
    # a reprint that glosses characters with pinyin; a Chinese release keeping English lines
    found = _read("利润率比上年提高1.5個(gè)百分點(diǎn)。")
    assert found == [("1.5個(gè)百分點", 1.5, "percentage_point", "exact")]
    assert extract("利润率比上年提高1.5個(gè)百分點(diǎn)。")[0].unit_text == "個百分點"
    found = _read("本季度营收为RMB86.4 million(US$12.1 million),净亏损为人民币2.3亿元。")
    assert [(t, u) for t, _, u, _ in found] == [("RMB86.4 million", "CNY"), ("US$12.1 million", "USD"), ("人民币2.3亿元", "CNY")]
    assert [v for _, v, _, _ in found] == pytest.approx([86.4e6, 12.1e6, -2.3e8])  # a net loss is a negative profit
    assert _read("入驻企业的平均孵化时限3年。") == [("3年", 3, "year", "exact")]


def test_a_bare_trillion_before_a_money_word_and_listed_numbers_sharing_a_later_unit():
    assert _read("该公司以两万亿估值居首。") == [("两万亿", 2e12, "CNY", "exact")]
    found = _read("这些城市的增速分别高出0.8、2.4、1.6个百分点。")
    assert found == [
        ("0.8", 0.8, "percentage_point", "exact"), ("2.4", 2.4, "percentage_point", "exact"),
        ("1.6个百分点", 1.6, "percentage_point", "exact"),
    ]


# --- Offsets and order hold for the new forms --------------------------------------------------

FRAGMENTS = st.sampled_from(
    [
        "3", "1,200", "were", "service", "-square-meter", "-kilometre", " doubled", " halved",
        " triple to ", "nearly double", " more than trebled", "\n", " ", ". ", "Another ",
        "亿", "万", "兆", "日圆", "千分之", "五", "幢", "国", "省", "大领域", "、", "等", "两地",
        "只有一家", "(一家)", "以上", "集团", "估值", "个百分点", "元",
    ]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(FRAGMENTS, max_size=14).map("".join))
def test_new_forms_keep_offsets_and_order(text):
    for language in (None, "en", "zh"):
        previous_start = -1
        for quantity in extract(text, language, warehouse_forms=True):
            assert text[quantity.start : quantity.end] == quantity.text
            assert quantity.start >= previous_start
            previous_start = quantity.start
            assert quantity.low <= quantity.high
            json.dumps(quantity.to_dict())


def test_a_bound_after_a_bracketed_restatement_bounds_both_figures():
    found = [(q.text, q.qualifier) for q in extract(
        "Firms with an annual income of 20 million yuan (about 3.09 million U.S. dollars) and above grew.")]
    assert found == [("20 million yuan", "over"), ("3.09 million U.S. dollars", "over")]
    # "and above" taking an object is a preposition, no bound
    found = [(q.text, q.qualifier) for q in extract(
        "It spent more than the national average (1.41 percent) and above the provincial one (3.75 percent).")]
    assert found == [("1.41 percent", "exact"), ("3.75 percent", "exact")]


def test_a_limit_or_maximum_stated_with_is_bounds_from_above():
    assert [(q.text, q.qualifier) for q in extract("The maximum amount of a single subsidy is one million yuan.")] == [
        ("one million yuan", "under")
    ]
    assert [(q.text, q.qualifier) for q in extract("The subsidy limit is 10 percent of the investment.")] == [
        ("10 percent", "under")
    ]


def test_a_ratio_with_a_comparative_after_it_is_a_change():
    found = extract("The figure is about 11.6 percent lower from the same period last year, but 51.4 percent higher than "
                    "that in the fourth quarter of 2008.")
    assert [(q.text, q.change) for q in found][:2] == [("11.6 percent", "decrease"), ("51.4 percent", "increase")]


def test_a_change_verb_ending_the_clause_before_reads_for_the_ratios_after_it():
    found = extract("Both dollars invested and the number of deals went down, 33% and 16% respectively.")
    assert [(q.text, q.change) for q in found] == [("33%", "decrease"), ("16%", "decrease")]
    # not a share after it, nor a phrasal verb's particle
    assert [q.change for q in extract("The team grew, 30% of them women.")] == [None]
    assert [q.change for q in extract("It set up, 20 percent of them in Beijing.")] == [None]


def test_the_financial_press_rmb_prefix_is_yuan():
    found = extract("The merchandise value exceeds Rmb1,000bn ($163bn).")
    assert [(q.text, q.unit, q.qualifier) for q in found] == [("Rmb1,000bn", "CNY", "over"), ("$163bn", "USD", "over")]


def test_numbers_in_a_line_written_in_capitals_are_figures():
    found = extract("HURUN RESEARCH FINDS 586 UNICORNS IN WORLD, UP 92")
    assert [(q.text, q.value) for q in found] == [("586", 586.0), ("92", 92.0)]
    assert extract("The BOEING 737 Max flew.") == []


def test_fractions_up_to_ninths_are_read_and_ordinals_are_not():
    assert [(q.text, round(q.value, 4)) for q in extract("It accounts for one-seventh of the nation's total.")] == [
        ("one-seventh", 0.1429)]
    assert [q.text for q in extract("Two-ninths of it and one sixth of the rest.")] == ["Two-ninths", "one sixth"]
    assert extract("The sixth batch of incubators was named.") == []
