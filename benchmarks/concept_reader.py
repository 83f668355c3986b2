"""How well the English concept reader (figures/meaning.py) names what a figure counts or
measures, on the dev documents of the meaning corpus: per dev half, the figures whose words
(the counted noun, else the concept: what the indicator chooser reads as the figure's phrase)
are right, junk of a kind, or another noun phrase; for the wrong ones with a gold indicator,
where that indicator's noun cue stood in the sentence.

    .venv/bin/python benchmarks/concept_reader.py [--corpus DIR] [--list]

Right: a noun or context cue of the gold indicator is in the phrase, or (gold none) the phrase's
last word is a word of the gold concept. Junk kinds: empty, a place (the entity seed's), a
period, a unit or scale word, a pronoun or existential ("there", "it", "the number"), a
preposition object (read after "of/in/for" following the figure). --list prints dev-a's wrong
items only; dev-b is counted, never listed. Only dev documents are read.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS))
sys.path.insert(0, str(BENCHMARKS / "meaning_corpus"))
from check_gold import part_of, split_of
from train_indicator_chooser import locate

from figures.indicators import DEFAULT_CATALOG, names_only_a_place, read_catalog
from figures.ingest import discover_documents, ingest_document
from figures.meaning import CUE_WINDOW, _clause, _clause_breaks, concept_and_source, read_meanings
from figures.periods import resolve_contexts
from figures.quantities import extract
from figures.quantities.chinese import reads_as_chinese

PERIOD_RE = re.compile(
    r"(?i:^(?:the\s+)?(?:(?:first|last|past|same|whole|previous)\s+)?(?:[\w-]+\s+)?"
    r"(?:period|year|years|months?|quarters?|half|weeks?|days?|decade|time|(?:19|20)\d\d)$"
    r"|january|february|march|april|june|july|august|september|october|november|december)"
)
UNIT_RE = re.compile(
    r"^(?:the\s+)?(?:units?|yuan|rmb|dollars?|usd|percent|per\s+cent|percentage(?:\s+points?)?|points?|times|fold"
    r"|items?|pieces?|ones?|mln|million|billion|trillion|thousand|hundred|tons?|square\s+met(?:er|re)s?|mu|hectares?|cases?)$",
    re.IGNORECASE,
)
PRONOUN_RE = re.compile(
    r"^(?:there|it|they|them|this|that|these|those|which|who|we|he|she|its|their|total|number|figure|amount|count|tally|all|both|each|one)$",
    re.IGNORECASE,
)
STOP = {"the", "a", "an", "of", "in", "and", "or", "for", "to", "on", "by", "at", "with", "new", "total", "number"}


def stem(word: str) -> str:
    word = word.lower().strip(".,'’\"()")
    for ending in ("ies", "es", "s"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)] + ("y" if ending == "ies" else "")
    return word


def kind_of(phrase: str | None, source: str, gold_indicator, gold_concept: str | None) -> str:
    if not phrase or not phrase.strip():
        return "empty"
    if gold_indicator is not None:
        if any(p is not None and p.search(phrase) for p in (gold_indicator.noun_cues, gold_indicator.context_cues)):
            return "right"
    elif gold_concept:
        words = {stem(w) for w in re.findall(r"[\w'-]+", gold_concept)} - STOP
        if stem(phrase.split()[-1]) in words:
            return "right"
    if names_only_a_place(phrase, False):
        return "place"
    if PERIOD_RE.search(phrase.strip()):
        return "period"
    if UNIT_RE.match(phrase.strip()):
        return "unit word"
    if PRONOUN_RE.match(phrase.strip()) or phrase.strip().lower().startswith("there "):
        return "pronoun/existential"
    if source == "object":
        return "preposition object"
    return "other noun phrase"


def where_cue(text: str, quantity, sentence: tuple[int, int], clause: tuple[int, int], indicator, previous: tuple[int, int] | None) -> str:
    """Where the gold indicator's noun (else context) cue stands, relative to the figure."""
    for pattern in (indicator.noun_cues, indicator.context_cues):
        if pattern is None:
            continue
        spans = [m.span() for m in pattern.finditer(text, *sentence) if not (quantity.start <= m.start() < quantity.end)]
        if not spans:
            continue
        nearest = min(spans, key=lambda s: abs(s[0] - quantity.start))
        start, end = nearest
        if start >= quantity.end:
            gap = text[quantity.end : start]
            if len(gap) <= 40 and not re.search(r"[,;:()]", gap):
                return "N X (after the figure)"
            return "after, farther"
        gap = text[end : quantity.start]
        if re.search(r"\bnumber\s+of\s+(?:[\w'’&-]+\s+){0,3}$", text[max(sentence[0], start - 40) : start], re.IGNORECASE):
            return "the number of X ... N"
        if re.search(r"[–—(]\s*(?:[\w\s]{0,20})?$", gap):
            return "apposition"
        if start >= clause[0]:
            return "X verb N (same clause)"
        if re.search(r"\b(?i:of\s+(?:them|which|whom)|among\s+(?:them|which|whom))\b", text[start : quantity.start]):
            return "previous clause, of which"
        return "previous clause"
    if previous and any(p is not None and p.search(text, *previous) for p in (indicator.noun_cues, indicator.context_cues)):
        return "previous sentence"
    return "not in sentence (lead, title, table header)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=BENCHMARKS / "meaning_corpus")
    parser.add_argument("--list", action="store_true", help="print dev-a's wrong items")
    args = parser.parse_args()
    catalog = {i.indicator_id: i for i in read_catalog(DEFAULT_CATALOG, "en")}
    sources = args.corpus / "documents"
    gold_files = {path.stem: path for path in (args.corpus / "gold").glob("*.yml")}
    kinds: dict[tuple[str, str], Counter] = defaultdict(Counter)  # (half, gold or none) -> kind
    by_source: dict[str, Counter] = defaultdict(Counter)
    places: dict[str, Counter] = defaultdict(Counter)
    for ref in discover_documents(sources):
        if ref.document_id not in gold_files or split_of(ref.document_id) != "dev":
            continue
        document = ingest_document(ref, sources)
        text = document.clean_text
        if document.status != "ok" or reads_as_chinese(text):
            continue
        half = part_of(ref.document_id)
        gold = yaml.safe_load(gold_files[ref.document_id].read_text(encoding="utf-8"))
        quantities = extract(text)
        spans = [(s.start, s.end) for s in document.sentences]
        contexts = resolve_contexts(text, quantities, document.published_on, list(document.sentences), document.title)
        meanings = read_meanings(text, quantities, spans, [c.period_is_point_in_time for c in contexts])
        used: set[int] = set()
        for entry in gold.get("figures") or []:
            span = locate(text, entry["context"], str(entry["number"]))
            if span is None:
                continue
            hits = [i for i, q in enumerate(quantities) if i not in used and q.start <= span[0] < q.end]
            if not hits:
                continue
            index = hits[0]
            used.add(index)
            quantity, meaning = quantities[index], meanings[index]
            if quantity.equivalent_of is not None or quantity.unit_class not in ("count", "currency", "percent"):
                continue
            position = max(i for i, s in enumerate(spans) if s[0] <= quantity.start) if spans and spans[0][0] <= quantity.start else 0
            sentence = spans[position] if spans else (0, len(text))
            clause = _clause(_clause_breaks(text, sentence), quantity.start, quantity.end, sentence)
            reach = (max(sentence[0], quantity.start - CUE_WINDOW), min(sentence[1], quantity.end + CUE_WINDOW))
            read, source = concept_and_source(text, quantity, clause, reach)
            phrase = quantity.counted or meaning.concept
            if meaning.concept != read and source != "counted":
                source = "borrowed"
            indicator = catalog.get(entry.get("indicator") or "")
            kind = kind_of(phrase, source, indicator, entry.get("concept"))
            group = "gold" if indicator else "none"
            kinds[(half, group)][kind] += 1
            kinds[(half, group)]["all"] += 1
            if half == "dev-a" and indicator:
                by_source[source][kind == "right"] += 1
            if indicator and kind != "right":
                previous = spans[position - 1] if spans and position > 0 else None
                places[half][where_cue(text, quantity, sentence, clause, indicator, previous)] += 1
            if args.list and half == "dev-a" and kind != "right":
                context = " ".join(text[max(sentence[0], quantity.start - 90) : min(sentence[1], quantity.end + 50)].split())
                print(f"[{kind}] {source} {quantity.text!r} phrase={phrase!r} gold={entry.get('indicator')} "
                      f"gold_concept={entry.get('concept')!r}\n    ...{context}...")  # fmt: skip
    order = ("right", "other noun phrase", "empty", "place", "period", "unit word", "pronoun/existential", "preposition object")
    for half in ("dev-a", "dev-b"):
        for group in ("gold", "none"):
            count = kinds[(half, group)]
            cells = ", ".join(f"{k} {count[k]}" for k in order if count[k])
            print(f"{half} gold {'indicator' if group == 'gold' else 'none':9s} {count['all']:4d} figures: {cells}")
        print(f"{half} where the gold indicator's cue stood (wrong phrase): "
              + ", ".join(f"{k} {n}" for k, n in places[half].most_common()))  # fmt: skip
    print("dev-a gold indicator, right/all by reading: "
          + ", ".join(f"{s} {c[True]}/{c[True] + c[False]}" for s, c in sorted(by_source.items(), key=lambda x: -sum(x[1].values()))))  # fmt: skip


if __name__ == "__main__":
    main()
