"""Regular expressions built once, at import, from the word lists in `lexicon`.

Only QUANTITY_RE scans the whole text; every other pattern here looks at a few characters
around one of its matches. Context *before* a match is read with patterns compiled for the
reversed text (the `REV_*` names): matching the reversed window at position 0 finds the
nearest cue in a single anchored attempt instead of a search over the window.
"""

import re

from . import lexicon as L


def alternation(phrases, *, reverse: bool = False, ignore_case: bool = False) -> str:
    """Regex matching any of the literal phrases, built as a prefix tree ("yuan|years|year" ->
    "y(?:uan|ear(?:s)?)").

    Python's engine tries alternatives one by one, but skips at once an alternative whose first
    item is a literal or a character class that does not fit; a tree with a few such branches
    per character is therefore far faster than a flat list of hundreds of words, and so is
    spelling case-insensitivity as "[yY]" rather than using the (?i) flag. Longer phrases win
    (optional continuations are greedy); a space matches any run of whitespace.
    """
    tree: dict = {}
    for phrase in set(phrases):
        node = tree
        for char in phrase[::-1] if reverse else phrase:
            node = node.setdefault(char.lower() if ignore_case else char, {})
        node[""] = {}
    return _tree_pattern(tree, ignore_case)


def first_chars(phrases, *, ignore_case: bool = False) -> str:
    """The characters `alternation(phrases, ...)` can start with, for a character class: as a
    lookahead in front of the alternation, the class rejects most positions in one test instead
    of one test per branch."""
    chars = set()
    for phrase in phrases:
        first = phrase[0].lower() if ignore_case else phrase[0]
        chars.add(first)
        if ignore_case:
            chars.update(first.upper())
    return "".join(r"\s" if c == " " else re.escape(c) for c in sorted(chars))


def _tree_pattern(node: dict, ignore_case: bool) -> str:
    branches = []
    for char in sorted(k for k in node if k):
        if char == " ":
            atom = r"\s+"
        elif ignore_case and char.upper() != char:
            atom = f"[{re.escape(char)}{re.escape(char.upper())}]"
        else:
            atom = re.escape(char)
        branches.append(atom + _tree_pattern(node[char], ignore_case))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body


# Whitespace between the parts of a figure: spaces, or one line break left by PDF extraction.
WS = r"[ \t\u00a0\u2009\u202f]*(?:\r?\n[ \t\u00a0\u2009\u202f]*)?"
WS1 = (
    r"(?:[ \t\u00a0\u2009\u202f]+(?:\r?\n[ \t\u00a0\u2009\u202f]*)?|\r?\n[ \t\u00a0\u2009\u202f]*)"
)

# --- The numeral ---------------------------------------------------------------------------

_UNICODE_FRACTIONS = "".join(L.UNICODE_FRACTIONS)
# Denominators of the vulgar fractions prices and rates are quoted in (7 3/4%, 101 1/4).
_DENOMINATORS = r"(?:2|3|4|8|16|32|64)(?![\d/]|[.,]\d)"
DIGITS = (
    rf"\d*[ ]?[{_UNICODE_FRACTIONS}]"  # 2½
    rf"|\d{{1,3}}[ \u00a0][1-9]\d?/{_DENOMINATORS}"  # 7 3/4, a mixed fraction
    rf"|[1-9]\d?/{_DENOMINATORS}"  # 1/4 point
    r"|[1-9]/[1-9]\d?(?=\s+of\b)"  # 1/3 of; other slashes are dates or ratios
    # 5,739 and 1,600 split across lines by PDF extraction ("1,\n600")
    r"|\d{1,2}(?:,\d{2})+,\d{3}(?!\d|,\d)"  # 1,40,000: lakh grouping
    r"|\d{1,3}(?:,(?:\r?\n)?\d{3})+(?:\.\d+)?(?!\d)"
    r"|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:\.\d+)?(?!\d|[.,]\d)"  # 3 255, 46 477.3 (SI grouping)
    r"|\d+(?:\.\d+)?"
)

