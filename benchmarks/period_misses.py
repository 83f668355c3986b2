"""What the English period chooser's misses are: dev figures whose period is wrong, tabulated by
the gold period's kind, where the chosen candidate sits, whether any candidate was right, the
figure's gold measure type and the document's genre.

    .venv/bin/python benchmarks/period_misses.py [--language en|zh] [--show dev-a]

Tables are printed for dev-a and dev-b as totals; --show dev-a also lists dev-a's misses, one line
each (never dev-b's, never the holdout's). --language zh tabulates the Chinese chooser's misses
(figures.chinese_context's candidates: which one was chosen, by which rule, and where a right
one sits). Figures are matched to quantities as
benchmarks/train_period_model.py matches them, so the counts are near the warehouse benchmark's.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS))
sys.path.insert(0, str(BENCHMARKS / "meaning_corpus"))

from check_gold import part_of
from train_period_model import DEFAULT_CORPORA, dev_sources, matched_figures, period_right

from figures.chinese_context import GRAMMAR_RULES, _ChineseDocument, resolve_chinese_contexts
from figures.context import DocumentTimes, publication
from figures.period_choice import (
    _placement,
    _tense,
    default_chinese_chooser,
    default_chooser,
    features_of,
)
from figures.periods import resolve_contexts
from figures.quantities import extract

PARTS = ("dev-a", "dev-b")
# The publisher's words that say what kind of writer it is, tried in this order.
GENRES = (
    ("government", r"gov\b|gov\.cn|government|ministry|bureau|state council|administration|embassy|authority|district"),
    ("research", r"oecd|university|institute|school|think tank|review|quarterly|report|statista|startup genome|cset|bofit|kpmg"),
    ("release", r"press release|newswire|pr newswire|business wire|release|sec edgar"),
    ("state media", (r"xinhua|china daily|cgtn|people's daily|ecns|global times|shanghai daily|shine|cctv|china\.org|"
                     r"chinagate|scio|economic net|caixin|yicai|national business daily|shenzhen daily|eye on shenzhen|"
                     r"huanqiu|iChongqing|beijing review|china today|hangzhou\.com|jiangsu|newsgd|tibet")),
    ("foreign press", (r"reuters|bloomberg|south china morning post|scmp|nikkei|asia times|financial times|foreign policy|"
                       r"tass|taipei times|rthk|macau|nation thailand|business standard|mint")),
)


def gold_kind(period: str | None) -> str:
    if period is None:
        return "undated"
    if "/" in period:
        start = period.split("/")[0]
        return "span of years" if re.fullmatch(r"\d{4}", start) else "span of months" if len(start) == 7 and start[4] == "-" and start[5:].isdigit() else "span other"
    if re.fullmatch(r"\d{4}", period):
        return "year"
    if "-Q" in period:
        return "quarter"
    if "-H" in period:
        return "half"
    if re.fullmatch(r"\d{4}-\d\d", period):
        return "month"
    return "day"


def genre_of(publisher: str) -> str:
    for genre, pattern in GENRES:
        if re.search(pattern, publisher, re.IGNORECASE):
            return genre
    return "business/tech press"


def miss_kind(gold: str | None, context) -> str:
    """How the chosen period is wrong."""
    undated = context.period_source == "none" or context.period_start is None
    if gold is None:
        return "dated, gold undated"
    if undated:
        return "undated, gold dated"
    gold_years = [int(y) for y in re.findall(r"\d{4}", gold)[:1] + re.findall(r"\d{4}", gold)[-1:]]
    start, end = context.period_start.year, context.period_end.year
    if "/" in gold and start == end:
        return "one period, gold a span"
    if "/" not in gold and start != end:
        return "a span, gold one period"
    if gold_years[-1] == end:
        return "same end year, other granularity" if gold_kind(gold) != (context.period_granularity or "") else "same year, other part"
    return "year before gold" if end < gold_years[-1] else "year after gold"


def _short(where: str) -> str:
    return re.sub(r"^back[3-9]$", "back3+", re.sub(r"^document-?\d+$", "document", where))


# Where the guide finds a figure's period, nearest first, by the place of a right candidate.
NEAREST_FIRST = ("own", "clause", "sentence", "base_next", "span_end", "to_last_year", "published_year",
                 "back1", "back2", "back3", "back4", "lead", "headline", "document", "publication")  # fmt: skip
NOW_RE = re.compile(r"\b(?i:now|currently|presently|nowadays|at\s+present|today)\b")
SO_FAR_RE = re.compile(r"\b(?i:so\s+far|to\s+date|thus\s+far|by\s+now)\b")


def dated_by(times: DocumentTimes, figure: int, candidates, rights: list[bool]) -> str:
    """What in the text dates a figure the chooser left undated, as the guide reads it: the
    nearest place a right candidate sits (its sentence, an earlier sentence of its paragraph or
    an earlier paragraph, the document's opening, the headline, the year the document reports on,
    the month of news of an event), or 'not offered' with the gold period's kind."""
    places = {}
    for candidate, right in zip(candidates, rights):
        if right:
            where = _placement(times, figure, candidate)[0]
            where = "document" if where.startswith("document") else where
            places.setdefault(where, candidate)
    if not places:
        return "not offered"
    where = min(places, key=lambda w: NEAREST_FIRST.index(w) if w in NEAREST_FIRST else len(NEAREST_FIRST))
    if where.startswith("back"):
        candidate = places[where]
        slot = times.slots[times.slot_of_expression[candidate.expression]]
        same = slot.paragraph == times.slots[times.slot_of_figure[figure]].paragraph
        return f"earlier sentence ({'same paragraph' if same else 'earlier paragraph'})"
    return {"headline": "headline", "lead": "the document's opening", "document": "the year the document reports on",
            "publication": "the month of news of an event"}.get(where, "its own sentence")  # fmt: skip


