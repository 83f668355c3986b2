"""The `figures extract` command: the JSON-lines contract other tools rely on, and the table."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from figures.cli import main

CONTRACT_KEYS = {
    "text",
    "start",
    "end",
    "value",
    "low",
    "high",
    "unit",
    "unit_class",
    "counted",
    "per",
    "qualifier",
}


def _run(args: list[str], stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "figures.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def test_jsonl_contract_and_a_bad_line():
    lines = [
        json.dumps(
            {"id": "a", "text": "Over 1,600 incubators raised 53.96 billion yuan ($7.83 billion)."}
        ),
        "{not json",
        json.dumps({"id": 7, "text": "Costs were US$30-50 thousands a kilogram."}),
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "empty", "text": ""}),
    ]
    result = _run(["extract", "--jsonl"], "\n".join(lines) + "\n")
    assert result.returncode == 1
    assert "line 2" in result.stderr and "line 4" in result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [record["id"] for record in out] == ["a", None, 7, "no-text", "empty"]
    assert "error" in out[1] and "error" in out[3]

    first = out[0]["quantities"]
    assert all(CONTRACT_KEYS <= set(q) for q in first)
    incubators, yuan, dollars = first
    assert (
        incubators["value"],
        incubators["unit"],
        incubators["counted"],
        incubators["qualifier"],
    ) == (
        1600,
        "count",
        "incubators",
        "over",
    )
    assert (yuan["value"], yuan["unit"], yuan["low"], yuan["high"]) == (
        53_960_000_000,
        "CNY",
        53_960_000_000,
        53_960_000_000,
    )
    assert (dollars["unit"], dollars["equivalent_of"]) == ("USD", 1)
    text = json.loads(lines[0])["text"]
    assert all(text[q["start"] : q["end"]] == q["text"] for q in first)

    (price,) = out[2]["quantities"]
    assert (price["value"], price["low"], price["high"], price["unit"], price["per"]) == (
        None,
        30_000,
        50_000,
        "USD",
        "kilogram",
    )
    assert out[4]["quantities"] == []


def test_jsonl_all_good_exits_zero():
    result = _run(["extract", "--jsonl"], json.dumps({"id": 1, "text": "It grew 5%."}) + "\n\n")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["quantities"][0]["unit"] == "percent"


def test_table_for_a_file(tmp_path: Path):
    document = tmp_path / "doc.txt"
    document.write_text(
        "In 2016, 53.96 billion yuan was raised by 5,739 makers' spaces.", encoding="utf-8"
    )
    result = _run(["extract", str(document)])
    assert result.returncode == 0, result.stderr
    assert "53,960,000,000" in result.stdout and "CNY" in result.stdout
    assert "counted=makers' spaces" in result.stdout
    assert "2 quantities" in result.stdout


def test_file_or_jsonl_is_required(capsys):
    with pytest.raises(SystemExit):
        main(["extract"])
    assert "FILE or --jsonl" in capsys.readouterr().err


def test_missing_file_is_an_error(tmp_path: Path):
    assert main(["extract", str(tmp_path / "missing.txt")]) == 1
