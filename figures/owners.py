"""Whose figure it is: an organisation's (a company, an investor, a fund) or a place's.

    >>> from figures.quantities import extract
    >>> text = "Meituan said its revenue rose to RMB65.2 billion in 2018."
    >>> owner = read_owners(text, extract(text), title="Meituan 2018 annual results")[0]
    >>> owner.name, owner.is_organisation
    ('Meituan', True)
    >>> text = "By the end of 2016, China had 3,255 incubators."
    >>> read_owners(text, extract(text))[0].is_organisation
    False

A figure a company reports about itself ("Total gross profit increased to RMB15.1 billion",
"Hillhouse clinched 54 investment deals", "We had cash of RMB13.4 billion") holds nowhere in
particular: filing it under the country by default, as a national figure, is wrong. Whether a
figure is an organisation's is read from features that name no company: a capitalised name
that is no known place acting as the clause's subject or possessor, company suffixes (Inc,
Group, Capital), first person (a press release's "our platform"), back-references ("the
company", "it"), words of company accounts near the figure (revenue, net loss, valuation,
users), words of official statistics (nationwide, the ministry, market entities), and the title
(results, IPO, raises). A logistic regression over them, trained on the development documents
of the meaning corpus (benchmarks/train_owner_model.py, weights models/owner_model.json; a Chinese
text's figures: models/owner_model_zh.json), gives
the probability that the figure is an organisation's; `name` is the organisation's name as
written when the sentence gives one. dbt keeps catalog companies as the figure's entity and
uses the probability to withhold the national default. Pure Python, per document.

An organisation's figure also gets the organisation it belongs to, within its document: the
name its sentence gives ("Xiaomi's operating profit", "bike-sharing firm ofo raised"), else,
when the sentence refers back ("the company", "it", "the Hangzhou-based firm") or names no one,
the organisation last named as a subject in the sentences before, else the one the title names.
`key` is a stable id for that organisation, read from its name alone (lower case, legal-form
words such as Inc, Group, Holdings, Co Ltd dropped), so the same company named the same way in
two documents gets one key; within a document a shorter form of a name ("Meituan" beside
"Meituan Dianping") takes the longer form's key. A name the entity seed knows as a company's
alias takes the seed's id.

    >>> text = "Xiaomi Corp filed for an IPO. The company made a net loss of 43.89 billion yuan."
    >>> owner = read_owners(text, extract(text), [(0, 29), (30, len(text))], "Xiaomi files for IPO")[0]
    >>> owner.key, owner.name, owner.source
    ('xiaomi', 'Xiaomi Corp', 'back_reference')
"""

from __future__ import annotations

import bisect
import csv
import json
import math
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Protocol

from figures.chinese_owners import (
    chinese_first_person_share,
    chinese_organisation_key,
    chinese_owner_features,
    last_named_organisation,
    title_reading,
)
from figures.chinese_owners import refers_back as chinese_refers_back
from figures.cue_index import CueFinder, TextCues
from figures.meaning import CLAUSE_BREAK_RE
from figures.quantities import Quantity
from figures.quantities.chinese import reads_as_chinese

REPO_ROOT = Path(__file__).resolve().parent.parent
ENTITY_SEED = REPO_ROOT / "dbt_project" / "seeds" / "entities.csv"
DEFAULT_MODEL = Path(__file__).resolve().parent / "models" / "owner_model.json"
# A Chinese text's figures are read by the model they were tuned with, trained before the English
# model took organisation_subject (a feature the Chinese reading does not give): refitting the
# shared weights around an English-only feature moved Chinese company filings' figures.
CHINESE_MODEL = Path(__file__).resolve().parent / "models" / "owner_model_zh.json"

NEAR_BEFORE, NEAR_AFTER = 80, 60  # characters around a figure read as its near words
CLAUSE_REACH = 200

