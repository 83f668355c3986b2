"""Scale benchmark: wall time of every phase and peak memory of the whole process tree
(pipeline, workers, dbt) for a cold build, a no-change refresh and a one-document refresh of a
generated corpus; the seed run's start-up breakdown; and how extraction and the offset checks
grow with one document's size.

    .venv/bin/python benchmarks/pipeline_scale.py --documents 1000 10000
    .venv/bin/python benchmarks/pipeline_scale.py --startup
    .venv/bin/python benchmarks/pipeline_scale.py --document-growth
    .venv/bin/python benchmarks/pipeline_scale.py --profile-documents 200

Each corpus runs in a fresh temporary folder: `python -m orchestration.run` three times, the
way `make run` does. Phase times are the Dagster step durations from the run log.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus
from stage_timing import DOCUMENT_STAGE_PARTS, timed_stage_parts

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_SECONDS = 0.2
STEP_DONE_RE = re.compile(r'Finished execution of step "(?P<step>[^"]+)" in (?P<duration>[\d.hms ]+?)\.\s*$')
STEP_SKIPPED_RE = re.compile(r'Skipped execution of step "(?P<step>[^"]+)"')
# A run-log line's time and the step it starts or ends (Dagster's console format, whole seconds).
LOG_TIME_RE = re.compile(r"^(?P<time>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) [+-]\d{4} - dagster")
STEP_EVENT_RE = re.compile(r'(?P<event>Started|Finished) execution of step "(?P<step>[^"]+)"')
# Modules whose import time the start-up breakdown lists (cumulative, as -X importtime reports).
STARTUP_MODULES = ("dagster", "dagster_dbt", "pandas", "duckdb", "great_expectations", "figures.quantities",
                   "orchestration.defs.transformation.assets", "orchestration.defs.validation.assets",
                   "orchestration.definitions")  # fmt: skip


# CPU seconds (user + system) of loading the code location, printed by a fresh interpreter.
IMPORT_CPU = "import os, orchestration.definitions; t = os.times(); print(f'{t.user + t.system:.2f} s')"


def tree_rss(process: psutil.Process) -> int:
    total = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            total += member.memory_info().rss
        except psutil.Error:
            pass  # ended between listing and reading
    return total


def seconds(duration: str) -> float:
    """Dagster's '1m13s', '13.51s', '836ms' in seconds."""
    total = 0.0
    for amount, unit in re.findall(r"([\d.]+)(ms|h|m|s)", duration):
        total += float(amount) * {"ms": 0.001, "s": 1, "m": 60, "h": 3600}[unit]
    return total


def step_windows(log_path: Path) -> dict[str, tuple[float, float]]:
    """Each executed step's (start, end) as epoch seconds, from the run log's timestamps."""
    windows: dict[str, list[float]] = {}
    for line in log_path.read_text(errors="replace").splitlines():
        stamp, event = LOG_TIME_RE.match(line), STEP_EVENT_RE.search(line)
        if stamp and event:
            moment = datetime.strptime(stamp["time"] + " +0000", "%Y-%m-%d %H:%M:%S %z").timestamp()
            windows.setdefault(event["step"], [moment, moment])[0 if event["event"] == "Started" else 1] = moment
    return {step: (start, end) for step, (start, end) in windows.items()}


def step_peaks(samples: list[tuple[float, int]], windows: dict[str, tuple[float, float]]) -> dict[str, int]:
    """Peak process-tree memory during each step (log times are whole seconds: one second of slack)."""
    return {
        step: max((rss for moment, rss in samples if start - 1 <= moment <= end + 1), default=0)
        for step, (start, end) in windows.items()
    }


def step_times(log_path: Path) -> dict[str, float | None]:
    """Each step's duration from a run log; None for a skipped step."""
    steps: dict[str, float | None] = {}
    for line in log_path.read_text(errors="replace").splitlines():
        if found := STEP_DONE_RE.search(line):
            steps[found["step"]] = seconds(found["duration"])
        elif found := STEP_SKIPPED_RE.search(line):
            steps[found["step"]] = None
    return steps


