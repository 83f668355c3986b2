"""figures.chinese_meaning: measure type and concept of figures in Chinese text, through the same
`read_meanings` entry point as English. Sentences from the Chinese meaning corpus's dev documents."""

import pytest

from figures.meaning import read_meanings
from figures.quantities import extract
from figures.sentences import split_sentences


def meanings(text: str, points: list[bool] | None = None) -> list[tuple[str, str, str | None]]:
    quantities = extract(text)
    sentences = [(s.start, s.end) for s in split_sentences(text)]
    read = read_meanings(text, quantities, sentences, points)
    return [(q.text, m.measure_type, m.concept) for q, m in zip(quantities, read)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Something new in the period is a flow; its growth a change; a per-day figure a rate.
        ("今年前三季度，全国共新设市场主体1845.0万户，同比增长3.3%。",
         [("1845.0万户", "flow", "全国共新设市场主体"), ("3.3%", "change", None)]),
        ("全国日均新设企业2.2万户，日均净增1.2万户。",
         [("2.2万户", "rate", "全国日均新设企业"), ("1.2万户", "change", "日均净增")]),
        # Levels: the register, a total reached, a point in time.
        ("截至9月底，全国登记在册市场主体共计1.34亿户，较去年底增长9.0%。",
         [("1.34亿户", "stock", "全国登记在册市场主体"), ("9.0%", "change", "较去年底")]),
        ("全国科技企业孵化器总数已达4069家。", [("4069家", "stock", "全国科技企业孵化器")]),
        # Money: a fund's size is a level, a sum invested in the period a flow.
        ("创业投资管理资本总量达8277.1亿元。", [("8277.1亿元", "stock", "创业投资管理资本")]),
        ("北京共有114家企业获得创业投资，投资金额7.46亿美元。",
         [("114家", "flow", "企业"), ("7.46亿美元", "flow", "投资金额")]),
        # Percentages: a part of a whole is a share, growth a change; a multiple is a change.
        ("第三产业占比近9成，新设个体工商户年均增速11.8%，是2012年的2.7倍。",
         [("9成", "share", "第三产业占比"), ("11.8%", "change", "新设个体工商户年均"), ("2.7倍", "change", "是2012年的")]),
        # Traditional script with pinyin glosses reads the same, the glosses cut from the concept.
        ("2017年,眾創(chuàng)空間已達5739家。", [("5739家", "stock", "眾創空間")]),
    ],
)
def test_measure_type_and_concept(text, expected):
    assert meanings(text) == expected


def test_a_point_in_time_makes_a_count_a_stock_unless_it_is_new():
    text = "截至2022年8月底，个体工商户1.09亿户，新设个体工商户1359.1万户。"
    assert [measure for _, measure, _ in meanings(text, [True, True])] == ["stock", "flow"]


def test_above_size_enterprises_are_no_size_and_a_level_reached_is_a_stock():
    # 规模以上企业: enterprises above the statistical size threshold; their revenue is a flow
    assert meanings("示范区规模以上高新企业实现总收入28365.6亿元。") == [("28365.6亿元", "flow", "示范区规模以上高新企业实现总收入")]
    assert meanings("基金总规模达到28亿元。")[0][1] == "stock"
    # what the clause added on the way is new; the level it rose to is a stock
    assert [m for _, m, _ in meanings("全国新增个体工商户数量持续增长至9000多万户。")] == ["stock"]
    assert [m for _, m, _ in meanings("新设企业增至500万户。")] == ["flow"]


def test_english_text_keeps_the_english_reading():
    assert meanings("By the end of 2016, China had 3,255 incubators.") == [("3,255", "stock", "incubators")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A running total is a level; so is a fund's size.
        ("累计帮助4万家企业获得1940亿元的风险投资。", ["flow", "stock"]),
        ("總計設立金額達15億元的創投基金。", ["stock"]),
        # An item of a list measures what the item before it measures.
        ("新增海外人才1600名以上、高校毕业生9万名以上。", ["flow", "flow"]),
        ("较上年底分别增长7.4%、6.5%、0.1%。", ["change", "change", "change"]),
        # Bounds of a group and caps are no level of anything; per head is a rate.
        ("投资金额在300万元以下的案例占65.07%。", ["other", "share"]),
        ("获得500万元以上融资的项目有230个。", ["other", "stock"]),
        ("政府就个别初创企业所作的总投资额，上限则为5,000万元。", ["other"]),
        ("每千人拥有企业数由27.6户增长到30.0户。", ["rate", "rate"]),
        # Not bounds: "over" a target, closing its clause.
        ("新增国家高新技术企业650家以上；", ["flow"]),
    ],
)
def test_totals_funds_lists_bounds_and_rates(text, expected):
    assert [measure for _, measure, _ in meanings(text)] == expected


