"""Helpers shared by test modules: `kg` in-process, a `kg serve` process on loopback, Chromium."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
from click.testing import CliRunner, Result

from kg.cli import main

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


def run(*args: str | Path) -> Result:
    """`kg ARGS…` in this process (click's CliRunner); paths are passed as text."""
    return CliRunner().invoke(main, [str(arg) for arg in args])


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
    # An unnamed temporary file: nothing is written next to the graph (the shared build).
    with tempfile.TemporaryFile("w+") as log:
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
