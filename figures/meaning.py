"""What each figure measures, read from the words of its clause.

    >>> from figures.quantities import extract
    >>> text = "By the end of 2016, China had 3,255 incubators, and 16,500 new firms were set up every day."
    >>> [(m.concept, m.measure_type, m.rate_basis) for m in read_meanings(text, extract(text))]
    [('incubators', 'stock', None), ('new firms', 'rate', 'day')]

A figure's meaning is its concept (the counted noun with its modifiers, or the noun phrase a
sum of money or a percentage is about) and its measure type:

- ``change``: a growth or fall ("up 25 percent", "an increase of 33%", "doubled");
- ``share``: a percentage that is not a change ("accounting for 30% of the total");
- ``rate``: a flow per day, week, month or quarter ("16,500 new firms a day"), or a value per
  person ("133 enterprises per thousand people");
- ``price``: a value per unit of something else ("US$30,000 a kilogram");
- ``stock``: a level at a point in time ("China had 3,255 incubators", "as of June");
- ``flow``: an amount over a period ("registered 120,000 new market entities in 2017",
  "raised 3 billion yuan").

Stock and flow are told apart by cue words nearest the figure in its clause ("new", "newly",
"set up", "raised" for a flow; "had", "home to", "in existence", "as of" for a stock); without
a cue, counts are stocks and sums of money flows, the reading news prose makes most often. The
cue lists are data below; the indicator catalog (dbt seed) carries each indicator's measure
type, so classification can keep stocks and flows apart.

Pure Python, per document, no state.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from figures.chinese_meaning import read_chinese_meanings
from figures.measures import FORM_CUE, TIME_BASES, Meaning, policy_benefit_words
from figures.quantities import Quantity
from figures.quantities.chinese import reads_as_chinese

MEASURE_TYPES = ("stock", "flow", "rate", "change", "share", "price", "other")
# Rate bases that make a figure a flow per period, not a price.
PER_YEAR_BASES = ("year", "annum", "annual")
PER_YEAR_AFTER_RE = re.compile(
    r"(?:\s+[\w-]+){0,4}?\s+(?i:(?:a|per|each|every)\s+year|annually|yearly|per\s+annum|a\s+year)\b"
)
PER_YEAR_BEFORE_RE = re.compile(r"\b(?i:annual|yearly|annually)\s+(?:(?:of|about|around|over|some|nearly)\s+)?$")

# Where a figure's clause ends: semicolons, parentheses, dashes, a comma that is not a
# thousands separator, and words that open a clause with its own subject.
# Like figures.context's clause breaks, plus "and" before a new subject ("and the", "and its"):
# a measure cue of the next subject's verb must not reach back.
CLAUSE_BREAK_RE = re.compile(
    r"[;:()\[\]“”\"]|,(?!\d)|\s[–—-]\s|\b(?i:(?:while|whereas|but|although|though|which|who|whom|whose)\b|and\s+(?=the\b|its\b|their\b))"
)
# A flow expressed per day or month by words after the verb ("were registered every day").
# Not "a quarter of the incubators", "a week ago", "took a month to".
RATE_WORDS_RE = re.compile(
    r"\b(?i:(?:every|each|per)\s+(day|week|month|quarter)(?!\s+of\b)"
    r"|a\s+(day|week|month|quarter)(?!\s+(?:of|ago|later|after|before|to|earlier)\b)"
    r"|(daily|weekly|monthly|quarterly))\b"
)
# How far around a figure its cue words are looked for: bounds the work per figure in a very
# long sentence (a table flattened into one line).
CUE_WINDOW = 300
ADVERB_BASES = {"daily": "day", "weekly": "week", "monthly": "month", "quarterly": "quarter"}

# Words that make a count or sum a flow (something that happened in the period) ... ("new and
# high-tech development zones" is the zones' name, not new ones)
FLOW_CUES = (
    r"new(?![\s-]+(?:and|&)\s+high)|newly|another|adds|added|adding|open|opens|opening|set\s+up|sets\s+up|setting\s+up|established|launched|opened|founded|created|creating"
    r"|registered\s+(?:in|during|last|this|over)|raised|raising|invested|investing|attracted|attracting|received|won|obtained|secured"
    r"|signed|inked|clinched|sold|sales|revenue|revenues|income|turnover|profits?|exports?|imports?|spent|spending|expenditure"
    r"|inaugurated|participated|took\s+part|graduated|flow(?:ed|ing)\s+into|poured\s+into|injected"
    r"|rolled\s+out|formulated|unveiled|released|adopted|enacted|provid\w*\s+services|translated|transferred|commerciali[sz]ed"
    r"|financing|funding|deals?|held|hosted|trained|served|serving|hatched|generated|registrations?"
    r"|granted|approved|issued|introduced|completed|handled|filed|recruited|applied\s+for|drew|distributed|honou?red|awarded|allocated"
    # what a register did in the period: "registered a total of 4,653", "cancelled 2,912"
    r"|cancell?ed|deregistered|revoked|registered(?=\s+(?:a\s+total\s+of\s+|about\s+|around\s+|over\s+|more\s+than\s+|nearly\s+|some\s+)?\d)"
    r"|increase\s+of|growth\s+of|during|so\s+far\s+this\s+year|in\s+the\s+first"
)
# ... and words that make it a stock (a level at a point in time).
STOCK_CUES = (
    r"there\s+(?:were|are|was|is|had\s+been|have\s+been)|(?:had|has|have)(?!\s+(?:been|already|also|just|now|\w+ed\b))|home\s+to|in\s+existence|existing"
    r"|in\s+operation|operating|total\s+number|number\s+of|stood\s+at|reached|reach|hit"
    r"|by\s+the\s+end\s+of|at\s+the\s+end\s+of|as\s+of|as\s+at|until|now|currently|at\s+present|so\s+far|to\s+date"
    r"|under\s+management|managed|size|scale|capital\s+of|registered\s+capital|assets|valued|valuation|worth"
    r"|accumulated|cumulative(?:ly)?|combined|nationwide\s+had|owns?|boast(?:s|ed|ing)?|employ(?:s|ed|ing)?"
    # a census of a level: "In 2017 the Torch Center counted 4,063 incubators"
    r"|counted|numbered"
)
CUE_RE = re.compile(rf"\b(?:(?P<flow>{FLOW_CUES})|(?P<stock>{STOCK_CUES}))\b", re.IGNORECASE)
# Strong cues: a figure modified by "new" is a flow however a stock verb frames it
# ("reached 16,500 new enterprises"), and a point-in-time phrase makes a stock.
STRONG_FLOW_RE = re.compile(r"^(?:new(?![\s-]+(?:and|&)\s+high)|newly)\b", re.IGNORECASE)
EVENT_NOUN_RE = re.compile(
    r"\b(?:deals|transactions|investments|financings|funding\s+rounds|rounds|registrations|ipos|listings|acquisitions|mergers)$",
    re.IGNORECASE,
)
STOCK_MONEY_RE = re.compile(
    r"\b(?i:under\s+management|registered\s+capital|combined\s+capital|total\s+capital|capital\s+of|market\s+(?:value|capitali[sz]ation)|valued|valuation"
    r"|assets|fund\s+size|target\s+size|total\s+size|size\s+of|scale\s+of|deposits|reserves|funds?\s+(?:of|worth|with)"
    # "worth" after what changes hands is the deal's sum, not a level: "funding worth 3 million
    # yuan", "made sales worth", "credits worth RMB 40 billion"
    r"|(?<!funding\s)(?<!financing\s)(?<!sales\s)(?<!credit\s)(?<!credits\s)(?<!loan\s)"
    r"(?<!loans\s)(?<!deal\s)(?<!deals\s)(?<!contract\s)(?<!contracts\s)(?<!order\s)"
    r"(?<!orders\s)(?<!investment\s)(?<!investments\s)(?<!export\s)(?<!exports\s)(?<!import\s)"
    r"(?<!imports\s)(?<!transaction\s)(?<!transactions\s)(?<!purchases\s)(?<!grant\s)"
    r"(?<!grants\s)(?<!subsidies\s)worth"
    # the capital a fund or a market holds: "a potential scale of 1 trillion yuan", "2,000 billion
    # yuan in capital management", "managing China's $1.6tn market", "100 billion yuan in
    # initial central government capital"
    r"|scale|capital\s+management|managing|(?:initial|government|seed|paid-in)\s+(?:[\w-]+\s+){0,2}?capital)\b"
)
# Balance-sheet and market levels said right before a sum ("cash and cash equivalents of", "the
# balance of", "a combined market cap of", "an aggregate value of", "could value Xiaomi at").
STOCK_MONEY_BEFORE_RE = re.compile(
    r"\b(?i:cash(?:\s+and\s+cash\s+equivalents)?|balances?|market\s+cap|aggregate\s+value|value\s+[\w-]+\s+at"
    r"|stock\s+of|short-term\s+investments)\b(?!\s+flows?)[^,;.]{0,16}$"
)
# A running total in the perfect ("the fund had raised a total of 17.8 billion yuan", "has so far
# attracted a total of"): the money gathered up to then, a level.
RUNNING_TOTAL_BEFORE_RE = re.compile(
    r"\b(?i:has|have|had)\s+(?:(?i:only|so\s+far|already|now)\s+)?(?i:raised|attracted|received|secured|collected|pooled)"
    r"\s+(?i:a\s+total\s+of|a\s+combined|in\s+total)\s+(?:(?i:about|around|nearly|over|more\s+than)\s+)?(?:RMB|US\$|\$|HK\$|¥)?\s*$"
)
# "a 40 billion yuan fund", "a $6.45 billion fund": the size of a fund is a level.
FUND_AFTER_RE = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?i:fund|funds|pool)\b")
# A sum that only sets the bar of a class ("start-ups valued at more than $1 billion",
# "super-unicorns worth over $10 billion") measures nothing.
THRESHOLD_BEFORE_RE = re.compile(
    r"\b(?i:valued|valuations?|worth|market\s+(?:value|capitali[sz]ation)s?)(?:\s+(?i:at|of))?\s+(?i:more\s+than|over|above|at\s+least|upwards\s+of|exceeding)?\s*$"
)
# "large enterprises with investment of above 10 million yuan": the sum defines the group.
WITH_THRESHOLD_BEFORE_RE = re.compile(
    r"\bwith\s+(?:(?:an?|annual|total|registered)\s+)*(?i:investment|revenues?|sales|income|assets|capital|turnover)"
    r"(?:\s+of)?\s+(?i:above|over|more\s+than|at\s+least|exceeding|less\s+than|under|below|no\s+more\s+than)\s*$",
    re.IGNORECASE,
)
THRESHOLD_QUALIFIERS = ("over",)
# "firms with 300 or fewer employees", "institutions that have established 3 or more funds": a
# bound said right after the number defines a group; it is no level of anything.
BOUND_AFTER_RE = re.compile(r"\s*(?:[\w-]+\s+)?(?i:or\s+(?:more|fewer|less|above|below|over|under|higher|lower))\b")
BOUND_GROUP_BEFORE_RE = re.compile(r"\b(?i:with|(?:that|which|who)\s+(?:have|has|had)(?:\s+[\w-]+)?)\s+$")
# The two ends of "from 1.2 percent to 2.2 percent": levels, whatever verb frames the pair.
PAIR_START_AFTER_RE = re.compile(r"\s*(?:[\w-]+\s+){0,3}?to\s+(?:\S+\s+){0,2}?[$¥€£]?\d", re.IGNORECASE)
PAIR_END_BEFORE_RE = re.compile(
    r"\bfrom\s+[$¥€£]?\d[\d,.]*\s*(?:%|percent|per\s+cent|[\w-]+)?(?:\s+[\w-]+){0,3}?\s+to\s+$", re.IGNORECASE
)
# After a counted figure, a verb cue speaks of the figure only in the passive ("16,500 new
# enterprises were registered"); nouns ("3 billion yuan in sales") always do.
PASSIVE_GAP_RE = re.compile(
    r"\s*(?:[\w'’&-]+\s+){0,5}?(?:were|was|are|is|been|being|got|get|gets)\s+(?:\w+ly\s+)?",
    re.IGNORECASE,
)
NOUN_CUE_RE = re.compile(
    r"(?i:sales|revenues?|income|turnover|profits?|exports?|imports?|spending|expenditure|financing|funding|deals?"
    r"|in\s+existence|in\s+operation|under\s+management|in\s+total|so\s+far|to\s+date|now|currently|at\s+present)"
)
# "the revenue of the country's 169 zones", "profits of the 500 companies": a determined
# complement, unlike "sales of 3,000 cars" where the figure is what was sold.
OF_COMPLEMENT_RE = re.compile(r"\s+of\s+(?=[^,;]*(?:\b(?:the|its|their|these|those|all)\b|['’]s\b))[^,;]*$", re.IGNORECASE)
NEXT_PHRASE_RE = re.compile(r"\s(?:and|or|while|whereas)\s|,\s|;")
LEVEL_AFTER_GROWTH_RE = re.compile(r"\b(?i:to|from|at|of\s+the)\b")
# A count's noun phrase followed by a verb in the past passive ("5.11 million workers were
# re-employed", "362,000 businesses have been canceled") counts what happened to them: a flow.
EVENT_VERB_AFTER_RE = re.compile(
    r"\s*(?:[\w'’&-]+\s+){0,5}?(?:(?:have|has|had)\s+been|were|was)\s+(?:\w+ly\s+)?(?P<verb>[a-z][a-z-]*(?:ed|en|wn|lt|ht))\b"
)
# Verbs of a state, not an event: "located", "based", "listed" say where or what the counted are.
STATE_VERB_RE = re.compile(
    r"(?i:located|based|headquartered|listed|named|called|owned|valued|worth|employed|registered|certified|recognized|recognised"
    r"|accredited|approved|rated|ranked|qualified|classified|considered|expected|estimated|scheduled|planned|related|involved|engaged|concentrated|distributed|gathered|clustered|housed|hosted|settled|stationed)"
)
# Level verbs say only that a figure got to a value: "the number of individual businesses
# registered in Jiangsu this year has reached 275,000" is what was registered, so an event word
# before them in the clause decides.
# The cue of a flow read from a span of time alone: no word of the figure's own said so, and an
# indicator of stocks chosen for it may still settle it (figures.indicators.measure_may_switch).
SPAN_DEFAULT_CUE = "over a span: "
TIME_CUE_RE = re.compile(r"(?i:during|so\s+far\s+this\s+year|in\s+the\s+first|new|newly)")
WEAK_STOCK_CUE_RE = re.compile(r"(?i:reached|reach|hit|stood\s+at|number\s+of|total\s+number)")
# Words that make a figure's clause speak of a span of time, not an instant: "in 2020", "during
# the first six months", "over the same period", "this year".
MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
SPAN_TIME_RE = re.compile(
    rf"\b(?i:(?:in|during|over|throughout)\s+(?:the\s+)?(?:(?:first|last|past|previous)\s+(?:\w+\s+)?(?:months?|quarters?|half|years?|weeks?)"
    rf"|(?:19|20)\d\d(?!\s*[-–]\d)|(?:{MONTH_NAMES})\b|same\s+period|the\s+period|year\b|first\s+half|second\s+half)"
    r"|(?:this|last)\s+year|so\s+far\s+this\s+year)\b"
)
# What may stand before a count that is the subject of its clause ("In 2019, China's 169 zones
# created ...", "Nearly 4,300 spaces provided services ..."): a possessive, a determiner or an
# approximation, nothing that governs the count as an object.
SUBJECT_COUNT_BEFORE_RE = re.compile(
    r"(?:^|['’]s?|\d\s+(?i:of|out\s+of)|\b(?i:the|its|their|these|those|all|some|about|around|nearly|almost|over|more\s+than|roughly|only|another))\W*$"
)
BARE_OPENING_RE = re.compile(r"\W*(?:(?i:about|around|nearly|almost|over|more\s+than|some|roughly|only|another|a\s+total\s+of)\s+)?")
# What a counted subject did that brought it about or got it something (not what hosts do: hosted, served)
PAST_EVENT_RE = re.compile(
    r"launched|opened|signed|set\s+up|established|founded|created|won|obtained|secured|received|raised|applied\s+for"
    r"|attracted|drew|completed|filed|sold|inked|clinched|took\s+part|participated|graduated|registered(?:\s+\w+)?",
    re.IGNORECASE,
)
SUBJECT_GAP_RE = re.compile(r"\s*(?:[\w'’&-]+\s+){0,4}?")
# A multiple of another place's or group's figure ("ten times that of India", "three times the national
# average"), not of an earlier time's ("three times that of 2012", "twice that of the previous year").
MULTIPLE_OF_ANOTHER_RE = re.compile(
    r"\s+(?i:(?:that|those)\s+of\s+(?!(?:19|20)\d\d|the\s+(?:previous|same|last|prior)|last|a\s+year|(?:a|one|two|three|four|five|ten|\d+)\s+(?:decades?|years?|months?)\s+(?:ago|earlier|before)|(?:january|february|march|april|may|june|july|august|september|october|november|december)\b)|the\s+(?:national|provincial|city's|country's|world|global)?\s*average)"
)
# A survey's sample ("surveyed 309 angel investors", "a sample of 2,000", "1,010 respondents").
SURVEY_BEFORE_RE = re.compile(
    r"\b(?i:surveyed|polled|interviewed|questioned|a\s+survey\s+of|a\s+poll\s+of|a\s+sample\s+of|sampled)\s+(?:\w+\s+){0,2}$"
)
SURVEY_AFTER_RE = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?i:respondents|interviewees|(?:were|was)\s+(?:surveyed|polled|interviewed|sampled))\b"
)
# What a batch admitted ("the first batch of 11 incubators", "a new batch of 30 makerspaces").
BATCH_BEFORE_RE = re.compile(
    r"\b(?i:(?:first|second|third|fourth|fifth|latest|new|sixth|seventh)\s+batch\s+of)\s+(?:[\w-]+\s+){0,2}?$"
)
# A point-in-time phrase in the clause makes a count a stock whatever its verb ("By the end of
# 2015, over 2,300 maker spaces were established").
POINT_IN_TIME_RE = re.compile(r"\b(?i:by\s+the\s+end\s+of|at\s+the\s+end\s+of|as\s+of|as\s+at|by\s+end\s+of)\b")
# A value per person or per unit is a rate, not a stock or flow of the whole ("133 enterprises per
# thousand people", "per capita spending of 500,000 yuan", "7.9 people on average"); having no
# time basis, it fits no flow indicator.
# The words between the figure and the basis name what is counted ("new businesses created per
# 100,000 people"), never another clause or another noun's own per-head value ("and GDP per capita").
PER_HEAD_SKIPPED_WORD = (
    r"(?!(?i:and|or|but|while|with|in|at|of|on|from|to|for|by|is|are|was|were|has|have|had|rose|fell|grew"
    r"|increased|reached|GDP|income|output|revenue|spending|sales|wages?|salary|salaries)\b)[\w-]+\s+"
)
PER_HEAD_REACH = 64  # characters after the figure: its counted words, then the basis
PER_HEAD_RE = re.compile(
    rf"\s*(?:{PER_HEAD_SKIPPED_WORD}){{0,4}}?(?i:per\s+(?:capita|person|head|(?:[\d,.]+|a|one|ten|a\s+hundred|hundred|thousand|ten\s+thousand)"
    r"\s+(?:people|residents|persons|citizens|inhabitants|heads|households))|on\s+average"
    # a density: "8.5 high-tech enterprises per square kilometer"
    r"|per\s+(?:square\s+)?(?:kilomet(?:er|re)|km2?|sq\.?\s*km|hectare|mu))\b"
    r"|\s*(?i:yuan|dollars?|euros?)?\s*(?i:each)\b(?!\s+(?:year|month|day|week|quarter)\b)"
)
# "per capita spending of", "one in 10 people", "one businessman out of every seven", "the
# average capital of these market entities reached 17.85 million yuan"
PER_HEAD_BEFORE_RE = re.compile(
    r"\b(?i:per\s+capita|per-capita)\b[^,;]{0,40}$"
    r"|\b(?i:one)\s+(?:[\w-]+\s+){0,2}?(?i:in|out\s+of)\s+(?i:every\s+)?$"
    r"|\b(?i:the|an)\s+(?i:average)\s+(?!(?i:daily|annual|monthly|yearly|quarterly)\b)[\w-]+(?:\s+[\w-]+){0,6}?\s+(?i:was|is|reached|stood\s+at|of|exceeding)\s+(?:(?i:about|around|nearly|over|more\s+than)\s+)?$"
)
# The same said over a longer reach of its sentence, whose commas may be a date's ("Annual spending
# per active buyer in the twelve-month period ended September 30, 2018 was RMB894.4"), or by what
# each member of a group gets ("each of the three maker spaces will receive 50,000 yuan").
PER_MEMBER_BEFORE_RE = re.compile(
    r"\b(?i:per)\s+(?!(?i:year|annum|month|day|week|quarter|cent|capita)\b)(?:[\d,.]+\s+)?[a-z][\w-]*\b[^;.]{0,80}?\b(?i:was|were|is|reached|stood\s+at)"
    r"\s+(?:(?i:about|around|nearly|over|more\s+than)\s+)?(?:RMB|US\$|\$|¥|€|£|HK\$)?\s*$"
    r"|\b(?i:each|every)\s+(?!(?i:year|month|day|week|quarter|time)\b)[^;.]{0,60}?\b(?i:receives?|received|gets?|got|will\s+(?:get|receive|be\s+given|be\s+granted|enjoy)"
    r"|(?:is|are)\s+entitled\s+to)\b[^;.]{0,30}?$"
)
# What joins a change to its base: "an increase of 36% from 536.3 million", "up 99% from RMB449.2".
BASE_OF_CHANGE_GAP_RE = re.compile(r"\s*(?i:year[-\s]on[-\s]year\s+|year[-\s]over[-\s]year\s+)?(?i:from)\s+(?:(?i:RMB|US\$|\$|HK\$)\s*)?")
# A sentence opened by "On average," gives values per member to its counts and sums.
ON_AVERAGE_OPENING_RE = re.compile(r"^\W*(?i:on\s+(?:the\s+)?average)\s*,")
# A growth word right after a percentage makes it a change: "a 2.8 percent year-on-year
# increase", "a 70% rise", "250% up compared with", "13.7% more than last year".
GROWTH_AFTER_RE = re.compile(
    r"\s*(?:(?i:year[-\s]on[-\s]year|year[-\s]over[-\s]year|y-o-y|annual|on[-\s]year)\s+)?"
    r"(?i:increases?|rises?|growth|jumps?|gains?|surges?|declines?|drops?|falls?|decreases?|up|down|more\s+than|higher\s+than|lower\s+than|less\s+than)\b"
)
SHARE_RE = re.compile(
    r"\b(?i:accounting\s+for|accounted\s+for|account\s+for|made\s+up|makes?\s+up|making\s+up|tak(?:es?|ing|en)\s+up|took\s+up|share|proportion|percent\s+of|%\s+of|of\s+(?:the|all|them|which|whom|total))\b"
)
# "taking up 21.3 percent", "made up 40%": a share's verb, not a rise.
GROWTH_RE = re.compile(
    r"\b(?i:(?<!taking\s)(?<!takes\s)(?<!took\s)(?<!take\s)(?<!making\s)(?<!makes\s)(?<!made\s)(?<!make\s)up|down|rose|risen|rise|rising|grew|grown|grow|growing|growth|increased?|increasing|decreased?|decline[ds]?"
    r"|dropped|fell|fallen|jumped|surged|soared|climbed|shrank|shrunk|dived|dove|slid|slumped|plunged|plummeted|tumbled"
    r"|dropping|falling|jumping|surging|soaring|climbing|declining|slumping|plunging"
    r"|year[-\s]on[-\s]year|year[-\s]over[-\s]year|y-o-y)\b"
)

# The noun phrase a sum or a share is about: the words before its verb ("Venture capital
# investment in China reached $30 billion") or after it ("$30 billion in venture capital").
SUBJECT_VERBS = (
    r"reached|reach|totall?ed|totall?ing|total|hit|stood\s+at|stands\s+at|amounted\s+to|amounting\s+to|was|were|is|are"
    r"|rose\s+to|grew\s+to|increased\s+to|jumped\s+to|climbed\s+to|surged\s+to|fell\s+to|dropped\s+to|topped|exceeded"
    r"|surpassed|exceeds?|exceeding|surpass(?:es|ing)?|tops?|topping|hits|reaches|totals|pass|passe[sd]|passing|crosse[sd]|crossing"
    r"|of|at|hitting|reaching|accounting\s+for|accounted\s+for|came\s+to|registered|recorded|saw|has|had|have"
    r"|(?:rose|grew|increased|decreased|fell|dropped|jumped|climbed|surged|declined|expanded|(?:was|were)\s+up|(?:was|were)\s+down|up|down)(?:\s+by|\s+from)?"
    r"|(?:increasing|rising|growing|climbing|jumping|surging|falling|dropping|declining|shrinking)\s+to"
)
# "is expected to", "will": what stands between a subject and its verb of a level
SUBJECT_AUXILIARY = (
    r"(?:(?:is|are|was|were)\s+(?:expected|set|likely|projected|estimated|forecast|poised|due|going|planned|scheduled)\s+to\s+"
    r"|(?:will|would|could|may|might|should|can)\s+(?:be\s+)?)"
)
SUBJECT_RE = re.compile(
    rf"(?P<phrase>[A-Za-z][\w'’&/-]*(?:\s+[\w'’&/-]+){{0,7}}?)\s+(?:(?:has|have|had)\s+(?:been\s+)?|{SUBJECT_AUXILIARY})?(?:{SUBJECT_VERBS})"
    r"(?:\s+(?:a\s+total\s+of|(?:a\s+)?record(?:\s+high)?|more\s+than|over|nearly|about|around|some|almost|up\s+to|roughly|approximately|only|just|about))*\s*$",
    re.IGNORECASE,
)
# "R&D spending rose 11.6 percent year-on-year to 1.75 trillion yuan": the level after a change
# is about the change's subject.
CHANGE_VERBS = (
    r"rose|grew|increased|jumped|climbed|surged|soared|fell|dropped|declined|decreased|expanded|contracted"
    r"|shrank|shrunk|dived|dove|slid|slumped|plunged|plummeted|tumbled|sank|sunk|(?:was|were)\s+up|(?:was|were)\s+down"
    r"|(?:doubled|tripled|trebled|quadrupled|triple|double)(?=\s+to\b)"
    r"|rising|growing|increasing|jumping|climbing|surging|soaring|falling|dropping|declining|decreasing|sliding|plunging|sinking|tumbling|shrinking"
)
CHANGE_THEN_LEVEL_RE = re.compile(
    rf"(?P<phrase>[A-Za-z][\w'’&/-]*(?:\s+[\w'’&/-]+){{0,7}}?)\s+(?:(?:has|have|had)\s+(?:been\s+)?)?(?:{CHANGE_VERBS}|decreased|increased)\b(?:[^.;]|\.(?=\d))*?\bto"
    r"(?:\s+(?:about|around|nearly|almost|just|only|over|more\s+than|some|roughly|approximately))?\s*$",
    re.IGNORECASE,
)
# "The number of national high-tech zones has increased to 156", "the average number of daily
# registered enterprises rose from 10,000": the concept is what is numbered.
NUMBER_OF_RE = re.compile(
    r"\bnumber\s+of\s+(?P<phrase>[A-Za-z][\w'’&/-]*(?:\s+[\w'’&/-]+){0,7}?)"
    rf"(?=\s+(?:(?:has|have|had)\s+(?:been\s+)?)?(?:{CHANGE_VERBS}|risen|grown|fallen"
    r"|reached|hit|stood|stands|totall?ed|topped|exceeded|surpassed|amounted|came|was|were|is|are|in|at|across|from|to|by|before|after|during|since"
    r"|continued|continues|kept|remained|remains|stayed"
    r"|(?:more\s+than\s+|nearly\s+|almost\s+)?(?:doubled|trebled|tripled|quadrupled))\b)",
    re.IGNORECASE,
)
COUNTED_AFTER_RE = re.compile(
    r"\s*[\"“‘']\s*(?P<noun>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2}?)\s*[\"”’']"
)
# "50.39 mln are businesses", "about 1.6 million were commercial enterprises", "2.4937 million,
# were enterprises": a count followed by a linking verb and a plural noun phrase counts that phrase
# (a participle, "were registered", says what happened to them instead).
COPULA_COUNTED_RE = re.compile(
    r",?\s+(?:are|were)\s+(?P<noun>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*[^\Wsd]s)(?=\s*(?:[,.;:)]|\s(?:and|or|in|at|with|up|down|while|which|of)\b|$))"
)
OBJECT_RE = re.compile(
    r"^\s*(?:(?:worth\s+)?of|in|for|on)\s+(?P<phrase>[A-Za-z][\w'’&/-]*(?:\s+[\w'’&/-]+){0,5})",
    re.IGNORECASE,
)
OBJECT_TIME_RE = re.compile(r"^(?:average|record|top)$|\b(?:period|quarters?|years?|months?|half|weeks?|days?|season|(?:19|20)\d\d)\b|^(?:the\s+)?(?:same|previous|first|last|past)\b")
# "the total number rising from 55 million", "the number is expected to reach 240": a number
# with no "of" after it stands for what the sentence is about.
BARE_NUMBER_RE = re.compile(
    # "the total number of VC deals" is no bare "total"
    r"\b(?i:the)\s+(?i:total\s+)?(?i:number|figure|total|tally|count)\b(?!\s+(?i:of|number|figure|count|tally)\b)(?:(?!\d)[^;])*$"
)
# What a subject reading leaves that names nothing: an existential or a pronoun ("There were",
# "It has"), an adverb ("the newly registered"), a verb's object idiom ("had raised a total of").
NOT_A_SUBJECT_RE = re.compile(
    r"^(?:there|it|they|this|that|these|those|which|who|we|he|she|one|\w+ly|(?:total\s+)?(?:number|figure|total|tally|count))$|\b(?:a|an|the)\b",
    re.IGNORECASE,
)
# A clause opened by a participle of a level ("..., reaching 7.2 trillion yuan in 2020").
PARTICIPLE_OPENING_RE = re.compile(
    r"\W*(?i:reaching|hitting|totall?ing|amounting\s+to|(?:rising|climbing|growing|increasing|jumping|surging)\s+(?:\w+\s+){0,3}?to)\s+"
    r"(?:(?i:about|around|nearly|almost|over|more\s+than|some|roughly|approximately)\s+)?[^\s\d]{0,4}$"
)
# The sentence's subject: its first words up to the first finite verb.
SENTENCE_SUBJECT_RE = re.compile(
    r"\W*(?P<phrase>[A-Za-z][\w'’&/-]*(?:\s+[\w'’&/-]+){0,7}?)\s+(?:(?:has|have|had)\s+(?:been\s+)?)?"
    r"(?i:is|are|was|were|has|have|had|registered|recorded|saw|rose|grew|increased|reached|hit|stood|totall?ed"
    r"|continued|continues|kept|maintained|expanded|jumped|climbed|fell|dropped|declined|surged|topped|exceeded)\b"
)
POSSESSOR_RE = re.compile(r"^.*?[\w)]['’]s?\s+(?=[a-z])", re.IGNORECASE)
# "3,034 of them", "of which 62": the figure counts a part of what the previous figure counted.
OF_THEM_AFTER_RE = re.compile(r"\s+of\s+(?:them|these|those|which|whom)\b", re.IGNORECASE)
# What may stand between two counts of one list ("12 incubators and ").
LIST_GAP_RE = re.compile(r"\s*(?:[\w'’&-]+\s+){0,5}?[\w'’&-]+\s*(?:,\s*(?:and\s+)?|and\s+)(?:(?:about|nearly|some|over|more\s+than)\s+)?")
# "with the number surpassing 1.51 million", "the figure reached 4,300": the number of what the
# text just spoke of.
BACK_REFERENCE_BEFORE_RE = re.compile(
    r"\b(?i:the\s+(?:total\s+)?(?:number|figure|total|tally|count))\b(?!\s+of\b)[^\d;.]{0,40}$"
)
WHOLE_OF_RE = re.compile(r"^(?i:(?:the\s+)?(?:share|proportion|percentage|number|growth|increase)\s+of\s+)")
# "Among them, 51,800 were ...", "of which 2.91 million": the figure counts a part of a group.
PART_OF_GROUP_BEFORE_RE = re.compile(
    r"\b(?i:among\s+(?:them|these|those|which|whom)|of\s+(?:them|these|those|which|whom))\b[^.;:]{0,24}$"
)
# "Of the 232 large unicorn companies, ... 62 are from China": the sentence's lead names what
# its figures count.
PARTITIVE_LEAD_RE = re.compile(
    r"\W*(?i:of|among)\s+(?:(?:the|these|those|all)\b)?\s*(?:[\d,.]+\s+)?(?:(?i:million|billion)\s+)?"
    r"(?!(?i:them|which|whom|it)\b)(?P<phrase>[A-Za-z][\w'’&/-]*(?:\s+[\w'’&/-]+){0,5}?)\s*,"
)
# A sum right after a count that says what it totals ("547 deals ... totaling $341.4 million",
# "3,034 of them raising a total of 417.77 billion yuan") is about what the count counts.
TOTALLING_GAP_RE = re.compile(
    r"^[^.;:]{0,80}\b(?i:totall?ing|totall?ed|worth|valued\s+at|raising|raised|amounting\s+to|with\s+a\s+total(?:\s+value|\s+amount)?\s+of)"
    r"(?:\s+(?i:a\s+total\s+of|more\s+than|over|nearly|about|around|some|almost|up\s+to|roughly|approximately))*\s*[$¥€£]?\s*$"
)
# What joins the figures of a series: "from A to B", "A, B and C respectively", "A versus B".
SERIES_GAP_RE = re.compile(
    r"^[\s,]*(?:(?:a|per|every|each)\s+(?:day|week|month|year)\s*)?(?:(?:in|for|of|by|at)\s+(?:the\s+)?(?:end\s+of\s+)?(?:\w+\s+)?(?:19|20)\d\d[\s,]*)?"
    r"(?i:to|and|from|versus|vs\.?|compared\s+with|against|,)(?:\s+(?:the\s+)?(?i:current|latest|previous))?[\s,]*(?:(?:in|for)\s+(?:19|20)\d\d[\s,]*)?$"
)
# Words that end a noun phrase: prepositions after its head, articles and possessives before it.
PREPOSITION_RE = re.compile(
    r"\s(?:(?:in|at|from|by|for|across|during|on|since|with|to|under|over|among)\s+(?:the\s+)?(?=[A-Z][a-z]|(?:19|20)\d\d|(?i:this|last|that|the\s+first|the\s+same)\b)"
    r"|(?:as|while|when|after|before|from|by|during|since|with|to|among)\b"
    # a determined complement follows the head: "total capital invested in the country"
    r"|(?:in|at|across|within|of)\s+(?=(?:the|its|their|this|these|those)\s))",
)
ARTICLE_RE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|our|this|that|these|those|total|number|amount|value|volume|sum|level"
    r"|has|had|have|is|are|was|were)(?:\s+of)?\b",
    re.IGNORECASE,
)
MEASURE_HEAD_RE = re.compile(r"(?i:value|volume|amount|sum|level)")
# A figure ends the window where a sum's subject is looked for; a year ("in 2019") and a
# quarter or half ("in Q2", "H1") do not.
LAST_NUMBER_RE = re.compile(r"(?<![\d,.])(?<!\b[QH])(?!(?:19|20)\d\d(?![\d,.]))\d[\d,.]*")
TRAILING_TIME_RE = re.compile(
    r"(?:\s+(?:in|during|by|for|of|as\s+of|at\s+the\s+end\s+of)\s+(?:the\s+)?(?:\w+\s+)?(?:(?:19|20)\d\d|year|month|months|quarters?|half|q[1-4]|h[12]))+$"
    r"|\s+(?:last|this|that)\s+year$",
    re.IGNORECASE,
)
MAX_CONCEPT_WORDS = 6
# "The ratio of the three sectors is about 0.1: 9: 90.9": the terms of a ratio are shares.
RATIO_AFTER_RE = re.compile(r"\s*:\s*\d")
RATIO_BEFORE_RE = re.compile(r"\d\s*:\s*$")
# "national high-tech zones – now 169 in total –", "(169 in all)": a count set off after a noun
# phrase counts that phrase.
APPOSITION_BEFORE_RE = re.compile(
    r"(?P<phrase>[A-Za-z][\w'’&/-]*(?:\s+[\w'’&/-]+){0,5}?)\s*(?:[–—(]|\s-)\s*(?:(?:now|currently|totall?ing|numbering)\s+)?"
    r"(?:(?:about|around|over|more\s+than|nearly|some|almost)\s+)?$"
)
# The words right after a figure ("9196 national science and technology smes"), past a
# restatement, and the words that end a noun phrase there.
NOUN_AFTER_RE = re.compile(
    r"(?:[ \t]*\([^()\n]{0,40}\))?[ \t]+(?P<words>(?:[A-Za-z][\w'’&/-]*[ \t]+){0,6}[A-Za-z][\w'’&/-]*)"
)
NOUN_STOP_RE = re.compile(
    r"(?i:in|of|for|from|to|by|at|on|with|into|over|under|across|between|during|since|after|before|as|than|per|via|through|toward|towards"
    r"|and|or|but|nor|while|whereas|which|that|who|whose|where|when|if|so"
    r"|is|are|was|were|be|been|being|has|have|had|will|would|can|could|may|might|should|shall|must|do|does|did"
    r"|went|goes|go|came|comes|come|got|gets|get|made|makes|make|took|takes|take|saw|sees|see"
    r"|last|this|next|ago|year|years|month|months|quarter|earlier|later|respectively|each|apiece|plus|worth|more|less|up|down"
    r"|higher|lower|year-on-year|year-over-year|yoy|annually|yearly|alone|only|already|now|too|also|both|either|it|its|their|they"
    r"|within|without|against|beyond|time|out|off|spent|paid|led|won|sold|bought|lost|set|put|hit|cost|brought|drew|grew|rose|fell|became|began|held|kept|left|ran|said|says)"
    r"|a|an|the|\w+ed|\w+ly"
)
# a plural head noun ("smes", "SMEs", "enterprises"), not a name or a verb form
PLURAL_HEAD_RE = re.compile(r"(?:[a-z][\w'’&/-]*[a-rt-z]s|[A-Z]{2,}s)")
RESTATEMENT_AFTER_RE = re.compile(r"[ \t]*\([^()\n]{0,40}\)")
APPOSED_HEAD_SPLIT_RE = re.compile(r"\b(?i:in|of|at|for|from|with|by|on)\b|['’]s\b")
APPOSITION_AFTER_RE = re.compile(r"\s*(?:in\s+total|in\s+all|altogether)?\s*(?:[–—)]|-\s)")


def _clause(breaks: list[tuple[int, int]], start: int, end: int, sentence: tuple[int, int]) -> tuple[int, int]:
    """The clause around [start, end): between the clause breaks (sorted spans) either side,
    never wider than CUE_WINDOW either way."""
    after = bisect.bisect_left(breaks, (end, end))
    clause_end = breaks[after][0] if after < len(breaks) else sentence[1]
    before = bisect.bisect_right(breaks, (start, start)) - 1
    while before >= 0 and breaks[before][1] > start:
        before -= 1
    clause_start = breaks[before][1] if before >= 0 else sentence[0]
    return max(clause_start, start - CUE_WINDOW), min(clause_end, end + CUE_WINDOW)


def _clause_breaks(
    text: str, sentence: tuple[int, int], restatements: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """The spans that end clauses in a sentence; `restatements` are the sentence's."""
    return [
        found.span()
        for found in CLAUSE_BREAK_RE.finditer(text, *sentence)
        if not brackets_a_restatement(found, restatements)
    ]


