"""Command line for the figures library.

    figures extract --jsonl < in.jsonl > out.jsonl   # {"id", "text"} in, {"id", "quantities"} out
    figures extract FILE                             # readable table of the figures in a document

In --jsonl mode a line that is not a JSON object with a string "text" gives
{"id": ..., "error": "..."} on stdout and a message naming the line on stderr; the other lines
are still processed and the exit status is 1.
"""

import argparse
import json
import sys
from pathlib import Path

from figures.quantities import EXTRACTOR_VERSION, Quantity, extract

TABLE_COLUMNS = (
    ("start", 6),
    ("text", 34),
    ("value", 18),
    ("unit", 8),
    ("class", 10),
    ("qualifier", 9),
    ("counted / per / status / change", 0),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="figures", description="Extract figures from English and Chinese prose."
    )
    parser.add_argument(
        "--version", action="version", version=f"figures extractor {EXTRACTOR_VERSION}"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    extract_command = commands.add_parser(
        "extract",
        help="find the quantities in a document or in JSON lines",
        description="Print the quantities found in FILE as a table, or with --jsonl read "
        '{"id": ..., "text": ...} lines on stdin and write {"id": ..., "quantities": [...]} lines.',
    )
    extract_command.add_argument("file", nargs="?", type=Path, help="a UTF-8 text document")
    extract_command.add_argument(
        "--jsonl", action="store_true", help="JSON lines on stdin -> stdout"
    )
    extract_command.add_argument(
        "--language",
        help="the text's language (en, zh, zh-Hant, ...); by default Chinese rules read text "
        'that reads as Chinese. A JSON line\'s own "language" wins over it.',
    )
    args = parser.parse_args(argv)

    if args.jsonl == (args.file is not None):
        extract_command.error("give either FILE or --jsonl")
    if args.jsonl:
        return _extract_jsonl(sys.stdin, sys.stdout, sys.stderr, args.language)
    return _print_table(args.file, sys.stdout, args.language)


def _extract_jsonl(lines, out, err, language: str | None = None) -> int:
    failures = 0
    for line_number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record_id = None
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise TypeError("line is not a JSON object")
            record_id = record.get("id")
            text = record.get("text")
            if not isinstance(text, str):
                raise TypeError('"text" is missing or not a string')
        except (ValueError, TypeError) as problem:  # json.JSONDecodeError is a ValueError
            failures += 1
            message = f"line {line_number}: {problem}"
            print(f"figures extract: {message}", file=err)
            out.write(json.dumps({"id": record_id, "error": message}) + "\n")
            continue
        line_language = record.get("language")
        quantities = [
            q.to_dict()
            for q in extract(text, line_language if isinstance(line_language, str) else language)
        ]
        out.write(
            json.dumps({"id": record_id, "quantities": quantities}, ensure_ascii=False) + "\n"
        )
    return 1 if failures else 0


def _print_table(path: Path, out, language: str | None = None) -> int:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as problem:
        print(f"figures extract: cannot read {path}: {problem}", file=sys.stderr)
        return 1
    quantities = extract(text, language)
    out.write("  ".join(name.ljust(width) for name, width in TABLE_COLUMNS).rstrip() + "\n")
    for quantity in quantities:
        out.write(_table_row(quantity) + "\n")
    out.write(f"{len(quantities)} quantities in {path} ({len(text)} characters)\n")
    return 0


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.4f}".rstrip("0")


def _table_row(q: Quantity) -> str:
    value = _number(q.value) if q.value is not None else f"{_number(q.low)}-{_number(q.high)}"
    notes = [
        note
        for note in (
            q.counted and f"counted={q.counted}",
            q.per and f"per={q.per}",
            q.status_hint and f"status={q.status_hint}",
            q.change and f"change={q.change}",
            q.equivalent_of is not None and f"same as #{q.equivalent_of}",
        )
        if note
    ]
    cells = (
        str(q.start),
        " ".join(q.text.split()),
        value,
        q.unit,
        q.unit_class,
        q.qualifier,
        "; ".join(notes),
    )
    return "  ".join(
        cell[:width].ljust(width) if width else cell
        for cell, (_, width) in zip(cells, TABLE_COLUMNS)
    ).rstrip()


if __name__ == "__main__":
    sys.exit(main())
