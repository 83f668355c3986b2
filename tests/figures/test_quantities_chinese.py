"""Chinese quantities: figures.quantities.extract on Chinese text (figures/quantities/chinese.py).

Each case is a phrase from real Chinese campaign reporting (or a variant of one) and what the
extractor must read from it; offsets always index the text as written, traditional script and
full-width forms included."""

from __future__ import annotations

import pytest

from figures.quantities import extract
from figures.quantities.chinese import extract_chinese, reads_as_chinese

# text -> [(figure as written, value or (low, high), unit, qualifier)]
CASES = {
    "全国众创空间有4298家，科技企业孵化器超过3000家。": [
        ("4298家", 4298, "count", "exact"), ("3000家", 3000, "count", "over")],
    "从1987年全国只有两家科技企业孵化器，到2016年底达到了三千二百五十五家。": [
        ("两家", 2, "count", "exact"), ("三千二百五十五家", 3255, "count", "exact")],
    "國家高新區實現營業收入12.35萬億元，同比增長8.13%；淨利潤7265億元。": [
        ("12.35萬億元", 12.35e12, "CNY", "exact"), ("8.13%", 8.13, "percent", "exact"),
        ("7265億元", 7265e8, "CNY", "exact")],
    "1-5月國家高新區實現營業收入12萬多億": [("12萬多億", 12e12, "CNY", "over")],
    "中國有1.7億受過高等教育的人才和8億勞動力": [("1.7億", 1.7e8, "count", "exact"), ("8億", 8e8, "count", "exact")],
    "融资金额超3.5万亿，服务人员2.2万余人，在孵企业从业人数20余万人。": [
        ("3.5万亿", 3.5e12, "CNY", "over"), ("2.2万余人", 22000, "count", "over"),
        ("20余万人", 200000, "count", "over")],
    "个体工商户新增1000多万户至9000多万户，带动两亿多人就业。": [
        ("1000多万户", 1e7, "count", "over"), ("9000多万户", 9e7, "count", "over"),
        ("两亿多人", 2e8, "count", "over")],
    "每个项目投资3000-5000万元，带动30至50万人，规模从1億元到2億元不等。": [
        ("3000-5000万元", (3e7, 5e7), "CNY", "exact"), ("30至50万人", (3e5, 5e5), "count", "exact"),
        ("1億元到2億元", (1e8, 2e8), "CNY", "exact")],
    # straight after 从, the level before and after a change: two figures
    "企业数量从55家到9474家的飞跃,补助从5万元到10万元之间。": [
        ("55家", 55, "count", "exact"), ("9474家", 9474, "count", "exact"),
        ("5万元到10万元", (5e4, 1e5), "CNY", "exact")],
    "占比百分之十五，近9成，八成以上，三分之一，1/6，超过一半，近半数。": [
        ("百分之十五", 15, "percent", "exact"), ("9成", 90, "percent", "about"),
        ("八成", 80, "percent", "over"), ("三分之一", 100 / 3, "percent", "exact"),
        ("1/6", 100 / 6, "percent", "exact"), ("一半", 50, "percent", "over"),
        ("近半", 50, "percent", "about")],
    "较1至8月增速提升了2.6个百分点，是2012年的2.7倍。": [
        ("2.6个百分点", 2.6, "percentage_point", "exact"), ("2.7倍", 2.7, "times", "exact")],
    "约合１２．５％，孵化面积488万平方米，农田3000亩。": [
        ("１２．５％", 12.5, "percent", "about"), ("488万平方米", 4.88e6, "m2", "exact"),
        ("3000亩", 3000, "mu", "exact")],
    "广东省生产总值高达89 705 亿元，孵化器高达781 家。": [
        ("89 705 亿元", 8.9705e12, "CNY", "exact"), ("781 家", 781, "count", "exact")],
    "人民币500亿元、￥300万；又有500万日元、53.96亿元（约合7.83亿美元）、20亿港币、3亿欧元": [
        ("人民币500亿元", 5e10, "CNY", "exact"), ("￥300万", 3e6, "CNY", "exact"),
        ("500万日元", 5e6, "JPY", "exact"), ("53.96亿元", 5.396e9, "CNY", "exact"),
        ("7.83亿美元", 7.83e8, "USD", "about"), ("20亿港币", 2e9, "HKD", "exact"),
        ("3亿欧元", 3e8, "EUR", "exact")],
    "不足百家；不到1万户；40%以下；50%左右；逾2000家；突破1万家；接近5000家。": [
        ("百家", 100, "count", "under"), ("1万户", 1e4, "count", "under"),
        ("40%", 40, "percent", "under"), ("50%", 50, "percent", "about"),
        ("2000家", 2000, "count", "over"), ("1万家", 1e4, "count", "over"),
        ("5000家", 5000, "count", "about")],
    # the digits below 万 written out in full ("1萬552家" is 10,552), their 多 or 余 kept
    "我國新創共1萬552家，共有2萬3000人，補助9萬8268元，另有3萬100多家。": [
        ("1萬552家", 10552, "count", "exact"), ("2萬3000人", 23000, "count", "exact"),
        ("9萬8268元", 98268, "CNY", "exact"), ("3萬100多家", 30100, "count", "over")],
    # Taiwan papers group the thousands below 萬 ("157萬8,188家" is 1,578,188); a comma between
    # the two parts keeps them apart
    "登記家數為157萬8,188家，申請者2萬6,116人；另157萬,8,188家。": [
        ("157萬8,188家", 1578188, "count", "exact"), ("2萬6,116人", 26116, "count", "exact"),
        ("157萬", 1.57e6, "count", "exact"), ("8,188家", 8188, "count", "exact")],
    # a bracket of sums whose low end leaves out its 万 ("5000~1亿": 50 to 100 million yuan)
    "注册资本5000~1亿的企业2036家，融资额5000 萬 -1 億。": [
        ("5000~1亿", (5e7, 1e8), "CNY", "exact"), ("2036家", 2036, "count", "exact"),
        ("5000 萬 -1 億", (5e7, 1e8), "CNY", "exact")],
    # a reprint's space after a percent's decimal point; a numbered list's "1. " stays apart
    "自主创业比例为11. 11%。\n1. 35%的受访者认为": [
        ("11. 11%", 11.11, "percent", "exact"), ("35%", 35, "percent", "exact")],
    # a growth of two digits is over 10 percent; 两位 before a noun still counts people
    "十大行业门类全部实现两位数增长，两位专家出席。": [
        ("两位数", 10, "percent", "over"), ("两位", 2, "count", "exact")],
    # floors and caps: 过 before a number (not in 经过), a negated "less than", a bound included
    # with (含), 约占 before a share, a cap's verb after 最高
    "年營業收入過億元，估值过2亿元，经过5年共3家；股权不得少于50%，小于2000萬元，"
    "注册资本1000万元（含）以上，约占36%，最高额度调整为15万元。": [
        ("億元", 1e8, "CNY", "over"), ("2亿元", 2e8, "CNY", "over"), ("3家", 3, "count", "exact"),
        ("50%", 50, "percent", "over"), ("2000萬元", 2e7, "CNY", "under"),
        ("1000万元", 1e7, "CNY", "over"), ("36%", 36, "percent", "about"),
        ("15万元", 1.5e5, "CNY", "under")],
    # grain in 斤 (half a kilogram), containers in 标箱 (TEU); 公斤 stays kilograms
    "粮食产量1.37万亿斤，吞吐量達到350萬標箱，重10公斤。": [
        ("1.37万亿斤", 1.37e12, "jin", "exact"), ("350萬標箱", 3.5e6, "TEU", "exact"),
        ("10公斤", 10, "kg", "exact")],
    # one digit after 万 (the colloquial "1万5") and a decimal before it stay apart
    "共1万5家，又有1.5萬552家。": [
        ("1万", 1e4, "count", "exact"), ("5家", 5, "count", "exact"),
        ("1.5萬", 1.5e4, "count", "exact"), ("552家", 552, "count", "exact")],
    "今年是第30届，2016年底，截至2017年6月底，1-8月，3个月，十三五期间，数千家，一家企业，"
    "两种业态，十三届全国人大四次会议，5G网络，NO.22-23，[1-2]，每千人。": [],
}