def brackets_a_restatement(found: re.Match, restatements: Sequence[tuple[int, int]]) -> bool:
    """Whether a clause break is a bracket around one of `restatements` ("53.96 billion yuan
    ($7.83 billion) was raised"): it ends no clause, so the verb after it is the figure's."""
    return any(start - 3 <= found.start() and found.end() <= end + 3 for start, end in restatements)


def restatements_by_sentence(
    quantities: Sequence[Quantity], positions: Sequence[int], sentences: Sequence[tuple[int, int]]
) -> dict[int, list[tuple[int, int]]]:
    """The spans of the restatements ("($7.83 billion)") in each sentence, by its position;
    `positions` gives each quantity's sentence. One pass over the document."""
    found: dict[int, list[tuple[int, int]]] = {}
    for quantity, position in zip(quantities, positions):
        sentence = sentences[position]
        if quantity.equivalent_of is not None and sentence[0] <= quantity.start < sentence[1]:
            found.setdefault(position, []).append((quantity.start, quantity.end))
    return found


def _trim_phrase(words: str) -> str | None:
    """The head noun phrase of `words` ("Venture capital investment in China" -> "venture
    capital investment"): cut where a phrase of place or time or a clause-like preposition
    begins ("investment in research and development" keeps its complement), then after its
    last article."""
    words = TRAILING_TIME_RE.sub("", words.strip(" ,.'’")).strip()
    cut = PREPOSITION_RE.search(words, 1)
    if cut:
        head = _trim_phrase(words[: cut.start()]) if cut.start() < len(words) else None
        if head:
            return head
        # "China is to set up an investment fund [of]": the noun phrase is after the last cut
        last = list(PREPOSITION_RE.finditer(words, 1))[-1]
        return _trim_phrase(words[last.end() :]) if words[last.end() :].strip() else None
    # after the last article that leaves words ("the export volume" -> "export volume")
    stops = list(ARTICLE_RE.finditer(words))
    for stop in reversed(stops):
        if words[stop.end() :].strip() and not ARTICLE_RE.fullmatch(words[stop.end() :].strip()):
            words = words[stop.end() :]
            break
    else:
        before = words[: stops[-1].start()].split() if stops else []
        if stops and MEASURE_HEAD_RE.fullmatch(stops[-1].group()) and before and not ARTICLE_RE.fullmatch(before[-1]):
            # "Contract value amounted to": a measure word after a noun is the phrase's head
            words = words[stops[-2].end() :] if len(stops) > 1 else words
        else:
            words = words[stops[-1].end() :] if stops else words
    kept = words.split()
    while kept and kept[0].lower() in ("of", "in", "for", "on"):
        kept = kept[1:]  # the phrase began inside a longer one ("[amount] of venture capital")
    if not kept:
        return None
    return " ".join(kept[-MAX_CONCEPT_WORDS:]).lower().strip(" ,.'’")


