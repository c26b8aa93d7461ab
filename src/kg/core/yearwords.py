"""Words that tell a year against another date: 지난해 and 작년 (the year before), 재작년
(two before), 이듬해 and 다음 해 (the year after), "last year" in code-switched text.

The one table of them: ingestion resolves these words against the article's date line (or
the date printed before), and the build checks with it that a date so told has its year
printed in the evidence (지난해 quoted with a date line of 2025 is 2024).

Example::

    >>> shift("재작년"), shift("다음  해"), shift("Last year"), shift("같은 해")
    (-2, 1, -1, 0)
    >>> [word for word, years in told_in("지난해 5월, 재작년 3월")]
    ['지난해', '재작년']
"""

from __future__ import annotations

import re

# (how the word is written, how many years it moves from the date it is told against)
YEAR_WORDS = (
    (r"지난해", -1),
    (r"(?<!재)작년", -1),
    (r"재작년", -2),
    (r"이듬해", 1),
    (r"다음\s*해", 1),
    (r"\b[Ll]ast\s+year\b", -1),
)
_WORDS = [(re.compile(pattern), years) for pattern, years in YEAR_WORDS]


def shift(word: str) -> int:
    """Years that ``word`` moves (-1 for 지난해); 0 for any other word (같은 해, 올해)."""
    return next((years for told, years in _WORDS if told.fullmatch(word.strip())), 0)


def told_in(text: str) -> list[tuple[str, int]]:
    """Each year word of ``text`` with the years it moves, in the order of the table."""
    return [(found[0], years) for told, years in _WORDS if (found := told.search(text))]
