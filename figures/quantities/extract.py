"""Find the quantities in a text: one regex scan, then a few cheap look-arounds per match.

How a match becomes a Quantity (`_read`):
1. QUANTITY_RE finds numeral, scale, range, unit and rate basis in one pass; digit runs that
   are dates, times, phone or version numbers are matched first and dropped.
2. The reversed text before the numeral gives currency prefix, qualifier and a range opener
   ("between", "from") in one anchored match, run only when the word before can start one.
3. Bare numbers (no unit, scale or currency) go through the not-a-quantity rules: years,
   days of months, labels ("No. 6", "Article 5"), list numbering, identifiers, names and
   model numbers ("Windows 10").
4. Counts get the noun phrase that follows; cue words around the figure give status, change
   direction and rate adjectives.
A last pass links restatements in another unit ("53.96 billion yuan ($7.83 billion)") and gives
"cents" the currency of the money figure next to them.

Speed: most of the text holds no figure, and most figures have no cue word near them. So the
words that can start a spelled-out number or act as a cue are located once per text (a set of
the text's words tells which to look for at all), and a figure's context is worked out only
when a cue lies within reach of it.
"""

import re
from bisect import bisect_right

from . import lexicon as L
from . import patterns as P
from .chinese import extract_chinese, reads_as_chinese
from .model import Quantity, new_quantity, signed_as_restated
from .numbers import parse_numeral, scale_multiplier

_LOOKBACK_CHARS = 40
_CLAUSE_CHARS = 160
_CLAUSE_AFTER_CHARS = 60
_YEAR_MIN, _YEAR_MAX = 1800, 2100
_LABEL_WORDS = frozenset(L.LABEL_WORDS)
_YEAR_CUES = frozenset(L.YEAR_CUES)
# Year cues that are not also qualifiers ("around 2000 people" is a count).
_UNAMBIGUOUS_YEAR_CUES = _YEAR_CUES - {q.split()[-1] for q in L.QUALIFIERS_BEFORE}
_UNITS_LOWER = {k.lower(): v for k, v in L.UNITS.items()}
_CURRENCY_WORDS = {k.lower(): v for k, v in L.CURRENCY_WORDS.items()}
_PERIOD_HALF_AFTER = frozenset({"first", "second", "latter", "former", "other", "the", "each"})
# Words before a duration that make it a time expression, not a figure (the labelling guide).
_TIME_SPAN_WORDS = frozenset({"first", "past", "last", "next", "previous", "recent", "coming", "following"})
# A bound a negation turns over ("does not rise above": at most).
_NEGATED = {"over": "under", "under": "over"}
_FRACTION_UNIT = ("fraction", "multiplier")
_TIMES_UNIT = ("times", "multiplier")
# How far apart (as a ratio) the two bounds of "between" may be and still be read in either order.
_NEAR_BOUNDS = 1.5
_COUNT_UNIT = ("count", "count")
_RATE_CLASSES = frozenset({"currency", "count", "mass", "other", "area"})
_RATIO_CLASSES = frozenset({"percent", "multiplier"})
# Words before a numeral after which REV_PREFIX_RE can find something: the last word of each
# qualifier, currency codes and the range openers. After any other word it is skipped.
_PREFIX_WORDS_LOWER = frozenset(
    {q.split()[-1].lower() for q in L.QUALIFIERS_BEFORE if q[0].isalpha()}
    | {"between", "from", "low"}
)
_PREFIX_CODES = frozenset(k for k in L.CURRENCY_PREFIXES if k[0].isalpha())
_PLACE_PREPOSITIONS = frozenset({"in", "at", "across", "throughout", "from", "for", "of"})
_SENTENCE_OPENERS = frozenset({"", ".", "!", "?", "\n", '"', "“", "”", "(", ":", ";"})
# Words whose whole-word positions `_Document` records for the context of figures.
_PER_ADJECTIVE_WORDS = {k: v for k, v in L.PER_ADJECTIVES.items() if " " not in k}
_CUE_WORDS = frozenset(
    set(L.STATUS_CUES)
    | set(L.CHANGE_CUES)
    | set(L.CHANGE_NOUNS)
    | set(_PER_ADJECTIVE_WORDS)
    | {"by"}
)
# Words `_status` looks at: cues, and the verbs that cancel them.
_STATUS_WORDS = frozenset(L.STATUS_CUES) | {"by"} | L.ACTUAL_VERBS
_NUMBER_START_BYTES = frozenset(w.encode() for w in P.NUMBER_START_WORDS)
_ARTICLE_SCALE_BYTES = frozenset(w.encode() for w in P.ARTICLE_SCALE_WORDS)
_NOT_A_UNIT = (None, None)
_QUALIFIER_AFTER_STARTS = tuple({" " + q.split()[0] for q in L.QUALIFIERS_AFTER if q[0] == " "})
# Units an age is counted in ("a 50-year-old man", "a six-month-old baby").
_AGE_UNITS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days"})
# Words of a change ("rose from 10 to 20 percent"): then "from X to Y" is two values.
_FROM_TO_CHANGE_WORDS = frozenset(L.CHANGE_CUES) | L.FROM_TO_CHANGE_VERBS
# A bound named before its noun and "of"/"at": "a maximum duration of 20 years", "set its maximum
# investment in any project at NT$5 million", "for a minimum of three years".
# What a bound noun's figure may follow ("a maximum of", "capped at", "the maximum subsidy is").
_BOUND_LINKS = (" of ", " at ", " is ", " was ", " are ", " were ", " will be ")
_BOUND_NOUN_RE = re.compile(
    r"\b(?P<bound>maximum|minimum|ceiling|limit)\b(?!\s+(?:wages?|salary|salaries|temperatures?|age)\b)[^,;:.()\d]{0,60}"
    r"\b(?:" + "|".join(link.strip().replace(" ", r"\s+") for link in _BOUND_LINKS) + ") $"
)
# Verbs that move their object from one level to another ("raised the ratio for angel funds
# from 25% to 40%"), and verbs of a spread that make "from X to Y" a range.
_OBJECT_CHANGE_VERBS = frozenset({
    "raised", "raises", "lifted", "lowered", "increased", "reduced", "cut", "expanded", "boosted",
    "hiked", "trimmed", "slashed", "doubled", "tripled", "halved", "upgraded", "downgraded",
})
_RANGE_VERBS = frozenset({"range", "ranged", "ranges", "ranging", "varied", "varies", "varying", "vary"})
_ERA_MARKERS = frozenset({"a.d.", "ad", "b.c.", "bc", "bce", "ce", "b.c.e.", "c.e."})
# unit as written -> (unit, unit class); filled as units are met (the spellings are few).
_UNIT_CACHE: dict[tuple[str, bool], tuple[str | None, str | None]] = {}
_UNIT_CACHE_SIZE = 4096


class _Document:
    """One text being read, with what is worked out once for all of its figures."""

    __slots__ = ("blocked", "lowered", "text", "word_starts")

    def __init__(self, text: str):
        self.text = text
        lowered = text.lower()
        if len(lowered) != len(text):  # "İ" lowers to two characters: keep offsets aligned
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        self.lowered = lowered
        self.blocked = _url_and_email_spans(text)
        words = set(lowered.encode().translate(P.TOKEN_BYTES).split())
        if "fold" in lowered:  # "threefold" holds the number word "three"
            words.update(w[:-4] for w in words.copy() if w.endswith(b"fold"))
        self.word_starts = _number_word_starts(
            lowered,
            _NUMBER_START_BYTES.intersection(words),
            _ARTICLE_SCALE_BYTES.intersection(words),
        )


def extract(
    text: str, language: str | None = None, *, warehouse_forms: bool = False
) -> list[Quantity]:
    """Every quantity in `text`, in order of appearance. Never raises on a str.

    Chinese text (`language` "zh..." or, without a language, text that reads as Chinese) is
    read by `chinese.extract_chinese`; everything else by the English rules below.

    With `warehouse_forms`, English figures the warehouse's labelling guide counts and general
    news labelling does not are read too: verbs of a multiple ("almost doubled" is 2 times,
    "halved" a fall of 50%; news labels "the amounts around them, not the verb") and shares
    written as a count out of a count ("9 out of 10 new jobs" is 90%, "one in three" 33.3%)."""
    quantities: list[Quantity] = []
    if not text:
        return quantities
    if language is None:
        if reads_as_chinese(text):
            return extract_chinese(text)
    elif language.lower().startswith("zh"):
        return extract_chinese(text)
    doc = _Document(text)
    blocked = doc.blocked
    word_starts = doc.word_starts
    word_index, word_count = 0, len(word_starts)
    search_digits = P.DIGIT_QUANTITY_RE.search
    match_at = P.QUANTITY_RE.match
    no_more = len(text)
    position = 0
    previous_end = 0
    digit_match = search_digits(text)
    while True:
        # The next candidate: the first digit quantity (found by one search that skips in C
        # whatever cannot start one) or the next spelled-out number, whichever comes first.
        if digit_match is not None and digit_match.start() < position:
            digit_match = search_digits(text, position)
        digit_start = digit_match.start() if digit_match is not None else no_more
        while word_index < word_count and word_starts[word_index] < position:
            word_index += 1
        if word_index < word_count and word_starts[word_index] < digit_start:
            candidate = word_starts[word_index]
            match = match_at(text, candidate)
            if match is None:
                position = candidate + 1
                continue
        elif digit_match is None:
            break
        else:
            match = digit_match
        position = match.end()
        if match.start("skip") >= 0:
            continue
        if blocked and _inside(blocked, match.start()):
            continue
        quantity, resume = _read(doc, match, previous_end)
        if resume is not None:
            position = resume
        if quantity is not None:
            quantities.append(quantity)
            previous_end = quantity.end
    if quantities:
        if warehouse_forms:
            quantities = _join_shares(doc, quantities)
        quantities = _share_listed_units(doc, quantities)
        quantities = _losses_listed(text, quantities)
        quantities = _changes_listed(text, quantities)
    if warehouse_forms and _MULTIPLYING_STEMS_RE.search(doc.lowered):
        quantities = _add_multiplying_verbs(doc, quantities)
    if len(quantities) > 1:
        quantities = _join_compound_amounts(text, quantities)
        quantities = _link_equivalents(text, quantities)
        quantities = [signed_as_restated(q, quantities) for q in quantities]
    if quantities:
        quantities = _resolve_degrees(quantities)
    return name_units(_resolve_cents(quantities))