def _main_clause_subject(text: str, span: tuple[int, int]) -> str | None:
    """The subject of the first clause in `span` that opens on a noun phrase and a finite verb
    (past an opening adverbial: "In 2016, Zhongguancun's total income rose ...")."""
    starts = [span[0]] + [found.end() for found in CLAUSE_BREAK_RE.finditer(text, *span)]
    for start in starts:
        found = SENTENCE_SUBJECT_RE.match(text, start, span[1])
        if found:
            numbered = NUMBER_OF_RE.search(found.group("phrase") + " is")
            phrase = numbered.group("phrase") if numbered else POSSESSOR_RE.sub("", found.group("phrase"))
            return _trim_phrase(phrase)
    return None


def _sentence_subject(text: str, sentence: tuple[int, int]) -> str | None:
    """What a sentence is about: its first noun phrase before a verb, without its possessor
    ("China's market entities registered fast growth" -> "market entities")."""
    found = SENTENCE_SUBJECT_RE.match(text, sentence[0], min(sentence[1], sentence[0] + 160))
    if not found:
        return None
    phrase = POSSESSOR_RE.sub("", found.group("phrase"))
    return _trim_phrase(phrase)


def _concept(text: str, quantity: Quantity, clause: tuple[int, int], sentence: tuple[int, int] | None = None) -> str | None:
    return concept_and_source(text, quantity, clause, sentence)[0]