_ONES = [w for w, n in L.NUMBER_WORDS.items() if 1 <= n <= 9]
_TENS = [w for w, n in L.NUMBER_WORDS.items() if n >= 20]
_SMALL = (
    rf"{alternation(_TENS, ignore_case=True)}(?:[- ]{alternation(_ONES, ignore_case=True)}\b)?"
    rf"|{alternation(L.NUMBER_WORDS, ignore_case=True)}"
)
_A = "[aA]n?"
_FULL_SCALES = r"hundred|thousand|million|billion|trillion|dozen|pair|couple"
_FRACTION_SINGULAR = alternation(
    ["third", "quarter", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"], ignore_case=True
)
_FRACTION_PLURAL = alternation(
    ["thirds", "quarters", "fourths", "fifths", "sixths", "sevenths", "eighths", "ninths", "tenths", "halves"],
    ignore_case=True
)
_HALF_PERIODS = "year|month|week|day|hour|decade|century"
_HALF_OF_UNITS = (
    "year|month|week|day|hour|minute|second|decade|century|cent|penny|mile|kilometre|kilometer"
    "|percentage\\s+point|point|dollar|kilogram|ton|tonne|litre|liter|metre|meter|foot|inch"
)
WORD_NUMBER = (
    r"(?=[zZoOtTfFsSeEnNhHaA])(?:"  # first letters of the words below: a cheap early exit
    rf"(?:(?:{_SMALL}|{_A})\s+[hH]undred(?:\s+(?:and\s+)?(?:{_SMALL}))?)"  # (one) hundred and five
    rf"|(?:{_SMALL})-{_FRACTION_PLURAL}\b"  # two-thirds
    rf"|[oO]ne-(?:{_FRACTION_SINGULAR}|half)\b"  # one-third
    # a third of, three quarters of: without "of" these are ordinals or periods
    rf"|(?:{_A}|[oO]ne|{_SMALL})[ -](?:{_FRACTION_SINGULAR}|{_FRACTION_PLURAL})(?=\s+of\b)"
    # a change by a fraction: "shrank by one fifth in Q3", "fell by a third", not "by a third party"
    rf"|(?<=\b[bB]y\s)(?:{_A}|[oO]ne|{_SMALL})[ -](?:{_FRACTION_SINGULAR}|{_FRACTION_PLURAL})"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:in|from|to|since|on|over|compared|against|as|at|after|during|last|this|and|while|amid|between|than)\b)"
    rf"|[hH]alf(?:\s+an?(?=\s+(?:{_FULL_SCALES}|{_HALF_OF_UNITS})\b))?"  # half a million, a year
    r"|[tT]wice|[tT]hrice"
    rf"|{_A}(?=\s+(?:{_FULL_SCALES})\b)"  # a million, a dozen, a pair
    rf"|{_A}(?=[\s-]+(?:{_HALF_PERIODS})[\s-]+and[\s-]+a[\s-]+half\b)"  # a year and a half
    rf"|(?:{_SMALL})(?:\s+and\s+a\s+half\b)?"
    r")"
)
NUMBER = rf"(?<![\d.])(?:{DIGITS})|(?<![\w'’-])(?:{WORD_NUMBER})"

# --- Scale words -----------------------------------------------------------------------------

# Upper case only for the first letter (and whole words in headlines): case-insensitive
# matching is much slower in Python's engine. Misspellings: "billon", "bilion", "milion", ...
_SPACED_SCALES = (
    r"[hH]undred(?:\s+(?:thousand|million|billion)s?|s)?"
    r"|[tT]housand(?:\s+(?:million|billion)s?|s)?"
    r"|[tT]en\s+thousands?"
    r"|[tT]h?ou?s[ae]?n?ds?|[tT]housnads?"
    r"|[mM]+il+i?o+ns?|[bB]+il+i?o+ns?|[tT]ril+i?o+ns?"
    r"|[lL]akh\s+[cC]rores?|[lL]akhs?|[lL]acs?|[cC]rores?|[dD]ozen|[pP]air|[cC]ouple(?=\s+of\b)"
    r"|HUNDRED|THOUSAND|MILLION|BILLION|TRILLION"
    r"|mln|Mln|mn|Mn|MN|mio|bln|Bln|bn|Bn|BN|tn|trn|tln|万|亿"
)
# Single letters count as scales only when glued to the digits ("50k", "$3m", "5B").
_ATTACHED_SCALES = r"(?<=\d)[kKmMbB](?![A-Za-z0-9²³])"
# The first letters of all of the above, written out: the lookahead spares most positions the
# tries of every branch.
SCALE = rf"(?=[hHtTmMbBlLcCdDpPkK万亿])(?:{_ATTACHED_SCALES}|(?:{_SPACED_SCALES})(?![A-Za-z]))"