def test_time_words_are_no_concept_and_a_series_end_takes_its_start_s():
    # the extractor reads 底 of 年底 as the counted noun of 3255家: a time word names nothing
    text = "从1987年全国只有两家科技企业孵化器,到2016年底达到了3255家。"
    assert [concept for _, _, concept in meanings(text)] == ["科技企业孵化器", "科技企业孵化器"]
    text = "2020年我国众创空间的数量呈爆发式增长,由2014年众创空间不足50家到2020年8507家。"
    assert [concept for _, _, concept in meanings(text)][-2:] == ["众创空间", "众创空间"]


def test_a_percentage_after_an_increase_word_is_a_change():
    # "较上年新增5.7%": up 5.7% on the year before; "增加到" names a level reached, not growth
    assert meanings("收入上亿企业数量达到1623家，较上年新增5.7%。")[-1][:2] == ("5.7%", "change")
    assert meanings("研发投入比上年增加12.3%。")[-1][:2] == ("12.3%", "change")
    assert meanings("高新技术企业占比5.7%。")[-1][:2] == ("5.7%", "share")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Jobs a period's activity made are a flow, whatever stock word framed the sentence, and
        # they count the jobs, not the words before the verb.
        ("全市共计发放创业担保贷款1.62亿元，带动1251人就业。",
         [("1.62亿元", "flow", "全市共计发放创业担保贷款"), ("1251人", "flow", "带动就业")]),
        ("今年以来，全区累计吸纳就业1.2万人。", [("1.2万人", "flow", "吸纳就业")]),
        # a pinyin-glossed reprint's brackets do not hide the verb
        ("近五年，吸納和帶動就業(yè)233.9萬人。", [("233.9萬人", "flow", "吸纳就业")]),
    ],
)
def test_jobs_made_in_a_period_are_a_flow(text, expected):
    assert meanings(text) == expected


def test_jobs_at_a_point_in_time_are_a_headcount():
    assert meanings("截至2019年底，在孵企业吸纳就业294.9万人。", [True]) == [("294.9万人", "stock", "在孵企业吸纳就业")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the people in work that organisations hold: a headcount (dev documents)
        ("共入驻实体数1075个,带动就业人数7198人。", [("1075个", "stock", "共入驻实体数"), ("7198人", "stock", "带动就业")]),
        ("中小企业家数超过171.5万家,吸纳约919.4万就业人口。", [("171.5万家", "stock", "中小企业家数"), ("919.4万", "stock", "吸纳就业")]),
        # the jobs a level just given holds, and that level, reached by a counted change
        ("其中个体工商户新增1000多万户至9000多万户,带动两亿多人就业。",
         [("1000多万户", "flow", "个体工商户"), ("9000多万户", "stock", "个体工商户"), ("两亿多人", "stock", "带动就业")]),
        # a running tally's jobs stay a flow
        ("全县累计建成创业基地22个,带动就业17800多人。", [("22个", "stock", "全县累计建成创业基地"), ("17800多人", "flow", "带动就业")]),
    ],
)
def test_jobs_held_by_organisations_are_a_headcount(text, expected):
    assert meanings(text) == expected


def test_lists_of_places_tallies_of_actions_and_admissions_are_flows():
    # Shenzhen's registrations by district, Tianjin's admissions by evaluation (dev documents)
    found = meanings("深圳市2025年1-9月新登记企业按数量从多到少依次为:龙岗(57687户)、宝安(56721户)。")
    assert [(t, m) for t, m, _ in found] == [("57687户", "flow"), ("56721户", "flow")]
    found = meanings("1-8月份,天津市雏鹰企业评价入库数排名前五位的区是滨海新区(1535家)、武清区(258家)。全市7912家企业通过科技型中小企业评价入库。")
    assert [m for _, m, _ in found] == ["flow", "flow", "flow"]
    # a register's cumulative number listed the same way stays a level
    found = meanings("天津市科技领军(培育)企业累计数排名前五位的区是滨海新区(157家)、武清区(26家)。")
    assert [m for _, m, _ in found] == ["stock", "stock"]
    # Henan's start-up guarantee loans: a tally of what was done is a flow; "so far" a group that exists
    found = meanings("自2003年以来,该省累計(jì)扶持135.7萬人自主創業。截至目前,全区已累计认定双创示范基地22家。深圳市共注销商事主体233,007户。")
    assert [m for _, m, _ in found] == ["flow", "stock", "flow"]
    # closed by a date, the same tally is a level at that date
    assert [m for _, m, _ in meanings("截至4月底,我省累计发放创业担保贷款1003亿元。", [True])] == ["stock"]
    # revenue made over the year so far ("累计完成", "累计实现") is a flow of that span, as revenue is
    found = meanings("今年前三季度,东湖高新区预计累计完成企业总收入6028亿元。全市累计实现营业收入32.5亿元。")
    assert [m for _, m, _ in found] == ["flow", "flow"]


