"""figures.document_year: the year a document reports on as a whole, and how strongly it says so."""

from figures.context import DocumentTimes, PeriodCandidate, publication
from figures.document_year import read_reported_year, read_year_evidence
from figures.period_choice import document_year_details, features_of
from figures.quantities import extract
from figures.sentences import split_sentences


def times_of(text: str, published_on: str, title: str | None = None) -> DocumentTimes:
    return DocumentTimes(text, extract(text), publication(published_on), split_sentences(text), title)


def test_a_list_released_early_in_the_year_reports_on_the_year_before():
    text = (
        "A research institute in Shenzhen released its 2021 Startup Ranking on Tuesday. "
        "The country now has 312 start-ups on the ranking, up by 40 from 2020. "
        "Beijing leads with 91, followed by Hangzhou with 37."
    )
    reported = read_reported_year(times_of(text, "2022-02-15", title="Shenzhen institute ranks start-ups"))
    assert reported.year == 2021
    assert "edition" in reported.evidence and "base_before" in reported.evidence
    assert reported.strength == "strong"
    assert reported.report_words


def test_an_event_of_the_publication_year_is_its_own_year():
    text = (
        "The science park held the 2023 Incubator Graduation Ceremony on Friday. "
        "A record 64 companies completed the programme, which has raised HK$210 million in funding."
    )
    reported = read_reported_year(times_of(text, "2023-06-10", title="Record number of firms graduate"))
    assert reported.year == 2023
    assert reported.evidence[0] == "edition"


def test_a_report_on_a_year_named_after_its_subject():
    text = (
        "The planning agency said in a report on the growth of small businesses in 2019 that they "
        "created about 60 percent of new urban jobs. Some 18,000 new firms opened each day."
    )
    reported = read_reported_year(times_of(text, "2020-09-01", title="Small firms drive job growth"))
    assert reported.year == 2019
    assert "edition" in reported.evidence


def test_the_headline_saying_last_year_names_the_year_before():
    text = "Venture funding in the province fell to 8.2 billion yuan, data showed on Monday."
    reported = read_reported_year(times_of(text, "2024-01-15", title="Venture funding slumps last year"))
    assert reported.year == 2023
    assert "headline_relative" in reported.evidence


def test_dated_figures_mostly_of_one_year_speak_for_it():
    text = (
        "In 2018, the city registered 4,200 new technology firms. "
        "Their revenue reached 96 billion yuan in 2018. "
        "The incubators of the city employ 12,000 people."
    )
    reported = read_reported_year(times_of(text, "2019-04-20", title="City tech firms multiply"))
    assert reported.year == 2018
    assert "most_dated" in reported.evidence


def test_a_feature_whose_figures_span_many_years_reports_on_none():
    text = (
        "Founded in 2009, the company had 12 staff in 2011. "
        "It raised 30 million yuan in 2014 and 200 million yuan in 2016. "
        "Revenue reached 1.2 billion yuan in 2019. "
        "It now has 800 employees."
    )
    reported = read_reported_year(times_of(text, "2020-10-01", title="A founder's long road"))
    assert reported.year is None
    assert reported.strength == "none"


def test_an_interview_reports_on_no_one_year():
    text = "In 2021 the fund invested in 14 start-ups, she said. The team has 25 partners."
    reported = read_reported_year(times_of(text, "2022-03-01", title="Interview: a fund manager on patience"))
    assert reported.year is None


def test_no_publication_date_no_year():
    assert read_reported_year(times_of("The park has 40 buildings.", None)).year is None


def test_the_reading_is_read_once_per_document():
    times = times_of("The 2019 Annual Report counts 70 incubators.", "2020-03-01")
    assert read_reported_year(times) is read_reported_year(times)


def test_the_chooser_sees_which_document_year_is_the_reported_one():
    text = (
        "A research institute released its 2016 Start-up Park List on February 20. "
        "The province now has 87 start-up parks, up 23 from 2015."
    )
    times = times_of(text, "2017-02-24", title="The province now has 87 start-up parks")
    figure = next(i for i, q in enumerate(times.quantities) if q.text == "87")
    candidates = times.period_candidates(figure)
    features = features_of(times, figure, candidates)
    by_year = {c.year: f for c, f in zip(candidates, features) if c.origin == "document"}
    assert any(name.startswith("reported_year=this") for name in by_year[2016])
    assert any(name.startswith("reported_year=other") for name in by_year[2017])
    undated = features[candidates.index(next(c for c in candidates if c.origin == "none"))]
    assert "undated&reported_strength=strong" in undated
    assert PeriodCandidate("document", year=2016) in candidates


def test_leaving_a_figure_undated_is_weighed_only_in_a_document_on_one_year():
    feature = "A founder's company now has 800 employees and 12 offices."
    times = times_of(feature, "2020-10-01", title="Interview: a founder on patience")
    figure = next(i for i, q in enumerate(times.quantities) if q.text == "800")
    candidates = times.period_candidates(figure)
    undated = features_of(times, figure, candidates)[candidates.index(next(c for c in candidates if c.origin == "none"))]
    assert not any(name.startswith("undated&reported_strength") for name in undated)


def test_a_year_that_opens_a_sentence_names_no_edition():
    for text in ("In 2019 the firm posted record results of 5 million yuan.", "Since 2019 the government has issued a list of 40 parks."):
        reported = read_reported_year(times_of(text, "2020-03-01", title="Firm news"))
        assert "edition" not in reported.evidence


def test_one_reading_of_the_evidence_feeds_the_reported_year_and_the_chooser():
    text = (
        "A research institute released its 2016 Start-up Park List on February 20. "
        "The province now has 87 start-up parks, up 23 from 2015. "
        "Its 12 cities added 30 parks in 2016."
    )
    times = times_of(text, "2017-02-24", title="The province now has 87 start-up parks")
    evidence = read_year_evidence(times)
    assert read_year_evidence(times) is evidence
    assert 2015 in evidence.base_years and 2016 in evidence.editions and evidence.report_words
    assert evidence.dated_in == {2016: 1} and evidence.first_dated == 2016
    reported = read_reported_year(times)
    assert reported.year == 2016 and "base_before" in reported.evidence
    details = document_year_details(times)
    assert {"base_year_before", "opening_names", "first_dated", "report_cue"} <= set(details[2016])