def concept_and_source(
    text: str, quantity: Quantity, clause: tuple[int, int], sentence: tuple[int, int] | None = None
) -> tuple[str | None, str]:
    """The figure's concept and which reading gave it ("counted", "noun after a count", "bare
    number", "partitive lead", "number of", "apposition", "copula", "quoted", "subject",
    "participle clause", "earlier number of", "object", "none"): benchmarks/concept_reader.py
    tabulates them."""
    if quantity.counted:
        return quantity.counted.lower(), "counted"
    if quantity.unit_class == "count" and quantity.per is None:
        named = _count_noun_after(text, quantity)
        if named:
            return named, "noun after a count"
    after = text[quantity.end : min(clause[1], quantity.end + 60)]
    before = text[clause[0] : quantity.start]
    # the subject lies after the previous figure ("has 500 employees and had revenue of ...")
    since_last_number = LAST_NUMBER_RE.split(before[-120:])[-1]
    if sentence is not None:
        if BARE_NUMBER_RE.search(text[max(sentence[0], quantity.start - 120) : quantity.start]):
            subject = _sentence_subject(text, sentence)
            if subject and quantity.unit_class == "count":
                subject = WHOLE_OF_RE.sub("", subject) or subject  # the number of them, not their share
            if subject:
                return subject, "bare number"
        lead = PARTITIVE_LEAD_RE.match(text, sentence[0], quantity.start)
        # "Among all the entities, 50.39 mln are businesses": the lead names the whole, the
        # copula the part the figure counts
        copula = quantity.unit_class == "count" and COPULA_COUNTED_RE.match(text, quantity.end, min(clause[1] + 40, quantity.end + 60))
        if lead and not copula:
            phrase = _trim_phrase(lead.group("phrase"))
            if phrase:
                return phrase, "partitive lead"
    numbered = list(NUMBER_OF_RE.finditer(since_last_number))
    if numbered:
        phrase = _trim_phrase(numbered[-1].group("phrase"))
        if phrase:
            return RATE_WORDS_RE.split(phrase)[0].strip() or phrase, "number of"
    if quantity.unit_class == "count" and APPOSITION_AFTER_RE.match(text, quantity.end):
        apposed = APPOSITION_BEFORE_RE.search(text, max(0, quantity.start - 80), quantity.start)
        if apposed:
            # the noun phrase right before the dash, not what it is in or of
            phrase = _trim_phrase(APPOSED_HEAD_SPLIT_RE.split(apposed.group("phrase"))[-1])
            if phrase:
                return phrase, "apposition"
    if quantity.unit_class == "count":
        copula = COPULA_COUNTED_RE.match(text, quantity.end, min(clause[1] + 40, quantity.end + 60))
        if copula:
            return copula.group("noun").lower(), "copula"
        # "China had 131 "unicorns"": what follows a count is what it counts; the subject of
        # "had" is its owner.
        counted = COUNTED_AFTER_RE.match(text, quantity.end, quantity.end + 60)
        if counted:
            return counted.group("noun").lower(), "quoted"
    subject = SUBJECT_RE.search(since_last_number) or CHANGE_THEN_LEVEL_RE.search(before[-160:])
    if subject:
        phrase = _trim_phrase(subject.group("phrase"))
        if phrase and not NOT_A_SUBJECT_RE.search(phrase):
            return phrase, "subject"
    if sentence is not None and clause[0] > sentence[0] and PARTICIPLE_OPENING_RE.match(text, clause[0], quantity.start):
        # "the total income of ZGC enterprises maintained double-digit growth, reaching 7.2
        # trillion yuan": a participle clause's subject is its sentence's
        main = _main_clause_subject(text, (sentence[0], clause[0]))
        if main and not NOT_A_SUBJECT_RE.search(main):
            return main, "participle clause"
    if sentence is not None and clause[0] > sentence[0]:
        # "The number of business entities in Shenzhen city, South China's Guangdong Province,
        # has exceeded 4 million": what is numbered lies before the apposition's commas
        earlier = LAST_NUMBER_RE.split(text[max(sentence[0], quantity.start - 200) : clause[0]])[-1]
        numbered = list(NUMBER_OF_RE.finditer(earlier))
        if numbered and not LAST_NUMBER_RE.search(before):
            phrase = _trim_phrase(numbered[-1].group("phrase"))
            if phrase:
                return phrase, "earlier number of"
    restated = RESTATEMENT_AFTER_RE.match(text, quantity.end)
    if restated:
        # "2.4 trillion yuan ($372 billion) in R&D": the object follows the restatement
        after = text[restated.end() : restated.end() + 60]
        after = after[: CLAUSE_BREAK_RE.search(after).start()] if CLAUSE_BREAK_RE.search(after) else after
    following = OBJECT_RE.match(after)
    if following:
        phrase = following.group("phrase")
        phrase = re.split(r"\b(?:in|during|by|last|this|for|from|to|with|as|and|which|that)\b", phrase, maxsplit=1)[0]
        # "in the January-May period", "in Guangdong": a time or a place, not what was measured
        named = re.match(r"\s*(?:(?:worth\s+)?of|for)\s", after) is None and re.match(r"[A-Z][a-z]", following.group("phrase"))
        phrase = phrase.strip(" ,.").lower()
        if phrase and not re.fullmatch(r"(?:19|20)\d\d|the|a|an", phrase) and not named and not OBJECT_TIME_RE.search(phrase):
            return phrase, "object"
    return None, "none"


