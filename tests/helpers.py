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


# A graph written by someone hostile: markup in its labels, a javascript: link, and a
# plain https link that must stay a link. Valid N-Triples, so also valid N-Quads.
HOSTILE_LABEL = "</script><script>alert(1)</script>"
HOSTILE_ORG = "https://w3id.org/kr-ict-kg/id/org/hostile"
_RDF, _RDFS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://www.w3.org/2000/01/rdf-schema#"
_ORG, _SCHEMA = "http://www.w3.org/ns/org#", "https://schema.org/"
_HOSTILE = [
    (HOSTILE_ORG, _RDF + "type", f"<{_ORG}FormalOrganization>"),
    (HOSTILE_ORG, _RDFS + "label", f'"{HOSTILE_LABEL}"@ko'),
    (HOSTILE_ORG, _RDFS + "label", '"<img src=x onerror=alert(2)> & \\u2028"@en'),
    (HOSTILE_ORG, _SCHEMA + "url", "<javascript:alert(1)>"),
    (HOSTILE_ORG, _SCHEMA + "sameAs", "<https://example.org/hostile?a=1&b=2>"),
    (HOSTILE_ORG, _SCHEMA + "logo", "<data:text/html;base64,PHNjcmlwdD5hbGVydCgzKTwvc2NyaXB0Pg==>"),
    (HOSTILE_ORG + "/unit", _RDF + "type", f"<{_ORG}OrganizationalUnit>"),
    (HOSTILE_ORG + "/unit", _RDFS + "label", f'"{HOSTILE_LABEL}"@ko'),
    (HOSTILE_ORG + "/unit", _ORG + "unitOf", f"<{HOSTILE_ORG}>"),
]
HOSTILE_TRIPLES = "".join(f"<{s}> <{p}> {o} .\n" for s, p, o in _HOSTILE)


def hostile_nquads(folder: Path) -> Path:
    """:data:`HOSTILE_TRIPLES` written to ``folder/hostile.nq``; returns the path."""
    path = folder / "hostile.nq"
    path.write_text(HOSTILE_TRIPLES, encoding="utf-8")
    return path


def select(store, query, given: dict[str, str] | None = None) -> tuple[list[str], list[tuple]]:
    """A SELECT's column names and rows of terms (None where unbound), run as kg query runs it."""
    from kg.sparql.query import run

    results = run(store, query, given)
    columns = [v.value for v in results.variables]
    return columns, [tuple(solution[c] for c in columns) for solution in results]


def label_overlaps(fig) -> list[tuple[str, str]]:
    """The pairs of texts of a matplotlib figure whose drawn boxes overlap (by its extents)."""
    fig.draw_without_rendering()  # lays legends out; no pixels
    renderer = fig.canvas.get_renderer()
    from matplotlib.text import Text

    texts = {id(t): t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()}
    assert texts, "the figure has no text"
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts.values()]
    boxes.sort(key=lambda b: b[1].x0)
    found = []
    for i, (a, box) in enumerate(boxes):
        for b, other in boxes[i + 1 :]:
            if other.x0 >= box.x1:
                break
            if box.overlaps(other) and min(box.y1, other.y1) - max(box.y0, other.y0) > 0.5:
                found.append((a, b))
    return found
