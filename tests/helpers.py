"""Helpers shared by test modules: a `kg serve` process on loopback, and Chromium's settings."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

CHROMIUM = Path("/usr/bin/chromium")
# Debian's Chromium, headless, with every background connection switched off.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_server(nquads: Path, *options: str) -> Iterator[str]:
    """`kg serve --graph NQUADS OPTIONS…` on a free loopback port; yields its URL."""
    port = free_port()
    command = [sys.executable, "-c", "from kg.cli import main; main()", "serve"]
    command += ["--graph", str(nquads), "--port", str(port), *options]
    with (nquads.parent / f"server-{port}.log").open("w") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(url, process)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)


def wait_until_up(url: str, process: subprocess.Popen) -> None:
    """Wait (30 s at most) until the server answers `/`, or fail if it exited."""
    for _ in range(300):
        if process.poll() is not None:
            raise RuntimeError(f"kg serve exited with {process.returncode}")
        try:
            if httpx.get(url + "/", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError("kg serve did not answer within 30 s")


def select(store, query, given: dict[str, str] | None = None) -> tuple[list[str], list[tuple]]:
    """A SELECT's column names and rows of terms (None where unbound), run as kg query runs it."""
    from kg.sparql.query import run

    results = run(store, query, given)
    columns = [v.value for v in results.variables]
    return columns, [tuple(solution[c] for c in columns) for solution in results]
