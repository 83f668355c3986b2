"""The new-documents sensor's scan of sources/ (orchestration.source_watch): no file can hang
it or make it raise, and what ingestion would refuse still counts as a change."""

from __future__ import annotations

import os

from conftest import FOLDER, GOOD_ID

from orchestration.source_watch import compare, scan_sources


def test_a_named_pipe_and_a_link_to_dev_zero_neither_hang_nor_raise(sources, bounded):
    os.mkfifo(sources / FOLDER / "pipe.txt")
    os.symlink("/dev/zero", sources / FOLDER / "zero.txt")
    states = bounded(scan_sources, sources, {})
    assert states[f"{FOLDER}/pipe.txt"].sha256.startswith("refused:")
    assert states[f"{FOLDER}/zero.txt"].sha256.startswith("refused:")
    assert len(states[f"{FOLDER}/{GOOD_ID}.txt"].sha256) == 64


def test_a_dangling_symlink_is_a_file_whose_removal_is_seen(sources, bounded):
    os.symlink(sources / "nowhere.txt", sources / FOLDER / "dangling.txt")
    before = bounded(scan_sources, sources, {})
    assert before[f"{FOLDER}/dangling.txt"].sha256.startswith("refused:")
    (sources / FOLDER / "dangling.txt").unlink()
    after = bounded(scan_sources, sources, before)
    assert compare(before, after).removed == [f"{FOLDER}/dangling.txt"]
