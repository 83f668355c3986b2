"""figures.context: the period and status of each figure, from the words around it."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figures.context import (
    DEFINITION_RE,
    EVENT_AT_RE,
    EVENT_DEED_RE,
    GRANULARITIES,
    PERIOD_SOURCES,
    STATUSES,
    MentionContext,
    find_time_expressions,
    publication,
)
from figures.periods import resolve_contexts
from figures.quantities import extract

# Seed sentences, verbatim.
UCLOUD_SALES = (
    "“The annual sales of 2012 was 1 million yuan, the average of monthly sales in 2013 was 1 million yuan, "
    "the average daily sales was 1 million yuan in 2015, the sales for 2017 is expected to reach 1 billion yuan "
    "and profit to be 10 million yuan.”"
)
MAKERS_SPACES = (
    "In 2017, there were 5,739 makers' spaces according to statistics of Torch Center, an increase of over 33% "
    "compared with 2016."
)
FIRST_HALF = (
    "In the first half of 2017, high tech industries grew by 13.1% while it was 6.9% for the conventional "
    "manufacturing."
)
REGISTRATIONS = (
    "The increase of business registration has been extraordinary, jumping from 9.46 million in 2012 to 16.51 "
    "million in 2016."
)
FLOWERPLUS = (
    "At present, its monthly turnover exceeds 80 million yuan and its net sales volume reached 640 million yuan "
    "in 2017."
)

# (text, published_on, figure as extracted, expected context fields). Own sentences in news and
# report style, then seed sentences copied verbatim (marked "seed").
CASES = [
    # a sentence-opening year governs every figure of the sentence
    ("In 2017, the city had 120 incubators and 4,500 start-ups.", None, "120",
     {"period_label": "2017", "period_granularity": "year", "period_text": "In 2017", "period_source": "text"}),
    ("In 2017, the city had 120 incubators and 4,500 start-ups.", None, "4,500", {"period_label": "2017"}),
    ("In 2019, venture funds raised 12 billion yuan, while angel investors put in 3 billion yuan.", None,
     "3 billion yuan", {"period_label": "2019", "status": "actual"}),
    ("During 2016, exports rose 8% and imports fell 2%.", None, "2%", {"period_label": "2016"}),
    # a figure's own closer year overrides the governing one
    ("In 2017, sales reached 5 million yuan, up from 3 million yuan in 2015.", None, "3 million yuan",
     {"period_label": "2015", "period_text": "in 2015"}),
    ("In 2017, sales reached 5 million yuan, up from 3 million yuan in 2015.", None, "5 million yuan",
     {"period_label": "2017"}),
    ("The annual sales of 2012 was 2 million yuan, and the sales of 2014 was 9 million yuan.", None,
     "9 million yuan", {"period_label": "2014"}),
    # comparison bases are not the figure's period
    # ... though a growth rate against a stated year, with no other date, is the growth to the
    # year after
    ("The number of incubators rose 18% compared with 2015.", None, "18%",
     {"period_label": "2016", "period_source": "text", "comparison_label": "2015", "comparison_text": "compared with 2015"}),
    # from 2012 to 2016, a rate rose from X to Y: each end of the pair takes its end of the span
    ("From 2012 to 2016, the rate has risen from 1.2 percent to 2.2 percent.", None, "1.2 percent", {"period_label": "2012"}),
    ("From 2012 to 2016, the rate has risen from 1.2 percent to 2.2 percent.", None, "2.2 percent", {"period_label": "2016"}),
    # "that period" is the period the earlier sentence opened with, not its last date
    ("In the first half of 2016 investors grew wary after a boom in 2015. During that period, 3,476 deals were made.",
     None, "3,476", {"period_label": "2016-H1", "period_text": "During that period"}),
    # "is to set up": a decided plan
    ("China is to set up an investment fund of 40 billion yuan to support start-ups.", "2015-01-14",
     "40 billion yuan", {"status": "target"}),
    # ... but a figure that is not one end of a from-to pair keeps the span
    ("From 2012 to 2016, investment amounted to 3 trillion yuan.", None, "3 trillion yuan", {"period_label": "2012/2016"}),
    # the part of a year a span starts or ends in ("early", "late") is still that year
    ("From early 2008 to late 2012, 1.43 million wholesale businesses closed their doors.", None, "1.43 million", {"period_label": "2008/2012"}),
    ("Between early 2008 and late 2012, 2.49 million firms closed.", None, "2.49 million", {"period_label": "2008/2012"}),
    ("In the period 2012-2016, investment amounted to 3 trillion yuan.", None, "3 trillion yuan",
     {"period_label": "2012/2016"}),
    # "that period" earlier in the same sentence
    ("In the first half of 2016 investors grew wary, and during that period 2,000 firms were registered.", None,
     "2,000", {"period_label": "2016-H1"}),
    # a deadline is not carried to the next sentence
    ("China aims to have 10,000 incubators by 2020. Shenzhen has 300 incubators.", "2017-06-01", "300",
     {"period_source": "none"}),
    # a date at the head of its sentence is the figure's, whatever the sentence before said
    ("The ministry said so. On March 31, 2017, China had 4,000 incubators.", None, "4,000",
     {"period_label": "2017-03-31"}),
    # "over the same period" is the same period a year earlier
    ("In the first half of 2017, registrations rose 20 percent over the same period.", None, "20 percent",
     {"period_label": "2017-H1", "comparison_label": "2016-H1"}),
    # "the past three years", written in 2017
    ("Market entities rose by a daily average of 40,000 in the past three years.", "2017-06-27", "40,000",
     {"period_label": "2014/2017", "period_source": "relative"}),
    # "ten years ago", "a decade ago": counted back from publication, past the number the
    # extractor reads as a duration
    ("Whereas 10 years ago 59.9 per cent were farmers, today most are former cadres.", "2003-11-29", "59.9 per cent",
     {"period_label": "1993", "period_source": "relative"}),
    ("Graduates make up 33.5 per cent, compared to 16.6 per cent a decade ago.", "2003-11-29", "16.6 per cent",
     {"period_label": "1993", "period_source": "relative"}),
    # "mid-2004", "the middle of 2003": June of that year
    ("By mid-2004, there were 3.44 million private companies.", "2005-02-04", "3.44 million",
     {"period_label": "2004-06", "period_is_point_in_time": True}),
    ("By the middle of 2003, the ministry had helped 10,487 returned scholars.", "2004-01-01", "10,487",
     {"period_label": "2003-06"}),
    # "of the next year" is next year, as "of next year" is
    ("It will launch one satellite in the second half of the next year.", "2017-09", "one",
     {"period_label": "2018-H2", "period_source": "relative"}),
    # "the past three quarters": the whole quarters before the one of publication
    ("During the past three quarters the zones' revenue reached 33.9 trillion yuan.", "2021-12-16",
     "33.9 trillion yuan", {"period_label": "2021-Q1/2021-Q3", "period_source": "relative"}),
    ("In the past two quarters it raised 5 billion yuan.", "2021-02-03", "5 billion yuan",
     {"period_label": "2020-H2"}),
    ("Revenue in 2018 grew by 25% compared to 2017.", None, "25%",
     {"period_label": "2018", "comparison_label": "2017"}),
    ("Output in 2016 was 12% higher than in 2015.", None, "12%", {"period_label": "2016", "comparison_label": "2015"}),
    ("Investment jumped 40% year-on-year to 9 billion yuan in 2016.", None, "40%",
     {"period_label": "2016", "comparison_label": "2015", "comparison_text": "year-on-year"}),
    ("In the first half of 2018, registrations grew 12% year on year.", None, "12%",
     {"period_label": "2018-H1", "comparison_label": "2017-H1"}),
    ("In 2016, the fund grew 30% over the previous year.", None, "30%", {"comparison_label": "2015"}),
    ("Sales rose 9% over last year.", "2019-03-01", "9%", {"comparison_label": "2018", "period_source": "none"}),
    # a share of a goal is what was achieved, not a target
    ("Some 13.51 million jobs were created, or 102.2 percent of the goal set for the year.", "2017-01-20",
     "102.2 percent", {"status": "actual"}),
    ("New urban jobs reached 7.37 million, achieving 67 percent of the annual jobs target.", "2017-07-20",
     "67 percent", {"status": "actual"}),
    # "the year ended December 31, 2019" is the year, "the quarter ended June 30" its quarter
    ("In the year ended December 31, 2019, total revenues were RMB97.5 billion.", "2020-03-30",
     "RMB97.5 billion", {"period_label": "2019", "period_source": "text"}),
    ("For the quarter ended June 30, 2018, revenue was RMB10 billion.", "2018-08-20",
     "RMB10 billion", {"period_label": "2018-Q2", "period_source": "text"}),
    # a five-year plan's period is its five years
    ("About 25 million new jobs will be created during each year of the 13th Five-Year Plan period.", "2017-01-10",
     "25 million", {"period_label": "2016/2020", "period_source": "text"}),
    # "since <an event> in 1978" starts a span in 1978, as "since 1978" does
    ("More than 580,000 students have gone abroad since China began its reform and opening-up in 1978.", "2003-11-17",
     "580,000", {"period_label": "1978/2003", "period_source": "text"}),
    ("The fund has expanded by 6 times from the level in 2012.", None, "6 times",
     {"comparison_label": "2012", "period_label": None}),
    ("Growth was 22% year-on-year and the parks held 250,000 events.", None, "250,000", {"comparison_label": None}),
    # from X in 2012 to Y in 2016: each figure takes its own year
    ("Registrations jumped from 9.46 million in 2012 to 16.51 million in 2016.", None, "9.46 million",
     {"period_label": "2012"}),
    ("Registrations jumped from 9.46 million in 2012 to 16.51 million in 2016.", None, "16.51 million",
     {"period_label": "2016"}),
    ("Exports climbed from $2 billion in 2010 to $5 billion in 2015.", None, "$5 billion", {"period_label": "2015"}),
    # coordinated figures share the date written after the last one
    ("It won investment of 150 million yuan and a turnover of 250 million yuan in 2017.", None,
     "150 million yuan", {"period_label": "2017"}),
    # halves, quarters, months, days
    ("In the first half of 2017, high-tech output grew by 13.1%.", None, "13.1%",
     {"period_label": "2017-H1", "period_granularity": "half", "period_start": dt.date(2017, 1, 1),
      "period_end": dt.date(2017, 6, 30), "period_text": "In the first half of 2017"}),
    ("Profit in the second half of 2015 was 40 million yuan.", None, "40 million yuan",
     {"period_label": "2015-H2", "period_end": dt.date(2015, 12, 31)}),
    ("Revenue hit 3 billion yuan in H1 2019.", None, "3 billion yuan", {"period_label": "2019-H1"}),
    ("In the third quarter of 2017, 2,300 firms were registered.", None, "2,300",
     {"period_label": "2017-Q3", "period_granularity": "quarter", "period_start": dt.date(2017, 7, 1),
      "period_end": dt.date(2017, 9, 30)}),
    ("Shipments reached 800,000 units in Q1 2020.", None, "800,000", {"period_label": "2020-Q1"}),
    ("In the first three quarters of 2018, investment rose 7.2%.", None, "7.2%",
     {"period_label": "2018-Q1/2018-Q3", "period_end": dt.date(2018, 9, 30)}),
    ("In September 2017, the platform signed up 3,000 users.", None, "3,000",
     {"period_label": "2017-09", "period_granularity": "month", "period_end": dt.date(2017, 9, 30)}),
    ("From January to May 2018, 1.2 million firms were set up.", None, "1.2 million",
     {"period_label": "2018-01/2018-05", "period_granularity": "month"}),
    ("In the first five months of 2018, 1.2 million firms were set up.", None, "1.2 million",
     {"period_label": "2018-01/2018-05"}),
    ("Exports reached 44.6 billion yuan between January and October 2022, up 11% year on year.", None, "44.6 billion yuan",
     {"period_label": "2022-01/2022-10", "period_granularity": "month"}),
    ("On May 7, 2015, the premier visited a cafe that hosts 40 start-ups.", None, "40",
     {"period_label": "2015-05-07", "period_granularity": "day"}),
    ("During the week of Sep 15-21, 2017, about 5,000 events were held.", None, "5,000",
     {"period_label": "2017-09-15/2017-09-21", "period_granularity": "day", "period_start": dt.date(2017, 9, 15),
      "period_end": dt.date(2017, 9, 21)}),
    ("On 2017-09-15 the exchange listed 12 firms.", None, "12", {"period_label": "2017-09-15"}),
    # spans of years
    ("From 2014 to 2017, the zone attracted 2.4 billion dollars.", None, "2.4 billion dollars",
     {"period_label": "2014/2017", "period_granularity": "multi_year", "period_start": dt.date(2014, 1, 1),
      "period_end": dt.date(2017, 12, 31)}),
    ("Over 2014-2017 the park added 600 firms.", None, "600", {"period_label": "2014/2017"}),
    ("Between 2012 and 2016 the number of makerspaces grew to 4,298.", None, "4,298", {"period_label": "2012/2016"}),
    ("In 2015-16 the council approved 75 projects.", None, "75", {"period_label": "2015/2016"}),
    # a date right after a restatement in brackets is the restated figure's: here a change's base
    ("Output topped 2 trillion yuan (US$241 billion) in 2003, rising from 42.2 billion yuan (US$5.1 billion) in 1989.",
     "2005-02-04", "42.2 billion yuan", {"period_label": "1989"}),
    # two years joined by "and" bound one span; with "respectively" each figure keeps its own year
    ("In 2007 and 2008, roughly 20 training workshops were conducted.", "2010-06-01", "20", {"period_label": "2007/2008"}),
    ("Between 2012 and 2016, 4,298 makerspaces opened.", None, "4,298", {"period_label": "2012/2016"}),
    ("In 2016 and 2017 the fund invested 30 million yuan and 50 million yuan respectively.", "2018-03-01",
     "50 million yuan", {"period_label": "2017"}),
    # points in time
    ("By the end of 2016, there were 4,298 makers' spaces.", "2017-05-01", "4,298",
     {"period_label": "2016", "period_is_point_in_time": True, "period_text": "By the end of 2016", "status": "actual"}),
    ("As of June 2017, the incubator housed 230 teams.", None, "230",
     {"period_label": "2017-06", "period_is_point_in_time": True}),
    ("At the end of 2015 the fund managed 8 billion yuan.", None, "8 billion yuan",
     {"period_label": "2015", "period_is_point_in_time": True}),
    # the year-end written short: the year it closes, as "the end of 2017" gives it
    ("As of end-2017 there were 4,069 incubators.", None, "4,069",
     {"period_label": "2017", "period_is_point_in_time": True, "period_text": "As of end-2017"}),
    ("At year-end 2016 the city had 300 makerspaces.", None, "300", {"period_label": "2016", "period_is_point_in_time": True}),
    ("By end-June, there were 4,069 incubators.", "2018-08-01", "4,069",
     {"period_label": "2018-06", "period_is_point_in_time": True}),
    # a count since a month runs to the publication year, as one since a year does
    ("The park has attracted more than 100 students since February 2010.", "2018-07-09", "100",
     {"period_label": "2010/2018"}),
    # "at present", "currently", "so far" name no date: the publication date stands in, flagged
    ("At present, the company employs 1,200 people.", "2018-12-05", "1,200",
     {"period_label": None, "period_is_point_in_time": True, "period_source": "none"}),
    ("Currently, the city is home to 1,210 high-tech enterprises.", "2021-10-25", "1,210",
     {"period_label": None, "period_source": "none"}),
    # ... and carries no period to the next sentence
    ("So far, the city has 80 maker spaces. They host 900 teams.", "2017-03-08", "900", {"period_source": "none"}),
    # "this month", "last month": relative to the publication month
    ("The number is likely to hit 100 million this month.", "2018-03-02", "100 million",
     {"period_label": "2018-03", "period_granularity": "month", "period_source": "relative", "status": "expected"}),
    ("Last month, 1.2 million firms were registered.", "2018-01-15", "1.2 million", {"period_label": "2017-12"}),
    # "in the past year", written in March 2021: the year before, as "last year" is
    ("In the past year, patent applications in the zone exceeded 40,000.", "2021-03-31", "40,000",
     {"period_label": "2020", "period_source": "relative"}),
    # a change from a base figure dated several years before is a change over the span between
    (("China had 15.61 million private companies by the end of 2018, up 178.6 percent from 10.01 million by the end "
     "of 2013."), "2019-11-01", "178.6 percent", {"period_label": "2013/2018", "comparison_label": "2013"}),
    (("China had 15.61 million private companies by the end of 2018, up 178.6 percent from 10.01 million by the end "
     "of 2013."), "2019-11-01", "10.01 million", {"period_label": "2013"}),
    (("It had 17 million firms by the end of 2018. About 210 million people worked there, up 9.1 percentage points "
     "than the end of 2013."), "2019-11-01", "210 million", {"period_label": "2018", "period_source": "discourse"}),
    # "compared with that at the end of 2013": the words before the date make it the base
    (("By the end of 2018, there were 21.8 million legal entities, an increase of 10.9 million or up by 100.7 percent "
     "compared with that at the end of 2013."), "2019-11-20", "100.7 percent",
     {"period_label": "2013/2018", "comparison_label": "2013"}),
    # a difference the base directly follows spans from the base, as a change does
    ("As of 2022, there are 173 national high-tech development zones, 84 more than in 2012.", "2022-09-01", "84",
     {"period_label": "2012/2022", "comparison_label": "2012"}),
    ("As of 2022, there are 173 national high-tech development zones, 84 more than in 2012.", "2022-09-01", "173",
     {"period_label": "2022", "comparison_label": None}),
    (("It had 17 million firms by the end of 2018. About 210 million people worked there, up 9.1 percentage points "
     "than the end of 2013."), "2019-11-01", "9.1 percentage points",
     {"period_label": "2013/2018", "comparison_label": "2013"}),
    # ... the base's date dates neither the sentence's other figures nor the next sentence
    (("China had 242,000 State-controlled enterprises by the end of 2018, up 10.9 percent from 24,000 by the end of "
     "2013. They employed 15.7 percent of the workforce."), "2019-11-01", "15.7 percent",
     {"period_label": "2018", "period_source": "discourse"}),
    # "more than" is a qualifier, not a base: the date after its figure still dates the sentence
    (("Nearly 4,300 spaces provided services for more than 120,000 enterprises in 2016, attracting investment of "
     "5.5 billion yuan."), "2017-03-27", "5.5 billion yuan", {"period_label": "2016"}),
    # a year-less date takes no year from a base figure's date: "from 55 million in 2012 to 146 million at the
    # end of July", published in September 2021, ends in July 2021
    ("The total rose from 55 million in 2012 to 146 million at the end of July.", "2021-09-07", "146 million",
     {"period_label": "2021-07"}),
    # "the 2012 number" is a base: a multiple of it spans from it to the figure's period
    (("The total rose from 55 million in 2012 to 146 million at the end of July. Self-employed businesses "
     "reached 98 million, about 2.5 times the 2012 number."), "2021-09-07", "98 million",
     {"period_label": "2021-07", "period_source": "discourse"}),
    (("The total rose from 55 million in 2012 to 146 million at the end of July. Self-employed businesses "
     "reached 98 million, about 2.5 times the 2012 number."), "2021-09-07", "2.5 times",
     {"period_label": "2012/2021", "comparison_label": "2012"}),
    # a quarter named by its last month, in the year before a January publication
    ("Venture capital invested in the December quarter dived by 27 percent to $9.8 billion.", "2019-01-08",
     "$9.8 billion", {"period_label": "2018-Q4", "period_granularity": "quarter"}),
    # "and" opening a date starts a clause of its own
    ("In 2011 the figure was 1.6 percent and in 2010 it was 1.5 percent.", None, "1.6 percent", {"period_label": "2011"}),
    ("In 2011 the figure was 1.6 percent and in 2010 it was 1.5 percent.", None, "1.5 percent", {"period_label": "2010"}),
    # a dateline dates the page, not the next sentence's figures
    (("Technology Author: Sylvia Liang Jul 03, 2019 02:18 PM (GMT+8)\n\nThe total amount of venture capital "
     "investments was CNY 295 billion."), "2019-07-03", "CNY 295 billion", {"period_source": "none"}),
    # a cue right before the next figure is that figure's: the count in the subject stays actual
    (("The annual revenue of the country's 169 state-level high-tech zones is expected to exceed 48 trillion yuan "
     "in 2021."), "2022-02-28", "169", {"status": "actual"}),
    (("The annual revenue of the country's 169 state-level high-tech zones is expected to exceed 48 trillion yuan "
     "in 2021."), "2022-02-28", "48 trillion yuan", {"status": "expected"}),
    ("The company is looking to open another 30 co-working spaces this year.", "2019-03-19", "30", {"status": "target"}),
    # a change against the year just before keeps its own period
    ("Sales reached 5 billion yuan in 2017, up 12 percent from 4.5 billion yuan in 2016.", None, "12 percent",
     {"period_label": "2017", "comparison_label": "2016"}),
    ("So far this year, 3,400 start-ups have registered.", "2019-07-10", "3,400",
     {"period_label": "2019", "period_source": "relative", "period_is_point_in_time": False}),
    # flows are not points in time
    ("In 2014, China had 1,600 incubators.", None, "1,600", {"period_is_point_in_time": False}),
    # relative years against the publication date
    ("Last year, the province attracted 2 billion yuan of venture capital.", "2018-03-01", "2 billion yuan",
     {"period_label": "2017", "period_source": "relative", "period_text": "Last year"}),
    ("The company sold 40,000 drones this year.", "2016-11-20", "40,000", {"period_label": "2016", "period_source": "relative"}),
    ("Last year, the province attracted 2 billion yuan.", None, "2 billion yuan",
     {"period_label": None, "period_source": "none", "period_text": "Last year"}),
    ("In the first half of this year, revenue was 3 billion yuan.", "2017-08-01", "3 billion yuan",
     {"period_label": "2017-H1", "period_source": "relative"}),
    ("In June, the accelerator admitted 35 teams.", "2017-09-01", "35",
     {"period_label": "2017-06", "period_source": "relative"}),
    ("In November, the accelerator admitted 35 teams.", "2017-09-01", "35", {"period_label": "2016-11"}),
    # paragraph leads and anaphora
    ("In 2017, there were 5,739 spaces. They served 410,000 teams.", None, "410,000", {"period_label": "2017"}),
    ("In 2014, China had 1,600 incubators. In the same year, 300,000 findings were traded.", None, "300,000",
     {"period_label": "2014", "period_text": "In the same year"}),
    # A past-tense flow after a paragraph break takes the earlier paragraph's year when it goes
    # on with that paragraph's subject (the labelled corpus often dates a figure from an earlier
    # paragraph) ...
    ("In 2017, there were 5,739 spaces in the park.\n\nThe park added 40 spaces.", None, "40",
     {"period_source": "discourse", "period_label": "2017"}),
    # ... not when it shares no word with it (the refitted chooser reads the words the two
    # sentences share; the fit on 801 dev documents carried the year, the one on 922 does not)
    ("In 2017, there were 5,739 spaces.\n\nThe park added 40 buildings.", None, "40", {"period_source": "none"}),
    # ... while a present-tense level two paragraphs on, in a document with no publication date,
    # is left undated (flagged downstream; see test_period_choice).
    ("In 2017, there were 5,739 spaces.\n\nIt is large.\n\nThe park has 40 buildings.", None, "40", {"period_source": "none"}),
    # A day next to a reporting verb dates the report, not the figure.
    ("China's 7,500 incubators have served 220,000 firms, the ministry said on March 30, 2018.", None, "7,500",
     {"period_source": "none"}),
    # A run of months that is a half is named as the half.
    ("In the first six months of 2020, 20,000 firms were set up every day.", None, "20,000", {"period_label": "2020-H1"}),
    ("The park opened in 2009 and hosted 40 firms by 2012. Since then it has added 25 more.", "2015-01-01", "25",
     {"period_label": "2012/2015"}),
    # no date at all
    ("The incubator hosts 300 start-ups.", "2018-01-01", "300",
     {"period_label": None, "period_source": "none", "period_text": None, "period_start": None, "status": "actual"}),
    ("Shanghai based Ucloud has 14 data centres around the world.", None, "14", {"period_source": "none"}),
    # years inside the figure or as numbers are not periods
    ("About 2000 people attended the forum.", None, "2000", {"period_label": None}),
    # status
    ("Sales for 2018 are expected to reach 1 billion yuan.", "2017-09-01", "1 billion yuan",
     {"status": "expected", "period_label": "2018"}),
    ("The company will test its rocket next year and launch one satellite.", "2017-09-01", "one",
     {"status": "expected", "status_text": "will", "period_label": "2018", "period_source": "relative"}),
    ("The city aims to build 500 incubators by 2020.", "2017-01-01", "500",
     {"status": "target", "period_label": "2020", "period_is_point_in_time": True}),
    ("The plan calls for 1,000 makerspaces by 2020.", "2016-01-01", "1,000", {"status": "target"}),
    ("By 2020 the province will have 300 accelerators.", "2016-06-01", "300", {"status": "expected"}),
    ("Revenue is projected to hit 4 billion yuan in 2021.", "2019-01-01", "4 billion yuan",
     {"status": "forecast", "period_label": "2021"}),
    ("Output is estimated to reach 9 million tonnes.", None, "9 million tonnes", {"status": "forecast"}),
    ("The ministry plans to train 20,000 mentors.", None, "20,000", {"status": "target"}),
    ("The goal is 50 billion yuan of new investment.", None, "50 billion yuan", {"status": "target"}),
    ("Exports in 2022 of 3 billion dollars would be a record.", "2021-01-01", "3 billion dollars", {"status": "expected"}),
    ("Sales of 30-40 million yuan in 2018 look within reach.", "2017-09", "30-40 million yuan",
     {"status": "expected", "status_text": "in 2018"}),
    ("Its turnover grew to reach 5 million yuan in 2016.", "2017-05-01", "5 million yuan", {"status": "actual"}),
    ("By 2016 the zone had 800 firms.", "2017-05-01", "800", {"status": "actual", "period_is_point_in_time": True}),
    # restatements share the period of what they restate
    ("In 2016, 53.96 billion yuan ($7.83 billion) was raised.", None, "$7.83 billion", {"period_label": "2016"}),
    # a change against the end of last year, said of a month, runs from January (the guide's
    # 2022-01/2022-06); as of December it is a year on year change, and "year on year" keeps the month
    ("Market entities totaled 161 million at the end of June, up 4.4% from 2021.", "2022-09-15", "4.4%",
     {"period_label": "2022-H1", "comparison_label": "2021"}),
    ("Private firms reached 4.9 million by the end of September, up 12.98 percent from the end of last year.",
     "2022-11-10", "12.98 percent", {"period_label": "2022-Q1/2022-Q3", "comparison_label": "2021"}),
    ("Unicorns numbered 187 as of December 2019, an increase of 65.5% over the end of 2018.", "2020-05-26",
     "65.5%", {"period_label": "2019-12"}),
    ("By the end of June the number of firms reached 3,000, up 12 percent year on year.", "2022-09-15",
     "12 percent", {"period_label": "2022-06"}),
    # one period named anywhere in the sentence governs clauses that name none
    ("Firms spent 1.37 trillion yuan last year, while institutions increased 7 percent.", "2018-02-13",
     "7 percent", {"period_label": "2017"}),
    # Known miss of the English period chooser refitted on 2026-12-02 (it leaves the count undated):
    # strict, so the row fails again, as a plain case, once a refit reads it right.
    pytest.param("The input of 156 zones, with 17 other zones, accounted for 44.3 percent of the total for 2017.",
                 "2018-03-16", "156", {"period_label": "2017"},
                 marks=pytest.mark.xfail(strict=True, reason="the refitted English period chooser leaves it undated")),
    # a range of dates: its ends date the ends of a from-to pair, the whole range anything else
    ("From January 2014 to August 2016, daily registrations rose from 10,000 to 15,000.", "2016-10-18",
     "10,000", {"period_label": "2014-01", "comparison_label": None}),
    ("From January 2014 to August 2016, daily registrations rose from 10,000 to 15,000.", "2016-10-18",
     "15,000", {"period_label": "2016-08"}),
    ("From March to December 2014, 1,000 firms were registered.", "2015-01-22", "1,000",
     {"period_label": "2014-03/2014-12"}),
    ("From May 2015 to June 2016, 300 start-ups were founded.", "2016-10-18", "300",
     {"period_label": "2015-05/2016-06", "period_granularity": "month"}),
    # "during the period" finds the period named several sentences back, through an earlier one
    (("In the first half of 2016 investors were wary. During that period, deals fell. Some were late. "
      "Angel investment also fell. During the period, 40 new angel funds were set up."), "2016-10-10",
     "40", {"period_label": "2016-H1"}),
    # an estimate of what already happened is actual
    ("Its market value was estimated to have reached 11 billion yuan.", "2018-07-02", "11 billion yuan",
     {"status": "actual"}),
    ("Sales were reported to have hit 3 billion yuan.", "2018-07-02", "3 billion yuan", {"status": "actual"}),
    # seed sentences, verbatim
    (UCLOUD_SALES, "2017-09", "1 billion yuan",
     {"period_label": "2017", "status": "expected", "status_text": "is expected to reach"}),
    (UCLOUD_SALES, "2017-09", "10 million yuan", {"period_label": "2017", "status": "expected"}),
    (MAKERS_SPACES, "2018-12-05", "33%", {"period_label": "2017", "comparison_label": "2016", "status": "actual"}),
    (FIRST_HALF, "2017-09", "6.9%", {"period_label": "2017-H1"}),
    (REGISTRATIONS, "2017-09", "16.51 million", {"period_label": "2016"}),
    (FLOWERPLUS, "2018-12-05", "80 million yuan", {"period_label": None, "period_source": "none", "period_is_point_in_time": True}),
    (FLOWERPLUS, "2018-12-05", "640 million yuan", {"period_label": "2017", "period_is_point_in_time": False}),
    ("Eaglesky is able to achieve breakeven this year with sales expected to reach 30-40 million yuan in 2018.",
     "2017-09", "30-40 million yuan", {"period_label": "2018", "status": "expected"}),
    # "the same period" opening a sentence points back to the period named, a deadline too
    (("The province aims to have 400 makerspaces by the end of 2026.\n\nOver the same period, it plans to "
      "cultivate 3,000 high-tech enterprises."), "2022-05-10", "3,000", {"period_label": "2026"}),
    # ... but what was done "during that period" is no deadline's
    (("By 2027, the province aims to have 20,000 high-tech firms. During that period, R&D spending rose 10.4% "
      "to 30 billion yuan."), "2023-08-01", "30 billion yuan", {"period_label": None, "status": "actual"}),
    # growth over a series of years runs from its first year; a year-on-year change keeps its own
    ("The city had 1,200 firms in 2010, and the number rose to 5,400 in 2020, an average annual growth of 16%.",
     "2021-03-01", "16%", {"period_label": "2010/2020"}),
    ("In 2020, revenue rose 10% to 5 billion yuan, against 2 billion yuan in 2015.", "2021-03-01", "10%",
     {"period_label": "2020"}),
]  # fmt: skip


def _statuses(text: str, published_on, title: str | None = None) -> list[str]:
    return [c.status for c in resolve_contexts(text, extract(text), published_on, title=title)]


def _context_of(text: str, published_on, figure: str) -> MentionContext:
    quantities = extract(text)
    contexts = resolve_contexts(text, quantities, published_on)
    matching = [c for q, c in zip(quantities, contexts) if q.text == figure]
    assert matching, f"{figure!r} not extracted from {text!r}: {[q.text for q in quantities]}"
    return matching[0]


@pytest.mark.parametrize(("text", "published_on", "figure", "expected"), CASES)
def test_context(text, published_on, figure, expected):
    context = _context_of(text, published_on, figure)
    actual = {name: getattr(context, name) for name in expected}
    assert actual == expected


def test_enough_cases():
    assert len(CASES) >= 60


def test_one_context_per_quantity_in_order():
    text = "In 2016, 79,000 patents were obtained by 49,000 startups. Sales rose 5% year-on-year."
    quantities = extract(text)
    contexts = resolve_contexts(text, quantities, dt.date(2017, 5, 23))
    assert [c.period_label for c in contexts] == ["2016", "2016", "2016"]  # the lead reaches on
    assert contexts[2].comparison_text == "year-on-year" and contexts[2].comparison_label == "2015"


def test_no_quantities_no_contexts():
    assert resolve_contexts("In 2017 nothing was counted.", []) == []


def test_publication_precision():
    assert publication("2018").period.label == "2018"
    assert publication("2017-09").period.label == "2017-09"
    assert publication(dt.date(2018, 12, 5)).period.label == "2018-12-05"
    assert publication("next spring") is None and publication(None) is None


def test_time_expressions_keep_their_preposition():
    found = find_time_expressions(
        "Compared with 2016, by the end of 2017 and in the first half of 2018."
    )
    assert [(e.text, e.role) for e in found] == [
        ("Compared with 2016", "comparison"),
        ("by the end of 2017", "point"),
        ("in the first half of 2018", "period"),
    ]


def test_a_date_inside_the_figure_is_not_its_period():
    text = "In the first three quarters of 2018, investment rose 7.2%."
    quantities = extract(text)
    contexts = resolve_contexts(text, quantities)
    assert [(q.text, c.period_label) for q, c in zip(quantities, contexts)] == [("7.2%", "2018-Q1/2018-Q3")]


def test_numbers_that_are_not_years():
    assert (
        find_time_expressions("It raised 2,017 yuan, 2017.5 tonnes and 2017% more, US$2017.") == []
    )


WORDS = st.sampled_from(
    ["In", "2017", "2016,", "by", "the", "end", "of", "first", "half", "Q3", "compared", "with", "year-on-year",
     "last", "year", "will", "reach", "1.5", "million", "yuan", "42%", "September", "15-21,", "from", "to",
     "2014-2017", "since", "then", "at", "present", "same", ".", "\n\n", "expected", "by 2020", "May"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    words=st.lists(WORDS, max_size=40),
    noise=st.text(max_size=30),
    published_on=st.one_of(
        st.none(), st.dates(), st.sampled_from(["2017", "2017-09", "bad", "2018-02-30"])
    ),
)
def test_never_raises_and_one_context_per_quantity(words, noise, published_on):
    text = " ".join(words) + noise
    quantities = extract(text)
    contexts = resolve_contexts(text, quantities, published_on)
    assert len(contexts) == len(quantities)
    for context in contexts:
        assert context.status in STATUSES
        assert context.period_source in PERIOD_SOURCES
        assert context.period_granularity in (*GRANULARITIES, None)
        assert (context.period_label is None) == (context.period_start is None)
        if context.period_start is not None:
            assert context.period_start <= context.period_end


@pytest.mark.parametrize(
    ("text", "title", "figure", "expected"),
    [
        # the one period a headline names dates what the text leaves undated
        ("The total amount of venture capital investments was CNY 295 billion.",
         "China's venture capital investments in 1H19", "CNY 295 billion",
         {"period_label": "2019-H1", "period_source": "headline"}),
        # ... not a present-tense level, not a figure the text dates itself
        ("Xiamen is now home to more than 1,000 hi-tech companies.", "Summit held in 2016", "1,000",
         {"period_source": "none"}),
        ("The city has contributed 13 percent of GDP.", "High-tech zones in 2021", "13 percent", {"period_source": "none"}),
        # ... but a change is a change over the headline's period all the same
        ("Investments in real estate have been reduced by 50%.", "China's venture capital investments in 1H19",
         "50%", {"period_label": "2019-H1", "period_source": "headline"}),
        ("In 2018 the zone had 300 firms.", "Zones thrive in 2019", "300", {"period_label": "2018"}),
        ("In Shanghai 19 billion yuan has been allocated to start-ups.", "Start-ups in 2017", "19 billion yuan",
         {"period_source": "none"}),
        # a headline naming two periods, or only a start or a comparison, names no subject period:
        # the figure is news of the month it appears in, as the chooser reads an undated flow
        ("Investment reached 5 billion yuan.", "Deals drop to lowest since 2015", "5 billion yuan",
         {"period_label": "2019-07", "period_source": "document"}),
        ("Investment reached 5 billion yuan.", "From 2017 to 2018 and in 2019", "5 billion yuan",
         {"period_label": "2019-07", "period_source": "document"}),
    ],
)
def test_headline_period(text, title, figure, expected):
    quantities = extract(text)
    contexts = resolve_contexts(text, quantities, "2019-07-03", title=title)
    context = next(c for q, c in zip(quantities, contexts) if q.text == figure)
    assert {name: getattr(context, name) for name in expected} == expected


@pytest.mark.parametrize(
    ("text", "figure", "period_label"),
    [
        ("There were 1,825 startup investments during 1H19.", "1,825", "2019-H1"),
        ("Profits hit 3 billion yuan in Q4'18.", "3 billion yuan", "2018-Q4"),
        ("Deals fell to 402 in 3Q 2018.", "402", "2018-Q3"),
        ("Deals fell to 402 in 2Q2018.", "402", "2018-Q2"),
        ("The final quarter of 2018 brought 402 deals.", "402", "2018-Q4"),
        ("Deals fell to 402 in the last quarter of 2018.", "402", "2018-Q4"),
        # a year's possessive dates the figure right after it, the base of a change
        ("It rose 44 percent from 2011's 37.56 million.", "37.56 million", "2011"),
        ("It rose 44 percent in 2015 from 2011's 37.56 million yuan ($5.9 million).", "$5.9 million", "2011"),
        ("In the final quarter of last year, 402 deals closed.", "402", "2018-Q4"),
        ("There were 713 VC deals in the three months ended December.", "713", "2018-Q4"),
        ("Sales were 40 million yuan in the six months to June 2018.", "40 million yuan", "2018-H1"),
        # a run of months ended on a day, crossing into the year before
        ("Members in the twelve-month period ended September 30, 2018 were 52 million.", "52 million", "2017-10/2018-09"),
        ("Fees in the 12-month period ending March 31, 2018 reached 9 million yuan.", "9 million yuan", "2017-04/2018-03"),
        ("Orders in the twelve months ended November 30, 2018 totalled 880,000.", "880,000", "2017-12/2018-11"),
        ("Its six-month period ended June 30, 2018 brought 7 million yuan in fees.", "7 million yuan", "2018-H1"),
        # years listed with "respectively" pair with the figures listed before it, in order
        ("Revenues in 2015, 2016 and 2017 were 200 million yuan, 510 million yuan and 730 million yuan respectively.",
         "510 million yuan", "2016"),
        ("Revenues in 2015, 2016 and 2017 were 200 million yuan, 510 million yuan and 730 million yuan respectively.",
         "200 million yuan", "2015"),
        ("Sales rose 10% and 12% in 2016 and 2017, respectively.", "12%", "2017"),
        # every "respectively" of the sentence, and one in the paragraph's next sentence
        (("Fees in 2018, 2019 and 2020 were 118 million yuan, 186 million yuan and 707 million yuan respectively, "
         "accounting for 46.1%, 36.8% and 38.6% of revenue respectively."), "36.8%", "2019"),
        (("Revenues in 2015, 2016 and 2017 were 200 million yuan, 510 million yuan and 730 million yuan respectively. "
         "The gross margin was 54.6%, 53.1% and 63.2% respectively."), "53.1%", "2016"),
    ],
)
def test_short_years_and_months_ended(text, figure, period_label):
    assert _context_of(text, "2019-01-08", figure).period_label == period_label


@pytest.mark.parametrize(
    ("text", "figure", "period_label"),
    [
        # a base said to be "a year earlier" holds in the same part of the year before
        ("Only nine funds raised USD3.3bn in the third quarter, down 83% from USD19.5bn a year earlier.",
         "USD19.5bn", "2017-Q3"),
        ("Only nine funds raised USD3.3bn in the third quarter, down 83% from USD19.5bn a year earlier.",
         "USD3.3bn", "2018-Q3"),
        (("In the first two months of the year, 2 billion yuan went to robot developers, up from 1.2 billion yuan "
          "generated from 4 transactions a year earlier."), "1.2 billion yuan", "2017-01/2017-02"),
        ("In the third quarter, customers surged to 6.2 million, up from 1.2 million a year ago.", "1.2 million",
         "2017-Q3"),
    ],
)
def test_a_base_a_year_earlier_holds_a_year_before(text, figure, period_label):
    assert _context_of(text, "2018-11-10", figure).period_label == period_label


@pytest.mark.parametrize(
    ("text", "figure", "period_label", "is_point"),
    [
        # new things or deals counted "by the end of" a month: January to that month
        (("China has attracted 3.18 billion U.S. dollars venture capital by the end of this November, up 78.9 "
         "percent year on year."), "78.9 percent", "2018-01/2018-11", False),
        ("Altogether 428 contracts were signed by the end of November, 104 more than a year earlier.", "428",
         "2018-01/2018-11", False),
        ("Altogether 428 contracts were signed by the end of November, 104 more than a year earlier.", "104",
         "2018-01/2018-11", False),
        ("The province had provided 470,000 new jobs by the end of September.", "470,000", "2018-Q1/2018-Q3", False),
        # levels and running totals stand at the date
        ("By the end of November, there were 5,000 incubators in the city.", "5,000", "2018-11", True),
        ("The zone had cumulatively attracted 300 projects by the end of November.", "300", "2018-11", True),
    ],
)
def test_year_so_far_flows(text, figure, period_label, is_point):
    context = _context_of(text, "2018-12-10", figure)
    assert (context.period_label, context.period_is_point_in_time) == (period_label, is_point)


@pytest.mark.parametrize(
    ("text", "title", "published_on", "figure", "expected"),
    [
        # a headline figure rounds one the body dates: it takes that figure's period
        (("China has 40.6 million private businesses\n\nThe number of private businesses exceeded 40.6 million at "
         "the end of January, the administration said."), "China has 40.6 million private businesses", "2013-02-01",
         0, {"period_label": "2013-01", "period_source": "relative"}),
        (("Over 84% companies in China are private\n\nPrivate companies accounted for 84.1 percent of all "
         "enterprises in 2018."), "Over 84% companies in China are private", "2019-11-01", 0,
         {"period_label": "2018", "period_source": "text"}),
        ("Tianjin launches over 100 maker spaces\n\nBy January 2016, the city had approved 106 maker spaces.",
         "Tianjin launches over 100 maker spaces", "2016-10-13", 0, {"period_label": "2016-01"}),
        # ... not one the body does not round to it, nor one of another unit
        ("Tianjin launches over 100 maker spaces\n\nBy January 2016, the city had approved 160 maker spaces.",
         "Tianjin launches over 100 maker spaces", "2016-10-13", 0, {"period_source": "none"}),
        ("Shenzhen has 80 incubators\n\nIn 2016 the incubators raised 80 million yuan.",
         "Shenzhen has 80 incubators", "2017-03-08", 0, {"period_source": "none"}),
    ],
)
def test_headline_figure_restating_a_body_figure(text, title, published_on, figure, expected):
    quantities = extract(text)
    context = resolve_contexts(text, quantities, published_on, title=title)[figure]
    assert quantities[figure].start < len(title)
    assert {name: getattr(context, name) for name in expected} == expected


@pytest.mark.parametrize(
    ("text", "published_on", "figure", "period_label"),
    [
        # a year-less date takes the year after a year-on-year base near it, not the base's year
        (("Limited partners totaled 8,055 in China by the end of June, an increase of 7.2 percent from the end of "
          "2012, according to the report."), "2013-07-22", "8,055", "2013-06"),
        ("China's registered market entities totaled 161 mln at the end of June, up 4.4% from 2021.",
         "2023-09-15", "161 mln", "2022-06"),
        # a year the sentence states for itself still lends its own year
        ("By the end of June 2021, the city had 4,000 incubators, up from 3,000 in 2019.",
         "2023-09-15", "4,000", "2021-06"),
    ],
)
def test_a_year_on_year_base_lends_the_year_after_it(text, published_on, figure, period_label):
    assert _context_of(text, published_on, figure).period_label == period_label


def test_a_paragraph_lead_dates_its_results_beyond_the_sentences_offered_before():
    # the year leading a paragraph of one year's results reaches its sixth sentence, whose only
    # other dates are comparisons' bases
    text = (
        "Kunming High-tech Zone\n\nApproved by the State Council in 1992, the zone is the only national high-tech "
        "zone in Yunnan province.\n\nIn 2011, the zone achieved a total revenue of 108.86 billion yuan, a net "
        "increase of 18.26 billion yuan year-on-year. The output value of industries totaled 57.6 billion yuan, an "
        "increase of 28.2 percent year-on-year. Tax paid was 2.95 billion yuan, up 35.3 percent year-on-year. "
        "Investment in fixed assets was 7.99 billion yuan, an increase of 41.2 percent over the previous year. "
        "Total imports and exports reached $520 million. Budget revenue rose by 330 million yuan to 1.48 billion "
        "yuan, up 28.8 percent from the previous year."
    )
    quantities = extract(text)
    labels = {q.text: c.period_label for q, c in zip(quantities, resolve_contexts(text, quantities, "2014-12-04"))}
    assert [labels[figure] for figure in ("330 million yuan", "1.48 billion yuan", "28.8 percent")] == ["2011"] * 3


def test_a_figure_pointing_back_takes_the_period_of_the_one_it_restates():
    # the restated 10,552 is the first one's, not the year its own sentence names for the money
    text = "By the end of 2025, Taiwan had 10,552 startups and two accelerators.\nThese 10,552 startups raised 100 billion in 2024."
    labels = [(q.text, c.period_label) for q, c in zip(extract(text), resolve_contexts(text, extract(text), "2026-02-02"))]
    assert labels[2:] == [("10,552", "2025"), ("100 billion", "2024")]
    # after a bare demonstrative a small count is too common a value to say which figure it restates
    text = "By the end of 2025, Taiwan had two accelerators.\nThese two raised 100 billion in 2024."
    assert [c.period_label for c in resolve_contexts(text, extract(text), "2026-02-02")] == ["2025", "2024", "2024"]


def test_a_goal_already_beaten_makes_no_target():
    text = "Authorities beat targets and created more than 13 million jobs last year. The city aims to create 100,000 jobs."
    assert _statuses(text, "2017-02-20") == ["actual", "target"]


def test_a_quarter_written_digit_first_is_a_comparison_base_after_compared_to():
    text = "Compared to 3Q 2016, deals fell 4%; funds have grown since 2015."
    assert [(e.text, e.role) for e in find_time_expressions(text)] == [
        ("Compared to 3Q 2016", "comparison"), ("since 2015", "period")
    ]


def test_the_year_of_a_same_period_comparison_is_the_base_not_the_figures_period():
    text = (
        "VC/PE firms invested in 516 projects from January to June, involving a total investment of US$9.9 "
        "billion, a 20.8 percent decline from the same period in 2012, according to the report."
    )
    expressions = find_time_expressions(text)
    assert [(e.text, e.role) for e in expressions] == [
        ("from January to June", "period"), ("from the same period", "comparison"), ("in 2012", "comparison")
    ]
    assert _context_of(text, "2013-07-22", "516").period_label == "2013-H1"


@pytest.mark.parametrize(
    ("text", "figure", "period_label"),
    [
        # a year written before its quarter or half, as report tables do
        ("Venture funding in the country climbed to USD 4.1 billion in 2018 Q3.", "USD 4.1 billion", "2018-Q3"),
        ("The fund closed 37 deals in 2018Q4, its busiest quarter.", "37", "2018-Q4"),
        ("Revenue of the park reached 80 billion yuan in 2018-H1.", "80 billion yuan", "2018-H1"),
        ("Angel rounds totalled 2.2 billion yuan in 2017 H2.", "2.2 billion yuan", "2017-H2"),
        # the quarter written first still reads as before
        ("The city approved 212 projects in Q1 2018.", "212", "2018-Q1"),
    ],
)
def test_a_year_written_before_its_quarter_or_half(text, figure, period_label):
    assert _context_of(text, "2019-01-08", figure).period_label == period_label


# A quarterly results release (dev documents, verbatim): "the quarter" and "the same quarter" of a
# later sentence refer back to the quarter named before, however far back; "from the same quarter
# last year" is a comparison base.
LI_AUTO_Q3 = (
    "Li Auto reported a net loss of RMB 21.5 million in the third quarter, narrowing by 80 percent from the same "
    "quarter last year and 91 percent from the second quarter.\n"
    "It reported a gross margin of 23.3 percent in the third quarter, up from 18.9 percent in the second quarter "
    "and 19.8 percent in the same quarter last year.\n"
    "It reported a vehicle margin of 21.1 percent in the quarter, up from 18.7 percent in the second quarter and "
    "19.8 percent in the year-ago quarter."
)
PINDUODUO_Q3 = (
    "Pinduoduo Inc. today announced its unaudited financial results for the third quarter ended September 30, "
    "2020.\n"
    "Total revenues in the quarter were RMB14,209.8 million (US$2,092.9 million), an increase of 89% from "
    "RMB7,513.9 million in the same quarter of 2019."
)


def test_a_level_as_of_a_weekday_is_that_day_before_publication():
    # "As of Friday", in a story of Friday 15 February 2019 (a dev document, verbatim)
    text = (
        "As of Friday, the number of registered market entities in China reached 111 million, including 35 "
        "million enterprises, according to the State Administration for Market Regulation."
    )
    assert _context_of(text, "2019-02-15", "111 million").period_label == "2019-02-15"
    # written on the Monday after, the Friday before
    assert _context_of(text, "2019-02-18", "111 million").period_label == "2019-02-15"
    # "on Friday" tells when news broke, which is no period of its own
    assert not [e for e in find_time_expressions("The park opened on Friday.") if e.kind == "weekday"]


@pytest.mark.parametrize(
    ("text", "published_on", "figure", "occurrence", "period_label"),
    [
        (LI_AUTO_Q3, "2021-11-29", "80 percent", 0, "2021-Q3"),
        (LI_AUTO_Q3, "2021-11-29", "19.8 percent", 0, "2020-Q3"),
        (LI_AUTO_Q3, "2021-11-29", "21.1 percent", 0, "2021-Q3"),
        (LI_AUTO_Q3, "2021-11-29", "19.8 percent", 1, "2020-Q3"),
        (PINDUODUO_Q3, "2020-11-12", "RMB14,209.8 million", 0, "2020-Q3"),
        (PINDUODUO_Q3, "2020-11-12", "RMB7,513.9 million", 0, "2019-Q3"),
        # "the previous quarter": the one before the quarter its sentence is about
        (("China remains a top destination for venture capital (VC) investment in Asia, with total capital invested "
          "in the country increasing to USD 3.6 billion in 2017 Q1, from USD 3.5 billion in the previous quarter, "
          "finds Venture Pulse, KPMG’s quarterly global report on VC trends."), "2017-04", "USD 3.5 billion", 0,
         "2016-Q4"),
        (("The number of VC deals in China were relatively stable at 79 in Q2 (86 deals in Q1), however VC "
          "investment in startups hit USD10.7 billion, compared to USD3.5 billion the previous quarter."), "2017-07",
         "USD3.5 billion", 0, "2017-Q1"),
        # "in the same period last year": the half named before, a year earlier (the base figure's date)
        (("This brought total investment to $5.1bn in 228 deals in H1 2014, dwarfing the $2bn in 151 deals raised "
          "in the same period last year."), "2014-07", "151", 0, "2013-H1"),
        # "the same period in 2010" is a base's date: the quarter named before lies in the publication's
        # year, and the base figure in the same quarter of 2010
        (("IPOs of venture-backed companies dropped slightly in the third quarter as 29 IPOs raised $4.6 billion "
          "compared with 33 IPOs that raised $3.9 billion in the same period in 2010."), "2011-10-31", "$4.6 billion",
         0, "2011-Q3"),
        ("In the third quarter 29 IPOs raised $4.6 billion, up from $3.9 billion in the same period of 2010.",
         "2011-10-31", "$3.9 billion", 0, "2010-Q3"),
        # a quarter or a half written as a modifier ("fourth-quarter deliveries", "First-half sales")
        ("Li Auto guided for fourth-quarter deliveries of 30,000-32,000 vehicles.", "2021-11-29", "30,000-32,000", 0,
         "2021-Q4"),
        ("First-half sales reached 3 billion yuan.", "2021-11-29", "3 billion yuan", 0, "2021-H1"),
        # "By then": the deadline named before
        (("The district aims to create 20 high-quality incubators and 30 new enterprise technology centers by 2025. "
          "By then, Xuhui would have 1,000 high-tech companies, including 25 national tech giants, the district "
          "government said."), "2024-01-03", "1,000", 0, "2025"),
        # a run of quarters written "Q1-Q3"
        (("An analysis of GlobalData’s Financial Deals Database reveals that the total number of VC funding deals "
          "declined by 16.7% during Q1-Q3 2023 compared to 2,901 during Q1-Q3 2022."), "2023-10", "2,901", 0,
         "2022-Q1/2022-Q3"),
    ],
)
def test_periods_named_before(text, published_on, figure, occurrence, period_label):
    quantities = extract(text)
    contexts = resolve_contexts(text, quantities, published_on)
    matching = [c for q, c in zip(quantities, contexts) if q.text == figure]
    assert matching[occurrence].period_label == period_label


@pytest.mark.parametrize(
    ("text", "published_on", "figure", "expected"),
    [
        # a multiple of "that of the same period in <year>" runs from that year's months to its own
        (("From January to October 2020, software revenue of the zone reached 31 billion yuan, about 2.3 times "
          "that of the same period in 2015."), "2021-02-01", "2.3 times",
         {"period_label": "2015/2020", "comparison_label": "2015-01/2015-10"}),
        # the level it multiplies keeps its own months
        (("From January to October 2020, software revenue of the zone reached 31 billion yuan, about 2.3 times "
          "that of the same period in 2015."), "2021-02-01", "31 billion yuan",
         {"period_label": "2020-01/2020-10", "comparison_label": None}),
        # "over the same period in 2015" names the base's year, not the year before the figure's
        (("In the first half of 2020, firms in the zone filed 8,400 patent applications, an increase of 3,100 over "
          "the same period in 2016."), "2020-09-01", "3,100",
         {"period_label": "2016/2020", "comparison_label": "2016-H1"}),
        # the end of a five-year plan, in words and in quotes, is its last year, and a base
        (("The zone's income hit 900 billion yuan in 2020, 1.9 times the figure at the end of the \"Twelfth "
          "Five-Year Plan\" period."), "2021-03-01", "1.9 times",
         {"period_label": "2015/2020", "comparison_label": "2015"}),
        (("Exports will total 40 billion yuan in 2020, an increase of 60 percent from the end of the 12th "
          "Five-Year Plan."), "2020-06-01", "60 percent",
         {"period_label": "2015/2020", "comparison_label": "2015"}),
        # "twice as many as in" names a base, not the figure's period
        (("In the first quarter of this year, 18 new unicorns emerged, twice as many as in the fourth quarter of "
          "last year."), "2019-05-07", "twice", {"period_label": "2019-Q1", "comparison_label": "2018-Q4"}),
    ],
)
def test_bases_of_multiples_and_of_plans(text, published_on, figure, expected):
    context = _context_of(text, published_on, figure)
    assert {name: getattr(context, name) for name in expected} == expected


def test_plans_named_in_words():
    expressions = find_time_expressions("During the Thirteenth Five-Year Plan, the city built 40 parks.")
    assert [(e.text, e.kind, e.role) for e in expressions] == [
        ("During the Thirteenth Five-Year Plan", "plan", "period")
    ]
    context = _context_of("During the Thirteenth Five-Year Plan, the city built 40 parks.", "2021-05-01", "40")
    assert context.period_label == "2016/2020"


@pytest.mark.parametrize(
    ("text", "published_on", "figure", "period_label"),
    [
        # "since late last year" runs from last year to now
        ("The two start-ups have raised more than 500 million dollars since late last year.", "2017-06-20",
         "500 million dollars", "2016/2017"),
        ("The platform has signed up 2,000 sellers since early 2015.", "2017-06-20", "2,000", "2015/2017"),
    ],
)
def test_since_part_of_a_year(text, published_on, figure, period_label):
    assert _context_of(text, published_on, figure).period_label == period_label


@pytest.mark.parametrize(
    ("text", "published_on", "figure", "period_label"),
    [
        # a run of months over the turn of the year ends in the latest year not after publication
        ("The employment rate of graduates from October to April stood at 35 percent.", "2013-06-01", "35 percent",
         "2012-10/2013-04"),
        ("Sales of heaters from November to February reached 8 million yuan.", "2019-01-15", "8 million yuan",
         "2017-11/2018-02"),
        ("The resort drew 120,000 skiers from December to March 2018.", "2019-01-15", "120,000", "2017-12/2018-03"),
        # within one year as before
        ("Sales from March to May rose to 35 million yuan.", "2013-06-01", "35 million yuan", "2013-03/2013-05"),
    ],
)
def test_months_over_the_turn_of_the_year(text, published_on, figure, period_label):
    assert _context_of(text, published_on, figure).period_label == period_label


@pytest.mark.parametrize(
    ("text", "published_on", "figure", "period_label"),
    [
        # "the five years to 2020" counts back from its year, inclusive
        ("The ministry aims to create 45 million urban jobs over the five years to 2020.", "2017-02-20",
         "45 million", "2016/2020"),
        ("Exports grew 9 percent a year in the three years through 2018.", "2019-03-01", "9 percent a year", "2016/2018"),
        ("The city added 1,200 incubators over the past five years.", "2018-04-02", "1,200", "2013/2018"),
    ],
)
def test_counted_years_to_a_year(text, published_on, figure, period_label):
    assert _context_of(text, published_on, figure).period_label == period_label



@pytest.mark.parametrize(
    ("text", "figure", "period_label"),
    [
        # a level at a day is that day, the last of a year or month too ("the end of 2019" is the year)
        ("The group held cash of RMB 8.2 billion as of December 31, 2019.", "RMB 8.2 billion", "2019-12-31"),
        ("The fund had committed 3 billion yuan by June 30, 2018.", "3 billion yuan", "2018-06-30"),
        ("The group held cash of RMB 8.2 billion at the end of 2019.", "RMB 8.2 billion", "2019"),
        ("As of March 15, 2019, the park had 46 tenants.", "46", "2019-03-15"),
        ("On December 31, 2019, the exchange listed 7 companies.", "7", "2019-12-31"),
    ],
)
def test_a_level_at_a_day_is_that_day(text, figure, period_label):
    assert _context_of(text, "2020-03-30", figure).period_label == period_label


def test_a_year_ending_a_name_in_the_headline_is_not_its_period():
    # "Innovation Week 2017" names an event: whichever period the chooser settles on, it is not
    # the headline's
    text = "Start-ups raised 19 billion yuan."
    quantities = extract(text)
    (context,) = resolve_contexts(text, quantities, "2019-07-03", title="Innovation Week 2017: start-ups in Shanghai")
    assert context.period_source != "headline"


def test_a_definition_of_a_kind_of_thing():
    # its figures hold at no period, whatever the document or the sentences around it date
    for sentence in ("A unicorn is a startup valued at over $1 billion.", "An angel investor refers to a person who ..."):
        assert DEFINITION_RE.match(sentence)
    for sentence in ("The park is a six-story building of 20,000 square meters.", "A total of 500 firms is the target.",
                     "A Shanghai startup is a leader after raising $50 million.", "A 2019 survey is a source of the 40% figure.",
                     "A company that is a leader sold 5 million units.", "A startup is the latest to raise $50 million."):
        assert not DEFINITION_RE.match(sentence)


def test_what_was_done_at_an_event_takes_its_day():
    # "signed contracts at the conference" after "hosted a conference on Aug 2": that day
    text = ("Optics Valley in Wuhan hosted a conference on Aug 2 to promote the private sector.\n\n"
            "More than 300 guests came.\n\n"
            "Eight projects signed contracts at the conference, with total investment of over 20 billion yuan.")
    quantities = extract(text)
    contexts = resolve_contexts(text, quantities, dt.date(2017, 8, 3))
    assert [(q.text, c.period_label) for q, c in zip(quantities, contexts)][1:] == [
        ("Eight", "2017-08-02"), ("20 billion yuan", "2017-08-02"),
    ]
    # "the event" refers back to an event of any name; commencing work is a deed done at it
    text = ("The city hosted a conference on Aug 2.\n\n"
            "During the event, the zone commenced work on 27 projects worth 3 billion yuan.")
    contexts = resolve_contexts(text, extract(text), dt.date(2017, 8, 3))
    assert [c.period_label for c in contexts] == ["2017-08-02", "2017-08-02"]
    # what a speaker said at a meeting or a press conference is no deed done there
    assert EVENT_AT_RE.search("At the press conference, he said the city had 300 maker spaces.")
    assert not EVENT_DEED_RE.search("At the press conference, he said the city had 300 maker spaces.")


def test_over_in_a_title_case_headline_is_still_a_base():
    (expression,) = find_time_expressions("Shenzhen High-Tech Exports Jump 25% Over 2018")
    assert expression.role == "comparison"
    (expression,) = find_time_expressions("Sales rose. Over the same period, output grew.")
    assert expression.role == "period"


def test_what_a_government_or_place_will_invest_or_develop_is_a_target_what_a_market_will_do_is_expected():
    text = ("Every year, the municipal government will invest 200 million yuan for the fund, and the districts "
            "and development zones will invest 14.3 million yuan respectively.")
    assert _statuses(text, dt.date(2018, 8, 15)) == ["target", "target"]
    text = "The market will grow to 6 billion dollars, the research firm said."
    assert _statuses(text, dt.date(2018, 8, 15)) == ["expected"]
    # a district, a province or the country that will develop or cultivate something decides it
    text = "Minhang District will develop 15 high-quality incubators to serve its technology sector."
    assert _statuses(text, dt.date(2023, 5, 4)) == ["target"]
    text = "The province will cultivate 500 specialised small firms, officials said."
    assert _statuses(text, dt.date(2023, 5, 4)) == ["target"]


def test_what_a_plan_or_a_government_says_will_be_is_a_target_what_analysts_say_is_expected():
    published = dt.date(2018, 3, 16)
    text = "The number is expected to reach 240 by 2020, according to the 13th Five Year Plan for the zones."
    assert _statuses(text, published) == ["target"]
    text = "By 2020, patent applications will increase by more than 10 percent, according to the guidance."
    assert _statuses(text, published) == ["target"]
    text = "The guideline also states that these enterprises would earn more than 3 trillion yuan by 2020."
    assert _statuses(text, published) == ["target"]
    text = "The economy is expected to grow 6 percent this year, analysts said."
    assert _statuses(text, published) == ["expected"]
    # the official named after "said", a timetable's words; "projects" the noun is no forecaster
    text = ('"Loans will add 60 million yuan next year, accumulating to 150 million yuan," said Director of the '
            'Municipal Finance Bureau Xu, "we will implement 5 demonstration projects."')
    assert _statuses(text, dt.date(2011, 6, 1)) == ["target", "target", "target"]
    text = "According to a development timetable, Beijing will build another 30 to 50 incubators."
    assert _statuses(text, published) == ["target"]
    text = "The firm projects that sales will reach 5 million units next year."
    assert _statuses(text, published) == ["expected"]
    text = "The bank projects 15% growth in revenue next year, the Development and Reform Commission said."
    assert _statuses(text, published) == ["expected"]
    # "said" then a government named only as where it was said: no government's words
    text = "Revenue will double to 5 billion yuan next year, CEO Wang said at a provincial government forum."
    assert _statuses(text, published) == ["expected"]


def test_a_phrase_continuing_a_target_shares_it_unless_it_is_done():
    published = dt.date(2023, 1, 17)
    text = "Tianjin also aims to create 350,000 new jobs, with its urban unemployment rate to stay at about 5.5 percent."
    assert _statuses(text, published) == ["target", "target"]
    text = "The city plans to build 20 parks, with 5 already completed."
    assert _statuses(text, published) == ["target", "actual"]
    text = "China had 4,000 incubators, including 1,000 national ones."
    assert _statuses(text, published) == ["actual", "actual"]


def test_a_cause_a_comparison_with_expectations_and_a_wish_are_no_status_cues():
    published = dt.date(2023, 5, 5)
    text = "Registered capital was MOP495 million, a fall of 96.3% year-on-year due to the incorporation of a new company."
    assert _statuses(text, published) == ["actual", "actual"]
    text = "Meituan raised US$3.3 billion at a higher-than-expected valuation of US$18 billion."
    assert _statuses(text, published) == ["actual", "actual"]
    text = "Last year 7.4 percent had their own businesses while 10 percent said they would like to start one."
    assert _statuses(text, published) == ["actual", "actual"]
    # a schedule stays expected
    text = "The park is due to open next month with 300 offices."
    assert _statuses(text, published) == ["expected"]


def test_what_a_policy_will_give_each_recipient_is_a_term_of_it_not_a_forecast():
    published = dt.date(2017, 2, 8)
    text = ("Hackerspaces that have operated for three years will each be given an award of 400,000 yuan, "
            "and a national-level hackerspace will be awarded 1 million yuan.")
    contexts = resolve_contexts(text, extract(text), published)
    assert [c.status for c in contexts][1:] == ["actual", "actual"]
    text = "Graduates who start businesses will be given a subsidy of at least 50,000 yuan."
    assert _statuses(text, published) == ["actual"]
    text = "For incubators that set up a branch here, 500,000 yuan will be given as an operation cost subsidy."
    assert _statuses(text, published) == ["actual"]
    # a competition's coming prizes stay expected
    text = "The first prize winner will be given a cash reward of 200,000 yuan."
    assert _statuses(text, published) == ["expected"]
    # what a market or a company will reach stays expected
    text = "Sales of the start-ups will reach 5 billion yuan next year."
    assert _statuses(text, published) == ["expected"]


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # any figure of a clause telling what the policy grants: space, a share, the funding, the interest
        ("The A-class projects will also be provided with free 1,000-square-meter work spaces.", ["actual"]),
        ("Disabled people will receive a subsidy equivalent to 60 percent of the insurance fee.", ["actual"]),
        ("Projects listed as B class will receive funding of 1 million yuan.", ["actual"]),
        ("The government will pay half of the interest on a start-up loan.", ["actual"]),
        # with no benefit named, "will receive" and "will pay" stay a forecast
        ("The city will receive 5 million tourists.", ["expected"]),
        ("WeWork will pay about US$400 million for the business.", ["expected"]),
    ],
)
def test_a_clause_telling_what_a_policy_grants_gives_its_terms(text, statuses):
    assert _statuses(text, dt.date(2017, 2, 8)) == statuses


def test_a_headlines_infinitive_is_a_plan():
    published = dt.date(2016, 1, 1)
    # "<who> to <do>" in a headline: what is planned
    text = "China to cultivate 3,000 students' venture enterprises\nThe ministry announced the plan on Monday."
    assert _statuses(text, published)[0] == "target"
    # a headline's "rise to" is what happened, and a paragraph is no headline
    assert _statuses("Exports rise to 5 billion yuan\nThey rose.", published) == ["actual"]
    text = ("The fund was created in 2015 and has been used by the province to set up 20 sub-funds worth more than "
            "5 billion yuan in total, with a share of 25 percent held by the state, as the report of the province says")
    assert "target" not in _statuses(text, published)


def test_the_items_of_one_list_of_figures_share_the_status_a_cue_gives_one_of_them():
    published = dt.date(2015, 10, 20)
    text = "The competition will yield over 30 gold medals, 70 silver medals and 200 bronze medals to encourage students."
    assert _statuses(text, published)[-3:] == ["expected"] * 3
    text = "One first prize, two second prizes and four consolation winners will be decided in the final."
    assert _statuses(text, published) == ["expected"] * 3
    # figures a clause of their own parts from the list keep their own status
    text = "Revenue rose 30 percent, while profit will grow 20 percent."
    assert _statuses(text, published) == ["actual", "expected"]


def test_a_headline_announcing_goals_makes_what_its_text_says_will_happen_a_target():
    text = ("The goal is to increase the added value of agriculture by 6 percent. "
            "Fixed-asset investment will increase by 6 percent, and urbanisation will reach 52 percent in 2021.")
    published = dt.date(2021, 1, 29)
    under_goals = resolve_contexts(text, extract(text), published, title="Guizhou releases development goals for 2021")
    assert [c.status for c in under_goals] == ["target", "target", "target"]
    # the goal's "is to increase" is no forecast, whatever the headline; without goals "will" is expected
    plain = resolve_contexts(text, extract(text), published, title="Guizhou's economy in 2021")
    assert [c.status for c in plain] == ["target", "expected", "expected"]
    # a forecaster in the clause keeps a forecast expected under a goals headline too
    text = "The market will grow by 8 percent, analysts said."
    contexts = resolve_contexts(text, extract(text), published, title="Province sets goals for 2021")
    assert [c.status for c in contexts] == ["expected"]


def test_a_yearless_month_takes_no_year_from_a_base_or_past_this():
    # the year a change is measured against is the year before the month's
    text = ("China has attracted 3.18 billion dollars of venture capital by the end of November, up 78.9 percent "
            "from the whole year level of 2006.")
    contexts = resolve_contexts(text, extract(text), dt.date(2007, 12, 10))
    # (flows counted by the end of a month: the year so far)
    assert [c.period_label for c in contexts] == ["2007-01/2007-11", "2007-01/2007-11"]
    text = "Altogether 428 contracts were signed by the end of November, 104 more than the 12 months' total in 2006."
    labels = [c.period_label for c in resolve_contexts(text, extract(text), dt.date(2007, 12, 10))][:2]
    assert labels == ["2007-01/2007-11", "2007-01/2007-11"]
    # "this November" is the publication year's, whatever year the sentence names
    text = "In 2006, the city attracted 3.18 billion dollars by this November."
    assert [c.period_label for c in resolve_contexts(text, extract(text), dt.date(2007, 12, 10))] == ["2007-11"]


def test_a_record_since_a_year_gives_no_year_to_a_yearless_quarter():
    # "since 2009" starts a record, it does not date July-September: the publication's year does
    text = "Hong Kong's GDP in July-September fell by 3.2% from the previous quarter, the worst result since 2009."
    quantities = extract(text)
    contexts = resolve_contexts(text, quantities, dt.date(2019, 11, 6))
    assert [c.period_label for c in contexts] == ["2019-Q3"]
    text = "In July-September 2009 exports fell by 3.2%."
    assert [c.period_label for c in resolve_contexts(text, extract(text), dt.date(2019, 11, 6))] == ["2009-Q3"]


@pytest.mark.parametrize(
    ("text", "figure", "period_label"),
    [
        # the date of what a multiple or a double is measured against is the base's
        ("This brings fundraising to $4.27bn across 19 funds in H1 2014, over three times the amount raised in H1 2013.",
         "three times", "2014-H1"),
        ("In 2015, VC firms set up 597 funds, nearly double that of 2014.", "597", "2015"),
        # a change from a record or a loss the base figure names: the year after the base's
        ("Deals value rose 43 percent from the previous record of $192 billion in 2017.", "43 percent", "2018"),
        ("Deals value rose 43 percent from the previous record of $192 billion in 2017.", "$192 billion", "2017"),
        ("Operating profit turned to positive RMB2.7 billion from negative RMB11.1 billion in 2018.", "RMB2.7 billion", "2019"),
    ],
)
def test_the_date_of_a_base_dates_the_base_alone(text, figure, period_label):
    assert _context_of(text, "2019-01-28", figure).period_label == period_label


def test_a_yearless_day_takes_no_year_from_a_span_of_years_before_it():
    text = (
        "From 2013 to 2023, the number of enterprises in Hangzhou surged from 250,000 to 960,000. "
        "As of June 28, the total number of market entities in the city had exceeded 1.95 million."
    )
    assert _context_of(text, "2024-06-28", "1.95 million").period_label == "2024-06-28"
    text = "In 2013, the city had 250,000 enterprises. As of June 28, it had 1.95 million market entities."
    assert _context_of(text, "2024-06-28", "1.95 million").period_label == "2013-06-28"
