"""People who speak in the first person: a speaker's line of minutes or a transcript
("○위원장 홍길동  …", "○가나진흥원 기업지원팀장 홍길동  …", "○홍길동 위원  …") and a
self-introduction ("기업지원팀장 홍길동입니다", "…팀을 맡고 있는 홍길동입니다")."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from kg.ingest.model import Found
from kg.ingest.names import body_suffix

# A speaker's mark, the speaker (title and name, either order), two spaces, the speech.
SPEAKER = re.compile(r"^[○◯◎●]\s?(?P<who>[^\s○].{1,40}?)(?:\s{2,}|\t|\s*[:：]\s)", re.M)
INTRODUCED = re.compile(
    r"(?P<post>(?:[\w·]+\s)?[\w·]+)\s(?P<name>[가-힣]{2,4})(?:입니다|이에요|예요|라고\s*합니다)"
)
# "데이터팀을 맡고 있는 홍길동입니다": the head of the unit named.
IN_CHARGE = re.compile(
    r"(?P<unit>[\w·]+?(?:팀|센터|본부|실|단))(?:을|를)\s*맡고\s*있는\s(?P<name>[가-힣]{2,4})입니다"
)
COMMITTEE = re.compile(r"(?<![가-힣])[가-힣]{2,12}위원회(?![가-힣])")
BY = re.compile(r"(?<![A-Za-z])[Bb]y\s+(?P<name>[가-힣]{2,4})(?![가-힣])")
HEAD_OF = {"팀": "팀장", "센터": "센터장", "본부": "본부장", "실": "실장", "단": "단장"}


def speakers(
    text: str, is_name: Callable[[str], bool], titled: Callable[..., Found | None]
) -> Iterator[Found]:
    """People of speaker lines and self-introductions; ``titled(name, words, quote)`` makes
    the person of a name and its post's words, ``is_name`` tells a personal name."""
    yield from _speaker_lines(text, is_name, titled)
    for match in INTRODUCED.finditer(text):
        found = titled(match["name"], match["post"].split(), match.group(0))
        if found is not None:
            yield found
    for match in BY.finditer(text):  # "2025.09.18 | by 홍길동 (writer)": the writer
        if is_name(match["name"]):
            yield _person(match["name"], "필자", None, match.group(0), "the writer's by-line")
    for match in IN_CHARGE.finditer(text):
        unit, name = match["unit"], match["name"]
        head = next((t for s, t in HEAD_OF.items() if unit.endswith(s)), None)
        if head is not None and is_name(name) and body_suffix(unit) == "unit":
            found = _person(name, head, unit, match.group(0), "introduces herself as its head")
            found.fields["unit"] = True
            yield found


def _speaker_lines(
    text: str, is_name: Callable[[str], bool], titled: Callable[..., Found | None]
) -> Iterator[Found]:
    """ "○위원장 홍길동  …", "○홍길동 위원  …": a member of the committee the minutes'
    heading names, others with the post printed."""
    committee = COMMITTEE.search("\n".join(text.splitlines()[:6]))  # the minutes' heading
    for match in SPEAKER.finditer(text):
        words = match["who"].split()
        if len(words) < 2:
            continue
        found = titled(words[-1], words[:-1], match["who"])  # ○위원장 홍길동
        found = found or titled(words[0], words[1:], match["who"])  # ○홍길동 과장
        if found is None and words[1:] in (["위원"], ["의원"]) and is_name(words[0]):
            found = _person(words[0], words[1], None, match["who"], "a member's speaker line")
        if found is not None and committee and found.fields["title"] in ("위원장", "위원"):
            found.fields.update(org=committee[0], unit=True)  # ○위원장 홍길동: of the committee
        if found is not None:
            yield found


def _person(name: str, title: str, org: str | None, quote: str, why: str) -> Found:
    fields: dict[str, Any] = {"title": title, "org": org, "formal": False}
    return Found("person", name, "high", why, [quote], fields)
