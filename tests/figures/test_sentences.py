"""figures.sentences: sentence boundaries and exact character offsets."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from figures.sentences import Sentence, split_sentences
from figures.text import to_clean_text

EMBASSY_PARAGRAPHS = (
    "1. The makers' spaces bring increasing impact to industries and become basic service platforms\n\n"
    "In 2017, there were 5,739 makers' spaces according to statistics of Torch Center, an increase of over 33% "
    "compared with 2016. The spaces covered a total area of more than 25 million \ufffd, provided over 1.05 million "
    "job opportunities. More than 1.7 million people were hired.\n\n"
    "2. Top-level design has been strengthened gradually and policy dividend released"
)


def assert_well_formed(text: str, sentences: tuple[Sentence, ...]) -> None:
    """Offsets slice exactly; in order, no overlap, trimmed, nothing non-blank left out."""
    previous_end = 0
    for index, sentence in enumerate(sentences):
        assert sentence.index == index
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text and sentence.text == sentence.text.strip()
        assert sentence.start >= previous_end
        assert not text[previous_end : sentence.start].strip()  # only whitespace between sentences
        previous_end = sentence.end
    assert not text[previous_end:].strip()


def test_sentences_of_a_report_paragraph_with_decimals_and_headings():
    sentences = split_sentences(EMBASSY_PARAGRAPHS)
    assert [s.text for s in sentences] == [
        "1. The makers' spaces bring increasing impact to industries and become basic service platforms",
        (
            "In 2017, there were 5,739 makers' spaces according to statistics of Torch Center, "
            "an increase of over 33% compared with 2016."
        ),
        "The spaces covered a total area of more than 25 million \ufffd, provided over 1.05 million job opportunities.",
        "More than 1.7 million people were hired.",
        "2. Top-level design has been strengthened gradually and policy dividend released",
    ]
    assert_well_formed(EMBASSY_PARAGRAPHS, sentences)


def test_inline_enumeration_stays_in_one_sentence():
    text = (
        "Sixthly, improve the financing mechanism by 1) piloting Internet equity crowdfunding; 2) regulating "
        "regional equity markets for SMEs; and 3) encouraging banks to serve technology-based SMEs. "
        "Seventhly, expand activities."
    )
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        text[: text.index(" Seventhly")],
        "Seventhly, expand activities.",
    ]


def test_a_run_in_list_of_headlines_splits_at_each_bullet():
    # A news page's headline ticker: each item says where its own figures hold.
    text = "Albania to invest 50 mln USD in power grid • Attack kills 3, wounds 18 in S. Afghanistan • Markets rally"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Albania to invest 50 mln USD in power grid",
        "• Attack kills 3, wounds 18 in S. Afghanistan",
        "• Markets rally",
    ]
    assert_well_formed(text, sentences)
    # a bullet that is not between words (a list item's marker) adds no boundary
    assert [s.text for s in split_sentences("• 3,255 incubators in 2016.")] == ["• 3,255 incubators in 2016."]


def test_a_chinese_page_of_run_in_items_splits_at_reference_marks_and_spaced_dashes():
    text = ("发行概况 - 公司于11月24日启动发行,发行价为114.28元/股 [1] - 本次募资总额为80亿元 [3][5] "
            "财务数据 - 2025年上半年营业收入为7.02亿元 [5] - 3 - 5万元的补贴不是新条目。")
    sentences = split_sentences(text)
    assert_well_formed(text, sentences)
    assert [s.text for s in sentences] == [
        "发行概况",
        "- 公司于11月24日启动发行,发行价为114.28元/股 [1]",
        "- 本次募资总额为80亿元 [3][5]",
        "财务数据",
        "- 2025年上半年营业收入为7.02亿元 [5]",
        "- 3 - 5万元的补贴不是新条目。",
    ]


def test_abbreviations_and_initials_do_not_end_sentences():
    text = "Liulishuo, Eleme, No.1 food delivery and ZIB grew. Ministry of Science and Technology(MOST), P.R.China is here."
    assert [s.text for s in split_sentences(text)] == [
        "Liulishuo, Eleme, No.1 food delivery and ZIB grew.",
        "Ministry of Science and Technology(MOST), P.R.China is here.",
    ]


def test_empty_and_blank_text_have_no_sentences():
    assert split_sentences("") == ()
    assert split_sentences(" \n\n \t") == ()


def test_offsets_slice_the_clean_text_of_every_kind_of_input():
    inputs = {
        "text": "Translation by Ren Zegang\n\n\n“The annual sales of 2012 was 1 million yuan.” Ji said. It grew.\n",
        "markdown": "## **Special Issue:**\n\n- **Li Keqiang: Drive Innovation**\n\nIn 2014, China had over 1,600 incubators.",
        "html": "<html><body><p>In 2016, 53.96 billion yuan ($7.83 billion) was raised. Data shows 1.7 programs a day.</p></body></html>",
    }
    for fmt, raw in inputs.items():
        clean = to_clean_text(raw.encode("utf-8"), fmt).text
        sentences = split_sentences(clean)
        assert len(sentences) >= 2, fmt
        assert_well_formed(clean, sentences)


PROSE_ALPHABET = st.sampled_from(
    list("abcdefgXYZ 0123456789.,;!?\"'()-—“”’\n\t\u00a0\u3000中文。$%") + [" ", " ", "e "]
)


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=0, max_size=300))
def test_any_text_splits_into_exact_non_overlapping_sentences(text):
    assert_well_formed(text, split_sentences(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(PROSE_ALPHABET, max_size=400).map("".join))
def test_prose_like_text_splits_into_exact_non_overlapping_sentences(text):
    sentences = split_sentences(text)
    assert_well_formed(text, sentences)
    assert all(
        not re.search(r"\n[^\S\n]*\n", s.text) for s in sentences
    )  # blank lines end sentences
