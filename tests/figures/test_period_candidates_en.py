"""figures.context: English time language that offers a figure its period as a candidate:
spans ahead of the publication, the year so far, and "the same quarter of <year>"."""

import pytest

from figures.context import DocumentTimes, find_time_expressions, publication
from figures.quantities import extract


def _times(text: str, published_on: str) -> tuple[DocumentTimes, list[str]]:
    quantities = extract(text)
    return DocumentTimes(text, quantities, publication(published_on)), [q.text for q in quantities]


def _resolved(text: str, published_on: str) -> list[tuple[str, str | None]]:
    times, _ = _times(text, published_on)
    return [(e.text, r.period.label if r.period else None) for e, r in zip(times.expressions, times.resolved)]


def _offered(text: str, published_on: str, figure: str) -> set[str | None]:
    times, figures = _times(text, published_on)
    index = figures.index(figure)
    return {times.candidate_context(index, c).period_label for c in times.period_candidates(index)}


@pytest.mark.parametrize(
    ("text", "published_on", "expression", "period_label"),
    [
        # as many years as the words say: written in the second half of a year, the years after it;
        # in the first half, the year under way and those after it
        ("In the next three years, the district will train 500 new managers each year.", "2021-08-06",
         "In the next three years", "2022/2024"),
        ("The province plans to build 40 incubators over the coming five years.", "2019-03-01",
         "over the coming five years", "2019/2023"),
        ("Over the next 2 years the fund will invest 300 million dollars.", "2018-05-10", "Over the next 2 years", "2018/2019"),
        ("Over the next 2 years the fund will invest 300 million dollars.", "2018-11-10", "Over the next 2 years", "2019/2020"),
        # "within the next" counts the publication year itself as the first
        ("The bank aims to lend 10 billion yuan to start-ups within the next three years.", "2017-08-11",
         "within the next three years", "2017/2019"),
    ],
)
def test_spans_ahead_of_the_publication(text, published_on, expression, period_label):
    assert (expression, period_label) in _resolved(text, published_on)


def test_a_span_ahead_is_offered_to_its_figure():
    text = "In the next three years, the district will train 500 new managers each year."
    assert "2022/2024" in _offered(text, "2021-08-06", "500")


@pytest.mark.parametrize(
    "text",
    [
        # a term ("graduates within five years of leaving school") or a past span is no period ahead
        "Graduates within five years of leaving school may borrow up to 200,000 yuan.",
        "The company grew to 300 staff within three years.",
        # counted back, not ahead
        "The city added 1,200 incubators over the past five years.",
    ],
)
def test_other_counted_years_are_not_spans_ahead(text):
    assert all(e.kind != "ahead" for e in find_time_expressions(text))


@pytest.mark.parametrize(
    ("text", "published_on", "period_label"),
    [
        # the months of the publication year before the publication month
        ("Since the beginning of this year, the zone has added 22 large enterprises.", "2021-08-06", "2021-01/2021-07"),
        ("Since the start of the year, 1,300 firms have registered in the park.", "2019-05-20", "2019-01/2019-04"),
        # written in January: the year itself
        ("Since the beginning of the year, 45 firms have registered in the park.", "2019-01-20", "2019"),
    ],
)
def test_the_year_so_far(text, published_on, period_label):
    ((_, label),) = _resolved(text, published_on)
    assert label == period_label


def test_the_year_so_far_is_offered_to_its_figure():
    text = "Since the beginning of this year, the zone has added 22 large enterprises."
    assert "2021-01/2021-07" in _offered(text, "2021-08-06", "22")


def test_the_beginning_of_a_named_year_stays_that_year():
    expressions = find_time_expressions("Since the beginning of 2015, the park has hosted 60 events.")
    assert [(e.kind, e.body) for e in expressions] == [("year", "2015")]


