"""Synthetic but realistic corpus for scale benchmarks: news and report prose about
entrepreneurship and innovation, with figures in varied units, scales, qualifiers and periods.

Sentences are assembled from parts (subject, figure, unit, noun, period, comparison), so no
sentence is one template repeated; a fixed seed makes every corpus reproducible.
"""

from __future__ import annotations

import random
from pathlib import Path

PLACES = [
    "China", "Shanghai", "Beijing", "Shenzhen", "Hangzhou", "Chengdu", "Wuhan", "Xi'an", "Nanjing",
    "Suzhou", "Guangzhou", "Tianjin", "Chongqing", "Hefei", "Zhongguancun", "Guangdong province",
    "Jiangsu province", "Zhejiang province", "the Yangtze River Delta", "the Pearl River Delta",
]  # fmt: skip
ORGANISATIONS = [
    "the Ministry of Science and Technology", "the Torch Center", "the State Council",
    "the National Development and Reform Commission", "the municipal science commission",
    "the local bureau of statistics", "a research center under the Ministry of Industry",
]  # fmt: skip
COMPANY_WORDS = (
    ["Bright", "Cloud", "Star", "Dragon", "Jade", "Swift", "Nova", "Peak", "Blue", "Golden", "Sino", "Tech"],
    ["path", "wave", "core", "link", "stone", "bridge", "leaf", "spark", "field", "gate"],
    ["Robotics", "Biotech", "Software", "Logistics", "Materials", "Drones", "Energy", "Health", "Fintech"],
)
COUNTED = [
    "makerspaces", "incubators", "start-ups", "start-up teams", "new enterprises", "patents",
    "high-tech zones", "entrepreneurship events", "training sessions", "policies", "graduates",
    "jobs", "investment funds", "accelerators", "technology contracts", "research institutes",
    "angel investors", "hatching platforms", "co-working spaces", "projects",
]  # fmt: skip
MONEY_NOUNS = [
    "venture capital", "government funding", "investment", "sales revenue", "profit",
    "technology contract value", "fiscal support", "seed funding", "export orders", "R&D spending",
]  # fmt: skip
CURRENCIES = [
    ("{n} {scale} yuan", 0.5), ("RMB {n} {scale}", 0.2), ("US${n} {scale}", 0.15),
    ("${n} {scale}", 0.05), ("{n} {scale} euros", 0.05), ("HK${n} {scale}", 0.05),
]  # fmt: skip
SCALES = ["million", "billion", "thousand", "billion", "million", "mln", "bn"]
QUALIFIERS = ["", "", "", "over ", "more than ", "about ", "nearly ", "some ", "less than ", "up to "]
PERIOD_OPENERS = [
    "In {y}, ", "By the end of {y}, ", "In the first half of {y}, ", "During {y}, ",
    "As of June {y}, ", "", "", "Last year, ", "In the third quarter of {y}, ",
]  # fmt: skip
VERBS = ["reached", "totalled", "stood at", "rose to", "climbed to", "exceeded", "amounted to", "hit"]
CHANGES = [
    "an increase of {p}% compared with {py}", "up {p}% year-on-year", "down {p}% from {py}",
    "a year-on-year increase of {p} percent", "{p} percentage points higher than in {py}",
]  # fmt: skip
FILLER = [
    "Officials said the programme would continue to support young entrepreneurs.",
    "The report called for better services for small and micro-sized enterprises.",
    "Experts noted that innovation has become a major driver of economic growth.",
    "Local governments were encouraged to open their resources to start-ups.",
    "The campaign aims to turn mass innovation into a new engine of development.",
    "Universities and research institutes joined hands with large enterprises.",
    "Industry insiders expect the momentum to continue in the coming years.",
    "The measures cover taxation, financing, talent and intellectual property.",
]  # fmt: skip


def _number(rng: random.Random, whole: bool = False) -> str:
    kind = rng.random()
    if whole and 0.3 <= kind < 0.6:
        kind = 0.7  # counts are whole numbers
    if kind < 0.3:
        return f"{rng.randint(2, 999)}"
    if kind < 0.6:
        return f"{rng.randint(1, 99)}.{rng.randint(1, 99)}"
    if kind < 0.85:
        return f"{rng.randint(1, 99)},{rng.randint(0, 999):03d}"
    return f"{rng.randint(1, 40)}-{rng.randint(41, 90)}"


def _company(rng: random.Random) -> str:
    first, second, third = COMPANY_WORDS
    return f"{rng.choice(first)}{rng.choice(second)} {rng.choice(third)}"


def _sentence(rng: random.Random, year: int) -> str:
    y, py = year - rng.randint(0, 3), year - rng.randint(4, 6)
    opener = rng.choice(PERIOD_OPENERS).format(y=y)
    place = rng.choice(PLACES)
    kind = rng.random()
    if kind < 0.35:
        figure = f"{rng.choice(QUALIFIERS)}{_number(rng, whole=True)} {rng.choice(COUNTED)}"
        body = f"{place} had {figure}"
    elif kind < 0.65:
        template = rng.choices([c for c, _ in CURRENCIES], [w for _, w in CURRENCIES])[0]
        money = template.format(n=_number(rng), scale=rng.choice(SCALES))
        subject = rng.choice([place, _company(rng), rng.choice(ORGANISATIONS)])
        body = f"{rng.choice(MONEY_NOUNS)} of {subject} {rng.choice(VERBS)} {rng.choice(QUALIFIERS)}{money}"
    elif kind < 0.8:
        body = f"the number of {rng.choice(COUNTED)} in {place} grew by {rng.randint(2, 60)}.{rng.randint(0, 9)}%"
    elif kind < 0.9:
        body = (
            f"{_company(rng)} reported average daily sales of {rng.randint(1, 30)} million yuan, "
            f"and its floor space reached {rng.randint(2, 90)},000 square meters"
        )
    else:
        body = f"{place} is expected to host {rng.randint(10, 500)} {rng.choice(COUNTED)} by {year + rng.randint(1, 4)}"
    change = f", {rng.choice(CHANGES).format(p=rng.randint(2, 80), py=py)}" if rng.random() < 0.4 else ""
    sentence = f"{opener}{body}{change}."
    return sentence[0].upper() + sentence[1:]


def document_text(rng: random.Random, target_chars: int, year: int) -> str:
    paragraphs, size = [], 0
    while size < target_chars:
        sentences = [_sentence(rng, year) if rng.random() < 0.7 else rng.choice(FILLER) for _ in range(rng.randint(3, 6))]
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs) + "\n"


def write_corpus(root: Path, documents: int, chars_per_document: int = 10_000, seed: int = 2017) -> int:
    """Write `documents` documents with sidecars under root; returns the bytes written."""
    rng = random.Random(seed)
    total = 0
    for number in range(documents):
        year = rng.randint(2014, 2019)
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        folder = root / f"publisher-{number % 37:02d}" / date
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{date}_bench-{number:05d}.txt"
        text = f"Entrepreneurship report {number}\n\n" + document_text(rng, chars_per_document, year)
        (folder / name).write_text(text, encoding="utf-8")
        (folder / f"{name}.meta.yml").write_text(
            f"file: {name}\ntitle: Entrepreneurship report {number}\npublisher: Publisher {number % 37}\n"
            f"published_on: {date}\nformat: text\nlanguage: en\nsource_tier: {1 + number % 3}\n",
            encoding="utf-8",
        )
        total += len(text.encode("utf-8"))
    return total
