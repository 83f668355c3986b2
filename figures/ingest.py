"""Documents under sources/ -> validated, cleaned, sentence-split records.

Layout (see figures/schemas/document_metadata.schema.json for the metadata keys):

    sources/<publisher-slug>/<YYYY-MM-DD | YYYY-MM | YYYY>/<document file>
    sources/<publisher-slug>/<YYYY-MM-DD | YYYY-MM | YYYY>/<document file>.meta.yml

A document's id is its file's stem ("2018-12-05_torch-report-latest-progress"). Every
problem with one document (no or bad metadata, a path leaving sources/, a missing, empty,
oversized, binary or undecodable file, a duplicate id) quarantines that document with an
error naming the file and the problem; nothing here raises for one bad document.

    discover_documents(root) -> [DocumentRef]        one per sidecar + one per orphan file
    discover(root) -> Discovery                      the refs + a notice per skipped path
    ingest_document(ref, root, max_bytes) -> IngestedDocument
    ingest_sources(root, max_bytes) -> [IngestedDocument], sorted by document_id
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
import stat
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any

import jsonschema
import yaml

from figures.sentences import Sentence, split_sentences
from figures.text import TextExtractionError, detect_language, to_clean_text

# Larger files are not prose documents worth holding in memory; callers may raise it.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Sidecars are small hand-written YAML: larger ones are refused before they are parsed.
MAX_SIDECAR_BYTES = 64 * 1024
# Nesting deeper than this is not metadata (the keys hold scalars); refused before composing.
MAX_YAML_DEPTH = 20
# Longest text kept from a sidecar, per key; a longer value quarantines the document.
MAX_VALUE_CHARS = {
    "file": 500, "title": 500, "publisher": 300, "url": 2000, "language": 35,
    "license": 300, "notes": 4000, "translation_of": 500,
}  # fmt: skip
# Longest error message stored (warehouse, logs); a longer one is cut with its full length.
MAX_ERROR_CHARS = 1000
MAX_PROBLEM_CHARS = 300  # one of several problems listed in an error
READ_CHUNK_BYTES = 1024 * 1024
SIDECAR_SUFFIX = ".meta.yml"
# Which format a file extension suggests; the sidecar's `format` decides.
EXTENSION_FORMATS = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}
# Folder documentation, not documents: README.md etc. are neither ingested nor quarantined.
README_STEM = "readme"
SCHEMA_FILE = "document_metadata.schema.json"
# Precision of `published_on` by its length: YYYY-MM-DD, YYYY-MM, YYYY.
PUBLISHED_PRECISIONS = {10: "day", 7: "month", 4: "year"}
YAML_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class _MetadataLoader(yaml.SafeLoader):
    """Safe YAML loader that keeps dates as written: `published_on: 2017-09` and
    `published_on: 2017-09-01` both stay strings, so the precision is not lost."""


_MetadataLoader.yaml_implicit_resolvers = {
    first_char: [(tag, pattern) for tag, pattern in resolvers if tag != YAML_TIMESTAMP_TAG]
    for first_char, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# libyaml's parser, when PyYAML has it, reads a sidecar about ten times faster than the
# pure-Python one; the resolvers and constructors, hence the values, are the same. The two
# parsers disagree only at the edges of the syntax (tabs, BOMs and odd line breaks, tags, block
# and flow collections' corner cases, directives): text with any of those, and YAML that libyaml
# rejects, is read by _MetadataLoader alone, so values, errors and messages do not change.
_LIBYAML_UNSAFE = re.compile("[\t\ufeff\x85\u2028\u2029!|>\\[{]|^%", re.MULTILINE)
_FastMetadataLoader = None
if getattr(yaml, "__with_libyaml__", False):

    class _FastMetadataLoader(yaml.CSafeLoader):
        """_MetadataLoader's resolvers on libyaml's parser."""

    _FastMetadataLoader.yaml_implicit_resolvers = _MetadataLoader.yaml_implicit_resolvers


class UnsafeYamlError(yaml.YAMLError):
    """A sidecar whose YAML structure is refused before it is built: anchors and aliases
    (which let a few hundred bytes expand to gigabytes) or nesting past MAX_YAML_DEPTH."""


def _check_yaml_events(text: str, loader_class: type) -> None:
    """Walk the parser's events (constant memory, nothing built) and refuse anchors, aliases
    and deep nesting before the document is composed into Python objects."""
    loader = loader_class(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                raise UnsafeYamlError(
                    "YAML anchors and aliases (&name, *name) are not allowed in a sidecar"
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    raise UnsafeYamlError(
                        f"YAML nested more than {MAX_YAML_DEPTH} levels deep; a sidecar is a flat "
                        "mapping of keys to values"
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    finally:
        loader.dispose()


def _load_yaml(text: str, loader_class: type) -> Any:
    _check_yaml_events(text, loader_class)
    return yaml.load(text, Loader=loader_class)


def _parse_yaml(text: str) -> Any:
    """yaml.load with _MetadataLoader (dates kept as strings), on libyaml when available.
    Anchors, aliases and deep nesting raise UnsafeYamlError before anything is built."""
    if _FastMetadataLoader is not None and not _LIBYAML_UNSAFE.search(text):
        try:
            return _load_yaml(text, _FastMetadataLoader)
        except yaml.YAMLError:
            pass
    return _load_yaml(text, _MetadataLoader)


def bounded_text(text: str, limit: int = MAX_ERROR_CHARS) -> str:
    """`text` if it has at most `limit` characters, else its start, "..." and its length."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}... ({len(text)} characters in all)"


