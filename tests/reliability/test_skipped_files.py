"""Defect 9 of issue 11: README files, hidden files and folders and symlinked folders under
sources/ are skipped with a notice in the run log, not silently."""

from __future__ import annotations

import dagster as dg
from conftest import GOOD_ID

from figures.ingest import discover
from orchestration.defs.ingestion.assets import ingested_documents
from orchestration.resources import WarehouseResource


def add_skippable(root, tmp_path) -> None:
    (root / "readme.txt").write_text("How to add documents.")
    (root / "torch-center" / "README.md").write_text("About this publisher.")
    (root / "torch-center" / ".notes.txt").write_text("private")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD.txt").write_text("ref")
    (tmp_path / "elsewhere").mkdir()
    (root / "linked").symlink_to(tmp_path / "elsewhere")


def test_discovery_names_every_skipped_path_and_why(tmp_path, sources):
    add_skippable(sources, tmp_path)
    found = discover(sources)
    assert [ref.document_id for ref in found.refs] == [GOOD_ID]
    assert found.skipped == [
        ".git/: hidden folder, not searched for documents",
        "linked/: symlinked folder, not followed",
        "readme.txt: README file, taken as folder documentation and not ingested",
        "torch-center/.notes.txt: hidden file (name starts with '.'), not ingested",
        "torch-center/README.md: README file, taken as folder documentation and not ingested",
    ]


def test_ingestion_logs_a_notice_for_every_skipped_path(tmp_path, sources):
    add_skippable(sources, tmp_path)
    warehouse = WarehouseResource(sources_dir=str(sources), warehouse_dir=str(tmp_path / "wh"))
    instance = dg.DagsterInstance.ephemeral()
    result = dg.materialize(
        [ingested_documents], resources={"warehouse": warehouse}, instance=instance
    )
    assert result.success
    messages = [entry.user_message for entry in instance.all_logs(result.run_id)]
    for fragment in ("skipped .git/", "skipped linked/", "skipped readme.txt",
                     "skipped torch-center/.notes.txt", "skipped torch-center/README.md"):  # fmt: skip
        assert any(message.startswith(fragment) for message in messages), fragment