# A capitalised name: one to four capitalised words (hyphens, ampersands and "of" inside).
NAME = r"(?:[A-Z][\w&.-]*[\w&]|[A-Z])(?:\s+(?:of\s+|&\s+|de\s+)?(?:[A-Z][\w&.-]*[\w&]|[A-Z]\b)){0,3}"
NAME_RE = re.compile(NAME)
ORGANISATION_SUFFIX_RE = re.compile(
    r"\b(?:Inc|Corp|Corporation|Co|Company|Ltd|Limited|LLC|PLC|plc|AG|SA|Group|Holdings?|"
    r"Technolog(?:y|ies)|Tech|Capital|Ventures?|Partners|Bank|Securities|Investments?|Motors?|"
    r"Airlines|Financial|Fund|Labs?|Networks?|Electronics|Pharma(?:ceuticals?)?|Biotech|Media|"
    r"Platforms?|Foundation)\b\.?"
)
# A name after words that cite a source ("according to KPMG", "data from Crunchbase", "a report
# by PwC") is who measured or reported the figure, not whose it is.
ATTRIBUTION_BEFORE_RE = re.compile(
    r"(?i:\baccording\s+to|\b(?:data|figures|statistics|estimates?)\s+(?:from|by|of|compiled\s+by)|"
    r"\b(?:report|survey|study|research|analysis|ranking|index|poll)\s+(?:released\s+|published\s+)?(?:by|from)|"
    r"\b(?:cited|compiled|provided|published|released|tracked)\s+by)"
    r"\s+(?:the\s+|an?\s+)?(?:(?:[A-Z][\w&.-]*|and|of|&)\s+){0,3}$"
)
# Words that begin capitalised names yet name no organisation.
NOT_ORGANISATION = {
    "The", "A", "An", "In", "On", "At", "By", "For", "From", "Of", "As", "To", "With", "And",
    "But", "Or", "This", "That", "These", "Those", "It", "Its", "Their", "Our", "We", "They",
    "He", "She", "His", "Her", "There", "Here", "According", "Last", "Next", "Since", "After",
    "Before", "During", "Over", "About", "Nearly", "More", "Some", "All", "Total",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "Chinese", "State", "Council", "Ministry", "National", "Bureau",
    "Government", "Statistics", "Administration", "Commission", "Province", "City", "District",
    "Party", "Communist", "Premier", "President", "Mr", "Ms", "Dr", "Q1", "Q2", "Q3", "Q4",
    "H1", "H2", "RMB", "US", "USD", "CNY", "GDP", "R", "D", "Internet", "Plus", "Made",
    "Belt", "Road", "Five-Year", "Plan", "Mass", "Entrepreneurship", "Innovation", "Innovations",
    "Science", "Technology", "Development", "Reform", "Commerce", "Industry", "Information",
    "Finance", "Education", "Human", "Resources", "Social", "Security", "Market", "Regulation",
    "SAIC", "SAMR", "NBS", "NDRC", "MIIT", "MOST", "MOFCOM", "PBOC", "CSRC", "Xinhua",
    "However", "Meanwhile", "Moreover", "Also", "Still", "Yet", "While", "Although", "When",
    "Among", "Between", "Under", "Across", "Through", "Currently", "Now", "Today",
}  # fmt: skip
# A mainland stock market or board ("the STAR Market", "ChiNext", "the SME Board"): the companies
# listed on it are no one organisation, and its totals are the country's (an exchange itself is an
# organisation, and a company named after a board, "GEM Co", keeps its name).
MARKET_NAME_RE = re.compile(
    r"(?:the\s+)?(?:(?:SSE\s+)?STAR|ChiNext|GEM|NEEQ|SME|Growth\s+Enterprise|Sci-Tech\s+Innovation|New\s+Third|Main)"
    r"(?:\s+(?:Market|Board))?"
)
PLACE_WORDS = {"Province", "City", "District", "County", "Zone", "Park", "Area", "Region", "Town"}
SUBJECT_VERB_RE = re.compile(
    r"\s*(?:\([^)]{0,40}\)\s*)?(?:,[^,]{0,60},\s*)?(?:has|have|had|is|was|were|are|said|says|"
    r"reported|reports|posted|booked|recorded|raised|raises|secured|received|closed|completed|"
    r"clinched|announced|claims|claimed|plans|planned|expects|expected|made|makes|sold|sells|"
    r"earned|generated|invested|invests|led|acquired|bought|employs|employed|served|serves|"
    r"attracted|achieved|registered|owns|operates|operated|holds|held|saw|sees|got|gets|won|"
    r"will|would|could|may|also|now|currently|alone|itself)\b"
)
POSSESSIVE_AFTER_RE = re.compile(r"['’]s?\b")
FIRST_PERSON_RE = re.compile(r"\b(?:we|our|us|We|Our)\b")
# "It has assisted ...", "Its Camera360, a photo app, has ...", "the four-year-old workspace
# sharing firm has set up ...": the sentence speaks of an organisation named before.
BACK_REFERENCE_RE = re.compile(
    r"(?:^\s*|[,;:]\s*|\band\s+)(?:[Ii]ts|[Ii]t|[Tt]he\s+(?:[\w-]+\s+){0,3}?(?:company|firm|startup|start-up|"
    r"group|platform|unicorn|giant|bank|fund|investor|lender|brand|retailer|operator|maker|carmaker|"
    r"developer|insurer|app|park|space|incubator|accelerator|university|school|cent(?:er|re)|hub))\b"
)
ACCOUNTS_RE = re.compile(
    r"\b(?i:revenues?|sales|turnover|income|profits?|loss(?:es)?|earnings|EBITDA|margins?|"
    r"cash(?:\s+flow)?|valuation|valued|market\s+(?:value|cap(?:italization)?)|IPO|listing|"
    r"shares?|stake|dividends?|users?|customers|subscribers|merchants|riders|drivers|orders|"
    r"transactions|GMV|GTV|gross\s+(?:merchandise|transaction)|funding\s+round|round|series\s+[a-f]|"
    r"financing|raised|raise|investors|backed|employees|staff|headcount|stores|outlets|fleet|"
    r"deliveries|downloads|bikes|vehicles|prospectus|fiscal|quarterly|year-over-year|"
    r"year-on-year|net\s+assets|total\s+assets|deals|portfolio|fund\s+size|assets\s+under\s+management)\b"
)
OFFICIAL_RE = re.compile(
    r"\b(?i:nationwide|countrywide|national|nation|country|provinces?|provincial|municipal|"
    r"cities|government|ministry|bureau|administration|commission|statistics|statistical|"
    r"official(?:s|ly)?|authorities|state\s+council|gdp|per\s+capita|residents|population|"
    r"market\s+entities|enterprises|incubators|makerspaces|maker\s+spaces|accelerators|"
    r"high-tech\s+zones?|self-employed|individual\s+businesses|registered|registrations|"
    r"startups|start-ups|smes|firms|companies)\b"
)
TITLE_COMPANY_RE = re.compile(
    r"\b(?i:results|earnings|IPO|listing|lists|revenues?|profits?|loss|valuation|valued|shares|"
    r"fiscal|acquires|acquisition|files)\b"
)
# A title about money raised: one company's round ("ofo in talks to raise ...") or a market's
# ("China's venture capital investments in 1H19"): the model weighs it with the other features.
TITLE_FUNDING_RE = re.compile(r"\b(?i:raises?|raised|funding|round|quarter|Q[1-4]|H[12]|1H|2H|investments?)\b")
# A sentence opening on a plural common noun ("Angel investors put in ...", "Startups in the
# Chinese mainland raised ...", "New companies ... stood at"): a market's aggregate.
PLURAL_SUBJECT_RE = re.compile(r"\s*(?:[Tt]he\s+)?(?:[A-Za-z-]+\s+){0,2}?[a-z-]*[a-z]s\b(?!['’])")
QUOTE_RE = re.compile(r"[\"“”]")
COUNTRY_RE = re.compile(r"\b(?:China|Chinese|the country|nationwide)\b")
# Words of a legal form or a corporate shell, dropped from a name to make its key: "Alibaba Group
# Holding Ltd" and "Alibaba" are one company; "Hillhouse Capital" keeps its "Capital" (the word
# tells an investor from a namesake company).
LEGAL_FORM_WORDS = {
    "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "plc",
    "ag", "sa", "group", "holding", "holdings", "the",
}  # fmt: skip
# A name written in lower case ("ofo", "iQiyi") is read where a descriptor introduces it:
# "bike-sharing firm ofo raised", "startup ofo's valuation".
DESCRIPTOR_NAME_RE = re.compile(
    r"\b(?:firm|company|start-?up|platform|giant|unicorn|operator|provider|maker|retailer|brand|"
    r"app|developer|service|lender|carmaker)\s+([a-z][\w.-]*[a-z0-9]|[A-Z][\w.&-]*[\w&](?:\s+[A-Z][\w.&-]*[\w&]){0,2})"
    r"(?=['’]s\b|\s*,|\s+(?:has|have|had|is|was|were|are|said|says|raises|raised|secured|received|"
    r"closed|completed|reported|posted|announced|files|filed|will|plans|expects|made|earned|"
    r"generated|got|won|saw|now|also|recorded|booked|leads|led))"
)
# A short name a press release defines for itself: (the "Company" or "Meituan").
DEFINED_TERM_RE = re.compile(r"(?:\(|\bor\s+)(?:the\s+)?[\"“]([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})[\"”]")
# "Beijing-based Ucommune" is Ucommune.
BASED_PREFIX_RE = re.compile(r"^\S+-based\s+")
# Capitalised words that act as subjects yet name no organisation: business acronyms.
NOT_NAMES = {"IPO", "CEO", "CFO", "CTO", "AI", "VC", "PE", "GMV", "GTV", "EBITDA", "R&D", "IT", "App", "Company", "Group"}
# A figure joined to the figure before it as its change or its share ("Hillhouse clinched 54
# deals involving 71.2 billion yuan, up 690% from a year ago", "has dismissed 400 employees, or 36
# percent of its total staff"): it is whoever's that figure is.
LINKED_TO_PREVIOUS_RE = re.compile(
    r"(?:\s+[^,;:()\d]{1,60}?)?\s*(?:\([^()]{0,40}\)\s*)?,\s*(?:up|down|an?\s+(?:increase|rise|jump|drop|decline|fall|growth)\s+of|"
    r"(?:rising|falling|increasing|decreasing|growing|jumping|surging|dropping|declining)(?:\s+by)?|"
    r"or(?:\s+(?:about|around|nearly|roughly|some|almost|over|more\s+than))?)\s*"
)
# The owner probability from which a figure the indicator chooser reads as a company's
# ("expand its service to 200 cities", "the company raised 3.1 billion RMB") counts as an
# organisation's when its organisation can be named: the two readings support each other.
SUPPORTED_FLOOR = 0.2
SUBJECT_REACH = 3  # sentences back that a back-reference or an unnamed figure may reach
# A name acting as a sentence's subject, with room for a press release's ticker and defined
# term between name and verb ("Meituan Dianping (HKG: 3690) (the "Company"), ... today announced").
SUBJECT_AFTER_RE = re.compile(
    SUBJECT_VERB_RE.pattern.replace(r"(?:\([^)]{0,40}\)\s*)?", r"(?:\([^)]{0,60}\)\s*){0,2}", 1).replace(
        r"(?:has|have|", r"(?:today\s+)?(?:has|have|", 1
    )
)