@pytest.mark.parametrize(
    ("text", "base_label"),
    [
        # the base of a change is the same part of the year named, in the year the words give
        (("In the third quarter of 2020, revenues were RMB14.2 billion, up 89% from RMB7.5 billion in the same "
          "quarter of 2019."), "2019-Q3"),
        ("In the first half of 2018, the park registered 5,200 firms, up 12% from 4,640 in the same half of 2017.",
         "2017-H1"),
        ("From January to May 2021, revenues reached 3.1 trillion yuan, up 34% from the same period of 2020.",
         "2020-01/2020-05"),
        # a different part of the year before, or a whole year: the year named, as written
        (("In the first half of 2018, the park registered 5,200 firms, up 12% from 4,640 in the same quarter of "
          "2017."), "2017"),
        ("In 2018, the park registered 5,200 firms, up 12% from 4,640 in the same period of 2017.", "2017"),
    ],
)
def test_the_same_part_of_a_named_year(text, base_label):
    assert _resolved(text, "2021-07-03")[-1][1] == base_label


def test_the_same_quarter_of_a_year_is_offered_to_the_base_figure():
    text = (
        "In the third quarter of 2020, revenues were RMB14.2 billion, up 89% from RMB7.5 billion in the same "
        "quarter of 2019."
    )
    assert "2019-Q3" in _offered(text, "2020-11-12", "RMB7.5 billion")


def test_a_year_less_day_takes_no_year_from_a_span_of_years_before_it():
    # the sentence before names only a span of years: "June 28" is of the publication's year
    text = "From 2013 to 2023, the number of firms in the city rose fourfold. As of June 28, the city had 1.95 million firms."
    times, _ = _times(text, "2024-06-28")
    assert ("As of June 28", "2024-06-28") in [(e.text, r.period.label) for e, r in zip(times.expressions, times.resolved)]
    assert "2024-06-28" in _offered(text, "2024-06-28", "1.95 million")
    # a single year before it still dates it, and the publication's year is offered beside it
    text = "In 2013, the city had 250,000 firms. As of June 28, the city had 1.95 million firms."
    assert {"2013-06-28", "2024-06-28"} <= _offered(text, "2024-06-28", "1.95 million")


@pytest.mark.parametrize(
    ("text", "published_on"),
    [
        # already in the publication year
        ("As of June 28, the city had 1.95 million firms.", "2024-07-02"),
        # in the publication year it would lie after publication
        ("In 2023, the city had 1.95 million firms by November.", "2024-06-28"),
        # a day that gives its own year
        ("As of June 28, 2023, the city had 1.95 million firms.", "2024-07-02"),
    ],
)
def test_no_publication_year_reading_otherwise(text, published_on):
    times, figures = _times(text, published_on)
    index = figures.index("1.95 million")
    assert all(c.origin != "published_year" for c in times.period_candidates(index))


# A report on a quarter: its opening's period, five sentences before the figure, with
# sentences of no date between.
QUARTER_REPORT = (
    "In Q4 2016, equity financings into China-based companies raised more than $7 billion across 464 deals.\n\n"
    "Consumer services companies remained the strongest sector. It attracted $2.5 billion via 194 deals.\n\n"
    "The sector attracted a 33% share of total deals. Deal sizes were larger. Investors were cautious.\n\n"
    "Business and financial services ranked second. The sector garnered $2.3 billion across 122 deals."
)


def test_the_opening_period_is_offered_however_far_back():
    times, figures = _times(QUARTER_REPORT, "2017-01-20")
    index = figures.index("$2.3 billion")
    leads = [c for c in times.period_candidates(index) if c.origin == "lead"]
    assert [times.candidate_context(index, c).period_label for c in leads] == ["2016-Q4"]


def test_the_opening_period_is_offered_once():
    # within reach of the sentences before, it is offered as their period only
    times, figures = _times(QUARTER_REPORT, "2017-01-20")
    index = figures.index("$2.5 billion")
    assert not [c for c in times.period_candidates(index) if c.origin == "lead"]
    assert "2016-Q4" in _offered(QUARTER_REPORT, "2017-01-20", "$2.5 billion")


def test_a_wire_storys_dateline_dates_the_report_not_the_figures():
    text = (
        "HEFEI, July 20 (Xinhua) -- Anhui Province has achieved robust output growth since 2012, officials said.\n\n"
        "The value-added output of industries increased at an average annual rate of 9.9 percent."
    )
    assert "2022-07-20" not in _offered(text, "2022-07-21", "9.9 percent")
    # a day the story's sentence gives for what was done keeps its day
    text = "The park signed 12 projects on July 20, 2022."
    assert "2022-07-20" in _offered(text, "2022-07-21", "12")