@pytest.mark.parametrize("text", list(CASES))
def test_chinese_figures_are_read_with_value_unit_and_qualifier(text):
    found = extract(text)
    assert all(q.text == text[q.start : q.end] for q in found)
    got = [
        (q.text, q.value if q.value is not None else (q.low, q.high), q.unit, q.qualifier)
        for q in found
    ]
    expected = CASES[text]
    assert len(got) == len(expected), got
    for (g_text, g_value, g_unit, g_qualifier), (e_text, e_value, e_unit, e_qualifier) in zip(got, expected):
        assert (g_text, g_unit, g_qualifier) == (e_text, e_unit, e_qualifier)
        assert g_value == pytest.approx(e_value, rel=1e-9)


def test_counted_nouns_rates_changes_and_status():
    text = (
        "截至2016年底，全国纳入统计的众创空间有4298家。4298家众创空间进行了调查。"
        "前三季度，全国日均新设企业2.2万户，同比增长7.7%；较去年底下降0.6%。"
        "预计到2020年将达到1万家。力争培育100家独角兽企业。"
    )
    by_text = {(q.text, q.start): q for q in extract(text)}
    first, second, daily, growth, fall, expected, target = by_text.values()
    assert (first.counted, second.counted) == ("众创空间", "众创空间")
    assert (daily.per, daily.counted, daily.change) == ("day", "全国日均新设企业", None)
    assert (growth.change, growth.change_basis_text) == ("increase", "同比")
    assert (fall.change, fall.change_basis_text) == ("decrease", "较去年底")
    assert (expected.status_hint, target.status_hint) == ("expected", "target")
    assert target.counted == "独角兽企业"
    # 就业 stops a counted noun ("带动就业"), but 就业机会 is one noun: job opportunities
    assert [q.counted for q in extract("新創可創造2萬個就業機會。")] == ["就業機會"]
    # the verb and adverb after the subject are no part of it ("新增就业就完成1191万人")
    assert [q.counted for q in extract("全省城镇新增就业就完成85万人。")] == ["全省城镇新增就业"]
    assert [q.counted for q in extract("全市取得标志性成就12项。")] == ["全市取得标志性成就"]
    # a term in quotes is read through as part of the noun, as written, after or before the number
    assert [q.counted for q in extract("北京拥有40家“独角兽”企业。")] == ["“独角兽”企业"]
    assert [q.counted for q in extract("共认定3家「科技小巨人」培育企业,“小巨人”企业15家。")] == ["「科技小巨人」培育企业", "“小巨人”企业"]


def test_a_restated_currency_points_back_to_the_figure_it_restates():
    found = extract("投资53.96亿元（约合7.83亿美元）。")
    assert [q.equivalent_of for q in found] == [None, 0]


def test_language_decides_the_rules_and_english_with_a_few_chinese_names_stays_english():
    english = "Zhongguancun (中关村) had 1,600 incubators and 5万 start-ups in 2017."
    assert not reads_as_chinese(english)
    assert extract(english) == extract(english, language="en")
    assert extract(english, language="zh") == extract_chinese(english)
    chinese = "全国众创空间有4298家。"
    assert reads_as_chinese(chinese)
    assert extract(chinese) == extract(chinese, language="zh-Hant") == extract_chinese(chinese)


