"""Watch sources/ for new, changed and removed files by content hash.

Hashing every file on every sensor tick would cost seconds on a large corpus, so the last
scan is kept in a small state file: a file whose size and modification time are unchanged
keeps its stored hash; any other file is hashed again. A changed mtime alone therefore
triggers nothing; only changed bytes do.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from figures.ingest import source_fingerprint


@dataclass(frozen=True)
class FileState:
    size: int
    mtime_ns: int
    sha256: str


@dataclass(frozen=True)
class SourceChanges:
    added: list[str]
    changed: list[str]
    removed: list[str]

    @property
    def any(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def summary(self) -> str:
        return f"{len(self.added)} added, {len(self.changed)} changed, {len(self.removed)} removed"


def scan_sources(root: Path, previous: dict[str, FileState]) -> dict[str, FileState]:
    """State of every file under root (hidden files skipped), re-hashing only what moved."""
    states = {}
    for directory, folders, files in os.walk(root):
        folders[:] = sorted(folder for folder in folders if not folder.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(directory) / name
            relative = path.relative_to(root).as_posix()
            try:
                stat = path.stat()
            except OSError:  # a dangling symlink: its own entry, so removing it is a change
                stat = path.lstat()
            known = previous.get(relative)
            if known and known.size == stat.st_size and known.mtime_ns == stat.st_mtime_ns:
                states[relative] = known
            else:
                # Ingestion's own checked read: a named pipe, a device or a link out of sources/
                # is fingerprinted by why it is refused, never opened or read past the limit.
                states[relative] = FileState(stat.st_size, stat.st_mtime_ns, source_fingerprint(root, relative))
    return states


def sources_digest(states: dict[str, FileState]) -> str:
    """One hash for the whole tree's content: paths and file hashes, not times."""
    digest = hashlib.sha256()
    for relative in sorted(states):
        digest.update(f"{relative}\x1f{states[relative].sha256}\n".encode())
    return digest.hexdigest()[:32]


def compare(previous: dict[str, FileState], current: dict[str, FileState]) -> SourceChanges:
    return SourceChanges(
        added=sorted(set(current) - set(previous)),
        changed=sorted(p for p in set(current) & set(previous) if current[p].sha256 != previous[p].sha256),
        removed=sorted(set(previous) - set(current)),
    )


def load_scan(path: Path) -> dict[str, FileState]:
    if not path.exists():
        return {}
    try:
        return {relative: FileState(**state) for relative, state in json.loads(path.read_text()).items()}
    except (ValueError, TypeError):
        return {}  # a damaged cache only costs one full re-hash


def save_scan(path: Path, states: dict[str, FileState]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.with_suffix(".tmp")
    staging.write_text(json.dumps({relative: asdict(state) for relative, state in states.items()}))
    os.replace(staging, path)
