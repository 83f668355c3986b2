"""Qualifiers, falls and doublings written in forms the word right before the numeral does not
carry: a restatement in brackets that takes the bound of the figure it restates, verbs of
passing and nearing, symbols (">30%", "50%+"), caps ("capped at", "最高…可达", "为上限"), a
Chinese qualifier that reaches a share across its whole ("约占…总数的2%"), a currency declared
for the rest of a text ("(港币,下同)") and 翻番. The sentences were written for these tests."""

import pytest

from figures.quantities import extract


def _read(text: str) -> list[tuple[str, str, str | None]]:
    found = extract(text, warehouse_forms=True)
    assert all(q.text == text[q.start : q.end] for q in found)
    return [(q.text, q.qualifier, q.unit) for q in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a restatement is as much a bound as what it restates; its own "about" stays
        (
            "The park's output topped 30 billion yuan ($4.3 billion) last year.",
            [("30 billion yuan", "over", "CNY"), ("$4.3 billion", "over", "USD")],
        ),
        (
            "Some 12 billion yuan ($1.7 billion) went to research.",
            [("12 billion yuan", "about", "CNY"), ("$1.7 billion", "about", "USD")],
        ),
        (
            "Sales exceeded 8 billion yuan (about $1.1 billion).",
            [("8 billion yuan", "over", "CNY"), ("$1.1 billion", "about", "USD")],
        ),
        # verbs of passing and nearing
        ("Registered firms in the county surpassed 45,000 in May.", [("45,000", "over", "count")]),
        ("The city's makerspaces neared 300 by the end of the year.", [("300", "about", "count")]),
        ("The share is likely to approach 40% next year.", [("40%", "about", "percent")]),
        ("The founder is worth something like $3 billion.", [("$3 billion", "about", "USD")]),
        # symbols before and after
        ("Many funds returned >25% and a few returned 80%+.", [("25%", "over", "percent"), ("80%", "over", "percent")]),
        ("Most deals were < RMB 5 million.", [("RMB 5 million", "under", "CNY")]),
        # caps and floors of a programme
        ("Each grant is capped at 2 million yuan.", [("2 million yuan", "under", "CNY")]),
        ("Teams must stay for a minimum of two years.", [("two years", "over", "year")]),
        # a minimum wage is a level of its own, no bound of the figure
        ("The province raised its minimum wage to 2,480 yuan.", [("2,480 yuan", "exact", "CNY")]),
        ("The minimum wage of 2,100 yuan took effect.", [("2,100 yuan", "exact", "CNY")]),
        ("It lends to firms with 50 or fewer staff.", [("50", "under", "count")]),
        # "as many as" stresses a size the text states: no bound
        ("As many as 1,200 teams signed up.", [("1,200", "exact", "count")]),
        ("The failure rate is as high as 70 percent.", [("70 percent", "exact", "percent")]),
    ],
)
def test_english_qualifier_forms(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "change"),
    [
        ("Deal value sank 31 percent to $2 billion.", "decrease"),
        ("Exits dived by 18 percent in the quarter.", "decrease"),
        ("with new funds plunging 22 percent from a year earlier", "decrease"),
    ],
)
def test_english_falls_are_decreases(text, change):
    assert extract(text)[0].change == change


def test_a_verb_with_its_object_makes_from_to_two_values():
    text = "The province raised the subsidy rate for small firms from 20% to 35% this year."
    assert [(q.text, q.value) for q in extract(text)] == [("20%", 20.0), ("35%", 35.0)]
    ranged = "Monthly rents for desks ranged from 800 to 1,500 yuan."
    assert [(q.low, q.high) for q in extract(ranged)] == [(800.0, 1500.0)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a qualifier before the whole that a share or multiple is of
        ("返乡创业人数约占外出务工人员总数的3%。", [("3%", "about", "percent")]),
        ("全市新增企业超过了全省的一半。", [("一半", "over", "percent")]),
        ("该园区面积还不到老城区的一半。", [("一半", "under", "percent")]),
        ("其增速超過全國平均水平的2倍。", [("2倍", "over", "times")]),
        ("財政出資比例不超過基金總規模的20%。", [("20%", "under", "percent")]),
        ("幾乎佔全年新增總額的70%。", [("70%", "about", "percent")]),
        # a comparison with a stated level is no bound of it
        ("失业率为3.2%,低于年初确定的5%的目标。", [("3.2%", "exact", "percent"), ("5%", "exact", "percent")]),
        # caps written away from the number
        ("对新认定的众创空间最高补助可达80万元。", [("80万元", "under", "CNY")]),
        ("优秀团队最高可获得30万元奖励。", [("30万元", "under", "CNY")]),
        ("银行最高提供90%担保。", [("90%", "under", "percent")]),
        ("单个项目以500万元为上限。", [("500万元", "under", "CNY")]),
        ("累计出资可达3亿元。", [("3亿元", "under", "CNY")]),
        # a negated bound is at most
        ("城镇调查失业率不高于5.5%。", [("5.5%", "under", "percent")]),
        ("每期入驻团队不多于20个。", [("20个", "under", "count")]),
        ("补贴总额未超過300万元。", [("300万元", "under", "CNY")]),
        ("预计选出至多300组。", [("300组", "under", "count")]),
        ("最少3000家。", [("3000家", "over", "count")]),
        # 多 after a share or a multiple is "more than", not the 多 of 多为 (mostly)
        ("同比增长7成多。", [("7成", "over", "percent")]),
        ("增长了两倍多。", [("两倍", "over", "times")]),
        ("占比70%多为小微企业。", [("70%", "exact", "percent")]),
        # a qualifier before 了
        ("全市常住人口已经超过了900万。", [("900万", "over", "count")]),
        # a qualifier before a pinyin gloss
        ("占比超過(guò)7成。", [("7成", "over", "percent")]),
        # doublings
        ("孵化器数量比2015年翻番。", [("翻番", "exact", "times")]),
        ("科技型企业数量翻了两番多。", [("两番", "over", "times")]),
        ("园区产值五年翻了一番。", [("一番", "exact", "times")]),
    ],
)
def test_chinese_qualifier_forms(text, expected):
    assert _read(text) == expected


