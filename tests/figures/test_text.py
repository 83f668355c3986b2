"""figures.text: decoding, HTML/PDF/markdown conversion and the cleaning heuristics.

Snippets are modelled on the seed documents (embassy page, two-column PDF text, newsletter).
"""

from __future__ import annotations

import pytest

from figures.text import TextExtractionError, clean_plain_text, decode_bytes, to_clean_text

MIXED_TEXT = (
    "In 2017, there were 5,739 makers' spaces, an increase of over 33% compared with 2016.\n"
    "2017年全国众创空间达到5739家，比2016年增长超过33%。火炬中心发布了报告。\n"
)


@pytest.mark.parametrize(
    ("encoded", "expected_encoding"),
    [
        (MIXED_TEXT.encode("utf-8"), "utf_8"),
        (MIXED_TEXT.encode("utf-8-sig"), "utf_8"),
        (MIXED_TEXT.encode("utf-16"), "utf_16"),
        (b"\xff\xfe" + MIXED_TEXT.encode("utf-16-le"), "utf_16"),
        (b"\xfe\xff" + MIXED_TEXT.encode("utf-16-be"), "utf_16"),
        (MIXED_TEXT.encode("gb18030"), "gb18030"),
    ],
    ids=["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "gb18030"],
)
def test_decode_bytes_reads_every_supported_encoding_to_the_same_text(encoded, expected_encoding):
    decoded = decode_bytes(encoded)
    assert decoded.text == MIXED_TEXT  # BOM removed, Chinese intact
    assert decoded.encoding == expected_encoding


def test_decode_bytes_keeps_utf8_with_one_broken_byte_as_utf8_and_warns():
    text = "“National Mass Entrepreneurship and Innovation Week” was held in Shanghai. " * 20
    raw = text.encode("utf-8")
    broken = raw[:500] + b"\xff" + raw[500:]
    decoded = decode_bytes(broken)
    assert decoded.encoding == "utf_8"
    assert decoded.text.count("\ufffd") == 1
    assert "“National" in decoded.text
    assert "U+FFFD" in decoded.warnings[0]


def test_decode_bytes_reads_a_western_code_page_without_mistaking_it_for_broken_utf8():
    text = "The café in Shanghai sold 1 million cups in 2016, a naïve résumé said. " * 40
    decoded = decode_bytes(text.encode("cp1252"))
    assert decoded.text == text
    assert decoded.encoding == "cp1252"
    assert decoded.warnings == ()


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        (b"\x00" * 64, "binary"),
    ],
    ids=["empty", "png", "nul-bytes"],
)
def test_decode_bytes_refuses_what_is_not_text(raw, problem):
    with pytest.raises(TextExtractionError, match=problem):
        decode_bytes(raw)


WEB_PAGE = """Welcome Message
\u00a0 Embassy News
\u00a0 About Us
\u00a0 China & Serbia
\u00a0 Trade & Investment
\u00a0 Contact Us
\u00a0 Home\u00a0>\u00a0About China
Latest Progress of Mass Innovation in China

Latest Progress of Mass Innovation in China


Mass entrepreneurship represents an important measure to implement the innovation-driven development strategy\u00a0in China.

In 2017, there were 5,739 makers' spaces according to statistics of Torch Center, an increase of over 33% compared with 2016.

Over the past three years, the spaces attracted more people for entrepreneurial activities.For example, HUIBO won a total investment of 150 million yuan.




\u00a0Latest Progress of Mass Innovation in China \u00a0(2018-12-05)
\u00a0STI achievements over 40 years since reform and opening up \u00a0(2018-12-05)
\u00a0Important breakthroughs in organic solar cell \u00a0(2018-10-25)
"""


def test_navigation_block_breadcrumb_and_related_links_are_stripped():
    clean = to_clean_text(WEB_PAGE.encode("utf-8"), "text").text
    for furniture in (
        "Welcome Message",
        "Embassy News",
        "Contact Us",
        "Home > About China",
        "(2018-12-05)",
        "solar",
    ):
        assert furniture not in clean
    paragraphs = clean.split("\n\n")
    assert (
        paragraphs[0] == "Latest Progress of Mass Innovation in China"
    )  # title kept once, not twice
    assert "strategy in China." in clean  # NBSP became a plain space
    assert "5,739 makers' spaces" in clean
    assert "activities. For example" in clean  # missing space after the period restored


