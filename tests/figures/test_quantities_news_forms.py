"""The forms of general news and finance prose: currency signs after the number, dollar
variants, currencies named in words, compound amounts, fractions, ages, changes against ranges,
rate bases, physical units, counted phrases and numbers that are not quantities.

Each case lists every quantity the sentence holds, with the fields that matter for the form
(unlisted fields are not checked). The sentences were written for these tests.
"""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figures.quantities import extract

CASES = [
    # a sentence ended at a line's end ends the clause: the next line's "will" is no cue of the figures before
    ("Patents rose by 13.8% and 340% respectively.\nLoans will add 60 million yuan next year.",
     [{"value": 13.8, "status_hint": None}, {"value": 340, "status_hint": None}, {"value": 60e6, "status_hint": "expected"}]),
    ('"Patents rose by 13.8%!"\nLoans will add 60 million yuan next year.',
     [{"value": 13.8, "status_hint": None}, {"value": 60e6, "status_hint": "expected"}]),
    # a scale hyphenated into a compound adjective, and the British press's "pc"
    ("They got a 35-million-yuan grant.", [{"value": 35e6, "unit": "CNY", "text": "35-million-yuan"}]),
    ("It plans to raise up to 200-million US dollars.", [{"value": 200e6, "unit": "USD"}]),
    ("A 3-year plan helped a 35-year-old founder.", [{"value": 35, "unit": "year"}]),  # a plan's name, an age
    # "second" after a count of more than one is the ordinal of what is counted, not seconds
    ("One first prize and two second prizes took 30 seconds to announce.",
     [{"value": 1, "unit": "count"}, {"value": 2, "unit": "count", "text": "two"}, {"value": 30, "unit": "second"}]),
    ("Fundraising rose 177pc, up from 76pc.", [{"value": 177, "unit": "percent", "text": "177pc"}, {"value": 76, "unit": "percent"}]),
    # currency signs and codes after the number
    ("The ticket costs 10 $ at the door.", [{"value": 10, "unit": "USD", "text": "10 $"}]),
    ("Lunch was 15 € per person.", [{"value": 15, "unit": "EUR", "per": "person"}]),
    ("He paid 100元 for the book.", [{"value": 100, "unit": "CNY", "text": "100元"}]),
    ("Entry is 2,500 ₡ for residents.", [{"value": 2500, "unit": "CRC"}]),
    ("Tolls rose to 3.50 £ last week.", [{"value": 3.5, "unit": "GBP"}]),
    ("She traded 5 $10 notes.", [{"value": 5}, {"value": 10, "unit": "USD", "text": "$10"}]),
    # dollar variants before the number
    ("The float raised HK$ 5 billion.", [{"value": 5e9, "unit": "HKD"}]),
    ("The mine cost C$3 million.", [{"value": 3e6, "unit": "CAD"}]),
    ("Fares start at A$ 20.", [{"value": 20, "unit": "AUD"}]),
    ("Chips sell for NT$400 each.", [{"value": 400, "unit": "TWD"}]),
    ("A coffee costs S$6.", [{"value": 6, "unit": "SGD"}]),
    # Macau's pataca, as its statistics service writes it, not the US dollar of its "$"
    ("Capital totalled MOP495 million, grants MOP$50,000 and 3 million patacas.",
     [{"value": 495e6, "unit": "MOP"}, {"value": 5e4, "unit": "MOP"}, {"value": 3e6, "unit": "MOP"}]),
    ("The budget is US $ 45 million.", [{"value": 45e6, "unit": "USD", "text": "US $ 45 million"}]),
    # currencies in words
    ("The fine was 200 Danish crowns.", [{"value": 200, "unit": "DKK"}]),
    ("Rent is 3,000 ringgit a month.", [{"value": 3000, "unit": "MYR", "per": "month"}]),
    ("The fee is 500 shekels.", [{"value": 500, "unit": "ILS"}]),
    ("A loaf cost 40 markka.", [{"value": 40, "unit": "FIM"}]),
    ("Shares closed at 100 guilders.", [{"value": 100, "unit": "NLG"}]),
    ("A tea is 5 Turkish lira.", [{"value": 5, "unit": "TRY"}]),
    ("The ride costs 20 rupees.", [{"value": 20, "unit": "INR"}]),
    (
        "The fee is 1,000 satoshi.",
        [{"value": 1e-05, "unit": "BTC", "printed_unit": "satoshi", "raw_low": 1000}],
    ),
    # compound amounts
    ("The toy costs 3 dollars 50 cents.", [{"value": 3.5, "unit": "USD"}]),
    ("He paid thirteen dollars and forty-five cents.", [{"value": 13.45, "unit": "USD"}]),
    (
        "Diesel rose to 1.62 euros a litre, 4 cents more.",
        [{"value": 1.62, "unit": "EUR"}, {"value": 0.04, "unit": "EUR"}],
    ),
    # minor units keep their printed name beside the normalised value
    (
        "Earnings were 19 cents a share.",
        [
            {
                "value": 0.19,
                "unit": "USD",
                "unit_name": "USD",
                "printed_unit": "cent",
                "per": "share",
            }
        ],
    ),
    # mixed and vulgar fractions
    ("The bond yields 7 3/4 % now.", [{"value": 7.75, "unit": "percent"}]),
    ("The notes traded at 101 1/4 on Friday.", [{"value": 101.25}]),
    ("Rates fell 1/4 point.", [{"value": 0.25}]),
    ("One-third voted against the plan.", [{"value": 1 / 3, "unit": "fraction"}]),
    # a change by a fraction, spelled with a space or an article; "a third party" is no figure
    ("Deals shrank by one fifth in Q3.", [{"value": 0.2, "unit": "fraction", "change": "decrease", "text": "one fifth"}]),
    ("Investment fell by a third, the report said.", [{"value": 1 / 3, "unit": "fraction", "change": "decrease"}]),
    ("The deal was reviewed by a third party.", []),
    # ages
    ("A 50-year-old man was arrested.", [{"value": 50, "unit": "year", "text": "50-year-old"}]),
    ("Some 15 year-old students joined.", [{"value": 15, "unit": "year"}]),
    ("The boy is 10 years old.", [{"value": 10, "unit": "year", "text": "10 years old"}]),
    # a change and a level, not a range; a range from ... to
    (
        "Assets increased by $43.6 billion to $419.2 billion.",
        [{"value": 43.6e9, "unit": "USD", "change": "increase"}, {"value": 419.2e9, "unit": "USD"}],
    ),
    (
        "Its range runs from 252 miles to 287 miles.",
        [{"value": None, "low": 252, "high": 287, "unit": "mi", "unit_name": "mile"}],
    ),
    (
        "Output fell from 287 miles to 252 miles.",
        [{"value": 287, "unit": "mi"}, {"value": 252, "unit": "mi"}],
    ),
    ("Estimates range from 10 to 20 percent.", [{"low": 10, "high": 20, "unit": "percent"}]),
    # "made up" and "taking up" compose a whole; "picked up" and "was up" are changes
    ("Services made up about 41 percent of output.", [{"value": 41, "unit": "percent", "change": None}]),
    ("Firms taking up 50.6 percent were small.", [{"value": 50.6, "unit": "percent", "change": None}]),
    ("Exports picked up 5 percent and profit was up 12 percent.",
     [{"value": 5, "unit": "percent", "change": "increase"}, {"value": 12, "unit": "percent", "change": "increase"}]),
    # rates only where a basis is stated
    ("That compares with sales of $1.17 billion a year earlier.", [{"value": 1.17e9, "per": None}]),
    (
        "Eggs cost 64.2 cents a dozen.",
        [{"value": 0.642, "unit": "USD", "per": "dozen", "printed_unit": "cent"}],
    ),
    ("The offer is $70 a share.", [{"value": 70, "unit": "USD", "per": "share"}]),
    # physical units of news
    ("The car reached 60 mph.", [{"value": 60, "unit": "mph", "unit_name": "mile per hour"}]),
    (
        "The limit is 100 km/h on the ring road.",
        [{"value": 100, "unit": "km/h", "unit_name": "kilometre per hour"}],
    ),
    ("The train ran at 300 kilometres per hour.", [{"value": 300, "unit": "km/h"}]),
    ("The engine makes 300 horsepower.", [{"value": 300, "unit": "hp", "unit_name": "horsepower"}]),
    ("The tank holds 5 litres.", [{"value": 5, "unit": "l", "unit_name": "litre"}]),
    (
        "The phone has 64 gigabytes of storage.",
        [{"value": 64, "unit": "GB", "unit_name": "gigabyte"}],
    ),
    ("It was 30°C in the shade.", [{"value": 30, "unit": "degC", "unit_name": "degree Celsius"}]),
    (
        "It was 86 degrees Fahrenheit.",
        [{"value": 86, "unit": "degF", "unit_name": "degree Fahrenheit"}],
    ),
    ("He ran 40 yards.", [{"value": 40, "unit": "yd", "unit_name": "yard"}]),
    ("The wall is 6 feet tall.", [{"value": 6, "unit": "ft", "unit_name": "foot"}]),
    ("Snow lay 5 inches deep.", [{"value": 5, "unit": "in", "unit_name": "inch"}]),
    (
        "The field pumps 2 million barrels per day.",
        [{"value": 2e6, "unit": "bbl/day", "unit_name": "barrel per day"}],
    ),
    ("The plant adds 3 GW of capacity.", [{"value": 3, "unit": "GW", "unit_name": "gigawatt"}]),
    ("The flight covered 5,000 km.", [{"value": 5000, "unit": "km", "unit_name": "kilometre"}]),
    # counted phrases end where the verb starts
    ("Two dealers said prices rose.", [{"value": 2, "counted": "dealers", "unit_name": "dealer"}]),
    ("One dealer said demand was weak.", [{"value": 1, "counted": "dealer"}]),
    ("About 5,000 jobs created last year were lost.", [{"value": 5000, "counted": "jobs"}]),
    (
        "There are 1,246 start-up teams and companies.",
        [{"value": 1246, "counted": "start-up teams and companies", "unit_name": "team"}],
    ),
    ("It hired 300 people.", [{"value": 300, "counted": "people", "unit_name": "person"}]),
    # capitalised words before a lower-case plural are part of what is counted (translated and
    # headline-case text); a capitalised word after the noun or at the end opens a name
    ("Jiangsu has 41 Unicorn enterprises.", [{"value": 41, "counted": "Unicorn enterprises"}]),
    ("There are 120 Korean firms in the park.", [{"value": 120, "counted": "Korean firms"}]),
    ("The fund backs 8 startups Hangzhou picked.", [{"value": 8, "counted": "startups"}]),
    ("She thanked 2 Nanjing", [{"value": 2, "counted": None}]),
    # numbers that are not quantities
    ("The match ended 2-2 after extra time.", []),
    ("United won 3-1 at home.", []),
    ("The meeting starts at 11 a.m. sharp.", []),
    ("Doors open at 7 pm.", []),
    ("The town grew between A.D. 1000 and 1260.", []),
    ("The temple dates from 500 BC.", []),
    # index and bond prices in points
    (
        "The Dow fell 120.5 points to 33,010.25 on Monday.",
        [{"value": 120.5, "unit": "point"}, {"value": 33010.25, "unit": "point"}],
    ),
    (
        "The bond rose 1/4 point to 99 3/4.",
        [{"value": 0.25, "unit": "point"}, {"value": 99.75, "unit": "point"}],
    ),
    # temperatures: letters, bare degrees and their restatements
    (
        "It was 104 F (40 C) in the valley.",
        [{"value": 104, "unit": "degF"}, {"value": 40, "unit": "degC"}],
    ),
    ("Phoenix hit 112 degrees on Sunday.", [{"value": 112, "unit": "degF"}]),
    (
        "Lows near minus 5 degrees Celsius.",
        [{"value": -5, "unit": "degC", "text": "minus 5 degrees Celsius"}],
    ),
    ("The city expects a high of 97 on Friday.", [{"value": 97, "unit": "degF"}]),
    ("Turn it 20 degrees to the left.", [{"value": 20, "unit": "deg"}]),
    # oil, engines and cameras
    ("The cut is 1.2 mb/d.", [{"value": 1.2e6, "unit": "bbl/day"}]),
    ("Output was 900,000 barrels a day.", [{"value": 900000, "unit": "bbl/day"}]),
    (
        "The engine revs to 7,000 rpm and makes 400 lb-ft.",
        [
            {"value": 7000, "unit": "rpm"},
            {"value": 400, "unit": "lb-ft", "unit_name": "pound-foot"},
        ],
    ),
    ("It has a 12-megapixel camera.", [{"value": 12, "unit": "MP", "unit_name": "megapixel"}]),
    ("The tower is a 180-foot-tall landmark.", [{"value": 180, "unit": "ft"}]),
    (
        "The sprinter ran 100m in 10 seconds.",
        [{"value": 100, "unit": "m"}, {"value": 10, "unit": "second"}],
    ),
    ("The fund raised 100m euros.", [{"value": 1e8, "unit": "EUR"}]),
    # ages from the words around a bare number
    ("He retired aged 64.", [{"value": 64, "unit": "year"}]),
    ("She died at the age of 30.", [{"value": 30, "unit": "year"}]),
    ("The founder, 58, said little.", [{"value": 58, "unit": "year"}]),
    ("Her daughter, who was 7, survived.", [{"value": 7, "unit": "year"}]),
    # exchange rates name their currency earlier in the sentence
    ("The rupee hit 83 per dollar.", [{"value": 83, "unit": "INR", "per": "dollar"}]),
    # counts fused into modifiers, and numbers inside names
    ("The 12-member board met.", [{"value": 12, "unit": "count", "counted": "member"}]),
    ("The airline flies the 777 Dreamliner.", []),
    ("It would cost the 300 Chinese firms more.", [{"value": 300}]),
    ("The Three Gorges project was finished.", []),
    ("Three firms joined.", [{"value": 3, "counted": "firms"}]),
    ("Marathons are popular.[3]", []),
    ("Nearly 2500000 homes lost power.", [{"value": 2500000, "counted": "homes"}]),
    # half as a number of a unit, and as an adjective
    ("It took half a year.", [{"value": 0.5, "unit": "year"}]),
    ("Sterling fell half a cent.", [{"value": 0.005, "unit": "USD"}]),
    ("He ran a half marathon.", []),
    # ranges from a low to a high, and dash ranges with the unit repeated
    (
        "Estimates ranged from a low of 2.1% to a high of 3.4%.",
        [{"value": None, "low": 2.1, "high": 3.4, "unit": "percent"}],
    ),
    (
        "Guesses ran from a low of 150,000 to a high of 400,000.",
        [{"value": None, "low": 150000, "high": 400000}],
    ),
    ("Mortgage rates were 6.1%-6.4% in May.", [{"low": 6.1, "high": 6.4, "unit": "percent"}]),
    # a change then the level it reached, without "from"
    (
        "The jobless rate rose 0.4 to 5.2%.",
        [{"value": 0.4, "unit": "percentage_point"}, {"value": 5.2, "unit": "percent"}],
    ),
    ("Costs rose by 10 to 20 percent.", [{"low": 10, "high": 20, "unit": "percent"}]),
    # pence, index levels, years that are not counts
    (
        "Shares rose 4.5p to 312.5p.",
        [{"value": 0.045, "unit": "GBP", "printed_unit": "penny"}, {"value": 3.125, "unit": "GBP"}],
    ),
    ("The FTSE 100 slipped 0.4% to 7,310.2.", [{"value": 0.4}, {"value": 7310.2, "unit": "point"}]),
    ("Sales were up 3% over 2019.", [{"value": 3, "unit": "percent"}]),
    ("The group's 2021 results were strong.", []),
    ("Output doubled compared with 2015 levels.", []),
    # repeats against multiples, currencies by country
    ("She has won the title 7 times.", [{"value": 7, "unit": "count", "counted": "times"}]),
    ("The tower is 3 times taller.", [{"value": 3, "unit": "times"}]),
    ("Sales grew by 4 times.", [{"value": 4, "unit": "times"}]),
    ("A meal costs 900 rupees in Lahore.", [{"value": 900, "unit": "PKR"}]),
    ("The Swedish firm lost 2 billion crowns.", [{"value": 2e9, "unit": "SEK"}]),
    ("Its half-year profit rose 4%.", [{"value": 4, "unit": "percent"}]),
    (
        "People aged 18-30 (ages 18-30) joined.",
        [{"low": 18, "high": 30}, {"low": 18, "high": 30, "unit": "year"}],
    ),
    ("Call 1-800-555-0100 today.", []),
    # Indian press scales and units, and a year and a half
    ("Output may reach 112.5 mt this year.", [{"value": 112.5e6, "unit": "t"}]),
    ("The port moved 5,000 mt of steel.", [{"value": 5000, "unit": "t"}]),
    ("Sowing covered 33.9 mh.", [{"value": 33.9e6, "unit": "ha"}]),
    ("Yields were 20 quintals per acre.", [{"value": 20, "unit": "quintal", "per": "acre"}]),
    ("It was the first rise in a year and a half.", [{"value": 1.5, "unit": "year"}]),
    ("Prices fell for a year-and-a-half.", [{"value": 1.5, "unit": "year"}]),
    ("A year ago it fell.", []),
    # dates, word points and a second change from one level to another
    ("Published: 2018/3/2 7:09:27", []),
    ("I want to stress two points.", [{"value": 2, "unit": "count", "counted": "points"}]),
    (
        "It has risen from 1.2 to 2.2 percent for A and from 2.9 to 3.9 percent for B.",
        [{"value": 1.2}, {"value": 2.2}, {"value": 2.9}, {"value": 3.9}],
    ),
    (
        "Estimates range from 10 to 20 percent and from 30 to 40 percent.",
        [{"low": 10, "high": 20}, {"low": 30, "high": 40}],
    ),
    # ranges that stay ranges
    ("Applicants must be aged 18-35 years.", [{"low": 18, "high": 35, "unit": "year"}]),
    ("Each firm hired 10-15 engineers.", [{"low": 10, "high": 15, "counted": "engineers"}]),
]


