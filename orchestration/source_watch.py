"""Watch sources/ for new, changed and removed files by content hash.

Hashing every file on every sensor tick would cost seconds on a large corpus, so the last
scan is kept in a small state file: a file whose size and modification time are unchanged
keeps its stored hash; any other file is hashed again. A changed mtime alone therefore
triggers nothing; only changed bytes do.

What the warehouse holds is recorded the same way: ingestion saves the scan it started from
(`record_ingested_sources`, taken before it reads a document, so a file that changes during a
run is seen as changed afterwards), and publishing promotes that scan to the published one
(`record_published_sources`). The sensor compares sources/ with the published scan, so only
a publish moves what it considers delivered.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path


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


# A document's sidecar is <file>.meta.yml beside it: one document, two files.
SIDECAR_SUFFIX = ".meta.yml"


def document_of(relative: str) -> str:
    """The document a file belongs to: itself, or the file its sidecar describes."""
    return relative.removesuffix(SIDECAR_SUFFIX)


def document_changes(previous: dict[str, FileState], current: dict[str, FileState]) -> SourceChanges:
    """Documents added, changed or removed: a document with its sidecar counts once, and a
    document whose file or sidecar changed (or lost or gained its sidecar) has changed."""

    def by_document(states: dict[str, FileState]) -> dict[str, tuple]:
        grouped: dict[str, list] = {}
        for relative in sorted(states):
            grouped.setdefault(document_of(relative), []).append((relative, states[relative].sha256))
        return {document: tuple(files) for document, files in grouped.items()}

    return compare_keys(by_document(previous), by_document(current))


def compare_keys(previous: dict, current: dict) -> SourceChanges:
    return SourceChanges(
        added=sorted(set(current) - set(previous)),
        changed=sorted(key for key in set(current) & set(previous) if current[key] != previous[key]),
        removed=sorted(set(previous) - set(current)),
    )


def scan_sources(root: Path, previous: dict[str, FileState]) -> dict[str, FileState]:
    """State of every file under root (hidden files skipped), re-hashing only what moved."""
    from figures.ingest import source_fingerprint  # pypdf and trafilatura: only when scanning

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
    """Files added, changed (by content) or removed."""
    return compare_keys(
        {relative: state.sha256 for relative, state in previous.items()},
        {relative: state.sha256 for relative, state in current.items()},
    )


def load_scan(path: Path) -> dict[str, FileState]:
    if not path.exists():
        return {}
    try:
        return {relative: FileState(**state) for relative, state in json.loads(path.read_text()).items()}
    except (ValueError, TypeError):
        return {}  # a damaged cache only costs one full re-hash


def save_scan(path: Path, states: dict[str, FileState], **fields: object) -> None:
    """Write the scan atomically (the sensor and a run may write at once: each its own
    staging file). Extra fields go beside the files, in a snapshot."""
    content = {relative: asdict(state) for relative, state in states.items()}
    if fields:
        content = fields | {"files": content}
    _write_atomically(path, json.dumps(content))


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, staging = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(handle, "w") as file:
            file.write(text)
        os.replace(staging, path)
    finally:
        Path(staging).unlink(missing_ok=True)


# Where a warehouse folder keeps its scans. The tick cache only saves re-hashing; the two
# snapshots live with the build, so a build folder deleted means nothing is delivered.
SCAN_CACHE_FILE = "state/source_scan.json"
INGESTED_SOURCES_FILE = "build/sources_ingested.json"
PUBLISHED_SOURCES_FILE = "build/sources_published.json"


@dataclass(frozen=True)
class SourcesSnapshot:
    digest: str
    files: dict[str, FileState]
    published_at: str | None = None


def scan_with_cache(sources_root: Path, warehouse_dir: Path) -> dict[str, FileState]:
    """Scan sources/, re-hashing only files whose size or mtime moved since the last scan."""
    cache = Path(warehouse_dir) / SCAN_CACHE_FILE
    current = scan_sources(Path(sources_root), load_scan(cache))
    try:
        save_scan(cache, current)
    except OSError:
        pass  # the cache only saves time; a full disk must not stop a scan
    return current


# The `file` each sidecar declared, by the hash of its bytes (figures.ingest.SidecarMemo): only
# saves reading and parsing sidecars again; safe to delete.
SIDECAR_FILES_CACHE = "state/sidecar_files.json"


def load_sidecar_files(warehouse_dir: Path) -> dict[str, str | None]:
    try:
        content = json.loads((Path(warehouse_dir) / SIDECAR_FILES_CACHE).read_text())
    except (OSError, ValueError):
        return {}  # none yet, or damaged: the sidecars are read again
    return content if isinstance(content, dict) else {}


def save_sidecar_files(warehouse_dir: Path, declared: dict[str, str | None], states: dict[str, FileState]) -> None:
    """Keep the entries of the sidecars under sources/ now (a removed sidecar's goes)."""
    present = {state.sha256 for state in states.values()}
    try:
        _write_atomically(Path(warehouse_dir) / SIDECAR_FILES_CACHE, json.dumps({key: value for key, value in declared.items() if key in present}))
    except OSError:
        pass  # the cache only saves time; a full disk must not stop a run


def record_ingested_sources(warehouse_dir: Path, states: dict[str, FileState]) -> str:
    """Ingestion started from this state of sources/; returns its digest."""
    digest = sources_digest(states)
    save_scan(Path(warehouse_dir) / INGESTED_SOURCES_FILE, states, digest=digest)
    return digest


def record_published_sources(warehouse_dir: Path, published_at: str) -> SourcesSnapshot | None:
    """The build just published holds what ingestion last started from: that is delivered."""
    ingested = load_snapshot(Path(warehouse_dir) / INGESTED_SOURCES_FILE)
    if ingested is None:
        return None
    save_scan(Path(warehouse_dir) / PUBLISHED_SOURCES_FILE, ingested.files, digest=ingested.digest, published_at=published_at)
    return SourcesSnapshot(ingested.digest, ingested.files, published_at)


def load_snapshot(path: Path) -> SourcesSnapshot | None:
    try:
        content = json.loads(path.read_text())
        files = {relative: FileState(**state) for relative, state in content["files"].items()}
        return SourcesSnapshot(content["digest"], files, content.get("published_at"))
    except (OSError, ValueError, TypeError, KeyError):
        return None  # none yet, or damaged: nothing counts as delivered


def published_sources(warehouse_dir: Path) -> SourcesSnapshot | None:
    return load_snapshot(Path(warehouse_dir) / PUBLISHED_SOURCES_FILE)
