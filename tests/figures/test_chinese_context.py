"""Periods and status of figures in Chinese text (figures/chinese_context.py), reached through
figures.periods.resolve_contexts like English text."""

from __future__ import annotations

import pytest

from figures.chinese_context import _ChineseDocument, find_chinese_times, resolve_chinese_contexts
from figures.period_choice import default_chinese_chooser
from figures.periods import resolve_contexts
from figures.quantities import extract
from figures.sentences import split_sentences


@pytest.mark.parametrize(
    ("expression", "label", "is_point", "is_comparison"),
    [
        ("2016年", "2016", False, False),
        ("截至2016年底", "2016", True, False),
        ("从1987年至2016年底", "2016", True, False),
        ("2016年上半年", "2016-H1", False, False),
        ("今年前三季度", "2017-Q1/2017-Q3", False, False),
        ("二季度", "2017-Q2", False, False),
        ("二季度末", "2017-06", True, False),  # a quarter's end is its last month, as 前三季度末 is September
        ("截至2025年四季度末", "2025", True, False),  # the fourth's is the year's end, read as the year as 年底 is
        ("截至2017年6月底", "2017-06", True, False),
        ("截至2017 年12 月", "2017-12", True, False),
        ("今年1-8月", "2017-01/2017-08", False, False),
        ("2022年1至8月", "2022-01/2022-08", False, False),
        ("去年", "2016", False, False),
        ("较去年底", "2016", True, True),
        ("与2015年", "2015", False, True),
        ("2013至2015年", "2013/2015", False, False),
        ("十三五”期间", "2016/2020", False, False),
        ("截至“十二五”末", "2015", True, False),  # the end of a plan is the end of its last year
        ("比“十一五”末", "2010", True, True),
        ("十四五期末", "2025", True, False),
        ("十五”期間", "2001/2005", False, False),  # the tenth plan, in traditional script
        ("九五时期", "1996/2000", False, False),
        ("今年以来", "2017", False, False),
        ("截至2017年6月30日", "2017-06-30", True, False),
        ("目前", "2017-10", True, False),
        ("三年多来", "2013/2017", False, False),
        ("今年前10个月", "2017-01/2017-10", False, False),
        ("2019年前9个月", "2019-Q1/2019-Q3", False, False),  # the same months as the first three quarters
        ("2019第三季度", "2019-Q3", False, False),
        ("近5年来", "2012/2017", False, False),  # up to now, as "5年来"
        ("近5年", "2012/2017", False, False),  # from five years before publication, as the guide reads "the past 10 years"
        ("2019Q3", "2019-Q3", False, False),  # a quarter written as in company reports
        ("截至2017年6月30号", "2017-06-30", True, False),  # a day written with 号, as spoken
        ("2019年Q3", "2019-Q3", False, False),
        ("党的十八大以来", "2012/2017", False, False),  # since the congress of 2012, up to now
        ("十八大以来", "2012/2017", False, False),
    ],
)
def test_chinese_time_expressions_name_their_period(expression, label, is_point, is_comparison):
    times = find_chinese_times(f"“{expression}，全国众创空间有4298家。", "2017-10-20")
    assert [(t.text, t.period.label, t.is_point, t.is_comparison) for t in times] == [
        (expression, label, is_point, is_comparison)
    ]


def test_taiwanese_calendar_years_and_running_totals_from_their_start():
    # 民国107年 is 2018; "107年5月22日" is a Taiwanese date, with no 民国 before it
    text = "方案自107年5月22日正式启动,截至108年7月11日止,已通过投资41家新创事业。民國108年投資5億元。"
    times = find_chinese_times(text, "2019-07")
    assert [(t.text, t.period.label, t.is_point) for t in times] == [
        ("自107年5月22日", "2018-05-22", False),  # the day the programme started
        ("自107年5月22日正式启动,截至108年7月11日", "2018-05-22/2019-07-11", False),  # the running total's span
        ("截至108年7月11日", "2019-07-11", True),
        ("民國108年", "2019", False),
    ]
    text = "創業天使投資方案2018年5月開辦以來，截至今年10月底，已通過投資296家新創事業。"
    assert [t.period.label for t in find_chinese_times(text, "2025-11")] == ["2018-05", "2018-05/2025-10", "2025-10"]


def test_a_span_from_a_years_start_to_a_later_end():
    # "2008年初至10月底": January to October; "从2008年初至2012年底": five whole years
    text = "2008年初至10月底,1083家担保机构共提供担保贷款1687亿元。从2008年初至2012年底,全国累计退出市场的企业共394.22万户。"
    spans = [(t.text, t.period.label) for t in find_chinese_times(text, "2013-07") if t.is_running]
    assert spans == [("2008年初至10月底", "2008-01/2008-10"), ("从2008年初至2012年底", "2008/2012")]
    # a base and the level it rose to are two dates, not one span
    times = find_chinese_times("从2017年的1368家上升至2018年的2872家。", "2019-11")
    assert [t.period.label for t in times] == ["2017", "2018"]


def test_a_date_after_from_is_a_base_only_when_a_figure_follows():
    text = "从前三季度的新设企业增长情况来看,高技术制造业新设企业增长62.8%。数量由2019年底的27.6户增长到30.0户。"
    times = find_chinese_times(text, "2020-11-12")
    assert [(t.period.label, t.is_comparison) for t in times] == [("2020-Q1/2020-Q3", False), ("2019", True)]


def test_figures_take_their_sentence_period_then_the_paragraph_lead():
    text = (
        "截至2016年底，全国众创空间有4298家。今年前三季度，全国日均新设企业1.66万户。"
        "其中，新设企业589.8万户，较去年底增长9.0%。按2017年底全国人口计算，每千人拥有企业23.25户。"
        "预计到2020年，众创空间将达到1万家。"
    )
    quantities = extract(text)
    # the hand rules' carrying; the trained chooser weighs it against the document's other periods
    contexts = resolve_contexts(text, quantities, "2017-10-20", chooser=None)
    got = [(q.text, c.period_label, c.period_source, c.period_is_point_in_time, c.status)
           for q, c in zip(quantities, contexts)]  # fmt: skip
    assert got == [
        ("4298家", "2016", "text", True, "actual"),
        ("1.66万户", "2017-Q1/2017-Q3", "relative", False, "actual"),
        ("589.8万户", "2017-Q1/2017-Q3", "discourse", False, "actual"),
        ("9.0%", "2017-Q1/2017-Q3", "discourse", False, "actual"),
        ("23.25户", "2017-Q1/2017-Q3", "discourse", False, "actual"),
        ("1万家", "2020", "text", True, "expected"),
    ]
    assert contexts[3].comparison_text is None or contexts[3].comparison_text == "较去年底"


def test_a_figure_without_any_time_expression_has_no_period():
    text = "深圳全市孵化载体已达144家。"
    [context] = resolve_contexts(text, extract(text), "2016-03-14")
    assert (context.period_label, context.period_source) == (None, "none")


def _periods(text: str, published_on: str, chooser: str | None = "trained") -> list[tuple]:
    quantities = extract(text)
    contexts = resolve_contexts(text, quantities, published_on, chooser=chooser)
    return [(q.text, c.period_label, c.period_source, c.status) for q, c in zip(quantities, contexts)]


def test_now_alone_is_no_date_so_the_fallback_stays_flagged():
    assert _periods("目前，全市众创空间有180家。", "2017-10-20") == [("180家", None, "none", "actual")]


def test_a_month_range_across_years_against_the_publication_date():
    text = "政府由去年九月至今年一月公开邀请业界申请，一共接获14个基金的申请。"
    assert _periods(text, "2018-07-25")[0][1:3] == ("2017-09/2018-01", "relative")


def test_deadlines_and_plans_are_targets():
    text = (
        "到2021年，余杭区新增小微企业3.9万家。今年，余杭区要完成创建孵化载体30个。"
        "设定3大目标，包括5年内创造2万个就业机会。预计到2020年，众创空间将达到1万家。"
    )
    got = _periods(text, "2019-06-25")
    assert [(text, period, status) for text, period, _, status in got if text != "3"] == [
        ("3.9万家", "2021", "target"),
        ("30个", "2019", "target"),
        ("2万个", "2024", "target"),
        ("1万家", "2020", "expected"),
    ]


@pytest.mark.xfail(strict=True, reason="the Chinese chooser refitted on the 761 dev documents of 5 December 2026, and on the 873 of that night, leaves it undated")
def test_within_the_next_years_is_the_span_ahead():
    # 未来3年内 is the span ahead, as 未来3年 (strict: fails again, as a plain test, once a refit
    # reads it right)
    got = {t: p for t, p, _, _ in _periods("未来3年内将新建孵化器10家。", "2020-03-01")}
    assert got["10家"] == "2020/2022"


def test_within_years_read_from_the_time_they_follow():
    times = find_chinese_times("未来5年内基金规模将累计达到100亿元以上。", "2014-06-12")
    assert [(t.text, t.period.label, t.is_deadline) for t in times] == [("未来5年内", "2014/2018", True)]
    # right after a past year's end, N年内 counts back from it: no deadline
    times = find_chinese_times("从2008年初至2012年底,五年内全国累计退出市场的企业共394.22万户。", "2013-07-01")
    assert [(t.text, t.period.label, t.is_deadline) for t in times][-1] == ("五年内", "2008/2012", False)
    # after a year still ahead, or with no year before it, a deadline as before
    times = find_chinese_times("2020年底,3年内新增企业1万家。力争5年内建成100家众创空间。", "2016-01-01")
    assert [(t.text, t.period.label, t.is_deadline) for t in times][1:] == [("3年内", "2019", True), ("5年内", "2021", True)]