# --- Units -----------------------------------------------------------------------------------

ISO_CODES = sorted(code for code in L.CURRENCY_PREFIXES if re.fullmatch(r"[A-Z]{3}", code))
_CASE_SENSITIVE_LOWER = {u.lower() for u in L.CASE_SENSITIVE_UNITS}
_CI_WORD_UNITS = [u for u in L.UNITS if u[-1].isalnum() and u not in _CASE_SENSITIVE_LOWER]
_CI_WORD_UNITS += list(L.SCALED_UNITS)
_SYMBOL_UNITS = [u for u in L.UNITS if not u[-1].isalnum()]
# "p" for pence only glued to the digits ("9.75p"), below.
_CURRENCY_NAMES = (
    list(L.CURRENCY_WORDS)
    + list(L.CURRENCY_WORDS_NEEDING_SCALE)
    + [w for w in L.MINOR_CURRENCY_WORDS if w != "p"]
)
_UNIT_FIRST_CHARS = first_chars(_CURRENCY_NAMES + _CI_WORD_UNITS, ignore_case=True) + first_chars(
    ISO_CODES + sorted(L.CASE_SENSITIVE_UNITS) + _SYMBOL_UNITS
)
# Currency signs after the amount ("10 $", "15 €", "100元"), unless a numeral follows the sign,
# which then belongs to that numeral ("5 $10 notes").
_SUFFIX_SIGNS = [k for k in L.CURRENCY_PREFIXES if not k[-1].isalnum() and " " not in k] + list(
    L.CURRENCY_SUFFIX_SIGNS
)
_UNIT_FIRST_CHARS += first_chars(_SUFFIX_SIGNS)
UNIT = (
    rf"(?=[{_UNIT_FIRST_CHARS}])"
    rf"(?:(?:{alternation(_CURRENCY_NAMES + _CI_WORD_UNITS, ignore_case=True)}"
    rf"|{alternation(ISO_CODES + sorted(L.CASE_SENSITIVE_UNITS | set(L.EXACT_CASE_UNITS)))})"
    r"(?![A-Za-z0-9])"
    r"|[CF](?=[ \t]*[(),;]|\.(?:\s|$)|$)"  # "118 F (47.7 C)": degrees, before punctuation only
    r"|(?<=\d)p(?![A-Za-z0-9])"  # pence glued to the digits: "9.75p"
    rf"|{alternation(_SYMBOL_UNITS)}"
    rf"|{alternation(_SUFFIX_SIGNS)}(?![ \t]*[\d{_UNICODE_FRACTIONS}]))"
)

# "a year earlier", "a year ago": a time, not a rate basis
_NOT_A_BASIS = rf"(?!{WS1}(?:earlier|ago|before|later|previously|prior|after|back)\b)"
PER = (
    rf"(?:{WS}/{WS}|{WS1}(?:per|a|an){WS1})(?P<per>{alternation(L.PER_BASES, ignore_case=True)})"
    rf"(?![A-Za-z]){_NOT_A_BASIS}"
    rf"|{WS1}(?P<per_adverb>{alternation(L.PER_ADVERBS, ignore_case=True)})(?![A-Za-z]){_NOT_A_BASIS}"
)
_CURRENCY_SYMBOLS = [k for k in L.CURRENCY_PREFIXES if not k.isalpha()]
CURRENCY_SYMBOL = alternation(_CURRENCY_SYMBOLS)
RANGE_SEPARATOR = rf"(?:{WS}[-–—~]{WS}|{WS1}to{WS1})"

# --- The scanner -----------------------------------------------------------------------------

# Digit runs that are dates, times, phone numbers or version numbers; matched first so that
# their parts are never read as amounts.
_NOT_QUANTITIES = (
    r"\d{4}-\d{1,2}-\d{1,2}(?!\d)"  # 2018-12-05
    r"|\d{1,2}/\d{1,2}/\d{2,4}(?!\d)"  # 12/05/2018
    r"|\d{4}/\d{1,2}/\d{1,2}(?!\d)"  # 2018/3/2
    r"|\d{1,2}:\d{2}(?::\d{2})?(?:\s?(?i:[ap]\.?m\b\.?))?"  # 7:29, 10:30 pm
    r"|\+\d[\d \-().]{5,}\d"  # +86-21-54065138
    r"|\d{1,4}(?:-\d{2,8}){2,}"  # 010-6234-5678, 1-800-555-0199
    r"|\d+(?:\.\d+){2,}"  # 1.2.3, 192.168.0.1
)

