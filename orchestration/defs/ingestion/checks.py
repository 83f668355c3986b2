"""Checks on the ingestion output, shown in the Dagster UI beside the assets."""

import dagster as dg

from orchestration.resources import WarehouseResource
from orchestration.warehouse import connect

# substring() reads a non-ASCII text from its start on every call (a 19 MB document's sentences
# took hours): each clean text is cut once into pieces of 256 characters and every sentence is
# quoted from the pieces it covers, in work linear in the text (dbt's quote_clean_text macro).
SENTENCE_OFFSETS_CHECK = """
    with pieces as (
        select document_id, generate_subscripts(pieces, 1) - 1 as piece_index, unnest(pieces) as piece_text
        from (select document_id, regexp_extract_all(clean_text, '(?s).{1,256}') as pieces from raw.documents)
    ),
    wanted as (
        select sentence_id, document_id, start_char, end_char,
               unnest(range(start_char // 256, greatest((end_char + 255) // 256, start_char // 256 + 1))) as piece_index
        from raw.sentences
        where document_id in (select document_id from raw.documents)
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


@dg.asset_check(asset="sentences", blocking=True, description="Every sentence's offsets slice its document's clean text to the sentence.")
def sentence_offsets_slice_clean_text(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    with connect(warehouse.build_database, read_only=True) as connection:
        total, mismatched = connection.execute(SENTENCE_OFFSETS_CHECK).fetchone()
    return dg.AssetCheckResult(
        passed=mismatched == 0,
        metadata={"sentences": total, "mismatched": mismatched},
    )