def test_the_next_years_of_a_plan_count_from_the_year_under_way():
    # 未来三年 / 今后五年: the publication year and those after it; a single "next year" of an
    # intention ("未来一年会创业") is no plan's span
    got = {t: (p, status) for t, p, _, status in _periods("未来三年,全市将新建众创空间100家。", "2018-05-10")}
    assert got["100家"] == ("2018/2020", "target")
    got = {t: p for t, p, _, _ in _periods("今后五年,我市将投入50亿元支持创新创业。", "2019-10-10")}
    assert got["50亿元"] == "2019/2023"
    got = {t: p for t, p, _, _ in _periods("未来十年,将培育高新技术企业500家。", "2020-03-01")}
    assert got["500家"] == "2020/2029"
    assert _periods("调查显示,未来一年会自行创业的比例为12.3%。", "2015-12-31") == [("12.3%", "2015", "document", "actual")]


def test_a_change_against_a_base_years_back_spans_from_the_base():
    text = "截至2022年8月底，全国个体工商户已达1.09亿户，是2012年的2.7倍，占比较2012年提升了12.7个百分点。"
    got = {t: p for t, p, _, _ in _periods(text, "2022-10-15")}
    assert got["1.09亿户"] == "2022-08"
    assert got["2.7倍"] == "2012/2022"
    assert got["12.7个百分点"] == "2012/2022"


def test_a_date_right_before_xiangbi_is_a_base_and_a_series_change_spans_its_years():
    # 与…1992年相比 with words between 与 and the year; a change after 从2018年…至2022年… spans both years
    text = "2001年,全国民营科技企业达到10万家。与发展初期的1992年相比,企业数量增加了3倍。"
    got = {t: p for t, p, _, _ in _periods(text, "2003-01-14")}
    assert got["3倍"] == "1992/2001"
    text = "东部地区园区占比从2018年调查的75.7%提升至2022年的84.1%,提升了8.4个百分点;西部地区为68.0%。"
    got = {t: p for t, p, _, _ in _periods(text, "2023-03-12")}
    assert (got["75.7%"], got["84.1%"], got["8.4个百分点"]) == ("2018", "2022", "2018/2022")


def test_the_gain_between_a_series_two_levels_spans_its_years():
    text = "南沙的港澳企业由2017年的1,368家上升至2018年的2,872家,新增1,504家。"
    got = {t: p for t, p, _, _ in _periods(text, "2019-11-01")}
    assert (got["1,368家"], got["2,872家"], got["1,504家"]) == ("2017", "2018", "2017/2018")


def test_shi_before_a_since_year_is_no_base():
    # "尤其是2018年以来": 是 ends 尤其是, the time is read without it; "是2012年的2.7倍" stays a base
    [time] = find_chinese_times("尤其是2018年以来,每年保持40%的增速。", "2019-03-01")
    assert (time.text, time.period.label, time.is_comparison) == ("2018年以来", "2018/2019", False)
    [base] = find_chinese_times("个体工商户是2012年的2.7倍。", "2022-10-15")
    assert (base.text, base.is_comparison) == ("是2012年", True)


def test_a_base_figures_date_is_not_the_next_figures_period():
    text = "截至9月末，企业4200.0万户。我国每千人拥有企业数由2019年底的27.6户增长到30.0户。"
    got = {t: p for t, p, _, _ in _periods(text, "2020-11-12")}
    assert got["30.0户"] == "2020-09"


def test_a_base_period_dates_the_average_written_straight_after_it():
    text = "2006年支农资金达到190亿元,比“十五”时期年均177亿元增加了13亿元。"
    got = {t: p for t, p, _, _ in _periods(text, "2007-01-05")}
    assert (got["190亿元"], got["177亿元"]) == ("2006", "2001/2005")


def test_a_base_year_dates_its_average_when_the_average_follows_a_de():
    text = "2019年全市新增企业5000家,比2014年的年均3000家多出不少。"
    got = {t: p for t, p, _, _ in _periods(text, "2020-01-05")}
    assert (got["5000家"], got["3000家"]) == ("2019", "2014")


def test_a_comparison_base_dates_the_figure_named_before_the_change():
    text = "2006年新增就业380万人,比2005年291万人增加了89万人;比去年新增7家,比上年增长10%。"
    got = {t: p for t, p, _, _ in _periods(text, "2007-01-05")}
    assert (got["380万人"], got["291万人"], got["89万人"]) == ("2006", "2005", "2006")
    # the change after the base is the sentence's, not the base's
    assert (got["7家"], got["10%"]) == ("2006", "2006")


def test_an_undated_headline_takes_the_date_of_the_body_figure_it_restates():
    text = "全国登记在册个体工商户已达1.09亿户\n记者获悉，截至2022年8月底，全国登记在册个体工商户已达1.09亿户。"
    assert _periods(text, "2022-10-15", chooser=None)[0][1:3] == ("2022-08", "headline")
    # the trained chooser may take the body's date directly, as a time later in the sentence
    assert _periods(text, "2022-10-15")[0][1] == "2022-08"


def test_the_part_of_a_planned_figure_is_planned_too():
    text = "今年财政要出资800亿作为引导基金。其中，创新创业200亿、新兴产业200亿。"
    assert [status for *_, status in _periods(text, "2015-07-06")] == ["target", "target", "target"]


def test_the_items_of_a_list_of_goals_are_targets():
    # the list's items after semicolons are read with the words opening it; last year's results
    # after a full stop, though also divided by semicolons, stay actual
    text = ("今年发展主要预期目标是:国内生产总值增长5.5%左右;城镇新增就业1100万人以上;居民消费价格涨幅3%左右。"
            "去年城镇新增就业1269万人;居民消费价格上涨0.9%。")
    assert [(figure, status) for figure, *_, status in _periods(text, "2022-03-05")] == [
        ("5.5%", "target"), ("1100万人", "target"), ("3%", "target"), ("1269万人", "actual"), ("0.9%", "actual"),
    ]


def test_a_running_total_is_not_dated_by_an_earlier_paragraph():
    text = "近日，火炬中心公布了2019年度评价结果。\n近年来，省科技厅累计下达奖励资金2.4亿元。"
    assert _periods(text, "2020")[0][1:3] == (None, "none")


def test_periods_before_fenbie_pair_with_the_figures_after_it_in_order():
    text = "招股书披露，2017年、2018年以及2019年前9个月，优客工场的净收入总额分别约为1.67亿元、4.49亿元和8.75亿元。"
    quantities = extract(text)
    contexts = resolve_contexts(text, quantities, "2019-12-12")
    assert [(q.text, c.period_label) for q, c in zip(quantities, contexts)] == [
        ("1.67亿元", "2017"), ("4.49亿元", "2018"), ("8.75亿元", "2019-Q1/2019-Q3")
    ]
    # the pairing is grammar: it decides with the trained chooser as without it
    document = _ChineseDocument(text, quantities, "2019-12-12", None)
    assert [document.candidates(i)[0].why for i in range(3)] == ["respectively"] * 3
    rules = [c.period_label for c in resolve_contexts(text, quantities, "2019-12-12", chooser=None)]
    assert rules == ["2017", "2018", "2019-Q1/2019-Q3"]
    # as many periods as figures, or the pairing does not apply and the sentence's rules decide
    text = "2018年和2019年，净收入分别为4.49亿元、8.75亿元和1.2亿元。"
    quantities = extract(text)
    assert {_ChineseDocument(text, quantities, "2019-12-12", None).candidates(i)[0].why for i in range(3)} == {"sentence"}
    labels = {c.period_label for c in resolve_contexts(text, quantities, "2019-12-12", chooser=None)}
    assert labels == {"2019"}


def test_the_list_after_fenbie_ends_where_a_clause_of_its_own_starts():
    text = "公司2022年至2024年归母净亏损分别约为18.4亿元、16.73亿元、14.92亿元,2025年上半年归母净亏损约2.71亿元。"
    quantities = extract(text)
    labels = [c.period_label for c in resolve_contexts(text, quantities, "2025-11-20")]
    assert [q.text for q in quantities] == ["18.4亿元", "16.73亿元", "14.92亿元", "2.71亿元"]
    assert labels == ["2022", "2023", "2024", "2025-H1"]


def test_a_year_in_a_reports_title_does_not_date_figures_its_sentence_dates_after_the_title():
    text = "智研咨询发布的《2020-2026年中国科技企业孵化器行业分析报告》显示:截至2018年底,共有在孵企业206024个。"
    quantities = extract(text)
    document = _ChineseDocument(text, quantities, "2020-02-15", None)
    assert [c.time.period.label for c in document.candidates(0) if c.time is not None] == ["2018", "2018"]
    # with no date after the title, the title's year is still offered (a list's year dates its counts)
    text = "胡润研究院发布《2023全球独角兽榜》,中国以316家独角兽企业排名全球第二。"
    quantities = extract(text)
    labels = [c.time.period.label for c in _ChineseDocument(text, quantities, "2023-04-18", None).candidates(0) if c.time]
    assert "2023" in labels