def _count_noun_after(text: str, quantity: Quantity) -> str | None:
    """The plural noun phrase right after a count the extractor left unnamed ("9196 national
    science and technology smes", "600,000 scientific and innovative SMEs")."""
    found = NOUN_AFTER_RE.match(text, quantity.end, quantity.end + 100)
    if not found or found.group().lstrip().startswith("("):
        return None
    kept: list[str] = []
    for word in found.group("words").split():
        if word.lower() != "and" and NOUN_STOP_RE.fullmatch(word):
            break
        kept.append(word)
    while kept and kept[-1].lower() == "and":
        kept.pop()
    if not kept or kept[0].lower() == "and" or len(kept) > MAX_CONCEPT_WORDS or not PLURAL_HEAD_RE.fullmatch(kept[-1]):
        return None
    return " ".join(kept).lower()


def _pair_end(text: str, quantity: Quantity, clause: tuple[int, int], before: str) -> str | None:
    """'from' or 'to' when the figure is one end of "from A to B" (a level, not a change)."""
    if before.rstrip().lower().endswith("from") and PAIR_START_AFTER_RE.match(text, quantity.end, clause[1]):
        return "from"
    if PAIR_END_BEFORE_RE.search(before):
        return "to"
    return None


def _says_per_year(text: str, quantity: Quantity) -> bool:
    """Whether a count's yearly basis is said at the figure ("3,000 startups a year", "an annual
    3,000"), not by a word that qualifies another noun ("the annual revenue of the country's 169
    zones")."""
    return bool(
        PER_YEAR_AFTER_RE.match(text, quantity.end, quantity.end + 60)
        or PER_YEAR_BEFORE_RE.search(text, max(0, quantity.start - 15), quantity.start)
    )


