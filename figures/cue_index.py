"""Where a set of cue patterns can match in a text, found in one pass over it, so a pattern's own
regular expression runs only where it could match.

Every match of a cue pattern contains one of a few literal words the pattern requires
("incubators?" requires "incubator"; "hatching platforms?|incubation bases?" requires "hatching
platform" or "incubation base"). The literals of all the patterns go into one Aho-Corasick
automaton (pyahocorasick); one pass over the text's case-folded copy finds every occurrence of
every literal. A pattern can match inside a span only if one of its literals lies wholly inside
it, so the pattern's regular expression runs only there and finds exactly what it found before:
the filter only skips searches that would have found nothing.

    >>> incubators = re.compile("incubators?", re.IGNORECASE)
    >>> cues = CueFinder([incubators]).in_text("Zhejiang had 3,255 Incubators. Funds grew.")
    >>> cues.may_match(incubators, (0, 30)), cues.may_match(incubators, (30, 42))
    (True, False)
    >>> cues.matches(incubators, (0, 30))
    [(19, 29)]

A pattern with no required literal (one that can match an empty string or only classes of
characters) is always searched. Case folding follows the regular expression engine's
case-insensitive matching: a character folds to its lower case, and the characters the engine
takes for one another ("s" and the long "ſ") fold to one; a text whose lower case changes its
length is not filtered.
"""

from __future__ import annotations

import bisect
import re
import re._casefix as casefix  # the engine's own table of characters it takes for one another
import re._constants as sre
import re._parser as sre_parse
from collections.abc import Iterable
from functools import lru_cache

import ahocorasick

Span = tuple[int, int]


def _same_letter_table() -> dict[int, int]:
    """Each character the engine takes for another (casefix) to the smallest of its group."""
    groups: dict[int, set[int]] = {}
    for code, others in casefix._EXTRA_CASES.items():
        group = {code, *others}
        for member in list(group):
            group |= groups.get(member, set())
        for member in group:
            groups[member] = group
    return {code: min(group) for code, group in groups.items() if min(group) != code}


SAME_LETTER = _same_letter_table()


def fold(text: str) -> str:
    """The text as the case-insensitive engine compares it, one character for one."""
    return text.lower().translate(SAME_LETTER)


def required_literals(pattern: re.Pattern) -> frozenset[str] | None:
    """Literal strings one of which every match of `pattern` contains, or None when there are
    none to name (the pattern can match without any fixed character)."""
    return _required(sre_parse.parse(pattern.pattern, pattern.flags))


def _required(items: Iterable) -> frozenset[str] | None:
    """For a sequence: the most selective of the literal runs and of the sub-sequences' own
    requirements (the one whose shortest literal is longest)."""
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, argument in items:
        if op is sre.LITERAL:
            run.append(chr(argument))
            continue
        if run:
            options.append(frozenset(["".join(run)]))
            run = []
        needed = None
        if op is sre.SUBPATTERN:
            needed = _required(argument[3])
        elif op is sre.ATOMIC_GROUP:
            needed = _required(argument)
        elif op is sre.BRANCH:
            branches = [_required(branch) for branch in argument[1]]
            if all(branches):
                needed = frozenset().union(*branches)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and argument[0] >= 1:
            needed = _required(argument[2])
        # anything else (classes, anchors, look-arounds, back-references) requires no literal
        if needed:
            options.append(needed)
    if run:
        options.append(frozenset(["".join(run)]))
    if not options:
        return None
    return max(options, key=lambda literals: min(len(literal) for literal in literals))