def test_the_prizes_a_competition_sets_or_will_award_are_expected():
    def statuses(text, published):
        return [c.status for c in resolve_contexts(text, extract(text), published)]

    assert statuses("大赛共设一等奖8名,二等奖14名。", "2016-05-01") == ["expected", "expected"]
    assert statuses("最后决赛,会选出3组总统奖。", "2025-11-21") == ["expected"]
    # what a finished round gave, and new things the sentence sets up, are actual
    assert statuses("大赛共评出金奖30个、银奖70个。", "2018-10-20") == ["actual", "actual"]
    assert statuses("全市新设企业8000家。", "2018-10-20") == ["actual"]


def test_a_figure_since_a_party_congress_spans_from_its_year_to_publication():
    text = "黨的十八大以來，全國新設數字經濟核心產業企業643.0萬戶。十九大以来新增2万户。"
    contexts = resolve_contexts(text, extract(text), "2022-09-20")
    assert [c.period_label for c in contexts] == ["2012/2022", "2017/2022"]
    # a congress not yet held when the text was published dates nothing
    assert find_chinese_times("二十大以来新增2万户。", "2021-05-01") == []


def test_the_grammar_of_dates_that_own_bound_or_close_a_figure():
    text = (
        "轻资产酒店比例从2009年的27%增长到2019Q3的79%。"
        "今年上半年，全市新设企业2.1万户。在册企业数达30.7万户，较年初增长5%。"
        "每家初创企业最高可获50万元资助。"
        "从2018年起，目标5年内创造2万个就业机会。"
    )
    quantities = extract(text)
    contexts = resolve_chinese_contexts(text, quantities, "2020-07-21")  # the rules alone
    got = [(q.text, c.period_label, c.period_is_point_in_time) for q, c in zip(quantities, contexts)]
    assert got == [
        ("27%", "2009", False),  # the date written before it with 的, though it is the change's base
        ("79%", "2019-Q3", True),
        ("2.1万户", "2020-H1", False),  # new ones over the half year
        ("30.7万户", "2020-06", True),  # a register's level stands at the half's end
        ("5%", "2020-06", True),
        ("50万元", None, False),  # a cap is a standing rule, no period
        ("2万个", "2018/2022", False),  # five years counted from 2018, not from publication
    ]


def test_since_runs_to_the_last_year_the_document_has_figures_for():
    text = "2013年天使投资案例262起。2008年以来披露的861起天使投资案例中,大多数投资金额在300万元以下。"
    times = find_chinese_times(text, "2014-03")
    assert [t.period.label for t in times] == ["2013", "2008/2013"]
    # published in the year its dates reach: up to publication, as before
    assert [t.period.label for t in find_chinese_times("今年以来新增3家。2008年以来共有9家。", "2014-03")] == [
        "2014", "2008/2014",
    ]  # fmt: skip


def test_a_running_total_dates_the_sentences_after_it():
    text = "方案2018年5月開辦以來，截至今年10月底，已投資296家新創事業。再加上民間投資32.29億元。"
    quantities = extract(text)
    contexts = resolve_chinese_contexts(text, quantities, "2025-11-04")
    assert [c.period_label for c in contexts] == ["2018-05/2025-10", "2018-05/2025-10"]


def test_then_since_this_year_and_the_status_of_targets_and_intentions():
    text = (
        "与1980年改革开放之初相比,当时我国个体工商户数量不到1万户。"
        "今年以来,市就业局开展政策宣传活动,截至6月底,全市共开展宣传活动120场次。"
        "占比由2012年的6.3%提升到今年的15.3%。"
        "完成省定2亿元目标任务的81.11%。"
        "公司拟在纽交所上市,暂定募资规模为1亿美元。"
    )
    quantities = extract(text)
    contexts = resolve_chinese_contexts(text, quantities, "2023-07-21")  # the rules alone
    got = [(q.text, c.period_label, c.status) for q, c in zip(quantities, contexts)]
    assert got == [
        ("1万户", "1980", "actual"),  # "at that time": the comparison's year
        ("120场", "2023-H1", "actual"),  # from the year's start to the end of June
        ("6.3%", "2012", "actual"),
        ("15.3%", "2023", "actual"),  # 到 after a verb of change: reached, not a deadline
        ("2亿元", "2023", "target"),  # the target's figure (the year from the sentence before)
        ("81.11%", "2023", "actual"),
        ("1亿美元", "2023", "expected"),  # an intention
    ]


def test_a_forecast_word_governs_every_figure_after_it_in_its_statement():
    text = "今年1至3季度,东湖高新区预计累计完成企业总收入6028亿元,同比增长29.57%,规模以上工业总产值1323.58亿元;去年增长3%。"
    contexts = resolve_chinese_contexts(text, extract(text), "2014-10-22")
    assert [c.status for c in contexts] == ["expected", "expected", "expected", "actual"]


def test_the_figure_a_text_names_as_the_target_is_one_whatever_its_period():
    text = "城镇登记失业率为3.63%,低于年初确定的4%的目标。前10月新增就业1191万人,超额完成了年初的预定目标1100万人。"
    contexts = resolve_chinese_contexts(text, extract(text), "2016-11-01")
    assert [c.status for c in contexts] == ["actual", "target", "actual", "target"]
    # a share of a target met is what was done
    text = "完成省定2亿元目标任务的81.11%。"
    assert [c.status for c in resolve_chinese_contexts(text, extract(text), "2023-07-21")] == ["target", "actual"]


def test_a_goal_and_a_plans_figures_ahead_are_targets():
    # what a goal says will be is a target, though "将" alone would make it expected
    text = "根据目标,到2013年,甘肃小额担保贷款担保基金将达到20亿元以上。预计到2013年,贷款余额将达到160亿元。"
    contexts = resolve_chinese_contexts(text, extract(text), "2011-07-29")
    assert [c.status for c in contexts] == ["target", "expected"]
    # in a document whose title announces a plan, a figure for a year ahead is the plan's target
    text = "根据《江西省全民创业“十一五”专项规划》,2010年,全省民营经济完成增加值达到4800亿元。民营经济上缴税收达420亿元。"
    quantities = extract(text)
    planned = resolve_chinese_contexts(text, quantities, "2007-03-01", title="江西全民创业“十一五”专项规划出台")
    reported = resolve_chinese_contexts(text, quantities, "2007-03-01", title="江西民营经济")
    assert [c.status for c in planned] == ["target", "target"]
    assert [c.status for c in reported] == ["target", "expected"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("今年3月以来，新增企业2万户", [("今年3月以来", "2018-03/2018-07", False)]),  # to the publication month
        ("2015年至今，新增企业2万户", [("2015年至今", "2015/2018", False)]),
        ("过去五年，新增企业2万户", [("过去五年", "2013/2018", False)]),  # as 近五年
        ("十三五以来，新增企业2万户", [("十三五以来", "2016/2018", False)]),  # the plan so far
        ("年初以来，新增企业2万户", [("年初以来", "2018-01/2018-07", False)]),
        ("前三季度末，全国", [("前三季度末", "2018-09", True)]),
        ("截至去年年底，全国", [("截至去年年底", "2017", True)]),
    ],
)
def test_spans_to_now_and_ends_of_spans(text, expected):
    assert [(t.text, t.period.label, t.is_point) for t in find_chinese_times(text, "2018-07-21")] == expected


def test_the_one_period_a_headline_names_is_offered_to_figures_the_text_leaves_undated():
    from figures.chinese_context import _ChineseDocument

    text = "制造业回暖，新设制造业企业增长9.1%。11月10日，市场监管总局召开新闻发布会。"
    quantities = extract(text)
    document = _ChineseDocument(text, quantities, "2020-11-12", None, "市场监管总局：前三季度全国新设市场主体1845.0万户")
    offered = [(c.time.period.label, c.source) for c in document.candidates(0) if c.time is not None]
    assert ("2020-Q1/2020-Q3", "headline") in offered
    # a headline naming two periods offers neither
    document = _ChineseDocument(text, quantities, "2020-11-12", None, "上半年和前三季度新设市场主体")
    assert not [c for c in document.candidates(0) if c.source == "headline"]


def test_a_report_on_the_year_before_offers_that_year_for_the_chooser_to_weigh():
    from figures.chinese_context import _ChineseDocument

    # most dated sentences name 2020; the opening figure comes before any period the text names
    text = "入驻团队超过600个。2020年，全市新增孵化器12家。截至2020年底，全市共有众创空间85家。2020年新登记企业3.2万户。"
    quantities = extract(text)
    document = _ChineseDocument(text, quantities, "2021-03-02", None, "孵化载体建设情况")
    assert quantities[0].text == "600个"
    offered = {c.time.period.label: c for c in document.candidates(0) if c.source == "document"}
    assert sorted(offered) == ["2020", "2021"]
    # the year before is a candidate with the document's shares as features, not the rules' choice
    assert not offered["2020"].rule
    assert document.rule_choice(0).time is None
    details = document.document_year_details()[2020]
    assert "dates_most_dated" in details and "dates_figures_share=3" in details


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the day a reporter learnt the news dates none of the counts told
        ("本报讯(记者 张临山)3月11日,记者从省中小企业局获悉,我省新建创业基地14个,全省创业基地达到81个。", "2016-03-11", [None, None]),
        ("记者3月11日从市科技局了解到,今年一季度全市新增孵化器12家。", "2016-03-20", ["2016-Q1"]),
        # a day something was done still dates its counts
        ("12月26日,记者从国家发展改革委获悉,12月26日,国家创业投资引导基金启动,3只区域基金设立运行。", "2025-12-26", ["2025-12-26"]),
        ("3月11日,全市新增孵化器12家。", "2016-03-20", ["2016-03-11"]),
    ],
)
def test_the_day_a_reporter_learnt_the_news_dates_no_figure(text, published, expected):
    assert [c.period_label for c in resolve_chinese_contexts(text, extract(text), published)] == expected


