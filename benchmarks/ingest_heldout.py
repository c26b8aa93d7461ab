"""Precision and recall of `kg ingest` on the held-out articles (issue 14, point 9).

tests/fixtures/ingest/heldout-*.txt were written blind, each with expected records written
by hand before the first run (heldout-*.expected.toml); since then the rules were tuned on
them (a dev set now, HELDOUT.md), so read their figures as an upper bound.
Prints one line per article (rejected or its overall P/R and seconds), then per category the
expected, found and correct tuples summed over all articles, the rejection count and the
seconds per article (the first article, which loads everything, apart). A rejected article
counts as found nothing, so its expected records lower recall. First-run figures and what
they mean: tests/fixtures/ingest/HELDOUT.md.

--prefix blind2- measures the second set instead (tests/fixtures/ingest/BLIND2.md; a dev set
too since branch ingest3: an upper bound). The third, blind3-* (BLIND3.md), is a dev set
since branch ingest4, blind4-* since ingest5; each blindN-* set has its note BLINDN.md (first
run, what went wrong, whether the rules were since tuned on it).
benchmarks/ingest_quality.py skips every heldout-* and blind* file.

Run: .venv/bin/python benchmarks/ingest_heldout.py [--details] [--prefix heldout-|blind2-|…|blind7-]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kg.core.errors import KgError
from kg.core.paths import ROOT
from kg.ingest import ingest
from kg.ingest.evaluate import CATEGORIES, Score, expected_gold, score, to_text

FIXTURES = ROOT / "tests" / "fixtures" / "ingest"


def measure(article: Path) -> tuple[list[Score], str | None, float]:
    """The article's scores (nothing found if rejected), the rejection message, seconds."""
    gold = expected_gold(article.with_suffix(".expected.toml"))
    start = time.perf_counter()
    try:
        result = ingest(article)
    except KgError as error:
        seconds = time.perf_counter() - start
        nothing = [
            Score(c, len(gold.sets[c]), 0, 0, tuple(sorted(gold.sets[c])), ()) for c in CATEGORIES
        ]
        return nothing, str(error).replace(f"{ROOT}/", ""), seconds
    seconds = time.perf_counter() - start
    return score(result.extraction, gold), None, seconds


def summed(per_article: list[list[Score]]) -> list[Score]:
    """Per category, expected, found and correct added over all articles."""
    totals = []
    for i, category in enumerate(CATEGORIES):
        rows = [scores[i] for scores in per_article]
        totals.append(
            Score(
                category,
                sum(s.expected for s in rows),
                sum(s.found for s in rows),
                sum(s.correct for s in rows),
                tuple(m for s in rows for m in s.missed),
                tuple(w for s in rows for w in s.wrong),
            )  # fmt: skip
        )
    return totals


def show(name: str, scores: list[Score], error: str | None, took: float, details: bool) -> None:
    """One line for the article; with ``details``, its table and what it missed or got wrong."""
    overall = summed([scores])
    correct = sum(s.correct for s in overall)
    found, expected = sum(s.found for s in overall), sum(s.expected for s in overall)
    precision, recall = correct / found if found else 1.0, correct / expected
    shown = f"rejected: {error}" if error else f"P {precision:.2f}  R {recall:.2f}"
    print(f"{name:<36} {took:6.2f} s  {shown}")
    if details and not error:
        print(to_text(scores, f"  {name}"))
        for s in scores:
            print("".join(f"    missed {s.category}: {m}\n" for m in s.missed), end="")
            print("".join(f"    wrong  {s.category}: {w}\n" for w in s.wrong), end="")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--details", action="store_true", help="each article's table, what it missed and got wrong"
    )
    parser.add_argument(
        "--prefix", default="heldout-", help="measure the articles named PREFIX*.txt (blind2-…)"
    )
    args = parser.parse_args()
    articles = sorted(FIXTURES.glob(f"{args.prefix}*.txt"))
    per_article, read_seconds, first, rejected = [], [], 0.0, 0
    for i, article in enumerate(articles):
        scores, error, took = measure(article)
        show(article.name, scores, error, took, args.details)
        per_article.append(scores)
        rejected += error is not None
        if i == 0:
            first = took
        elif error is None:
            read_seconds.append(took)
    print(to_text(summed(per_article), f"all {len(articles)} {args.prefix}* articles, summed"))
    print(f"rejected: {rejected} of {len(articles)}")
    mean = f"{sum(read_seconds) / len(read_seconds):.2f}" if read_seconds else "n/a"
    print(
        f"seconds: first article {first:.2f} (loads the rules), then {mean} per article read"
        f" ({len(read_seconds)} read after the first; rejected ones not counted)"
    )


if __name__ == "__main__":
    main()