def test_pinyin_glossed_reprints_and_odd_input_do_not_break_offsets():
    text = "今年財(cái)政要出資(zī)800億作為發展引導基金。其中,創新創業200億、新興產業200億。"
    found = extract(text)
    assert [(q.text, q.unit) for q in found] == [("800億", "CNY"), ("200億", "CNY"), ("200億", "CNY")]
    for odd in ("", "万", "亿万", "十三五", "一亿三千万多万", "百分之", "分之一", "1/0", "0/0", "至到-"):
        assert all(q.text == odd[q.start : q.end] for q in extract_chinese(odd))


def test_a_spoken_scale_after_duo_repeats_the_numerals_own():
    # Caixin, 2021-03-11 (the Premier's press conference): 130 million and more market entities.
    (quantity,) = extract("现在市场主体总数已经达到一亿三千万多万户")
    assert (quantity.value, quantity.qualifier) == (130_000_000, "over")


def test_local_currencies_written_before_the_number():
    # the figure's span starts at its currency, as it does for 人民币 and US$
    found = [(q.text, q.unit, q.value) for q in extract("另有港币 500万元，港幣3億元。")]
    assert found == [("港币 500万元", "HKD", 5e6), ("港幣3億元", "HKD", 3e8)]
    found = [(q.text, q.unit, q.value, q.qualifier) for q in extract("总金额约新台币5.41亿元，另有新台幣100億元、NT$3,000萬。")]
    assert found == [
        ("新台币5.41亿元", "TWD", 5.41e8, "about"),  # 约 before the currency qualifies the figure
        ("新台幣100億元", "TWD", 1e10, "exact"),
        ("NT$3,000萬", "TWD", 3e7, "exact"),
    ]


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("上限為四億元", "under"),  # a cap
        ("初創最多可獲 5,000 萬元投資", "under"),
        ("上限則為 5,000 萬元", "under"),
        ("中国上万家创孵机构", "over"),  # 上 before a bare scale: tens of thousands and more
        ("在5家及以上的城市", "over"),
        ("每年补贴100万元及以下", "under"),
        ("上海有3000家", "exact"),  # 上 of a name is no qualifier
    ],
)
def test_caps_and_open_bounds_qualify_the_figure(text, qualifier):
    (quantity,) = extract(text)
    assert quantity.qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare scale of scales is a number: 破/超/近 before it, 级 or money after it
        ("发放量率先破千亿", [("千亿", 1e11, "count", "over")]),
        ("要在台設置百億元基金", [("百億元", 1e10, "CNY", "exact")]),
        # 级 after a bare scale: of that order, about ("千亿级基金", "万亿元级产业集群")
        ("这一千亿级“航母”基金", [("一千亿", 1e11, "CNY", "about")]),
        ("形成万亿元级政府投资基金群", [("万亿元", 1e12, "CNY", "about")]),
        ("将撬动带动近万亿地方资金", [("万亿", 1e12, "CNY", "about")]),
        ("收入上亿企业", [("亿", 1e8, "CNY", "over")]),
        # output value and value added are money too, a population is not
        ("全市规上工业总产值达8520.6亿", [("8520.6亿", 8.5206e11, "CNY", "exact")]),
        ("常住人口1.4亿", [("1.4亿", 1.4e8, "count", "exact")]),
        # ... and a count of people after it is no money
        ("实现工业总产值1500亿，带动就业12万", [("1500亿", 1.5e11, "CNY", "exact"), ("12万", 1.2e5, "count", "exact")]),
        ("台灣新創家數已經破萬家", [("萬家", 1e4, "count", "over")]),
        ("估值超十亿美金", [("十亿美金", 1e9, "USD", "over")]),
        # alone it is a word: the campaign's slogan, an adverb, "myriads"
        ("大众创业、万众创新，千万不要，亿万人民", []),
        # 兆 is a trillion beside money, a prefix elsewhere
        ("更創造超過31兆元銷售額，装机100兆瓦", [("31兆元", 31e12, "CNY", "over")]),
        ("总估值4.3兆美元", [("4.3兆美元", 4.3e12, "USD", "exact")]),
        ("共收到2805組報名，中国占有五席，只有廿多家培育公司",
         [("2805組", 2805, "count", "exact"), ("五席", 5, "count", "exact"), ("廿多家", 20, "count", "over")]),
    ],
)
def test_bare_scales_trillions_and_more_measure_words(text, expected):
    found = extract(text)
    assert [(q.text, q.unit, q.qualifier) for q in found] == [(t, u, ql) for t, _, u, ql in expected]
    assert [q.value for q in found] == pytest.approx([v for _, v, _, _ in expected])


def test_a_qualifier_after_fenbie_holds_for_every_listed_figure():
    found = extract("依图营收分别约为 0.69 亿元、3.04 亿元、7.17 亿元,年均复合增长率高达 222%。")
    assert [(q.text, q.qualifier) for q in found] == [
        ("0.69 亿元", "about"), ("3.04 亿元", "about"), ("7.17 亿元", "about"), ("222%", "exact"),
    ]


def test_losses_and_points_listed_after_their_word_read_like_the_first():
    found = extract("旷视科技分别亏损人民币 3.428 亿元、7.588 亿元和 33.516 亿元。")
    assert [q.low for q in found] == pytest.approx([-3.428e8, -7.588e8, -3.3516e9])
    # after 分别 and 约为, a loss narrowed to a sum, and a sum named a loss after it
    found = extract("净亏损分别约为 11.66 亿元、11.61 亿元，本季度净亏损收窄至3.8亿元，去年同期18.1亿元亏损。")
    assert [q.low for q in found] == pytest.approx([-1.166e9, -1.161e9, -3.8e8, -1.81e9])
    # a list goes on only over its joiners: "营收" between makes the second sum no loss
    assert [q.low for q in extract("公司亏损3亿元、营收5亿元。")] == pytest.approx([-3e8, 5e8])
    found = extract("本科和研究生階段則分別降低了4個和7個百分點。")
    assert [(q.text, q.unit, q.change) for q in found] == [
        ("4個", "percentage_point", "decrease"), ("7個百分點", "percentage_point", "decrease")]


