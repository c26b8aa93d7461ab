"""Time to first render of the explorer in headless Chromium (not part of `make test`).

For each graph: `kg synth --scale N` (one agency in each of the 17 시·도 at least),
`kg viz --graph` writes the explorer, then Debian's Chromium (driven by Playwright)
opens the file RUNS times and reports, from navigation start, the time until the
network has drawn its first frame (the page's script has run and two animation frames
have passed; performance.now() inside the page), and the file's size and node count. Issue 13's
target: ≤ 2 s on `kg synth --scale 10000`.

    .venv/bin/python benchmarks/explorer_render.py [RUNS] [SCALE ...]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
# Once the page's script has run (window.kgExplorer set), two animation frames later
# vis-network has drawn its first frame (it draws on the next frame after a change).
AFTER_FIRST_FRAME = """new Promise((resolve) => requestAnimationFrame(
  () => requestAnimationFrame(() => resolve(performance.now()))))"""


def explorer(scale: int, folder: Path) -> Path:
    graph, page = folder / f"synth-{scale}.nq", folder / f"explorer-{scale}.html"
    kg = str(Path(sys.executable).parent / "kg")
    subprocess.run([kg, "synth", "--scale", str(scale), "-o", str(graph)], check=True)
    subprocess.run([kg, "viz", "--graph", str(graph), "-o", str(page)], check=True)
    return page


def first_render(page_file: Path, runs: int) -> tuple[list[float], int]:
    times, nodes = [], 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            page.goto(page_file.as_uri(), wait_until="commit")
            page.wait_for_function("() => window.kgExplorer !== undefined")
            times.append(page.evaluate(AFTER_FIRST_FRAME) / 1000)
            nodes = page.evaluate("window.kgExplorer.data.nodes.length")
            page.close()
        browser.close()
    return times, nodes


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    scales = [int(s) for s in sys.argv[2:]] or [100, 10000]
    print(f"{'graph':<14} {'nodes':>6} {'MB':>5} {'first render s (median, max)':>30}")
    with tempfile.TemporaryDirectory() as tmp:
        for scale in scales:
            page = explorer(scale, Path(tmp))
            times, nodes = first_render(page, runs)
            size = page.stat().st_size / 1e6
            print(
                f"{'synth ' + str(scale):<14} {nodes:>6} {size:>5.1f} "
                f"{statistics.median(times):>22.2f} {max(times):>7.2f}"
            )


if __name__ == "__main__":
    main()