_QUANTITY_TEMPLATE = r"""
    (?P<skip>(?=\+|\d{{1,4}}[-/:.])(?:{not_quantities}))  # the guard spares most numerals the tries
    |
    (?P<n1>{number})
    (?:(?:{WS}|-(?=[hHtTmMbB]))(?P<s1>{SCALE}))?  # "35-million-yuan fund": a hyphenated scale
    (?:
        (?P<sep>{RANGE_SEPARATOR})(?:(?P<cur2>{CURRENCY_SYMBOL}|{ISO_ALTERNATION}){WS})?
        (?P<n2>{NUMBER})(?:{WS}(?P<s2>{SCALE}))?
      |
        (?(s1){WS1}(?:and{WS1})?(?P<tail>(?:\d{{1,3}}|{WORD_NUMBER}){WS}{SCALE}))  # 14 million 798 thousand
    )?
    (?P<plus>\+|-plus\b|-odd\b)?
    (?:(?P<unit_sep>{WS}|-|{WS1}of{WS1})(?P<unit>{UNIT}))?  # "a couple of years"
    (?:(?=\s*[/pPaAdDwWmMyYhHqQ])(?:{PER}))?  # the lookahead: first letters of the rate words
    """

_QUANTITY_PARTS = {
    "not_quantities": _NOT_QUANTITIES,
    "WS": WS,
    "WS1": WS1,
    "SCALE": SCALE,
    "RANGE_SEPARATOR": RANGE_SEPARATOR,
    "CURRENCY_SYMBOL": CURRENCY_SYMBOL,
    "ISO_ALTERNATION": alternation(ISO_CODES),
    "WORD_NUMBER": WORD_NUMBER,
    "UNIT": UNIT,
    "PER": PER,
    "NUMBER": NUMBER,
}
# Matched at a candidate start: a numeral in digits or words.
QUANTITY_RE = re.compile(_QUANTITY_TEMPLATE.format(number=NUMBER, **_QUANTITY_PARTS), re.VERBOSE)
# Searched for through the text: numerals in digits only. The leading lookahead on a character
# class lets the engine skip the characters that cannot start one in C.
DIGIT_QUANTITY_RE = re.compile(
    rf"(?=[0-9{_UNICODE_FRACTIONS}+])(?:"
    + _QUANTITY_TEMPLATE.format(number=rf"(?<![\d.])(?:{DIGITS})", **_QUANTITY_PARTS)
    + ")",
    re.VERBOSE,
)
# Words that can start a spelled-out numeral; found with str.find (see extract.py), which is
# an order of magnitude faster than any regular expression over every word of the text.
NUMBER_START_WORDS = tuple(list(L.NUMBER_WORDS) + list(L.MULTIPLIER_WORDS) + ["half", "hundred"])
# "a"/"an" start a numeral only before these ("a million", "a dozen", "a third of"); found
# from the word after the article.
ARTICLE_SCALE_WORDS = (
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "dozen",
    "pair",
    "couple",
    "third",
    "quarter",
    "fourth",
    "fifth",
    "tenth",
    "year",
    "month",
    "week",
    "day",
    "hour",
    "decade",
    "century",
)
ARTICLE_BEFORE_RE = re.compile(r"(?<![\w'’-])[aA]n?\s+$")

# --- Context before a figure (patterns for the reversed text) ------------------------------

_REV_WS = r"[\s\u00a0\u2009\u202f]*"
_CURRENCY_PREFIX_CODES = [k for k in L.CURRENCY_PREFIXES if k.isalpha()]
_QUALIFIERS_BEFORE = [q for q in L.QUALIFIERS_BEFORE if q[0].isalpha()]
_QUALIFIER_SYMBOLS = [q for q in L.QUALIFIERS_BEFORE if not q[0].isalpha()]
# Reversed text just before the numeral: currency prefix, then qualifier, then range opener.
REV_PREFIX_RE = re.compile(
    rf"""
    (?:(?P<cur_ws>{_REV_WS})
       (?P<cur>{alternation(_CURRENCY_SYMBOLS, reverse=True)}
          |(?:{alternation(_CURRENCY_PREFIX_CODES, reverse=True)})(?![A-Za-z])))?
    {_REV_WS}
    (?:(?P<qual>{alternation(_QUALIFIERS_BEFORE, reverse=True, ignore_case=True)}(?![A-Za-z])
          |{alternation(_QUALIFIER_SYMBOLS, reverse=True)})
       {_REV_WS})?
    (?P<opener>(?i:neewteb|(?:(?:fo\s+)?wol\s+a\s+)?morf)(?![A-Za-z]))?  # "from a low of"
    """,
    re.VERBOSE,
)
# The word just before a numeral, reversed ("No.", "Article", "May", "in").
REV_PREVIOUS_WORD_RE = re.compile(rf"{_REV_WS}(?P<word>[A-Za-z.#:'’]+)")

