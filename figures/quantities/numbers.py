"""Turn numerals and scale words, as matched in the text, into numbers."""

from . import lexicon as L

_DIGIT_NOISE = str.maketrans("", "", ", \u00a0\u2009\u202f\r\n")
_WORD_SEPARATORS = str.maketrans("-", " ")
_SCALE_PREFIX_GUESSES = (("tr", 1e12), ("th", 1e3), ("to", 1e3), ("b", 1e9), ("m", 1e6))


def parse_numeral(numeral: str) -> float:
    """Value of a numeral written in digits ("5,739", "3 255", "2½", "1/3") or words."""
    first = numeral[0]
    if first.isdigit() or first in L.UNICODE_FRACTIONS:
        return _parse_digits(numeral)
    return parse_number_words(numeral)


def _parse_digits(numeral: str) -> float:
    # Most numerals are plain ("2017", "16.51") or comma-grouped: try float first.
    try:
        return float(numeral.replace(",", "") if "," in numeral else numeral)
    except ValueError:
        pass
    compact = numeral.translate(_DIGIT_NOISE)
    last = compact[-1]
    if last in L.UNICODE_FRACTIONS:
        return (float(compact[:-1]) if len(compact) > 1 else 0.0) + L.UNICODE_FRACTIONS[last]
    if "/" in compact:
        whole, _, fraction = numeral.replace("\u00a0", " ").rpartition(" ")  # "7 3/4"
        numerator, denominator = fraction.split("/")
        return (int(whole) if whole else 0) + int(numerator) / int(denominator)
    return float(compact)


def parse_number_words(phrase: str) -> float:
    """Value of a spelled-out number: "one hundred and five", "two-thirds", "a", "half a"."""
    words = phrase.lower().translate(_WORD_SEPARATORS).split()
    if words[0] == "half":
        return 0.5
    if words[0] in L.MULTIPLIER_WORDS:
        return float(L.MULTIPLIER_WORDS[words[0]])
    extra = 0.0
    if words[-3:] == ["and", "a", "half"]:
        words, extra = words[:-3], 0.5
    elif words[-1] in L.FRACTION_WORDS:
        numerator = 1 if words[0] in ("a", "an") else parse_number_words(" ".join(words[:-1]))
        return numerator * L.FRACTION_WORDS[words[-1]]
    value = 0
    for word in words:
        if word == "hundred":
            value = (value or 1) * 100
        elif word in L.NUMBER_WORDS:
            value += L.NUMBER_WORDS[word]
        elif word in ("a", "an"):
            value += 1
    return value + extra


def scale_multiplier(scale_text: str) -> float:
    """Multiplier of a scale phrase: "billion" 1e9, "hundred million" 1e8, "billon" 1e9.

    Misspellings the scale pattern lets through are resolved by their first letters, which is
    unambiguous among the English scale words.
    """
    multiplier = _SCALE_CACHE.get(scale_text)
    if multiplier is None:
        multiplier = _compute_scale_multiplier(scale_text)
        if len(_SCALE_CACHE) < _SCALE_CACHE_SIZE:
            _SCALE_CACHE[scale_text] = multiplier
    return multiplier


# Scale phrases are a small set of spellings: each is worked out once (bounded, because odd
# whitespace inside a phrase makes new keys).
_SCALE_CACHE: dict[str, float] = {}
_SCALE_CACHE_SIZE = 4096


def _compute_scale_multiplier(scale_text: str) -> float:
    multiplier = 1.0
    for word in scale_text.split():
        known = (
            L.SCALES.get(word) or L.SCALES.get(word.lower()) or L.COLLECTIVE_WORDS.get(word.lower())
        )
        if known is None:
            lowered = word.lower()
            known = next(m for prefix, m in _SCALE_PREFIX_GUESSES if lowered.startswith(prefix))
        multiplier *= known
    return multiplier
