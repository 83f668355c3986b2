"""Checks on the ingestion output, shown in the Dagster UI beside the assets."""

import dagster as dg

from orchestration.resources import WarehouseResource
from orchestration.warehouse import connect

# substring() reads a non-ASCII text from its start on every call (a 19 MB document's sentences
# took hours): each clean text is cut once into pieces of 256 characters and every sentence is
# quoted from the pieces it covers, in work linear in the text (dbt's quote_clean_text macro).
# {documents} is the relation of (document_id, clean_text) whose sentences are checked.
SENTENCE_OFFSETS_CHECK = """
    with checked as (select document_id, clean_text from {documents}),
    pieces as (
        select document_id, generate_subscripts(pieces, 1) - 1 as piece_index, unnest(pieces) as piece_text
        from (select document_id, regexp_extract_all(clean_text, '(?s).{{1,256}}') as pieces from checked)
    ),
    wanted as (
        select sentence_id, document_id, start_char, end_char,
               unnest(range(start_char // 256, greatest((end_char + 255) // 256, start_char // 256 + 1))) as piece_index
        from raw.sentences
        where document_id in (select document_id from checked)
    ),
    quoted as (
        select w.sentence_id,
               coalesce(substring(string_agg(p.piece_text, '' order by p.piece_index),
                                  any_value(w.start_char) % 256 + 1, any_value(w.end_char - w.start_char)), '') as quoted
        from wanted as w
        left join pieces as p using (document_id, piece_index)
        group by w.sentence_id
    )
    select count(*), count(*) filter (where q.quoted <> s.text)
    from raw.sentences as s join quoted as q using (sentence_id)
"""
# Documents whose sentences passed the check, under the content key they passed with: a
# document's rows change only with its key, so a refresh checks just the rest.
VERIFIED_TABLE = "raw.sentence_offsets_verified"
# The documents not verified under their current key, taken once per check (ids and keys only).
UNVERIFIED_KEYS = f"""
    create or replace temp table unverified_documents as
    select d.document_id, d.content_key from raw.documents as d
    where not exists (select 1 from {VERIFIED_TABLE} as v
                      where v.document_id = d.document_id and v.content_key is not distinct from d.content_key)
"""
UNVERIFIED_DOCUMENTS = "(select document_id, clean_text from raw.documents semi join unverified_documents using (document_id))"


def sentence_offset_mismatches(connection, documents: str = "raw.documents") -> tuple[int, int]:
    """(sentences checked, sentences their offsets do not quote) for a relation of documents."""
    return connection.execute(SENTENCE_OFFSETS_CHECK.format(documents=documents)).fetchone()


def check_unverified_sentence_offsets(connection) -> tuple[int, int, int]:
    """Check the documents not verified under their current content key; when all pass,
    record them as verified. Returns (documents checked, sentences checked, mismatched)."""
    connection.execute(f"create table if not exists {VERIFIED_TABLE} (document_id varchar, content_key varchar)")
    connection.execute(f"delete from {VERIFIED_TABLE} where document_id not in (select document_id from raw.documents)")
    connection.execute(UNVERIFIED_KEYS)
    n_documents = connection.execute("select count(*) from unverified_documents").fetchone()[0]
    total, mismatched = sentence_offset_mismatches(connection, UNVERIFIED_DOCUMENTS)
    if mismatched == 0 and n_documents:
        connection.execute("begin transaction")
        connection.execute(f"delete from {VERIFIED_TABLE} where document_id in (select document_id from unverified_documents)")
        connection.execute(f"insert into {VERIFIED_TABLE} select document_id, content_key from unverified_documents")
        connection.execute("commit")
    connection.execute("drop table unverified_documents")
    return n_documents, total, mismatched


@dg.asset_check(asset="documents", blocking=False, description="Lists quarantined documents (warning: they are kept, not lost).")
def no_quarantined_documents(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    with connect(warehouse.build_database, read_only=True) as connection:
        rows = connection.execute(
            "select source_path, error from raw.documents where status <> 'ok' order by source_path"
        ).fetchall()
    return dg.AssetCheckResult(
        passed=not rows,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={
            "quarantined_count": len(rows),
            "quarantined": dg.MetadataValue.json([{"file": f, "error": e} for f, e in rows]),
        },
    )


@dg.asset_check(
    asset="sentences",
    blocking=True,
    description="Every sentence's offsets slice its document's clean text to the sentence "
    "(checked for the documents not yet verified under their current content).",
)
def sentence_offsets_slice_clean_text(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    with connect(warehouse.build_database) as connection:
        documents, sentences, mismatched = check_unverified_sentence_offsets(connection)
    return dg.AssetCheckResult(
        passed=mismatched == 0,
        metadata={"documents_checked": documents, "sentences": sentences, "mismatched": mismatched},
    )
