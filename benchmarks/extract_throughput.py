"""Throughput of figures.quantities.extract against quantulum3 on the same generated text.

    .venv/bin/python benchmarks/extract_throughput.py [--mb 50] [--dense] [--sample-kb 200]

Builds a corpus of news- and report-like prose, times `extract` over all of it in one process
on one core, times quantulum3's parser on a prefix sample of the same text, and prints both
throughputs in MB/s and their ratio. Not a test: numbers depend on the machine.

Two corpora, both printed with their measured density (figures found, digit runs and share of
sentences that carry a figure):

- default ("news"): sentences assembled from parts, mixed at the proportions measured on the
  seed documents (sources/**: 2.9 figures and 6.6 digit runs per KB; about a third of their
  sentences carry a figure, the rest are prose, headings, dates and references). When the seed
  documents are present their density is measured and printed next to the corpus's.
- `--dense`: short sentences, about 6 figures and 15 digit runs per KB, twice the density of
  the seed documents; a stress case for the per-figure cost.
"""

import argparse
import random
import re
import time
from pathlib import Path

from figures.quantities import extract

SOURCES = Path(__file__).resolve().parent.parent / "sources"
# Share of sentences carrying a figure in the seed documents (70 of 220, split at . ! ?).
NEWS_FIGURE_SHARE = 0.32
# Dense corpus: share of its (short) sentences that carry figures.
DENSE_FIGURE_SHARE = 0.3
_DIGIT_RUN_RE = re.compile(r"\d+")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+")

# --- Parts shared by both corpora ------------------------------------------------------------

SUBJECTS = (
    "The company", "Local governments", "The province", "Investors", "The fund", "Shanghai",
    "The State Council", "Tencent", "The ministry", "Start-ups in Shenzhen", "The city",
    "Its parent group", "The national team", "Venture capital firms", "Exporters",
)  # fmt: skip
NOUNS = (
    "incubators", "makers' spaces", "start-ups", "patents", "projects", "employees", "users",
    "enterprises", "policies", "investment funds", "training sessions", "teams", "stores",
)  # fmt: skip
VERBS = ("raised", "invested", "spent", "earned", "allocated", "attracted", "received", "lost")
MONEY_UNITS = ("yuan", "US dollars", "euros", "RMB", "dollars", "pounds", "yen")
PREFIXES = ("$", "US$", "RMB ", "€", "£", "HK$", "¥")
SCALES = ("million", "billion", "thousand", "bn", "mln", "trillion", "")
QUALIFIERS = ("", "", "more than ", "about ", "nearly ", "over ", "up to ", "less than ")
YEARS = tuple(range(2009, 2024))
MONTHS = ("January", "March", "May", "July", "September", "November")

# --- The dense corpus (short sentences, 2-3 figures in each figure sentence) -----------------

PLAIN_SENTENCES = (
    "The initiative has inspired a tide of start-ups and a broader prospect for the economy.",
    "Officials said the reform would continue to remove barriers to innovation and growth.",
    "He encouraged the province to play an exemplary role in upgrading its industries.",
    "Analysts expect the policy to support small and micro-sized enterprises nationwide.",
    "The forum discussed frontier science, finance and the culture of entrepreneurship.",
    "Measures will be taken to optimise services and improve supervision after approval.",
    "Makers' spaces provide innovators with low-cost, convenient and open service platforms.",
    "The premier visited a coffee shop where young entrepreneurs exchange ideas with investors.",
    "Universities and research institutes were encouraged to open their laboratories to firms.",
    "Firstly, the guideline lowers the threshold for registering a new business.",
    "Secondly, it asks local governments to share public facilities with start-up teams.",
    "The 13th Five-Year Plan puts innovation at the heart of the development strategy.",
    "During a visit to Zhongguancun on May 7, the premier met founders of several start-ups.",
    "Contact the press office at press@example.org or visit www.example.org for details.",
    "The report was published by the Torch Center under the Ministry of Science and Technology.",
)