# --- Context after a figure ----------------------------------------------------------------

# The words after a number, an acronym in brackets among them ("2,417 venture capital (VC) funding
# deals": figures.quantities.extract reads the phrase past it).
FOLLOWING_WORDS_RE = re.compile(
    rf"{WS1}(?P<words>[A-Za-z][\w&'’-]*(?:(?:[ \t]+|[ \t]*\r?\n[ \t]*)(?:\([A-Z]{{2,6}}s?\)[ \t]+)?[A-Za-z][\w&'’-]*){{0,7}})"
)
FOLLOWING_MONTH_RE = re.compile(rf"{WS1}(?:of{WS1})?{alternation(L.MONTHS, ignore_case=True)}\b")
FOLLOWING_PER_RE = re.compile(rf"(?:{PER})")
FOLLOWING_QUALIFIER_RE = re.compile(
    rf"{alternation([q for q in L.QUALIFIERS_AFTER if q[0] == ' '], ignore_case=True)}(?![A-Za-z])"
)
FOLLOWING_AND_RE = re.compile(rf"{WS1}and{WS1}")
# A restatement in brackets right after a figure, or the bracket closing after the restatement
# itself: a bound written after it ("20 million yuan ($2.9 million) or more") bounds both.
BRACKETED_RESTATEMENT_RE = re.compile(r"[ \t]*\([^()\n]{1,60}\d[^()\n]{0,40}\)|\)")
# A percentage "of" something after it: a share ("30% of them").
SHARE_OF_AFTER_RE = re.compile(r"[^\s,;]*\s+of\b")
# The object a word like "above" takes as a preposition ("and above the national average").
PREPOSITION_OBJECT_RE = re.compile(r"[ \t]+(?:the|a|an|its|their|this|that|these|those)\b", re.IGNORECASE)
# "(" or ", or about" between a figure and its restatement in another unit.
EQUIVALENT_GAP_RE = re.compile(
    rf"{WS}(?:\(|,?{WS}(?:or|equivalent\s+to|equal\s+to|i\.e\.|about){WS1}|/)"
    rf"{WS}(?:{alternation(L.QUALIFIERS_BEFORE, ignore_case=True)}{WS})?",
)
CHANGE_BASIS_RE = re.compile(
    rf"(?i:compared\s+(?:with|to)\s+(?:the\s+)?[\w-]+(?:\s+(?:year|period|quarter|month))?"
    rf"|{alternation(L.CHANGE_BASIS_PHRASES)})"
)
# Clause boundaries (", " "; " ". " ".\n" ": " and blank lines before a figure; the same, less
# ": ", after it, and a sentence ending at a line's end, "!" "?" or a closing quote too: "will"
# opening the next line is no cue of the figure before), in the reversed text before a figure and
# in the text after it. Both start with a literal or a character class, which lets the engine
# skip ahead in C.
REV_CLAUSE_BOUNDARY_RE = re.compile(r" [,;.:]|\n[.\n]")
CLAUSE_END_RE = re.compile(r"[,.;] |[.!?][\"”’)]*\n|\n\n")
# The words of a clause, as the cue rules see them: runs of characters other than whitespace
# and these punctuation marks (so "year-on-year" and "firm's" are one word each).
CLAUSE_PUNCTUATION = '()[]{}"“”,;:!?'
CLAUSE_WORD_RE = re.compile(rf"[^\s{re.escape(CLAUSE_PUNCTUATION)}]+")

# The characters of an e-mail address or URL on either side of its "@", "www." or "://".
ADDRESS_PART_RE = re.compile(r"[^\s<>()\"']*")