def _describe(found) -> str:
    return "; ".join(f"{q.text!r} value={q.value} unit={q.unit}" for q in found)


@pytest.mark.parametrize("text, expected", CASES, ids=[text[:50] for text, _ in CASES])
def test_news_form(text, expected):
    found = extract(text)
    assert len(found) == len(expected), f"found {_describe(found)}"
    for quantity, fields in zip(found, expected):
        for name, wanted in fields.items():
            actual = getattr(quantity, name)
            if isinstance(wanted, float) and actual is not None:
                assert actual == pytest.approx(wanted), (name, _describe(found))
            else:
                assert actual == wanted, (name, _describe(found))
        assert text[quantity.start : quantity.end] == quantity.text


def test_unit_names_and_printed_units_reach_the_json_output():
    (quantity,) = extract("Earnings were 19 cents a share.")
    record = json.loads(json.dumps(quantity.to_dict()))
    assert record["value"] == 0.19
    assert record["unit"] == "USD"
    assert record["unit_name"] == "USD"
    assert record["printed_unit"] == "cent"
    assert record["unit_text"] == "cents"


def test_a_bare_number_has_no_unit_name():
    (quantity,) = extract("The tally stood at 3,200.")
    assert quantity.unit == "count"
    assert quantity.unit_name is None


