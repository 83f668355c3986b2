"""Raw document bytes -> clean prose text.

Three jobs, in this order:

1. decode: detect the text encoding with charset-normalizer (UTF-8 with or without BOM,
   UTF-16/32 with BOM, GB18030, legacy code pages) and refuse binary or undecodable bytes;
2. convert: HTML main text via trafilatura (offline, from the string), PDF text via pypdf,
   markdown markup stripped;
3. clean: drop page furniture (navigation menus, breadcrumbs, related-article lists) at the
   top and bottom, re-flow hard-wrapped lines into paragraphs, undo typesetting hyphenation,
   normalise whitespace.

The result is paragraphs separated by one blank line ("\\n\\n"), each paragraph on one line.
Every figure's character offsets point into this text, so it must be deterministic.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

import charset_normalizer
import pypdf
import trafilatura
from charset_normalizer import CharsetMatch

# Unicode control characters (category Cc: U+0000-U+001F, U+007F-U+009F) as regexes, which
# run far faster than a per-character category test on large documents.
STRAY_CONTROL_PATTERN = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # all but \t\n\v\f\r
CONTROL_EXCEPT_TAB_NEWLINE_PATTERN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

SUPPORTED_FORMATS = ("text", "markdown", "html", "pdf")

# On short input charset-normalizer may rank several code pages equally (GB18030 bytes also
# decode cleanly as Korean CP949, Western CP1252 as Central European CP1250). The corpus is
# about China and in English, so among equally plausible candidates prefer these, in order.
PREFERRED_ENCODINGS = ("utf_8", "utf_16", "utf_32", "gb18030", "big5", "ascii", "cp1252")
# Candidates whose "chaos" (charset-normalizer's mess score, 0..1) is this close count as ties.
CHAOS_TIE_TOLERANCE = 0.01
# A UTF-8 file with a few broken bytes is still UTF-8 (charset-normalizer would pick e.g.
# mac_iceland and garble every curly quote); above this share of bad bytes, or without more
# well-formed multi-byte characters than broken ones, it is not UTF-8.
MAX_BROKEN_UTF8_SHARE = 0.001
# Decoded "text" with more control characters than this share is binary data, not prose.
MAX_CONTROL_CHAR_SHARE = 0.01

# Invisible characters that carry no text: BOM / zero-width space and joiners, soft hyphen.
INVISIBLE_CHARS = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060\u00ad"))
# Line breaks that are not "\n": CR LF, CR, vertical tab, form feed, NEL, LS, PS.
LINE_BREAK_PATTERN = re.compile(r"\r\n|[\r\v\f\x85\u2028\u2029]")
# Any run of horizontal whitespace (tabs, NBSP, ideographic space, ...) becomes one space.
HORIZONTAL_SPACE_PATTERN = re.compile(r"[^\S\n]+")

# Page furniture: a short line is a navigation candidate when it has at most this many words
# and no sentence punctuation ("Contact Us", "Trade & Investment").
MAX_NAV_WORDS = 6
# A run of this many navigation lines at the top or bottom of a document is a menu.
MIN_NAV_LINES = 3
SENTENCE_PUNCTUATION = re.compile(r"[.,;:!?。，；：！？]")
# "Home > About China", "News » Science": short segments joined by an arrow-like separator.
BREADCRUMB_PATTERN = re.compile(r"^[^.!?]{1,60}(\s[>»›]\s[^.!?]{1,60})+$")
# "App | 中文 |", "Home | News | Contact": short segments separated by pipes.
PIPE_MENU_PATTERN = re.compile(r"^\|?\s*([^|.!?]{1,30}\|\s*)+[^|.!?]{0,30}$")
# "Some headline  (2018-12-05)": an entry of a related-articles list.
DATED_LINK_PATTERN = re.compile(r"^[^.!?]{3,160}[(\[]\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[)\]]$")

# Re-flow: a line of a hard-wrapped block is "short" (may end its paragraph or heading) when
# it is under this share of the block's line width.
SHORT_LINE_SHARE = 0.8
# Lines longer than this were not hard-wrapped by a typesetter; each one ending a sentence
# ends its paragraph.
MAX_WRAPPED_LINE_CHARS = 120
# A block's line width is this percentile of its line lengths: one overlong line (a URL, a
# word the typesetter could not break) must not make every other line look short.
WIDTH_PERCENTILE = 0.8
# Numbered headings ("2. Top-level design has been strengthened gradually ...") are at most
# this many words; unnumbered ones ("Basic information") are shorter.
MAX_NUMBERED_HEADING_WORDS = 25
MAX_HEADING_WORDS = 12
# A sentence cut by a page break may have the page's footer or header between its halves:
# look back over at most this many short paragraphs (under MIN_PROSE_WORDS words) for it.
MAX_INTERRUPTING_PARAGRAPHS = 3
MIN_PROSE_WORDS = 12
# Starts a list item or a numbered heading: "1. ", "2) ", "IV. ", "- ", "• ".
LIST_MARKER_PATTERN = re.compile(r"^(\d{1,2}[.)]|[IVX]{1,4}\.|[-•▪●*+])\s+(?=\S)")
# A sentence ends here: terminal punctuation, maybe followed by closing quotes or brackets.
SENTENCE_END_PATTERN = re.compile(r"[.!?。！？][\"'”’)\]]*$")
SENTENCE_END_INSIDE_PATTERN = re.compile(r"[.!?。！？][\"'”’)\]]*(\s|$)")
# A line ending with one of these words (or a comma, hyphen, ...) runs on into the next line.
CONTINUATION_WORDS = frozenset(
    {
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and",
        "or", "but", "nor", "as", "than", "that", "which", "who", "whose", "into", "onto",
        "over", "under", "about", "between", "among", "through", "via", "per", "its", "their",
        "our", "his", "her",
        # an auxiliary verb waits for its complement ("... in Xixian New Area was" / "1.8 times ...")
        "is", "are", "was", "were", "been", "has", "have", "had", "will",
    }
)  # fmt: skip
CONTINUATION_END_PATTERN = re.compile(r"[,;:(\[/&–—-]$")
# A word broken at the line end by a typesetting hyphen: "innova-" + "tion".
HYPHEN_BREAK_PATTERN = re.compile(r"([^\W\d_]+)-$")
WORD_PATTERN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")

# Chinese script: CJK ideographs (with extension A and compatibility ideographs). A line that
# ends in one of them, or in Chinese punctuation, joins the next Chinese line without a space
# (Chinese has no spaces between words), and a line ending a Chinese sentence ends its
# paragraph (a hard-wrapped Chinese line ends there too rarely to matter).
CJK_CHAR_PATTERN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Curly quotes and dashes are left out: English text uses them too ("makers’ spaces").
CJK_PUNCTUATION = frozenset("，。、；：！？（）《》「」『』【】％")
CJK_SENTENCE_END_PATTERN = re.compile("[。！？][”’」』）]*$")
# Language detection: a text is Chinese when CJK ideographs make up at least this share of its
# letters (ideographs and Latin letters); an English article quoting a few Chinese names
# stays English.
MIN_CJK_LETTER_SHARE = 0.3
LATIN_LETTER_PATTERN = re.compile("[A-Za-z]")
# Characters written only in one script: their counts tell traditional from simplified text.
TRADITIONAL_ONLY = frozenset("國這個們發來業區時會說報數為與眾創萬億實對經關開聞門間東車長馬貝見說讀計設資產電場農開")
SIMPLIFIED_ONLY = frozenset("国这个们发来业区时会说报数为与众创万亿实对经关开闻门间东车长马贝见说读计设资产电场农开")

# "activities.For example": a sentence period glued to the next sentence's first word.
MISSING_SPACE_AFTER_PERIOD = re.compile(r"(?<=[a-z]{2})\.(?=[A-Z][a-z])")

# Markdown markup, stripped so that figures and sentences read cleanly.
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(.*?)(?:\s+#+)?\s*$", re.MULTILINE)
MARKDOWN_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$", re.MULTILINE)
MARKDOWN_BULLET = re.compile(r"^\s*[-*+]\s+", re.MULTILINE)
MARKDOWN_QUOTE = re.compile(r"^\s*>\s?", re.MULTILINE)
MARKDOWN_IMAGE_OR_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
MARKDOWN_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
# Emphasis markers touch a word on one side only: "**Special Issue:**", "*No.6".
# "5 * 3" (spaces both sides) and "file_name" (word both sides) are left alone.
MARKDOWN_EMPHASIS = re.compile(r"(?<!\S)(\*{1,3}|_{1,3})(?=\S)|(?<=\S)(\*{1,3}|_{1,3})(?!\S)")
MARKDOWN_CODE = re.compile(r"`+")
MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")

# PDF page numbers at the top or bottom of a page: "12", "- 12 -", "Page 3 of 40", "3/40".
PAGE_NUMBER_PATTERN = re.compile(
    r"^([-–—]\s*)?(page\s+)?\d{1,4}(\s*(/|of)\s*\d{1,4})?(\s*[-–—])?$", re.IGNORECASE
)


class TextExtractionError(ValueError):
    """The bytes cannot be turned into text; the message says why, for the quarantine log."""


@dataclass(frozen=True)
class DecodedText:
    """Text decoded from bytes, with the encoding used (charset-normalizer's name)."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class CleanText:
    """Clean text of a document; `encoding` is None for PDF (text comes from the PDF's fonts)."""

    text: str
    encoding: str | None
    warnings: tuple[str, ...] = ()


def decode_bytes(raw: bytes) -> DecodedText:
    """Decode document bytes, detecting the encoding; raise TextExtractionError if not text."""
    if not raw:
        raise TextExtractionError("empty file (0 bytes)")
    matches = list(charset_normalizer.from_bytes(raw))
    best = _preferred_match(matches)
    if best is not None and best.encoding.startswith("utf"):
        return _checked_text(str(best), best.encoding)
    broken_utf8 = _decode_mostly_utf8(raw)
    if broken_utf8 is not None:
        return broken_utf8
    if best is None:
        if _looks_binary(raw):
            raise TextExtractionError("binary content, not text")
        raise TextExtractionError("undecodable: no text encoding fits these bytes")
    return _checked_text(str(best), best.encoding)


def _preferred_match(matches: list[CharsetMatch]) -> CharsetMatch | None:
    """charset-normalizer's least chaotic candidate, ties broken by PREFERRED_ENCODINGS."""
    if not matches:
        return None
    least_chaos = min(match.chaos for match in matches)
    tied = [match for match in matches if match.chaos <= least_chaos + CHAOS_TIE_TOLERANCE]

    def rank(match: CharsetMatch) -> int:
        if match.encoding in PREFERRED_ENCODINGS:
            return PREFERRED_ENCODINGS.index(match.encoding)
        return len(PREFERRED_ENCODINGS)

    return min(tied, key=rank)  # min is stable: otherwise charset-normalizer's own order


def _decode_mostly_utf8(raw: bytes) -> DecodedText | None:
    """UTF-8 with a few broken bytes (shown as U+FFFD), or None if it is not UTF-8 at all."""
    text = raw.decode("utf-8", errors="replace")
    well_formed = raw.decode("utf-8", errors="ignore")
    broken = text.count("\ufffd") - well_formed.count("\ufffd")
    multibyte = len(well_formed) - len(well_formed.encode("ascii", errors="ignore"))  # > U+007F
    if broken == 0 or broken > MAX_BROKEN_UTF8_SHARE * len(raw) or multibyte <= broken:
        return None
    return _checked_text(text, "utf_8")


def _looks_binary(raw: bytes) -> bool:
    return b"\x00" in raw or _control_share(raw.decode("latin-1")) > MAX_CONTROL_CHAR_SHARE


def _control_share(text: str) -> float:
    return len(STRAY_CONTROL_PATTERN.findall(text)) / max(len(text), 1)


def _checked_text(text: str, encoding: str) -> DecodedText:
    """Refuse binary data that happened to decode; warn about characters lost upstream."""
    if "\x00" in text or _control_share(text) > MAX_CONTROL_CHAR_SHARE:
        raise TextExtractionError(
            f"binary content, not text (control characters after decoding as {encoding})"
        )
    warnings = ()
    lost = text.count("\ufffd")
    if lost:
        warnings = (
            f"{lost} replacement character(s) U+FFFD: characters lost before or during decoding",
        )
    return DecodedText(text=text.removeprefix("\ufeff"), encoding=encoding, warnings=warnings)


def to_clean_text(raw: bytes, fmt: str) -> CleanText:
    """Bytes of a document in `fmt` (text | markdown | html | pdf) -> clean paragraphs."""
    if fmt not in SUPPORTED_FORMATS:
        raise TextExtractionError(
            f"unsupported format {fmt!r}; expected one of {', '.join(SUPPORTED_FORMATS)}"
        )
    if fmt == "pdf":
        return CleanText(text=clean_plain_text(pdf_to_text(raw)), encoding=None)
    decoded = decode_bytes(raw)
    if fmt == "html":
        text = clean_html_text(html_to_text(decoded.text))
    elif fmt == "markdown":
        text = clean_plain_text(strip_markdown(normalise_characters(decoded.text)))
    else:
        text = clean_plain_text(decoded.text)
    return CleanText(text=text, encoding=decoded.encoding, warnings=decoded.warnings)


def clean_plain_text(text: str) -> str:
    """Plain (or PDF-extracted, or markdown-stripped) text -> clean paragraphs."""
    lines = normalise_characters(text).split("\n")
    return join_paragraphs(reflow_lines(strip_page_furniture(lines)))


def clean_html_text(text: str) -> str:
    """trafilatura output has one paragraph per line already: no re-flow, only furniture."""
    lines = normalise_characters(text).split("\n")
    return join_paragraphs(line for line in strip_page_furniture(lines) if line)


def html_to_text(html: str) -> str:
    """Main text of an HTML page (trafilatura); falls back to all page text for tiny pages."""
    main_text = trafilatura.extract(
        html, output_format="txt", include_comments=False, include_tables=True, deduplicate=False
    )
    if main_text:
        return main_text
    # trafilatura returns nothing for pages below its minimum size; page furniture
    # stripping then deals with the menus that the full text still has.
    return trafilatura.html2txt(html)


def pdf_to_text(raw: bytes) -> str:
    """Text of every page of a PDF (pypdf), page numbers at page tops and bottoms dropped."""
    if not raw:
        raise TextExtractionError("empty file (0 bytes)")
    try:
        reader = pypdf.PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise TextExtractionError("encrypted PDF needs a password")
        pages = [page.extract_text() or "" for page in reader.pages]
    except TextExtractionError:
        raise
    except Exception as error:  # pypdf raises many exception types for corrupt files
        raise TextExtractionError(f"unreadable PDF: {type(error).__name__}: {error}") from error
    text = "\n".join(_drop_page_numbers(page) for page in pages)
    if not text.strip():
        raise TextExtractionError("PDF has no extractable text (scanned images only?)")
    return text


def _drop_page_numbers(page_text: str) -> str:
    lines = page_text.strip().split("\n")
    if lines and PAGE_NUMBER_PATTERN.match(lines[-1].strip()):
        lines.pop()
    if lines and PAGE_NUMBER_PATTERN.match(lines[0].strip()):
        lines.pop(0)
    return "\n".join(lines)


def normalise_characters(text: str) -> str:
    """One kind of line break, one kind of space, no invisible or control characters."""
    text = LINE_BREAK_PATTERN.sub("\n", text).translate(INVISIBLE_CHARS)
    text = CONTROL_EXCEPT_TAB_NEWLINE_PATTERN.sub("", text)
    text = HORIZONTAL_SPACE_PATTERN.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n"))


def strip_markdown(text: str) -> str:
    """Remove markdown markup, keep its words: headings, emphasis, bullets, links, rules."""
    text = MARKDOWN_RULE.sub("", text)
    # Headings and list items become paragraphs of their own (blank lines around them).
    text = MARKDOWN_HEADING.sub(r"\n\1\n", text)
    text = MARKDOWN_QUOTE.sub("", text)
    text = MARKDOWN_BULLET.sub("\n", text)
    text = MARKDOWN_IMAGE_OR_LINK.sub(r"\1", text)
    text = MARKDOWN_AUTOLINK.sub(r"\1", text)
    text = MARKDOWN_EMPHASIS.sub("", text)
    text = MARKDOWN_CODE.sub("", text)
    return MARKDOWN_ESCAPE.sub(r"\1", text)


def strip_page_furniture(lines: list[str]) -> list[str]:
    """Drop a navigation block at the top and at the bottom of the document.

    A block is the run of blank and furniture lines before the first (after the last) line
    of content. It is dropped when it holds a breadcrumb or pipe menu, or at least
    MIN_NAV_LINES furniture lines; otherwise (a lone title or byline) it is kept. The
    middle of a document is never touched, and a document that is all furniture is kept.
    """
    # Only the furniture runs at either end matter: kinds are read up to the first content line.
    top = _furniture_block_length(_leading_kinds(lines))
    if top == len(lines):
        return lines
    bottom = _furniture_block_length(_leading_kinds(reversed(lines)))
    return lines[top : len(lines) - bottom]


def _leading_kinds(lines: Iterable[str]) -> list[str]:
    """Furniture kinds of the lines before the first content line."""
    kinds = []
    for line in lines:
        kind = _furniture_kind(line)
        if kind is None:
            break
        kinds.append(kind)
    return kinds


def _furniture_kind(line: str) -> str | None:
    """'blank', 'menu' (breadcrumb or pipe menu), 'nav' (short label or dated link) or None.

    Apart from the date of a dated link, a line with a digit is never furniture: it may
    carry a figure (a short table row such as "Incubators 1600" must survive).
    """
    if not line:
        return "blank"
    if DATED_LINK_PATTERN.match(line):
        return "nav"
    if any(map(str.isdigit, line)):
        return None
    if BREADCRUMB_PATTERN.match(line) or PIPE_MENU_PATTERN.match(line):
        return "menu"
    if len(line.split()) <= MAX_NAV_WORDS and not SENTENCE_PUNCTUATION.search(line):
        return "nav"
    return None


def _furniture_block_length(kinds: list[str | None]) -> int:
    """Length of the leading furniture block if it should be dropped, else 0."""
    length = 0
    while length < len(kinds) and kinds[length] is not None:
        length += 1
    block = kinds[:length]
    if "menu" in block or block.count("nav") >= MIN_NAV_LINES:
        return length
    return 0


def reflow_lines(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines into paragraphs; return the paragraphs.

    Blank lines separate blocks. Inside a block a line break ends the paragraph when the
    next line starts a list item or numbered heading, when the line is short and ends a
    sentence, or when the lines so far form a heading (no sentence punctuation, at most
    MAX_HEADING_WORDS words) that is short or numbered and the next line starts with a
    capital. Every other break is joined with a space (or undone hyphenation). A paragraph
    that ends mid-sentence continues across a blank line when the next block starts in
    lower case (a page break inside a sentence), even past a short page footer in between.
    Single-line paragraphs come out unchanged.
    """
    # The vocabulary only decides line-end hyphens; most documents have none.
    has_hyphen_breaks = any(HYPHEN_BREAK_PATTERN.search(line) for line in lines)
    vocabulary = _document_vocabulary(lines) if has_hyphen_breaks else frozenset()
    paragraphs: list[str] = []
    for block in _split_blocks(lines):
        block_paragraphs = _reflow_block(block, vocabulary)
        cut = _cut_sentence_index(paragraphs, block_paragraphs[0])
        if cut is not None:
            paragraphs[cut] = _join_lines(paragraphs[cut], block_paragraphs.pop(0), vocabulary)
        paragraphs.extend(block_paragraphs)
    return paragraphs


def _cut_sentence_index(paragraphs: list[str], next_paragraph: str) -> int | None:
    """Index of the paragraph whose sentence `next_paragraph` finishes: the previous paragraph
    when it ends on a word that cannot end a sentence ("... in Qinchuangyuan. The" before
    "45.2-billion-yuan industrial project ..."), whatever the next one starts with; for a
    paragraph starting in lower case, the nearest prose paragraph behind at most
    MAX_INTERRUPTING_PARAGRAPHS short ones, if it ends mid-sentence; else the previous paragraph
    if that does; else None."""
    if not paragraphs:
        return None
    last_word = paragraphs[-1].rsplit(maxsplit=1)[-1] if paragraphs[-1].strip() else ""
    if last_word.lower() in CONTINUATION_WORDS:
        return len(paragraphs) - 1
    if not next_paragraph[:1].islower():
        return None
    last = len(paragraphs) - 1
    for index in range(last, max(last - MAX_INTERRUPTING_PARAGRAPHS, 0) - 1, -1):
        if len(paragraphs[index].split()) >= MIN_PROSE_WORDS:
            if _ends_mid_sentence(paragraphs[index]):
                return index
            break
    return last if _ends_mid_sentence(paragraphs[last]) else None


def _ends_mid_sentence(paragraph: str) -> bool:
    return paragraph[-1:].isalpha() or paragraph.endswith(",")


def _split_blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _reflow_block(block: list[str], vocabulary: frozenset[str]) -> list[str]:
    lengths = sorted(len(line) for line in block)
    width = lengths[math.ceil(WIDTH_PERCENTILE * (len(lengths) - 1))]
    paragraphs = [block[0]]
    segment = [block[0]]  # lines of the paragraph being built, to tell headings apart
    for line in block[1:]:
        if _breaks_before(segment, line, width):
            paragraphs.append(line)
            segment = [line]
        else:
            paragraphs[-1] = _join_lines(paragraphs[-1], line, vocabulary)
            segment.append(line)
    return paragraphs


def _breaks_before(segment: list[str], next_line: str, width: int) -> bool:
    """Does a paragraph end between the last line of `segment` and `next_line`?"""
    line = segment[-1]
    if LIST_MARKER_PATTERN.match(next_line):
        return True
    if line.count("|") >= 2 and next_line.count("|") >= 2:
        return True  # rows of a table written with pipes stay rows: a cell's header is read from the rows above
    if CJK_SENTENCE_END_PATTERN.search(line):
        return True
    if not _starts_like_new_sentence(next_line) or _runs_on(line):
        return False
    if len(line) > MAX_WRAPPED_LINE_CHARS:
        return True
    is_short = len(line) < SHORT_LINE_SHARE * width
    numbered = bool(LIST_MARKER_PATTERN.match(segment[0]))
    if SENTENCE_END_PATTERN.search(line):
        return is_short or (numbered and _is_heading(segment, allow_final_period=True))
    return _is_heading(segment) and (is_short or numbered)


def _starts_like_new_sentence(line: str) -> bool:
    """Starts with a capital, a digit or a caseless letter (Chinese), after any quote."""
    first = line.lstrip("\"'“‘([")[:1]
    return first.isdigit() or (first.isalpha() and not first.islower())


def _runs_on(line: str) -> bool:
    """The line clearly continues on the next one: trailing comma, 'and', 'of the', ..."""
    if CONTINUATION_END_PATTERN.search(line):
        return True
    last_word = line.rsplit(maxsplit=1)[-1].lower()
    return last_word in CONTINUATION_WORDS


def _is_heading(segment: list[str], allow_final_period: bool = False) -> bool:
    numbered = bool(LIST_MARKER_PATTERN.match(segment[0]))
    text = LIST_MARKER_PATTERN.sub("", " ".join(segment))
    if allow_final_period:
        text = text.rstrip(".")
    return (
        len(text.split()) <= (MAX_NUMBERED_HEADING_WORDS if numbered else MAX_HEADING_WORDS)
        and not SENTENCE_END_INSIDE_PATTERN.search(text)
        and not any(CONTINUATION_END_PATTERN.search(line) for line in segment)
    )


def _join_lines(left: str, right: str, vocabulary: frozenset[str]) -> str:
    """Join two wrapped lines with a space, or undo a typesetting hyphen between them;
    Chinese lines join with nothing between them (also to a number: "4298" + "家")."""
    if (_is_chinese_char(left[-1:]) and _is_chinese_or_alnum(right[:1])) or (
        _is_chinese_char(right[:1]) and _is_chinese_or_alnum(left[-1:])
    ):
        return left + right
    if not (left.endswith("-") and left[-2:-1].isalnum() and right[:1].isalnum()):
        return f"{left} {right}"
    broken = HYPHEN_BREAK_PATTERN.search(left)
    second_half = WORD_PATTERN.match(right)
    if (
        broken
        and second_half
        and not _keeps_hyphen(broken.group(1), second_half.group(0), vocabulary)
    ):
        return left[:-1] + right
    return left + right  # "COVID-" + "19", "2017-" + "2018", real compounds


def _is_chinese_char(char: str) -> bool:
    return bool(char) and (char in CJK_PUNCTUATION or bool(CJK_CHAR_PATTERN.match(char)))


def _is_chinese_or_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum() or _is_chinese_char(char)


def detect_language(text: str) -> str:
    """'zh-Hant', 'zh-Hans' or 'en': Chinese when ideographs make up at least
    MIN_CJK_LETTER_SHARE of the letters, in the script whose own characters are more frequent
    (simplified on a tie); else English, the only other language the sources come in."""
    if not CJK_CHAR_PATTERN.search(text):
        return "en"
    ideographs = CJK_CHAR_PATTERN.findall(text)
    latin = len(LATIN_LETTER_PATTERN.findall(text))
    if len(ideographs) < MIN_CJK_LETTER_SHARE * (len(ideographs) + latin):
        return "en"
    traditional = sum(char in TRADITIONAL_ONLY for char in ideographs)
    simplified = sum(char in SIMPLIFIED_ONLY for char in ideographs)
    return "zh-Hant" if traditional > simplified else "zh-Hans"


def _keeps_hyphen(first_half: str, second_half: str, vocabulary: frozenset[str]) -> bool:
    """Is 'first-' + 'second' a real compound rather than one word split by a typesetter?

    The document is its own dictionary: keep the hyphen when the hyphenated compound occurs
    elsewhere in it, drop it when the joined word does, else keep it when both halves occur
    as words (or parts of compounds) elsewhere, and drop it otherwise. A second half with a
    capital letter ("Sino-\\nUS") always keeps it.
    """
    second_word = second_half.split("-")[0]
    if not second_word[:1].islower():
        return True
    first, second = first_half.lower(), second_word.lower()
    if f"{first}-{second}" in vocabulary:
        return True
    if first + second in vocabulary:
        return False
    return first in vocabulary and second in vocabulary


def _document_vocabulary(lines: list[str]) -> frozenset[str]:
    """Lower-cased words and hyphenated compounds (and their parts) of the document,
    leaving out the fragments around line-end hyphens (they are what is being decided)."""
    words: set[str] = set()
    for index, line in enumerate(lines):
        tokens = WORD_PATTERN.findall(line)
        if HYPHEN_BREAK_PATTERN.search(line) and tokens:
            tokens.pop()
        if index > 0 and HYPHEN_BREAK_PATTERN.search(lines[index - 1]) and tokens:
            tokens.pop(0)
        for token in tokens:
            token = token.lower()
            words.add(token)
            words.update(token.split("-"))
    return frozenset(words)


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    """Paragraphs -> final clean text: one blank line between them, repeated ones dropped.

    A paragraph identical to the one before it is a web page's title repeated as its
    heading; a missing space after a sentence period ("activities.For") is restored.
    """
    kept: list[str] = []
    for paragraph in paragraphs:
        paragraph = MISSING_SPACE_AFTER_PERIOD.sub(
            ". ", HORIZONTAL_SPACE_PATTERN.sub(" ", paragraph).strip()
        )
        if paragraph and (not kept or paragraph != kept[-1]):
            kept.append(paragraph)
    return "\n\n".join(kept)