def test_pipe_menu_line_on_top_is_stripped_but_a_lone_byline_is_kept():
    page = (
        "App | 中文 |\n\nManufacturing makes stride forward, stoked by mass entrepreneurship, innovation\n\n"
        "In 2016, 53.96 billion yuan ($7.83 billion) was raised for mass entrepreneurship projects.\n"
    )
    clean = to_clean_text(page.encode("utf-8"), "text").text
    assert clean.startswith("Manufacturing makes stride forward")
    byline = "Translation by Ren Zegang\n\n\nShanghai based Ucloud has 14 data centres around the world.\n"
    assert to_clean_text(byline.encode("utf-8"), "text").text.startswith(
        "Translation by Ren Zegang\n\n"
    )


def test_short_lines_that_may_carry_figures_are_never_stripped():
    text = "In 2014 China reported these counts.\n\nIncubators 1600\nMakerspaces | 5739\nStart-ups 80000\n"
    clean = to_clean_text(text.encode("utf-8"), "text").text
    assert "Incubators 1600" in clean and "5739" in clean and "80000" in clean


def test_short_lines_in_the_middle_of_a_document_are_never_stripped():
    text = "The forum has been held successfully for 10 years.\n\nThemes\n2008\n2009\n2010\n\nIt explores innovation trends.\n"
    clean = to_clean_text(text.encode("utf-8"), "text").text
    assert "2008" in clean and "2010" in clean


TWO_COLUMN_TEXT = """2. Top-level design has been strengthened
gradually and policy dividend released
In 2017, local governments mapped out over 300
policies for mass entrepreneurship and mass innova-
tion. In 2017, the spaces helped incubated enter-
prises gain 3.15 billion yuan of government funding,
a year-on-year increase of 37%. It promotes industry-
academia cooperation, and both industry and academia
gain from it. Income rose year-on-
year and spaces became state-owned, not state-
owned by accident.
3. The full participation of capital empowers the
makers' spaces
In 2017, the spaces helped 18,000 teams and
enterprises win investment of about 67 billion yuan.
"""


def test_hard_wrapped_pdf_text_is_reflowed_into_paragraphs_with_headings_apart():
    paragraphs = to_clean_text(TWO_COLUMN_TEXT.encode("utf-8"), "text").text.split("\n\n")
    assert (
        paragraphs[0]
        == "2. Top-level design has been strengthened gradually and policy dividend released"
    )
    assert paragraphs[1].startswith(
        "In 2017, local governments mapped out over 300 policies for mass"
    )
    assert paragraphs[2] == "3. The full participation of capital empowers the makers' spaces"
    assert (
        paragraphs[3]
        == "In 2017, the spaces helped 18,000 teams and enterprises win investment of about 67 billion yuan."
    )


def test_typesetting_hyphens_are_removed_and_compound_hyphens_kept():
    clean = to_clean_text(TWO_COLUMN_TEXT.encode("utf-8"), "text").text
    assert "mass innovation." in clean  # "innova-" + "tion": no word "tion" in the document
    assert "incubated enterprises gain" in clean
    assert "industry-academia cooperation" in clean  # both halves are words of the document
    assert "rose year-on-year and" in clean  # the compound occurs unbroken elsewhere
    assert "state-owned, not state-owned" in clean


def test_unwrapped_paragraphs_are_left_as_they_are():
    paragraphs = [
        (
            "“The annual sales of 2012 was 1 million yuan, the sales for 2017 is expected to reach "
            "1 billion yuan.” Ji Xinhua, CEO of Ucloud told reporter."
        ),
        (
            "Ji and other co-founders of Ucloud were mainly senior managers in Tencent, one of the "
            "largest Chinese IT companies that has a market value bigger than Alibaba."
        ),
        "In Shanghai 19 billion yuan has been allocated to 53 investment funds assigned to help start-ups.",
    ]
    text = "\n\n".join(paragraphs) + "\n"
    assert to_clean_text(text.encode("utf-8"), "text").text == "\n\n".join(paragraphs)


