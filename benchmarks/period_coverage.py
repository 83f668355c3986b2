"""How often the gold period of a matched dev figure is among the periods the document offers it
(`DocumentTimes.period_candidates`, or a Chinese document's candidates), and, when the trained
chooser gets it wrong, whether no candidate had it or the chooser picked another.

    .venv/bin/python benchmarks/period_coverage.py [--language en|zh] [--show dev-a]

Counts are printed for dev-a and dev-b; --show dev-a lists dev-a's misses (never dev-b's, never
the holdout's) with the figure's sentence, its gold period and the candidates' periods.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS))
sys.path.insert(0, str(BENCHMARKS / "meaning_corpus"))

from check_gold import part_of
from train_period_model import DEFAULT_CORPORA, dev_documents, period_right

from figures.chinese_context import _ChineseDocument, resolve_chinese_contexts
from figures.context import DocumentTimes, publication
from figures.period_choice import default_chinese_chooser, default_chooser
from figures.periods import resolve_contexts

PARTS = ("dev-a", "dev-b")


def kind_of(gold, covered: bool, right: bool) -> str:
    if right:
        return "right"
    if covered:
        return "chooser picked another"
    return "no candidate (gold undated)" if gold is None else "no candidate (gold dated)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--language", choices=["en", "zh"], default="en")
    parser.add_argument("--show", choices=["dev-a"], help="list that half's misses")
    args = parser.parse_args(argv)
    chinese = args.language == "zh"
    counts = {part: Counter() for part in PARTS}
    for corpus in DEFAULT_CORPORA[args.language]:
        for document in dev_documents(corpus, chinese):
            part = part_of(document.document_id)
            if chinese:
                finals = resolve_chinese_contexts(
                    document.text, document.quantities, document.published_on, document.sentences,
                    default_chinese_chooser(), document.title,
                )  # fmt: skip
                reader = _ChineseDocument(document.text, document.quantities, document.published_on, document.sentences, document.title)
            else:
                finals = resolve_contexts(
                    document.text, document.quantities, document.published_on, document.sentences, document.title, default_chooser()
                )
                reader = DocumentTimes(
                    document.text, document.quantities, publication(document.published_on), document.sentences, document.title
                )
            for figure, gold in sorted(document.gold_periods.items()):
                quantity = document.quantities[figure]
                if chinese:
                    candidates = reader.candidates(figure)
                    contexts = [reader.context(figure, c, None) for c in candidates]
                elif reader.slots:
                    candidates = reader.period_candidates(figure)
                    contexts = [reader.candidate_context(figure, c) for c in candidates]
                else:
                    candidates, contexts = [], []
                covered = any(period_right(gold, c) for c in contexts)
                right = period_right(gold, finals[figure])
                kind = kind_of(gold, covered, right)
                if quantity.equivalent_of is not None:
                    kind += " [restatement]"
                counts[part][kind] += 1
                counts[part]["figures"] += 1
                counts[part]["covered"] += covered
                if args.show == part and not right:
                    start = document.text.rfind("\n", 0, quantity.start) + 1
                    end = document.text.find("\n", quantity.end)
                    sentence = document.text[max(start, quantity.start - 200) : min(end if end >= 0 else len(document.text), quantity.end + 120)]
                    offered = sorted({c.period_label or "-" for c in contexts})
                    print(f"{document.document_id} [{document.published_on}] {kind}: {quantity.text!r} gold={gold} "
                          f"chosen={finals[figure].period_label} ({finals[figure].period_source}) offered={offered}")  # fmt: skip
                    print(f"    title: {document.title}")
                    print(f"    text: {' '.join(sentence.split())}")
    for part in PARTS:
        c = counts[part]
        print(f"{args.language} {part}: {c['figures']} matched figures, gold among candidates {c['covered']} "
              f"({c['covered'] / max(c['figures'], 1):.3f})")  # fmt: skip
        for kind, n in sorted(c.items()):
            if kind not in ("figures", "covered"):
                print(f"    {kind}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