@dataclass(frozen=True)
class DocumentRef:
    """Where one document is: paths are posix, relative to the sources root.

    `source_path` is the document file as the sidecar names it (it may not exist, or may
    point outside sources/); `metadata_path` is None for a document file without sidecar.
    `duplicate_of` says which document (and sidecar) keeps this file stem as its id, or
    which others claim it too when none does; the duplicate then gets its own path as id, so
    ids (and partition keys) stay unique.
    """

    document_id: str
    source_path: str
    metadata_path: str | None
    duplicate_of: str | None = None


@dataclass(frozen=True)
class IngestedDocument:
    """One document after ingestion: metadata, provenance, status and clean text.

    status is "ok" or "quarantined"; a quarantined document has an `error` naming the file
    and the problem, empty `clean_text` and no sentences, and keeps whatever metadata, size
    and sha256 could be read. `encoding` is None for PDF and for unreadable files.
    `warnings` are problems that did not stop ingestion (extension/format mismatch, U+FFFD).
    """

    document_id: str
    source_path: str
    metadata_path: str | None
    status: str
    error: str | None = None
    title: str | None = None
    publisher: str | None = None
    published_on: str | None = None
    published_precision: str | None = None
    url: str | None = None
    format: str | None = None
    language: str | None = None
    source_tier: int | None = None
    date_accessed: str | None = None
    license: str | None = None
    notes: str | None = None
    translation_of: str | None = None  # the document_id of the original this one translates
    sha256: str | None = None
    encoding: str | None = None
    n_bytes: int | None = None
    clean_text: str = ""
    sentences: tuple[Sentence, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def to_record(self, include_clean_text: bool = True) -> dict[str, Any]:
        """One flat row for a documents table: every field but `sentences`, plus counts;
        `warnings` joined with "; " (None when there are none)."""
        record = {
            name: getattr(self, name) for name in self.__dataclass_fields__ if name != "sentences"
        }
        record["warnings"] = "; ".join(self.warnings) or None
        record["n_chars"] = len(self.clean_text)
        record["n_sentences"] = len(self.sentences)
        if not include_clean_text:
            del record["clean_text"]
        return record

    def sentence_records(self) -> list[dict[str, Any]]:
        """One flat row per sentence for a sentences table."""
        return [
            {
                "document_id": self.document_id,
                "sentence_index": s.index,
                "start": s.start,
                "end": s.end,
                "text": s.text,
            }
            for s in self.sentences
        ]


class _Quarantine(Exception):
    """Internal: stops ingesting one document; the message becomes its `error`."""


def ingest_sources(
    sources_root: Path, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[IngestedDocument]:
    """Ingest every document under `sources_root`; sorted by document_id (deterministic).

    Raises only if `sources_root` itself is not a folder: that is a configuration error.
    """
    sources_root = Path(sources_root)
    if not sources_root.is_dir():
        raise FileNotFoundError(f"sources root {sources_root} is not a folder")
    documents = [
        ingest_document(ref, sources_root, max_bytes) for ref in discover_documents(sources_root)
    ]
    return sorted(documents, key=lambda doc: doc.document_id)


def discover_documents(
    sources_root: Path, established: Mapping[str, tuple[str, str | None]] | None = None
) -> list[DocumentRef]:
    """One ref per sidecar and one per document file no sidecar claims; sorted by id.

    Hidden files and folders and README files are skipped; symlinked folders are not
    followed. Never raises for a bad sidecar: its `file` key is read leniently here and
    validated by ingest_document. A sidecar whose `file` is absolute or leaves the sidecar's
    folder claims nothing: it takes its own path as id and is quarantined.

    `established` maps document ids to the (source_path, metadata_path) that held them
    before (the warehouse's documents); it decides who keeps an id that several documents
    claim (see _with_unique_ids).
    """
    return discover(sources_root, established).refs


@dataclass(frozen=True)
class Discovery:
    """What discover() found: the documents, and the paths it skipped with why (notices
    for the run log: nothing under sources/ is passed over silently)."""

    refs: list[DocumentRef]
    skipped: list[str]


@dataclass(frozen=True)
class SidecarMemo:
    """What each sidecar's `file` key said when its bytes were last read, so discover() need not
    read and parse them again: `fingerprints` maps a sidecar's path (relative to sources/) to the
    hash of its bytes (a scan of sources/ has it), `declared` maps that hash to the file the
    sidecar names (None: its own name implies it). discover() adds what it reads."""

    fingerprints: Mapping[str, str]
    declared: MutableMapping[str, str | None]


def discover(
    sources_root: Path,
    established: Mapping[str, tuple[str, str | None]] | None = None,
    memo: SidecarMemo | None = None,
) -> Discovery:
    """discover_documents, plus a notice for every file or folder it skipped; with `memo`, a
    sidecar whose bytes it knows is not read again."""
    sources_root = Path(sources_root)
    files, skipped = _source_files(sources_root)
    refs = []
    claimed = set()
    for sidecar in (path for path in files if path.name.endswith(SIDECAR_SUFFIX)):
        metadata_path = str(_relative_posix(sidecar, sources_root))
        declared = _remembered_declared_file(sidecar, sources_root, metadata_path, memo)
        source_path = str(_relative_posix(sidecar.parent, sources_root) / declared)
        if _leaves_folder(declared):
            refs.append(DocumentRef(metadata_path, source_path, metadata_path))
            continue
        claimed.add(os.path.normpath(sidecar.parent / declared))
        refs.append(DocumentRef(PurePosixPath(declared).stem, source_path, metadata_path))
    for path in files:
        if not path.name.endswith(SIDECAR_SUFFIX) and os.path.normpath(path) not in claimed:
            relative = _relative_posix(path, sources_root)
            refs.append(
                DocumentRef(document_id=path.stem, source_path=str(relative), metadata_path=None)
            )
    unique = _with_unique_ids(refs, established or {})
    return Discovery(sorted(unique, key=lambda ref: ref.document_id), skipped)


def _remembered_declared_file(
    sidecar: Path, sources_root: Path, relative: str, memo: SidecarMemo | None
) -> str:
    """_declared_file, taken from the memo when it has read these bytes before."""
    implied = sidecar.name.removesuffix(SIDECAR_SUFFIX)
    fingerprint = memo.fingerprints.get(relative) if memo else None
    if fingerprint is not None and fingerprint in memo.declared:
        return memo.declared[fingerprint] or implied
    declared = _declared_file(sidecar, sources_root)
    if fingerprint is not None:
        memo.declared[fingerprint] = None if declared == implied else declared
    return declared


def _leaves_folder(declared: str) -> bool:
    """Does a sidecar's `file` name something outside the sidecar's own folder?"""
    if PurePosixPath(declared).is_absolute() or Path(declared).is_absolute():
        return True
    normal = os.path.normpath(declared)
    return normal == ".." or normal.startswith("../")


def _source_files(sources_root: Path) -> tuple[list[Path], list[str]]:
    """The candidate files under sources/, and a notice for each path skipped."""
    files: list[Path] = []
    skipped: list[str] = []
    for folder, subfolders, names in os.walk(sources_root):
        here = Path(folder)
        kept = []
        for name in sorted(subfolders):
            relative = _relative_posix(here / name, sources_root)
            if name.startswith("."):
                skipped.append(f"{relative}/: hidden folder, not searched for documents")
            elif (here / name).is_symlink():
                skipped.append(f"{relative}/: symlinked folder, not followed")
            else:
                kept.append(name)
        subfolders[:] = kept
        for name in sorted(names):
            relative = _relative_posix(here / name, sources_root)
            if name.startswith("."):
                skipped.append(f"{relative}: hidden file (name starts with '.'), not ingested")
            elif name.lower().startswith(README_STEM):
                skipped.append(
                    f"{relative}: README file, taken as folder documentation and not ingested"
                )
            else:
                files.append(here / name)
    return files, skipped


def _relative_posix(path: Path, root: Path) -> PurePosixPath:
    return PurePosixPath(path.relative_to(root).as_posix())


def _declared_file(sidecar: Path, sources_root: Path) -> str:
    """The sidecar's `file` key if readable, else the name its own file name implies.

    The sidecar is read only if it is a regular file inside sources/ of at most
    MAX_SIDECAR_BYTES (checked before it is opened); ingest_document says what is wrong."""
    implied = sidecar.name.removesuffix(SIDECAR_SUFFIX)
    relative = str(_relative_posix(sidecar, sources_root))
    try:
        raw = _read_checked(sources_root, relative, relative, MAX_SIDECAR_BYTES)
        metadata = _parse_yaml(raw.decode("utf-8"))
    except (_Quarantine, UnicodeDecodeError, yaml.YAMLError):
        return implied
    declared = metadata.get("file") if isinstance(metadata, dict) else None
    if not isinstance(declared, str) or not declared.strip():
        return implied
    return declared if len(declared) <= MAX_VALUE_CHARS["file"] else implied


def _with_unique_ids(
    refs: list[DocumentRef], established: Mapping[str, tuple[str, str | None]]
) -> list[DocumentRef]:
    """Who keeps an id (file stem) that several documents claim: the document that held it
    before (`established`), else the only one described by the sidecar beside it under the
    file's own name (`<file>.meta.yml`), else the only one with any sidecar. The others are
    marked duplicates and take their own sidecar or document path as id. When no one
    claimant is first by these rules, none keeps the id and all are duplicates. The rule
    does not depend on the order of folder names, so a newcomer cannot take over an id."""
    groups: dict[str, list[DocumentRef]] = {}
    for ref in refs:
        groups.setdefault(ref.document_id, []).append(ref)
    unique = []
    for document_id, claimants in groups.items():
        if len(claimants) == 1:
            unique += claimants
            continue
        held = established.get(document_id)

        def rank(ref: DocumentRef, held=held) -> int:
            if held is not None and (ref.source_path, ref.metadata_path) == tuple(held):
                return 0
            if ref.metadata_path == ref.source_path + SIDECAR_SUFFIX:
                return 1
            return 2 if ref.metadata_path is not None else 3

        best = min(map(rank, claimants))
        winners = sorted((ref for ref in claimants if rank(ref) == best), key=_describe)
        keeper = winners[0] if len(winners) == 1 else None
        for ref in sorted(claimants, key=_describe):
            if ref is keeper:
                unique.append(ref)
                continue
            own_id = ref.metadata_path or ref.source_path
            if keeper is not None:
                duplicate_of = f"already taken by {_describe(keeper)}"
            else:
                others = "; ".join(_describe(other) for other in winners if other is not ref)
                duplicate_of = (
                    f"also claimed by {others}, and none of them held it before, so none takes it"
                )
            unique.append(DocumentRef(own_id, ref.source_path, ref.metadata_path, duplicate_of))
    return unique


def _describe(ref: DocumentRef) -> str:
    sidecar = f" (sidecar {ref.metadata_path})" if ref.metadata_path else ""
    return f"{ref.source_path}{sidecar}"


def ingest_document(
    ref: DocumentRef, sources_root: Path, max_bytes: int = DEFAULT_MAX_BYTES
) -> IngestedDocument:
    """Read, validate and clean one document. Never raises: problems quarantine it."""
    sources_root = Path(sources_root)
    fields: dict[str, Any] = {
        "document_id": ref.document_id,
        "source_path": ref.source_path,
        "metadata_path": ref.metadata_path,
    }
    try:
        _ingest_into(fields, ref, sources_root, max_bytes)
    except _Quarantine as problem:
        return IngestedDocument(**fields, status="quarantined", error=bounded_text(str(problem)))
    except Exception as error:  # noqa: BLE001 - one document's surprise must not stop the others
        problem = f"{ref.source_path}: unexpected {type(error).__name__} while ingesting: {error}"
        return IngestedDocument(**fields, status="quarantined", error=bounded_text(problem))
    return IngestedDocument(**fields, status="ok")


def _ingest_into(
    fields: dict[str, Any], ref: DocumentRef, sources_root: Path, max_bytes: int
) -> None:
    """Fill `fields` step by step; raise _Quarantine at the first problem (fields read so
    far, such as metadata, size and sha256, stay in the quarantined record)."""
    metadata = None
    named_by = ref.source_path  # how error messages name the document file
    if ref.metadata_path is not None:
        metadata = _load_metadata(sources_root, ref.metadata_path)
        fields.update(_metadata_fields(metadata))
        fields["source_path"] = str(PurePosixPath(ref.metadata_path).parent / metadata["file"])
        named_by = f"{ref.metadata_path}: file {metadata['file']!r}"
        if _leaves_folder(metadata["file"]):
            _check_lexical(sources_root, fields["source_path"], named_by)
            raise _Quarantine(
                f"{named_by} leaves the sidecar's folder; a sidecar describes a file in its own "
                "folder (or below it), so it cannot claim another folder's document"
            )
    source_path = fields["source_path"]
    raw = _read_capped(
        _checked_document_path(sources_root, source_path, named_by), max_bytes, source_path, fields
    )
    if not raw:
        raise _Quarantine(f"{source_path}: empty file (0 bytes)")
    path = PurePosixPath(source_path)
    fields["sha256"] = hashlib.sha256(raw).hexdigest()
    if ref.duplicate_of is not None:
        raise _Quarantine(
            f"{_describe(ref)}: duplicate document id {PurePosixPath(source_path).stem!r}, "
            f"{ref.duplicate_of}; ids (file stems) must be unique across sources/"
        )
    if metadata is None:
        raise _Quarantine(
            f"{source_path}: no metadata: expected the sidecar {path.name}{SIDECAR_SUFFIX} beside it"
        )
    if metadata.get("sha256") not in (None, fields["sha256"]):
        raise _Quarantine(
            f"{source_path}: content changed: sha256 {fields['sha256']} differs from "
            f"{metadata['sha256']} recorded in {ref.metadata_path}"
        )
    warnings = _format_warnings(path, metadata["format"])
    try:
        clean = to_clean_text(raw, metadata["format"])
    except TextExtractionError as problem:
        raise _Quarantine(f"{source_path}: {problem}") from problem
    fields.update(encoding=clean.encoding, warnings=warnings + clean.warnings)
    if not clean.text:
        raise _Quarantine(f"{source_path}: no text left after cleaning")
    detected = detect_language(clean.text)
    declared = fields.get("language")
    if declared is None:
        fields["language"] = detected
    elif _primary_language(declared) in ("en", "zh") and _primary_language(declared) != _primary_language(detected):
        fields["warnings"] += (f"sidecar language {declared!r} but the text reads as {detected!r}",)
    fields.update(clean_text=clean.text, sentences=split_sentences(clean.text))


def _primary_language(tag: str) -> str:
    return tag.split("-", 1)[0].lower()


def _checked_document_path(sources_root: Path, source_path: str, named_by: str) -> Path:
    """The document's real path, if it is a regular file inside sources/ (after symlinks).

    Decided with lstat/stat alone: nothing is opened here, so a named pipe, a device or a
    symlink to one (or to a file outside sources/) is refused before any read."""
    root = _check_lexical(sources_root, source_path, named_by)
    try:
        os.lstat(root / source_path)
    except FileNotFoundError:
        raise _Quarantine(f"{named_by} does not exist") from None
    except OSError as error:
        raise _Quarantine(f"{named_by} cannot be examined: {error.strerror}") from None
    resolved = Path(os.path.realpath(root / source_path))
    if not resolved.is_relative_to(root):
        raise _Quarantine(f"{named_by} resolves (through a symlink) outside sources/")
    try:
        status = os.stat(resolved)
    except FileNotFoundError:
        raise _Quarantine(f"{named_by} is a symlink whose target does not exist") from None
    except OSError as error:
        raise _Quarantine(f"{named_by} cannot be examined: {error.strerror}") from None
    if not stat.S_ISREG(status.st_mode):
        raise _Quarantine(f"{named_by} is not a regular file ({_file_kind(status.st_mode)})")
    return resolved


def _check_lexical(sources_root: Path, source_path: str, named_by: str) -> Path:
    """Refuse an absolute path or one that leaves sources/ by its words; the resolved root."""
    if PurePosixPath(source_path).is_absolute() or Path(source_path).is_absolute():
        raise _Quarantine(
            f"{named_by} is an absolute path; it must be relative to the sidecar's folder"
        )
    root = sources_root.resolve()
    if not Path(os.path.normpath(root / source_path)).is_relative_to(root):
        raise _Quarantine(f"{named_by} points outside sources/")
    return root


def _file_kind(mode: int) -> str:
    kinds = {
        stat.S_ISDIR: "a folder",
        stat.S_ISFIFO: "a named pipe",
        stat.S_ISCHR: "a character device",
        stat.S_ISBLK: "a block device",
        stat.S_ISSOCK: "a socket",
    }
    return next((kind for test, kind in kinds.items() if test(mode)), "not a file")


def _read_capped(
    path: Path, limit: int, named_by: str, fields: dict[str, Any] | None = None
) -> bytes:
    """The bytes of a regular file checked by _checked_document_path, never more than `limit`.

    Opened without following a symlink and without blocking, then checked again on the open
    descriptor (the path may have been swapped since it was checked). The size is stored in
    `fields["n_bytes"]` when given; a file over the limit is refused before it is read."""
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise _Quarantine(f"{named_by}: unreadable: {error.strerror}") from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise _Quarantine(f"{named_by} is not a regular file ({_file_kind(status.st_mode)})")
        if fields is not None:
            fields["n_bytes"] = status.st_size
        if status.st_size > limit:
            raise _Quarantine(
                f"{named_by}: file is {status.st_size} bytes, over the size limit of {limit} bytes"
            )
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(descriptor, min(READ_CHUNK_BYTES, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as error:
        raise _Quarantine(f"{named_by}: unreadable: {error.strerror}") from None
    finally:
        os.close(descriptor)
    if total > limit:
        raise _Quarantine(
            f"{named_by}: file grew while being read, over the size limit of {limit} bytes"
        )
    return b"".join(chunks)


def _read_checked(sources_root: Path, relative: str, named_by: str, limit: int) -> bytes:
    """_checked_document_path then _read_capped: a file under sources/, read safely."""
    return _read_capped(_checked_document_path(sources_root, relative, named_by), limit, named_by)


def source_fingerprint(
    sources_root: Path, relative: str | None, max_bytes: int = DEFAULT_MAX_BYTES
) -> str:
    """sha256 of a source file's bytes, read with ingestion's checks (a regular file inside
    sources/, at most `max_bytes`), or a marker naming why there are none. For content keys:
    it never opens a pipe or device and never reads more than `max_bytes`."""
    if relative is None:
        return "none"
    try:
        raw = _read_checked(Path(sources_root), relative, relative, max_bytes)
    except _Quarantine as problem:
        try:
            status = os.lstat(Path(sources_root) / relative)
            seen = f"{status.st_size}:{status.st_mtime_ns}"
        except (OSError, ValueError):
            seen = "-"
        return f"refused:{seen}:{problem}"
    return hashlib.sha256(raw).hexdigest()


def _format_warnings(path: PurePosixPath, fmt: str) -> tuple[str, ...]:
    suggested = EXTENSION_FORMATS.get(path.suffix.lower())
    if suggested == fmt:
        return ()
    return (
        f"extension {path.suffix or '(none)'!r} does not match metadata format {fmt!r}; parsed as {fmt}",
    )


def _load_metadata(sources_root: Path, display_path: str) -> dict[str, Any]:
    """Check, read, parse and validate a sidecar; raise _Quarantine naming the key and the
    problem. The sidecar must be a regular file inside sources/ of at most MAX_SIDECAR_BYTES,
    checked before it is opened."""
    raw = _read_checked(sources_root, display_path, display_path, MAX_SIDECAR_BYTES)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _Quarantine(
            f"{display_path}: metadata is not UTF-8 text ({error.reason} at byte {error.start})"
        )
    try:
        metadata = _parse_yaml(text)
    except UnsafeYamlError as error:
        raise _Quarantine(f"{display_path}: refused YAML: {error}")
    except yaml.YAMLError as error:
        raise _Quarantine(f"{display_path}: invalid YAML: {' '.join(str(error).split())}")
    if not isinstance(metadata, dict):
        raise _Quarantine(
            f"{display_path}: metadata must be a mapping of keys to values, got {type(metadata).__name__}"
        )
    # A hand-written `published_on: 2018` is read by YAML as a number; it means the year.
    if isinstance(metadata.get("published_on"), int) and not isinstance(
        metadata["published_on"], bool
    ):
        metadata["published_on"] = str(metadata["published_on"])
    problems = [
        bounded_text(_describe_schema_error(error), MAX_PROBLEM_CHARS)
        for error in _metadata_validator().iter_errors(metadata)
    ]
    problems += _impossible_dates(metadata) + _overlong_values(metadata) if not problems else []
    if problems:
        # jsonschema reports 'required' once per missing key, each naming them all: say it once
        raise _Quarantine(f"{display_path}: invalid metadata: " + "; ".join(sorted(set(problems))))
    return metadata


def sidecar_problem(sources_root: Path, sidecar: Path) -> str | None:
    """What would quarantine a document for its sidecar (`sidecar` under `sources_root`), as
    ingestion says it; None when ingestion accepts it."""
    try:
        _load_metadata(sources_root, sidecar.relative_to(sources_root).as_posix())
    except _Quarantine as problem:
        return str(problem)
    return None


@cache
def _metadata_schema() -> dict[str, Any]:
    return json.loads(
        resources.files("figures").joinpath("schemas", SCHEMA_FILE).read_text(encoding="utf-8")
    )


@cache
def _metadata_validator() -> jsonschema.protocols.Validator:
    schema = _metadata_schema()
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def _describe_schema_error(error: jsonschema.ValidationError) -> str:
    """'key <name>: <why>' in words a person editing the YAML understands."""
    if error.validator == "required":
        missing = [key for key in error.validator_value if key not in error.instance]
        return f"missing required key {', '.join(map(repr, missing))}"
    if error.validator == "additionalProperties":
        unknown = sorted(set(error.instance) - set(_metadata_schema()["properties"]))
        return f"unknown key {', '.join(map(repr, unknown))} (allowed: {', '.join(_metadata_schema()['properties'])})"
    key = error.path[0] if error.path else "(top level)"
    if error.validator == "pattern":
        expected = _metadata_schema()["properties"][key]["description"]
        return f"key {key!r}: {error.instance!r} is not in the expected form ({expected})"
    return f"key {key!r}: {error.message}"


def _impossible_dates(metadata: dict[str, Any]) -> list[str]:
    """Dates that match the pattern but do not exist, such as 2018-02-30."""
    problems = []
    for key in ("published_on", "date_accessed"):
        value = metadata.get(key)
        if isinstance(value, str) and len(value) == 10:
            try:
                datetime.date.fromisoformat(value)
            except ValueError:
                problems.append(f"key {key!r}: {value!r} is not a real date")
    return problems


def _overlong_values(metadata: dict[str, Any]) -> list[str]:
    """Text values longer than MAX_VALUE_CHARS allows for their key."""
    return [
        f"key {key!r}: {len(value)} characters, over the limit of {limit}"
        for key, limit in MAX_VALUE_CHARS.items()
        if isinstance(value := metadata.get(key), str) and len(value) > limit
    ]


def _metadata_fields(metadata: dict[str, Any]) -> dict[str, Any]:
    published_on = metadata["published_on"]
    return {
        "title": metadata["title"],
        "publisher": metadata["publisher"],
        "published_on": published_on,
        "published_precision": PUBLISHED_PRECISIONS[len(published_on)],
        "url": metadata.get("url"),
        "format": metadata["format"],
        "language": metadata.get("language"),
        "source_tier": metadata["source_tier"],
        "date_accessed": metadata.get("date_accessed"),
        "license": metadata.get("license"),
        "notes": metadata.get("notes"),
        "translation_of": metadata.get("translation_of"),
    }
