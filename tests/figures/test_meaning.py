"""figures.meaning: concept and measure type of each figure, read from its clause."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figures.meaning import MEASURE_TYPES, read_meanings
from figures.quantities import extract
from figures.sentences import split_sentences


def meanings(text: str) -> list[tuple[str, str, str | None, str | None]]:
    quantities = extract(text)
    sentences = [(s.start, s.end) for s in split_sentences(text)]
    return [(q.text, m.measure_type, m.concept, m.rate_basis) for q, m in zip(quantities, read_meanings(text, quantities, sentences))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Stocks: a level at a point in time.
        ("By the end of 2016, China had 3,255 incubators.", [("3,255", "stock", "incubators", None)]),
        ("The country had nearly 26 million enterprises in existence.", [("26 million", "stock", "enterprises", None)]),
        # "new and high-tech development zones" is the zones' name, no word of new ones
        ("There were 53 state-level new and high-tech development zones.",
         [("53", "stock", "state-level new and high-tech development zones", None)]),
        # Flows: "new" decides however the verb frames it.
        ("Tianjin registered 120,000 new market entities in 2017.", [("120,000", "flow", "new market entities", None)]),
        ("Venture capital investment in China reached $30 billion last year.",
         [("$30 billion", "flow", "venture capital investment", None)]),
        # Money is a stock when the words say so.
        ("The guidance funds have a target size of 5.3 trillion yuan.", [("5.3 trillion yuan", "stock", "target size", None)]),
        # Rates: a basis the extractor left after the verb.
        ("16,500 new enterprises were registered every day in 2017.", [("16,500", "rate", "new enterprises", "day")]),
        # Changes and shares.
        ("Sales rose 25 percent year-on-year.", [("25 percent", "change", "sales", None)]),
        ("Private firms accounted for 30% of the total.", [("30%", "share", "private firms", None)]),
    ],
)
def test_measure_type_and_concept(text, expected):
    assert meanings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected_types"),
    [
        # the ends of "from A to B" are levels, whatever verb frames the pair
        ("The proportion of graduates has risen from 1.2 percent to 2.2 percent.", ["share", "share"]),
        # the size of a fund is a level
        ("China is to set up an investment fund of 40 billion yuan.", ["stock"]),
        ("The city set up a 2 billion yuan fund for start-ups.", ["stock"]),
        ("China had $131 billion worth of private start-ups.", ["stock"]),
        # "worth" after what changes hands gives the deal's sum, not a level
        ("His company received funding worth 3 million yuan last year.", ["flow"]),
        ("He made sales worth 5 million yuan in the second half of last year.", ["flow"]),
        ("The start-up is now worth 3 billion yuan.", ["stock"]),
        # what a counted subject did in the period: took part, graduated, inked
        ("Some 500 entrepreneurs took part in the summit in September.", ["flow"]),
        ("About 6.99 million students graduated from college in 2013.", ["flow"]),
        # a sum that sets the bar of a class measures nothing; a stated valuation is a level
        ("Unicorns are start-ups valued at more than $1 billion.", ["other"]),
        ("Ant Financial, valued at $60 billion, raised $4.5 billion.", ["stock", "flow"]),
        # balance-sheet and market levels said right before the sum; a cash flow is no level
        ("Meituan had cash and cash equivalents of RMB13.4 billion.", ["stock"]),
        ("The listing could value Xiaomi at up to $100 billion.", ["stock"]),
        ("The firms have a combined market cap of $500 billion.", ["stock"]),
        ("Operating cash flow turned to positive RMB5.6 billion in 2019.", ["flow"]),
        # what a register did in the period is a flow; registered enterprises are a level
        ("In 2021 the district registered a total of 4,653 market entities.", ["flow"]),
        ("They cancelled 2,912 market entities in 2021.", ["flow"]),
        ("By the end of 2021 there were 5,000 registered enterprises.", ["stock"]),
    ],
)
def test_levels_thresholds_and_fund_sizes(text, expected_types):
    assert [m[1] for m in meanings(text)] == expected_types


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what "the number of" numbers is the concept, whatever verb follows
        ("The number of national high-tech zones in China has increased to 156.",
         [("156", "stock", "national high-tech zones", None)]),
        ("In breakdown, the number of companies more than trebled to 46 million.",
         [("46 million", "stock", "companies", None)]),
        # "each day before ..." is still a rate; the basis words leave the concept
        ("The number of new firms registered each day before the reforms was 6,900.",
         [("6,900", "rate", "new firms registered", "day")]),
    ],
)
def test_what_the_number_of_numbers(text, expected):
    assert meanings(text) == expected



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # deals, investments, registrations happen: a flow even counted "as of" a day
        ("As of June 30, 2019, there were 1,825 startup investments during 1H19.",
         [("1,825", "flow", "startup investments", None)]),
        ("There were 713 VC deals in the three months ended December.",
         [("713", "flow", "vc deals", None)]),
        # the subject of "had" owns a count; the quoted word after it is what it counts
        ('China had 131 "unicorns" by the end of 2016.', [("131", "stock", "unicorns", None)]),
        # verbs of change in news prose: the level after them is about their subject
        ("The total amount of venture capital invested dived by 27 percent to $9.8 billion.",
         [("27 percent", "change", None, None), ("$9.8 billion", "flow", "venture capital invested", None)]),
    ],
)
def test_events_quoted_nouns_and_change_verbs(text, expected):
    assert meanings(text) == expected


def test_a_restatement_takes_the_meaning_of_what_it_restates():
    text = "Funds raised for projects reached 53.96 billion yuan ($7.83 billion) in 2016."
    (_, first_type, first_concept, _), (_, second_type, second_concept, _) = meanings(text)
    assert (first_type, first_concept) == (second_type, second_concept) == ("flow", "funds raised for projects")


def test_a_verb_after_a_bracketed_restatement_is_the_figures():
    # the brackets of "($7.83 billion)" end no clause: "was raised" is what the sum did
    text = "In 2016, 53.96 billion yuan ($7.83 billion) was raised for innovation projects."
    quantities = extract(text)
    found = [(q.text, m.measure_type, m.measure_cue) for q, m in zip(quantities, read_meanings(text, quantities))]
    assert found == [("53.96 billion yuan", "flow", "raised"), ("$7.83 billion", "flow", "raised")]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.%$-abcdefghijklmnopqrstuvwxyz\nnewhad")), max_size=200))
def test_never_raises_and_gives_one_known_type_per_figure(text):
    quantities = extract(text)
    result = read_meanings(text, quantities, [(s.start, s.end) for s in split_sentences(text)])
    assert len(result) == len(quantities)
    assert all(m.measure_type in MEASURE_TYPES for m in result)


def test_a_price_shares_its_basis_with_the_next_figure_of_its_sentence():
    text = "The launching price is US$30-50 thousands a kilogram internationally and US$20-30 thousands in China."
    assert [(m[1], m[3]) for m in meanings(text)] == [("price", None), ("price", "kilogram")]


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        # A complement that is not a place or a time stays in the concept ...
        ("The total investment in research and development in China exceeded 1.76 trillion yuan.",
         "investment in research and development"),
        # ... and the level after a change is about the change's subject.
        ("R&D spending rose 11.6 percent year-on-year to 1.75 trillion yuan in 2017.", "r&d spending"),
    ],
)
def test_concept_of_a_sum(text, concept):
    assert meanings(text)[-1][2] == concept


def test_an_average_is_a_stated_value_not_an_approximation():
    (quantity,) = extract("An average of 12,000 new enterprises were registered every day in 2015.")
    assert quantity.qualifier == "exact"


def test_a_percentage_without_cue_after_a_change_is_a_change():
    text = "In 2014 the growth of high tech industry was by 12.3% while the conventional manufacturing was 8.3%."
    assert [m[1] for m in meanings(text)] == ["change", "change"]


def test_the_subject_of_a_sum_lies_after_the_previous_figure():
    text = "The company has 500 employees and had revenue of 3 billion yuan."
    assert [m[2] for m in meanings(text)] == ["employees", "revenue"]


def test_an_active_verb_after_a_counted_subject_is_not_its_measure():
    # what the incubators did says nothing of whether their number is a stock ...
    assert meanings("The 4,000 incubators hosted 120,000 startups.")[0][1] == "stock"
    # ... while the passive speaks of the figure itself
    assert meanings("In 2014, 300,000 R&D findings were translated through technology markets.")[0][1] == "flow"


@pytest.mark.parametrize(
    ("text", "concepts"),
    [
        # "the total number" with no "of" stands for the sentence's subject, without its possessor
        (("China’s market entities registered fast growth in recent years, with the total number rising "
         "from 55 million in 2012 to 146 million at the end of July."), ["market entities", "market entities"]),
        # a partitive lead names what the sentence's figures count
        ("Of the 232 large unicorn companies, 62 are from China, while Germany has only 4.",
         ["large unicorn companies", "large unicorn companies", "large unicorn companies"]),
        # "N of them" counts part of what the figure before counted; a sum totalling a count is about it
        ("The investment deals fell to 3,476, with 3,034 of them raising a total of 417.77 billion yuan.",
         ["investment deals", "investment deals", "investment deals"]),
        ("A total of 547 angel investment deals were signed in the first 11 months totaling $341.4 million.",
         ["angel investment deals", "angel investment deals"]),  # "the first 11 months" is no figure
        # the next member of a series takes the concept of the first
        ("The creation of new business entities has expanded from 31,000 a day in 2013 to the current 52,000 a day.",
         ["creation of new business entities", "creation of new business entities"]),
        # a year does not cut the subject off its sum
        ("Its total research spending in 2019 amounted to 58.458 billion yuan.", ["research spending"]),
        # a count set off by dashes counts the noun phrase before them
        ("52,000 high-tech enterprises in national high-tech zones – now 169 in total – contribute 11.5 percent of GDP.",
         ["high-tech enterprises", "national high-tech zones", "gdp"]),
        # a measure word keeps the words before it
        ("The revenue reached 3 trillion yuan, and the export volume reached 319 billion yuan.", ["revenue", "export volume"]),
    ],
)
def test_concept_read_beyond_the_figures_own_clause(text, concepts):
    assert [m[2] for m in meanings(text)] == concepts


def test_terms_of_a_ratio_are_shares_and_threshold_sums_measure_nothing():
    assert [m[1] for m in meanings("The ratio of the sectors is about 0.1: 9: 90.9.")] == ["share", "share", "share"]
    text = "Large enterprises with investment of above 10 million yuan spent 31.70 billion yuan."
    assert [m[1] for m in meanings(text)] == ["other", "flow"]


def test_a_sum_with_no_cue_after_a_valuation_in_its_sentence_is_a_valuation():
    text = "They are Ant Financial (worth $75 billion); Xiaomi ($46 billion); Aliyun ($39 billion)."
    assert [m[1] for m in meanings(text)] == ["stock", "stock", "stock"]


def test_a_yearly_word_or_flow_noun_that_qualifies_another_noun_does_not_make_a_count_a_flow():
    text = "The annual revenue of the country's 169 state-level high-tech zones is expected to exceed 48 trillion yuan."
    assert [m[1] for m in meanings(text)] == ["stock", "flow"]
    assert [m[1] for m in meanings("China adds 3,000 startups a year.")] == ["flow"]
    assert [m[1] for m in meanings("Sales of 3,000 cars were recorded.")] == ["flow"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what happened to the counted in the period, said in the past passive, is a flow
        ("In 2021, 362,000 private businesses have been canceled.", "flow"),
        ("About 5.11 million workers in urban areas were re-employed.", "flow"),
        # a state is no event: where the counted are, what they are
        ("About 3,000 small firms were located in the park.", "stock"),
        ("The city has 3,000 small firms.", "stock"),
    ],
)
def test_a_past_passive_verb_after_a_count_makes_it_a_flow(text, expected):
    assert meanings(text)[0][1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A record 6.99 million students will graduate this year, a 2.8 percent year-on-year increase.", "change"),
        ("There were 523,700 students abroad in 2015, a 14 percent year on year rise.", "change"),
        ("New funds raised an aggregate US$7.8 billion, slumping 57.8 percent year on year.", "change"),
        ("The volume was RMB 408.5 billion, or 250% up compared with the preceding period.", "change"),
        # a part of a whole stays a share
        ("Private firms accounted for 30% of the total.", "share"),
        ("About 40 percent of graduates joined start-ups.", "share"),
    ],
)
def test_a_growth_word_right_after_a_percentage_makes_it_a_change(text, expected):
    percentages = [measure for _, measure, _, _ in meanings(text) if measure in ("change", "share")]
    assert percentages[-1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A linking verb and a plural noun phrase after a count say what it counts.
        ("Of the total, 50.39 mln are businesses and 107.94 mln are self-employed individuals.",
         [("50.39 mln", "stock", "businesses", None), ("107.94 mln", "stock", "self-employed individuals", None)]),
        ("Among them, 62.26%, or 2.4937 million, were enterprises, up 2.74% year on year.",
         [("62.26%", "share", None, None), ("2.4937 million", "stock", "enterprises", None), ("2.74%", "change", None, None)]),
        # A participle after the verb says what happened to them, not what they are.
        ("In 2016, 5,000 were registered in Beijing.", [("5,000", "flow", None, None)]),
    ],
)
def test_a_count_linked_to_a_plural_noun_counts_that_noun(text, expected):
    assert meanings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected_type"),
    [
        ("Shenzhen had 227.4 per 1,000 people.", "rate"),
        ("That is equivalent to one in 10 Zhejiang people.", "rate"),
        ("The average capital of these market entities reached 17.85 million yuan.", "rate"),
        ("Returnees get from 200,000 to 500,000 yuan each.", "rate"),
        # a time basis keeps the per-day reading
        ("An average of 12,000 new companies were registered every day in China last year.", "rate"),
        # a bound said after the number defines a group
        ("Small businesses with 300 or fewer employees got loans.", "other"),
        ("Small and micro enterprises with a registered capital of less than 5 million yuan grew fast.", "other"),
        # ... but not a level said loosely
        ("There were 4,000 incubators or more.", "stock"),
    ],
)
def test_values_per_head_are_rates_and_group_bounds_are_other(text, expected_type):
    assert meanings(text)[0][1] == expected_type


def types(text: str) -> dict[str, str]:
    return {figure: measure for figure, measure, _, _ in meanings(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the object of a verb over a span of time is what was done in it
        ("The platform logged 2.3 billion orders in 2021.", {"2.3 billion": "flow"}),
        ("Graduates filled 850,000 posts during the first half.", {"850,000": "flow"}),
        ("Patent filings rose to 1.2 million over the same period.", {"1.2 million": "flow"}),
        # the counted subject of the clause stays a level
        ("In 2020, the province's 56 incubators hosted 3,000 teams.", {"56": "stock", "3,000": "flow"}),
        ("Some 4,100 spaces offered training in 2019.", {"4,100": "stock"}),
        # no span of time: no flow
        ("The platform logged 2.3 billion orders.", {"2.3 billion": "stock"}),
        # a census says a level, whatever the span
        ("In 2017 the Torch Center counted 4,063 incubators nationwide.", {"4,063": "stock"}),
        ("Its members numbered 1,200 in 2019.", {"1,200": "stock"}),
    ],
)
def test_a_count_with_no_cue_in_a_clause_about_a_span_of_time_is_a_flow(text, expected):
    assert types(text) == expected


def test_a_level_verb_yields_to_an_event_word_in_the_subject():
    text = "The number of sole proprietorships registered in Hubei this year has reached 310,000."
    assert types(text) == {"310,000": "flow"}
    # without a span of time the level verb decides
    assert types("The number of sole proprietorships registered in Hubei has reached 3.1 million.") == {"3.1 million": "stock"}
    assert types("The number of incubators in the city reached 210 in 2019.") == {"210": "stock"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In the first half, 98,000 market entities were newly registered in the city. Among them, 31,200 were enterprises.",
         {"98,000": "flow", "31,200": "flow"}),
        ("By the end of June, the city had 1.2 million market entities, and 400,000 of them were companies.",
         {"1.2 million": "stock", "400,000": "stock"}),
    ],
)
def test_a_part_of_a_group_is_a_level_or_an_amount_as_the_group_is(text, expected):
    assert types(text) == expected


@pytest.mark.parametrize(
    ("text", "concepts"),
    [
        # a headline's present tense
        ("Guizhou makerspaces top 300", {"300": "guizhou makerspaces"}),
        ("Shanghai's technology firms pass 20,000", {"20,000": "shanghai's technology firms"}),
        # what is numbered, before an apposition's commas
        ("The number of market entities in Hefei, the capital of Anhui Province, has exceeded 1.5 million.",
         {"1.5 million": "market entities"}),
        # "the number" speaks of what the figure before it was about
        ("The share of individual businesses rose to 61 percent, with the number reaching 2.2 million.",
         {"61 percent": "share of individual businesses", "2.2 million": "individual businesses"}),
    ],
)
def test_concepts_of_headlines_appositions_and_back_references(text, concepts):
    assert {figure: concept for figure, _, concept, _ in meanings(text)} == concepts


def test_a_partitive_lead_names_the_whole_and_a_copula_the_part():
    text = "Among all the registered entities, 38.2 million are companies and 71.5 million are sole traders."
    assert {figure: concept for figure, _, concept, _ in meanings(text)} == {"38.2 million": "companies", "71.5 million": "sole traders"}
    # without a copula noun the lead still says what is counted
    assert meanings("Of the 232 unicorn companies, 62 are from China.")[1][2] == "unicorn companies"


def test_a_passive_verb_after_a_list_of_counts_says_what_happened_to_each():
    text = "Last year, 31 laboratories, 14 makerspaces and 6 accelerators were newly opened in the district."
    assert types(text) == {"31": "flow", "14": "flow", "6": "flow"}
    # a state verb after the list says where they are, not what happened
    assert types("Some 31 laboratories and 14 makerspaces are located in the district.") == {"31": "stock", "14": "stock"}


@pytest.mark.parametrize(
    ("text", "figure", "concept"),
    [
        # "the total number of X" is what is numbered, not a bare "the total" standing for the subject
        ("Backers in Europe were careful, with a clear decline in the total number of VC deals to 312 from 455 deals.",
         "312", "vc deals"),
        ("Mounting to 202, the total number of China’s unicorns exceeded 200 for the first time.", "200", "china’s unicorns"),
        # a verb of going on ends what is numbered
        ("The number of deals continued to fall for a third straight month to 1,740.", "1,740", "deals"),
        # a bare total still stands for the sentence's subject
        ("Venture capital investment rose, with the total reaching $9.8 billion.", "$9.8 billion", "venture capital investment"),
    ],
)
def test_the_total_number_of_names_what_is_numbered(text, figure, concept):
    assert {m[0]: m[2] for m in meanings(text)}[figure] == concept


@pytest.mark.parametrize(
    ("text", "figure", "measure_type"),
    [
        # "taking up", "made up": a share's verb, not a rise
        ("Of these firms, 3,200 made electric vehicles, taking up 14.2 percent of the total.", "14.2 percent", "share"),
        ("Women made up 38% of the founders surveyed.", "38%", "share"),
        # "went up" and "is up" still say a change
        ("Exports from the zone went up 6.5 percent in May.", "6.5 percent", "change"),
    ],
)
def test_a_share_taken_up_is_no_rise(text, figure, measure_type):
    assert {found[0]: found[1] for found in meanings(text)}[figure] == measure_type


@pytest.mark.parametrize(
    ("text", "figure", "measure_type"),
    [
        # a value per member of a group, said before the figure or by the sentence's opening
        ("Average spending per registered member in the year ended June 30, 2021 was RMB 512.6.", "RMB 512.6", "rate"),
        ("Under the new rules, each of the five selected incubators will receive 200,000 yuan.", "200,000 yuan", "rate"),
        # what a policy gives each recipient, or a bound of it
        ("National-level hackerspaces will be given an award of 1 million yuan.", "1 million yuan", "rate"),
        ("For incubators that set up a branch here, 500,000 yuan will be given as an operation cost subsidy.",
         "500,000 yuan", "rate"),
        ("Graduates who start businesses will be given a subsidy of at least 50,000 yuan.", "50,000 yuan", "other"),
        # what a place will receive is no benefit per recipient
        ("The zone will receive 3 billion yuan of investment next year.", "3 billion yuan", "flow"),
        ("On average, the district has 6.2 listed companies per square kilometer.", "6.2", "rate"),
        ("The zone's patents per 10,000 residents have reached 88.4.", "88.4", "rate"),
        # the per-head basis after a longer noun phrase
        ("Hangzhou ranked second with 1,934 new private firms registered per 100,000 residents in 2019.", "1,934", "rate"),
        ("The zone hosts 6.4 national-level high-tech enterprises per square kilometer.", "6.4", "rate"),
        # another noun's per-head value after "and" is its own
        ("The city has 120 listed companies and GDP per capita of 150,000 yuan.", "120", "stock"),
        ("Start-ups in the park reported an average valuation of 4.1 billion yuan.", "4.1 billion yuan", "rate"),
        # the whole is still a total
        ("The park's start-ups have a total valuation of 90 billion yuan.", "90 billion yuan", "stock"),
        # the base of a change measures what changed
        ("Registered members at the end of March were 4.2 million, an increase of 20% from 3.5 million a year earlier.",
         "3.5 million", "stock"),
        ("Revenue was RMB 8.1 billion, up 15% from RMB 7.0 billion in 2020.", "RMB 7.0 billion", "flow"),
        # a running total in the perfect is the money gathered so far
        ("The provincial guidance fund has raised a total of 6.5 billion yuan from investors.", "6.5 billion yuan", "stock"),
        ("The start-up raised 80 million yuan in its latest round.", "80 million yuan", "flow"),
    ],
)
def test_values_per_member_bases_of_changes_and_running_totals(text, figure, measure_type):
    assert {found[0]: found[1] for found in meanings(text)}[figure] == measure_type


@pytest.mark.parametrize(
    ("text", "figure", "measure_type"),
    [
        # a bare count opening its clause and what it did to come about or to get something
        ("Last year, about 2,600 start-ups opened offices in the district.", "2,600", "flow"),
        ("Nine projects signed agreements at the fair.", "Nine", "flow"),
        ("In 2021, the zone's firms applied for a total of 12,480 patents.", "12,480", "flow"),
        ("This year the contest drew 36,000 entrants.", "36,000", "flow"),
        # what hosts do, or a count the text determines, stays a level
        ("Nearly 900 spaces hosted 40,000 start-ups.", "900", "stock"),
        ("The 1,100 incubators signed up 8,000 mentors.", "1,100", "stock"),
    ],
)
def test_a_bare_count_and_what_it_did(text, figure, measure_type):
    assert {found[0]: found[1] for found in meanings(text)}[figure] == measure_type


def concept_of(text: str, figure: str) -> str | None:
    quantities = extract(text)
    sentences = [(s.start, s.end) for s in split_sentences(text)]
    found = {q.text: m.concept for q, m in zip(quantities, read_meanings(text, quantities, sentences))}
    return found[figure]


@pytest.mark.parametrize(
    ("text", "figure", "concept"),
    [
        # a measure word after a noun heads the subject
        ("Contract value amounted to 337.3 billion yuan in 2017.", "337.3 billion yuan", "contract value"),
        # the head before a determined complement, not the complement
        ("Total capital invested in the country increasing to USD 3.6 billion, analysts said.", "USD 3.6 billion", "capital invested"),
        # a change verb and an approximation before the level
        ("R&D investment grew 20 percent year-on-year to about 40.2 billion yuan.", "40.2 billion yuan", "r&d investment"),
        ("The number of deals declined 42 per cent to just 300 in the quarter.", "300", "deals"),
        # a quarter's name is no figure that ends the subject
        ("VC funding in Q2 totalled USD40.1 billion, a record.", "USD40.1 billion", "vc funding"),
        # an auxiliary between the subject and its verb
        ("The annual revenue of the zones is expected to exceed 48 trillion yuan in 2021.", "48 trillion yuan", "annual revenue"),
        ("The number of national high-tech enterprises will exceed 10,000 this year.", "10,000", "national high-tech enterprises"),
        # change verbs of the past and the participle, a "record" level
        ("Investment amount sank 42 percent to CNY293 billion in the year.", "CNY293 billion", "investment amount"),
        ("Deals fell, with the number of investments plunging 38 percent to 3,638.", "3,638", "investments"),
        ("Registered individual businesses hit record 103 million in 2021.", "103 million", "registered individual businesses"),
        # the object after a restatement
        ("China invested a total of 2.4 trillion yuan ($372 billion) in R&D last year.", "2.4 trillion yuan", "r&d"),
        # a plural noun phrase right after a count the extractor left unnamed
        ("There are 9196 national science and technology smes in the country.", "9196", "national science and technology smes"),
        ("The city has nurtured 600,000 scientific and innovative SMEs, he said.", "600,000", "scientific and innovative smes"),
        # the noun phrase before the last preposition when nothing heads the first part
        ("China is to set up an investment fund of 40 billion yuan to support startups.", "40 billion yuan", "investment fund"),
    ],
)
def test_the_subject_of_a_figure_is_its_head_noun_phrase(text, figure, concept):
    assert concept_of(text, figure) == concept


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # an existential, an adverb, a verb's object idiom: no noun phrase
        ("There were more than 20 around the country.", "20"),
        ("The funds had only raised a total of 4.76 trillion yuan from private sources.", "4.76 trillion yuan"),
        ("The newly registered numbered more than 40000 a day on average.", "40000 a day"),
        # a time or a place after the figure is no object it measures
        ("The fund held USD 3.5 billion in the previous quarter.", "USD 3.5 billion"),
        ("The number of firms neared 20,000 in Guangdong last year.", "20,000"),
        ("The government will contribute 15 billion yuan to lead the fund.", "15 billion yuan"),
    ],
)
def test_no_concept_rather_than_a_time_place_pronoun_or_verb(text, figure):
    assert concept_of(text, figure) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a survey's sample is a detail of the study; what a batch admitted is a flow
        ("The study surveyed 420 young founders in five cities.", "other"),
        ("Some 2,300 respondents took part in the poll.", "other"),
        ("The second batch of 14 maker spaces was announced on Monday.", "flow"),
        # a multiple of another place's figure is a comparison; of an earlier year's, a change
        ("The city's startups raised nearly five times that of its neighbour.", "other"),
        ("Output per worker was twice the national average.", "other"),
        ("Output per worker was four times that of 2012.", "change"),
        ("Exports were three times that of a decade ago.", "change"),
        ("Sales in June were twice that of January.", "change"),
    ],
)
def test_survey_samples_are_other_and_batches_are_flows(text, expected):
    quantities = extract(text)
    assert read_meanings(text, quantities)[0].measure_type == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "who" inside "whole" and "whose" opening a clause: the concept is the subject's words
        ("R&D investment of the whole society has accounted for 2.85% of GDP.", ("2.85%", "share", "r&d investment", None)),
        ("The firms, whose revenue reached 3 billion yuan, hired 2,000 people.", ("3 billion yuan", "flow", "revenue", None)),
    ],
)
def test_clause_words_break_only_as_whole_words(text, expected):
    assert meanings(text)[0] == expected
