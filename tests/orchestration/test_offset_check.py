"""The sentence-offset check quotes each sentence from 256-character pieces of its document
(linear in the text, where substring() over a non-ASCII text is not): it must flag exactly the
sentences that Python's own slicing of the clean text disagrees with, at piece edges, past the
text's end and for empty spans included."""

import random

import duckdb

from orchestration.defs.ingestion.checks import (
    check_unverified_sentence_offsets,
    sentence_offset_mismatches,
)

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
    assert sentence_offset_mismatches(connection) == (expected_total, expected_bad)
    assert expected_bad > 100


def _documents_table(connection, texts: dict[str, str]) -> None:
    connection.execute("create schema raw")
    connection.execute("create table raw.documents (document_id varchar, clean_text varchar, content_key varchar)")
    connection.execute(
        "create table raw.sentences (sentence_id varchar, document_id varchar, start_char bigint, end_char bigint, text varchar)"
    )
    for document_id, text in texts.items():
        connection.execute("insert into raw.documents values (?, ?, ?)", [document_id, text, f"key-{text}"])
        connection.execute("insert into raw.sentences values (?, ?, 0, 3, ?)", [f"{document_id}-0", document_id, text[:3]])


def test_a_refresh_checks_only_documents_not_verified_under_their_content_key():
    connection = duckdb.connect()
    _documents_table(connection, {"a": "déjà vu", "b": "中文文本。", "c": "plain"})
    assert check_unverified_sentence_offsets(connection) == (3, 3, 0)
    assert check_unverified_sentence_offsets(connection) == (0, 0, 0)  # nothing changed
    # b's content changes (new key) and its stored sentence no longer quotes it
    connection.execute("update raw.documents set clean_text = 'xyz changed', content_key = 'key-2' where document_id = 'b'")
    assert check_unverified_sentence_offsets(connection) == (1, 1, 1)
    # a failed document stays unverified: the next refresh checks it again and fails again
    assert check_unverified_sentence_offsets(connection) == (1, 1, 1)
    connection.execute("update raw.sentences set text = 'xyz' where document_id = 'b'")
    assert check_unverified_sentence_offsets(connection) == (1, 1, 0)
    assert check_unverified_sentence_offsets(connection) == (0, 0, 0)
    # a removed document leaves the verified list; one added under a verified id's old key is checked
    connection.execute("delete from raw.documents where document_id = 'c'")
    connection.execute("insert into raw.documents values ('d', 'new text', 'key-new')")
    connection.execute("insert into raw.sentences values ('d-0', 'd', 0, 3, 'new')")
    assert check_unverified_sentence_offsets(connection) == (1, 1, 0)
    verified = connection.execute("select document_id from raw.sentence_offsets_verified order by 1").fetchall()
    assert verified == [("a",), ("b",), ("d",)]