def test_a_bare_sum_in_yi_after_a_word_of_money_is_yuan():
    # 亏损, 经济总量, 年入, 创业金: words of money, so the bare 亿 or 万 after them is money
    found = extract("公司去年亏损72亿,经济总量突破1500亿,近300家店年入8亿,每组创业金600万。")
    assert [(q.text, q.unit, q.low) for q in found] == [
        ("72亿", "CNY", -7.2e9), ("1500亿", "CNY", 1.5e11), ("300家", "count", 300.0),
        ("8亿", "CNY", 8e8), ("600万", "CNY", 6e6),
    ]
    # a count after them stays a count
    assert [(q.text, q.unit) for q in extract("亏损企业120家。")] == [("120家", "count")]
    # the same in traditional script (虧損, 保費)
    found = extract("該公司去年虧損72億,保費收入3億。")
    assert [(q.text, q.unit, q.low) for q in found] == [("72億", "CNY", -7.2e9), ("3億", "CNY", 3e8)]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # a word of money a few characters after a bare 万 or 亿 makes it yuan
        ("为农村创业妇女发放了2663万小额贴息。", "CNY"),
        ("年初,500亿超级国资入场。", "CNY"),
        ("本周500万以下的融资事件12起。", "CNY"),
        # unless the word names people or firms: then the figure counts them
        ("吸引300万投资者。", "count"),
        ("全市50万纳税人。", "count"),
        ("引进500万投资企业。", "count"),
    ],
)
def test_a_bare_sum_before_a_word_of_money_is_yuan(text, unit):
    assert extract(text)[0].unit == unit


@pytest.mark.parametrize(
    ("text", "units"),
    [
        # money said before carries to a bare sum, not to a count of people
        ("出资800亿。其中创新创业200亿、新兴产业200亿。", ["CNY", "CNY", "CNY"]),
        ("发放了2663万小额贴息。吸引300万投资者。", ["CNY", "count"]),
        ("累计投资额500亿，带动12万从业人员。", ["CNY", "count"]),
        ("投入资金3亿。还有20万在读大学生参与。", ["CNY", "count"]),
        ("投资额500亿带动12万从业人员", ["CNY", "count"]),  # money said earlier in the clause
    ],
)
def test_money_carried_to_a_bare_sum_stops_at_people(text, units):
    assert [q.unit for q in extract(text)] == units


def test_a_cap_before_a_lending_verb_bounds_the_loan():
    found = extract("贷款额度由过去的3万元至5万元提至最高可贷10万元。")
    assert [(q.text, q.qualifier) for q in found][-1] == ("10万元", "under")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 倍增 doubles, 半壁江山 is about half; a set phrase or a plan's name is no figure
        ("入驻企业名额将倍增至200家", [("倍增", 2.0, "times", "exact"), ("200家", 200.0, "count", "exact")]),
        ("深圳独角兽企业占据全省半壁江山", [("半", 50.0, "percent", "about")]),
        ("充分发挥创业带动就业的倍增效应", []),
        ("全面实施“双倍增”行动", []),
    ],
)
def test_doubling_and_half_said_by_a_word(text, expected):
    assert [(q.text, q.value, q.unit, q.qualifier) for q in extract(text)] == expected


def test_index_levels_and_their_changes_after_a_named_index():
    # Beijing Business Today on the Zhongguancun index; the statistics bureau's new-drivers index
    text = (
        "以2008年基期为100,2014年中关村综合指数达到285.8,比上一年提高43.7。“中关村指数2015”日前发布。"
        "■ 国际化指数281.6 比上一年下降11.8,其中技术辐射指数328.3,产业辐射指数251.8,分别较上一年提高75.5和45.1。"
        "新動能指數(以2014年為100)分別為119.6、146.9和1 323.6,網(wǎng)絡(luò)經(jīng)濟(jì)指數(shù)為856.5。"
    )
    found = [(q.text, q.unit, q.unit_class, q.change) for q in extract(text)]
    assert found == [
        ("285.8", "index", "other", None), ("43.7", "index", "other", "increase"),
        ("281.6", "index", "other", None), ("11.8", "index", "other", "decrease"),
        ("328.3", "index", "other", None), ("251.8", "index", "other", None),
        ("75.5", "index", "other", "increase"), ("45.1", "index", "other", "increase"),
        ("119.6", "index", "other", None), ("146.9", "index", "other", None),
        ("1 323.6", "index", "other", None), ("856.5", "index", "other", None),
    ]
    # a bare number with no index named before it stays no figure (a code, a name)
    assert extract("比上一年提高43.7，编号2015，5G网络") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("以约1:2的比例共同投资", [("1:2", 2.0, 2.0, "about")]),
        ("新设退出比为100∶50", [("100∶50", 0.5, 0.5, "exact")]),
        ("按照1:1至1:2的比例进行社会募集", [("1:1至1:2", 1.0, 2.0, "exact")]),
        ("会议于10:30开始，共30家", [("30家", 30.0, 30.0, "exact")]),  # a time, not a ratio
        # a decimal term or the parties named in brackets make a ratio without 比
        ("创业带动就业为1:3.35。", [("1:3.35", 3.35, 3.35, "exact")]),
        ("以大约1(特区政府):2(共同投资伙伴)的配对比例", [("1(特区政府):2", 2.0, 2.0, "about")]),
        ("以1(政府):2(機構)的配對比例", [("1(政府):2", 2.0, 2.0, "exact")]),
        # the ratio's word a word or two after it
        ("去年開始以1:2的配對比例投資", [("1:2", 2.0, 2.0, "exact")]),
        ("会议于10:30开始的比例不高", []),
        # 比 of a match or its score (比赛, 比分) is no ratio
        ("决赛比分2:1，比赛以3:1结束", []),
    ],
)
def test_colon_ratios_where_the_clause_speaks_of_a_ratio(text, expected):
    found = [(q.text, q.low, q.high, q.qualifier) for q in extract(text)]
    assert found == expected
    assert all(q.unit == "ratio" for q in extract(text) if ":" in q.text or "∶" in q.text)