# Lower-cased text to words for the presence tests of `extract._Document`: every ASCII byte that
# is not a letter or digit, and every non-ASCII byte, becomes a space.
TOKEN_BYTES = bytes(b if (48 <= b <= 57 or 97 <= b <= 122) else 32 for b in range(256))

# --- Forms of general news ---------------------------------------------------------------

# Verbs of a multiple ("doubled", "more than trebled", "triple to USD10.7bn"); not "double-digit",
# "doubled down", "doubled as a classroom".
MULTIPLYING_RE = re.compile(
    r"(?<![\w'’-])(?P<verb>(?:[dD]oubl|[tT]ripl|[tT]rebl|[qQ]uadrupl|[hH]alv)(?:ed|ing)"
    r"|(?P<base>[dD]ouble|[tT]riple|[tT]reble|[qQ]uadruple))"
    r"(?![\w'’-])(?!\s+(?:down|up|as|over|back)\b)"
)
# A bare "double"/"triple" is a verb after these words ("nearly double", "set to triple") ...
MULTIPLYING_BASE_BEFORE = frozenset({
    "nearly", "almost", "than", "about", "roughly", "to", "will", "would", "could", "may", "might",
    "should", "can", "cannot", "also", "more", "did", "does", "do", "expected",
})
# ... or before a new level ("triple to USD10.7bn").
MULTIPLYING_BASE_AFTER_RE = re.compile(r"\s+to\s+(?:[A-Z]{3}|[$€£¥]|\d)")
# The units a number may be fused to with a hyphen in a modifier ("the 7,000-square-meter
# incubator", "a 20-kilometre road"): areas, lengths and masses.
HYPHENATED_UNIT_RE = re.compile(
    "-(?P<unit>"
    + alternation(
        [u.replace(" ", "-") for u, (_, c) in L.UNITS.items()
         if c in ("area", "length", "mass") and len(u) > 2 and u.replace(" ", "").isalpha()],
        ignore_case=True,
    )
    + ")(?![A-Za-z-])"
)
# After a numeral in a line written in capitals: a word in capitals, or the clause's end.
UPPER_CASE_WORD_AFTER_RE = re.compile(r"(?:[ \t]+[A-Z][A-Z'’-]+\b|[ \t]*(?:[,;:.!?]|$))")
# A headline after a numeral that opens its line: three or more capitalised words ("129,200
# Enterprises Founded in 2018"), not page furniture ("2 Comments").
HEADLINE_AFTER_RE = re.compile(r"(?:[ \t]+[A-Z][a-z]+)(?:[ \t]+[A-Za-z][a-z]*|[ \t]+\d{4}\b){2,}")
# A share written as a count out of a count ("9 out of 10 new jobs", "one in three computers"):
# the first count, matched against the text right before the second.
SHARE_BEFORE_RE = re.compile(
    r"(?<![\w.,-])(?P<a>\d{1,3}|" + alternation([w for w, n in L.NUMBER_WORDS.items() if 1 <= n <= 10], ignore_case=True)
    + r")\s+(?P<link>out\s+of|in)\s+$"
)
# Between numbers listed with one unit for all ("0.61 and 0.33 percentage points", "2, 3 and 4%").
LISTED_GAP_RE = re.compile(r"(?:,[ \t]*|[ \t]+)(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+")
LISTED_LAST_GAP_RE = re.compile(r"\b(?:and|or)\b")
# Letters glued to a numeral by a bad page: "were1,239", "22,000service", "435were".
GLUED_LETTERS_RE = re.compile(r"[a-z]+")

