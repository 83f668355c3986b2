"""Throughput of figures.quantities.extract against quantulum3 on the same generated text.

    .venv/bin/python benchmarks/extract_throughput.py [--mb 50] [--sample-kb 200] [--seed 7]

Builds a corpus of news-like sentences (templates x random numbers, units, nouns, qualifiers;
most sentences carry no figure, as in real prose), times `extract` over all of it in one
process on one core, times quantulum3's parser on a prefix sample of the same text, and prints
both throughputs in MB/s and their ratio. Not a test: numbers depend on the machine.

Density: the corpus holds about 6 figures and 15 digit runs per KB. The seed documents hold
3.0 figures and 6.7 digit runs per KB overall (3.4-6.1 figures per KB for the four news pages),
so the corpus is on the dense side of news prose, which makes the benchmark harder, not easier.
"""

import argparse
import random
import time

from figures.quantities import extract

SUBJECTS = (
    "The company",
    "Local governments",
    "The province",
    "Investors",
    "The fund",
    "Shanghai",
    "The State Council",
    "Tencent",
    "The ministry",
    "Start-ups in Shenzhen",
    "The city",
    "Its parent group",
    "The national team",
    "Venture capital firms",
    "Exporters",
)
NOUNS = (
    "incubators",
    "makers' spaces",
    "start-ups",
    "patents",
    "projects",
    "employees",
    "users",
    "enterprises",
    "policies",
    "investment funds",
    "training sessions",
    "teams",
    "stores",
)
VERBS = ("raised", "invested", "spent", "earned", "allocated", "attracted", "received", "lost")
MONEY_UNITS = ("yuan", "US dollars", "euros", "RMB", "dollars", "pounds", "yen")
PREFIXES = ("$", "US$", "RMB ", "€", "£", "HK$", "¥")
SCALES = ("million", "billion", "thousand", "bn", "mln", "trillion", "")
QUALIFIERS = ("", "", "more than ", "about ", "nearly ", "over ", "up to ", "less than ")
YEARS = tuple(range(2009, 2024))
MONTHS = ("January", "March", "May", "July", "September", "November")
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
# Share of sentences that carry figures; the rest are plain prose or near-misses (ordinals,
# dates, e-mail addresses). About 0.3 gives 5-6 quantities per KB, close to the seed documents.
FIGURE_SHARE = 0.3


def _number(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.35:
        return f"{rng.randint(1, 999)}.{rng.randint(1, 99)}"
    if kind < 0.7:
        return f"{rng.randint(1000, 999999):,}"
    if kind < 0.85:
        return str(rng.randint(2, 999))
    return rng.choice(("two", "three", "four", "six", "a dozen", "one hundred", "seven"))


def _sentence(rng: random.Random) -> str:
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
    if rng.random() >= FIGURE_SHARE:
        return rng.choice(PLAIN_SENTENCES)
    return rng.choice(templates)()


def build_corpus(megabytes: float, seed: int) -> str:
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    paragraphs, size = [], 0
    while size < target:
        paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(3, 8)))
        paragraphs.append(paragraph)
        size += len(paragraph.encode()) + 2
    return "\n\n".join(paragraphs)


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
    parser.add_argument(
        "--sample-kb", type=float, default=200.0, help="quantulum3 sample size in KB"
    )
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    corpus = build_corpus(args.mb, args.seed)
    # Documents of ~20 KB, the size of a news page or report section.
    documents = [corpus[i : i + 20_000] for i in range(0, len(corpus), 20_000)]
    ours, found, elapsed = _throughput(extract, documents)
    print(f"corpus: {len(corpus.encode()) / 1e6:.1f} MB in {len(documents)} documents")
    print(
        f"figures.quantities: {ours:.2f} MB/s ({found} quantities, {found / (len(corpus) / 1000):.1f} per KB, {elapsed:.1f} s)"
    )

    from quantulum3 import parser as quantulum

    quantulum.parse("warm up 5 km")  # loads its unit tables outside the timed part
    sample_chars = int(args.sample_kb * 1000)
    sample = [d for d in documents[: max(1, sample_chars // 20_000)]]
    sample = [corpus[:sample_chars]] if sample_chars < 20_000 else sample
    theirs, their_found, their_elapsed = _throughput(quantulum.parse, sample)
    print(
        f"quantulum3 (on {sum(len(s) for s in sample) / 1000:.0f} KB sample): {theirs:.4f} MB/s ({their_found} quantities, {their_elapsed:.1f} s)"
    )
    print(f"ratio: {ours / theirs:.0f}x")


if __name__ == "__main__":
    main()