def _time_basis(per: str | None) -> str | None:
    return TIME_BASES.get(per) if per else None


def _rate_words(text: str, quantity: Quantity, clause: tuple[int, int]) -> str | None:
    """A per-day or per-month basis said by words near the figure that the extractor left."""
    window = text[max(clause[0], quantity.start - 80) : min(clause[1], quantity.end + 60)]
    found = RATE_WORDS_RE.search(window)
    if not found:
        return None
    basis = found.group(1) or found.group(2)
    return basis.lower() if basis else ADVERB_BASES[found.group(3).lower()]


def _stock_or_flow(
    text: str,
    quantity: Quantity,
    clause: tuple[int, int],
    sentence: tuple[int, int],
    concept: str | None,
    at_point: bool = False,
    outermost: bool = True,
) -> tuple[str, str | None]:
    if concept and STRONG_FLOW_RE.search(concept):
        return "flow", concept.split()[0]
    if concept and EVENT_NOUN_RE.search(concept):
        # deals, registrations, IPOs happen: counted "as of June 30" they are still a flow
        return "flow", concept.split()[-1]
    point = POINT_IN_TIME_RE.search(text, clause[0], clause[1])
    if (point or at_point) and quantity.unit_class != "currency":
        return "stock", point.group() if point else "point in time"
    near = []
    # "About 13,000 start-ups launched businesses", "Eight projects signed contracts": a bare count
    # opening its clause and what it did in the past is what happened in the period ("The 4,000
    # incubators hosted ..." is a level of things that already were)
    opens_clause = BARE_OPENING_RE.fullmatch(text, clause[0], quantity.start) is not None
    for cue in CUE_RE.finditer(text, clause[0], clause[1]):
        if quantity.start <= cue.start() < quantity.end:
            continue
        if cue.start() >= quantity.end and NEXT_PHRASE_RE.search(text, quantity.end, cue.start()):
            continue  # "... 80,000 startups and employing 1.75 million": the next phrase's verb
        if (
            cue.start() >= quantity.end
            and quantity.counted
            and not NOUN_CUE_RE.fullmatch(cue.group())
            and not PASSIVE_GAP_RE.fullmatch(text, quantity.end, cue.start())
            and not (
                opens_clause and cue.group("flow") and PAST_EVENT_RE.fullmatch(cue.group())
                and SUBJECT_GAP_RE.fullmatch(text, quantity.end, cue.start())
            )
        ):
            continue  # "The 4,000 incubators hosted ...": what the subject did, not what it is
        if (
            cue.end() <= quantity.start
            and quantity.counted
            and NOUN_CUE_RE.fullmatch(cue.group())
            and OF_COMPLEMENT_RE.match(text, cue.end(), quantity.start)
        ):
            continue  # "the revenue of the country's 169 zones": the zones are no revenue
        # Before the figure counts as nearer than the same distance after it.
        distance = 2 * (quantity.start - cue.end()) if cue.end() <= quantity.start else 2 * (cue.start() - quantity.end) + 1
        near.append((distance, "flow" if cue.group("flow") else "stock", cue.group()))
    if quantity.unit_class == "currency":
        stock_money = (
            STOCK_MONEY_RE.search(text, clause[0], clause[1])
            or STOCK_MONEY_BEFORE_RE.search(text, max(clause[0], quantity.start - 50), quantity.start)
            or RUNNING_TOTAL_BEFORE_RE.search(text, max(clause[0], quantity.start - 60), quantity.start)
        )
        if stock_money:
            return "stock", " ".join(stock_money.group().split())
        fund = FUND_AFTER_RE.match(text, quantity.end, clause[1])
        if fund:
            return "stock", fund.group().strip()
        flows = [cue for cue in near if cue[1] == "flow"]
        if flows:
            return "flow", min(flows)[2]
        return "flow", None
    if near:
        _, kind, words = min(near)
        if outermost and kind == "stock" and WEAK_STOCK_CUE_RE.fullmatch(words):
            # "individual businesses registered in Jiangsu this year has reached 275,000"
            events = [
                cue for cue in near
                if cue[1] == "flow" and cue[0] % 2 == 0 and not TIME_CUE_RE.fullmatch(cue[2])
            ]  # fmt: skip (said before the figure: in its subject)
            if events and SPAN_TIME_RE.search(text, clause[0], clause[1]):
                return "flow", min(events)[2]
        return kind, words
    if quantity.unit_class == "count" and not at_point:
        event = EVENT_VERB_AFTER_RE.match(text, quantity.end, clause[1])
        if event and not STATE_VERB_RE.fullmatch(event.group("verb")):
            # "362,000 private businesses have been canceled": what happened to them in the period
            return "flow", event.group("verb")
    if clause != sentence:
        # No cue in the figure's clause: the sentence's ("The increase of business
        # registration has been extraordinary, jumping from 9.46 million ...").
        kind, cue = _stock_or_flow(text, quantity, sentence, sentence, concept, at_point, outermost=False)
        if cue is not None:
            return kind, cue
    if outermost and quantity.unit_class == "count" and not at_point:
        span = SPAN_TIME_RE.search(text, clause[0], clause[1])
        if span and not SUBJECT_COUNT_BEFORE_RE.search(text[clause[0] : quantity.start].strip()):
            # "It facilitated 5.1 billion rides in 2020": what was done over a span of time
            # (the subject counted, "In 2019, China's 169 zones created ...", stays a level)
            return "flow", SPAN_DEFAULT_CUE + " ".join(span.group().split())
    return "stock", None