# A clause whose subject is one organisation acting with a verb ("Since then, the maker space has
# attracted 90,000 visitors", "Wang said Tencent has built 30 such facilities", "P2 now has been
# home to 1,200 startups", "now it employs 130 people"): its figures are that organisation's own.
# The subject opens the clause, after an opening adverbial and a reporting frame ("Luo told the
# audience that"); a back-referring noun names an organisation (a park or a zone is a place).
SUBJECT_FRAME = (
    r"\s*(?:(?:[A-Z][\w.-]*\s+){1,3}(?:said|says|noted|added|told\s+(?:[\w-]+\s+){1,3}?)\s*(?:that\s+)?)?"
    r"(?:(?:now|also|currently|so\s+far|already|recently)\s+)?"
)
SUBJECT_FRAME_RE = re.compile(SUBJECT_FRAME)
ORGANISATION_NOUN_SUBJECT_RE = re.compile(
    SUBJECT_FRAME + r"(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Tt]his|[Tt]hat)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:company|firm|start-?up|maker\s?space|co-?working\s+space|accelerator|incubator|platform|brand|"
    r"fund|investor|lender|bank|app|operator|unicorn|giant|retailer|carmaker)\s+"
)
COMPANY_NOUN_SUBJECT_RE = re.compile(
    SUBJECT_FRAME + r"(?:[Tt]he|[Oo]ur|[Tt]his|[Tt]hat)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:company|firm|start-?up|platform|brand|app|operator|unicorn|giant|retailer|carmaker|lender)\s+"
)
NAME_SUBJECT_RE = re.compile(SUBJECT_FRAME + r"(" + NAME + r")\s+")
# A speaker with an appositive before the reporting verb ("Mao, founder of X, said his brand aims
# to ..."): the frame a sentence (not a clause) may open with.
SPEAKER_FRAME_RE = re.compile(r"\s*(?:[A-Z][\w.-]*\s*){1,3},[^,;]{0,60},\s*(?:said|says|noted|added)\s+(?:that\s+)?")
# "China's bike-sharing firm ofo raises ...", "Bike-sharing platform ofo said it has ...": a
# descriptor introducing the name (DESCRIPTOR_NAME_RE) opens the clause
DESCRIPTOR_SUBJECT_RE = re.compile(
    SUBJECT_FRAME + r"(?:(?:[Tt]he|[A-Z][\w-]*['’]s)\s+)?(?:[\w-]+\s+){0,3}?" + DESCRIPTOR_NAME_RE.pattern + r"\s+"
)
PRONOUN_SUBJECT_RE = re.compile(SUBJECT_FRAME + r"(?:it|It)\s+")
# the verb right after the subject: a finite verb, not a noun ("The company started", "Tencent has
# built"; not "The company's", "The firm value")
ACTING_VERB_RE = re.compile(
    r"(?:now\s+|also\s+|currently\s+|alone\s+|itself\s+|already\s+|recently\s+)?"
    r"(?:has|have|had|is|was|will|would|can|could|plans|aims|expects|[a-z]{2,}ed|[a-z]{2,}(?<!s)s|"
    r"built|made|sold|won|got|grew|spent|set|brought|took|drew|hit|saw|put|kept|led|ran|became)\b"
)

# A company's own release or filing: a ticker after its name ("(NASDAQ: PDD)"), the release's
# defined term ("(the "Company")"), the results it announces, its legal notices.
TICKER = r"\((?:NYSE|NASDAQ|Nasdaq|HKEX|HKSE|SEHK|HKG|HK|SSE|SZSE|SGX|TSX|LSE|OTC\w*|NYSE\s+American)\s*:\s*[\w.]+\)"
RELEASE_GENRE_RE = re.compile(
    TICKER + r"|\((?:the\s+)?[\"“](?:Company|Group)[\"”]"
    r"|\bannounced\s+(?:its\s+|the\s+)?(?:unaudited\s+)?(?:[\w-]+\s+){0,5}?(?:financial|operating)\s+results\b"
    r"|\b(?i:unaudited\s+financial\s+results|forward-looking\s+statements|safe\s+harbor\s+statement)\b"
)
# Organisations a document introduces as such, whatever their case: the name before a ticker
# ("Pinduoduo Inc. (...) (NASDAQ: PDD)"), a name with an appositive of a company's kind ("Ucommune,
# a Beijing-based co-working startup,"), a name a descriptor introduces ("bike-sharing firm ofo").
TICKER_NAME_RE = re.compile(r"(" + NAME + r"|[a-z][\w.-]*[a-z0-9])\.?,?\s*(?:\([^)]{0,60}\)\s*)?" + TICKER)
# the last word of a name in a company's legal form ("Hello Inc.", "Lufax Holding Ltd")
LEGAL_NAME_ENDS = {"Inc", "Corp", "Corporation", "Co", "Ltd", "Limited", "LLC", "PLC", "plc", "Holding", "Holdings"}
APPOSITIVE = (
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:company|firm|start-?up|platform|giant|unicorn|operator|provider|maker|retailer|brand|developer|"
    r"lender|carmaker|insurer|group|conglomerate|fund|investor|subsidiary)\b(?!['’])"
)
APPOSITIVE_NAME_RE = re.compile(r"(" + NAME + r"|\b[a-z][\w.-]*[a-z0-9])" + APPOSITIVE)
# What every match of the two above contains: a text without it is not scanned name by name
# (each capitalised or lower-case word starts an attempt)
TICKER_RE = re.compile(TICKER)
APPOSITIVE_RE = re.compile(APPOSITIVE)

# The word lists owner_features searches in every figure's sentence and near words: one pass
# over a document finds where their words are (figures.cue_index), so that a window holding
# none of them is not searched.
OWNER_CUES = CueFinder([ACCOUNTS_RE, OFFICIAL_RE])

