"""The sentence-offset check quotes each sentence from 256-character pieces of its document
(linear in the text, where substring() over a non-ASCII text is not): it must flag exactly the
sentences that Python's own slicing of the clean text disagrees with, at piece edges, past the
text's end and for empty spans included."""

import random

import duckdb

from orchestration.defs.ingestion.checks import SENTENCE_OFFSETS_CHECK

ALPHABET = "abc déf 中文。’“ \n"


def test_offset_check_flags_exactly_the_sentences_slicing_disagrees_with():
    rng = random.Random(5)
    connection = duckdb.connect()
    connection.execute("create schema raw")
    connection.execute("create table raw.documents (document_id varchar, clean_text varchar)")
    connection.execute(
        "create table raw.sentences (sentence_id varchar, document_id varchar, start_char bigint, end_char bigint, text varchar)"
    )
    expected_total = expected_bad = 0
    for number in range(30):
        length = rng.choice([0, 5, 255, 256, 257, 1000, 3000])
        text = "".join(rng.choice(ALPHABET) for _ in range(length))
        connection.execute("insert into raw.documents values (?, ?)", [f"d{number}", text])
        for span in range(40):
            start = rng.randint(0, length + 5)
            end = rng.randint(start, start + rng.choice([0, 1, 300, 700]))
            quoted = text[start:end]
            stored = quoted if rng.random() < 0.8 else (quoted[:-1] + "x" if quoted else "y")
            connection.execute(
                "insert into raw.sentences values (?, ?, ?, ?, ?)", [f"d{number}-{span}", f"d{number}", start, end, stored]
            )
            expected_total += 1
            expected_bad += stored != quoted
    # a sentence whose document is gone is not counted (the check joins documents)
    connection.execute("insert into raw.sentences values ('orphan', 'gone', 0, 3, 'abc')")
    assert connection.execute(SENTENCE_OFFSETS_CHECK).fetchone() == (expected_total, expected_bad)
    assert expected_bad > 100