def test_doublings_are_increases_by_their_multiple():
    (twice,) = extract("企业数量较十年前翻番。")
    assert (twice.value, twice.change) == (2.0, "increase")
    (four,) = extract("专利数量翻了两番。")
    assert four.value == 4.0


def test_chinese_falls_read_through_their_links():
    assert [q.change for q in extract("基金数量同比下降幅度达到31.5%。")] == ["decrease"]
    assert [q.change for q in extract("规模和数量降幅均为4.2%。")] == ["decrease"]


def test_a_declared_currency_holds_for_the_bare_yuan_after_it():
    text = "政府向基金注资50亿元(港币,下同),其中20亿元用于初创企业,另有人民币10亿元配套。"
    assert [(q.text, q.unit) for q in extract(text)] == [
        ("50亿元", "HKD"), ("20亿元", "HKD"), ("人民币10亿元", "CNY")]
    assert [q.unit for q in extract("该基金规模为30亿元,支持初创企业。")] == ["CNY"]
    # a declared renminbi says so, so that no publisher's local dollar replaces it downstream
    found = extract("寧夏累計發放貸款36億元(人民幣,下同),貸款額度最高可貸10萬元。")
    assert [(q.text, q.unit, q.unit_name) for q in found] == [("36億元", "CNY", "CNY"), ("10萬元", "CNY", "CNY")]
    assert [q.unit_name for q in extract("该基金规模为30亿元,支持初创企业。")] == [None]


def test_meijin_before_the_number_is_us_dollars():
    (quantity,) = extract("管理资产达美金5亿元以上的机构")
    assert (quantity.text, quantity.unit, quantity.qualifier) == ("美金5亿元", "USD", "over")


def test_a_bound_noun_before_of_or_at_bounds_the_figure():
    found = extract("The fund set its maximum stake in any single firm at NT$8 million.")
    assert [(q.text, q.qualifier) for q in found] == [("NT$8 million", "under")]
    found = extract("Loans run for a maximum term of 10 years.")
    assert [(q.text, q.qualifier) for q in found] == [("10 years", "under")]


def test_money_carries_to_a_bare_amount_within_its_paragraph_only():
    text = "全市引导基金规模达80亿元。\n\n全市常住人口超1200万,其中创业者近50万。"
    assert [(q.text, q.unit) for q in extract(text)] == [
        ("80亿元", "CNY"), ("1200万", "count"), ("50万", "count")]
    carried = "引导基金出资80亿元,其中创新创业20亿、新兴产业30亿。"
    assert [q.unit for q in extract(carried)] == ["CNY", "CNY", "CNY"]


def test_four_digits_written_out_below_wan_join_it():
    (amount,) = extract("每位投资人平均出资新台幣7萬4519元。")
    assert (amount.text, amount.value, amount.unit) == ("新台幣7萬4519元", 74519.0, "TWD")
    (count,) = extract("全县共有个体户3万0512户")
    assert count.value == 30512.0


def test_an_increase_of_one_times_is_a_doubling():
    assert [q.value for q in extract("入驻企业数量增加了一倍。")] == [2.0]
    assert [(q.value, q.qualifier) for q in extract("三年增长了近一倍。")] == [(2.0, "about")]
    assert [q.value for q in extract("增长1.5倍")] == [1.5]


def test_space_grouped_thousands_keep_their_decimals():
    (quantity,) = extract("SME loans stood at CNY 12 345.6 billion at the end of the year.")
    assert (quantity.text, quantity.value) == ("CNY 12 345.6 billion", 12_345.6e9)


def test_a_negated_bound_turns_over():
    # "does not rise above", "will not exceed", "won't exceed": at most; "did not fall below": at least
    for text, qualifier in [
        ("The unemployment rate does not rise above 4.5 percent in 2015.", "under"),
        ("Shareholders may not exceed 200.", "under"),
        ("The business won't exceed 5%.", "under"),
        ("The ratio did not fall below 4.5 percent.", "over"),
        ("The rate rose above 4.5 percent.", "over"),
        ("No more than 4.5 percent.", "under"),
    ]:
        assert [q.qualifier for q in extract(text)] == [qualifier], text