FEATURES = (
    "suffix_name_in_clause", "suffix_name_in_sentence", "subject_name_before", "possessor_name_before",
    "name_after_in_clause", "first_person", "first_person_document", "back_reference",
    "accounts_near", "accounts_in_sentence", "official_near", "official_in_sentence",
    "place_in_clause", "country_in_clause", "title_company", "title_place", "quoted",
    "currency", "count", "percent", "counted_plural_official", "title_name", "title_name_in_sentence",
    "title_funding", "plural_subject", "organisation_subject",
    "release_genre", "sentence_organisation_subject", "introduced_organisation_near", "valuation",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Owner:
    """Whose figure: `probability` that an organisation's, `name` as written when given."""

    probability: float | None  # None: not read
    name: str | None = None
    threshold: float | None = None
    key: str | None = None  # the organisation's stable id (see organisation_key)
    source: str | None = None  # where the name was read: sentence, back_reference or document_title
    supported: bool = False  # below the threshold, but a company indicator and a named owner bear it out

    @property
    def is_organisation(self) -> bool | None:
        if self.probability is None or self.threshold is None:
            return None
        return self.probability >= self.threshold or self.supported


@lru_cache(maxsize=2)
def place_aliases(path: Path = ENTITY_SEED) -> frozenset[str]:
    """The entity seed's place names, whole, as written (the capitalised aliases)."""
    with open(path, newline="", encoding="utf-8") as handle:
        return frozenset(
            alias.strip() for row in csv.DictReader(handle) if row["kind"] == "place"
            for alias in row["aliases"].split("|") if alias.strip()[:1].isupper()
        )


@lru_cache(maxsize=2)
def _place_names(path: Path = ENTITY_SEED) -> frozenset[str]:
    """Place names of the entity seed, and the capitalised words that start them."""
    aliases = place_aliases(path)
    return aliases | {alias.split()[0] for alias in aliases}


def _is_place(name: str) -> bool:
    places = _place_names()
    words = name.split()
    return name in places or words[0] in places or words[-1] in PLACE_WORDS


def _organisation_names(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Capitalised names in [start, end) that could be organisations: function words and
    titles stripped from their start, no known place, no one- or two-letter abbreviation."""
    found = []
    for match in NAME_RE.finditer(text, start, end):
        words = match.group().split()
        while words and words[0] in NOT_ORGANISATION:
            words = words[1:]
        if not words:
            continue
        name = " ".join(words)
        name_start = match.end() - len(name) if match.group().endswith(name) else match.start()
        if _is_place(name) or all(word in NOT_ORGANISATION for word in words) or MARKET_NAME_RE.fullmatch(name):
            continue
        if name.isupper() and len(name) <= 2:
            continue
        if ATTRIBUTION_BEFORE_RE.search(text, max(start, name_start - 60), name_start):
            continue
        found.append((name_start, match.end(), name))
    return found


@lru_cache(maxsize=64)
def _title_reading(title: str) -> tuple[dict[str, float], frozenset[str]]:
    """The title's features and the organisation names it gives: one reading per document,
    not one per figure."""
    names = frozenset(found for _, _, found in _organisation_names(title, 0, len(title)))
    features = {
        "title_company": float(bool(TITLE_COMPANY_RE.search(title))),
        "title_funding": float(bool(TITLE_FUNDING_RE.search(title))),
        "title_place": float(any(_is_place(m.group()) for m in NAME_RE.finditer(title))),
        "title_name": float(bool(names)),
    }
    return features, names


def _clause_start(text: str, sentence: tuple[int, int], position: int) -> int:
    start = max(sentence[0], position - CLAUSE_REACH)
    breaks = [m.end() for m in CLAUSE_BREAK_RE.finditer(text, start, position)]
    return breaks[-1] if breaks else start


@lru_cache(maxsize=64)
def _sentence_reading(
    text: str, start: int, end: int, title: str | None, cues: TextCues | None = None
) -> tuple[list[tuple[int, int, str]], dict[str, float]]:
    """The names and the features of one sentence (with the title's) that owner_features reads
    for every figure in it: read once per sentence, not once per figure. (Not to be changed by
    the caller.)"""
    sentence_text = text[start:end]
    names = _organisation_names(text, start, end)
    features = {}
    if any(ORGANISATION_SUFFIX_RE.search(n[2]) for n in names):
        features["suffix_name_in_sentence"] = 1.0
    if FIRST_PERSON_RE.search(sentence_text):
        features["first_person"] = 1.0
    features["accounts_in_sentence"] = float(_found(ACCOUNTS_RE, text, start, end, cues))
    features["official_in_sentence"] = float(_found(OFFICIAL_RE, text, start, end, cues))
    if title:
        title_features, title_names = _title_reading(title)
        features.update(title_features)
        # the document's subject named around the figure (its sentence or the one before)
        reach = text[max(0, start - 300) : end]
        if any(found.split()[0] in reach for found in title_names):
            features["title_name_in_sentence"] = 1.0
    features["quoted"] = float(bool(QUOTE_RE.search(sentence_text)))
    return names, features


def _found(pattern: re.Pattern, text: str, start: int, end: int, cues: TextCues | None) -> bool:
    """Whether `pattern` matches in text[start:end], searched only where the cue index (of
    OWNER_CUES, over `text`) leaves a word it needs."""
    if cues is not None and not cues.may_match(pattern, (start, end)):
        return False
    return bool(pattern.search(text[start:end]))


def _acting_organisation(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] opens with one organisation as its subject followed by a verb."""
    noun = ORGANISATION_NOUN_SUBJECT_RE.match(text, start, end)
    if noun:
        return bool(ACTING_VERB_RE.match(text, noun.end(), end))
    described = DESCRIPTOR_SUBJECT_RE.match(text, start, end)
    if described:
        return bool(ACTING_VERB_RE.match(text, described.end(), end))
    named = NAME_SUBJECT_RE.match(text, start, end)
    if not named:
        return False
    name = named.group(1)
    words = name.split()
    if (
        words[0] in NOT_ORGANISATION
        or _is_place(name)
        or name in NOT_NAMES
        # "US", "EU": an abbreviation of a place or a bloc ("P2", a space's name, has a digit)
        or (name.isupper() and len(name) <= 2 and not any(c.isdigit() for c in name))
    ):
        return False
    return bool(ACTING_VERB_RE.match(text, named.end(), end))


def _organisation_subject(text: str, sentence: tuple[int, int], clause_start: int, position: int) -> bool:
    """The figure's clause has one organisation as its subject, named or referred back to, or
    "it" after a sentence that opened on one ("The company started off ..., but now it employs")."""
    return _opens_acting(text, sentence, clause_start, position, _acting_organisation, opener_end=clause_start)


def _subject_refers_back(text: str, sentence: tuple[int, int], position: int) -> bool:
    """The figure's clause opens with a company referred back to by a noun, acting ("the
    2-year-old O2O start-up has dismissed ..."), or with "it" acting in a sentence that opened so.
    Not a name: a capitalised word opening a headline ("Country has funneled ...") or a place the
    seed does not list ("Xuhui would have ...") passes for one."""
    clause_start = _clause_start(text, sentence, position)
    return _opens_acting(text, sentence, clause_start, position, _noun_acting, opener_end=position)


def _opens_acting(text: str, sentence: tuple[int, int], clause_start: int, position: int, opens, opener_end: int) -> bool:
    """The clause before the figure opens with what `opens` finds acting, or with "it" acting in a
    sentence whose opening (up to `opener_end`) `opens` finds so."""
    if opens(text, clause_start, position):
        return True
    return clause_start > sentence[0] and _pronoun_acting(text, clause_start, position) and opens(text, sentence[0], opener_end)


def _pronoun_acting(text: str, start: int, end: int) -> bool:
    """text[start:end] opens with "it" as a subject, acting."""
    pronoun = PRONOUN_SUBJECT_RE.match(text, start, end)
    return bool(pronoun and ACTING_VERB_RE.match(text, pronoun.end(), end))


def _noun_acting(text: str, start: int, end: int) -> bool:
    """text[start:end] opens with a company referred back to by a noun, acting ("The company has
    been accelerating ..."; not a fund, a bank or a space: "The fund will operate for up to 20
    years" is a state fund's, "It is equipped with 12 meeting rooms" a maker space's in its city)."""
    noun = COMPANY_NOUN_SUBJECT_RE.match(text, start, end)
    return bool(noun and ACTING_VERB_RE.match(text, noun.end(), end))


@dataclass(frozen=True, slots=True)
class DocumentReading:
    """What the features read once per document: whether it is a company's own release or
    filing, and the organisations it introduces as such (introduced_organisations)."""

    release: bool = False
    introduced: tuple[str, ...] = ()
    introduced_re: re.Pattern | None = None


def read_document(text: str) -> DocumentReading:
    introduced = introduced_organisations(text)
    pattern = (
        re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(introduced, key=len, reverse=True)) + r")(?![\w-])")
        if introduced
        else None
    )
    return DocumentReading(bool(RELEASE_GENRE_RE.search(text)), introduced, pattern)


def introduced_organisations(text: str) -> tuple[str, ...]:
    """Names the text introduces as an organisation's, legal-form words at their end dropped
    ("Pinduoduo Inc. (NASDAQ: PDD)" -> "Pinduoduo"; "bike-sharing firm ofo" -> "ofo")."""
    found: list[str] = []
    candidates = [m.group(1) for m in TICKER_NAME_RE.finditer(text)] if TICKER_RE.search(text) else []
    if APPOSITIVE_RE.search(text):
        candidates += [m.group(1) for m in APPOSITIVE_NAME_RE.finditer(text)]
    candidates += [m.group(1) for m in DESCRIPTOR_NAME_RE.finditer(text)]
    candidates += [
        m.group() for m in NAME_RE.finditer(text) if " " in m.group() and m.group().split()[-1] in LEGAL_NAME_ENDS
    ]
    for name in candidates:
        words = BASED_PREFIX_RE.sub("", name).split()
        while words and words[0] in NOT_ORGANISATION:
            words = words[1:]
        while len(words) > 1 and words[-1].rstrip(".").lower() in LEGAL_FORM_WORDS:
            words = words[:-1]
        name = " ".join(words).rstrip(".")
        if (
            len(name) < 2
            or name in NOT_NAMES
            or (name.islower() and not _lower_case_brand(name, text))
            # a one-word capitalised "name" the text also writes in lower case is a common noun
            or (" " not in name and not name.islower() and re.search(r"(?<![\w-])" + re.escape(name.lower()) + r"(?![\w-])", text))
            or _is_place(name)
            or (name.islower() and name.endswith(("ly", "s")))
            or (name.isupper() and len(name) <= 2)
        ):
            continue
        if name not in found:
            found.append(name)
    return tuple(found)


def _lower_case_brand(name: str, text: str) -> bool:
    """A lower-case word a descriptor introduces names a brand ("ofo") when it is no function
    word or inflected word, the text never writes it after an article ("the industry"), and it
    acts as a subject or a possessor somewhere ("ofo said", "ofo's valuation")."""
    escaped = re.escape(name)
    return not (
        name.endswith(("ly", "s", "ed", "ing"))
        or SUBJECT_VERB_RE.fullmatch(name)
        or name in {"then", "there", "which", "that", "who", "and", "with", "in", "on", "for"}
        or re.search(r"\b(?i:the|a|an|this|that|its|our|their|his|her)\s+" + escaped + r"\b", text)
    ) and bool(re.search(r"(?<![\w-])" + escaped + r"(?:['’]s\b|" + SUBJECT_VERB_RE.pattern + ")", text))


def _introduced_subject(text: str, start: int, end: int, document: DocumentReading | None) -> bool:
    """text[start:end] opens (after a reporting frame) with an organisation the document
    introduced, acting with a verb ("ofo said it plans to ...")."""
    if document is None or document.introduced_re is None:
        return False
    frame = SUBJECT_FRAME_RE.match(text, start, end)
    at = frame.end() if frame else start
    named = document.introduced_re.match(text, at, end)
    return bool(named and ACTING_VERB_RE.match(text, named.end() + 1, end) and text[named.end() : named.end() + 1].isspace())


def _sentence_organisation_subject(
    text: str, sentence: tuple[int, int], position: int, document: DocumentReading | None
) -> bool:
    """The figure's sentence opens with one organisation acting, directly or after a speaker and
    an appositive ("Hillhouse clinched 54 deals ..., up 690%"; "Mao, founder of X, said his
    brand aims to ...")."""
    starts = [sentence[0]]
    speaker = SPEAKER_FRAME_RE.match(text, sentence[0], position)
    if speaker:
        starts.append(speaker.end())
    return any(
        _acting_organisation(text, start, position) or _introduced_subject(text, start, position, document)
        for start in starts
    )


def owner_features(
    text: str,
    quantity: Quantity,
    sentence: tuple[int, int],
    title: str | None = None,
    document_first_person: float = 0.0,
    cues: TextCues | None = None,
    document: DocumentReading | None = None,
) -> tuple[dict[str, float], str | None]:
    """The features of one figure, and the organisation name the sentence gives it. `cues`:
    OWNER_CUES over `text`, when the caller reads many of its figures; `document`: read_document
    of `text`."""
    clause_start = _clause_start(text, sentence, quantity.start)
    before = text[clause_start : quantity.start]
    near = (max(sentence[0], quantity.start - NEAR_BEFORE), min(sentence[1], quantity.end + NEAR_AFTER))
    clause_end = min(sentence[1], quantity.end + CLAUSE_REACH)
    after_break = CLAUSE_BREAK_RE.search(text, quantity.end, clause_end)
    clause_after = (quantity.end, after_break.start() if after_break else clause_end)
    names_before = _organisation_names(text, clause_start, quantity.start)
    names_sentence, sentence_features = _sentence_reading(text, sentence[0], sentence[1], title, cues)
    names_after = _organisation_names(text, *clause_after)
    features = dict.fromkeys(FEATURES, 0.0)
    features.update(sentence_features)
    name = None
    suffixed = [n for n in names_before if ORGANISATION_SUFFIX_RE.search(n[2])]
    if suffixed:
        features["suffix_name_in_clause"] = 1.0
        name = suffixed[-1][2]
    for start, end, found in names_before:
        if SUBJECT_VERB_RE.match(text, end, quantity.start):
            features["subject_name_before"] = 1.0
            name = name or found
        if POSSESSIVE_AFTER_RE.match(text, end, quantity.start):
            features["possessor_name_before"] = 1.0
            name = name or found
    if document is not None and document.introduced_re is not None:
        # a lower-case name the document introduced ("ofo said it plans to ...")
        for match in document.introduced_re.finditer(text, clause_start, quantity.start):
            if not match.group()[:1].islower():
                continue
            if SUBJECT_VERB_RE.match(text, match.end(), quantity.start):
                features["subject_name_before"] = 1.0
                name = name or match.group()
            if POSSESSIVE_AFTER_RE.match(text, match.end(), quantity.start):
                features["possessor_name_before"] = 1.0
                name = name or match.group()
        reach = max(0, sentence[0] - 300)
        features["introduced_organisation_near"] = float(bool(document.introduced_re.search(text, reach, quantity.start)))
    if document is not None:
        features["release_genre"] = float(document.release)
    features["sentence_organisation_subject"] = float(
        _sentence_organisation_subject(text, sentence, quantity.start, document)
    )
    if names_after:
        features["name_after_in_clause"] = 1.0
    features["first_person_document"] = document_first_person
    if BACK_REFERENCE_RE.search(text[max(sentence[0], quantity.start - CLAUSE_REACH) : quantity.start]):
        features["back_reference"] = 1.0
    features["accounts_near"] = float(_found(ACCOUNTS_RE, text, *near, cues))
    features["official_near"] = float(_found(OFFICIAL_RE, text, *near, cues))
    places = [m for m in NAME_RE.finditer(before) if _is_place(m.group())]
    features["place_in_clause"] = float(bool(places))
    features["country_in_clause"] = float(bool(COUNTRY_RE.search(before)))
    opening = PLURAL_SUBJECT_RE.match(text, sentence[0], quantity.start)
    if opening and not any(start < opening.end() for start, _, _ in names_sentence):
        features["plural_subject"] = 1.0
    features["currency"] = float(quantity.unit_class == "currency")
    features["count"] = float(quantity.unit_class == "count")
    features["percent"] = float(quantity.unit_class == "percent")
    if quantity.counted and OFFICIAL_RE.search(quantity.counted):
        features["counted_plural_official"] = 1.0
    features["organisation_subject"] = float(_organisation_subject(text, sentence, clause_start, quantity.start))
    return features, name


def chinese_features(
    text: str, quantity: Quantity, sentence: tuple[int, int], title: str | None = None, document_first_person: float = 0.0
) -> tuple[dict[str, float], str | None]:
    """owner_features for a figure of a Chinese text (figures.chinese_owners reads the words)."""
    found, name = chinese_owner_features(text, quantity, sentence, title, document_first_person)
    return dict.fromkeys(FEATURES, 0.0) | found, name


PAIR_JOIN = "*"  # a weight keyed "a*b" applies to the product of features a and b


@dataclass(frozen=True)
class OwnerModel:
    """Logistic regression over the features and, where the model file has them, products of two
    features: "the company" means more beside company accounts than beside official words."""

    intercept: float
    weights: dict[str, float]
    threshold: float
    version: str = ""
    pair_weights: dict[tuple[str, str], float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # the pairs by their first feature, in the model's order: a figure has few features that
        # are not zero, so only their pairs are summed (a zero product adds nothing to the sum)
        pairs_of: dict[str, list[tuple[int, str, str, float]]] = {}
        for order, ((a, b), w) in enumerate(self.pair_weights.items()):
            pairs_of.setdefault(a, []).append((order, a, b, w))
        object.__setattr__(self, "_pairs_of", pairs_of)

    def probability(self, features: dict[str, float]) -> float:
        # the same sum, in the same order, as over (w * features.get(name, 0.0)), iterated in C
        z = self.intercept + sum(map(operator.mul, self.weights.values(), map(features.get, self.weights, repeat(0.0))))
        present = sorted(
            pair
            for name, value in features.items()
            if value
            for pair in self._pairs_of.get(name, ())  # type: ignore[attr-defined]
            if features.get(pair[2], 0.0)
        )
        z += sum(w * features.get(a, 0.0) * features.get(b, 0.0) for _, a, b, w in present)
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))