# "-old" after "50-year", "15 year" or "10 years": the figure is an age.
AGE_OLD_RE = re.compile(r"(?:-|[ \t]+)old(?![A-Za-z])")
# "to" between the two figures of "from 252 miles to 287 miles".
# "-and-a-half" after "a year": the numeral was one and a half.
AND_A_HALF_RE = re.compile(r"[\s-]+and[\s-]+a[\s-]+half\b")
FOLLOWING_TO_RE = re.compile(rf"{WS1}to{WS1}(?:a{WS1}high{WS1}(?:of{WS1})?)?")
# "6.86%-6.95%": a dash between two figures in the same unit.
FOLLOWING_DASH_RE = re.compile(r"[ \t]?[-–][ \t]?(?=[\d$€£¥.])")
# A time of day after a small number ("11 a.m.", "7pm", "9 o'clock").
TIME_OF_DAY_RE = re.compile(r"[ \t]?(?:[aApP]\.?[mM]\b\.?|o['’]clock\b)")
# An era after a number ("500 BC", "1000 A.D."); and before it, in the reversed text before a
# figure ("between A.D. 1000 and 1260").
FOLLOWING_ERA_RE = re.compile(r"[ \t]?(?:B\.?C\.?(?:E\.?)?|A\.?D\.?|C\.E\.|CE)(?![A-Za-z])")
ERA_BEFORE_RE = re.compile(r"\.D\.A|\.C\.B|(?<![A-Za-z])(?:DA|CB|ECB)(?![A-Za-z])")
# Between a whole amount and its minor units: "3 dollars 50 cents", "$13 and 45 cents".
COMPOUND_GAP_RE = re.compile(rf"{WS}(?:and{WS1})?")
# "-member" after a number: a count fused into a modifier ("the 120-member Knesset").
MEMBER_MODIFIER_RE = re.compile(r"-(member|strong|seat|nation|country|person)(?![A-Za-z-])")
# Words near an index level or price in points ("to close at 11,060.06").
INDEX_WORDS_RE = re.compile(
    r"\b(?:points?|index|indices|composite|dow|nasdaq|s&p|nikkei|hang seng|ftse|stoxx|dax|cac"
    r"|kospi|sensex|nifty|topix|tsx|asx|benchmark)\b"
)
# "per dollar", "to the dollar": an exchange rate.
PER_DOLLAR_RE = re.compile(r"\s+(?:per|to\s+the|against\s+the|a)\s+(?:U\.?S\.?\s+)?dollar\b")
# After "the" and a number: a name ("the 718 Boxster -", "the 6 would sport").
NAME_AFTER_NUMBER_RE = re.compile(
    r"\s+(?:[A-Z][\w-]*+(?<!s)(?!\s+[a-z]+s\b)|(?:would|will|could|should|can|might)\b)"
)
CAPITALISED_WORD_RE = re.compile(r"\s+[A-Z][a-z]")
# "the" just before a number, or before one lower-case word before it ("the outgoing 991").
THE_BEFORE_RE = re.compile(r"\s*(?:[a-z-]+\s+)?eht(?![A-Za-z])", re.IGNORECASE)

# "negative" as the whole word right before a figure, ending where the figure starts.
NEGATIVE_BEFORE_RE = re.compile(r"(?<![\w-])negative[ \t]*$", re.IGNORECASE)
# A sum named a loss ("a net loss of RMB 1.3 billion", "losses were 286 million yuan", "its net loss
# narrowed to RMB 100 million"): a negative profit.
LOSS_BEFORE_RE = re.compile(
    r"\b(?i:loss(?:es)?)\s+(?:(?!(?i:and|but|or|while|compared)\b)[A-Za-z-]+\s+){0,3}?"
    r"(?i:of|was|were|is|are|totall?ed|reached|amounted\s+to|stood\s+at|to)\s+"
    r"(?:(?i:about|around|nearly|approximately|almost|over|more\s+than|some)\s+)?$"
)

# After "PCT", words of the Patent Cooperation Treaty's filings, not percent: "130 PCT (Patent
# Cooperation Treaty) applications", "2,300 PCT international patent applications".
PATENT_TREATY_AFTER_RE = re.compile(
    r"\s*(?:\(\s*Patent\b|(?:international\s+)?(?:patent\s+)?(?:applications?|filings?|patents?)\b)", re.IGNORECASE
)

# A negation right before a bound ("does not rise above", "will not exceed", "did not fall below"):
# the bound turned over, at most or at least.
NEGATION_BEFORE_RE = re.compile(r"\b(?i:not|never|n't)\s+(?:(?i:rise|go|be|fall|drop|exceed|surpass)\s+)?\Z|n't\s+(?:\w+\s+)?\Z")

# After "the" and a duration, the words of a reporting period: "the twelve-month period ended
# September 30", "the three months ended December", "the six months to June".
PERIOD_ENDED_AFTER_RE = re.compile(
    r"\s+(?:(?i:period)\s+)?(?i:ended|ending|to|through)\s+(?:[A-Z][a-z]{2,8}\b|(?i:the\s+end))"
)
# After a duration, the word of a development plan's name: "the 13th five-year plan".
PLAN_AFTER_RE = re.compile(r"\s+(?i:plans?)\b")
