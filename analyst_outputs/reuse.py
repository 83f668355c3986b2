"""Files of the previous for_analysts/ whose inputs did not change are linked into the new folder
instead of written again.

Every page and export is written under a digest of what it reads: the rows of the marts it
shows (hashed by DuckDB, analyst_outputs.marts), this package's code and templates, and the
versions of the libraries that shape it. The digests are kept beside the pages (.inputs.json).
On the next publish a file whose digest is unchanged is hard-linked from the previous folder
(copied where links are not possible), so a one-document refresh writes the pages of the
changed document and of the indicators whose observations changed, not all of them. A page
kept this way keeps the "Generated" time of the publish that wrote it.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import shutil
from functools import cache
from pathlib import Path

MANIFEST = ".inputs.json"
PACKAGE_DIR = Path(__file__).resolve().parent
# What shapes every output besides its rows: the libraries that read the marts and draw the pages.
SHAPING_DISTRIBUTIONS = ("duckdb", "jinja2", "pandas", "altair", "vl-convert-python")


@cache
def code_digest() -> str:
    """Digest of this package's code and templates and the versions of the libraries it uses."""
    digest = hashlib.sha256()
    for path in sorted([*PACKAGE_DIR.glob("*.py"), *(PACKAGE_DIR / "templates").rglob("*")]):
        if path.is_file():
            digest.update(str(path.relative_to(PACKAGE_DIR)).encode())
            digest.update(path.read_bytes())
    for name in SHAPING_DISTRIBUTIONS:
        try:
            digest.update(f"{name}={importlib.metadata.version(name)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{name}=absent".encode())
    return digest.hexdigest()


def inputs_digest(*parts: object) -> str:
    """Digest of the code and the given parts (row hashes, names, settings) an output depends on."""
    digest = hashlib.sha256(code_digest().encode())
    for part in parts:
        digest.update(b"\x1f")
        digest.update(repr(part).encode())
    return digest.hexdigest()[:32]


class Reuse:
    """Decides, file by file, whether the previous folder's copy can stand for the new one.

    A file may carry a note (what an index lists about it, say an indicator's counts), kept with
    its digest, so a reused page's row on an index needs none of its rows read again."""

    def __init__(self, previous: Path, staging: Path):
        self.previous = previous
        self.staging = staging
        try:
            manifest = json.loads((previous / MANIFEST).read_text(encoding="utf-8"))
            self.before: dict[str, str] = dict(manifest["files"])
            self.notes_before: dict[str, object] = dict(manifest.get("notes", {}))
        except (OSError, ValueError, KeyError, TypeError):
            self.before, self.notes_before = {}, {}
        self.after: dict[str, str] = {}
        self.notes: dict[str, object] = {}
        self.reused = 0
        self.written = 0

    def take(self, relative: str, digest: str, noted: bool = False) -> bool:
        """Record the file's digest; link the previous file in and return True when its digest
        (and, if `noted`, its note) is there, else return False: the caller writes the file."""
        self.after[relative] = digest
        source = self.previous / relative
        reusable = self.before.get(relative) == digest and source.is_file()
        if not reusable or (noted and relative not in self.notes_before):
            self.written += 1
            return False
        target = self.staging / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, target)
        except OSError:  # another file system, or links not allowed: a copy does as well
            shutil.copyfile(source, target)
        if noted:
            self.notes[relative] = self.notes_before[relative]
        self.reused += 1
        return True

    def note(self, relative: str, note: object) -> None:
        self.notes[relative] = note

    def forget(self, relative: str) -> None:
        """A file that could not be written must not be taken as up to date next time."""
        self.after.pop(relative, None)
        self.notes.pop(relative, None)

    def save(self) -> None:
        manifest = {"files": self.after, "notes": self.notes}
        (self.staging / MANIFEST).write_text(json.dumps(manifest, sort_keys=True), encoding="utf-8")
