"""The record of what one figure measures, returned by the English reader (figures.meaning) and
the Chinese one (figures.chinese_meaning) alike."""

from __future__ import annotations

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
