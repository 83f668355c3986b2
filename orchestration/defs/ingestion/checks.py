"""Checks on the ingestion output, shown in the Dagster UI beside the assets."""

import dagster as dg

from orchestration.resources import WarehouseResource
from orchestration.warehouse import connect


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
        total, mismatched = connection.execute(
            """
            select count(*), count(*) filter (
                where substring(d.clean_text, s.start_char + 1, s.end_char - s.start_char) <> s.text
            )
            from raw.sentences s join raw.documents d using (document_id)
            """
        ).fetchone()
    return dg.AssetCheckResult(
        passed=mismatched == 0,
        metadata={"sentences": total, "mismatched": mismatched},
    )