def timed_refresh(env: dict[str, str]) -> dict[str, object]:
    """Wall seconds, CPU seconds of the process tree, peak resident memory (bytes, summed over
    the process tree; overall and per step), step times and the load average around the run."""
    started, cpu_before = time.perf_counter(), _children_cpu()
    load_before = os.getloadavg()[0]
    child = subprocess.Popen([sys.executable, "-m", "orchestration.run"], cwd=REPO_ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)  # fmt: skip
    watched, peak = psutil.Process(child.pid), 0
    output: list[str] = []
    samples: list[tuple[float, int]] = []
    reader = threading.Thread(target=lambda: output.extend(child.stdout), daemon=True)
    reader.start()
    while child.poll() is None:
        samples.append((time.time(), tree_rss(watched)))
        peak = max(peak, samples[-1][1])
        time.sleep(SAMPLE_SECONDS)
    reader.join()
    if child.returncode != 0:
        raise SystemExit(f"refresh failed:\n{''.join(output)}")
    wall, cpu = time.perf_counter() - started, _children_cpu() - cpu_before
    log = Path(env["WAREHOUSE_DIR"]) / "logs" / "last_run.log"
    return {"wall": wall, "cpu": cpu, "peak": peak, "steps": step_times(log),
            "step_peaks": step_peaks(samples, step_windows(log)),
            "load": (load_before, os.getloadavg()[0])}  # fmt: skip


def _children_cpu() -> float:
    """User and system CPU seconds of every finished descendant (the run waits for its own)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def print_refresh(label: str, result: dict[str, object]) -> None:
    steps = result["steps"]
    in_steps = sum(value for value in steps.values() if value)
    load_before, load_after = result["load"]
    print(f"  {label}: {result['wall']:.1f} s wall, {result['cpu']:.1f} s CPU, peak {result['peak'] / 2**20:.0f} MiB; "
          f"steps {in_steps:.1f} s, start-up and the rest {result['wall'] - in_steps:.1f} s; "
          f"load average {load_before:.1f} before, {load_after:.1f} after", flush=True)  # fmt: skip
    for step, duration in steps.items():
        shown = "skipped" if duration is None else f"{duration:8.2f} s"
        peak = result["step_peaks"].get(step)
        print(f"      {step:<48} {shown}" + (f"   peak {peak / 2**20:6.0f} MiB" if peak else ""), flush=True)


def environment(sources: Path, warehouse: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "DAGSTER_HOME"}
    return env | {"SOURCES_DIR": str(sources), "WAREHOUSE_DIR": str(warehouse)}


def run_size(documents: int, workdir: Path) -> None:
    sources, warehouse = workdir / "sources", workdir / "warehouse"
    corpus_bytes = write_corpus(sources, documents)
    env = environment(sources, warehouse)
    print(f"{documents} documents ({corpus_bytes / 1e6:.1f} MB)", flush=True)
    print_refresh("cold build", timed_refresh(env))
    print_refresh("no-change refresh", timed_refresh(env))
    one = next(sources.rglob("*_bench-00000.txt"))
    one.write_text(one.read_text() + "\nIn 2019, 1,234 new makerspaces opened.\n")
    print_refresh("one-document refresh", timed_refresh(env))
    print(f"  published warehouse {(warehouse / 'warehouse.duckdb').stat().st_size / 1e6:.1f} MB", flush=True)


def startup_breakdown() -> None:
    """Import times of the code location's heavy modules, then the seed run cold and unchanged."""
    completed = subprocess.run([sys.executable, "-X", "importtime", "-c", "import orchestration.definitions"],
                               cwd=REPO_ROOT, capture_output=True, text=True, check=True)  # fmt: skip
    cumulative = {}
    for line in completed.stderr.splitlines():
        parts = [part.strip() for part in line.removeprefix("import time:").split("|")]
        if len(parts) == 3 and parts[1].isdigit():
            cumulative.setdefault(parts[2], int(parts[1]) / 1e6)
    print("import orchestration.definitions (cumulative seconds, -X importtime):")
    for module in STARTUP_MODULES:
        shown = f"{cumulative[module]:6.2f} s" if module in cumulative else "not imported"
        print(f"  {module:<44} {shown}")
    imports = subprocess.run([sys.executable, "-c", IMPORT_CPU], cwd=REPO_ROOT, capture_output=True, text=True, check=True)
    print(f"  the same import, CPU seconds (what a loaded machine leaves comparable): {imports.stdout.strip()}")
    with tempfile.TemporaryDirectory(prefix="seed-bench-") as folder:
        env = environment(REPO_ROOT / "sources", Path(folder) / "warehouse")
        print("seed documents (ephemeral Dagster instance):")
        print_refresh("cold build", timed_refresh(env))
        print_refresh("no-change refresh", timed_refresh(env))
        # as `make run` does: the persistent instance of orchestration/instance/dagster.yaml
        home = Path(folder) / "dagster_home"
        home.mkdir()
        shutil.copy(REPO_ROOT / "orchestration" / "instance" / "dagster.yaml", home / "dagster.yaml")
        print("  with a persistent Dagster instance (DAGSTER_HOME, as make run):")
        print_refresh("no-change refresh", timed_refresh(env | {"DAGSTER_HOME": str(home)}))