@lru_cache(maxsize=2)
def load_owner_model(path: Path = DEFAULT_MODEL) -> OwnerModel:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    pairs = {tuple(key.split(PAIR_JOIN)): weight for key, weight in data.get("pair_weights", {}).items()}
    unknown = (set(data["weights"]) | {name for pair in pairs for name in pair}) - set(FEATURES)
    if unknown or any(len(pair) != 2 for pair in pairs):
        raise ValueError(f"{path}: the model reads unknown features {sorted(unknown)}")
    return OwnerModel(data["intercept"], data["weights"], data["threshold"], data.get("version", ""), pairs)


def first_person_share(text: str, sentences: Sequence[tuple[int, int]]) -> float:
    """Share of the document's sentences in the first person plural: a press release speaks so."""
    if not sentences:
        return 0.0
    return sum(1 for start, end in sentences if FIRST_PERSON_RE.search(text, start, end)) / len(sentences)


def organisation_key(name: str) -> str | None:
    """A stable id read from an organisation's name alone: its words in lower case, a leading
    "Beijing-based" and legal-form words at its end dropped ("Alibaba Group Holding Ltd" ->
    "alibaba"), joined by "_"; None for a name that is no organisation's ("IPO", "CEO")."""
    name = BASED_PREFIX_RE.sub("", name)
    if name in NOT_NAMES:
        return None
    words = re.findall(r"[^\W_]+", name.lower())
    while words and words[-1] in LEGAL_FORM_WORDS:
        words.pop()
    while words and words[0] == "the":
        words.pop(0)
    return "_".join(words) or None