def test_durations_that_are_time_expressions_or_names_are_no_figures():
    text = ("In the first three quarters of 2019, and in the twelve-month period ended September 30, GMV rose 40%; "
            "the 13th five-year plan set it; 713 deals were made in the three months ended December.")
    assert [q.text for q in extract(text)] == ["40%", "713"]
    # a term or a span of a policy is a figure (the labelling guide's `other`)
    assert [q.text for q in extract("Graduates within two years of taking the degree; a 20-year lifespan.")] == [
        "two years", "20-year",
    ]
    assert [q.unit for q in extract("Three quarters of the firms are small.")] == ["fraction"]


def test_pct_is_percent_unless_it_names_the_patent_treaty():
    text = "The district submitted 130 PCT (Patent Cooperation Treaty) applications; exports rose 5 PCT."
    assert [(q.text, q.unit, q.counted) for q in extract(text)] == [
        ("130 PCT", "count", "PCT applications"), ("5 PCT", "percent", None),
    ]
    assert [q.unit for q in extract("It filed 2,300 PCT international patent applications.")] == ["count"]


# Pieces of the new forms, so that generated text reaches their paths often.
NEWS_FRAGMENTS = st.sampled_from(
    [
        "10", "3", "7 3/4", "1/4", "101 1/4", "2-2", "3-1", "50", "11", "1000", "1260", " ",
        " $", " €", "元", " ₡", "US $", "HK$ ", "C$", " dollars", " cents", " and ", " forty-five",
        " Danish crowns", " satoshi", " markka", "-year-old", " year-old", " years old", " a.m.",
        " pm", "A.D. ", " BC", "between ", "from ", " to ", "increased by ", " a year earlier",
        " a dozen", " a share", " mph", " km/h", " horsepower", " gigabytes", "°C", " degrees",
        " Fahrenheit", " yards", " barrels per day", " GW", " dealers said", " point", "%",
        "One-third", "one-half", ",", ".", "\n", "-", "–",
    ]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(NEWS_FRAGMENTS, max_size=14).map("".join))
