"""Write every part of for_analysts/ into a folder, each part timed and allowed to fail alone."""

from __future__ import annotations

import time
import traceback
from contextlib import contextmanager
from pathlib import Path

import duckdb
import jinja2

from analyst_outputs import OutputsReport, generated_at
from analyst_outputs.charts import prune_chart_cache
from analyst_outputs.dbt_docs import write_dbt_docs
from analyst_outputs.explorer import (
    MAX_FINDINGS_PER_RULE,
    document_link,
    document_pages,
    indicator_pages,
    quality_findings,
)
from analyst_outputs.exports import data_dictionary, dictionary_markdown, export_marts
from analyst_outputs.marts import MartReader, page_name
from analyst_outputs.reuse import Reuse, inputs_digest

# Document pages written per read of their figures: memory stays that of a batch, whatever the corpus.
DOCUMENT_BATCH = 200
# Indicator pages written per read of their rows: indicators are read together until their
# observations reach this many (one indicator with more is read alone), so a small corpus is
# three queries, not three per indicator, and memory stays bounded on a large one.
INDICATOR_BATCH_OBSERVATIONS = 20_000
# Template pieces joined into one write when a page is streamed to disk.
PIECES_PER_WRITE = 4096

TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


@contextmanager
def _part(report: OutputsReport, name: str):
    """Time a part; record its failure (the exception's last line) instead of raising."""
    started = time.perf_counter()
    try:
        yield
    except Exception:  # noqa: BLE001 - one part failing must not stop the others
        report.failures[name] = traceback.format_exc().strip().splitlines()[-1]
    finally:
        report.seconds[name] = time.perf_counter() - started


def _render(path: Path, template: str, **context) -> None:
    """Write a page as the template renders it, piece by piece (an indicator page of a large corpus
    runs to hundreds of MB; it is never held whole)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    stream = TEMPLATES.get_template(template).stream(**context)
    stream.enable_buffering(PIECES_PER_WRITE)  # one write per piece (a word, a tag) costs more than the page
    stream.dump(str(path), encoding="utf-8")


def _render_kept(reuse: Reuse, folder: Path, relative: str, template: str, **context) -> None:
    """Render a page whose digest reuse has recorded; a page left half-written is not kept."""
    try:
        _render(folder / relative, template, **context)
    except BaseException:
        reuse.forget(relative)
        raise


def _index_row(page) -> dict:
    """What the explorer's index lists about an indicator page (kept with its digest)."""
    return {
        "indicator_id": page.indicator_id, "label": page.label, "file_name": page.file_name, "unit": page.unit,
        "places": list(page.places), "periods": page.periods, "n_values": int(page.n_values),
        "n_observations": int(page.n_observations), "n_documents": int(page.n_documents),
        "n_disagreements": int(page.n_disagreements),
    }  # fmt: skip


def write_indicator_pages(reader: MartReader, folder: Path, reuse: Reuse, common: dict) -> list[dict]:
    """A page per indicator with observations, rewritten only when its rows changed; returns the
    index's rows (by label)."""
    listed = reader.indicator_inputs()
    batches: list[list[str]] = []
    in_batch = INDICATOR_BATCH_OBSERVATIONS
    for indicator_id, inputs, n_observations in listed:
        if reuse.take(f"indicators/{page_name(indicator_id)}", inputs_digest(inputs, common["warehouse_name"]), noted=True):
            continue
        if in_batch + n_observations > INDICATOR_BATCH_OBSERVATIONS:
            batches.append([])
            in_batch = 0
        batches[-1].append(indicator_id)
        in_batch += n_observations
    for batch in batches:
        for page in indicator_pages(reader.for_indicators(batch)):
            relative = f"indicators/{page_name(page.indicator_id)}"
            _render_kept(reuse, folder, relative, "indicator.html.j2", root="../", page=page, **common)
            reuse.note(relative, _index_row(page))
    notes = (reuse.notes.get(f"indicators/{page_name(indicator_id)}") for indicator_id, _, _ in listed)
    return [note for note in notes if note is not None]