@lru_cache(maxsize=2)
def _seed_organisations(path: Path = ENTITY_SEED) -> dict[str, str]:
    """Keys of the entity seed's company and organisation aliases -> the seed's entity id."""
    found: dict[str, str] = {}
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["kind"] == "place":
                continue
            for alias in row["aliases"].split("|"):
                alias = alias.strip()
                key = chinese_organisation_key(alias) if reads_as_chinese(alias) else organisation_key(alias)
                if key:
                    found.setdefault(key, row["entity_id"])
    return found


def _descriptor_names(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Names a descriptor introduces ("bike-sharing firm ofo raised"), lower case or not."""
    found = []
    for match in DESCRIPTOR_NAME_RE.finditer(text, start, end):
        name = match.group(1)
        # a lower-case brand ("ofo"), not an adverb or a plural noun ("globally", "branches")
        if name.islower() and name.endswith(("ly", "s")):
            continue
        if name.split()[0] not in NOT_ORGANISATION and not _is_place(name):
            found.append((match.start(1), match.end(1), name))
    return found


def _subject_names(text: str, start: int, end: int) -> list[str]:
    """Organisations a stretch of text speaks of, in order: names acting as a subject or a
    possessor, names ending in a legal form ("Hello Inc."), names a descriptor introduces."""
    names = [
        (name_start, found)
        for name_start, name_end, found in _organisation_names(text, start, end)
        if organisation_key(found)
        # not the tail of a longer name the pattern cannot read ("Sudatiangong Makers' Space")
        and not re.search(r"\w['’]\s*$", text[max(start, name_start - 3) : name_start])
        and SUBJECT_AFTER_RE.match(text, name_end, end)
        or POSSESSIVE_AFTER_RE.match(text, name_end, end)
        or found.split()[-1].rstrip(".").lower() in LEGAL_FORM_WORDS
    ]
    names += [(name_start, found) for name_start, _, found in _descriptor_names(text, start, end)]
    return [found for _, found in sorted(names)]


def _title_organisation(title: str | None, body_names: Sequence[str]) -> str | None:
    """The organisation the title names (the document's declared subject): the first, by its
    place in the title, of the names the body speaks of as a subject. A title in title case
    ("Meituan Announces Fourth Quarter Results") gives no clean name of its own."""
    if not title:
        return None
    folded = title.casefold()
    placed = []
    for name in set(body_names):
        # the title may drop the legal form ("Pinduoduo Announces ..." of "Pinduoduo Inc.")
        short = LEGAL_FORM_END_RE.sub("", name)
        for form in dict.fromkeys((name, short)):
            at = _whole_word_at(folded, form.casefold()) if form else -1
            if at >= 0:
                placed.append((at, -len(form), name))
                break
    return min(placed)[2] if placed else None


def _whole_word_at(text: str, word: str) -> int:
    r"""Where `word` first stands in `text` with no letter or digit either side, else -1: what
    re.search(r"(?<![^\W_])" + re.escape(word) + r"(?![^\W_])", text) finds ([^\W_] is
    str.isalnum), without compiling a pattern per name."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if not (at and text[at - 1].isalnum()) and not (end < len(text) and text[end].isalnum()):
            return at
        at = text.find(word, at + 1)
    return -1


LEGAL_FORM_END_RE = re.compile(r"(?:,?\s+(?:Inc|Corp|Corporation|Co|Ltd|Limited|LLC|PLC|plc|AG|SA)\b\.?)+$")


class _DocumentOrganisations:
    """The organisations one document names, so that an unnamed figure ("the company", "its
    revenue", "Total revenues ...") can take the one it speaks of, and a short form of a name
    the key of the long form the document also uses."""

    def __init__(self, text: str, spans: list[tuple[int, int]], title: str | None):
        self.text, self.spans = text, spans
        self._subjects: dict[int, list[str]] = {}
        self._seen: set[str] = set()
        self._common: dict[str, bool] = {}  # see _common_word
        self.title_name = _title_organisation(
            title, [n for i in range(len(spans)) for n in self.subjects(i) if not self._common_word(n)]
        )
        for match in DEFINED_TERM_RE.finditer(text):
            self._note(match.group(1))

    def subjects(self, index: int) -> list[str]:
        if index not in self._subjects:
            self._subjects[index] = _subject_names(self.text, *self.spans[index])
            for name in self._subjects[index]:
                self._note(name)
        return self._subjects[index]

    def _note(self, name: str) -> None:
        key = organisation_key(name)
        if key:
            self._seen.add(key)

    def last_named(self, index: int, before: int) -> str | None:
        """The organisation last named as a subject before `before` in sentence `index` or in
        the SUBJECT_REACH sentences before it."""
        start = self.spans[index][0]
        here = _subject_names(self.text, start, before)
        if here:
            return here[-1]
        for back in range(index - 1, max(index - 1 - SUBJECT_REACH, -1), -1):
            if self.subjects(back):
                return self.subjects(back)[-1]
        return None

    def _common_word(self, name: str) -> bool:
        """A one-word capitalised "name" the document also writes in lower case is a common
        noun opening a sentence ("Manufacturing makes stride forward"), not an organisation.
        Read once per name: each reading searches the whole text."""
        found = self._common.get(name)
        if found is None:
            found = self._common[name] = (
                " " not in name
                and name[:1].isupper()
                and _whole_word_at(self.text, name.lower()) >= 0
            )
        return found

    def key(self, name: str) -> str | None:
        """The key of `name`: the key of the shortest form of it the document also uses
        ("Meituan Dianping", later "Meituan": both "meituan"), the seed's id when the seed
        knows that form or the full one."""
        if self._common_word(name):
            return None
        self._note(name)
        full = organisation_key(name)
        if full is None:
            return None
        shorter = [k for k in self._seen if full.startswith(k + "_")]
        key = min(shorter, key=len) if shorter else full
        seed = _seed_organisations()
        return seed.get(key) or seed.get(full) or key


# A name with the figure in brackets right after it ("Ant Financial ($150 billion), Jinri Toutiao
# ($75 billion)", "Xiaomi (worth $46 billion)"): the figure is that name's.
BRACKETED_BY_NAME_RE = re.compile(r"(?:valued\s+at|worth)?\s*\(\s*(?:valued\s+at\s+|worth\s+|about\s+)?$")


def _bracketing_name(text: str, sentence: tuple[int, int], position: int) -> str | None:
    """The organisation named right before the bracket the figure at `position` opens."""
    bracket = BRACKETED_BY_NAME_RE.search(text, max(sentence[0], position - 20), position)
    if not bracket:
        return None
    names = [found for found in _organisation_names(text, max(sentence[0], bracket.start() - 60), bracket.start() + 1)]
    if not names or not re.fullmatch(r"\s*", text[names[-1][1] : bracket.start()]):
        return None
    found = names[-1][2]
    # a funding round or a class of things ("a Series A ($10 million) round") is no organisation
    if re.match(r"(?:Series|Round|Phase|Stage|Class|Tier|Type|Pre-)\b", found) or re.search(r"\s[A-Z]\d?$", found):
        return None
    return found if organisation_key(found) else None


def _resolve(
    organisations: _DocumentOrganisations, quantity: Quantity, index: int, sentence: tuple[int, int], name: str | None
) -> tuple[str | None, str | None]:
    """The name of the organisation an organisation's figure belongs to, and where it was read
    (`name`: the one its sentence gives, a bracketing name first)."""
    if name:
        return name, "sentence"
    clause_start = _clause_start(organisations.text, sentence, quantity.start)
    described = _descriptor_names(organisations.text, clause_start, quantity.start)
    if described:
        return described[-1][2], "sentence"
    before = organisations.text[max(sentence[0], quantity.start - CLAUSE_REACH) : quantity.start]
    named_before = organisations.last_named(index, quantity.start)
    if BACK_REFERENCE_RE.search(before) and named_before:
        return named_before, "back_reference"
    if organisations.title_name:
        return organisations.title_name, "document_title"
    return None, None


def read_owners(
    text: str,
    quantities: Sequence[Quantity],
    sentences: Sequence[tuple[int, int]] | None = None,
    title: str | None = None,
    model: OwnerModel | None = None,
    company_indicated: Sequence[bool] | None = None,
) -> list[Owner]:
    """One Owner per quantity. A restatement ("($7.83 billion)") takes its original's.
    `company_indicated`, per quantity: whether the indicator chooser's choice for it is a
    company's indicator; such a figure needs less of the owner model (SUPPORTED_FLOOR) when its
    organisation can be named."""
    spans = list(sentences) if sentences else [(0, len(text))]
    starts = [start for start, _ in spans]
    if reads_as_chinese(text):
        reader: _OwnerReader = _ChineseOwnerReader(text, spans, title)
        model = model or load_owner_model(CHINESE_MODEL)
    else:
        reader = _EnglishOwnerReader(text, spans, title)
        model = model or load_owner_model()
    owners: list[Owner] = []
    for quantity in quantities:
        if quantity.equivalent_of is not None and quantity.equivalent_of < len(owners):
            owners.append(owners[quantity.equivalent_of])
            continue
        index = max(bisect.bisect_right(starts, quantity.start) - 1, 0)
        features, name = reader.features(quantity, index)
        owner = Owner(round(model.probability(features), 4), name, model.threshold)
        # a company's indicator, or a name the figure is bracketed by ("Ant Financial ($150
        # billion)"), bears out a figure below the threshold
        bracketing = reader.bracketing(quantity, index)
        supported = (
            bool(company_indicated and company_indicated[len(owners)])
            or bracketing is not None
        ) and owner.probability >= SUPPORTED_FLOOR
        # a company referred back to as the clause's acting subject ("the 2-year-old O2O start-up
        # has dismissed 400 employees", from SUPPORTED_FLOOR; "It now operates in over 250 cities"
        # after "The company has been accelerating its expansion", whatever the model reads of
        # the words) owns the clause's figures, the one the title names when no sentence before does
        referred = reader.subject_refers_back(quantity, index, owner.probability >= SUPPORTED_FLOOR)
        if owner.is_organisation or supported or referred:
            resolved, source = reader.resolve(quantity, index, bracketing or name)
            key = reader.key(resolved) if resolved else None
            # the chooser's support needs the figure's own words to name the organisation
            if key and (owner.is_organisation or referred or source != "document_title"):
                owner = Owner(owner.probability, resolved, owner.threshold, key, source, supported=supported or referred)
            elif referred:
                owner = Owner(owner.probability, name, owner.threshold, supported=True)
        if not owner.is_organisation and owners:
            owner = _linked_owner(text, quantities, owner, owners) or owner
        owners.append(owner)
    return owners


def _linked_owner(text: str, quantities: Sequence[Quantity], owner: Owner, owners: list[Owner]) -> Owner | None:
    """The organisation of the figure before, for a figure joined to it as its change or its share
    (LINKED_TO_PREVIOUS_RE); `owners` are those of the figures before this one."""
    quantity, previous = quantities[len(owners)], quantities[len(owners) - 1]
    named = owners[-1]
    # (an organisation only the title names is no reading of the figure's own words)
    if not named.is_organisation or named.source not in ("sentence", "back_reference") or previous.end > quantity.start:
        return None
    if not LINKED_TO_PREVIOUS_RE.fullmatch(text, previous.end, quantity.start):
        return None
    return Owner(owner.probability, named.name, owner.threshold, named.key, named.source, supported=True)


class _OwnerReader(Protocol):
    """One language's reading of a document for read_owners: a figure's features and the name
    its clause gives, the organisation an organisation's figure belongs to, a name's key."""

    def features(self, quantity: Quantity, index: int) -> tuple[dict[str, float], str | None]: ...

    def resolve(self, quantity: Quantity, index: int, name: str | None) -> tuple[str | None, str | None]: ...

    def bracketing(self, quantity: Quantity, index: int) -> str | None: ...

    def subject_refers_back(self, quantity: Quantity, index: int, above_floor: bool) -> bool: ...

    def key(self, name: str) -> str | None: ...


class _EnglishOwnerReader:
    def __init__(self, text: str, spans: list[tuple[int, int]], title: str | None):
        self.text, self.spans, self.title = text, spans, title
        self.share = first_person_share(text, spans)
        self.organisations = _DocumentOrganisations(text, spans, title)
        self.cues = OWNER_CUES.in_text(text)
        self.document = read_document(text)

    def features(self, quantity: Quantity, index: int) -> tuple[dict[str, float], str | None]:
        return owner_features(self.text, quantity, self.spans[index], self.title, self.share, self.cues, self.document)

    def resolve(self, quantity: Quantity, index: int, name: str | None) -> tuple[str | None, str | None]:
        return _resolve(self.organisations, quantity, index, self.spans[index], name)

    def bracketing(self, quantity: Quantity, index: int) -> str | None:
        return _bracketing_name(self.text, self.spans[index], quantity.start)

    def subject_refers_back(self, quantity: Quantity, index: int, above_floor: bool) -> bool:
        """A company referred back to acts as the figure's clause's subject: by a noun in its
        clause (read only `above_floor`, the owner model's SUPPORTED_FLOOR), or as "It" opening the
        sentence after one that opened on the company acting."""
        sentence = self.spans[index]
        if above_floor and _subject_refers_back(self.text, sentence, quantity.start):
            return True
        # "It" opening the sentence, acting, after a sentence that opened on an organisation
        # referred back to and acting: the same organisation
        return (
            index > 0
            and _clause_start(self.text, sentence, quantity.start) == sentence[0]
            and _pronoun_acting(self.text, sentence[0], quantity.start)
            and _noun_acting(self.text, *self.spans[index - 1])
        )

    def key(self, name: str) -> str | None:
        return self.organisations.key(name)


class _ChineseOwnerReader:
    """The same features read from Chinese words (figures.chinese_owners); the organisation is
    the one the figure's clause names, else the one a back-reference (该公司, 其) points to, else
    the one the title names."""

    def __init__(self, text: str, spans: list[tuple[int, int]], title: str | None):
        self.text, self.spans, self.title = text, spans, title
        self.share = chinese_first_person_share(text, spans)
        self.title_names = title_reading(title)[1] if title else ()

    def features(self, quantity: Quantity, index: int) -> tuple[dict[str, float], str | None]:
        return chinese_features(self.text, quantity, self.spans[index], self.title, self.share)

    def resolve(self, quantity: Quantity, index: int, name: str | None) -> tuple[str | None, str | None]:
        if name:
            return name, "sentence"
        if chinese_refers_back(self.text, self.spans[index], quantity.start):
            named = last_named_organisation(self.text, self.spans, index, quantity.start)
            if named:
                return named, "back_reference"
        if self.title_names:
            return self.title_names[0], "document_title"
        return None, None

    def key(self, name: str) -> str | None:
        key = chinese_organisation_key(name)
        return _seed_organisations().get(key, key) if key else None

    def bracketing(self, quantity: Quantity, index: int) -> str | None:
        return None

    def subject_refers_back(self, quantity: Quantity, index: int, above_floor: bool) -> bool:
        return False
