"""Periods and status of figures in Chinese text (figures/chinese_context.py), reached through
figures.context.resolve_contexts like English text."""

from __future__ import annotations

import pytest

from figures.chinese_context import find_chinese_times
from figures.context import resolve_contexts
from figures.quantities import extract


@pytest.mark.parametrize(
    ("expression", "label", "is_point", "is_comparison"),
    [
        ("2016年", "2016", False, False),
        ("截至2016年底", "2016", True, False),
        ("从1987年至2016年底", "2016", True, False),
        ("2016年上半年", "2016-H1", False, False),
        ("今年前三季度", "2017-Q1/2017-Q3", False, False),
        ("二季度", "2017-Q2", False, False),
        ("截至2017年6月底", "2017-06", True, False),
        ("截至2017 年12 月", "2017-12", True, False),
        ("今年1-8月", "2017-01/2017-08", False, False),
        ("2022年1至8月", "2022-01/2022-08", False, False),
        ("去年", "2016", False, False),
        ("较去年底", "2016", True, True),
        ("与2015年", "2015", False, True),
        ("2013至2015年", "2013/2015", False, False),
        ("十三五”期间", "2016/2020", False, False),
        ("今年以来", "2017", False, False),
        ("截至2017年6月30日", "2017-06-30", True, False),
        ("目前", "2017-10", True, False),
        ("三年多来", "2013/2017", False, False),
    ],
)
def test_chinese_time_expressions_name_their_period(expression, label, is_point, is_comparison):
    times = find_chinese_times(f"“{expression}，全国众创空间有4298家。", "2017-10-20")
    assert [(t.text, t.period.label, t.is_point, t.is_comparison) for t in times] == [
        (expression, label, is_point, is_comparison)
    ]


def test_figures_take_their_sentence_period_then_the_paragraph_lead():
    text = (
        "截至2016年底，全国众创空间有4298家。今年前三季度，全国日均新设企业1.66万户。"
        "其中，新设企业589.8万户，较去年底增长9.0%。按2017年底全国人口计算，每千人拥有企业23.25户。"
        "预计到2020年，众创空间将达到1万家。"
    )
    quantities = extract(text)
    contexts = resolve_contexts(text, quantities, "2017-10-20")
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