def test_money_named_a_valuation_after_it_is_a_level():
    # China News Service on the 2024 unicorn report; Hurun's global list
    found = meanings("北京以5227.7亿美元的估值总额位居全国首位。排名前三的企业价值分别为1.38兆元人民币、9450亿元人民币。")
    assert [m for _, m, _ in found] == ["stock", "stock", "stock"]


@pytest.mark.parametrize(
    ("text", "figure", "measure_type"),
    [
        # growth words naming the size of a growth, before or after the percentage
        ("该区技术合同成交额保持25%以上的增幅。", "25%", "change"),
        ("五年来软件收入年均增长幅度超过18%。", "18%", "change"),
        ("新设基金数量与规模同比降幅均为3.1%。", "3.1%", "change"),
        ("全市独角兽企业比上年增加9家,升幅达16.2%。", "16.2%", "change"),
        ("本港孵化企业数目按年增9%至2100间。", "9%", "change"),
        # a bare 增, 降 or 递增 before a percentage, an average growth after it
        ("全省私营企业从业人员同比增47%。", "47%", "change"),
        ("出口额同比降5.2%。", "5.2%", "change"),
        ("五年来担保贷款发放额年均递增74.2%。", "74.2%", "change"),
        ("该市技术交易额近三年保持17.9%的平均增速。", "17.9%", "change"),
        # a share that rises to a level stays a share
        ("民营经济占比增至60%。", "60%", "share"),
        # a part of a whole stays a share
        ("民营企业占全市企业总数的比重为86.5%。", "86.5%", "share"),
        # a batch picked by a list or an award is a flow
        ("今年全省15家孵化器入选国家级科技企业孵化器。", "15家", "flow"),
        ("某某科技园等7家单位名列其中。", "7家", "flow"),
        ("今年新晋独角兽企业12家。", "12家", "flow"),
        # money raised or pledged, named by its size, is a flow; a fund's standing size a stock
        ("上半年新募基金的募资总规模约3200亿元。", "3200亿元", "flow"),
        ("今年新设政府引导基金认缴规模820亿元。", "820亿元", "flow"),
        ("该引导基金总规模50亿元。", "50亿元", "stock"),
    ],
)
def test_growth_sizes_batches_picked_and_money_raised(text, figure, measure_type):
    assert {found[0]: found[1] for found in meanings(text)}[figure] == measure_type


@pytest.mark.parametrize(
    ("text", "figure", "measure_type"),
    [
        # the bar of a class is no level; a company's own valuation is
        ("榜单所称独角兽,指估值超过10亿美元且成立不足十年的未上市企业。", "10亿美元", "other"),
        ("全国共有8家估值超千亿元的平台企业。", "千亿元", "other"),
        ("该公司估值超过300亿美元,居全球第三。", "300亿美元", "stock"),
    ],
)
def test_value_bars(text, figure, measure_type):
    assert {found[0]: found[1] for found in meanings(text)}[figure] == measure_type


