"""Periods a Chinese document declares for all its data (a cut-off, a list's or report's own year),
offered to every figure as a "declared" candidate, and readings the candidates missed
(a sentence dated only by a day, a graduating class, a figure in brackets after its date)."""

from __future__ import annotations

from figures.chinese_context import _ChineseDocument
from figures.quantities import extract

# --- Chinese documents -----------------------------------------------------------------------


def chinese(text: str, published_on: str, title: str | None = None) -> _ChineseDocument:
    return _ChineseDocument(text, extract(text), published_on, None, title)


def chinese_readings(document: _ChineseDocument, surface: str, source: str | None = "declared") -> list[tuple[str, bool, str]]:
    figure = next(i for i, q in enumerate(document.quantities) if q.text == surface)
    readings = []
    for candidate in document.candidates(figure):
        if source is None or candidate.source == source:
            context = document.context(figure, candidate, None)
            readings.append((context.period_label, context.period_is_point_in_time, context.period_source))
    return readings


def test_a_chinese_time_node_for_a_list_is_offered_as_a_point():
    document = chinese("本榜单以2021年6月30日为时间节点。\n上榜企业共有320家，其中北京有80家。", "2021-09-10")
    assert chinese_readings(document, "320家") == [("2021-06-30", True, "document")]
    assert chinese_readings(document, "80家") == [("2021-06-30", True, "document")]
    assert document.declared()[0][1] == ["declared=cutoff", "cue=node", "found_in=opening", "methodology"]


def test_a_chinese_cutoff_mid_sentence_reaches_the_next_sentence_as_declared():
    # the sentence before offers its first time (昨天) and its last (今年), not the cut-off between
    # them; the declared cut-off is offered, and the rules move the year it falls in (今年) to it
    document = chinese(
        "研究院昨天发布独角兽名单，截至2022年9月30日止，今年全球共有1300家独角兽企业。\n其中中国有300家。", "2022-12-01"
    )
    assert chinese_readings(document, "300家", None) == [
        ("2022-09-30", True, "discourse"),  # the rules: 今年, at the declared cut-off
        ("2022", True, "discourse"),  # 昨天
        ("2022", False, "discourse"),  # 今年
        ("2022", False, "document"),
        ("2021", False, "document"),
        ("2022-12", False, "document"),  # the publication month (its period_source is document)
        ("2022-09-30", True, "document"),
        (None, False, "none"),
    ]
    figure = next(i for i, q in enumerate(document.quantities) if q.text == "1300家")
    candidates = document.candidates(figure)
    features = next(f for c, f in zip(candidates, document.features(figure, candidates)) if c.source == "declared")
    assert "cue=until&where=declared" in features
    assert "declared_vs_rule=same&where=declared" in features  # the rules move 今年, which holds the cut-off, to it


def test_a_chinese_report_year_before_the_document_years_is_offered():
    document = chinese("《2019中国创业投资发展报告》显示，全国创投机构管理资本总量达9000亿元。", "2021-03-01")
    assert chinese_readings(document, "9000亿元") == [("2019", False, "document")]
    assert document.edition_years() == {2019: ["opening"]}


def test_a_chinese_statistics_period_in_a_sentence_without_figures():
    document = chinese("本次调查的数据时间为2020年。\n受访企业中，68%表示营收增长。", "2021-05-01")
    assert chinese_readings(document, "68%") == [("2020", False, "document")]
    assert "methodology" in document.declared()[0][1]


def test_a_chinese_list_year_the_document_may_report_on_is_a_detail_of_that_year():
    document = chinese("上榜企业共有157家。", "2022-07-08", "2021年度苏州市独角兽培育企业榜单出炉")
    assert document.declared() == []
    details = document.document_year_details()
    assert "edition_names" in details[2021] and "edition_in=title" in details[2021]
    assert "edition_names" not in details[2022]


# --- Missed readings: a sentence dated only by a day, a graduating class, a figure in brackets -------


def test_a_chinese_dateline_day_leaves_the_document_years_offered():
    document = chinese("本报杭州5月6日电 全省科技型企业数量同比增长12%。", "2020-05-07")
    assert [r for r in chinese_readings(document, "12%", "document")] == [("2020", False, "document"), ("2019", False, "document")]


def test_a_graduating_class_year_dates_its_bracketed_figure():
    from figures.chinese_context import resolve_chinese_contexts

    text = "2019届毕业生的创业比例(3.1%)高于2018届(2.7%)。"
    quantities = extract(text)
    contexts = resolve_chinese_contexts(text, quantities, "2020-06-01")
    assert {q.text: c.period_label for q, c in zip(quantities, contexts)} == {"3.1%": "2019", "2.7%": "2018"}


def test_a_base_date_dates_the_figure_in_brackets_after_it():
    from figures.chinese_context import resolve_chinese_contexts

    text = "截至2022年底，全区企业达5.2万家，较2020年底(4.1万家)增长27%。"
    quantities = extract(text)
    contexts = resolve_chinese_contexts(text, quantities, "2023-03-01")
    assert {q.text: c.period_label for q, c in zip(quantities, contexts)}["4.1万家"] == "2020"