def figure_cue(times: DocumentTimes, figure: int) -> str:
    """The figure's clause read for the guide's present cues: 'so far' / 'to date', 'now' /
    'currently', else its tense."""
    quantity = times.quantities[figure]
    slot = times.slots[times.slot_of_figure[figure]]
    start, end = slot.clause_of(quantity.start)
    clause = times.text[start:end]
    if SO_FAR_RE.search(clause):
        return "so far/to date"
    if NOW_RE.search(clause):
        return "now/currently"
    return _tense(times.text, start, end)


def margin_bucket(margin: float) -> str:
    """How far the best right candidate's score fell below the chosen one's."""
    for edge in (0.5, 1.0, 2.0, 4.0):
        if margin <= edge:
            return f"<= {edge}"
    return "> 4.0"


def publishers(corpus: Path) -> dict[str, str]:
    found = {}
    for meta in (corpus / "documents").rglob("*.meta.yml"):
        data = yaml.safe_load(meta.read_text(encoding="utf-8"))
        found[meta.name.split(".")[0]] = data.get("publisher") or ""
    return found


def chinese_candidate_name(candidate) -> str:
    """A Chinese candidate as the tables name it: its source, and the rule that chose it."""
    rule = f" rule:{candidate.why or 'default'}" if candidate.rule else ""
    granularity = candidate.time.period.granularity if candidate.time is not None else "-"
    return f"{candidate.source}/{granularity}{rule}"


