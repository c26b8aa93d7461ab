"""What Kiwi (kiwipiepy, a Korean morphological analyzer) would add to `kg ingest`'s rules:
people found as proper nouns (NNP) next to a title, against the hand-written expected
people of the test articles, beside the rules' own; and what it costs (model load, first
call, seconds per article). Also korean-romanizer's cost. Not part of `make test`.

Run: pip install kiwipiepy && .venv/bin/python benchmarks/ingest_kiwi.py [--prefix blind7-]
(--prefix: only the test articles whose name starts with it, e.g. the newest blind set, which
the rules were not tuned on.)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from kg.core.paths import ROOT
from kg.ingest import gazetteer as gz
from kg.ingest import ingest
from kg.ingest.evaluate import expected_gold

FIXTURES = ROOT / "tests" / "fixtures" / "ingest"


def kiwi_people(kiwi, text: str) -> set[str]:
    """Proper nouns (NNP) of 2-4 syllables printed right before or after a title."""
    found = set()
    for sentence in kiwi.tokenize(text.splitlines()):
        for i, token in enumerate(sentence):
            near = [sentence[j].form for j in (i - 1, i + 1) if 0 <= j < len(sentence)]
            if token.tag == "NNP" and 2 <= len(token.form) <= 4 and set(near) & set(gz.TITLES):
                found.add(token.form)
    return found


def prf(found: set[str], gold: set[str]) -> tuple[int, int, int]:
    return len(gold), len(found), len(found & gold)


def main() -> None:
    prefix = sys.argv[sys.argv.index("--prefix") + 1] if "--prefix" in sys.argv else ""
    start = time.perf_counter()
    from kiwipiepy import Kiwi

    kiwi = Kiwi()
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    kiwi.tokenize("모델을 처음 쓸 때의 비용.")
    first = time.perf_counter() - start
    totals = {"rules": [0, 0, 0], "kiwi": [0, 0, 0], "either": [0, 0, 0]}
    seconds = []
    for expected in sorted(
        [*FIXTURES.glob(f"{prefix}*.expected.toml"), *FIXTURES.glob(f"*/{prefix}*.expected.toml")]
    ):
        text_path = expected.parent / expected.name.replace(".expected.toml", ".txt")
        text = Path(text_path).read_text(encoding="utf-8")
        gold = {t[0] for t in expected_gold(expected).sets["people"]}
        rules = {p.ko for p in ingest(text_path).extraction.of("person")}
        start = time.perf_counter()
        kiwi_found = kiwi_people(kiwi, text)
        seconds.append(time.perf_counter() - start)
        for name, found in (("rules", rules), ("kiwi", kiwi_found), ("either", rules | kiwi_found)):
            totals[name] = [a + b for a, b in zip(totals[name], prf(found, gold), strict=True)]
    print(f"kiwi model load {loaded:.2f} s, first call {first:.2f} s, "
          f"then {max(seconds):.3f} s per article at most")  # fmt: skip
    for name, (expected, found, correct) in totals.items():
        print(f"people by {name:<7} expected {expected:>3} found {found:>3} correct {correct:>3}  "
              f"P {correct / max(found, 1):.2f}  R {correct / max(expected, 1):.2f}")  # fmt: skip
    start = time.perf_counter()
    from korean_romanizer.romanizer import Romanizer  # type: ignore[import-untyped]

    Romanizer("김하늘").romanize()
    print(f"korean-romanizer import and first call {time.perf_counter() - start:.3f} s")


if __name__ == "__main__":
    main()