def read_meaning(
    text: str,
    quantity: Quantity,
    sentence: tuple[int, int],
    at_point: bool = False,
    breaks: list[tuple[int, int]] | None = None,
) -> Meaning:
    """The meaning of one figure; `sentence` is the (start, end) of the sentence holding it;
    `at_point` when its period is a point in time ("by the end of 2015", from figures.context);
    `breaks` the sentence's clause breaks (found here when not given)."""
    if breaks is None:
        breaks = _clause_breaks(text, sentence)
    clause = _clause(breaks, quantity.start, quantity.end, sentence)
    whole_sentence = sentence
    sentence = (max(sentence[0], quantity.start - CUE_WINDOW), min(sentence[1], quantity.end + CUE_WINDOW))
    concept = _concept(text, quantity, clause, sentence)
    if quantity.equivalent_of is not None:
        return Meaning(concept, "other")  # a restatement takes its original's meaning
    before = text[max(clause[0], quantity.start - 60) : quantity.start]
    if quantity.unit_class == "currency" and quantity.qualifier in THRESHOLD_QUALIFIERS:
        threshold = THRESHOLD_BEFORE_RE.search(before) or WITH_THRESHOLD_BEFORE_RE.search(before)
        if threshold:
            return Meaning(concept, "other", "threshold: " + " ".join(threshold.group().split()))
    if quantity.unit_class in ("count", "currency") and quantity.change is None:
        bound = BOUND_AFTER_RE.match(text, quantity.end, min(clause[1], quantity.end + 30))
        if bound and BOUND_GROUP_BEFORE_RE.search(before):
            # "bound:", not "threshold:": the group's place is still the figure's (dbt reads
            # no place for a valuation threshold)
            return Meaning(concept, "other", "bound: " + " ".join(bound.group().split()))
    if quantity.unit_class == "currency" and quantity.qualifier == "under":
        ceiling = WITH_THRESHOLD_BEFORE_RE.search(before)
        if ceiling:
            return Meaning(concept, "other", "bound: " + " ".join(ceiling.group().split()))
    if quantity.unit_class == "currency" and quantity.change is None:
        benefit = policy_benefit_words(text, quantity.start, quantity.end, whole_sentence)
        if benefit:
            # what a policy gives each recipient: a value per member ("an award of 400,000 yuan"),
            # or a bound of one ("a subsidy of at least 50,000 yuan")
            if quantity.qualifier in ("over", "under"):
                return Meaning(concept, "other", "bound: " + benefit)
            return Meaning(concept, "rate", "per recipient: " + benefit)
    pair_end = _pair_end(text, quantity, clause, before)
    if quantity.unit_class == "percent" and pair_end:
        share = SHARE_RE.search(text, max(clause[0], quantity.start - 80), min(clause[1], quantity.end + 20))
        return Meaning(concept, "share", share.group() if share else pair_end)
    if (quantity.change is not None or quantity.change_basis_text or quantity.is_percentage_point) and not pair_end:
        return Meaning(concept, "change", quantity.change_basis_text or quantity.change)
    if quantity.unit_class == "multiplier":
        # "half of", "one third of" are parts of a whole; "three times", "5-fold" are changes.
        if quantity.unit == "fraction":
            return Meaning(concept, "share", quantity.text)
        if other := MULTIPLE_OF_ANOTHER_RE.match(text, quantity.end, min(sentence[1], quantity.end + 40)):
            # "ten times that of India", "three times the national average": a comparison with
            # another figure, no change over time
            return Meaning(concept, "other", "multiple of another: " + " ".join(other.group().split()))
        return Meaning(concept, "change", quantity.text)
    if quantity.unit_class == "percent":
        just_before = text[max(clause[0], quantity.start - 30) : quantity.start]
        growth = list(GROWTH_RE.finditer(just_before))
        # "rose 25 percent" is a change; "rose to 3.0%", "from 1.2 percent" are levels.
        if growth and not LEVEL_AFTER_GROWTH_RE.search(just_before, growth[-1].end()):
            return Meaning(concept, "change", growth[-1].group())
        growth_after = GROWTH_AFTER_RE.match(text, quantity.end, min(clause[1], quantity.end + 40))
        if growth_after:
            return Meaning(concept, "change", " ".join(growth_after.group().split()))
        share = SHARE_RE.search(text, max(clause[0], quantity.start - 40), min(clause[1], quantity.end + 20))
        return Meaning(concept, "share", share.group() if share else None)
    if quantity.unit_class == "count" and not quantity.counted and (
        RATIO_AFTER_RE.match(text, quantity.end) or RATIO_BEFORE_RE.search(text, max(0, quantity.start - 10), quantity.start)
    ):
        return Meaning(concept, "share", "ratio")
    rate_words = _rate_words(text, quantity, clause)
    per_head = (
        PER_HEAD_RE.match(text, quantity.end, min(clause[1], quantity.end + PER_HEAD_REACH))
        or PER_HEAD_BEFORE_RE.search(text, max(clause[0], quantity.start - 60), quantity.start)
        or PER_MEMBER_BEFORE_RE.search(text, max(sentence[0], quantity.start - 120), quantity.start)
        or ON_AVERAGE_OPENING_RE.match(text, sentence[0], quantity.start)
    )
    if per_head and not rate_words:
        # "employ 7.9 people on average", "133 enterprises per thousand people": a value per
        # unit of something, not a total (a time basis, "every day on average", is read below)
        return Meaning(concept, "rate", per_head.group().strip())
    basis = _time_basis(quantity.per)
    if basis:
        return Meaning(concept, "rate", quantity.per)
    per = quantity.per
    if per in PER_YEAR_BASES and quantity.unit_class == "count" and not _says_per_year(text, quantity):
        per = None  # "the annual revenue of the country's 169 zones": the zones are not yearly
    if per in PER_YEAR_BASES:
        return Meaning(concept, "flow", per)  # "3,000 startups a year"
    if per:
        return Meaning(concept, "price", per)
    if quantity.unit_class not in ("count", "currency", "area", "length", "mass"):
        return Meaning(concept, "other")
    if rate_words and not per:
        return Meaning(concept, "rate", rate_words, rate_basis=rate_words)
    if quantity.unit_class == "count":
        survey = SURVEY_BEFORE_RE.search(text, max(clause[0], quantity.start - 40), quantity.start) or SURVEY_AFTER_RE.match(
            text, quantity.end, min(clause[1], quantity.end + 60)
        )
        if survey:
            # "surveyed 309 angel investors", "3,000 respondents": the study's sample, no statistic
            return Meaning(concept, "other", "survey: " + " ".join(survey.group().split()))
        batch = BATCH_BEFORE_RE.search(text, max(sentence[0], quantity.start - 40), quantity.start)
        if batch:
            # "the first batch of 11 incubators": what a list admitted, a flow whatever framed it
            return Meaning(concept, "flow", FORM_CUE + " ".join(batch.group().split()))
    kind, cue = _stock_or_flow(text, quantity, clause, sentence, concept, at_point)
    return Meaning(concept, kind, cue)