def test_news_forms_keep_offsets_and_never_raise(text):
    found = extract(text)
    previous_start = -1
    for quantity in found:
        assert text[quantity.start : quantity.end] == quantity.text
        assert quantity.start >= previous_start
        previous_start = quantity.start
        assert quantity.low <= quantity.high
        json.dumps(quantity.to_dict())
        if quantity.printed_unit is not None:
            assert quantity.unit_class == "currency"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_text_never_raises(text):
    for quantity in extract(text):
        assert text[quantity.start : quantity.end] == quantity.text


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        # an acronym in brackets inside the phrase is read past, not its end
        ("A total of 2,417 venture capital (VC) funding deals were completed.", "venture capital funding deals"),
        ("China had 4,069 technology business incubators (TBIs) by 2017.", "technology business incubators"),
    ],
)
def test_an_acronym_in_brackets_inside_the_counted_phrase(text, counted):
    (figure,) = [q for q in extract(text) if q.unit_class == "count"]
    assert figure.counted == counted


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a sum named a loss is a negative profit, and so are the sums listed after it and its restatement
        ("The company posted a net loss of 1.2 billion yuan in 2018.", [-1.2e9]),
        ("Annual losses were 286 million yuan, 935 million yuan and 911 million yuan.", [-286e6, -935e6, -911e6]),
        ("Its net loss narrowed to RMB 100 million (US$15 million).", [-100e6, -15e6]),
        ("Revenues were 200 million yuan and 510 million yuan.", [200e6, 510e6]),
        ("The loss of 2 million jobs cost 5 billion yuan.", [2e6, 5e9]),
        ("公司去年净亏损9.35亿元,亏损企业300家。", [-9.35e8, 300]),
    ],
)
def test_a_loss_is_a_negative_sum(text, values):
    assert [q.value for q in extract(text)] == pytest.approx(values)


def test_percentages_listed_after_a_change_read_as_the_same_change():
    found = extract("The decline in deal volume was 40.3%, 25.9% and 42.3% in the three quarters.")
    assert [(q.text, q.change) for q in found if q.unit == "percent"] == [
        ("40.3%", "decrease"), ("25.9%", "decrease"), ("42.3%", "decrease"),
    ]
    # a percentage in another clause is no item of the list
    assert [q.change for q in extract("Sales rose 12%, with profits at 5%.")] == ["increase", None]
    # a loss that narrows falls
    assert [q.change for q in extract("Its net loss narrowed by 80 percent.")] == ["decrease"]