def test_an_index_base_year_dates_no_figure():
    # Beijing Business Today, 2015: the index's base (2008 = 100) is no period of its levels
    assert [t.text for t in find_chinese_times("以2008年基期为100,2014年中关村综合指数达到285.8。并以2008年为基期测算。")] == ["2014年"]
    text = "以2008年基期为100,2014年中关村综合指数达到285.8,比上一年提高43.7。"
    found = extract(text)
    assert [c.period_label for c in resolve_chinese_contexts(text, found, "2015-05-01")] == ["2014", "2014"]


def test_a_span_of_as_many_years_as_figures_listed_after_fenbie_gives_each_its_year():
    # the statistics bureau's new-drivers index, 2015-2020, and each year's growth
    text = (
        "国家统计局近日发布的数据显示,2015—2020年我国经济发展新动能指数(以2014年为100)分别为119.6、146.9、"
        "191.2、257.9、325.5和440.3,分别比上年增长19.6%、22.8%、30.2%、34.9%、26.2%和35.3%。"
    )
    found = extract(text)
    labels = [c.period_label for c in resolve_chinese_contexts(text, found, "2021-07-20")]
    assert labels == [str(year) for year in range(2015, 2021)] * 2
    # a span of another length is kept whole
    text = "2015—2020年指数分别为119.6和440.3。"
    found = extract(text)
    assert [c.period_label for c in resolve_chinese_contexts(text, found, "2021-07-20")] == ["2015/2020"] * 2


def test_years_spelled_digit_by_digit_are_years():
    # the Hong Kong government's release on 2021's surveys
    times = find_chinese_times("由二○一七年的8 225间增加10%至二○二一年的9 049间。二零一七年底。一二三四年。", "2021-10-07")
    assert [(t.text, t.period.label, t.is_comparison) for t in times] == [
        ("由二○一七年", "2017", True), ("至二○二一年", "2021", False), ("二零一七年底", "2017", False),
    ]


def test_a_founding_date_dates_no_figure():
    # Hurun's list "of companies founded after 2000"; a Taiwan contest open to firms founded after 1 January 2020
    assert find_chinese_times("列出全球成立于2000年之后、价值10亿美元以上的非上市公司", "2023-04-18") == []
    times = find_chinese_times("鼓勵有志創業的團隊及109年1月1日後成立的公司參與，初賽報名於11月30日截止", "2025-12-05")
    # the day sign-ups closed: a point, the day a count of them stands at
    assert [(t.text, t.period.label, t.is_point) for t in times] == [("11月30日", "2025-11-30", True)]
    # "in the five years since it was founded" is still a span
    assert [t.period.label for t in find_chinese_times("成立5年来，累计孵化企业300家", "2020-06-01")] == ["2015/2020"]


def test_a_stock_at_a_day_is_that_day_and_a_named_list_dates_its_counts():
    # "截至2021年12月31日" is the day, as any other day is; 年底 is the year
    times = find_chinese_times("截至2021年12月31日，共有空间273个；截至2017年11月30日，共120家；2020年底，共90家。", "2022-05-10")
    assert [(t.period.label, t.is_point) for t in times] == [("2021-12-31", True), ("2017-11-30", True), ("2020", True)]
    # Hurun's list named by its year dates the counts its sentence gives
    text = "胡润研究院18日发布《2023全球独角兽榜》,中国以316家独角兽企业排名全球第二。"
    found = extract(text)
    assert [c.period_label for c in resolve_chinese_contexts(text, found, "2023-04-18")] == ["2023"]


def test_an_index_carried_from_a_span_of_years_stands_at_its_last_year():
    # Beijing Business Today: the bullets after "2008-2014年……" give the index's 2014 levels
    text = "2008-2014年中关村综合指数年均增长幅度超过19%。\n编制工作由社科院完成。\n■ 创新环境指数357.8 较上一年提高73.3。"
    found = extract(text)
    assert [c.period_label for c in resolve_chinese_contexts(text, found, "2015-05-01")] == ["2008/2014", "2014", "2014"]


def test_the_other_side_of_a_contrast_dates_its_own_figure_and_is_carried_no_further():
    # Ucommune's fourth-quarter release: "……,而2020年第四季度……为……" is the year before's figure
    text = (
        "2021年第四季度财务亮点\n\n净亏损为人民币16.976亿元,而2020年第四季度的净亏损为人民币1.491亿元。\n\n"
        "经调整亏损为人民币16.738亿元,而2020年第四季度为人民币9480万元。"
    )
    found = extract(text)
    labels = [(q.text, c.period_label) for q, c in zip(found, resolve_chinese_contexts(text, found, "2022-05-10"))]
    assert labels == [
        ("人民币16.976亿元", "2021-Q4"), ("人民币1.491亿元", "2020-Q4"),
        ("人民币16.738亿元", "2021-Q4"), ("人民币9480万元", "2020-Q4"),
    ]


def test_the_date_a_documents_data_stand_at_dates_its_counts_of_that_year():
    # Hurun's 2017 unicorn index, as China News Service reported it
    text = (
        "胡润研究院21日发布《2017胡润大中华区独角兽指数》,榜单收录共计120家独角兽企业。\n\n"
        "北京合计有54家企业上榜。据悉,榜单的数据截止日期为2017年11月30日。"
    )
    found = extract(text)
    assert [c.period_label for c in resolve_chinese_contexts(text, found, "2017-12-21")] == ["2017-11-30", "2017-11-30"]


def test_a_cumulative_number_dated_by_months_stands_at_their_last_month():
    # the Tianjin science bureau's monthly evaluation notice
    text = "1-5月份,天津市科技领军(培育)企业累计数排名前五位的区是滨海新区(139家)、北辰区(21家)。"
    found = extract(text)
    assert [c.period_label for c in resolve_chinese_contexts(text, found, "2023-06-10")] == ["2023-05", "2023-05"]


def test_a_running_span_closed_by_jiezhi_with_a_space_before_its_date():
    # a reprint's stray space: "“十四五”以来,截至 今年8月底" still runs from 2021 to August 2025
    text = "“十四五”以来,截至 今年8月底,城镇新增就业累计达5921万人。"
    found = extract(text)
    (context,) = resolve_chinese_contexts(text, found, "2025-09-27")
    assert (str(context.period_start), str(context.period_end)) == ("2021-01-01", "2025-08-31")


def test_days_in_chinese_numerals_and_up_to_today_closing_a_total():
    # a Macau paper: "推出至今天五月卅一日,共接獲737宗申請"; 卅一 is 31, 二十一 is 21
    times = find_chinese_times("推出至今天五月卅一日,共接獲737宗申請;截至2017年十一月二十一日。", "2015-06-10")
    assert [(t.text, t.period.label, t.is_point) for t in times][1:] == [
        ("五月卅一日", "2015-05-31", True), ("截至2017年十一月二十一日", "2017-11-21", True),
    ]


def test_a_forecasts_year_in_an_earlier_paragraph_dates_no_later_facts():
    # InvestHK's 2021 start-up survey as HK01 reported it
    text = (
        "本地初創企業總數達3,755間。\n\n在二○二二年,投資推廣署預計會有更多初創企業着重於淨零排放。\n\n"
        "調查結果顯示,66%的初創公司創辦人為香港本地人士。"
    )
    found = extract(text)
    contexts = resolve_chinese_contexts(text, found, "2021-10-07")
    assert [(q.text, c.period_label, c.status) for q, c in zip(found, contexts)][1:] == [("66%", None, "actual")]


def _labels(text: str, published_on: str) -> list[tuple[str, str | None]]:
    """Each figure with its period as the rules read it."""
    found = extract(text)
    return [(q.text, c.period_label) for q, c in zip(found, resolve_chinese_contexts(text, found, published_on))]


def test_new_things_counted_to_a_date_of_the_year_are_the_year_so_far():
    # new loans and the jobs they made to the end of September; deals registered to the end of
    # February and their growth on the same months a year before (dev documents)
    text = "截至今年9月底,全省新发放创业担保贷款3.7万笔,贷款金额65.48亿元,新增带动就业10.01万人次。"
    assert _labels(text, "2023-11-10") == [("3.7万笔", "2023-Q1/2023-Q3"), ("65.48亿元", "2023-Q1/2023-Q3"), ("10.01万人次", "2023-Q1/2023-Q3")]
    assert _labels("截至2月底,泉州市共认定登记技术合同83项,同比增长27.69%。", "2022-03-18") == [
        ("83项", "2022-01/2022-02"), ("27.69%", "2022-01/2022-02"),
    ]  # fmt: skip
    # a level on the register stands at the date
    assert _labels("截至9月底,全国登记在册市场主体共计1.34亿户,较去年底增长9.0%。", "2020-11-12")[0] == ("1.34亿户", "2020-09")