def _number(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.35:
        return f"{rng.randint(1, 999)}.{rng.randint(1, 99)}"
    if kind < 0.7:
        return f"{rng.randint(1000, 999999):,}"
    if kind < 0.85:
        return str(rng.randint(2, 999))
    return rng.choice(("two", "three", "four", "six", "a dozen", "one hundred", "seven"))


def _dense_sentence(rng: random.Random) -> str:
    year = rng.choice(YEARS)
    templates = (
        lambda: (
            f"In {year}, {rng.choice(SUBJECTS).lower()} {rng.choice(VERBS)} "
            f"{rng.choice(QUALIFIERS)}{_number(rng)} {rng.choice(SCALES)} {rng.choice(MONEY_UNITS)}."
        ),
        lambda: (
            f"{rng.choice(SUBJECTS)} had {rng.choice(QUALIFIERS)}{_number(rng)} "
            f"{rng.choice(NOUNS)}, up {rng.randint(1, 80)}.{rng.randint(0, 9)}% year-on-year."
        ),
        lambda: (
            f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(PREFIXES)}"
            f"{rng.randint(1, 999)}.{rng.randint(1, 9)} {rng.choice(('million', 'billion'))} on "
            f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {year}."
        ),
        lambda: (
            f"Sales are expected to reach {rng.randint(10, 90)}-{rng.randint(91, 200)} "
            f"million yuan by {year + 3}, while costs fell by {rng.randint(2, 30)} percent."
        ),
        lambda: (
            f"The parks covered {rng.choice(QUALIFIERS)}{rng.randint(2, 90)} million "
            f"square meters and served {_number(rng)} {rng.choice(NOUNS)} across "
            f"{rng.randint(3, 60)} cities."
        ),
        lambda: (
            f"Average daily output was {rng.randint(2, 900)} tonnes, priced at "
            f"US${rng.randint(2, 90)},000 per kilogram, about {rng.randint(2, 9)} times the "
            f"{year} level."
        ),
        lambda: (
            f"Call +86-21-{rng.randint(10000000, 99999999)} or see Article "
            f"{rng.randint(1, 40)} of the {rng.randint(11, 14)}th Five-Year Plan."
        ),
    )
    if rng.random() >= DENSE_FIGURE_SHARE:
        return rng.choice(PLAIN_SENTENCES)
    return rng.choice(templates)()


def _dense_paragraph(rng: random.Random) -> str:
    return " ".join(_dense_sentence(rng) for _ in range(rng.randint(3, 8)))


# --- The news corpus (sentences of report length, a third of them with figures) --------------

PLACES = (
    "China", "Shanghai", "Beijing", "Shenzhen", "Hangzhou", "Chengdu", "Wuhan", "Guangdong province",
    "Jiangsu province", "the Yangtze River Delta", "Zhongguancun", "Xi'an", "Hefei", "Suzhou",
)  # fmt: skip
ACTORS = (
    "the Ministry of Science and Technology", "the Torch Center", "the State Council",
    "local governments", "the municipal science commission", "leading enterprises",
    "universities and research institutes", "venture capital firms", "the premier",
    "the vice-minister", "incubator operators", "young entrepreneurs", "the guideline",
)  # fmt: skip
ACTIONS = (
    "called for", "stressed the importance of", "pledged to improve", "focused on",
    "set out measures for", "has worked to strengthen", "encouraged", "highlighted",
    "will continue to support", "mapped out policies for", "took steps to streamline",
    "is exploring new models of", "reviewed progress in", "gave priority to",
)  # fmt: skip
OBJECTS = (
    "the development of makerspaces", "mass entrepreneurship and innovation",
    "the integration of online and offline services", "the transfer of scientific achievements",
    "the reform of administrative approval", "financing channels for small enterprises",
    "the protection of intellectual property", "services for start-up teams",
    "cooperation between industry, academia and research", "the sharing of laboratories",
    "the cultivation of innovative talents", "a favourable environment for innovation",
    "the upgrading of traditional industries", "public service platforms",
)  # fmt: skip
ADJUNCTS = (
    "across the country", "in regions lagging behind", "at a meeting in {place}",
    "during a visit to {place}", "in line with the innovation-driven development strategy",
    "according to a statement released on its website", "under the new guideline",
    "with the support of {actor}", "in the coming years", "as part of the reform agenda",
    "in {year}", "since {year}", "on {month} {day}", "at the end of {year}",
)  # fmt: skip
CLOSINGS = (
    "which became an effective approach to the growth of enterprises",
    "so that more people can turn their ideas into products",
    "and lowered the cost of starting a business",
    "while improving the quality and efficiency of the spaces",
    "and created a pattern featuring online-offline integration",
    "which is an important component in cultivating new engines of growth",
)  # fmt: skip
HEADINGS = (
    "{n}. Top-level design has been strengthened", "Section {n}: Policy support",
    "Latest Progress of Mass Entrepreneurship and Mass Innovation in China",
    "Part {n} Financing and investment", "Chapter {n}. Incubation carriers",
    "Special Issue: Popular Entrepreneurship in Full Swing", "Article {n}",
    "No.{n} {month} {day} {year}", "Contact: press@example.org, www.example.org, Tel: +86-10-{tel}",
)  # fmt: skip
COUNTED = (
    "start-up teams and companies", "new enterprises", "entrepreneurship activities",
    "training sessions", "makerspaces", "incubators", "policies", "patents", "people",
    "technology contracts", "graduates", "angel investors", "high-tech zones", "jobs",
)  # fmt: skip
MONEY_NOUNS = (
    "government funding", "venture capital", "investment", "sales revenue", "R&D spending",
    "fiscal support", "seed funding", "export orders", "technology contract value",
)  # fmt: skip
AREAS = ("square meters", "hectares", "square kilometers", "mu")
BASES = ("compared with the previous year", "year-on-year", "over the same period last year")