def test_sentence_cut_by_a_page_break_is_joined_past_the_page_footer():
    text = (
        "The Guideline states that accelerating new-type service platforms such as makerspaces are "
        "important measures for adapting to the new\n\n"
        "Monthly-Editorial Board:54, Sanlihe Road Beijing\n\n"
        "normal of economic development.\n"
    )
    paragraphs = to_clean_text(text.encode("utf-8"), "text").text.split("\n\n")
    assert paragraphs[0].endswith("adapting to the new normal of economic development.")
    assert paragraphs[1] == "Monthly-Editorial Board:54, Sanlihe Road Beijing"


def test_a_sentence_cut_after_an_article_continues_in_the_next_block_whatever_it_starts_with():
    # the block starting with a digit is no new paragraph: the one before ends on "The", and the
    # lower-case block after it finishes the same sentence, so nothing is moved out of order
    text = (
        "A maker space opened in the zone in March, with room for forty start-up teams. The\n\n"
        "3-billion-yuan industrial project is the second one following the company's\n\n"
        "investment of 2 billion yuan in the same zone last year.\n"
    )
    assert to_clean_text(text.encode("utf-8"), "text").text == (
        "A maker space opened in the zone in March, with room for forty start-up teams. The "
        "3-billion-yuan industrial project is the second one following the company's "
        "investment of 2 billion yuan in the same zone last year."
    )



def test_a_sentence_cut_after_an_auxiliary_verb_continues_in_the_next_block():
    # a page break after "was" (a press release printed from a PDF): the figure after it
    # finishes the sentence instead of starting a paragraph of its own
    text = (
        "In 2022, the number of new technology-based enterprises in the zone was\n\n"
        "1.8 times that of last year.\n\n"
        "The zone identified 490 high-tech enterprises.\n"
    )
    assert to_clean_text(text.encode("utf-8"), "text").text.split("\n\n") == [
        "In 2022, the number of new technology-based enterprises in the zone was 1.8 times that of last year.",
        "The zone identified 490 high-tech enterprises.",
    ]

NEWSLETTER = """

# CHINA SCIENCE AND TECHNOLOGY NEWSLETTER

*Department of International Cooperation  
Ministry of Science and Technology(MOST), P.R.China*

## **Special Issue:**

- **State Council Issues Guiding Opinions on Developing Makerspaces**
- **Li Keqiang: Drive Popular Entrepreneurship and Mass Innovation**

---

In 2014, China had over **1,600** incubators and more than 1,000 venture capital companies with a combined capital of more than RMB 350 billion.

Contact: Liu Bin <http://www.cistc.gov.cn>, see [the report](http://example.org/report) and 5 * 3 = 15.
"""


def test_markdown_markup_is_stripped_and_words_kept():
    paragraphs = to_clean_text(NEWSLETTER.encode("utf-8"), "markdown").text.split("\n\n")
    assert paragraphs[:3] == [
        "CHINA SCIENCE AND TECHNOLOGY NEWSLETTER",
        "Department of International Cooperation",
        "Ministry of Science and Technology(MOST), P.R.China",
    ]
    assert "Special Issue:" in paragraphs
    assert (
        "State Council Issues Guiding Opinions on Developing Makerspaces" in paragraphs
    )  # bullet items apart
    assert "Li Keqiang: Drive Popular Entrepreneurship and Mass Innovation" in paragraphs
    assert "In 2014, China had over 1,600 incubators" in paragraphs[-2]
    assert (
        paragraphs[-1] == "Contact: Liu Bin http://www.cistc.gov.cn, see the report and 5 * 3 = 15."
    )
    assert "---" not in paragraphs and "#" not in "".join(paragraphs)