def test_a_date_closing_the_year_so_far_a_headline_names_and_the_breakdown_after_it():
    # the headline's first three quarters frame the loans counted to the end of September; the
    # breakdown (其中, items split by semicolons) goes on from that date (a dev document)
    text = (
        "记者从会上获悉,截止到9月底,张店区共发放268笔4209万元创业贷款,带动733人就业。\n"
        "其中,发放个人创业担保贷款254笔3630万元,带动就业698人;大学生创业贷款13笔389万元,带动就业31人。"
    )
    found = extract(text)
    contexts = resolve_chinese_contexts(text, found, "2019-10-25", title="张店区前三季度发放创业贷款4209万元")
    assert [c.period_label for c in contexts] == ["2019-Q1/2019-Q3"] * 9
    # without the headline the date stands alone; a running total (累计) stands at it
    assert _labels("记者获悉,截止到9月底,张店区共发放268笔创业贷款。", "2019-10-25") == [("268笔", "2019-09")]
    assert _labels("截至今年7月底,全省累计返乡创业人员达32.4万人,带动就业149.2万人。", "2017-09-16") == [
        ("32.4万人", "2017-07"), ("149.2万人", "2017-07"),
    ]  # fmt: skip


def test_where_a_change_from_a_dated_base_ends_dates_its_own_figure_only():
    text = ("“十一五”期间,担保基金从2005年的0.7亿元增长到2010年的11.8亿元,"
            "共为22.5万名个人发放贷款89.4亿元。")
    assert _labels(text, "2011-07-29") == [
        ("0.7亿元", "2005"), ("11.8亿元", "2010"), ("22.5万名", "2006/2010"), ("89.4亿元", "2006/2010"),
    ]
    contexts = resolve_chinese_contexts(text, extract(text), "2011-07-29", split_sentences(text), default_chinese_chooser())
    assert [c.period_label for c in contexts] == ["2005", "2010", "2006/2010", "2006/2010"]
    # the change itself still spans from the base to the end
    text = "全市高新技术企业从2015年的120家增加到2020年的560家,增长了3.7倍。"
    contexts = resolve_chinese_contexts(text, extract(text), "2021-07-29", split_sentences(text), default_chinese_chooser())
    assert [c.period_label for c in contexts] == ["2015", "2020", "2015/2020"]


def test_a_count_since_a_programme_launched_runs_to_now_and_foundings_are_no_standing_total():
    text = "自2023年返乡创业专项行动启动以来,渌口区累计成立返乡创业主体4319家,带动就业近2万人。"
    assert _labels(text, "2025-06-01") == [("4319家", "2023/2025"), ("2万人", "2023/2025")]
    # how many organisations there are so far stays at an unsaid date
    assert _labels("遴选工作开展4年来,全省培育企业累计达217家。", "2025-06-01") == [("217家", None)]
    # a month it was founded in runs to the publication's month; founded in that month, it stays
    text = "深圳天使母基金自2018年3月揭牌成立以来,决策子基金数量超过60支。"
    assert _labels(text, "2021-11-15") == [("60支", "2018-03/2021-11")]
    assert _labels("深圳天使母基金于2018年3月揭牌成立,决策子基金超过60支。", "2021-11-15") == [("60支", "2018-03")]
    # a month with no year, launched then: from that month of the publication's year up to its month
    text = "大赛自6月份启动以来,已在30个重点城市举办了专场推广活动。"
    assert _labels(text, "2018-09-12") == [("30个", "2018-06/2018-09")]
    # not a month of a year the text named earlier
    text = "大赛始于2016年。大赛自6月份启动以来,已在30个重点城市举办了专场推广活动。"
    assert _labels(text, "2018-09-12")[0][1] != "2016-06/2018-09"
    # with no 自 before the date: founded then, counted until now
    assert _labels("基金2022年成立至今，已投資逾190個項目。", "2024-11-15") == [("190個", "2022/2024")]
    text = "广州南沙,2021年7月投用的创享湾,迄今已引进青创项目近100个,其中港澳青创项目59个。"
    assert _labels(text, "2022-11-15") == [("100个", "2021-07/2022-11"), ("59个", "2021-07/2022-11")]


def test_a_span_up_to_now_closed_by_jiezhi_muqian_dates_its_sentence_only():
    # "截至目前" closes the span told before it: its sentence's figures run over the span
    text = "自2015年开展双创工作以来,截至目前,全市促进成功创业人数2万余人,发放创业担保贷款3.6亿元。全市创业指导专家库有300多人。"
    assert _labels(text, "2017-09-15") == [("2万余人", "2015/2017"), ("3.6亿元", "2015/2017"), ("300多人", None)]
    text = "7年来,小额担保贷款发放增长额度年均递增74.2%,截至目前,全市累计发放贷款17.29亿元。"
    assert _labels(text, "2010-03-09") == [("74.2%", "2003/2010"), ("17.29亿元", "2003/2010")]
    # "目前" alone after a span is still no date
    assert _labels("近五年来新增企业120家,目前共有企业560家。", "2017-09-15")[1] == ("560家", None)


def test_a_since_sentence_without_figures_opens_the_span_the_next_one_closes():
    # "自5月7日以来……。……截至7月3日,已发行419只": the tally runs from the start the sentence before names
    text = "自5月7日以来,科创债发行持续放量。Wind数据显示,截至7月3日,科创债已发行419只。"
    assert _labels(text, "2025-07-03") == [("419只", "2025-05-07/2025-07-03")]
    # a sentence with figures of its own between them keeps the date alone
    text = "自5月7日以来,发行量增长30%。截至7月3日,科创债已发行419只。"
    assert _labels(text, "2025-07-03")[1] == ("419只", "2025-07-03")
    # and a new paragraph does too
    text = "自5月7日以来,科创债发行持续放量。\n截至7月3日,科创债已发行419只。"
    assert _labels(text, "2025-07-03") == [("419只", "2025-07-03")]


def test_a_level_stands_at_the_period_end_its_sentence_gives_it_whatever_the_headline_says():
    text = ("前三季度普惠小微贷款增加3.02万亿元\n报告显示,三季度末,金融机构人民币各项贷款余额169.37万亿元,同比增长13%;"
            "前三季度增加16.26万亿元。")
    found = extract(text)
    # with the trained chooser, which otherwise prefers the span the headline and opening name
    contexts = resolve_contexts(text, found, "2020-11-02", title="前三季度普惠小微贷款增加3.02万亿元")
    labels = [(q.text, c.period_label) for q, c in zip(found, contexts)]
    assert labels[1] == ("169.37万亿元", "2020-09")
    assert labels[3] == ("16.26万亿元", "2020-Q1/2020-Q3")


def test_a_net_change_beside_a_level_holds_over_the_span_not_at_its_end():
    text = "2008年1-6月份全省个体工商户总量达到184万户,半年净增4万户,增量同比增长50%。"
    assert _labels(text, "2008-08-26") == [
        ("184万户", "2008-06"), ("4万户", "2008-H1"), ("50%", "2008-H1")]
    # in traditional script too (凈增, 淨增)
    text = "2008年1-6月份全省個體工商戶總量達到184萬戶,半年凈增4萬戶,總資本淨增1,344億元。"
    assert _labels(text, "2008-08-26") == [
        ("184萬戶", "2008-06"), ("4萬戶", "2008-H1"), ("1,344億元", "2008-H1")]


def test_the_quarter_before_is_a_base_not_the_first_quarter():
    # 上一季度 is the quarter before the one the text names, not 一季度 (the first quarter)
    text = "第二季度总收入为105.272亿元,比上一季度增长9.1%;净利率由上一季度的30.7%降至29.5%。"
    assert _labels(text, "2012-08-15") == [
        ("105.272亿元", "2012-Q2"), ("9.1%", "2012-Q2"), ("30.7%", "2012-Q1"), ("29.5%", "2012-Q2")]
    times = {t.text: t for t in find_chinese_times("第三季度收入比上季度增长5%", "2012-11-15")}
    assert times["比上季度"].period.label == "2012-Q2" and times["比上季度"].is_comparison


def test_the_day_news_was_told_dates_its_paragraph_not_the_funds_terms_after_it():
    # a January 2026 article: "近日" dates the call for sub-funds, not the fund's size told later
    text = "近日,粤港澳基金开始公开征集参股子基金,这也是三支区域子基金中进展较快的一支。\n\n国家层面由财政出资1000亿元。"
    assert _labels(text, "2026-01") == [("三支", "2026"), ("1000亿元", None)]


def test_a_day_something_was_done_dates_its_counts_with_the_day():
    # Xinhua, 26 December 2025; a day sign-ups closed ("於11月30日截止") is where their count stands
    text = "12月26日,国家创业投资引导基金启动,3只区域基金设立运行。初赛报名于11月30日截止,共吸引2805组报名。"
    assert _labels(text, "2025-12-26") == [("3只", "2025-12-26"), ("2805组", "2025-11-30")]


def test_years_ago_and_years_from_and_recent_years():
    # "五年前" in February 2016 is 2011; "近年" dates nothing; "2022年起" runs to publication
    assert _labels("五年前「數碼港培育計劃」只有廿多家培育公司,來到近年已超越50家。", "2016-02-18") == [
        ("廿多家", "2011"), ("50家", None),
    ]  # fmt: skip
    assert _labels("高校毕业生逐年增加,2022年起每年超千万人。", "2025-09-27") == [("千万人", "2022/2025")]


def test_the_past_two_years_stays_in_its_sentence():
    text = "新加坡的SEEDS Capital过去两年合共投资近两亿港元。香港的初创企业往往需要融资,预计会共同投资40至50间。"
    assert _labels(text, "2018-07-29") == [("两亿港元", "2016/2018"), ("40至50间", None)]