def test_a_term_in_years_is_a_figure_but_a_date_or_span_is_not():
    text = "引導(dǎo)基金設(shè)置20年存續(xù)期,其中10年投資期、10年退出期。存续期最长可达20年。成立时间不超过10年。2020年的10年间。"
    found = [(q.text, q.value, q.unit, q.unit_class, q.qualifier) for q in extract(text)]
    assert found == [
        ("20年", 20, "year", "duration", "exact"), ("10年", 10, "year", "duration", "exact"),
        ("10年", 10, "year", "duration", "exact"), ("20年", 20, "year", "duration", "under"),
        ("10年", 10, "year", "duration", "under"),
    ]


def test_the_top_places_of_a_ranking_are_no_count():
    found = [(q.text, q.value) for q in extract("科技领军企业累计数排名前五位的区是滨海新区(139家),前10名共有5名院士。")]
    assert found == [("139家", 139), ("5名", 5)]


def test_listed_numbers_share_the_last_ones_unit_and_change():
    # "企业占比和公司制企业占比分别达到27.6%和89.22%,分别较年初提高0.34和1.07个百分点"
    found = [(q.text, q.value, q.unit, q.change) for q in extract("分别较年初提高0.34和1.07个百分点;分别为3.2、4.5万户")]
    assert found == [
        ("0.34", 0.34, "percentage_point", "increase"), ("1.07个百分点", 1.07, "percentage_point", "increase"),
        ("3.2", 32000, "count", None), ("4.5万户", 45000, "count", None),
    ]
    # every listed percentage after one verb of change is a change
    assert [q.change for q in extract("同比分别增长3.2%、5.1%和4.5%")] == ["increase"] * 3
    # years and bare numbers listed stay no figures
    assert extract("2019和2020年，3和5") == []


def test_a_change_is_read_through_spaces_and_pinyin_glosses():
    # a PDF extraction's spaces (the science ministry's 2013 report) and a glossing reprint
    text = "成交金额 7469.1 亿元,比上年分别增长 4.5%和16.0%。網絡經濟指數為1 323.6,比上年增長(zhǎng)54.8%。"
    found = [(q.text, q.change) for q in extract(text) if q.unit == "percent"]
    assert found == [("4.5%", "increase"), ("16.0%", "increase"), ("54.8%", "increase")]


def test_a_reversed_range_once_scaled_is_no_range():
    # "11至1百": 1100 to 100 once the bare 11 takes the second's scale (found by the property test)
    assert [(q.text, q.low, q.high) for q in extract("中文11至1百")] == [("1百", 100.0, 100.0)]


def test_pct_in_securities_prose_is_percentage_points():
    text = "该公司净利率为12.4%，同比收窄 1.5pct；销售和管理费用率分别上升0.7pct、2.2pcts。提交PCT申请300件，代码3pctx不算。"
    found = [(q.text, text[q.start:q.end], q.value, q.unit, q.change) for q in extract(text)]
    assert found == [
        ("12.4%", "12.4%", 12.4, "percent", None),
        ("1.5pct", "1.5pct", 1.5, "percentage_point", "decrease"),
        ("0.7pct", "0.7pct", 0.7, "percentage_point", "increase"),
        ("2.2pcts", "2.2pcts", 2.2, "percentage_point", None),  # as after 个百分点
        ("300件", "300件", 300, "count", None),
    ]
    # the traditional-script list shares its reading with the simplified one
    assert [(q.value, q.unit) for q in extract("兩者降幅分別收窄4.0pct、3.1pct。")] == [
        (4.0, "percentage_point"), (3.1, "percentage_point")]


def test_a_bare_table_cell_takes_its_unit_from_the_column_header():
    text = (
        "表3 两省引导基金概况\n"
        "省份 | 子基金数量 | 认缴规模（亿元） | 占比(%) | 设立年份 |\n"
        "江苏 | 31 | 214.5 | 40.2 | 2015 |\n"
        "浙江 | 17 | 96 | 18.1 | 2016 |\n"
        "安徽 | 8 | 30.5 | 5.7 | 20\n"  # a copy that cuts the last row short
        "责任编辑: 李四 | 来源: 本报 | 2016 |\n"
    )
    found = [(text[q.start:q.end], q.value, q.unit) for q in extract(text)]
    assert found == [
        ("31", 31, "count"), ("214.5", 214.5e8, "CNY"), ("40.2", 40.2, "percent"),
        ("17", 17, "count"), ("96", 96e8, "CNY"), ("18.1", 18.1, "percent"),
        ("8", 8, "count"), ("30.5", 30.5e8, "CNY"), ("5.7", 5.7, "percent"),
    ]
    # rows set apart by blank lines, as cleaned text writes them
    spaced = "机构 | 出资次数 |\n\n甲基金 | 12 |\n\n乙基金 | 7 |\n"
    assert [(q.value, q.unit) for q in extract(spaced)] == [(12, "count"), (7, "count")]
    # a row with no header above it is no table: its bare numbers stay unread
    assert extract("编辑: 王五 | 阅读 | 35 |\n") == []


def test_a_ranking_table_written_with_spaces_reads_its_score_column():
    # one row per line under a header of words; a reprint's pinyin gloss inside the header
    text = "排序 城市 創(chuàng )新能力效用值\n1 廣東 59.49\n2 北京 53.22\n\n此外,新增企業3家。"
    found = [(text[q.start:q.end], q.value, q.unit) for q in extract(text)]
    assert found == [("59.49", 59.49, "index"), ("53.22", 53.22, "index"), ("3家", 3, "count")]
    # the rows run into one line by a cleaner, the header's last name joined to the first rank
    text = "其後。\n\n排序 城市 創新能力效用值1 廣東 59.49 2 北京 53.22 3 江蘇 49.58\n\n下文"
    assert [(text[q.start:q.end], q.unit) for q in extract(text)] == [("59.49", "index"), ("53.22", "index"), ("49.58", "index")]
    # a header naming no unit, or cells of numbers only, make no figures
    assert extract("排序 城市 备注\n1 廣東 59.49\n2 北京 53.22\n") == []
    assert extract("城市 排名 得分\n59.49 53.22 12.1\n") == []


