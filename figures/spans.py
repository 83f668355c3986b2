"""Lookups over sorted text spans that answer in a logarithm what a pass over a sentence would.

A table or a list can put thousands of figures and dates in one sentence; reading each figure's
context by scanning the sentence's other figures and dates made the work grow with the square
(or cube) of the figures per sentence. These helpers answer the same questions exactly, from
indexes built once per sentence or per document.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(slots=True)
class SortedSpans:
    """Items with non-overlapping spans, in text order (so starts and ends both ascend)."""

    items: list[int] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)

    def add(self, item: int, start: int, end: int) -> None:
        self.items.append(item)
        self.starts.append(start)
        self.ends.append(end)

    def nearest(self, start: int, end: int, skip_overlapping: bool) -> int | None:
        """The item nearest to [start, end), by the gap between the spans (0 when they
        overlap); the earlier one on a tie, as `min` over the items in text order gives.
        With `skip_overlapping`, items overlapping [start, end) are left out."""
        # Items ending by `start` lie before the span and get nearer as they go; the others
        # get farther as they go. So the answer is the last of the first or the first of the second.
        first_after = bisect.bisect_right(self.ends, start)
        candidate = (
            bisect.bisect_left(self.starts, end, first_after) if skip_overlapping else first_after
        )
        before = first_after - 1 if first_after > 0 else None
        after = candidate if candidate < len(self.items) else None
        if after is None:
            return None if before is None else self.items[before]
        if before is None:
            return self.items[after]
        gap_before = start - self.ends[before]
        gap_after = max(self.starts[after] - end, start - self.ends[after], 0)
        return self.items[before] if gap_before <= gap_after else self.items[after]

    def first_starting_in(self, low: int, high: int) -> int | None:
        """The first item starting in [low, high), if any."""
        position = bisect.bisect_left(self.starts, low)
        if position < len(self.items) and self.starts[position] < high:
            return self.items[position]
        return None


# Longer than any word the patterns given to WordIndex match: a match at one end of a gap fits
# in a window of this many characters with a real character on its other side.
EDGE_WINDOW = 8


class WordIndex:
    """Where a whole-word pattern (or single characters such as "&") matches in one text, to
    answer `pattern.search(text[a:s])` for many gaps [a, s) without copying or re-reading them.

    A match strictly inside the gap is a match in the whole text (its word boundaries are
    read from characters inside the gap); only a match touching either end of the gap can
    differ, and those are read from a few characters at the ends. Patterns must match only
    whole words shorter than EDGE_WINDOW, which never overlap one another.
    """

    def __init__(self, pattern: re.Pattern, text: str):
        self.pattern = pattern
        self.text = text
        found = [(match.start(), match.end()) for match in pattern.finditer(text)]
        self.starts = [start for start, _ in found]
        self.ends = [end for _, end in found]

    def first_inner_end(self, a: int) -> float:
        """End of the first match that starts after `a` (inf when none): a gap [a, s)
        holds a match strictly inside it exactly when s is beyond this."""
        position = bisect.bisect_right(self.starts, a)
        return self.ends[position] if position < len(self.ends) else float("inf")

    def edge_match(self, a: int, s: int) -> bool:
        """Whether text[a:s] has a match touching its start or its end."""
        head = self.text[a : min(s, a + EDGE_WINDOW)]
        if self.pattern.match(head):
            return True
        tail_start = max(a, s - EDGE_WINDOW)
        tail = self.text[tail_start:s]
        return any(match.end() == len(tail) for match in self.pattern.finditer(tail))

    def in_gap(self, a: int, s: int) -> bool:
        """Exactly `bool(pattern.search(text[a:s]))`."""
        return self.first_inner_end(a) < s or self.edge_match(a, s)


def may_end_a_word(text: str, position: int, words: Sequence[str]) -> bool:
    """Whether one of `words` (lower case) ends right at `position`: the only places where a
    gap's end can make WordIndex's edge test true."""
    before = text[max(position - EDGE_WINDOW, 0) : position].lower()
    return before.endswith(tuple(words))