def test_a_policy_address_year_and_a_funds_size_date_no_figure():
    # the 2016 policy address announced the fund; its size is a standing term, undated
    assert _labels("2016 年《施政報告》宣布成立的 20 億元「創科創投基金」,近日公佈細節。", "2018-07-25") == [("20 億元", None)]
    text = "受助項目亦由2010年的10個,大增至2016年底的230個。\n\n兩億元投資創業基金定位Pre-Series A。"
    assert _labels(text, "2016-02-18")[-1] == ("兩億元", None)


def test_the_reporting_period_of_an_annual_report_is_the_year_its_headline_names():
    text = "2024年8月国家颁布《公平竞争审查条例》。报告期内,公司实现营业收入22,193.15万元。上述3个报告期内的亏损分别为4亿元和5亿元。"
    found = extract(text)
    contexts = resolve_chinese_contexts(text, found, "2025-04-18", title="创业黑马科技集团股份有限公司2024年年度报告")
    assert (found[0].text, contexts[0].period_label) == ("22,193.15万元", "2024")
    # without a report's headline naming its year, the reporting period is no time
    assert _labels(text, "2025-04-18")[0] == ("22,193.15万元", "2024-08")


def test_years_to_now_and_a_record_over_recent_years():
    assert _labels("數碼港投資者網絡成立5年至今,撮合67宗投資。", "2022-10-27") == [("67宗", "2017/2022")]
    text = "上半年新设个体8.22万家,增幅创近三年来新高。新设个体户中,制造业占新登记户数的95%以上。"
    assert [label for _, label in _labels(text, "2020-07-21")] == ["2020-H1", "2020-H1"]


def test_a_programme_launched_on_a_date_up_to_another_spans_both_spaced_dates_read_whole():
    # a Legislative Council reply, with the spaces a reprint puts around numbers
    text = "(一) 基金在 2016 年 8 月推出至 2017 年 3 月底,共接獲約 100 宗申請。營業利潤率由2017年的-238.88%提升。"
    assert _labels(text, "2017-04-12") == [("100 宗", "2016-08/2017-03"), ("238.88%", "2017")]


def test_a_surveys_shares_are_not_of_the_running_total_told_before_and_the_future_is_no_date():
    text = (
        "自2003年以来,创业担保贷款累计扶持135.7万人自主创业。调查显示,在获得贷款的创业户中,91.7%扩大了销售规模。"
        "未来,引导基金将推动设立超过600只子基金。"
    )
    assert _labels(text, "2018-05-23") == [("135.7万人", "2003/2018"), ("91.7%", None), ("600只", None)]


def test_the_whole_year_is_the_year_last_named_and_an_undated_opening_takes_the_headlines_period():
    assert _labels("2013年,技术市场活力持续释放。全年共签订技术合同29.5万项。", "2015-01-28") == [("29.5万项", "2013")]
    assert _labels("目前第二批还有高企623家,预计全年有望净增1800家。", "2022-12-07") == [("623家", None), ("1800家", "2022")]
    text = "“制造业回暖,新设制造业企业增长9.1%。”前三季度,全国共新设市场主体1845.0万户。"
    found = extract(text)
    contexts = resolve_chinese_contexts(text, found, "2020-11-12", title="市场监管总局：前三季度全国新设市场主体1845.0万户")
    assert [c.period_label for c in contexts] == ["2020-Q1/2020-Q3", "2020-Q1/2020-Q3"]


def test_a_taiwan_papers_bracketed_year_and_a_total_of_organisations_so_far():
    assert [(t.text, t.period.label) for t in find_chinese_times("馬雲今(2015)年初表示,去(113)年投資3億元", "2015-11-19")] == [
        ("今(2015)年", "2015"), ("去(113)年", "2024"),
    ]  # fmt: skip
    # how many there are after four years of selection: a level at an unsaid date
    text = "苏州市独角兽培育企业遴选工作开展4年来,独角兽培育企业累计达217家,带动就业超过8万人。"
    assert _labels(text, "2022-07-08") == [("217家", None), ("8万人", "2018/2022")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # quarters and months as Hong Kong and Taiwan papers write them; "四季" alone is seasons
        ("今年首季,新成立公司1200間", [("今年首季", "2023-Q1")]),
        ("今年首三季,融資額逾155億元", [("今年首三季", "2023-Q1/2023-Q3")]),
        ("2023年第一季,初創企業", [("2023年第一季", "2023-Q1")]),
        ("今年首5個月,登記", [("今年首5個月", "2023-01/2023-05")]),
        ("112年度投資金額達3億元", [("112年", "2023")]),  # a Taiwanese fiscal year
        ("一年四季都有活動", []),
        # a reprint's spaces between month and day
        ("截至 2017 年 3 月 31 日,共接獲約 100 宗", [("截至 2017 年 3 月 31 日", "2017-03-31")]),
    ],
)
def test_hong_kong_and_taiwan_quarters_and_spaced_days(text, expected):
    assert [(t.text, t.period.label) for t in find_chinese_times(text, "2023-11-01")] == expected


def test_cue_words_are_read_through_a_reprints_pinyin_glosses_and_traditional_characters():
    # a traditional-script reprint that glosses characters with pinyin
    text = "自2003年以來,該省累計(jì)扶持135.7萬人自主創業。\n\n調(diào)查顯示,在獲得貸款的創(chuàng)業(yè)戶中,91.7%擴大了銷售規模。"
    assert _labels(text, "2018-06-04") == [("135.7萬人", "2003/2018"), ("91.7%", None)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the year before or after the one the sentence names, else publication's
        ("2021年,全区研发投入由前一年的12亿元增至15亿元。", "2022-03-01", [("2021年", "2021", False), ("由前一年", "2020", True)]),
        ("该园区2019年开园,次年入驻企业80家。", "2022-03-01", [("2019年", "2019", False), ("次年", "2020", False)]),
        ("综合指数比上一年提高12.5。", "2016-10-13", [("比上一年", "2015", True)]),
        # ahead of schedule is no year
        ("全市提前一年完成目标。", "2016-10-13", []),
        # the years in a row up to the one the sentence names
        ("截至2024年底,全区科技型企业达到800家,连续三年保持10%以上增长。", "2025-02-01",
         [("截至2024年底", "2024", False), ("连续三年", "2022/2024", False)]),
        ("全市高新技术企业连续两年净增1000家以上。", "2023-11-01", [("连续两年", "2022/2023", False)]),
        # the past year is the year before publication, not a two-year span
        ("过去一年,园区企业融资总额约60亿元。", "2025-11-09", [("过去一年", "2024", False)]),
        ("近两年,园区企业融资总额约60亿元。", "2025-11-09", [("近两年", "2023/2025", False)]),
    ],
)
def test_years_told_against_the_year_the_sentence_names(text, published, expected):
    assert [(t.text, t.period.label, t.is_comparison) for t in find_chinese_times(text, published)] == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a quarter or run of months not yet begun (or half a year off) when the paper appeared is last year's
        ("分季度看,第三季度募资规模最大。", "2025-01-20", ["2024-Q3"]),
        ("1-9月,全市新增就业5万人。", "2025-02-10", ["2024-Q1/2024-Q3"]),
        # the month the paper appeared in, a year written or said, or a plan, stay this year's
        ("12月,全市新增企业800户。", "2025-12-05", ["2025-12"]),
        ("今年第三季度,全市新增企业800户。", "2025-01-20", ["2025-Q3"]),
        ("预计第三季度全市新增企业800户。", "2025-01-20", ["2025-Q3"]),
        # a nearer quarter is last year's too when the text was last telling of last year
        ("2024年全市新设基金300只。其中第二季度新设基金60只。", "2025-01-20", ["2024", "2024-Q2"]),
        ("第二季度全市新设基金60只。", "2025-01-20", ["2025-Q2"]),
    ],
)
def test_a_part_of_the_year_yet_to_come_without_a_year_is_last_years(text, published, expected):
    assert [t.period.label for t in find_chinese_times(text, published)] == expected


def test_a_finer_time_offers_its_whole_year_and_says_when_it_dates_an_event():
    from figures.chinese_context import _ChineseDocument

    text = "课题组于2020年4月到6月对全国高校应届毕业生展开抽样调查,共回收样本13767份。"
    quantities = extract(text)
    document = _ChineseDocument(text, quantities, "2020-11-20", None, "高校毕业生创业现状调查")
    candidates = document.candidates(0)
    offered = {c.time.period.label: c for c in candidates if c.time is not None}
    assert document.rule_choice(0).time.period.label == "2020-Q2"
    assert offered["2020"].time.is_year_of and not offered["2020"].rule
    features = document.features(0, candidates)[candidates.index(offered["2020"])]
    assert "year_of&where=sentence" in features and "event_time&where=sentence" in features


def test_leaving_a_figure_undated_is_described_by_how_far_back_the_text_last_named_a_period():
    from figures.chinese_context import _ChineseDocument

    text = "2019年,全市新增孵化器12家。\n园区占地面积3平方公里。"
    quantities = extract(text)
    document = _ChineseDocument(text, quantities, "2020-05-01", None, "《2019杭州独角兽榜单》发布")
    candidates = document.candidates(1)
    undated = next(c for c in candidates if c.time is None)
    features = document.features(1, candidates)[candidates.index(undated)]
    assert {"nearest_back=1&where=none", "nearest_other_paragraph&where=none", "nearest_kind=year&where=none",
            "edition_named&where=none"} <= set(features)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the level a change starts from, with no date of its own, is not of the change's period
        ("截至2015年底,大学毕业生返乡创业比例从几年前的0.5%增至1%。", [None, "2015"]),
        ("2018年,该市企业数由1.2万户增至1.5万户。", [None, "2018"]),
        # a date written straight before the base is still its own
        ("该市企业数由2017年的1.2万户增至2018年的1.5万户。", ["2017", "2018"]),
        # "而今" (nowadays) is no period, as "如今"
        ("2015年,公司搬进小镇,而今公司已有8项专利。", [None]),
    ],
)
def test_an_undated_base_of_a_change_and_nowadays_leave_a_figure_undated(text, expected):
    quantities = extract(text)
    assert [c.period_label for c in resolve_chinese_contexts(text, quantities, "2019-05-01")] == expected


