"""Date forms, event verbs (:data:`kg.ingest.gazetteer.EVENT_PHRASES`) and the date an
article is dated by: its date line ("2024.5.20 | 기자", "입력 2024-05-20"), a
header line that carries the day, a labelled field ("일  시: …"), a post's time stamp, or a
periodical's issue; relative dates are told against it."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable

from kg.ingest import gazetteer as gz
from kg.ingest.relative import BadDate, to_date

BULLET = re.compile(r"^[\s■□◆◇●○◎▶▷※*#•·ㆍ▪◦\-–—>|]*")
ABSOLUTE = [  # longest forms first; y may be 'YY (apostrophe and two digits)
    r"(?P<y>\d{4}|'\d{2})\s*년\s*(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일",
    r"(?P<y>\d{4}|'\d{2})\s*\.\s*(?P<m>\d{1,2})\s*\.\s*(?P<d>\d{1,2})(?!\d)\s*\.?",
    r"(?P<y>\d{4})\s*-\s*(?P<m>\d{1,2})\s*-\s*(?P<d>\d{1,2})(?!\d)",
    r"(?P<y>(?:19|20)\d{2})/(?P<m>0?[1-9]|1[0-2])/(?P<d>\d{1,2})(?!\d)",  # 2017/6/1
    r"(?<![\d-])(?P<y>(?:19|20)\d{2})-(?P<m>0[1-9]|1[0-2])(?![\d-])",  # 2023-06 (ISO)
    r"(?P<y>\d{4}|'\d{2})\s*년\s*(?P<m>\d{1,2})\s*월",
    r"(?P<y>\d{4}|'\d{2})\s*\.\s*(?P<m>\d{1,2})(?![\d,])\s*\.?",
    r"(?P<y>(?:19|20)\d{2})/(?P<m>0?[1-9]|1[0-2])(?![\d/])",  # 2022/9
    r"(?P<y>(?:19|20)\d{2})\s*년(?!도)",  # 2026년도: a fiscal year, no happening
]
IN_PROSE = re.compile(re.sub(r"\?P<\w+>", "?:", "|".join(f"(?:{f})" for f in ABSOLUTE)))
# A sentence ending inside the line: prose that happens to start with a date.
PARAGRAPH = re.compile(r"[다요]\.(?:\s+\S|\s*$)")
VERB_END = (
    r"(?=$|[^가-힣]|했|하였|한|하여|해|하고|하며|하는|됐|돼|되|된|을|를|식|받|에|다|고|습|으며"
    r"|으니|으나|는데|지만|어요|아요|죠|대)"  # spoken: 세웠으니까, 뽑혔어요, 바꿨죠; 바뀌었대요
)
# "개관 전이어서", "개원 20주년을 맞아": before it, or its anniversary; no happening then.
NOT_THEN = r"(?!\s*(?:전(?:이|에|까지|부터|\s|$)|이전(?:에|부터|까지)|\d+\s*주년))"
EVENT_PATTERNS = [(verb, re.compile(f"(?:{phrase}){NOT_THEN}{VERB_END}"))
                  for verb, phrase in gz.EVENT_PHRASES.items()]  # fmt: skip


def find_verb(text: str, last: bool = False) -> tuple[str | None, int, int]:
    """(canonical verb, start, end) of the first (or last) event phrase in ``text``."""
    found = [(m.start(), m.end(), verb) for verb, pattern in EVENT_PATTERNS
             for m in pattern.finditer(text)]  # fmt: skip
    if not found:
        return None, -1, -1
    found.sort(key=lambda f: (f[0], -f[1]))
    start, end, verb = found[-1] if last else found[0]
    if last:  # the longest phrase ending there: "통합 출범" over "출범"
        start, end, verb = min((f for f in found if f[1] == end), key=lambda f: f[0])
    return verb, start, end


DATE_LINE = re.compile(
    r"^(?!.*(?:설립|개소|개원|창립|출범|개관))"  # "설립일 | 2011년 5월 2일": a field, no dateline
    r"\s*(?:(?:\[[^\]\n]{1,20}\]|[(【]?[^\d\n|]{0,20}[)】]?)\s*(?:[|/]\s*)?)?"  # [○○ 뉴스9]
    r"(?:입력|기사입력|등록|발행|작성|보도일자?)?\s*[:：]?\s*"
    r"(?P<y>\d{4})\s*[.\-/년]\s*(?P<m>\d{1,2})\s*[.\-/월]\s*(?P<d>\d{1,2})\s*일?\.?"
    r"(?:\s*\(?[월화수목금토일]\)?)?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*(?:방송|송고|발행))?"
    r"(?:\s*[|/]\s*[^\d\n]*|\s{2,}[^\d\n:：]*[:：][^\d\n]*)?\s*$"  # "| 기자", "  보도 : 즉시"
)
# A header line that carries the day among other words: a masthead, a programme, a post's
# "게시 2025.03.04 · …", "최종 수정일: 2025-08-19 | 담당: …"; no event verb in it.
HEADER = re.compile(
    r"^(?P<pre>[^\d\n]{0,60}?)(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:[.\-/]|년)\s*(?P<m>\d{1,2})\s*"
    r"(?:[.\-/]|월)\s*(?P<d>\d{1,2})(?!\d)\s*일?\.?(?P<post>[^\n]{0,60})$"
)
# A labelled date field ("일  시: 2025년 9월 3일(수) 10시", "배포 일시: 2025. 12. 3.(수) 14:00")
# or a post's time stamp ("닉네임 | 2025.07.21 22:14 | 조회 412"): the day the text is dated.
LABELLED = re.compile(
    r"(?:(?:일\s*시|일\s*자|날\s*짜|게시일?|작성일?|등록일?)\s*[:：]\s*"
    r"|(?<![\d.])(?=\d{4}\s*[.\-/]\s*\d{1,2}\s*[.\-/]\s*\d{1,2}\.?\s+\d{1,2}:\d{2}(?!\d)))"
    r"(?P<y>(?:19|20)\d{2})\s*(?:[.\-/]|년)\s*(?P<m>\d{1,2})\s*(?:[.\-/]|월)\s*(?P<d>\d{1,2})(?!\d)"
)
# A periodical's issue: "행복당진 2025년 4월호" (its last day is the date told against).
ISSUE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*년\s*(?P<m>\d{1,2})\s*월\s*호")


def is_date_line(line: str) -> re.Match[str] | None:
    """The date line of an article ("2024.5.20 | 기자"), or a header line with the day in
    it and words around it but no event verb and no sentence."""
    match = DATE_LINE.match(line)
    if match is not None:
        return match
    header = HEADER.match(line.strip())
    pre = BULLET.sub("", header["pre"]).strip() if header else ""
    if header is None or not pre or pre.endswith("|"):
        return None  # a timeline's line, or a date alone that heads what follows (a card)
    if PARAGRAPH.search(line) or find_verb(line)[0] is not None or IN_PROSE.search(header["post"]):
        return None
    return header


def article_date(text: str) -> str | None:
    """The date the article is dated by: a line of its first or last three that is a date,
    a labelled date field of its first eight, else the issue of a periodical ("2025년
    4월호") in its first three (its last day)."""
    dating = _dating(text)
    return dating[0] if dating else None


def date_line(text: str) -> str | None:
    """The line :func:`article_date` reads the date from (stripped): the evidence of a
    date told against it ("지난 1일", "재작년 3월")."""
    dating = _dating(text)
    return dating[1].strip() if dating else None


def _first_date(
    lines: list[str], find: Callable[[str], re.Match[str] | None]
) -> tuple[str, str] | None:
    """(ISO date, line) of the first line where ``find`` matches a date that exists."""
    for line in lines:
        match = find(line)
        if match:
            try:
                return to_date(match["y"], match["m"], match["d"])[0], line
            except BadDate:
                continue
    return None


def _dating(text: str) -> tuple[str, str] | None:
    lines = [line for line in text.splitlines() if line.strip()]
    dated = _first_date([*lines[:3], *lines[-3:]], is_date_line) or _first_date(
        lines[:8], lambda line: LABELLED.search(line) if find_verb(line)[0] is None else None
    )
    if dated:
        return dated
    for line in lines[:3]:
        issue = ISSUE.search(line)
        if issue and 1 <= int(issue["m"]) <= 12:
            last = calendar.monthrange(int(issue["y"]), int(issue["m"]))[1]
            return f"{int(issue['y']):04d}-{int(issue['m']):02d}-{last:02d}", line
    return None