def write_document_pages(
    reader: MartReader, indicator_files: dict[str, str], folder: Path, reuse: Reuse, common: dict
) -> tuple[list[dict], int]:
    """A page per document, rewritten only when its rows changed, in batches of documents so
    memory stays bounded; returns the document index's rows and how many pages were written."""
    whole = reader.dimensions()
    listing, pending = [], []
    for document_id, n_figures, inputs in reader.document_inputs():
        relative = f"documents/{page_name(document_id)}"
        if not reuse.take(relative, inputs_digest(inputs, common["warehouse_name"])):
            pending.append(document_id)
        listing.append({**document_link(whole, document_id), "record": whole.document(document_id),
                        "file_name": page_name(document_id), "n_figures": n_figures})  # fmt: skip
    for start in range(0, len(pending), DOCUMENT_BATCH):
        batch = reader.for_documents(pending[start : start + DOCUMENT_BATCH])
        for document in document_pages(batch, indicator_files):
            relative = f"documents/{document['file_name']}"
            _render_kept(reuse, folder, relative, "document.html.j2", root="../", document=document, **common)
    return listing, len(pending)


def write_site(
    published: Path, folder: Path, dbt_project_dir: Path, report: OutputsReport, previous: Path | None = None
) -> None:
    """Write every part into folder; pages and exports whose inputs are those of the same file in
    `previous` (the folder it replaces) are linked from there instead (analyst_outputs.reuse)."""
    common = {"generated_at": generated_at(), "warehouse_name": published.name}
    reuse = Reuse(previous or folder.with_name(f"{folder.name}-none"), folder)
    indicators, tables, exports, files = [], [], {}, {}
    n_catalog = 0

    with _part(report, "exports"):
        with duckdb.connect(str(published), read_only=True) as connection:
            exports = export_marts(connection, folder / "exports", reuse)
            tables = data_dictionary(connection, dbt_project_dir / "models" / "marts")
        (folder / "exports" / "data_dictionary.md").write_text(dictionary_markdown(tables), encoding="utf-8")
        report.counts["exported marts"] = len(exports)
        report.details["exports"] = f"{len(exports)} marts as Parquet and CSV"
    with _part(report, "data dictionary"):
        _render(folder / "data_dictionary.html", "data_dictionary.html.j2", root="", tables=tables, exports=exports, **common)

    with _part(report, "explorer"):
        with duckdb.connect(str(published), read_only=True) as connection:
            reader = MartReader(connection)
            n_catalog = len(reader.indicators)
            written_before = reuse.written
            indicators = write_indicator_pages(reader, folder, reuse, common)
            files = {row["indicator_id"]: row["file_name"] for row in indicators}
            documents, n_written = write_document_pages(reader, files, folder, reuse, common)
        _render(folder / "documents" / "index.html", "documents.html.j2", root="../", documents=documents, **common)
        report.counts["indicator pages"] = len(indicators)
        report.counts["document pages"] = len(documents)
        report.counts["pages written"] = reuse.written - written_before
        report.details["explorer"] = (f"{len(indicators)} indicator pages, {len(documents)} document pages "
                                      f"({n_written} document pages written, the others unchanged)")  # fmt: skip
        prune_chart_cache()

    with _part(report, "quality page"):
        with duckdb.connect(str(published), read_only=True) as connection:
            marts, totals = MartReader(connection).for_findings(MAX_FINDINGS_PER_RULE)
        summary, findings = quality_findings(marts, files, totals)
        _render(folder / "quality.html", "quality.html.j2", root="", summary=summary, findings=findings, **common)
        report.counts["quality findings"] = len(findings)
        report.details["quality page"] = f"{len(findings)} findings"

    with _part(report, "dbt docs"):
        reused = write_dbt_docs(dbt_project_dir, published, folder / "docs")
        report.details["dbt docs"] = "reused (project and columns unchanged)" if reused else "generated by dbt"

    with _part(report, "index"):
        _render(folder / "index.html", "index.html.j2", root="", indicators=indicators, n_catalog=n_catalog,
                failures=dict(report.failures), **common)  # fmt: skip
    reuse.save()