def chinese_misses(show: str | None) -> None:
    """The Chinese chooser's misses, tabulated per dev half (dev-a's listed with --show dev-a)."""
    chooser = default_chinese_chooser()
    names = ("gold kind", "miss", "chosen", "candidate", "right ones offered", "kind x chosen")
    tables = {part: {name: Counter() for name in names} for part in PARTS}
    totals = {part: Counter() for part in PARTS}
    for corpus in DEFAULT_CORPORA["zh"]:
        for source, figures in dev_sources(corpus, True):
            part = part_of(source.document_id)
            text, sentences = source.clean_text, list(source.sentences)
            quantities = extract(text)
            finals = resolve_chinese_contexts(
                text, quantities, source.published_on, sentences, chooser, source.title
            )
            document = _ChineseDocument(
                text, quantities, source.published_on, sentences, source.title
            )
            for index, figure in matched_figures(text, quantities, figures):
                gold = figure.get("period")
                totals[part]["figures"] += 1
                if period_right(gold, finals[index]):
                    continue
                totals[part]["wrong"] += 1
                candidates = document.candidates(index)
                if quantities[index].equivalent_of is not None:
                    chosen = "restatement"
                elif candidates[0].why in GRAMMAR_RULES:
                    chosen = chinese_candidate_name(candidates[0])
                else:
                    scores = [chooser.score(f) for f in document.features(index, candidates)]
                    best = max(
                        range(len(candidates)), key=lambda i: (scores[i], candidates[i].rule, -i)
                    )
                    chosen = chinese_candidate_name(candidates[best])
                rights = sorted({
                    chinese_candidate_name(c) for c in candidates if period_right(gold, document.context(index, c, None))
                })  # fmt: skip
                row = {
                    "gold kind": gold_kind(gold),
                    "miss": miss_kind(gold, finals[index]),
                    "chosen": chosen,
                    "candidate": "right candidate offered" if rights else "no right candidate",
                    "right ones offered": " + ".join(rights) if rights else None,
                    "kind x chosen": f"{gold_kind(gold)} <- {chosen} ({'offered' if rights else 'not offered'})",
                }
                for name, value in row.items():
                    if value is not None:
                        tables[part][name][value] += 1
                if show == part:
                    quantity = quantities[index]
                    start = max(text.rfind("\n", 0, quantity.start) + 1, quantity.start - 80)
                    snippet = " ".join(text[start : quantity.end + 40].split())
                    print(f"{source.document_id} [{source.published_on}] {quantity.text!r} gold={gold} "
                          f"chosen={finals[index].period_label} ({chosen}) {row['miss']}; right: {' + '.join(rights) or '-'}")  # fmt: skip
                    print(f"    {snippet}")
    for part in PARTS:
        print(
            f"\n{part}: {totals[part]['figures']} matched figures, period wrong {totals[part]['wrong']}"
        )
        for name, counts in tables[part].items():
            print(f"  by {name}:")
            for value, n in counts.most_common(16):
                print(f"    {n:4d}  {value}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--language", choices=["en", "zh"], default="en", help="English or Chinese documents")
    parser.add_argument("--show", choices=["dev-a"], help="list that half's misses")
    args = parser.parse_args(argv)
    if args.language == "zh":
        chinese_misses(args.show)
        return 0
    chooser = default_chooser()
    tables = {part: {name: Counter() for name in ("gold kind", "miss", "chosen where", "candidate", "measure type", "genre", "kind x where", "right ones offered (chosen none)",
                                         "undated, gold dated: dated by", "undated, gold dated: dated by x cue",
                                         "undated, gold dated: score below chosen")} for part in PARTS}
    totals = {part: Counter() for part in PARTS}
    for corpus in DEFAULT_CORPORA["en"]:
        publisher_of = publishers(corpus)
        for source, figures in dev_sources(corpus, False):
            part = part_of(source.document_id)
            text, sentences = source.clean_text, list(source.sentences)
            quantities = extract(text)
            finals = resolve_contexts(text, quantities, source.published_on, sentences, source.title, chooser)
            times = DocumentTimes(text, quantities, publication(source.published_on), sentences, source.title)
            genre = genre_of(publisher_of.get(source.document_id, ""))
            for index, figure in matched_figures(text, quantities, figures):
                gold = figure.get("period")
                totals[part]["figures"] += 1
                if period_right(gold, finals[index]):
                    continue
                totals[part]["wrong"] += 1
                if times.slots:
                    candidates = times.period_candidates(index)
                    chosen = chooser.choose(times, index, candidates)
                    where = _placement(times, index, chosen)[0]
                    right_where = sorted({
                        _short(_placement(times, index, c)[0])
                        for c in candidates
                        if period_right(gold, times.candidate_context(index, c))
                    })
                    covered = bool(right_where)
                    rights = [period_right(gold, times.candidate_context(index, c)) for c in candidates]
                    scores = [chooser.score(f) for f in features_of(times, index, candidates)]
                    chosen_score = scores[candidates.index(chosen)]
                    best_right = max((s for s, r in zip(scores, rights) if r), default=None)
                else:
                    candidates, where, covered, right_where, rights, best_right = [], "no sentences", False, [], [], None
                if quantities[index].equivalent_of is not None:
                    where = "restatement"
                where = _short(where)
                row = {
                    "gold kind": gold_kind(gold),
                    "miss": miss_kind(gold, finals[index]),
                    "chosen where": where,
                    "candidate": "right candidate offered" if covered else "no right candidate",
                    "measure type": figure.get("measure_type") or "-",
                    "genre": genre,
                    "kind x where": f"{gold_kind(gold)} <- {where} ({'offered' if covered else 'not offered'})",
                    "right ones offered (chosen none)": "+".join(right_where) if where == "none" and covered else None,
                }
                if row["miss"] == "undated, gold dated" and times.slots:
                    source_of = dated_by(times, index, candidates, rights)
                    cue = figure_cue(times, index)
                    row["undated, gold dated: dated by"] = source_of
                    row["undated, gold dated: dated by x cue"] = f"{source_of} / {cue}"
                    if best_right is not None:
                        row["undated, gold dated: score below chosen"] = f"{source_of}: {margin_bucket(chosen_score - best_right)}"
                for name, value in row.items():
                    if value is not None:
                        tables[part][name][value] += 1
                if args.show == part:
                    quantity = quantities[index]
                    start = max(text.rfind("\n", 0, quantity.start) + 1, quantity.start - 160)
                    snippet = " ".join(text[start : quantity.end + 80].split())
                    print(f"{source.document_id} [{source.published_on}] {quantity.text!r} gold={gold} "
                          f"chosen={finals[index].period_label} ({where}) {row['miss']}; {row['candidate']}; "
                          f"{row['measure type']}; {genre}; right at {'+'.join(right_where)}"
                          + (f"; dated by {row['undated, gold dated: dated by x cue']}" if "undated, gold dated: dated by" in row else "")
                          + (f"; right scores {chosen_score - best_right:.2f} below" if best_right is not None and times.slots else ""))  # fmt: skip
                    print(f"    {snippet}")
    for part in PARTS:
        print(f"\n{part}: {totals[part]['figures']} matched figures, period wrong {totals[part]['wrong']}")
        for name, counts in tables[part].items():
            print(f"  by {name}:")
            for value, n in counts.most_common(14 if name == "kind x where" else None) if name.startswith("undated") is False else sorted(counts.items()):
                print(f"    {n:4d}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