def test_a_change_over_a_span_of_years_dates_its_base_and_the_level_it_reaches_by_the_ends():
    text = "2016—2023年全国独角兽企业总估值由近5000亿美元持续攀升至超1.2万亿美元,增长1.4倍。"
    quantities = extract(text)
    assert [(q.text, c.period_label) for q, c in zip(quantities, resolve_chinese_contexts(text, quantities, "2024-09-01"))] == [
        ("5000亿美元", "2016"),
        ("1.2万亿美元", "2023"),
        ("1.4倍", "2016/2023"),  # the change itself spans the years
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # this quarter or month: the one the text last named, else publication's
        ("2025年第一季度,共有992只基金完成募集。本季度大额基金募资趋缓。", ["2025-Q1", "2025-Q1"]),
        ("该月新增企业800户。", ["2025-04"]),
        ("本季度新增企业800户。", ["2025-Q2"]),
    ],
)
def test_this_quarter_or_month_is_the_one_last_named(text, expected):
    assert [t.period.label for t in find_chinese_times(text, "2025-04-20")] == expected


def test_this_week_runs_from_monday_to_the_publication_day():
    # 2023-11-17 is a Friday: a weekly report's week, and the whole week before as its base
    text = "截至11月17日,本周融资事件共77起,较上周减少了2起。本周一发布的数据显示。"
    times = find_chinese_times(text, "2023-11-17")
    assert [(t.text, t.period.label, t.is_comparison) for t in times] == [
        ("截至11月17日", "2023-11-17", False),
        ("本周", "2023-11-13/2023-11-17", False),
        ("较上周", "2023-11-06/2023-11-12", True),
    ]
    assert _labels(text, "2023-11-17")[0] == ("77起", "2023-11-13/2023-11-17")


def test_a_demonstrative_restatement_takes_the_period_of_the_figure_it_points_back_at():
    text = (
        "截至2025年底,台灣新創企業家數達到1萬552家。\n經濟部自2025年起每年發布白皮書。\n"
        "這1萬552家新創當中,不但已有278家公開上市,其在2024年獲得投資的金額也達到1,002億。"
    )
    assert _labels(text, "2026-02-02")[:2] == [("1萬552家", "2025"), ("1萬552家", "2025")]
    # a small count after a bare demonstrative is too common a value to say which figure it restates
    text = "截至2025年底,已有两家加速器。\n經濟部自2025年起每年發布白皮書。\n這两家在2024年獲得投資1,002億。"
    assert _labels(text, "2026-02-02")[1][1] == "2024"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a run of quarters written as a range
        ("今年1至3季度,东湖高新区完成企业总收入6028亿元。", [("6028亿元", "2011-Q1/2011-Q3")]),
        # a quoted plan after 比 is the comparison's base, not the figure's period
        ("“十二五”期间,市场主体年均增长14.6%,比“十一五”时期提高7.7个百分点。",
         [("14.6%", "2011/2015"), ("7.7个百分点", "2011/2015")]),
        # a change of a level between two dates of one year runs from the month after the base
        ("二季度末,城镇登记失业人数908万人,比一季度末减少1万人。", [("908万人", "2011-06"), ("1万人", "2011-Q2")]),
    ],
)
def test_quarter_ranges_quoted_plans_and_changes_within_a_year(text, expected):
    assert _labels(text, "2011-12-20") == expected


def test_years_ago_dates_its_own_sentence_only():
    text = "五年前,园区只有企业20家。园区企业共有300家。园区去年新增企业80家。"
    quantities = extract(text)
    assert [c.period_label for c in resolve_chinese_contexts(text, quantities, "2020-05-01")] == ["2015", None, "2019"]


def test_a_span_since_a_start_dates_its_paragraph_only():
    text = "2015年以来,全市累计新增孵化器30家。其中国家级孵化器12家。\n园区企业营业收入5亿元。"
    quantities = extract(text)
    assert [c.period_label for c in resolve_chinese_contexts(text, quantities, "2020-05-01")] == ["2015/2020", "2015/2020", None]


def test_a_count_of_years_with_a_change_runs_back_from_the_year_its_sentence_names():
    # "五年增长" counts five years of growth from the year before them, "六年间" the six years themselves
    text = "截至2020年底，全市创客空间达到96家，五年增长了近两倍。"
    assert _labels(text, "2021-04-02") == [("96家", "2020"), ("两倍", "2015/2020")]
    text = "2019年，园区企业营收达410亿元，六年间年均增长9.5%。"
    assert _labels(text, "2020-05-06") == [("410亿元", "2019"), ("9.5%", "2014/2019")]
    # with no year of its own the count runs back from publication; a loan's term is no period
    assert _labels("孵化企业三年累计融资8亿元。", "2022-03-01") == [("8亿元", "2019/2022")]
    assert _labels("贷款期限为3年，最高额度50万元。", "2022-03-01") == [("3年", None), ("50万元", None)]


def test_recent_years_count_back_from_the_year_their_sentence_names_but_not_from_a_base():
    assert [t.period.label for t in find_chinese_times("2017年，全省新设企业12万户，近三年年均增长15%。", "2019-06-01")] == [
        "2017", "2014/2017",
    ]  # fmt: skip
    # "是2014年的2.1倍，十年来……": the base year is no anchor; the ten years run to publication
    labels = [t.period.label for t in find_chinese_times("截至今年6月底，个体户达8千万户，是2014年的2.1倍，十年来年均增长8%。", "2024-08-01")]
    assert labels[-1] == "2014/2024"


def test_as_of_this_point_is_no_date():
    # "至此" sums up what the sentences before told: no period of its own, like "目前"
    text = "2023年5月,园区又有3家孵化器获批。至此,全区孵化器增至25家。"
    assert _labels(text, "2023-06-15") == [("3家", "2023-05"), ("25家", None)]
    # "至" before a date still closes it
    assert _labels("至2022年底,全区孵化器增至25家。", "2023-06-15") == [("25家", "2022")]


def test_a_superlative_told_with_a_comma_is_a_ranking_not_a_cap():
    text = "2022年,从行业看,软件企业营业收入最高,达1200亿元;制造业从业人员最多,达8万人。"
    assert _labels(text, "2023-03-01") == [("1200亿元", "2022"), ("8万人", "2022")]
    # a programme's cap stays undated
    assert _labels("2022年,入选企业最高可获补助50万元。", "2023-03-01") == [("50万元", None)]
    # so does a rule's floor or ceiling ("不得少于", "不得超过")
    text = "2018年,合并计算的股权不得少于50%,单笔贷款不得超过300万元。"
    assert _labels(text, "2018-06-02") == [("50%", None), ("300万元", None)]


def test_the_whole_of_a_year_written_before_it_is_that_years():
    text = "2025年一季度,新募基金规模同比下降2.9%,较2024年全年降幅(20.8%)有所收窄。"
    assert _labels(text, "2025-04-20") == [("2.9%", "2025-Q1"), ("20.8%", "2024")]


def test_a_change_against_the_same_part_of_an_earlier_year_spans_from_that_part():
    text = "今年三季度,全市城镇调查失业率均值为5.0%,比2019年同期下降0.2个百分点。"
    assert _labels(text, "2021-10-27") == [("5.0%", "2021-Q3"), ("0.2个百分点", "2019-Q3/2021-Q3")]
    # against a whole earlier year, from that year
    assert _labels("2021年,全市新增就业5万人,比2019年增加1万人。", "2022-01-20") == [("5万人", "2021"), ("1万人", "2019/2021")]


def test_a_streak_counted_from_publication_is_also_offered_ending_the_year_before():
    text = "全区高新技术企业数量达到1200家,连续四年保持15%以上增长。"
    quantities = extract(text)
    figure = next(i for i, q in enumerate(quantities) if q.text.startswith("15%"))
    document = _ChineseDocument(text, quantities, "2024-02-20", None)
    candidates = document.candidates(figure)
    offered = {c.time.period.label: c for c in candidates if c.time is not None}
    # the words' own reading (the four years up to publication) and the four years up to the
    # last year reported, told apart by a feature the chooser weighs
    assert {"2021/2024", "2020/2023"} <= set(offered)
    assert offered["2021/2024"].time.reading == "" and offered["2020/2023"].time.reading == "end_before"
    features = document.features(figure, candidates)[candidates.index(offered["2020/2023"])]
    assert {"reading=end_before&where=clause", "reading=end_before&published=q1&where=clause"} <= set(features)
    # a streak whose sentence writes its year counts from that year: no other reading
    text = "2022年,全区高新技术企业连续四年保持15%以上增长。"
    quantities = extract(text)
    figure = next(i for i, q in enumerate(quantities) if q.text.startswith("15%"))
    document = _ChineseDocument(text, quantities, "2024-02-20", None)
    labels = {c.time.period.label for c in document.candidates(figure) if c.time is not None}
    assert "2019/2022" in labels and not any(c.time.reading for c in document.candidates(figure) if c.time is not None)


