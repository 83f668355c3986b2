"""The record of what one figure measures, returned by the English reader (figures.meaning) and
the Chinese one (figures.chinese_meaning) alike, and the words that make a sum what a policy gives
each recipient (read by the measure type and the status alike)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A figure's "per ..." word -> the time basis of a rate.
TIME_BASES = {"day": "day", "week": "week", "month": "month", "quarter": "quarter"}
# The cue of a stock or flow the sentence's form decides (the ends of a level's change, a batch, a
# selection): its period type follows it (figures.period_type), whatever the period's words suggest.
FORM_CUE = "form: "


@dataclass(frozen=True, slots=True)
class Meaning:
    """What one figure measures: its concept (the counted noun or the words before it), its
    measure type (stock, flow, rate, change, share, price, other), the cue that decided it, and a
    time basis read from words the extractor left ("every day")."""

    concept: str | None
    measure_type: str
    measure_cue: str | None = None
    rate_basis: str | None = None


# What a policy gives each recipient ("will each be given an award of 400,000 yuan", "will be given
# a subsidy of at least 50,000 yuan", "500,000 yuan will be given as an operation cost subsidy"):
# a term of the policy, which holds once it is issued, not a forecast.
BENEFIT_NOUNS = r"(?:awards?|subsid(?:y|ies)|grants?|bonus(?:es)?|rewards?|prizes?|allowances?|stipends?|incentives?|(?:funding|financial)\s+support)"
BENEFIT_BOUND = r"(?:up\s+to|at\s+least|no\s+more\s+than|not\s+exceeding|a\s+maximum\s+of|as\s+much\s+as)\s+"
POLICY_BENEFIT_BEFORE_RE = re.compile(
    rf"\b(?i:{BENEFIT_NOUNS}\s+of\s+(?:{BENEFIT_BOUND})?"
    rf"|be\s+(?:awarded|rewarded)\s+(?:{BENEFIT_BOUND})?"
    rf"|(?:be\s+(?:given|granted)|receive)\s+(?:(?:an?|one-off)\s+)*{BENEFIT_NOUNS}\s+of\s+(?:{BENEFIT_BOUND})?"
    # "each of the three maker spaces will receive 50,000 yuan": what each member gets
    rf"|each\b[^;.]{{0,60}}?\b(?:be\s+(?:given|granted)|receive|get)\s+(?:{BENEFIT_BOUND})?)"
    r"(?:RMB\s*|CNY\s*|US\$|\$|¥)?\Z"
)
POLICY_BENEFIT_AFTER_RE = re.compile(r"[^,.;]{0,12}\b(?i:will|shall)\s+be\s+(?i:given|granted|awarded|provided)\s+(?i:as|to)\b")
POLICY_BENEFIT_REACH = 60  # characters before the figure


# A competition's prizes ("the two second prize winners will each receive 100,000 yuan") are what
# a coming round will award, not a policy's standing term.
PRIZE_RE = re.compile(r"\b(?i:prizes?|winners?|contests?|competitions?|finals?|finalists?|champions?|runners?-up)\b")


def policy_benefit_words(text: str, start: int, end: int, sentence: tuple[int, int]) -> str | None:
    """The words that make the sum at text[start:end] what a policy gives each recipient, if any
    (none in a `sentence`, the figure's (start, end), about a competition's prizes)."""
    found = POLICY_BENEFIT_BEFORE_RE.search(text[max(0, start - POLICY_BENEFIT_REACH) : start])
    found = found or POLICY_BENEFIT_AFTER_RE.match(text, end)
    if not found or PRIZE_RE.search(text, *sentence):
        return None
    return " ".join(found.group().split())
