"""Chinese documents through ingestion: every usual encoding (UTF-8, GB18030/GBK, Big5) of real
corpus documents gives the same clean text; HTML and PDF in Chinese; language from the sidecar
or detected from the text; Chinese line joining and sentence boundaries with exact offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from figures.ingest import ingest_sources
from figures.sentences import split_sentences
from figures.text import clean_plain_text, detect_language, to_clean_text
from tests.figures.test_ingest import add_document, by_id

ZH_CORPUS = Path(__file__).resolve().parents[2] / "benchmarks" / "meaning_corpus_zh" / "documents"
SIMPLIFIED_DOC = next(ZH_CORPUS.rglob("2020-10-31_economic-daily-*.txt"))
TRADITIONAL_DOC = next(ZH_CORPUS.rglob("2007-03-22_fswenwen-*.txt"))


@pytest.mark.parametrize(
    ("document", "encodings"),
    [
        (SIMPLIFIED_DOC, ("utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16")),
        (TRADITIONAL_DOC, ("utf-8", "big5", "gb18030", "utf-16")),
    ],
)
def test_real_chinese_documents_give_one_clean_text_in_every_encoding(tmp_path, document, encodings):
    text = document.read_text(encoding="utf-8")
    root = tmp_path / "sources"
    for number, encoding in enumerate(encodings):
        add_document(root, f"doc{number}.txt", content=text.encode(encoding), language=...)
    docs = by_id(ingest_sources(root))
    assert {doc.status for doc in docs.values()} == {"ok"}
    assert len({doc.clean_text for doc in docs.values()}) == 1
    assert docs["doc0"].clean_text == clean_plain_text(text)
    detected = {doc.encoding for doc in docs.values()}
    assert detected == {"utf_8", "utf_16", *(("gb18030",) if "gbk" in encodings else ("big5", "gb18030"))}
    expected_language = "zh-Hans" if document is SIMPLIFIED_DOC else "zh-Hant"
    assert {doc.language for doc in docs.values()} == {expected_language}


def test_sidecar_language_is_kept_and_a_contradiction_is_a_warning(tmp_path):
    root = tmp_path / "sources"
    chinese = SIMPLIFIED_DOC.read_text(encoding="utf-8")
    add_document(root, "declared.txt", content=chinese, language="zh")
    add_document(root, "wrong.txt", content=chinese, language="en")
    add_document(root, "english.txt", language=...)
    docs = by_id(ingest_sources(root))
    assert docs["declared"].language == "zh" and docs["declared"].warnings == ()
    assert docs["wrong"].language == "en"
    assert docs["wrong"].warnings == ("sidecar language 'en' but the text reads as 'zh-Hans'",)
    assert docs["english"].language == "en"


def test_language_detection_reads_script_and_ignores_a_few_chinese_names():
    assert detect_language("國家高新區實現營業收入12.35萬億元。") == "zh-Hant"
    assert detect_language("国家高新区实现营业收入12.35万亿元。") == "zh-Hans"
    assert detect_language("Zhongguancun (中关村) hosts 1,600 incubators and makerspaces.") == "en"
    assert detect_language("No Chinese at all.") == "en"


def test_chinese_html_in_gbk_is_decoded_and_its_main_text_kept():
    page = (
        '<html><head><meta charset="gbk"><title>众创空间</title></head><body>'
        "<nav>首页 | 新闻 | 联系我们</nav><article><h1>我国众创空间超4200家</h1>"
        "<p>记者从科技部获悉，我国众创空间数量超过4200家，服务创业企业和团队超过40万家。</p>"
        "<p>目前科技特派员已达73.9万人，服务农民6000万人。</p></article></body></html>"
    )
    clean = to_clean_text(page.encode("gbk"), "html")
    assert clean.encoding in ("gbk", "gb18030")
    assert "我国众创空间数量超过4200家，服务创业企业和团队超过40万家。" in clean.text
    assert "目前科技特派员已达73.9万人，服务农民6000万人。" in clean.text


def build_chinese_pdf(lines: list[str]) -> bytes:
    """A minimal PDF showing `lines` in a Type0 font (Identity-H, one glyph id per distinct
    character) whose ToUnicode CMap maps each glyph back to its character, as PDF writers do
    for CJK text."""
    characters = sorted({char for line in lines for char in line})
    glyph = {char: number + 1 for number, char in enumerate(characters)}
    cmap_entries = "\n".join(f"<{glyph[c]:04X}> <{ord(c):04X}>" for c in characters)
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"{len(characters)} beginbfchar\n{cmap_entries}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()
    shown = "\n".join(
        "<" + "".join(f"{glyph[c]:04X}" for c in line) + "> Tj T*" for line in lines
    )
    content = f"BT /F1 12 Tf 14 TL 72 720 Td\n{shown}\nET".encode()
    bodies = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        (b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>"),
        (b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>"),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap),
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(bodies) + 1, xref)
    return bytes(pdf)


def test_chinese_pdf_text_is_extracted_and_hard_wrapped_lines_joined_without_spaces():
    pdf = build_chinese_pdf(
        [
            "截至2016年底，全国纳入火炬计划统计的众创空间有4298",
            "家、科技企业孵化器有3255家。",
            "地图数据显示，从1987年全国只有两家科技企业孵化器。",
        ]
    )
    clean = to_clean_text(pdf, "pdf")
    assert clean.text.split("\n\n") == [
        "截至2016年底，全国纳入火炬计划统计的众创空间有4298家、科技企业孵化器有3255家。",
        "地图数据显示，从1987年全国只有两家科技企业孵化器。",
    ]
    assert detect_language(clean.text) == "zh-Hans"


def test_hard_wrapped_chinese_lines_join_without_a_space_and_end_at_a_sentence_end():
    text = "国家高新区实现营业收入12.35万亿\n元，同比增长8.13%。\n新注册企业13.6万家。"
    assert clean_plain_text(text) == "国家高新区实现营业收入12.35万亿元，同比增长8.13%。\n\n新注册企业13.6万家。"
    english = "The makerspaces numbered\n5,739 in 2017."
    assert clean_plain_text(english) == "The makerspaces numbered 5,739 in 2017."


def test_chinese_sentences_end_at_full_stops_semicolons_and_keep_their_closing_quotes():
    text = (
        "“制造业回暖，新设制造业企业增长9.1%。”11月10日，总局召开发布会！"
        "新设企业589.8万户，增长7.7%;新设个体工商户1242.6万户；增长1.3%？好。He said; fine."
    )
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "“制造业回暖，新设制造业企业增长9.1%。”",
        "11月10日，总局召开发布会！",
        "新设企业589.8万户，增长7.7%;",
        "新设个体工商户1242.6万户；",
        "增长1.3%？",
        "好。",
        "He said; fine.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_full_width_digits_and_punctuation_stay_as_written_in_the_clean_text():
    text = "截至２０１７年６月底，全国众创空间达５７３９家（约占１５％）。"
    clean = clean_plain_text(text)
    assert clean == text  # offsets index what was published; the extractor reads full width
    assert [s.text for s in split_sentences(clean)] == [text]