class CueFinder:
    """The automaton over the required literals of a fixed set of patterns (build it once per
    catalog; `in_text` reads one text).

    Patterns are told apart by a key, the identity of the first of its equals the finder was
    given: hashing a compiled pattern hashes its whole program each time (microseconds for a
    long word list), and a figure asks about dozens of patterns. The finder keeps every pattern
    it was given, so no key is reused by another object while it lives."""

    def __init__(self, patterns: Iterable[re.Pattern | None]):
        self.always: set[re.Pattern] = set()  # patterns with no literal to look for
        self.always_keys: set[int] = set()
        self.given: list[re.Pattern] = []
        self.key_of: dict[int, int] = {}  # id(pattern) -> its key
        self.key_by_pattern: dict[re.Pattern, int] = {}  # a pattern equal to a given one -> its key
        owners: dict[str, set[int]] = {}
        for pattern in patterns:
            if pattern is None:
                continue
            self.given.append(pattern)
            if pattern in self.key_by_pattern:
                self.key_of[id(pattern)] = self.key_by_pattern[pattern]
                continue
            key = self.key_of[id(pattern)] = self.key_by_pattern[pattern] = id(pattern)
            literals = required_literals(pattern)
            # a literal whose lower case changes its length ("İ") cannot be looked for folded
            if literals is None or any(len(fold(literal)) != len(literal) for literal in literals):
                self.always.add(pattern)
                self.always_keys.add(key)
                continue
            for literal in literals:
                owners.setdefault(fold(literal), set()).add(key)
        self.automaton = ahocorasick.Automaton()
        # each literal's number, so a text's occurrences are grouped by literal, and a pattern's
        # spans gathered from its literals' only when it is asked about (TextCues.key_spans)
        self.literals_of: dict[int, list[int]] = {}
        for number, (literal, keys) in enumerate(owners.items()):
            self.automaton.add_word(literal, (len(literal), tuple(sorted(keys)), number))
            for key in keys:
                self.literals_of.setdefault(key, []).append(number)
        self.automaton.make_automaton()
        self.known = set(self.key_by_pattern)

    def key(self, pattern: re.Pattern) -> int | None:
        """The key of a pattern the finder was given (or of one equal to it); None otherwise."""
        found = self.key_of.get(id(pattern))
        return found if found is not None else self.key_by_pattern.get(pattern)

    def in_text(self, text: str) -> TextCues:
        return TextCues(self, text)

    def may_occur(self, pattern: re.Pattern | None, text: str) -> bool:
        """Whether `pattern` could match somewhere in a short text of its own (a phrase, a title)."""
        if pattern is None:
            return False
        key = self.key(pattern)
        return key is None or key in self.possible_in(text)

    @lru_cache(maxsize=4096)  # noqa: B019 - one finder per catalog lives as long as the process
    def possible_in(self, text: str) -> frozenset[int]:
        """The keys of the patterns that may match somewhere in a short text (a phrase, a title)."""
        folded = fold(text)
        if len(folded) != len(text):
            return frozenset(self.key_of.values())
        found = set(self.always_keys)
        for _, (_, keys, _) in self.automaton.iter(folded):
            found.update(keys)
        return frozenset(found)