def document_growth() -> None:
    """Extraction of one growing document (a plain-text table; prose) and the offset check on
    one growing non-ASCII document: time per unit stays flat when the work is linear."""
    import duckdb
    import pandas as pd

    from figures.sentences import split_sentences
    from orchestration.defs.extraction.rows import document_mentions
    from orchestration.defs.ingestion.checks import sentence_offset_mismatches

    def table(rows: int) -> str:
        lines = ["Province  Makerspaces  Incubators  Funding (million yuan)  Year"]
        lines += [f"Region{row}  {1000 + 7 * row:,}  {200 + row}  {35.5 + row:.1f}  {2010 + row % 10}" for row in range(rows)]
        return "\n".join(lines) + "\n"

    def mentions_seconds(text: str) -> tuple[float, int]:
        started = time.perf_counter()
        spans = [(s.index, s.start, s.end) for s in split_sentences(text)]
        rows = document_mentions("growth", text, spans, "2018-06-01")
        return time.perf_counter() - started, len(rows)

    print("one plain-text table (one sentence): extraction, contexts and meanings")
    for rows in (250, 500, 1000, 2000):
        elapsed, figures = mentions_seconds(table(rows))
        print(f"  {rows:>5} rows, {figures:>5} figures: {elapsed:6.2f} s, {1000 * elapsed / rows:5.2f} ms per row", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        write_corpus(Path(folder), 40)
        prose = "\n\n".join(path.read_text() for path in sorted(Path(folder).rglob("*.txt")))
    print("one long prose document (non-ASCII): extraction, and the sentence-offset check")
    for megabytes in (1, 4, 19):
        text = ("’" + prose + "\n\n") * (int(megabytes * 1e6) // len(prose) + 1)
        text = text[: int(megabytes * 1e6)]
        sentences = split_sentences(text)
        connection = duckdb.connect()
        connection.execute("create schema raw")
        connection.execute("create table raw.documents as select 'big' as document_id, ?::varchar as clean_text", [text])
        frame = pd.DataFrame({"sentence_id": [str(s.index) for s in sentences], "document_id": "big",
                              "start_char": [s.start for s in sentences], "end_char": [s.end for s in sentences],
                              "text": [s.text for s in sentences]})  # fmt: skip
        connection.register("frame", frame)
        connection.execute("create table raw.sentences as select * from frame")
        started = time.perf_counter()
        total, mismatched = sentence_offset_mismatches(connection)
        check = time.perf_counter() - started
        extraction = ""
        if megabytes <= 4:  # the 19 MB extraction takes minutes; its rate is that of 4 MB
            elapsed, figures = mentions_seconds(text)
            extraction = f"; extraction {elapsed:6.1f} s ({elapsed / megabytes:4.1f} s per MB, {figures} figures)"
        print(f"  {megabytes:>3} MB, {total} sentences: offset check {check:5.2f} s ({mismatched} mismatched){extraction}", flush=True)


# The parts of the per-document stage (orchestration.defs.extraction.rows.document_mentions),
# each timed where the extraction step calls it.
PROFILED_DOCUMENTS = 50  # cProfile doubles the time: a sample is enough to rank functions



def profile_documents(documents: int) -> None:
    """CPU of the per-document stage on one core, outside Dagster: ingestion, then each part of
    extraction and meaning reading, per document and per MB; then the functions with the most
    CPU of their own (cProfile)."""
    import cProfile
    import pstats

    from figures.ingest import discover, ingest_document
    from orchestration.defs.extraction import rows as extraction

    with tempfile.TemporaryDirectory(prefix="profile-documents-") as folder:
        root = Path(folder)
        corpus_bytes = write_corpus(root, documents)
        refs = discover(root, {}).refs
        started = time.process_time()
        ingested = [ingest_document(ref, root) for ref in refs]
        ingestion = time.process_time() - started
    jobs = [(d.document_id, d.clean_text, [(s.index, s.start, s.end) for s in d.sentences], d.published_on, d.title)
            for d in ingested if d.status == "ok"]  # fmt: skip
    # as each worker of the extraction step starts: models and catalogs loaded, then set aside
    # from the collector (orchestration.incremental._start_worker); not timed
    extraction.warm_up_extraction()
    gc.freeze()
    atexit.register(gc.unfreeze)  # as the workers do: no leak reports from extension modules at exit
    with timed_stage_parts(extraction) as spent:
        started = time.process_time()
        figures = sum(len(extraction.document_mentions(*job)) for job in jobs)
        total = time.process_time() - started
    megabytes = corpus_bytes / 1e6
    print(f"{documents} documents ({megabytes:.1f} MB, {figures} figures), one core, CPU seconds "
          f"(load average {os.getloadavg()[0]:.1f}):")  # fmt: skip
    rows = [("ingestion (ingest_document)", ingestion), ("extraction and meaning (document_mentions)", total)]
    rows += [(f"  {name}", spent[name]) for name in DOCUMENT_STAGE_PARTS]
    rows.append(("  rows and the rest", total - sum(spent.values())))
    for label, cpu in rows:
        print(f"  {label:<46} {cpu:7.2f} s  {1000 * cpu / documents:7.1f} ms per document  "
              f"{cpu / megabytes:6.2f} s per MB  {megabytes / cpu if cpu else float('inf'):7.2f} MB/s  "
              f"{100 * cpu / total:5.1f}%")  # fmt: skip
    # what one core gets through: the stage as the workers run it (ingestion, then extraction and meaning)
    stage = ingestion + total
    print(f"  per core: {documents / stage:.1f} documents/s, {megabytes / stage:.3f} MB/s "
          f"(extraction and meaning alone {documents / total:.1f} documents/s, {megabytes / total:.3f} MB/s); "
          f"{stage * 10000 / documents / 2:.0f} s of wall for 10,000 such documents on 2 idle cores")  # fmt: skip
    profiled = jobs[:PROFILED_DOCUMENTS]
    profiler = cProfile.Profile()
    profiler.runcall(lambda: [extraction.document_mentions(*job) for job in profiled])
    print(f"  functions with the most time of their own (cProfile, {len(profiled)} documents, wall seconds):")
    stats = pstats.Stats(profiler)
    own = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)[:12]  # type: ignore[attr-defined]
    for (path, line, function), (_, calls, own_seconds, cumulative, _) in own:
        where = f"{Path(path).parent.name}/{Path(path).name}:{line}" if line else path
        print(f"    {own_seconds:6.2f} s own, {cumulative:6.2f} s with callees, {calls:>9} calls  {function} ({where})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, nargs="*", default=[])
    parser.add_argument("--workdir", type=Path, help="keep each corpus and warehouse under this folder (default: a temporary one)")
    parser.add_argument("--startup", action="store_true", help="the seed run's start-up breakdown")
    parser.add_argument("--document-growth", action="store_true", help="one document growing in size")
    parser.add_argument("--profile-documents", type=int, metavar="N",
                        help="CPU of each part of the per-document stage on N generated documents, outside Dagster")  # fmt: skip
    args = parser.parse_args()
    if args.profile_documents:
        profile_documents(args.profile_documents)
    if not (args.documents or args.startup or args.document_growth or args.profile_documents):
        args.documents = [1000, 10000]
    if args.startup:
        startup_breakdown()
    if args.document_growth:
        document_growth()
    for documents in args.documents:
        if args.workdir:
            run_size(documents, args.workdir / f"documents-{documents}")
            continue
        with tempfile.TemporaryDirectory(prefix="scale-bench-") as folder:
            run_size(documents, Path(folder))


if __name__ == "__main__":
    main()
