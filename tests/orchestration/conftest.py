"""One cold refresh of the small corpus of test_incremental_build.DOCUMENTS, shared by the tests
that go on from a cold build (incremental, unchanged and batched refreshes): each starts from a
copy of its sources and warehouse folders instead of building them again."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from orchestration.resources import WarehouseResource
from tests.build_options import refresh_in_process


@dataclass(frozen=True)
class DocumentsBuild:
    """The cold build: its folders, its Dagster log messages, and the record of the dbt unit
    tests it ran (none had passed in that record before it)."""

    root: Path
    messages: list[str]

    @property
    def sources(self) -> Path:
        return self.root / "sources"

    @property
    def warehouse_dir(self) -> Path:
        return self.root / "warehouse"

    @property
    def unit_tests_record(self) -> Path:
        return self.root / "unit-tests"

    def copy_to(self, folder: Path) -> WarehouseResource:
        """Sources and warehouse copied under folder, as a resource for further refreshes."""
        shutil.copytree(self.sources, folder / "sources")
        shutil.copytree(self.warehouse_dir, folder / "warehouse")
        return WarehouseResource(sources_dir=str(folder / "sources"), warehouse_dir=str(folder / "warehouse"))


@pytest.fixture(scope="session")
def documents_build(tmp_path_factory) -> DocumentsBuild:
    from tests.orchestration.test_incremental_build import DOCUMENTS, write_document

    build = DocumentsBuild(root=tmp_path_factory.mktemp("documents-build"), messages=[])
    for name, text in DOCUMENTS.items():
        write_document(build.sources, name, text)
    result, instance = refresh_in_process(
        build.sources, build.warehouse_dir, {"DBT_UNIT_TESTS_CACHE": str(build.unit_tests_record)}
    )
    assert result.success
    build.messages.extend(entry.user_message for entry in instance.all_logs(result.run_id))
    return build