class TextCues:
    """Where each pattern of a CueFinder may match in one text: the spans of its literals."""

    def __init__(self, finder: CueFinder, text: str):
        self.finder = finder
        self.text = text
        folded = fold(text)
        self.unfiltered = len(folded) != len(text)  # the fold moved characters: search everywhere
        found = [] if self.unfiltered else list(self.finder.automaton.iter(folded))  # by end, then by length
        self.by_literal: dict[int, list[Span]] = {}
        for last, (length, _, literal) in found:
            self.by_literal.setdefault(literal, []).append((last + 1 - length, last + 1))
        self.spans: dict[int, tuple[list[int], list[int]]] = {}  # by pattern key, see key_spans
        self.reached: dict[tuple, frozenset[int] | None] = {}  # see reachable
        self.matched: dict[tuple[int, Span], list[Span]] = {}  # see matches
        self.searched: dict[tuple[int, str], re.Match | None] = {}  # see search_in
        self.inside: dict[Span, frozenset[int]] = {}  # see _keys_inside
        # every literal occurrence by start, for the patterns inside a span (reachable)
        occurrences = sorted((last + 1 - length, last + 1, keys) for last, (length, keys, _) in found)
        self.occurrence_starts = [start for start, _, _ in occurrences]
        self.occurrences = [(end, keys) for _, end, keys in occurrences]

    def reachable(self, spans: tuple[Span | None, ...], phrase: str) -> frozenset[int] | None:
        """The keys (CueFinder.key) of the patterns that may match inside one of `spans` or in
        `phrase` (a short text of its own), or None when every pattern may (the text is not
        filtered). Kept per spans and phrase: a figure asks once for all its candidate indicators."""
        key = (spans, phrase)
        found = self.reached.get(key, False)
        if found is False:
            found = None
            if not self.unfiltered:
                inside: set[int] = set(self.finder.always_keys)
                for span in spans:
                    if span is None or span[0] >= span[1]:
                        continue
                    inside |= self._keys_inside(span)
                if phrase:
                    inside |= self.finder.possible_in(phrase)
                found = frozenset(inside)
            self.reached[key] = found
        return found

    def _keys_inside(self, span: Span) -> frozenset[int]:
        """The keys of the literals lying wholly inside a non-empty span; kept per span, as the
        figures of a sentence share their sentence, the one before and the paragraph's lead."""
        found = self.inside.get(span)
        if found is None:
            keys: set[int] = set()
            first = bisect.bisect_left(self.occurrence_starts, span[0])
            last = bisect.bisect_left(self.occurrence_starts, span[1], first)
            for end, literal_keys in self.occurrences[first:last]:
                if end <= span[1]:
                    keys.update(literal_keys)
            found = self.inside[span] = frozenset(keys)
        return found

    def search_in(self, pattern: re.Pattern | None, words: str) -> re.Match | None:
        """`pattern.search(words)` in a short text of its own (a phrase, a title), None where the
        finder says it cannot match (CueFinder.may_occur) or for no pattern; kept per pattern and
        text, as a document's figures ask of the same title and often the same phrase."""
        if pattern is None:
            return None
        key = self.finder.key(pattern)
        if key is None:
            return pattern.search(words)
        try:
            return self.searched[(key, words)]
        except KeyError:
            found = self.searched[(key, words)] = pattern.search(words) if key in self.finder.possible_in(words) else None
            return found

    def may_match(self, pattern: re.Pattern | None, span: Span | None) -> bool:
        """Whether `pattern` could match inside `span` of the text, `text[start:end]` searched
        alone included (False for no pattern or span)."""
        if pattern is None or span is None:
            return False
        key = self.finder.key(pattern)
        if self.unfiltered or key is None or key in self.finder.always_keys:
            return True  # may match anything, an empty span too
        if span[0] >= span[1]:
            return False
        starts, ends = self.key_spans(key)
        index = bisect.bisect_left(starts, span[0])
        while index < len(starts) and starts[index] < span[1]:
            if ends[index] <= span[1]:
                return True
            index += 1
        return False

    def key_spans(self, key: int) -> tuple[list[int], list[int]]:
        """The starts and ends of the literal occurrences of a pattern's key, ordered by start
        then end; gathered on first asking (a document asks about few of the catalog's patterns)."""
        found = self.spans.get(key)
        if found is None:
            ordered = sorted(span for literal in self.finder.literals_of.get(key, ()) for span in self.by_literal.get(literal, ()))
            found = self.spans[key] = ([start for start, _ in ordered], [end for _, end in ordered])
        return found

    def matches(self, pattern: re.Pattern | None, span: Span | None) -> list[Span]:
        """The non-empty matches of `pattern` searched inside `span`, as `pattern.finditer(text,
        *span)` finds them (a list the caller must not change: it is kept, as each figure of a
        sentence asks for the same patterns in the same sentence)."""
        if span is None or span[0] >= span[1] or pattern is None:
            return []
        key = self.finder.key(pattern)
        if key is not None:
            found = self.matched.get((key, span))
            if found is not None:
                return found
        if not self.may_match(pattern, span):
            found = []
        else:
            found = [found.span() for found in pattern.finditer(self.text, *span) if found.end() > found.start()]
        if key is not None:
            self.matched[(key, span)] = found
        return found
