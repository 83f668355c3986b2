"""The published warehouse the cross-language, found-organisation and place-scope tests read
(corpus_build in published_builds.py), built once per session on the worker that runs them all."""

from __future__ import annotations

from pathlib import Path

import pytest
from published_builds import build_corpus


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory) -> Path:
    from test_cross_language import add_documents as cross_language_documents
    from test_found_organisations import add_documents as found_organisation_documents
    from test_place_scope import add_documents as place_scope_documents

    root = tmp_path_factory.mktemp("corpus-build")
    return build_corpus(root, [cross_language_documents, found_organisation_documents, place_scope_documents])