def read_meanings(
    text: str,
    quantities: Sequence[Quantity],
    sentences: Sequence[tuple[int, int]] | None = None,
    points: Sequence[bool] | None = None,
) -> list[Meaning]:
    """One Meaning per quantity, in order. A restatement ("($7.83 billion)") takes the meaning
    of the figure it restates. `sentences` are (start, end) spans sorted by start; the whole
    text is one sentence when they are not given. `points` says, per quantity, whether its
    period is a point in time (MentionContext.period_is_point_in_time). Chinese text has cue
    words of its own (figures.chinese_meaning)."""
    if reads_as_chinese(text):
        return read_chinese_meanings(text, quantities, sentences, points)
    spans = list(sentences) if sentences else [(0, len(text))]
    starts = [start for start, _ in spans]
    meanings = []
    positions = [max(bisect.bisect_right(starts, quantity.start) - 1, 0) for quantity in quantities]
    breaks_of: dict[int, list[tuple[int, int]]] = {}  # per sentence, found once
    restated = restatements_by_sentence(quantities, positions, spans)
    for index, (quantity, position) in enumerate(zip(quantities, positions)):
        if position not in breaks_of:
            breaks_of[position] = _clause_breaks(text, spans[position], restated.get(position, ()))
        meanings.append(
            read_meaning(text, quantity, spans[position], bool(points and points[index]), breaks_of[position])
        )
    for index in range(1, len(quantities)):
        # A figure with no concept of its own takes one from the figure before it in its
        # sentence: "3,034 of them"; a sum totalling a count ("547 deals ... totaling $341.4
        # million"); the next member of a series ("from 31,000 a day in 2013 to 52,000 a day").
        # Durations ("in the first 11 months") are skipped.
        quantity = quantities[index]
        before = index - 1
        while before > 0 and quantities[before].unit_class == "duration" and positions[before] == positions[index]:
            before -= 1
        previous, previous_concept = quantities[before], meanings[before].concept
        if positions[before] != positions[index] or previous_concept is None or quantity.equivalent_of is not None:
            continue
        gap = text[previous.end : quantity.start]
        of_them = quantity.unit_class == "count" and OF_THEM_AFTER_RE.match(text, quantity.end)
        # "... stood at 37.73 percent, with the number surpassing 1.51 million": the number of
        # what the figure before it was about
        back_reference = meanings[index].concept is None and BACK_REFERENCE_BEFORE_RE.search(
            text, max(previous.end, quantity.start - 60), quantity.start
        )
        totalling = quantity.unit_class == "currency" and previous.unit_class == "count" and TOTALLING_GAP_RE.match(gap)
        series = meanings[index].concept is None and quantity.unit == previous.unit and SERIES_GAP_RE.match(gap)
        if back_reference:
            # the number of individual businesses, not of their share
            previous_concept = WHOLE_OF_RE.sub("", previous_concept) or previous_concept
        if of_them or totalling or series or back_reference:
            meanings[index] = replace(meanings[index], concept=previous_concept)
    shared_event: str | None = None  # the verb after the list that follows the figure
    for index in range(len(quantities) - 2, -1, -1):
        # "23 engineering centers, 12 incubators and 10 productivity centers have been newly
        # built": the verb after a list of counts says what happened to each of them
        quantity, following = quantities[index], quantities[index + 1]
        listed = (
            quantity.unit_class == "count" and following.unit_class == "count"
            and positions[index] == positions[index + 1]
            and LIST_GAP_RE.fullmatch(text, quantity.end, following.start) is not None
        )  # fmt: skip
        if not listed:
            shared_event = None
            continue
        if shared_event is None:
            event = EVENT_VERB_AFTER_RE.match(text, following.end, min(len(text), following.end + 120))
            shared_event = event.group("verb") if event and not STATE_VERB_RE.fullmatch(event.group("verb")) else None
        if shared_event and meanings[index].measure_cue is None and meanings[index].measure_type == "stock":
            meanings[index] = replace(meanings[index], measure_type="flow", measure_cue=shared_event)
    for index in range(1, len(quantities)):
        # "Among them, 51,800 were individually owned businesses", "12 of them": a part of a group
        # the text counted just before is a level or an amount as that group is, unless its own
        # words said which.
        quantity, meaning = quantities[index], meanings[index]
        if quantity.unit_class != "count" or meaning.measure_cue is not None or meaning.measure_type not in ("stock", "flow"):
            continue
        sentence_start = spans[positions[index]][0]
        leads = PART_OF_GROUP_BEFORE_RE.search(text, max(sentence_start, quantity.start - 40), quantity.start)
        if not (leads or OF_THEM_AFTER_RE.match(text, quantity.end)):
            continue
        group = next(
            (i for i in range(index - 1, -1, -1)
             if quantities[i].unit_class == "count" and quantities[i].unit == quantity.unit
             and positions[i] >= positions[index] - 1 and quantities[i].equivalent_of is None),
            None,
        )  # fmt: skip
        if group is not None and positions[group] >= positions[index] - 1 and meanings[group].measure_type in ("stock", "flow"):
            meanings[index] = replace(meaning, measure_type=meanings[group].measure_type, measure_cue="part of a group")
    for index in range(1, len(quantities)):
        # "US$30-50 thousands a kilogram internationally and US$20-30 thousands in China": a
        # figure with no basis or cue of its own after a price in its sentence is a price too.
        # Likewise "the growth of high tech industry was 12.3% while conventional manufacturing
        # was 8.3%": a percentage with no cue after a change in its sentence is a change.
        previous, meaning = meanings[index - 1], meanings[index]
        if (
            meaning.measure_cue is None
            and quantities[index].unit == quantities[index - 1].unit
            and positions[index - 1] == positions[index]
        ):
            if previous.measure_type == "price" and meaning.measure_type in ("stock", "flow"):
                basis = quantities[index - 1].per or previous.rate_basis
                meanings[index] = Meaning(meaning.concept, "price", previous.measure_cue, basis)
            elif previous.measure_type == "change" and meaning.measure_type == "share":
                meanings[index] = Meaning(meaning.concept, "change", previous.measure_cue)
            elif previous.measure_type == "stock" and meaning.measure_type == "flow" and quantities[index].unit_class == "currency":
                # "Ant Financial (worth $75 billion); Xiaomi ($46 billion)": a list of valuations
                meanings[index] = Meaning(meaning.concept, "stock", previous.measure_cue)
    for index in range(2, len(quantities)):
        # "were 731.3 million, an increase of 36% from 536.3 million in the same period": the base
        # of a change measures what the figure that changed measures
        level = index - 2
        if quantities[level].equivalent_of is not None and 0 <= quantities[level].equivalent_of < level:
            level = quantities[level].equivalent_of  # "RMB894.4 (US$130.2), an increase of 99% from RMB449.2"
        change, base = quantities[index - 1], quantities[index]
        if (
            meanings[index - 1].measure_type == "change" and base.unit == quantities[level].unit and base.unit_class in ("count", "currency")
            and positions[level] == positions[index] and BASE_OF_CHANGE_GAP_RE.fullmatch(text, change.end, base.start)
            and meanings[level].measure_type in ("stock", "flow", "rate")
        ):  # fmt: skip
            meanings[index] = replace(meanings[index], measure_type=meanings[level].measure_type, measure_cue="base of a change",
                                      rate_basis=meanings[level].rate_basis)  # fmt: skip
    for index, quantity in enumerate(quantities):
        original = quantity.equivalent_of
        if original is not None and 0 <= original < len(meanings) and original != index:
            meanings[index] = meanings[original]
    return meanings
