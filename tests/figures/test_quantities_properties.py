"""Properties that hold for any input: extract never raises, offsets slice the input to the
surface text, ranges are ordered, and every field has an allowed value."""

import json

from hypothesis import example, given, settings
from hypothesis import strategies as st

from figures.quantities import QUALIFIERS, STATUS_HINTS, UNIT_CLASSES, extract

# Pieces of figure-like prose, so that generated text reaches the interesting paths far more
# often than random characters would.
FRAGMENTS = st.sampled_from(
    [
        "1",
        "2,500",
        "3 255",
        "0.5",
        "17.",
        "2017",
        "-",
        "–",
        " to ",
        " and ",
        "between ",
        "from ",
        "over ",
        "about ",
        "up to ",
        "more than ",
        "US$",
        "$",
        "¥",
        "RMB ",
        "€",
        "HK$",
        "(",
        ")",
        "%",
        " percent",
        " billion",
        " billon",
        " mln",
        "k",
        "m",
        " thousands",
        " yuan",
        " dollars",
        " ㎡",
        " sq m",
        " km",
        " kg",
        " tonnes",
        " years",
        " times",
        "-fold",
        " per day",
        " a kilogram",
        "/kg",
        " makers' spaces",
        " companies",
        "one",
        "two",
        "twenty-five",
        "a dozen",
        "half",
        "a",
        " hundred",
        "twice",
        "-plus",
        "+",
        " or so",
        "May 7, ",
        "No.",
        "Article ",
        "COVID-19",
        "\n",
        "\n\n",
        ". ",
        ", ",
        "@x.org",
        "www.",
        "+86-21-",
        "13th ",
        "Firstly",
        "1. ",
        "1) ",
        "'90",
        " expected",
        " will ",
        " increase of ",
        " year-on-year",
        " compared with 2016",
        "İ",
        "ǅ",
    ]
)
FIGURE_LIKE = st.lists(FRAGMENTS, max_size=30).map("".join)


def _check(text: str) -> None:
    quantities = extract(text)
    previous_start = -1
    for index, q in enumerate(quantities):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.start >= previous_start
        previous_start = q.start
        assert q.low <= q.high
        if q.value is not None:
            assert q.low == q.value == q.high
        assert q.unit_class in UNIT_CLASSES
        assert q.qualifier in QUALIFIERS
        assert q.status_hint is None or q.status_hint in STATUS_HINTS
        assert q.change in (None, "increase", "decrease")
        assert q.equivalent_of is None or 0 <= q.equivalent_of < index
        json.dumps(q.to_dict())


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=300))
def test_any_text(text):
    _check(text)


@settings(max_examples=1500, deadline=None)
@given(FIGURE_LIKE)
def test_figure_like_text(text):
    _check(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(FRAGMENTS, st.text(max_size=5)), max_size=40).map("".join))
def test_figure_fragments_mixed_with_noise(text):
    _check(text)


def test_empty_and_whitespace():
    assert extract("") == []
    assert extract("   \n\n ") == []


# Pieces of Chinese figure prose: numerals, scales, measure words, ratios, index levels, terms.
CHINESE_FRAGMENTS = st.sampled_from(
    [
        "1", "2,500", "1 323.6", "0.5", "2015", "三", "两", "廿", "十", "百", "千", "万", "亿", "萬億", "兆",
        "千亿", "亿万", "万众", "元", "美元", "美金", "新台幣", "人民币", "家", "組", "席", "年", "个月",
        "%", "成", "倍", "多", "余", "以上", "左右", "超", "破", "近", "上", "约", "级", "资金", "基金",
        ":", "∶", "至", "-", "、", "和", "，", "。", "比例", "比", "指数", "指數(shù)", "为", "達(dá)",
        "(以2014年为100)", "分别", "提高", "下降", "同比增长", "存续期", "最长可达", "不超过", "第", "每",
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(CHINESE_FRAGMENTS, max_size=30).map("".join))
@example("存续期百三年")  # a term in years whose characters no numeral reads: once a crash
def test_chinese_figure_like_text(text):
    _check("中文" + text)