_LIST_GAP_RE = re.compile(r"\s*,?\s*(?:and\s+)?")


def _losses_listed(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Sums listed after a loss are losses too ("annual losses were 286 million yuan, 935 million
    yuan and 911 million yuan")."""
    in_loss = False  # the figure before is a loss
    for i, this in enumerate(quantities):
        before = quantities[i - 1] if i else None
        if this.unit_class != "currency":
            in_loss = False
        elif this.high < 0:
            in_loss = bool(P.LOSS_BEFORE_RE.search(text, max(0, this.start - 60), this.start)) or (
                in_loss and before is not None and bool(_LIST_GAP_RE.fullmatch(text, before.end, this.start))
            )
        elif in_loss and before is not None and before.unit_class == "currency" and _LIST_GAP_RE.fullmatch(text, before.end, this.start):
            quantities[i] = this.negated()
        else:
            in_loss = False
    return quantities


def _changes_listed(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Percentages listed after a change read as the same change ("down 12% and 15%", "the decline
    ... was 40.3%, 25.9% and 42.3%")."""
    for i in range(1, len(quantities)):
        before, this = quantities[i - 1], quantities[i]
        if (
            this.change is None and before.change is not None and this.unit == before.unit
            and this.unit in ("percent", "percentage_point")
            and _LIST_GAP_RE.fullmatch(text, before.end, this.start)
        ):
            quantities[i] = this.with_changes(change=before.change)
    return quantities


_SHARE_WINDOW = 24
_LISTED_RATIO_UNITS = frozenset({"percent", "percentage_point"})


def _share_listed_units(doc: _Document, quantities: list[Quantity]) -> list[Quantity]:
    """Bare numbers listed before a percentage take its unit ("down 0.61 and 0.33 percentage
    points", "rose 2, 3 and 4 percent"), and the list's change reads for all of them."""
    text = doc.text
    shared = None
    i = 0
    while i < len(quantities) - 1:
        # the run of bare numbers from i that a percentage ends
        j = i
        while j < len(quantities) - 1 and _bare_listed(quantities[j]) and P.LISTED_GAP_RE.fullmatch(
            text, quantities[j].end, quantities[j + 1].start
        ):
            j += 1
        last = quantities[j]
        if (
            j == i or last.unit not in _LISTED_RATIO_UNITS or not _bare_listed(quantities[j - 1])
            # a list closes on "and" or "or"; a number and a percentage after a comma alone are
            # two figures ("reached 20,100, 12.3 percent over 2002")
            or not P.LISTED_LAST_GAP_RE.search(text, quantities[j - 1].end, last.start)
        ):
            i = max(j, i + 1)
            continue
        previous_end = quantities[i - 1].end if i else 0
        _, change, basis, _ = _context(doc, quantities[i].start, quantities[i].end, previous_end, "percent")
        change, basis = change or last.change, basis or last.change_basis_text
        if shared is None:
            shared = list(quantities)
        for k in range(i, j + 1):
            listed = shared[k]
            shared[k] = listed.with_changes(
                unit=last.unit, unit_class=last.unit_class, is_percentage_point=last.is_percentage_point,
                change=listed.change or change, change_basis_text=listed.change_basis_text or basis,
            )
        i = j + 1
    return quantities if shared is None else shared


def _bare_listed(quantity: Quantity) -> bool:
    return (quantity.unit == "count" and quantity.unit_text is None and quantity.counted is None
            and quantity.scale == 1.0 and not quantity.is_word_number and quantity.value is not None)


def _join_shares(doc: _Document, quantities: list[Quantity]) -> list[Quantity]:
    """A count out of a count is a share in percent: "9 out of 10 new jobs" is 90%, "one in three
    computers" 33.3% (one figure over both numerals); "in" only with a count of at most 100 and
    its noun ("1 in 2019", "5 in 10 years" stay apart)."""
    text = doc.text
    joined = None
    for i, second in enumerate(quantities):
        if (second.unit != "count" or second.unit_text is not None or second.scale != 1.0
                or not second.value or second.value > 1000 or second.start < 4):
            continue
        share = P.SHARE_BEFORE_RE.search(text, max(0, second.start - _SHARE_WINDOW), second.start)
        if share is None:
            continue
        part = parse_numeral(share.group("a"))
        within = share.group("link") == "in"
        if not 0 < part <= second.value or (within and (second.counted is None or second.value > 100 or part == second.value)):
            continue
        first = quantities[i - 1] if i else None
        if first is not None and first.start == share.start("a") and first.end == share.end("a"):
            qualifier, qualifier_text = first.qualifier, first.qualifier_text
        elif first is not None and first.end > share.start("a"):
            continue  # the first numeral is part of another figure
        else:
            first = None
            qualifier, qualifier_text = second.qualifier, second.qualifier_text
        start = share.start("a")
        value = round(100.0 * part / second.value, 6)
        quantity = new_quantity(
            text[start : second.end], start, second.end, text[start : second.end], value, value, None,
            1.0, value, value, value, None, "percent", "percent", False, None, None, qualifier,
            qualifier_text, second.status_hint, None, None, None, not share.group("a")[0].isdigit(),
        )
        if joined is None:
            joined = list(quantities)
        position = joined.index(second)
        joined[position] = quantity
        if first is not None:
            del joined[position - 1]
    return quantities if joined is None else joined


_MULTIPLYING_STEMS_RE = re.compile("doubl|tripl|trebl|quadrupl|halv")


def _add_multiplying_verbs(doc: _Document, quantities: list[Quantity]) -> list[Quantity]:
    """`quantities` with the multiples verbs state ("almost doubled to 19.08 million" is 2
    times, "halved" a fall of 50%), in order; a verb inside a figure already found is left."""
    text = doc.text
    found = []
    for match in P.MULTIPLYING_RE.finditer(text):
        start, end = match.span()
        before = text[max(0, start - _LOOKBACK_CHARS) : start][::-1]
        previous = _previous_word(before).lower()
        if match.group("base") is not None and not (
            previous in P.MULTIPLYING_BASE_BEFORE or P.MULTIPLYING_BASE_AFTER_RE.match(text, end)
        ):
            continue  # "a double room", "in double digits"
        verb = match.group().lower()
        if verb in L.HALVING_VERBS:
            value, unit, unit_class, change = 50.0, "percent", "percent", "decrease"
        else:
            multiple = L.MULTIPLYING_VERBS.get(verb) or L.MULTIPLYING_BASE_VERBS[verb]
            value, unit, unit_class, change = float(multiple), "times", "multiplier", "increase"
        qualifier, qualifier_text = "exact", None
        prefix = P.REV_PREFIX_RE.match(before)
        if prefix.group("qual") is not None:
            qualifier_text = prefix.group("qual")[::-1]
            qualifier = L.QUALIFIERS_BEFORE.get(" ".join(qualifier_text.lower().split()), "exact")
        found.append((start, end, value, unit, unit_class, change, qualifier, qualifier_text))
    if not found:
        return quantities
    merged = list(quantities)
    starts = [q.start for q in merged]
    for start, end, value, unit, unit_class, change, qualifier, qualifier_text in found:
        i = bisect_right(starts, start)
        if (i and merged[i - 1].end > start) or (i < len(merged) and merged[i].start < end):
            continue
        previous_end = merged[i - 1].end if i else 0
        status, _, _, _ = _context(doc, start, end, previous_end, unit_class)
        basis = P.CHANGE_BASIS_RE.search(doc.text, end, _clause_end(doc.text, end))
        quantity = new_quantity(
            text[start:end], start, end, text[start:end], value, value, None, 1.0, value, value,
            value, None, unit, unit_class, False, None, None, qualifier, qualifier_text, status,
            change, basis.group() if basis else None, None, True,
        )
        merged.insert(i, quantity)
        starts.insert(i, start)
    return merged


def _number_word_starts(lowered: str, present: set[bytes], articles: set[bytes]) -> list[int]:
    """Offsets where a spelled-out number may start ("two", "Forty", "a dozen"), sorted.

    `present` and `articles` are the number words and article scale words that occur in the
    text as words; only those are looked for.
    """
    starts = []
    for encoded in present:
        word = encoded.decode()
        found = lowered.find(word)
        while found >= 0:
            after = found + len(word)
            if (found == 0 or not _continues_word(lowered[found - 1])) and (
                not lowered[after : after + 1].isalpha() or lowered.startswith("fold", after)
            ):
                starts.append(found)
            found = lowered.find(word, after)
    for encoded in articles:
        word = encoded.decode()
        found = lowered.find(word)
        while found >= 0:
            article = P.ARTICLE_BEFORE_RE.search(lowered, max(0, found - 5), found)
            if article is not None:
                starts.append(article.start())
            found = lowered.find(word, found + len(word))
    starts.sort()
    return starts


def _continues_word(char: str) -> bool:
    return char.isalnum() or char in "'’-"


def _url_and_email_spans(text: str) -> tuple[list[int], list[int]] | None:
    """Spans of e-mail addresses and URLs, whose digits are not quantities."""
    spans = []
    for marker in ("@", "www.", "://"):
        found = text.find(marker)
        while found >= 0:
            head = P.ADDRESS_PART_RE.match(text[max(0, found - 200) : found][::-1])
            tail = P.ADDRESS_PART_RE.match(text, found + len(marker))
            spans.append((found - head.end(), tail.end()))
            found = text.find(marker, tail.end())
    if not spans:
        return None
    spans.sort()
    return [s for s, _ in spans], [e for _, e in spans]


def _inside(blocked: tuple[list[int], list[int]], offset: int) -> bool:
    starts, ends = blocked
    i = bisect_right(starts, offset) - 1
    return i >= 0 and offset < ends[i]


def _read(doc: _Document, match: re.Match, previous_end: int) -> tuple[Quantity | None, int | None]:
    """Quantity for one scanner match, or None; plus where to resume scanning if not at its end."""
    text = doc.text
    n1, s1, n2, s2, tail, plus, unit_text = match.group(
        "n1", "s1", "n2", "s2", "tail", "plus", "unit"
    )
    start = match.start("n1")
    end = match.end()
    resume = None
    is_word = not (n1[0].isdigit() or n1[0] in L.UNICODE_FRACTIONS)

    # A digit or letter right after the figure means a token like "13th", "3W", "5G", "36Kr";
    # a hyphen and a letter a compound modifier like "one-stop" or "5-star", unless it makes
    # an age ("a 50-year-old man", "15 year-old students").
    age_end = None
    change_in_points = False
    unit_modifier = False  # "a 260-foot-tall turbine": the unit, then what it measures
    counted_in_modifier = None  # "the 120-member Knesset"
    hyphenated_unit = None  # "the 7,000-square-meter incubator"
    if end < len(text):
        following = text[end]
        if following.isalnum() and not (not is_word and _glued_after(text, end, n1)):
            return None, None
        if following == "-" and text[end + 1 : end + 2].isalpha():
            if unit_text is None:
                member = P.MEMBER_MODIFIER_RE.match(text, end) if not is_word else None
                if member is None:
                    hyphenated_unit = P.HYPHENATED_UNIT_RE.match(text, end)
                    if hyphenated_unit is None:
                        return None, None
                else:
                    counted_in_modifier = member.group(1)
            else:
                age = P.AGE_OLD_RE.match(text, end)
                if age is not None and unit_text.lower() in _AGE_UNITS:
                    age_end = age.end()
                else:
                    unit_modifier = True
        elif unit_text is not None and unit_text.lower() in _AGE_UNITS:
            age = P.AGE_OLD_RE.match(text, end)
            age_end = age.end() if age is not None else None

    before = text[max(0, start - _LOOKBACK_CHARS) : start][::-1]
    previous_word = _previous_word(before)
    if end == match.end("n1") and not is_word and _is_date_or_label(n1, previous_word):
        return None, None  # fast exit for the commonest non-quantities: "in 2017", "May 7"
    currency_prefix = currency_space = qualifier_text = opener = None
    qualifier_start = start
    if before and (
        not before[0].isspace()
        or not previous_word
        or previous_word in _PREFIX_CODES
        or previous_word.lower() in _PREFIX_WORDS_LOWER
    ):
        prefix = P.REV_PREFIX_RE.match(before)
        currency_prefix, currency_space, qualifier_text, opener = prefix.group(
            "cur", "cur_ws", "qual", "opener"
        )  # all reversed; opener is "neewteb" or "morf"
        if opener is not None and opener[-4:].lower() == "morf":
            opener = "morf"  # "from a low of 8.5% to a high of 10.4%"
        if qualifier_text is not None:
            qualifier_start = start - prefix.end("qual")
    if before and not is_word and not currency_prefix:
        previous_char = before[0]
        if previous_char in "'’_" or (previous_char.isalpha() and not _glued_before(before, n1, unit_text)):
            return None, None  # A380, '90s
        if previous_char == "-" and before[1:2].isalpha():
            return None, None  # COVID-19

    # --- numbers and scale
    raw_low = parse_numeral(n1)
    number_end = match.end("n1")
    split_range = False
    scale_text = s1
    low_scale_text = None  # the low end's own scale word, in a range that writes one
    if n2 is not None:
        raw_high = parse_numeral(n2)
        shared_scale = s1 or (s2 if raw_low <= raw_high else None)  # "30-40 million"
        low = _scaled(raw_low, shared_scale)
        high = _scaled(raw_high, s2)
        if _is_year(n1) and not s1 and currency_prefix is None:
            if _is_year(n2) or len(n2) == 2:
                return None, None  # 2014-2017, 2014-15
            return None, match.start("n2")  # "in 2012 to 16.51 million": a year, then a figure
        to_sep = match.group("sep").strip() == "to"
        # A change, then the level it reached: "rose from 10 to 20 percent", "increased by
        # $43.6 billion to $419.2 billion", "rose 0.3 to 61.7%" (not "by 10 to 20 percent").
        from_change = opener == "morf" and _changes_before(doc, start)
        far_apart = high > 4 * low > 0 or match.group("cur2") is not None
        to_level = to_sep and (
            from_change
            or (
                far_apart
                and (
                    _is_change_by(before, currency_prefix, currency_space)
                    or _changes_before(doc, start, window=2)
                )
            )
        )
        if n1.isdigit() and n2.isdigit() and _is_score(doc, match, unit_text, currency_prefix):
            return None, None  # "drew 2-2", "a 3-1 win"
        if to_level and not from_change and not s1 and _is_percent_sign(unit_text):
            change_in_points = True  # "rose by 1.4 to 56.5%": the change is in points
        if low > high or to_level:
            # "rose from 10 to 20 percent" and "increased by $43.6 billion to $419.2 billion"
            # state two values (a change, a level), and so does a range running backwards:
            # keep the first here (sharing scale and unit) and scan the second on its own.
            split_range = True
            end = match.end("s1") if s1 else number_end
            resume = match.start("n2")
            scale_text, n2 = shared_scale, None
        else:
            scale_text = s2 or s1
            low_scale_text = s1
            number_end = match.end("n2")
    if n2 is None:
        raw_high = raw_low
        low = high = _scaled(raw_low, scale_text)
        if tail is not None:
            tail_match = P.QUANTITY_RE.match(tail)
            tail_scale = tail_match.group("s1")
            tail_value = _scaled(parse_numeral(tail_match.group("n1")), tail_scale)
            if tail_scale and scale_text and tail_value < scale_multiplier(scale_text):
                low = high = low + tail_value  # 14 million 798 thousand
                number_end = match.end("tail")
                raw_low = raw_high = low / scale_multiplier(scale_text)
            else:
                end = match.end("s1")
                resume = match.start("tail")
                unit_text = None
    scale = scale_multiplier(scale_text) if scale_text else 1.0

    # --- unit
    unit = unit_class = None
    if hyphenated_unit is not None:
        unit_text = hyphenated_unit.group("unit")
        end = hyphenated_unit.end()
        unit, unit_class = _unit_of(" ".join(unit_text.split("-")), scale_text is not None)
        if unit is None:
            return None, None
    elif unit_text is not None:
        unit, unit_class = _unit_of(unit_text, scale_text is not None)
        if unit_class == "minor_currency":  # "45 cents" is 0.45 dollars
            unit, fraction = L.MINOR_CURRENCY_WORDS[unit_text.lower()]
            unit, unit_class = unit or "USD", "currency"
            low, high = round(low * fraction, 9), round(high * fraction, 9)
        elif unit_text in L.MILLION_UNITS and scale_text is None and raw_high < 1000:
            low, high = round(low * 1e6, 6), round(high * 1e6, 6)  # "112.02 mt", "33.92 mh"
        elif unit_text.lower() in L.SCALED_UNITS:  # "0.6 mb/d" is 600,000 barrels a day
            factor = L.SCALED_UNITS[unit_text.lower()][2]
            low, high = round(low * factor, 6), round(high * factor, 6)
        if unit == "point" and is_word:
            unit = None  # "two points in particular": things said, not index points
        if unit == "second" and unit_text.lower() == "second" and high != 1:
            unit = None  # "two second prizes": the ordinal of what is counted ("two seconds" is a duration)
        if unit is None:
            if unit_modifier:
                return None, None  # "one-stop", "5-star"
            if not split_range:
                end = match.start("unit_sep")
            unit_text = None
        elif (
            is_word
            and match.group("unit_sep") == "-"
            and n1[0].isupper()
            and unit_text[0].isupper()
        ):
            return None, None  # "Five-Year Plan": a title, not five years
        elif is_word and n1.lower() == "half" and match.group("unit_sep") == "-":
            return None, None  # "half-year profits": a period
    if currency_prefix is not None:
        start -= len(currency_prefix) + len(currency_space)
        if unit_class != "currency":
            unit_text = currency_prefix[::-1]
            unit, unit_class = _currency_of_symbol(text, unit_text, start, end), "currency"
    elif before[:1] in ("-", "−") and before[1:2] in ("", " ", "(", "\n") and not is_word:
        start -= 1  # a minus sign, not a range dash or a hyphenated word
        raw_low, raw_high, low, high = -raw_high, -raw_low, -high, -low
    elif previous_word.lower() == "minus" and not is_word:
        start -= len(before) - len(before.lstrip()) + 5  # "minus 12 degrees Celsius"
        raw_low, raw_high, low, high = -raw_high, -raw_low, -high, -low
    if not is_word and low >= 0 and _negative_before(text, start):
        raw_low, raw_high, low, high = -raw_high, -raw_low, -high, -low  # "from negative RMB11.1 billion"
    elif unit_class == "currency" and low >= 0 and P.LOSS_BEFORE_RE.search(text, max(0, start - 60), start):
        raw_low, raw_high, low, high = -raw_high, -raw_low, -high, -low  # "a net loss of RMB 1.3 billion"

    if is_word and unit_class == "duration" and n1.lower() in ("a", "an"):
        half = P.AND_A_HALF_RE.match(text, end)
        if half is not None:  # "a year and a half", "a year-and-a-half"
            raw_low = raw_high = low = high = 1.5
            end = half.end()
    if age_end is not None and unit_class == "duration":
        end = age_end  # "50-year-old", "10 years old"
    elif unit_class == "duration" and (
        previous_word.lower() in _TIME_SPAN_WORDS
        or (previous_word.lower() == "the" and P.PERIOD_ENDED_AFTER_RE.match(text, end))
        or P.PLAN_AFTER_RE.match(text, end)
    ):
        # "in the past five years", "the first 11 months", "the twelve-month period ended
        # September 30": a time expression; "the 13th five-year plan": a name
        return None, resume
    number_text = text[match.start("n1") : number_end]
    if unit is None:
        if is_word and number_text.split()[0].lower() in L.MULTIPLIER_WORDS:
            unit, unit_class = _TIMES_UNIT
        elif is_word and n1.lower() == "half" and previous_word.lower() in _PERIOD_HALF_AFTER:
            return None, resume  # "the first half of 2017" is a period
        elif is_word and number_text.lower().endswith("quarters") and previous_word.lower() in _TIME_SPAN_WORDS:
            return None, resume  # "the first three quarters of 2019" is a period
        elif is_word and n1.lower() == "half" and previous_word.lower() in ("a", "an"):
            return None, resume  # "a half marathon": an adjective
        elif scale_text is None and (
            _is_fraction_words(number_text) if is_word else "/" in n1 and " " not in n1
        ):
            unit, unit_class = (
                _FRACTION_UNIT  # "half of", "two-thirds", "1/3 of"; not "half a million"
            )
        else:
            unit, unit_class = _COUNT_UNIT
            bare = not (scale_text or plus or qualifier_text) or (
                _is_year(n1) and not scale_text and not plus  # "up 5.4% over 2015"
            )
            if bare and _is_not_a_quantity(
                text, start, end, before, previous_word, n1, n2, raw_low, is_word
            ):
                return None, resume

    between = None
    said_between = opener is not None and opener.lower() == "neewteb"  # the opener is read backwards
    if opener is not None and n2 is None and not split_range:
        if said_between:
            between = _between_second(doc, end, previous_end)  # "between 2 and 3 million yuan"
        elif not _changes_before(doc, start):
            between = _from_second(doc, end, previous_end, unit, low)  # "from 252 to 287 miles"
    if (
        between is None
        and n2 is None
        and not split_range
        and unit not in (None, "count")
        and (P.FOLLOWING_DASH_RE.match(text, end))
    ):
        # 6%-7%, also after "from" with no "to" ("ranged from 13%-15%")
        between = _from_second(doc, end, previous_end, unit, low, P.FOLLOWING_DASH_RE)
    high_scale = None
    if between is not None:
        low_scale_text = scale_text
        high_scale = (between.scale_text, between.scale) if between.scale_text else None
        if scale_text is None and between.scale != 1.0 and raw_low <= between.raw_low:
            scale_text, scale = between.scale_text, between.scale
            low = _scaled(raw_low, scale_text)
        if unit == "count" or unit is None:
            unit_text, unit, unit_class = between.unit_text, between.unit, between.unit_class
        raw_high, high, end, resume = between.raw_high, between.high, between.end, between.end
        number_text = text[match.start("n1") : between.start + len(between.number_text)]
        if (
            said_between and 0 < high < low <= _NEAR_BOUNDS * high
            and between.scale_text == low_scale_text  # one scale for both: the raw ends swap as the values do
        ):
            # "remained stable, between 42.97% and 42.85% over the period 2017-19": near bounds of
            # "between" come in either order (here the years'); ends further apart ("between 500
            # billion and 1 billion") are more likely a slipped digit or scale word, left reversed
            # for dbt to quarantine
            raw_low, raw_high, low, high = raw_high, raw_low, high, low

    # --- qualifier
    qualifier = "exact"
    if qualifier_text is not None:
        qualifier_text = qualifier_text[::-1]
        qualifier = L.QUALIFIERS_BEFORE.get(" ".join(qualifier_text.lower().split()), "exact")
        over_a_period = unit_class == "duration" and qualifier_text.lower() == "over"
        if over_a_period and not text.startswith(" of", end):
            qualifier, qualifier_text = "exact", None  # "over two years" means "during"
        elif qualifier in _NEGATED and P.NEGATION_BEFORE_RE.search(text, max(0, qualifier_start - 30), qualifier_start):
            qualifier = _NEGATED[qualifier]  # "does not rise above 4.5 percent", "will not exceed": at most
    if plus is not None:
        qualifier, qualifier_text = L.QUALIFIERS_AFTER[plus], plus
    elif qualifier == "exact" and text.endswith(_BOUND_LINKS, 0, start):
        if doc.lowered.endswith("capped at ", 0, start):
            qualifier, qualifier_text = "under", text[start - 10 : start - 1]
        elif any(doc.lowered.find(word, max(0, start - 80), start) >= 0 for word in ("imum", "ceiling", "limit")):
            bound = _BOUND_NOUN_RE.search(doc.lowered, max(0, start - 80), start)
            if bound is not None:  # "a maximum duration of 20 years", "its maximum investment ... at", "the subsidy limit is"
                qualifier = "under" if bound.group("bound") in ("maximum", "ceiling", "limit") else "over"
                qualifier_text = text[bound.start("bound") : bound.end("bound")]

    # --- counted noun and rate basis
    counted, counted_end = None, end
    per = _rate_basis(match)
    if unit == "count" and counted_in_modifier is not None:
        counted = counted_in_modifier
    elif unit == "count":
        collective = scale_text is not None and scale_text.lower() in L.COLLECTIVE_WORDS
        counted, counted_end = _counted_noun(text, end, low, after_of=collective)
        if counted is None and is_word and low == 1 and not scale_text:
            return None, resume  # "one of", "one for all": a pronoun, not a count
        if counted is None and unit_text is None and currency_prefix is None:
            bare = _bare_number_unit(doc, start, end, before, previous_word, n1, low, scale_text)
            if bare is not None:
                if bare[0] == "m":  # "100m": metres, not 100 million
                    raw_high = raw_low
                    scale_text, scale, low, high = None, 1.0, raw_low, raw_high
                    unit_text = text[match.end("n1") : match.end("s1")]
                unit, unit_class, per = bare[0], bare[1], bare[2] or per
        if counted is not None and per is None:
            per_match = P.FOLLOWING_PER_RE.match(text, counted_end)
            if per_match is not None:
                per = _rate_basis(per_match)
    if plus is None and text.startswith("+", end) and not text[end + 1 : end + 2].isdigit():
        qualifier, qualifier_text = "over", "+"  # "hold 50%+ in their portfolios"
    elif plus is None:
        # "50 or so", "10,000 visitors or more"; after a restatement in brackets, the bound is the
        # restated figure's and the restatement's ("20 million yuan (about 3 million U.S. dollars)
        # and above")
        bracket = P.BRACKETED_RESTATEMENT_RE.match(text, counted_end)
        bound_at = bracket.end() if bracket is not None else counted_end
        after = P.FOLLOWING_QUALIFIER_RE.match(text, bound_at) if text.startswith(_QUALIFIER_AFTER_STARTS, bound_at) else None
        if after is not None and not P.PREPOSITION_OBJECT_RE.match(text, after.end()):
            # (not "... (1.41 percent) and above the provincial average": a preposition)
            qualifier_text = after.group().strip()
            qualifier = L.QUALIFIERS_AFTER[" " + " ".join(qualifier_text.lower().split())]

    # --- the words around the figure
    status, change, change_basis, adjective_per = _context(
        doc, start, end, previous_end, unit_class
    )
    if per is None and unit_class in _RATE_CLASSES:
        per = adjective_per

    if change_in_points and unit == "percent":
        unit, unit_text = "percentage_point", None
    if unit == "times" and unit_text == "times" and not _multiplies(doc, start, end):
        # "won the race 16 times": a count of occasions; "times" is then the counted noun, not
        # the multiplier unit the seeds map the word to
        unit, unit_class = _COUNT_UNIT
        counted, unit_text = "times", None
    if unit_text == "PCT" and P.PATENT_TREATY_AFTER_RE.match(text, end):
        # "130 PCT (Patent Cooperation Treaty) applications": the treaty's filings, counted
        unit, unit_class = _COUNT_UNIT
        counted, unit_text = "PCT applications", None
    if unit_text is not None and unit_text.lower() in L.CURRENCIES_BY_COUNTRY:
        unit = _currency_by_country(text, start, end, unit_text.lower(), unit)
    if unit == "bbl" and per == "day":
        unit, per = "bbl/day", None  # "2 million barrels a day"
    value = low if low == high else None
    if value is not None:
        low_scale_text = None
    elif high_scale is not None:  # "between 800,000 and 1 million": the high end's scale
        scale_text, scale = high_scale
    return (
        new_quantity(
            text[start:end],
            start,
            end,
            number_text,
            raw_low,
            raw_high,
            scale_text,
            scale,
            value,
            low,
            high,
            unit_text,
            unit,
            unit_class,
            unit == "percentage_point",
            counted,
            per,
            qualifier,
            qualifier_text,
            status,
            change,
            change_basis,
            None,
            is_word,
            None,
            None,
            low_scale_text,
        ),
        resume,
    )



def _bare_number_unit(
    doc: _Document,
    start: int,
    end: int,
    before: str,
    previous_word: str,
    numeral: str,
    value: float,
    scale_text: str | None,
) -> tuple[str, str, str | None] | None:
    """(unit, unit class, rate basis) the words around a number with no unit and no counted
    noun give it: an index or bond price in points, an age, a temperature, a distance in metres
    ("100m"), an exchange rate ("150 per dollar"); None when they give nothing."""
    text = doc.text
    previous = previous_word.lower()
    if scale_text is not None:
        if scale_text == "m" and value < 1e10:  # under 10,000 before the scale
            return "m", "length", None  # "ran 100m"
        return None
    if "/" in numeral and " " in numeral:
        return "point", "other", None  # a bond at 101 1/4
    if previous in ("to", "at") and P.INDEX_WORDS_RE.search(
        doc.lowered, max(0, start - 160), start
    ):
        return "point", "other", None  # "fell 20.86 points, to close at 11,060.06"
    words_before = P.CLAUSE_WORD_RE.findall(doc.lowered, max(0, start - 24), start)[-2:]
    if value.is_integer() and 0 < value < 130:
        if previous in ("aged", "age", "ages") or words_before in (["age", "of"], ["ages", "of"]):
            return "year", "duration", None  # "aged 11", "at the age of 24"
        if words_before and words_before[0] == "who" and previous in ("was", "is"):
            return "year", "duration", None  # "her son, who was 10"
        if (
            before[:2] == " ,"
            and text[end : end + 1] == ","
            and value >= 18
            and before[2:3].isalpha()
        ):
            return "year", "duration", None  # "The chairman, 71, will step down"
    temperature_cue = words_before in (["high", "of"], ["low", "of"], ["highs", "of"]) or (
        words_before in (["lows", "of"], ["feels", "like"])
    )
    if temperature_cue and -60 < value < 135 and "," not in numeral:
        return "deg", "other", None  # "a high of 95": resolved with the other degrees
    rate = P.PER_DOLLAR_RE.match(text, end)
    if rate is not None:
        currency = _currency_named_before(doc.lowered, start)
        if currency is not None:
            return currency, "currency", "dollar"  # "the yen weakened past 150 per dollar"
    return None


def _currency_named_before(lowered: str, start: int) -> str | None:
    """ISO code of the last currency named in the words before `start` ("the yen ...")."""
    for word in reversed(P.CLAUSE_WORD_RE.findall(lowered, max(0, start - 100), start)):
        code = _CURRENCY_WORDS.get(word.rstrip("'’s")) or _CURRENCY_WORDS.get(word)
        if code is not None and word not in ("dollar", "dollars"):
            return code
    return None


def _changes_before(doc: _Document, start: int, window: int = 4) -> bool:
    """True when a change word comes just before the "from" that opens the figure ("rose from
    10 to 20 percent", "was cut from $5 to $3"), or, without "from", within `window` words of
    it ("rose 0.3 to 61.7%")."""
    words = P.CLAUSE_WORD_RE.findall(doc.lowered, max(0, start - 48), start)
    if "from" in words[-6:]:
        words = words[: len(words) - words[::-1].index("from") - 1]
        window = 1  # the word just before "from": "rose from", not "wage growth ranged from"
        if words and words[-1] not in _FROM_TO_CHANGE_WORDS:
            # a verb with its object between: "raised the contribution ratio for angel funds from"
            before_from = P.CLAUSE_WORD_RE.findall(doc.lowered, max(0, start - 120), start)
            before_from = before_from[: len(before_from) - before_from[::-1].index("from") - 1][-8:]
            for word in reversed(before_from):
                if word in _RANGE_VERBS:
                    break
                if word in _OBJECT_CHANGE_VERBS:
                    return True
        if words and words[-1] in ("and", "or"):
            # "has risen from 1.2 to 2.2 percent ... and from 2.9 to 3.9 percent"
            earlier_from = doc.lowered.rfind("from", max(0, start - 160), start - 10)
            return earlier_from >= 0 and _changes_before(doc, earlier_from + 5)
    if words and words[-1] in ("by", "$", "us$", "€", "£"):
        words = words[:-1]
    if words and words[-1].endswith("ly"):
        words = words[:-1]  # "rose sharply from"
    return not _FROM_TO_CHANGE_WORDS.isdisjoint(words[-window:])


def _is_percent_sign(unit_text: str | None) -> bool:
    return unit_text is not None and unit_text.lower() in ("%", "percent", "per cent", "pct")


def _multiplies(doc: _Document, start: int, end: int) -> bool:
    """True when "N times" multiplies ("six times larger", "grew by 3 times", "3 times the
    size") rather than counts repeats ("won the race 16 times")."""
    following = [
        word.rstrip(".!?")
        for word in P.CLAUSE_WORD_RE.findall(doc.lowered, end, min(len(doc.text), end + 20))[:1]
    ]
    if following and (
        following[0] in L.MULTIPLIER_FOLLOWERS
        or (following[0].endswith("er") and len(following[0]) > 4)  # "3 times taller"
    ):
        return True
    words = P.CLAUSE_WORD_RE.findall(doc.lowered, max(0, start - 40), start)[-3:]
    return "by" in words or not _FROM_TO_CHANGE_WORDS.isdisjoint(words)


def _currency_by_country(text: str, start: int, end: int, word: str, default: str) -> str:
    """Rupees are Indian and crowns Danish unless the text near them names another country
    that counts in them ("1,200 rupees in Karachi", "the Norwegian fund lost 1.2 trillion
    crowns")."""
    nearby = text[max(0, start - 300) : end + 300]
    for cue, code in L.CURRENCIES_BY_COUNTRY[word].items():
        if cue in nearby:
            return code
    return default


def _is_change_by(reversed_before: str, currency_prefix: str | None, space: str | None) -> bool:
    """True for "increased by $43.6 billion to ...": a change, then the level it reached."""
    if currency_prefix is not None:
        reversed_before = reversed_before[len(currency_prefix) + len(space or "") :]
    return _previous_word(reversed_before).lower() == "by"


def _is_score(doc: _Document, match: re.Match, unit_text: str | None, prefix: str | None) -> bool:
    """True for a score ("drew 2-2", "a 3-1 win"): a bare dash pair of small numbers that counts
    nothing, stated equal or downwards or among the words of a game."""
    if unit_text is not None or prefix is not None or match.group("s1") or match.group("s2"):
        return False
    n1, n2 = match.group("n1", "n2")
    if len(n1) > 2 or len(n2) > 2 or match.group("sep").strip() not in ("-", "–", "—"):
        return False
    text, end = doc.text, match.end()
    if _counted_noun(text, end, 2.0)[0] is not None:
        return False
    if int(n1) >= int(n2):
        return True
    words = P.CLAUSE_WORD_RE.findall(doc.lowered, max(0, match.start() - 40), end + 12)
    return not L.SCORE_WORDS.isdisjoint(words)


def _from_second(
    doc: _Document,
    end: int,
    previous_end: int,
    unit: str | None,
    low: float,
    connector: re.Pattern = P.FOLLOWING_TO_RE,
) -> Quantity | None:
    """The figure after "to" in "from 252 miles to 287 miles", when it is in the same unit and
    not below the first (a range running backwards is a change, two values)."""
    text = doc.text
    conjunction = connector.match(text, end)
    if conjunction is None:
        return None
    match = P.QUANTITY_RE.match(text, conjunction.end())
    if match is None:
        match = P.DIGIT_QUANTITY_RE.match(text, conjunction.end())
    if match is None or match.start("skip") >= 0 or match.group("n2") is not None:
        return None
    second, _ = _read(doc, match, previous_end)
    if second is None or second.unit != unit or second.low < low:
        return None
    if unit == "count" and second.counted is not None:
        return None  # "from 5 firms to 10 hospitals" is not a range
    return second


def _between_second(doc: _Document, end: int, previous_end: int) -> Quantity | None:
    """The figure after "and" in "between X and Y", if there is one."""
    text = doc.text
    conjunction = P.FOLLOWING_AND_RE.match(text, end)
    if conjunction is None:
        return None
    match = P.QUANTITY_RE.match(text, conjunction.end())
    if match is None or match.start("skip") >= 0 or match.group("n2") is not None:
        return None
    second, _ = _read(doc, match, previous_end)
    return second


def _unit_of(unit_text: str, has_scale: bool) -> tuple[str | None, str | None]:
    """(unit, unit class) of a unit as written; unit class "minor_currency" for "cents" and
    the like, (None, None) for a word the unit pattern let through that is not a unit here."""
    key = (unit_text, has_scale)
    known = _UNIT_CACHE.get(key)
    if known is not None:
        return known
    lowered = " ".join(unit_text.lower().split())
    if unit_text in L.EXACT_CASE_UNITS:
        known = L.EXACT_CASE_UNITS[unit_text]
    elif lowered in L.SCALED_UNITS:
        known = L.SCALED_UNITS[lowered][:2]
    elif lowered in _CURRENCY_WORDS:
        known = _CURRENCY_WORDS[lowered], "currency"
    elif unit_text in L.CURRENCY_PREFIXES:
        known = L.CURRENCY_PREFIXES[unit_text], "currency"
    elif unit_text in L.CURRENCY_SUFFIX_SIGNS:
        known = L.CURRENCY_SUFFIX_SIGNS[unit_text], "currency"
    elif lowered in L.CURRENCY_WORDS_NEEDING_SCALE:
        known = (L.CURRENCY_WORDS_NEEDING_SCALE[lowered], "currency") if has_scale else _NOT_A_UNIT
    elif lowered in L.MINOR_CURRENCY_WORDS:
        known = None, "minor_currency"
    else:
        known = _UNITS_LOWER.get(lowered, _NOT_A_UNIT)
    if len(_UNIT_CACHE) < _UNIT_CACHE_SIZE:
        _UNIT_CACHE[key] = known
    return known


def _scaled(raw: float, scale_text: str | None) -> float:
    """raw × scale without binary noise: 16.51 million is 16510000.0, not 16510000.000000002."""
    return round(raw * scale_multiplier(scale_text), 6) if scale_text else raw


def _rate_basis(match: re.Match) -> str | None:
    """Basis from "per day", "a kilogram", "/kg" or "annually" captured by a PER pattern."""
    basis = match.group("per")
    if basis is not None:
        return L.PER_BASES[" ".join(basis.lower().split())]
    adverb = match.group("per_adverb")
    if adverb is not None:
        return L.PER_ADVERBS[" ".join(adverb.lower().split())]
    return None


def _currency_of_symbol(text: str, symbol: str, start: int, end: int) -> str:
    code = L.CURRENCY_PREFIXES[symbol]
    if symbol in L.AMBIGUOUS_YEN_SYMBOLS:
        nearby = text[max(0, start - 300) : end + 300]
        if any(cue in nearby for cue in L.JAPAN_CUES):
            return "JPY"
    return code


def _is_not_a_quantity(text, start, end, before, previous_word, n1, n2, value, is_word) -> bool:
    """True for a bare number that is a year, a day, a label, list numbering or part of a name."""
    previous_lower = previous_word.lower()
    if is_word:
        # "the Three Gorges Dam": a capitalised number word inside a name
        return (
            n1[0].isupper()
            and before.lstrip(" \t")[:1] not in _SENTENCE_OPENERS
            and P.CAPITALISED_WORD_RE.match(text, end) is not None
        )
    if previous_lower.rstrip(".") in L.MONTHS or previous_lower.rstrip(":") in _LABEL_WORDS:
        return True
    if previous_lower in _LABEL_WORDS:
        return True
    if value <= 31 and P.FOLLOWING_MONTH_RE.match(text, end):
        return True
    if value <= 12 and P.TIME_OF_DAY_RE.match(text, end):
        return True  # "11 a.m.", "7 pm"
    if previous_lower in _ERA_MARKERS or P.FOLLOWING_ERA_RE.match(text, end):
        return True  # "A.D. 1000", "500 BC"
    if previous_lower in ("and", "to", "until") and P.ERA_BEFORE_RE.search(before[:40]):
        return True  # "between A.D. 1000 and 1260"
    following = text[end : end + 1]
    if following == "]" and before[:1] == "[":
        return True  # a citation mark, "[5]"
    line_start = text.rfind("\n", 0, start) + 1
    if following in (".", ")") and not text[line_start:start].strip():
        return True  # "1." or "1)" heading / list item
    digits = n1.isdigit()
    if following == ")" and before[:1] in ("(", " ", "\n", "") and digits and n2 is None:
        return True  # "(1)" or "by 1) improving"; not "(10,477)"
    if digits and len(n1) >= 7:
        return _counted_noun(text, end, value)[0] is None  # an identifier; not "1600000 homes"
    if digits and P.THE_BEFORE_RE.match(before) and P.NAME_AFTER_NUMBER_RE.match(text, end):
        return True  # "the 718 Boxster", "the 6 would sport": a model named by its number
    if _is_year(n1) and (n2 is None or len(n2) in (2, 4)):
        if previous_lower in _YEAR_CUES or n2 is not None:
            return True
        if previous_lower.endswith(("'s", "’s")):
            return True  # "ACI's 2010 statistics", "the group's 2019 report"
        counted, _ = _counted_noun(text, end, value)
        return counted is None or counted.split()[-1].lower() in L.YEAR_NOUNS
    if previous_word != previous_lower and previous_lower not in _YEAR_CUES:  # "iPhone 15" too
        if previous_word.isupper() and len(previous_word) > 1 and P.UPPER_CASE_WORD_AFTER_RE.match(text, end):
            return False  # a line in capitals ("HURUN RESEARCH FINDS 586 UNICORNS IN WORLD, UP 92")
        if _names_a_model(before, previous_word):
            return True  # "Windows 10 users", "Boeing 737", "Fortune 500 companies": a name
        counted, _ = _counted_noun(text, end, value)
        if counted is None and P.HEADLINE_AFTER_RE.match(text, end):
            return not _opens_a_line(before)
        return counted is None  # "Board:54"; but "Only 300 firms" counts firms
    return False


def _names_a_model(reversed_before: str, previous_word: str) -> bool:
    """True when the capitalised word before a numeral names a product or title ("Windows 10",
    "the Boeing 737") rather than opening the sentence ("Only 300 firms") or naming a place
    after a preposition ("In Shanghai 500 platforms"). A numeral opening a line ("Updates\n\n129,200
    Enterprises Founded") follows a heading, not a name."""
    if previous_word.lower().endswith(("'s", "’s", "s'", "s’")):
        return False
    if _opens_a_line(reversed_before):
        return False
    rest = reversed_before.lstrip()[len(previous_word) :].lstrip(" \t")
    if rest[:1] in _SENTENCE_OPENERS:
        return False
    return _previous_word(rest).lower() not in _PLACE_PREPOSITIONS


def _opens_a_line(reversed_before: str) -> bool:
    """True when a line break lies in the whitespace right before a numeral (the text before it
    reversed): it opens a line, as after a heading."""
    return "\n" in reversed_before[: len(reversed_before) - len(reversed_before.lstrip())]


def _negative_before(text: str, start: int) -> bool:
    """True when the word right before a figure is "negative" ("turned positive from negative
    RMB9.2 billion"), however many spaces or tabs part them; not "non-negative" or "nonnegative"."""
    return P.NEGATIVE_BEFORE_RE.search(text, max(0, start - 24), start) is not None


def _glued_after(text: str, end: int, numeral: str) -> bool:
    """True for letters a bad page glued to a numeral's end: a function word ("435were") or,
    after digits in groups, any lower-case word ("22,000service"), or after a percent sign a
    capitalised word ("11%The"); not "5G", "13th", "3W"."""
    if text[end - 1 : end] in ("%", "％") and text[end : end + 2].istitle() and text[end + 1 : end + 2].isalpha():
        return True  # "up 11%The company": no code ends in a percent sign
    letters = P.GLUED_LETTERS_RE.match(text, end)
    if letters is None:
        return False
    word = letters.group()
    if word in L.GLUED_WORDS:
        return True
    return "," in numeral and len(word) >= 4 and not text[letters.end() : letters.end() + 1].isalnum()


def _glued_before(reversed_before: str, numeral: str = "", unit_text: str | None = None) -> bool:
    """True for a function word glued to the numeral after it ("there were1,239") or, before a
    numeral in groups, with a decimal part or of three digits and more, or before a percent sign,
    any lower-case word of five letters or more ("exceeded10,000", "enterprise3596", "growth11%",
    a bad page's lost spaces); not a code ("A380", "COVID19", "win10", "mp3")."""
    letters = P.GLUED_LETTERS_RE.match(reversed_before)
    if letters is None or reversed_before[letters.end() : letters.end() + 1].isalnum():
        return False
    word = letters.group()[::-1]
    if word in L.GLUED_WORDS:
        return True
    digits = sum(character.isdigit() for character in numeral)
    number_like = "," in numeral or "." in numeral or digits >= 3 or (unit_text or "").strip() in ("%", "％")
    return len(word) >= 5 and number_like and numeral[:1].isdigit()


def _is_fraction_words(number_text: str) -> bool:
    return any(w in L.FRACTION_WORDS for w in number_text.lower().replace("-", " ").split())


def _is_date_or_label(numeral: str, previous_word: str) -> bool:
    previous = previous_word.lower()
    if previous.rstrip(".") in L.MONTHS or previous.rstrip(":") in _LABEL_WORDS:
        return True
    return previous in _UNAMBIGUOUS_YEAR_CUES and _is_year(numeral)


def _previous_word(reversed_before: str) -> str:
    previous = P.REV_PREVIOUS_WORD_RE.match(reversed_before)
    return previous.group("word")[::-1] if previous else ""


def _is_year(numeral: str) -> bool:
    return len(numeral) == 4 and numeral.isdigit() and _YEAR_MIN <= int(numeral) <= _YEAR_MAX


ACRONYM_IN_BRACKETS_RE = re.compile(r"\([A-Z]{2,6}s?\)")


def _counted_noun(
    text: str, end: int, value: float, after_of: bool = False
) -> tuple[str | None, int]:
    """The noun phrase counted after a number: "5,739 makers' spaces according to" -> "makers'
    spaces"; "1,246 start-up teams and companies with" -> "start-up teams and companies".

    With `after_of`, a leading "of" is skipped ("a dozen of the eggs", "a pair of shoes").
    """
    following = P.FOLLOWING_WORDS_RE.match(text, end)
    if following is None:
        return None, end
    words = [word for word in following.group("words").split() if not ACRONYM_IN_BRACKETS_RE.fullmatch(word)]
    if after_of and words[0].lower() == "of":
        words = words[1:]
    taken = _noun_phrase(words, value)
    if not taken:
        return None, end
    start = following.start("words")
    phrase_end = _phrase_end(text, start, taken)
    conjunction = words[len(taken)].lower() if len(taken) < len(words) else None
    if conjunction in ("and", "or") and value != 1:
        # "teams and enterprises": a second plural phrase joined on, unless what follows it is
        # an object, which makes its last word a verb ("300 firms and employs 8,500 staff").
        rest = words[len(taken) + 1 :]
        second = _noun_phrase(rest[:3], value)
        if second:
            joined = taken + [words[len(taken)]] + second
            joined_end = _phrase_end(text, start, joined)
            if len(second) < len(rest):
                object_follows = rest[len(second)].lower() in L.OBJECT_STARTS
            else:
                object_follows = text[joined_end : joined_end + 8].lstrip()[:1].isdigit()
            if not object_follows:
                taken, phrase_end = joined, joined_end
    return " ".join(taken), phrase_end


def _phrase_end(text: str, start: int, words: list[str]) -> int:
    position = start
    for word in words:
        position = text.index(word, position) + len(word)
    return position


def _noun_phrase(words: list[str], value: float) -> list[str]:
    """The leading words that can be a counted noun phrase, ending on a plural unless one."""
    taken = []
    opens_with_name = False  # the phrase's first word is capitalised ("37 Unicorn enterprises")
    for word in words:
        lowered = word.lower()
        if lowered in L.COUNTED_STOP_WORDS or lowered in L.VERBS_AFTER_SUBJECT:
            break  # "two dealers said", "one dealer said"
        if taken and lowered.endswith("ed") and _looks_plural(taken[-1]):
            break  # "5,000 jobs created"
        if word[0].isupper() and not word.rstrip("s").isupper():
            if taken and (not opens_with_name or taken[-1][0].islower()):
                break  # a proper name starts here
            opens_with_name = opens_with_name or not taken
        elif opens_with_name and not lowered.isalpha():
            break
        taken.append(word)
    if value != 1:
        while taken and not _looks_plural(taken[-1]):
            taken.pop()
    # a capitalised word opens a proper name ("12 Apple", "three Beijing"), unless a lower-case
    # plural ends the phrase after it: "37 Unicorn enterprises", "100 Chinese firms"
    if opens_with_name and (not taken or taken[-1][0].isupper() or len(taken) > 3):
        return []
    return taken


def _looks_plural(word: str) -> bool:
    lowered = word.lower().rstrip("'’")
    if lowered in L.IRREGULAR_PLURALS:
        return True
    return lowered.endswith("s") and not lowered.endswith(("ss", "us", "is", "'s", "’s"))


def _clause_start(text: str, start: int) -> int:
    low = max(0, start - _CLAUSE_CHARS)
    boundary = P.REV_CLAUSE_BOUNDARY_RE.search(text[low:start][::-1])
    return start - boundary.start() if boundary else low


def _clause_end(text: str, end: int) -> int:
    high = min(len(text), end + _CLAUSE_AFTER_CHARS)
    boundary = P.CLAUSE_END_RE.search(text, end, high)
    return boundary.start() if boundary else high


# The verbs "up" and "down" are a change after ("went down", "were up"), not a particle ("set up").
_BE_OR_GO = frozenset({"went", "were", "was", "are", "is", "been"})
# Verbs of a change that may end a clause whose figures follow it ("went down, 33% and 16%").
_CLAUSE_ENDING_CHANGE_VERBS = frozenset({
    "down", "up", "rose", "fell", "grew", "dropped", "declined", "increased", "decreased", "jumped", "surged",
})  # fmt: skip


def _change_ending_the_clause_before(
    doc: _Document, start: int, clause_start: int, previous_end: int, before: list[str], unit_class: str
) -> str | None:
    """The change a ratio opening its clause takes from a verb that ends the clause before ("the
    number of deals went down, 33% and 16% respectively"), with no figure between them."""
    if before or unit_class not in _RATIO_CLASSES or previous_end >= clause_start or start - clause_start > 3:
        return None
    if P.SHARE_OF_AFTER_RE.match(doc.lowered, start):
        return None  # "The team grew, 30% of them women": a share
    words = P.CLAUSE_WORD_RE.findall(doc.lowered, max(previous_end, clause_start - 30), clause_start)
    if not words or words[-1] not in _CLAUSE_ENDING_CHANGE_VERBS:
        return None
    if words[-1] in ("up", "down") and (len(words) < 2 or words[-2] not in _BE_OR_GO):
        return None  # "set up, 20 percent of them"
    return L.CHANGE_CUES[words[-1]]


def _context(doc: _Document, start: int, end: int, previous_end: int, unit_class: str):
    """(status hint, change, change basis text, rate basis) from the words of the figure's
    clause; most clauses hold none of the cue words, which one set test tells."""
    text, lowered = doc.text, doc.lowered
    clause_start = _clause_start(text, start)
    clause_end = _clause_end(text, end)
    find_words = P.CLAUSE_WORD_RE.findall
    before = find_words(lowered, clause_start, start)
    after = find_words(lowered, end, clause_end)
    if _CUE_WORDS.isdisjoint(before) and _CUE_WORDS.isdisjoint(after):
        return None, _change_ending_the_clause_before(doc, start, clause_start, previous_end, before, unit_class), None, None
    local = before
    if previous_end > clause_start:  # words since the previous figure
        local = find_words(lowered, previous_end, start)
    status = _status(before, after, local)
    change = _change(local, after, unit_class) or _change_ending_the_clause_before(
        doc, start, clause_start, previous_end, before, unit_class
    )
    change_basis = None
    if change is not None:
        basis = P.CHANGE_BASIS_RE.search(text, end, clause_end) or P.CHANGE_BASIS_RE.search(
            text, clause_start, start
        )
        change_basis = basis.group() if basis else None
    return status, change, change_basis, _rate_adjective(local)


def _status(before: list[str], after: list[str], local: list[str]) -> str | None:
    """Status from the nearest cue before the figure, else the first after it, that bears on it:
    a finite verb of something done between cue and figure cancels the cue ("it plans to hire
    more after sales rose 20%"), and a cue that is often a noun must introduce the figure."""
    for i in range(len(before) - 1, -1, -1):
        word = before[i]
        if word not in _STATUS_WORDS:
            continue
        status = _cue_status(before, i)
        if word in L.PAST_CAPABLE_MODALS and before[i + 1 : i + 2] == ["not"]:
            status = None  # "could not raise 300 million yuan last year" did not happen
        if status is not None and not (
            word in L.WEAK_STATUS_CUES
            and i + 1 < len(before)
            and before[i + 1] not in L.WEAK_STATUS_LINKS
        ):
            return status  # a weak cue must introduce the figure: not "the plan helped 300 firms"
        if i > 0 and word in L.ACTUAL_VERBS:
            return None  # a cue further back is cancelled
    for j, word in enumerate(after):
        if word not in _STATUS_WORDS:
            continue
        if word in L.ACTUAL_VERBS:
            return None
        status = _cue_status(after, j)
        if status is None or (word in L.WEAK_STATUS_CUES and j > 2):
            continue
        if not L.ACTUAL_VERBS.isdisjoint(local):
            return None  # "had 500 incubators by 2019"
        return status
    return None


def _cue_status(words: list[str], i: int) -> str | None:
    word = words[i]
    if word == "by":  # "by 2020", "by the end of 2025"
        following = words[i + 1 : i + 5]
        if following[:3] == ["the", "end", "of"]:
            following = following[3:]
        return "target" if following and _is_year(following[0].rstrip(".")) else None
    return L.STATUS_CUES.get(word)


# A comparative after a ratio and what it is compared with ("11.6 percent lower from the same
# period", "51.4 percent higher than that in the fourth quarter"): a change.
_COMPARATIVE_CHANGES = {"lower": "decrease", "higher": "increase", "less": "decrease", "more": "increase"}
_COMPARED_WITH = frozenset({"than", "from", "compared", "over", "against", "year-on-year", "year-over-year"})


def _change(words: list[str], words_after: list[str], unit_class: str) -> str | None:
    """Direction when the figure is a change ("up by 52%", "an increase of 5 million")."""
    if not words:
        return None
    last = words[-1]
    if last == "to":
        return None  # "rose to 5%" states the new level
    if unit_class in _RATIO_CLASSES:
        for distance, word in enumerate(reversed(words[-8:])):
            direction = L.CHANGE_CUES.get(word)
            if direction is not None:
                if word in ("up", "down") and distance > 1:
                    continue  # "set up 10" is not a rise
                before = len(words) - distance - 2
                if word == "up" and before >= 0 and words[before] in L.COMPOSING_VERBS:
                    continue  # "made up 38% of the total" is a share
                return direction
        if words_after and words_after[0] in L.CHANGE_NOUNS:
            return L.CHANGE_CUES.get(words_after[0])  # "a 10 percent reduction"
        if len(words_after) > 1 and words_after[0] in _COMPARATIVE_CHANGES and words_after[1] in _COMPARED_WITH:
            return _COMPARATIVE_CHANGES[words_after[0]]  # "11.6 percent lower from the same period last year"
        return None
    if last == "by":
        for word in words[-4:-1]:
            if word in L.CHANGE_CUES:
                return L.CHANGE_CUES[word]
    elif last == "of" and len(words) > 1 and words[-2] in L.CHANGE_NOUNS:
        return L.CHANGE_CUES.get(words[-2])
    return None


def _rate_adjective(words: list[str]) -> str | None:
    """Basis from an adjective shortly before the figure ("the average daily sales was")."""
    recent = words[-6:]
    for i in range(len(recent) - 1, -1, -1):
        basis = _PER_ADJECTIVE_WORDS.get(recent[i])
        if basis is not None:
            if i + 1 < len(recent) and recent[i + 1] in L.NOT_RATE_AFTER_ADJECTIVE:
                return None
            return basis
    return None


def _link_equivalents(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Mark "53.96 billion yuan ($7.83 billion)": the second restates the first in another unit."""
    linked = quantities
    for i in range(1, len(quantities)):
        first, second = quantities[i - 1], quantities[i]
        if second.start - first.end > 24 or first.unit_class != second.unit_class:
            continue
        if first.unit_class == "count" or first.equivalent_of is not None:
            continue
        if first.unit == second.unit:
            continue  # "$1.2 billion, or 45 cents a share" restates nothing
        gap = P.EQUIVALENT_GAP_RE.fullmatch(text, first.end, second.start)
        if gap is None:
            continue
        if second.per is not None and first.per is None and "(" not in gap.group():
            continue  # "savings of 17 billion yuan, about $2,850 per person": a share each, not the total
        if linked is quantities:
            linked = list(quantities)
        linked[i] = second.restating(
            first,
            i - 1,
            status_hint=second.status_hint or first.status_hint,
            per=second.per or first.per,
            change=second.change or first.change,
        )
    return linked


def _resolve_cents(quantities: list[Quantity]) -> list[Quantity]:
    """Give "cents" the currency of the nearest money figure within a sentence's reach
    ("1.85 euros, up 20 cents"); US cents when there is none."""
    resolved = quantities
    for i, quantity in enumerate(quantities):
        if quantity.unit_text is None or quantity.unit_text.lower() not in ("cent", "cents"):
            continue
        neighbours = [
            q
            for q in quantities[max(0, i - 3) : i + 4]
            if q.unit in L.CENT_CURRENCIES
            and q is not quantity
            and abs(q.start - quantity.start) < _CLAUSE_CHARS
            and (q.unit_text or "").lower() not in ("cent", "cents")
        ]
        if not neighbours:
            continue
        nearest = min(neighbours, key=lambda q: abs(q.start - quantity.start))
        if nearest.unit != quantity.unit:
            if resolved is quantities:
                resolved = list(quantities)
            resolved[i] = quantity.with_changes(unit=nearest.unit)
    return resolved


def _join_compound_amounts(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """One amount for "3 dollars 50 cents" and "thirteen dollars and forty-five cents": a whole
    amount in a currency, then its minor units, with nothing but "and" between."""
    joined = None
    i = 0
    while i < len(quantities) - 1:
        major, minor = quantities[i], quantities[i + 1]
        i += 1
        if (
            major.unit_class != "currency"
            or minor.unit_text is None
            or major.value is None
            or minor.value is None
            or major.scale != 1.0
            or major.per is not None
            or not major.value.is_integer()
        ):
            continue
        minor_currency = L.MINOR_CURRENCY_WORDS.get(minor.unit_text.lower())
        if minor_currency is None or (major.unit_text or "").lower() in L.MINOR_CURRENCY_WORDS:
            continue
        currency, fraction = minor_currency
        if currency is None and major.unit not in L.CENT_CURRENCIES:
            continue
        if currency is not None and currency != major.unit:
            continue
        if minor.raw_low * fraction >= 1 or not P.COMPOUND_GAP_RE.fullmatch(
            text, major.end, minor.start
        ):
            continue
        total = round(major.value + minor.value, 9)
        if joined is None:
            joined = list(quantities)
        position = joined.index(major)
        joined[position : position + 2] = [
            major.with_changes(
                text=text[major.start : minor.end],
                end=minor.end,
                raw_low=total,
                raw_high=total,
                value=total,
                low=total,
                high=total,
                per=minor.per or major.per,
            )
        ]
        i += 1
    return quantities if joined is None else joined


def name_units(quantities: list[Quantity]) -> list[Quantity]:
    """Fill `unit_name` and `printed_unit` of freshly extracted English quantities (see
    `Quantity`; the Chinese rules leave them None for now).

    They are set in place: the quantities were built by this call of `extract` and nobody else
    holds them yet, and a copy of each would cost a tenth of the extractor's time."""
    for quantity in quantities:
        unit = quantity.unit
        unit_class = quantity.unit_class
        if unit_class == "currency":
            name = unit
            written = quantity.unit_text
            if written is not None:
                written = written.lower()
                if written in L.MINOR_CURRENCY_WORDS:
                    object.__setattr__(
                        quantity, "printed_unit", L.MINOR_UNIT_NAMES.get(written, written)
                    )
        elif unit_class == "count":
            name = _head_noun(quantity.counted) if quantity.counted else None
        else:
            name = L.UNIT_NAMES.get(unit, unit)
        object.__setattr__(quantity, "unit_name", name)
    return quantities


def _head_noun(phrase: str) -> str:
    """The head of a counted noun phrase, singular: "start-up teams and companies" -> "team"."""
    words = phrase.split()
    for i, word in enumerate(words):
        if word.lower() in ("and", "or") and i > 0:
            words = words[:i]
            break
    head = words[-1].lower().rstrip("'’")
    return _SINGULARS.get(head) or _singular(head)


_SINGULARS = {
    "people": "person",
    "children": "child",
    "men": "man",
    "women": "woman",
    "mice": "mouse",
    "geese": "goose",
    "teeth": "tooth",
    "feet": "foot",
    "alumni": "alumnus",
    "criteria": "criterion",
    "phenomena": "phenomenon",
    "data": "data",
    "media": "media",
    "staff": "staff",
    "series": "series",
    "species": "species",
    "news": "news",
}


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _resolve_degrees(quantities: list[Quantity]) -> list[Quantity]:
    """Give bare degrees ("124 degrees", "a high of 95") a scale: the other scale of a
    restatement next to them ("124 degrees (51.1 C)" is Fahrenheit), else Fahrenheit above 50,
    which no Celsius weather reading reaches; below that they stay "deg"."""
    resolved = quantities
    for i, quantity in enumerate(quantities):
        if quantity.unit != "deg":
            continue
        following = quantities[i + 1] if i + 1 < len(quantities) else None
        unit = None
        if following is not None and following.start - quantity.end < 6:
            unit = _OTHER_TEMPERATURE_SCALE.get(following.unit)
        if unit is None and quantity.low > 50:
            unit = "degF"
        if unit is not None:
            if resolved is quantities:
                resolved = list(quantities)
            resolved[i] = quantity.with_changes(unit=unit)
    return resolved


_OTHER_TEMPERATURE_SCALE = {"degC": "degF", "degF": "degC"}
