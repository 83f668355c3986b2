"""python -m analyst_outputs [WAREHOUSE_DIR]: rewrite for_analysts/ from the published warehouse."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from analyst_outputs import REPO_ROOT, write_analyst_outputs


def main(argv: list[str]) -> int:
    warehouse_dir = Path(argv[0] if argv else os.environ.get("WAREHOUSE_DIR", REPO_ROOT / "warehouse")).resolve()
    published = warehouse_dir / "warehouse.duckdb"
    if not published.exists():
        print(f"No published warehouse at {published}: run `make run` first.", file=sys.stderr)
        return 2
    os.environ["WAREHOUSE_DIR"] = str(warehouse_dir)  # dbt's profiles.yml reads it
    report = write_analyst_outputs(published, warehouse_dir)
    for part, seconds in report.seconds.items():
        print(f"  {part:<18}{seconds:6.1f} s  {report.details.get(part, '')}")
    for part, message in report.failures.items():
        print(f"FAILED {part}: {message}", file=sys.stderr)
    print(f"Open {report.folder / 'index.html'}")
    return 0 if report.ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