def test_a_table_header_over_two_rows_names_its_last_columns_with_the_second_row():
    text = (
        "各市吸纳技术合同情况 | |||||\n"
        "序号 | 区域 | 合同数 | 成交额(亿元) | 成交额 | 成交额 |\n"
        "同比增长率 | 排名 | ||||\n"
        "1 | 甲市 | 138 | 9.2 | 45.021 | 11 |\n"
        "2 | 乙市 | 311 | 48 | -0.081 | 2 |\n"
    )
    found = [(text[q.start:q.end], q.value, q.unit) for q in extract(text)]
    # 成交额 + 同比增长率 is a growth rate, 成交额 + 排名 a rank (no figure); the sign of "-0.081"
    # stays out of the span, as in prose
    assert found == [
        ("138", 138, "count"), ("9.2", pytest.approx(9.2e8), "CNY"), ("45.021", 45.021, "percent"),
        ("311", 311, "count"), ("48", 48e8, "CNY"), ("0.081", -0.081, "percent"),
    ]
    # a header's 数 that is a measure's, not a count's, names no unit
    assert extract("城市 | 创新指数 |\n甲市 | 85.2 |\n") == []


def test_a_unit_label_is_no_amount_but_a_bare_scale_in_prose_still_is():
    assert extract("各区研发投入（单位：万元）如下") == []
    assert extract("融资规模(亿元)与上年持平") == []
    assert [(q.value, q.unit) for q in extract("新签约亿元以上项目40个")] == [(1e8, "CNY"), (40, "count")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a period a policy or survey measures, a bound on an age or a limit, a spent time
        ("这项补贴的有效期2年。", [("2年", 2, "year", "exact")]),
        ("企业平均孵化期為14.5個月。", [("14.5個月", 14.5, "month", "exact")]),
        ("样本企业的评估期为9个月。", [("9个月", 9, "month", "exact")]),
        ("招收毕业3年内的大学生。", [("3年", 3, "year", "under")]),
        ("多数工程师从业8年以上。", [("8年", 8, "year", "over")]),
        ("申请在15天以内办结。", [("15天", 15, "day", "under")]),
        ("他们需要花超过三年的时间筹备。", [("三年", 3, "year", "over")]),
        # a bound on a length of time, how long something lasts, hours, a range of lengths
        ("贷款期间最长5年，且利息全免。", [("5年", 5, "year", "under")]),
        ("設籍未滿1年的事業另可申請。", [("1年", 1, "year", "under")]),
        ("为期两年的试点今年启动。", [("两年", 2, "year", "exact")]),
        ("活动周将持续7天。", [("7天", 7, "day", "exact")]),
        ("工程历时三年建成。", [("三年", 3, "year", "exact")]),
        ("审批只用两个月时间。", [("两个月", 2, "month", "exact")]),
        ("所营事业完成登记未超过5年。", [("5年", 5, "year", "under")]),
        ("累积了超过20年的厨艺经验。", [("20年", 20, "year", "over")]),
        ("贷款年限7年,由政府补贴利息。", [("7年", 7, "year", "exact")]),
        ("学员须完成创业辅导课程20小时。", [("20小时", 20, "hour", "exact")]),
        ("审核一般需要3个小时。", [("3个小时", 3, "hour", "exact")]),
        ("新设企业存活4至5年的比率超过七成。", [("4至5年", None, "year", "exact")]),
        # a firm's lifespan, its mode and its change; a survival of so many years
        ("退出市场的企业平均壽命為6.09年。", [("6.09年", 6.09, "year", "exact")]),
        ("中部地区企业寿命众数为3年。", [("3年", 3, "year", "exact")]),
        ("退出企业平均寿命延长0.64年。", [("0.64年", 0.64, "year", "exact")]),
        ("只有少数企业能存活50年。", [("50年", 50, "year", "exact")]),
        ("募资通常以 18 至 24 個月為一週期。", [("18 至 24 個月", None, "month", "exact")]),
        # time expressions and dates stay out
        ("园区力争三年内成为全省标杆。", []),
        ("园区提供24小时服务。", []),
        ("近3-5年来新增企业明显增多。", []),
        ("力争2至3年内建成示范基地。", []),
        ("支持毕业2至3年内的大学生创业。", [("2至3年", None, "year", "exact")]),
        ("公司17-19年营收复合增速为30%。", []),
        ("2016至2020年全省新增企业。", []),
        ("计划用5年时间建成。", []),
        ("2019年以来新增企业。", []),
        ("全省企业数量超过2016年的水平。", []),
    ],
)
def test_durations_framed_as_a_period_a_bound_or_a_spent_time(text, expected):
    found = [(q.text, q.value, q.unit, q.qualifier) for q in extract(text) if q.unit_class == "duration"]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # kinds counted by a Chinese numeral when a list before it or a total word names them
        ("包括众创空间模式、孵化器模式、加速器模式三类孵化模式。", [("三类", 3, "孵化模式")]),
        ("白皮书共包含五大章节。", [("五", 5, "章节")]),
        ("全省众创空间分为三类。", [("三类", 3, "全省众创空间")]),
        # without them a numeral before 种, 类 or 大 describes or names
        ("园区形成两种业态。", []),
        ("四类技术合同中,技术服务合同最多。", []),
        ("他读完了四大名著。", []),
    ],
)
def test_kinds_are_counted_when_a_list_or_a_total_names_them(text, expected):
    assert [(q.text, q.value, q.counted) for q in extract(text)] == expected