def _amount(rng: random.Random) -> str:
    """A money figure in one of the ways the seed documents write them."""
    n = (
        f"{rng.randint(1, 999)}.{rng.randint(1, 99)}"
        if rng.random() < 0.6
        else str(rng.randint(2, 999))
    )
    scale = rng.choice(("million", "billion", "billion", "trillion", "thousand"))
    style = rng.random()
    if style < 0.55:
        return f"{n} {scale} yuan"
    if style < 0.75:
        return f"RMB {n} {scale}"
    if style < 0.9:
        return f"US${n} {scale}"
    return f"{n} {scale} {rng.choice(MONEY_UNITS)}"


def _count(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.45:
        n = f"{rng.randint(1000, 999999):,}"
    elif kind < 0.75:
        n = str(rng.randint(2, 999))
    elif kind < 0.9:
        n = f"{rng.randint(1, 99)}.{rng.randint(1, 9)} million"
    else:
        n = rng.choice(("two", "three", "five", "a dozen", "dozens of", "hundreds of"))
    return f"{rng.choice(QUALIFIERS)}{n} {rng.choice(COUNTED)}"


def _percent(rng: random.Random) -> str:
    return f"{rng.randint(1, 80)}{rng.choice(('.' + str(rng.randint(1, 9)), ''))}" + rng.choice(
        ("%", " percent", " per cent")
    )


def _fill(template: str, rng: random.Random) -> str:
    return template.format(
        place=rng.choice(PLACES),
        actor=rng.choice(ACTORS),
        year=rng.choice(YEARS),
        month=rng.choice(MONTHS),
        day=rng.randint(1, 28),
        n=rng.randint(1, 12),
        tel=rng.randint(10000000, 99999999),
    )


def _prose_sentence(rng: random.Random) -> str:
    """A sentence without figures (though often with a date, year or ordinal)."""
    sentence = f"{rng.choice(ACTORS)} {rng.choice(ACTIONS)} {rng.choice(OBJECTS)}"
    for adjunct in rng.sample(ADJUNCTS, rng.randint(1, 2)):
        sentence += " " + _fill(adjunct, rng)
    if rng.random() < 0.7:
        sentence += f" and {rng.choice(ACTIONS)} {rng.choice(OBJECTS)}"
    if rng.random() < 0.6:
        sentence += ", " + rng.choice(CLOSINGS)
    if rng.random() < 0.3:
        sentence = f"{_fill(rng.choice(ADJUNCTS), rng)}, {sentence}"
    return _capitalised(sentence) + "."


def _capitalised(text: str) -> str:
    return text[0].upper() + text[1:]


def _figure_sentence(rng: random.Random) -> str:
    """A sentence with one to three figures, in the shapes of the seed documents' sentences."""
    year = rng.choice(YEARS)
    place = rng.choice(PLACES)
    base = rng.choice(BASES)
    shapes = (
        lambda: (
            f"In {year}, {rng.choice(ACTORS)} served {_count(rng)}, up by {_percent(rng)} "
            f"{base}, and held {_count(rng)}."
        ),
        lambda: (
            f"The spaces helped incubated enterprises gain {_amount(rng)} of "
            f"{rng.choice(MONEY_NOUNS)} in {year}, a year-on-year increase of {_percent(rng)}."
        ),
        lambda: (
            f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {_amount(rng)} in {place}, "
            f"{_fill(rng.choice(ADJUNCTS), rng)}."
        ),
        lambda: (
            f"{_capitalised(_count(rng))} were registered in {place} "
            f"{_fill(rng.choice(ADJUNCTS), rng)}, {rng.choice(CLOSINGS)}."
        ),
        lambda: (
            f"By {year + 3}, {place} is expected to have {_count(rng)} and "
            f"{rng.choice(MONEY_NOUNS)} of {_amount(rng)}, according to {rng.choice(ACTORS)}."
        ),
        lambda: (
            f"The park covers {rng.choice(QUALIFIERS)}{rng.randint(2, 900)} "
            f"{rng.choice(AREAS)} and {rng.choice(ACTIONS)} {rng.choice(OBJECTS)}."
        ),
        lambda: (
            f"{_capitalised(rng.choice(MONEY_NOUNS))} reached {_amount(rng)} "
            f"({rng.choice(PREFIXES)}{rng.randint(1, 99)}.{rng.randint(1, 9)} billion), "
            f"{rng.choice(('up', 'down'))} {_percent(rng)} {base}."
        ),
        lambda: (
            f"Of the {_count(rng)} surveyed, {_percent(rng)} said they {rng.choice(ACTIONS)} "
            f"{rng.choice(OBJECTS)}."
        ),
    )
    sentence = rng.choice(shapes)()
    if rng.random() < 0.5:  # most figure sentences in the seeds run on after their figures
        sentence = f"{sentence[:-1]}, {rng.choice(CLOSINGS)}."
    return sentence


def _news_paragraph(rng: random.Random) -> str:
    if rng.random() < 0.12:
        return _fill(rng.choice(HEADINGS), rng)
    return " ".join(
        _figure_sentence(rng) if rng.random() < NEWS_FIGURE_SHARE else _prose_sentence(rng)
        for _ in range(rng.randint(2, 6))
    )


def build_corpus(megabytes: float, seed: int, dense: bool = False) -> str:
    rng = random.Random(seed)
    paragraph = _dense_paragraph if dense else _news_paragraph
    target = int(megabytes * 1_000_000)
    paragraphs, size = [], 0
    while size < target:
        text = paragraph(rng)
        paragraphs.append(text)
        size += len(text.encode()) + 2
    return "\n\n".join(paragraphs)


def _density(documents: list[str], found: int) -> str:
    """Figures and digit runs per KB, and the share of sentences carrying a figure (on a sample
    of sentences, which `extract` reads one at a time)."""
    kb = sum(len(d.encode()) for d in documents) / 1000
    digit_runs = sum(len(_DIGIT_RUN_RE.findall(d)) for d in documents)
    sentences = [s for d in documents[:20] for s in _SENTENCE_END_RE.split(d)][:2000]
    with_figures = sum(1 for s in sentences if extract(s)) / len(sentences)
    return (
        f"{found / kb:.1f} figures/KB, {digit_runs / kb:.1f} digit runs/KB, "
        f"{with_figures:.0%} of sentences with a figure"
    )


def _throughput(function, documents: list[str]) -> tuple[float, int, float]:
    size = sum(len(d.encode()) for d in documents)
    # CPU time of this (single-threaded) process: the throughput of one core, unaffected by
    # other work on the machine.
    started = time.process_time()
    found = sum(len(function(d)) for d in documents)
    elapsed = time.process_time() - started
    return size / elapsed / 1e6, found, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="corpus size in MB (default 50)")
    parser.add_argument("--dense", action="store_true", help="the dense corpus (6 figures/KB)")
    parser.add_argument(
        "--sample-kb", type=float, default=200.0, help="quantulum3 sample size in KB"
    )
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    if SOURCES.is_dir():
        seeds = [p.read_text() for p in sorted(SOURCES.rglob("*")) if p.suffix in (".txt", ".md")]
        print(f"seed documents: {_density(seeds, sum(len(extract(s)) for s in seeds))}")

    corpus = build_corpus(args.mb, args.seed, args.dense)
    # Documents of ~20 KB, the size of a news page or report section.
    documents = [corpus[i : i + 20_000] for i in range(0, len(corpus), 20_000)]
    ours, found, elapsed = _throughput(extract, documents)
    name = "dense" if args.dense else "news"
    print(f"corpus ({name}): {len(corpus.encode()) / 1e6:.1f} MB in {len(documents)} documents")
    print(f"  density: {_density(documents, found)}")
    print(f"figures.quantities: {ours:.2f} MB/s ({found} quantities, {elapsed:.1f} s)")

    from quantulum3 import classifier as quantulum_classifier
    from quantulum3 import parser as quantulum

    try:
        quantulum_classifier.classifier("en_US")  # its unit classifier, a pickle of some scikit-learn
    except (ImportError, AttributeError, ValueError) as error:
        quantulum_classifier.USE_CLF = False
        print(f"quantulum3 runs without its unit classifier, which does not load here ({type(error).__name__}: {error})")
    quantulum.parse("warm up 5 km")  # loads its unit tables outside the timed part
    sample_chars = int(args.sample_kb * 1000)
    sample = documents[: max(1, sample_chars // 20_000)]
    sample = [corpus[:sample_chars]] if sample_chars < 20_000 else sample
    theirs, their_found, their_elapsed = _throughput(quantulum.parse, sample)
    print(
        f"quantulum3 (on {sum(len(s) for s in sample) / 1000:.0f} KB sample): {theirs:.4f} MB/s ({their_found} quantities, {their_elapsed:.1f} s)"
    )
    print(f"ratio: {ours / theirs:.0f}x")


if __name__ == "__main__":
    main()
