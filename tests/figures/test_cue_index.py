"""The one-pass cue index skips only searches that would have found nothing."""

import random
import re
import sys
from pathlib import Path

from figures.cue_index import CueFinder, fold, required_literals
from figures.indicators import read_catalog
from figures.ingest import discover_documents, ingest_document

CORPORA = Path(__file__).resolve().parents[2] / "benchmarks"


def _catalog_patterns() -> list[re.Pattern]:
    patterns = []
    for language in ("en", "zh"):
        for indicator in read_catalog(language=language):
            for pattern in (indicator.noun_cues, indicator.context_cues, indicator.excluded_cues,
                            indicator.noun_head, indicator.scope):  # fmt: skip
                if pattern is not None and pattern not in patterns:
                    patterns.append(pattern)
    return patterns


def test_required_literals_of_catalog_like_patterns():
    assert required_literals(re.compile("incubators?", re.IGNORECASE)) == {"incubator"}
    assert required_literals(re.compile("hatching platforms?|incubation bases?", re.IGNORECASE)) == {
        "hatching platform", "incubation base"}  # fmt: skip
    # an optional part requires nothing; the longest required run is kept
    assert required_literals(re.compile(r"(mass )?innovation\s+spaces?", re.IGNORECASE)) == {"innovation"}
    assert required_literals(re.compile(r"\bjobs?\b|employment", re.IGNORECASE)) == {"job", "employment"}
    # a branch with an alternative that requires nothing requires nothing
    assert required_literals(re.compile(r"new|\w+ly", re.IGNORECASE)) == {"new", "ly"}
    assert required_literals(re.compile(r"new|\w+", re.IGNORECASE)) is None
    assert required_literals(re.compile(r"\S{0,12}", re.IGNORECASE)) is None


def test_fold_agrees_with_the_engines_case_insensitive_matching():
    """Every character the engine takes for a cue's character, ignoring case, folds to the same
    character: the automaton over folded text finds every place a cue can match."""
    everything = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)
    letters = {char for pattern in _catalog_patterns() for literal in required_literals(pattern) or ()
               for char in literal}  # fmt: skip
    letters |= set("abcdefghijklmnopqrstuvwxyz")
    for letter in sorted(letters):
        taken = {found.group() for found in re.finditer(re.escape(letter), everything, re.IGNORECASE)}
        assert taken, letter
        # a character whose lower case is longer ("İ") leaves its whole text unfiltered
        assert {fold(char) for char in taken if len(fold(char)) == 1} == {fold(letter)}, (letter, taken)


def test_filtered_matches_equal_plain_searches_on_real_documents():
    patterns = _catalog_patterns()
    finder = CueFinder(patterns)
    rng = random.Random(15)
    documents = []
    for corpus in ("meaning_corpus", "meaning_corpus_zh"):
        root = CORPORA / corpus / "documents"
        documents += [ingest_document(ref, root) for ref in discover_documents(root)[:4]]
    searched = found = 0
    for document in documents:
        text = document.clean_text
        cues = finder.in_text(text)
        spans = [(s.start, s.end) for s in document.sentences]
        # spans that cut words too: a search bounded mid-word sees a shorter text
        spans += [tuple(sorted(rng.sample(range(len(text) + 1), 2))) for _ in range(20)]
        for span in spans:
            for pattern in patterns:
                plain = [m.span() for m in pattern.finditer(text, *span) if m.end() > m.start()]
                assert cues.matches(pattern, span) == plain, (document.document_id, pattern.pattern, span)
                assert cues.may_match(pattern, span) or not pattern.search(text[span[0]:span[1]])
                searched += 1
                found += bool(plain)
        for phrase in [text[s.start:s.start + 30] for s in document.sentences]:
            for pattern in patterns:
                assert finder.may_occur(pattern, phrase) or not pattern.search(phrase)
    assert found > 100 and searched > 10 * found  # real cues found, and most searches find none


def test_an_unknown_pattern_and_an_unfoldable_text_are_always_searched():
    incubators = re.compile("incubators?", re.IGNORECASE)
    finder = CueFinder([incubators])
    other = re.compile("makerspaces?", re.IGNORECASE)
    assert finder.in_text("no cue here").may_match(other, (0, 11))
    assert not finder.in_text("no cue here").may_match(incubators, (0, 11))
    # "İ" lowers to two characters: positions in the folded copy would drift
    text = "İstanbul has 3 incubators"
    assert finder.in_text(text).matches(incubators, (0, len(text))) == [(15, 25)]


def _real_documents(per_corpus: int) -> list:
    documents = []
    for corpus in ("meaning_corpus", "meaning_corpus_zh"):
        root = CORPORA / corpus / "documents"
        documents += [ingest_document(ref, root) for ref in discover_documents(root)[:per_corpus]]
    return documents


def test_reachable_patterns_are_those_a_span_or_the_phrase_may_hold():
    """TextCues.reachable (one list of literal occurrences by start) names exactly the patterns
    may_match finds in one of the spans, and those the phrase may hold."""
    patterns = _catalog_patterns()
    finder = CueFinder(patterns)
    rng = random.Random(15)
    compared = 0
    for document in _real_documents(3):
        text = document.clean_text
        cues = finder.in_text(text)
        sentences = [(s.start, s.end) for s in document.sentences]
        for _ in range(40):
            spans = tuple(rng.choice([*sentences, None, (5, 5), tuple(sorted(rng.sample(range(len(text) + 1), 2)))])
                          for _ in range(3))  # fmt: skip
            phrase = rng.choice(["", text[: rng.randrange(1, 40)]])
            expected = set(finder.always_keys) | {
                finder.key(p) for p in finder.known if any(s and s[0] < s[1] and cues.may_match(p, s) for s in spans)
            }
            if phrase:
                expected |= finder.possible_in(phrase)
            assert cues.reachable(spans, phrase) == expected, (document.document_id, spans, phrase)
            compared += 1
    assert compared == 240


class _Forgetful(dict):
    """A cache that never holds anything."""

    def get(self, key, default=None):
        return default

    def __setitem__(self, key, value) -> None:
        pass


def test_indicator_candidates_are_the_same_without_the_reach_filter_and_the_fitting_cache(monkeypatch):
    """The cue index only skips indicators _candidate would refuse, and the indicators of fitting
    unit and measure kept per kind of figure are those the figure itself fits: with every
    indicator let through and the fitting ones read again for each figure, every figure of real
    English and Chinese documents has the same candidates."""
    from figures import indicators
    from figures.meaning import read_meanings
    from figures.quantities import extract
    from figures.quantities.chinese import reads_as_chinese

    def candidates_of(document) -> list:
        text = document.clean_text
        quantities = extract(text)
        spans = [(s.start, s.end) for s in document.sentences]
        meanings = read_meanings(text, quantities, spans)
        catalog = read_catalog(language="zh" if reads_as_chinese(text) else "en")
        return indicators.figure_candidates(text, quantities, meanings, spans, catalog, document.title)

    documents = _real_documents(8)
    filtered = [candidates_of(document) for document in documents]
    monkeypatch.setattr(indicators, "_in_reach", lambda reach, cue_keys: True)
    kept_reading = indicators._catalog_reading

    def forgetful_reading(catalog):
        reading = object.__new__(indicators._CatalogReading)
        reading.__dict__.update(kept_reading(catalog).__dict__, fitting_by_key=_Forgetful())
        return reading

    monkeypatch.setattr(indicators, "_catalog_reading", forgetful_reading)
    unfiltered = [candidates_of(document) for document in documents]
    assert filtered == unfiltered
    assert sum(len(figure) for document in filtered for figure in document) > 50