def test_tenths_with_a_digit_after_them_and_counts_stated_as_zero():
    found = [(q.text, q.value, q.unit) for q in extract("調查指出近2成4上班族想創業,五成七的企業看好;該省獨角兽数量仍为零。")]
    assert found == [("2成4", 24, "percent"), ("五成七", 57, "percent"), ("零", 0, "count")]
    # a digit that counts what follows is no hundredths; 零 starting a word is no count
    found = [(q.text, q.value) for q in extract("其中1成3家为外资;门店数量为零售总量的一半")]
    assert ("1成", 10) in found and all(q != "零" for q, _ in found)


def test_tenths_after_a_word_ending_in_shu_and_funds_counted_by_dang():
    found = [(q.text, q.value, q.unit) for q in extract("两国企业占全球总数七成。該公司旗下基金共有3檔。")]
    assert found == [("七成", 70, "percent"), ("3檔", 3, "count")]
    # 数 before a scale is vague; a Chinese numeral before 档 names tiers
    assert extract("吸引了数百家企业,补贴分为三档。") == []


def test_every_chinese_unit_word_has_a_written_alias_in_the_warehouse_seed():
    # the warehouse reads a figure's unit class from its written unit; a word missing there
    # leaves fct_figure.unit_class null
    import csv
    from pathlib import Path

    from figures.quantities import chinese_lexicon as L
    from figures.quantities.chinese import _TERM_UNITS

    seed = Path(__file__).resolve().parents[2] / "dbt_project" / "seeds" / "unit_aliases.csv"
    aliases = {row["alias"] for row in csv.DictReader(seed.open(encoding="utf-8"))}
    words = [*L.MEASURE_WORDS, *_TERM_UNITS, "個月", "檔"]
    assert [word for word in words if word not in aliases] == []


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        # a ranking or a valuation after the count ends its noun
        ("美国以233家位于榜单首位", "美国以"),  # the subject before it, not "位于榜单首位"
        ("上榜的56家独角兽企业价值规模达12.9万亿元", "独角兽企业"),
        ("中国以316家独角兽企业排名全球第二", "独角兽企业"),
        # nor is a change after it a noun
        ("中国独角兽企业数量从2016年的131家增长到2023年的375家", None),
        # "多达" and "拥有" link the subject to its count
        ("2020年,全球独角兽企业多达586家", "全球独角兽企业"),
        ("中国紧随其后,拥有316家", None),
        # a rate's words between the subject and its count are no part of the noun
        ("全国新登记市场主体平均每天登记4221户", "全国新登记市场主体"),
        ("全市新设企业平均每天新设1.84万户", "全市新设企业"),
        # 中 opening a noun (中小企业, 中关村) is no "in" that ends the noun
        ("此次公示入库的633家科技型中小企业", "科技型中小企业"),
        ("培育120家中小企业", "中小企业"),
        ("3家中关村企业", "中关村企业"),
    ],
)
def test_a_chinese_count_noun_stops_at_ranking_words_and_links(text, counted):
    first = extract(text)
    figure = next(q for q in first if q.unit_class == "count")
    assert figure.counted == counted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 个 opening 个体户 is the noun counted, not a measure word (traditional script too)
        ("改革开放之初全国仅有14万个体户。", [("14万", 140000, "个体户")]),
        ("1978年全國僅有14萬個體戶。", [("14萬", 140000, "個體戶")]),
        ("当年新发展3000个个体户。", [("3000个", 3000, "个体户")]),
        # 家次 is a measure word of visits, but 次于 after 家 is "second to"
        ("全年走访服务企业1200家次。", [("1200家次", 1200, "全年走访服务企业")]),
        ("2023年全球独角兽榜,中国316家次于美国。", [("316家", 316, "中国")]),
        ("中國以316家次於美國的666家。", [("316家", 316, "中國以"), ("666家", 666, None)]),  # (its subject with 以, as "美国以" above)
    ],
)
def test_a_measure_character_opening_a_longer_word_is_no_measure_word(text, expected):
    assert [(q.text, q.value, q.counted) for q in extract(text)] == expected


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # a sum in 亿 with no 元, money named right after it: yuan
        ("深圳市政府确立的30亿规模创投政府引导基金正式运作", "CNY"),
        ("设立30亿规模的基金", "CNY"),
        # people in 亿 keep their measure word
        ("全国人口14亿人", "count"),
    ],
)
def test_a_sum_in_yi_named_as_money_right_after_is_yuan(text, unit):
    (figure,) = extract(text)
    assert figure.unit == unit


def test_a_loss_restated_in_dollars_and_a_fall_named_by_its_rate():
    found = extract("第四季度净亏损为人民币1.56亿元(2,450万美元),营收1亿元(1500万美元)。")
    assert [q.value for q in found] == pytest.approx([-1.56e8, -2.45e7, 1e8, 1.5e7])
    # 减幅 / 降幅 (the rate of a fall) make the figure after them a decrease
    assert [q.change for q in extract("注销企业减幅35.9%")] == ["decrease"]
    assert [q.change for q in extract("数量降幅均在40%以上")] == ["decrease"]


def test_pingmi_is_square_metres_and_zhichi_is_no_measure_word():
    assert [(q.text, q.unit, q.value) for q in extract("已有882万平米投入运营。")] == [("882万平米", "m2", 8.82e6)]
    # 支持 (support) is no count of 支 (funds, teams); 3支 before a noun is
    assert [q.text for q in extract("两亿支持双创。")] == []
    assert [(q.text, q.unit) for q in extract("组建了3支创业团队。")] == [("3支", "count")]


def test_a_bare_thousand_ending_its_clause_after_a_qualifier_is_a_figure():
    assert [(q.text, q.value, q.qualifier) for q in extract("全国的淘宝村首度破千。")] == [("千", 1000.0, "over")]
    assert extract("千方百计推动创业。") == []


