"""Reading contexts is linear in the figures of a sentence: a plain-text table is one sentence
with thousands of figures and dates, and work that grows with their square (or cube) made a
1,000-row table take minutes.

The bound is on operations, not time: every read of a figure or a date by position is counted,
and doubling the table may at most double the reads (with a margin), where quadratic work
would quadruple them.
"""

from figures.context import DocumentTimes, publication
from figures.quantities import extract
from figures.sentences import split_sentences


class CountingList(list):
    """A list that counts reads by position."""

    reads = 0

    def __getitem__(self, position):
        CountingList.reads += 1
        return super().__getitem__(position)


def table(rows: int) -> str:
    lines = ["Province  Makerspaces  Incubators  Funding (million yuan)  Year"]
    for row in range(rows):
        lines.append(f"Region{row}  {1000 + 7 * row:,}  {200 + row}  {35.5 + row:.1f}  {2010 + row % 10}")
    return "\n".join(lines) + "\n"


def list_sentence(items: int) -> str:
    parts = [f"{100 + item} incubators and {5 + item}% more start-ups in {2000 + item % 20}" for item in range(items)]
    return "By the end of 2016, " + ", ".join(parts) + " were expected to open by 2020."


def reads_to_resolve(text: str) -> tuple[int, int]:
    """(figures, reads of figures and dates) to read every figure's context."""
    quantities = extract(text)
    times = DocumentTimes(text, CountingList(quantities), publication("2018-06-01"), split_sentences(text))
    times.expressions = CountingList(times.expressions)
    CountingList.reads = 0
    for figure in range(len(quantities)):
        times.context(figure)
    return len(quantities), CountingList.reads


def test_a_table_is_read_in_work_linear_in_its_rows():
    figures_small, small = reads_to_resolve(table(60))
    figures_large, large = reads_to_resolve(table(120))
    assert len(split_sentences(table(120))) == 1  # the table is one sentence
    assert figures_large == 2 * figures_small
    # linear: about 2x; quadratic: 4x
    assert large / small < 2.5, (small, large)
    assert large / figures_large < 60, "a figure's context costs a bounded number of reads"


def test_a_long_list_sentence_is_read_in_work_linear_in_its_items():
    figures_small, small = reads_to_resolve(list_sentence(50))
    figures_large, large = reads_to_resolve(list_sentence(100))
    assert figures_large == 2 * figures_small
    assert large / small < 2.5, (small, large)
    assert large / figures_large < 60