def test_a_batch_or_the_months_from_january_make_counts_flows():
    def types(text: str, points: list[bool] | None = None) -> list[tuple[str, str]]:
        return [(figure, measure) for figure, measure, _ in meanings(text, points)]

    # a list of counts that one selection verb closes: every item is of the batch
    assert types("咸宁市3家科技企业孵化器、1家众创空间成功获认定。") == [("3家", "flow"), ("1家", "flow")]
    assert types("7家科技企业孵化器和4家众创空间入选。") == [("7家", "flow"), ("4家", "flow")]
    # a batch named before the count, though a point in time frames the sentence
    assert types("日前，某省公布第四批412家专精特新企业。", [True]) == [("412家", "flow")]
    assert types("洛阳市上榜众创空间有7个。") == [("7个", "flow")]
    # the months from January: every count of the list, not the shares of a whole between them
    text = "2023年1-7月，某市新登记经营主体52,310户，占新登记经营主体总量的61.2%，个体工商户20,437户。"
    assert types(text, [True, False, True]) == [("52,310户", "flow"), ("61.2%", "share"), ("20,437户", "flow")]
    # words of a level keep it a stock; so does a ranking's list, whose entries already are
    assert types("今年1-5月，全市高新技术企业累计达到5000家。") == [("5000家", "stock")]
    assert types("第三批省级双创示范基地共有35个。") == [("35个", "stock")]
    assert types("某全球独角兽榜上榜企业中，该国以58家位居第三。") == [("58家", "stock")]
    # level words keep a count a list closes with a selection verb a stock too
    assert types("截至6月底，全省共有45家众创空间成功备案。") == [("45家", "stock")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the two ends of a level's change are levels; a revenue's are not
        ("某市孵化器面积从2015年的20万平方米增加到30万平方米。", ["stock", "stock"]),
        ("这家公司的估值从去年的8亿美元增长到15亿美元。", ["stock", "stock"]),
        ("某区营业收入从100亿元增长到150亿元。", ["flow", "flow"]),
        ("全市创业团队总价值上升至1.2万亿元。", ["stock"]),
        # what a list admitted and what an investor invested in are flows
        ("我市甲公司等12家孵化器入围榜单。", ["flow"]),
        ("该基金已投资85家初创企业。", ["flow"]),
        # a survey's sample, the places a group spreads over, parts of a ranked group: other
        ("课题组共调查了500个专业。", ["other"]),
        ("研究院对全国20个省的3万名毕业生进行了调查。", ["other", "other"]),
        ("这些企业分布在全球30个国家。", ["other"]),
        ("排名前十的企业中,有4家来自本市。", ["other"]),
        # caps, leverage multiples and percentage points against another place: other
        ("对新认定的众创空间最高可获得80万元奖补。", ["other"]),
        ("担保比例最高可达90%。", ["other"]),
        ("市级引导资金放大倍数达4倍。", ["other"]),
        ("全市增速为8.1%,高出全省平均水平1.5个百分点。", ["change", "other"]),
        ("比上年提高1.5个百分点。", ["change"]),
        # time words that start with 前 are no rank groups
        ("今年前三季度新设企业12万户。", ["flow"]),
        # a record, a top-ranked place, a change against the quarter before: no cap, no comparison with another
        ("单日最高新增企业1200户。", ["flow"]),
        ("研发投入占比最高的某市达4.2%。", ["share"]),
        ("增速比一季度高0.5个百分点。", ["change"]),
    ],
)
def test_levels_batches_and_details_of_a_story(text, expected):
    assert [m for _, m, _ in meanings(text)] == expected


def test_a_reprints_pinyin_glosses_do_not_split_the_words_a_figure_is_read_by():
    # "規(guī)模" is 规模 (a fund's size, a level); the gloss cut it to "模" and left a flow
    assert meanings("基金總規(guī)模10億元,已投資3個項目。")[0] == ("10億元", "stock", "基金总规模")


def test_the_end_of_a_series_measures_what_its_start_names():
    # revenue "from 30497.4 to 53025.8" is a flow at both ends, not a level reached
    assert [m[1] for m in meanings("总收入从2013年的30497.4亿元,增长到2017年的53025.8亿元。")] == ["flow", "flow"]


def test_a_founding_date_that_describes_the_things_is_no_flow_cue():
    # "成立于2000年之后" says which companies the list holds; the count of them is a level
    text = "胡润研究院发布榜单,列出全球成立于2000年之后、价值10亿美元以上的非上市公司,中国以316家独角兽企业排名全球第二。"
    assert ("316家", "stock", "独角兽企业") in meanings(text)
    # a verb of setting up with no date after it still makes the count new things
    assert meanings("今年全市成立企业316家。") == [("316家", "flow", "今年全市成立企业")]


def test_growth_of_a_count_shared_out_over_a_list_is_a_change_to_its_last_item():
    # "增长数分别达到了" names growth; the list's last item, after 和, measures what the one before does
    found = meanings("上半年商业服务业、金融业和信息软件业的企业增长数分别达到了11.4%、6.7%和5.3%。")
    assert [measure for _, measure, _ in found] == ["change", "change", "change"]