def test_pinyin_after_a_scale_character_keeps_the_unit_after_it():
    found = extract("東西湖區(qū)財(cái)政還將設(shè)立1000萬(wàn)元臺(tái)灣青年創(chuàng)業(yè)引導(dǎo)基金")
    assert [(q.text, q.unit, q.value) for q in found] == [("1000萬(wàn)元", "CNY", 1e7)]


def test_a_table_total_row_spanning_the_name_columns_reads_under_the_last_columns():
    text = (
        "序号 | 区域 | 合同数 | 成交额(亿元) | 增长率(%) |\n"
        "1 | 铜陵市 | 138 | 9.2 | 45.0 |\n"
        "2 | 黄山市 | 159 | 5.8 | 6.9 |\n"
        "合计 | 297 | 15.0 | 25.1 |\n"
    )
    found = [(text[q.start:q.end], q.value, q.unit) for q in extract(text)]
    assert found[-3:] == [("297", 297, "count"), ("15.0", 15e8, "CNY"), ("25.1", 25.1, "percent")]
    # a narrower row that is no total stays unread
    assert [q.value for q in extract(text.replace("合计", "备注"))][-1] == 6.9
    # rows set apart by blank lines, as ingested text writes them
    spaced = text.replace("|\n", "|\n\n")
    assert [(spaced[q.start:q.end], q.unit) for q in extract(spaced)][-3:] == [("297", "count"), ("15.0", "CNY"), ("25.1", "percent")]


@pytest.mark.parametrize(
    "text",
    [
        # each cell's line closed by a pipe, a lone pipe the empty corner
        "表2-1 单位数 | ||\n|\n單位數(個) |\n比重(%) |\n一、法人單位 |\n6826 |\n100.0 |\n企業法人 |\n5116 |\n75.0 |\n",
        # the same as ingested text writes it, some cells joined on one line, blank lines between
        "表2-1 单位数 | || |\n\n單位數(個) | 比重(%) | 一、法人單位 | 6826 |\n\n100.0 | 企業法人 |\n\n5116 |\n\n75.0 |\n",
        # cells on lines of their own between lines of a lone pipe
        "表1\n行业\n|\n经费(万元)\n|\n强度(%)\n|\n合计\n|\n6826\n|\n100.0\n|\n采矿业\n|\n5116\n|\n75.0\n下文",
    ],
)
def test_a_table_written_one_cell_a_line_takes_its_units_from_the_header(text):
    found = [(text[q.start:q.end], q.unit) for q in extract(text) if q.unit != "count" or "|" in text[q.end:q.end + 3]]
    money = "CNY" if "万元" in text else "count"
    assert found == [("6826", money), ("100.0", "percent"), ("5116", money), ("75.0", "percent")]
    assert [q.value for q in extract(text) if text[q.start:q.end] == "6826"] == [6826e4 if money == "CNY" else 6826]


def test_one_cell_a_line_needs_rows_of_numbers_and_words_under_a_header_of_words():
    # numbers alone on their lines with pipes, no header naming a unit: no figures
    assert extract("备注 |\n名称 |\n甲 |\n12 |\n乙 |\n15 |\n丙 |\n18 |\n") == []
    # numbers only under the header: no rows of names, no table
    assert extract("企业数(个) |\n比重(%) |\n12 |\n15 |\n18 |\n21 |\n") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("华强资本已三轮领投星河动力", [("三轮", 3, "count", "exact")]),
        ("披露了B1、B2、B3轮融资", []),  # a series' name
        ("有超過2,805隊報名", [("2,805隊", 2805, "count", "over")]),
        ("组建了20个队伍", [("20个", 20, "count", "exact")]),
        ("六颗低轨宽带通信卫星成功发射", [("六颗", 6, "count", "exact")]),
        ("已连续举办了三届中国盐城大学生创业大赛", [("三届", 3, "count", "exact")]),
        ("2014届毕业生", []),  # a graduating class: a year
        ("在这1600米长的步行街上", [("1600米", 1600, "m", "exact")]),
        ("为 10 多个国家和地区的 800 余家企业", [("10 多个", 10, "count", "over"), ("800 余家", 800, "count", "over")]),
        ("沈阳100亿天使母基金出炉", [("100亿", 1e10, "CNY", "exact")]),
        ("重庆300亿母基金来了", [("300亿", 3e10, "CNY", "exact")]),
        ("1.2亿人口", [("1.2亿人", 1.2e8, "count", "exact")]),
    ],
)
def test_counts_of_rounds_teams_editions_metres_and_funds_sized_in_yi(text, expected):
    assert [(text[q.start:q.end], q.value, q.unit, q.qualifier) for q in extract(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("並在7天內完成審核", [("7天", 7, "day", "under")]),
        ("力争在7个工作日内完成办结", [("7个工作日", 7, "day", "under")]),
        ("开办时限从4.5个工作日压缩至3个工作日。", [("4.5个工作日", 4.5, "day", "exact"), ("3个工作日", 3, "day", "exact")]),
        ("政府將補助前5年利息", [("5年", 5, "year", "exact")]),
        ("三年内成为全国领先", []),  # a time expression
        ("前5年平均增长10%", [("10%", 10, "percent", "exact")]),
    ],
)
def test_working_days_deadlines_and_years_of_paid_interest_are_terms(text, expected):
    assert [(text[q.start:q.end], q.value, q.unit, q.qualifier) for q in extract(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("这个省每7个人就有一个老板", [("7个", 7)]),
        ("全縣平均每10人就擁有1個市場主體", [("10人", 10), ("1個", 1)]),
        ("每家企业补助10万元", [("10万元", 1e5)]),  # 每 before a measure word is "each"
    ],
)
def test_one_in_n_people_counts_the_n_after_mei(text, expected):
    assert [(text[q.start:q.end], q.value) for q in extract(text)] == expected