def test_years_of_growth_counted_from_publication_are_offered_ending_the_year_before():
    text = "从产业规模看,该市软件产业3年年均增长9.5%,产业收入再创新高。"
    quantities = extract(text)
    figure = next(i for i, q in enumerate(quantities) if q.text.startswith("9.5"))
    document = _ChineseDocument(text, quantities, "2021-11-30", None)
    labels = [c.time.period.label for c in document.candidates(figure) if c.time is not None]
    assert "2018/2021" in labels and "2017/2020" in labels
    # "N年来" keeps the guide's one reading, counted back from publication
    text = "五年来,园区累计引进创业团队420个。"
    quantities = extract(text)
    document = _ChineseDocument(text, quantities, "2021-11-30", None)
    spans = [c.time.period.label for c in document.candidates(0) if c.time is not None and c.time.period.granularity == "multi_year"]
    assert spans == ["2016/2021"]


# A government release on a yearly survey (a dev document, verbatim, whole).
HONG_KONG_SURVEY_2021 = (
    '驻港海外及内地公司和初创企业数字创新高\n'
    '*******************\n'
    '最新的年度统计调查结果显示,二○二一年母公司在海外及内地的驻港公司数目达9 049间,香港的初创企业数目亦增加至3 755间,两项数字均创新高,显示香港的营商环境依然优越,是企业设立或扩展业务的理想地点。\n'
    '商务及经济发展局局长邱腾华说:「过去两年,纵然香港在社会和经济方面均经历重重挑战,但仍能沉着应对,维持独特的优势和对国际和内地商业社群的吸引力。香港初创企业茁壮成长,数目亦增长骄人,实在难能可贵。政府会继续加强投资推广工作,吸引更多海外和内地企业到港营商,并致力孕育初创企业,为经济注入新动力。」\n'
    '根据投资推广署及政府统计处共同进行的「二零二一年有香港境外母公司的驻港公司按年统计调查」,海外及内地的驻港公司数目由二○一七年的8 225间增加10%至二○二一年的9 049间。该9 049间公司包括1 457间地区总部、2 483间地区办事处及5 109间当地办事处。\n'
    '就业方面,这些海外及内地公司的总就业人数达四十七万三千人,较二○一七年的四十四万三千人增加约7%。\n'
    '按母公司所在的国家/地区分析,内地居榜首,共有2 080间公司,之后分别为日本(1 388间)、美国(1 267间)、英国(667间)及新加坡(449间)。\n'
    '按行业分类而言,进出口贸易、批发及零售业居首位,共有4 294间公司,其次是金融及银行业(1 728间)和专业、商用及教育服务业(1 361间)。\n'
    '此外,投资推广署进行的「二零二一年初创企业统计调查」结果显示,香港的初创企业持续蓬勃发展,数目较二○一七年增加68.5%至3 755间。\n'
    '这些初创企业雇用13 804人,较二○一七年增加118%,遍布各行各业,例如金融科技、电子商贸、供应链管理和物流科技,以及专业或顾问服务等。\n'
    '完\n'
    '2021年10月7日(星期四)'
)


def test_a_breakdown_of_a_surveys_total_takes_the_surveys_year():
    # the survey's total, then its breakdown by the parent company's place and by trade: of the
    # survey's year, though their sentences name none
    quantities = extract(HONG_KONG_SURVEY_2021)
    contexts = resolve_contexts(HONG_KONG_SURVEY_2021, quantities, "2021-10-07")
    periods = {q.text: c.period_label for q, c in zip(quantities, contexts)}
    assert periods["2 080间"] == "2021"
    assert periods["4 294间"] == "2021"


def test_a_list_named_by_its_year_stands_at_the_day_its_data_are_dated():
    # the 2021 list's data run to the end of 2020: its counts stand at that day, not at 2021
    title = "胡润研究院发布《2021全球独角兽榜》"
    dated = "胡润研究院今天发布《2021全球独角兽榜》，榜单统计截至2020年12月31日。中国共有301家独角兽企业。"
    undated = "胡润研究院今天发布《2021全球独角兽榜》。中国共有301家独角兽企业。"
    for text, period in ((dated, "2020-12-31"), (undated, "2021")):
        quantities = extract(text)
        contexts = resolve_chinese_contexts(text, quantities, "2021-12-20", title=title)
        assert [(q.text, c.period_label) for q, c in zip(quantities, contexts)] == [("301家", period)]


def test_a_lists_cutoff_day_dates_its_counts_where_no_sentence_carries_it():
    # no time the figure's paragraph carries; the note at the end dates the list's data: the
    # count stands at that day, not at the edition's year
    text = "自2000年以来，全球涌现出大批独角兽。\n\n全球共有1058家独角兽企业。\n\n注：榜单统计截至2020年12月31日。"
    quantities = extract(text)
    contexts = resolve_chinese_contexts(text, quantities, "2021-12-20", title="胡润研究院发布《2021全球独角兽榜》")
    assert [(q.text, c.period_label) for q, c in zip(quantities, contexts)] == [("1058家", "2020-12-31")]


def test_a_work_the_opening_names_by_its_year_dates_the_undated_counts_and_within_years_is_not_carried():
    # the list released is named by its year in the text only (no headline); "三年内" says within
    # how long the listed firms may grow, and dates no later sentence (a dev document's opening)
    text = (
        "12月2日,胡润研究院与天九共享集团联合发布《2021天九共享胡润中国瞪羚企业》,旨在寻找中国高成长企业,"
        "这些企业成立于2000年之后,最有可能在三年内达到独角兽级别的百亿美元估值。\n"
        "中国新发现的114家最有可能在三年内达到独角兽级别百亿美元估值的高成长企业(瞪羚企业),上榜比例达到171%。"
        "从地域来看,深圳增加了14位,超过杭州,以21位排名第三。此外,粤港澳大湾区有31家,占总榜单的18%。"
    )
    labels = dict(_labels(text, "2021-12"))
    assert (labels["14位"], labels["31家"], labels["18%"]) == ("2021", "2021", "2021")


def test_by_the_years_end_a_forecast_looks_to_is_that_year_expected():
    text = "我省民营经济进入加速发展阶段。预计到年底,民营经济增加值的比重将达38%,提供税金160亿元。"
    found = extract(text)
    contexts = resolve_chinese_contexts(text, found, "2004-12-20")
    assert [(c.period_label, c.status) for c in contexts] == [("2004", "expected"), ("2004", "expected")]
    # an aim sets a target; a year-end told of a past year names no year of its own
    assert resolve_chinese_contexts("力争到2025年,孵化器达500家。", extract("力争到2025年,孵化器达500家。"), "2022-03-20")[0].status == "target"
    assert _labels("2016年,全市新增企业2万户。到年底,全市企业总数达30万户。", "2017-03-20")[1] != ("30万户", "2017")


def test_the_parts_a_semicolon_splits_off_go_on_from_the_sentences_one_date():
    # with the trained chooser, as the pipeline reads them (a dev document's paragraphs): the
    # graduates taken on after the semicolon are the end of 2017's, not October 2018's
    text = (
        "近年来,国家级高新技术开发区建设逐渐活跃。从历年国家级高新技术开发区批复情况来看,截止到2018年10月,我国国家级高新技术开发区共有156个。\n"
        "从营业收入来看,2017年底,高新区实现营业收入30.71万亿元,同比增长9.03%;2017全年实现税收收入1.2万亿元,同比增长20.1%。\n"
        "从企业从业人员情况来看,截至2017年底,全国高新区内企业年末从业人员1940.6万人,较上年增加134.7万人;吸纳高校应届毕业生61.5万人,较上年增加7.6万人。"
    )
    found = extract(text)
    labels = {q.text: c.period_label for q, c in zip(found, resolve_contexts(text, found, "2019"))}
    assert (labels["156个"], labels["1940.6万人"], labels["61.5万人"], labels["7.6万人"]) == ("2018-10", "2017", "2017", "2017")


def test_news_of_an_event_is_offered_its_publication_month_and_a_day_its_month():
    from figures.chinese_context import _ChineseDocument

    # told with no date: the month of publication, beside the document's year and no period
    text = "市创业投资引导基金首批7个合作项目昨天签约,合计募集资金5.85亿元。"
    quantities = extract(text)
    document = _ChineseDocument(text, quantities, "2012-04-01", None)
    offered = [(c.time.period.label if c.time else None, c.source) for c in document.candidates(1)]
    assert ("2012-04", "publication") in offered
    assert (None, "none") in offered
    # a change compares periods: no event's month for it
    text = "市创业投资引导基金首批项目昨天签约,募集资金同比增长12%。"
    quantities = extract(text)
    document = _ChineseDocument(text, quantities, "2012-04-01", None)
    assert not [c for c in document.candidates(0) if c.source == "publication"]
    # a day the news tells ("10月11日公布") is also offered as its month, not a cut-off ("截至11月22日")
    text = "创新科技署10月11日公布,创科创投基金新增五个共同投资伙伴。截至11月22日,自贸区共办结新设企业1434家。"
    quantities = extract(text)
    document = _ChineseDocument(text, quantities, "2022-11-30", None)
    assert "2022-10" in [c.time.period.label for c in document.candidates(0) if c.time is not None]
    assert "2022-11" not in [c.time.period.label for c in document.candidates(1) if c.time is not None and c.source != "publication"]
