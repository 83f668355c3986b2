"""How long `make dev` takes to show the UI with the code location loaded.

    .venv/bin/python benchmarks/dev_startup.py [--runs 2]

Starts `dagster dev` on a free local port (with the DAGSTER_HOME `make dev` uses), asks the
web server every 0.2 s whether the code location has loaded, prints the seconds until it has,
and stops the server. The first run after a change to the dbt project parses it; later runs
("warm") reuse the manifest.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
QUERY = "{ workspaceOrError { ... on Workspace { locationEntries { name loadStatus locationOrLoadError { __typename } } } } }"
TIMEOUT_SECONDS = 300


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def location_loaded(port: int) -> bool:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql", data=json.dumps({"query": QUERY}).encode(),
        headers={"Content-Type": "application/json"},
    )  # fmt: skip
    try:
        with urllib.request.urlopen(request, timeout=2) as response:
            entries = json.load(response)["data"]["workspaceOrError"]["locationEntries"]
    except (OSError, KeyError, TypeError, ValueError):
        return False
    return bool(entries) and all(
        entry["loadStatus"] == "LOADED" and entry["locationOrLoadError"]["__typename"] == "RepositoryLocation"
        for entry in entries
    )


def time_to_ui() -> float:
    port = free_port()
    home = REPO_ROOT / ".dagster_home"
    home.mkdir(exist_ok=True)
    (home / "dagster.yaml").touch()
    env = os.environ | {"DAGSTER_HOME": str(home), "WAREHOUSE_DIR": os.environ.get("WAREHOUSE_DIR", str(REPO_ROOT / "warehouse"))}
    started = time.perf_counter()
    server = subprocess.Popen([str(Path(sys.executable).parent / "dagster"), "dev", "-h", "127.0.0.1", "-p", str(port)],
                              cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)  # fmt: skip
    try:
        while time.perf_counter() - started < TIMEOUT_SECONDS:
            if location_loaded(port):
                return time.perf_counter() - started
            if server.poll() is not None:
                raise SystemExit("dagster dev exited before the UI came up")
            time.sleep(0.2)
        raise SystemExit(f"the UI did not come up in {TIMEOUT_SECONDS} s")
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # the server, its daemon and code server
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    for run in range(args.runs):
        print(f"make dev, run {run + 1}: UI with the code location loaded in {time_to_ui():.1f} s", flush=True)


if __name__ == "__main__":
    main()
