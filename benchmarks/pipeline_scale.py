"""Scale benchmark: cold build, no-change refresh and one-document refresh of a generated
corpus, with wall time and peak memory of the whole process tree (pipeline, workers, dbt).

    .venv/bin/python benchmarks/pipeline_scale.py --documents 1000 10000

Each size runs in a fresh temporary folder: `python -m orchestration.run` three times, the
way `make run` does.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_SECONDS = 0.2


def tree_rss(process: psutil.Process) -> int:
    total = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            total += member.memory_info().rss
        except psutil.Error:
            pass  # ended between listing and reading
    return total


def timed_refresh(env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak resident memory (bytes, summed over the process tree)."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "orchestration.run"], cwd=REPO_ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)  # fmt: skip
    watched, peak = psutil.Process(child.pid), 0
    output: list[str] = []
    reader = threading.Thread(target=lambda: output.extend(child.stdout), daemon=True)
    reader.start()
    while child.poll() is None:
        peak = max(peak, tree_rss(watched))
        time.sleep(SAMPLE_SECONDS)
    reader.join()
    if child.returncode != 0:
        raise SystemExit(f"refresh failed:\n{''.join(output)}")
    return time.perf_counter() - started, peak


def run_size(documents: int, workdir: Path) -> dict[str, object]:
    sources, warehouse = workdir / "sources", workdir / "warehouse"
    corpus_bytes = write_corpus(sources, documents)
    env = {key: value for key, value in os.environ.items() if key != "DAGSTER_HOME"}
    env |= {"SOURCES_DIR": str(sources), "WAREHOUSE_DIR": str(warehouse)}
    cold = timed_refresh(env)
    print(f"  {documents} documents: cold build {cold[0]:.1f} s, peak {cold[1] / 2**20:.0f} MiB", flush=True)
    unchanged = timed_refresh(env)
    print(f"  {documents} documents: no-change refresh {unchanged[0]:.1f} s", flush=True)
    one = next(sources.rglob("*_bench-00000.txt"))
    one.write_text(one.read_text() + "\nIn 2019, 1,234 new makerspaces opened.\n")
    one_changed = timed_refresh(env)
    return {"documents": documents, "corpus_mb": corpus_bytes / 1e6, "cold": cold, "unchanged": unchanged,
            "one_changed": one_changed, "warehouse_mb": (warehouse / "warehouse.duckdb").stat().st_size / 1e6}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    print(f"{'documents':>10} {'corpus MB':>10} {'cold s':>8} {'peak MiB':>9} {'no-change s':>12} "
          f"{'one-doc s':>10} {'peak MiB':>9} {'warehouse MB':>13}")  # fmt: skip
    for documents in args.documents:
        with tempfile.TemporaryDirectory(prefix="scale-bench-") as folder:
            r = run_size(documents, Path(folder))
        (cold, cold_peak), (unchanged, _), (one, one_peak) = r["cold"], r["unchanged"], r["one_changed"]
        print(f"{documents:>10} {r['corpus_mb']:>10.1f} {cold:>8.1f} {cold_peak / 2**20:>9.0f} {unchanged:>12.1f} "
              f"{one:>10.1f} {one_peak / 2**20:>9.0f} {r['warehouse_mb']:>13.1f}", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