HTML_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Latest Progress</title></head>
<body>
<nav><ul><li><a href="/">Welcome Message</a></li><li><a href="/news">Embassy News</a></li>
<li><a href="/consular">Consular Affairs</a></li><li><a href="/links">Useful Links</a></li></ul></nav>
<div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/china">About China</a></div>
<article>
<h1>Latest Progress of Mass Entrepreneurship and Mass Innovation in China</h1>
<p>In 2017, there were 5,739 makers' spaces according to statistics of Torch Center, an increase of over 33%
compared with 2016.</p>
<p>In 2017, the spaces helped incubated enterprises gain 3.15 billion yuan of government funding, a
year-on-year increase of 37%.</p>
</article>
<footer><p>Copyright &copy; Embassy of the People's Republic of China. All rights reserved.</p>
<a href="/contact">Contact Us</a></footer>
</body></html>
"""


def test_html_main_text_survives_and_boilerplate_is_gone():
    clean = to_clean_text(HTML_PAGE.encode("utf-8"), "html")
    assert clean.encoding == "utf_8"
    assert (
        "In 2017, there were 5,739 makers' spaces according to statistics of Torch Center"
        in clean.text
    )
    assert "3.15 billion yuan of government funding" in clean.text
    for boilerplate in (
        "Welcome Message",
        "Consular Affairs",
        "Useful Links",
        "Copyright",
        "Contact Us",
        "Home >",
    ):
        assert boilerplate not in clean.text


def build_pdf(pages: list[list[str]]) -> bytes:
    """A minimal valid PDF (Helvetica, one text line per string) with a correct xref table."""
    first_page_object = 4
    page_objects = [first_page_object + 2 * number for number in range(len(pages))]
    kids = " ".join(f"{number} 0 R" for number in page_objects)
    bodies = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for page_object, lines in zip(page_objects, pages):
        bodies.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {page_object + 1} 0 R >>".encode()
        )
        escaped = [
            line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in lines
        ]
        operators = [
            "BT",
            "/F1 11 Tf",
            "14 TL",
            "72 720 Td",
            *(f"({line}) Tj T*" for line in escaped),
            "ET",
        ]
        stream = "\n".join(operators).encode("latin-1")
        bodies.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref_offset = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(bodies) + 1,
        xref_offset,
    )
    return bytes(pdf)


def test_pdf_text_is_extracted_reflowed_and_page_numbers_dropped():
    pdf = build_pdf(
        [
            [
                "1. The makerspaces bring increasing impact",
                "In 2017, there were 5,739 makerspaces according",
                "to statistics of Torch Center, an increase of over",
                "1",
            ],
            [
                "33% compared with 2016. The spaces covered more",
                "than 25 million square metres.",
                "2",
            ],
        ]
    )
    clean = to_clean_text(pdf, "pdf")
    assert clean.encoding is None
    assert clean.text.split("\n\n") == [
        "1. The makerspaces bring increasing impact",
        (
            "In 2017, there were 5,739 makerspaces according to statistics of Torch Center, an "
            "increase of over 33% compared with 2016. The spaces covered more than 25 million "
            "square metres."
        ),
    ]


def test_unreadable_pdf_raises_a_clear_error():
    with pytest.raises(TextExtractionError, match="unreadable PDF"):
        to_clean_text(b"%PDF-1.4\nthis is not really a pdf", "pdf")


def test_unknown_format_is_refused():
    with pytest.raises(TextExtractionError, match="unsupported format 'docx'"):
        to_clean_text(b"hello", "docx")


def test_rows_of_a_table_written_with_pipes_stay_rows():
    text = "各市合同情况如下,全省合同\n数量增长。\n\n序号 | 区域 | 合同数 |\n1 | 铜陵市 | 138 |\n2 | 黄山市 | 159 |\n\n下半年将继续推进。\n"
    assert clean_plain_text(text).split("\n\n") == [
        "各市合同情况如下,全省合同数量增长。", "序号 | 区域 | 合同数 |", "1 | 铜陵市 | 138 |", "2 | 黄山市 | 159 |", "下半年将继续推进。",
    ]

