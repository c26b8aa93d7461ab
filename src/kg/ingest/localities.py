"""Places of the running text: provinces, cities and counties by the gazetteer (전라북도,
전북, 전주시, 함양·산청군), the districts and towns of an address (춘천시 퇴계동, 울산 남구),
and the 읍, 면, 동 and 리 a sentence places something in (도통동의 옛 창고, 합덕읍과 면천면)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.ingest import gazetteer as gz
from kg.ingest.model import Found
from kg.ingest.names import Token, _common_gu, _place, stem, tokens


def places(text: str) -> Iterator[Found]:
    """Provinces and cities by the gazetteer: 전라북도, 전북, 전주시, 전주·전북지역; and the
    districts, towns and neighbourhoods of an address after them: 춘천시 퇴계동, 울산 남구."""
    words = tokens(text)
    for i, token in enumerate(words):
        if _locality(text, words, i):
            for piece in token.stem.split("·"):
                yield Found("place", piece, "medium", "a town, township or village (읍·면·동·리)",
                            [piece], {"kind": "district"})  # fmt: skip
            continue
        if i and _in_address(text, words[i - 1], token):
            yield Found("place", token.stem, "medium", "a district or town of an address",
                        [token.stem], {"kind": "district"})  # fmt: skip
            continue
        pieces = re.split(r"[·\-]", token.text)
        for piece in pieces:
            found = _place(piece) or _place(stem(piece))  # 전라북도, not 전라북 + 도
            listed = None if found else _listed_county(piece, pieces[-1])
            found = found or listed
            if found:
                canonical, kind = found
                quote = piece if listed else token.text if _place(piece) else token.stem
                yield Found(
                    "place",
                    canonical,
                    "medium",
                    f"{kind} name in the gazetteer",
                    [quote],
                    {"kind": "district" if kind == "county" else kind},  # records' kinds
                    alt_ko=list(gz.FORMER_NAMES.get(canonical, ())),
                )


def _listed_county(piece: str, last: str) -> tuple[str, str] | None:
    """ "함양·산청군": a bare county name in a list whose last name ends in 군."""
    county = _place(stem(last))
    if county is None or county[1] != "county" or piece not in gz.COUNTY_PROVINCE:
        return None
    return piece + "군", "county"


LOCALITY = re.compile(r"[가-힣]{2,4}(?:읍|면|동|리)")
# After a locality's name: a place in it (새 청사, 옛 창고, 주민), or the next, smaller one.
LOCALITY_CONTEXT = re.compile(
    r"\s(?:새|옛|임시|인근|일대|일원|주민|소재|본원|청사|사무실|건물|시청|군청|청년|원룸"
    r"|[가-힣]{2,4}(?:리|동)(?:의|에|에서)?(?![가-힣])"  # 거창읍 중앙리의, 율곡동 혁신도시로
    r"|\w{1,8}(?:단지|공단|지구|도시|마을|밸리|타운)(?:으로|로|에서|에|의|안)?(?![가-힣]))"
)
LOCATIVE = ("에", "에서", "의", "으로", "로", "과", "와", "에는", "에서는")


def _locality(text: str, words: list[Token], i: int) -> bool:
    """ "도통동의 옛 창고", "송악읍 부곡공단", "합덕읍과 면천면 주민": a 읍, 면, 동 or 리 by its
    suffix, placed by a locative particle or a place in it; not a common word (활동, 반면)."""
    token = words[i]
    word = token.stem
    if not _locality_name(word):
        return False
    if "·" in word:  # 대산읍·지곡면: a list of localities
        return all(_locality_name(piece) for piece in word.split("·"))
    particle = token.text[len(word) :]
    after = text[token.start + len(token.text) : token.start + len(token.text) + 8]
    placed = particle in LOCATIVE and not particle.startswith(("과", "와"))
    listed = (
        particle in ("과", "와") and i + 1 < len(words) and LOCALITY.fullmatch(words[i + 1].stem)
    )
    return bool(placed or listed or not particle and LOCALITY_CONTEXT.match(after))


def _locality_name(word: str) -> bool:
    pieces = word.split("·")
    return all(
        LOCALITY.fullmatch(p) and p[-2:] not in gz.NOT_LOCALITIES and not _place(p) for p in pieces
    )


ADDRESS_PART = re.compile(r"[가-힣]{1,4}(?:구|동|읍|면|군)")


def _in_address(text: str, before: Token, token: Token) -> bool:
    """ "퇴계동" after "춘천시 ", "남구" after "울산 ": a part of an address, not a word."""
    gap = text[before.start + len(before.text) : token.start]
    if gap != " " or before.text != before.stem and _place(before.stem) is None:
        return False
    previous = _place(before.text) or ADDRESS_PART.fullmatch(before.text)
    common = _common_gu(token.stem) or token.stem[-2:] in gz.NOT_LOCALITIES  # 공주 연구 인력
    return previous is not None and ADDRESS_PART.fullmatch(token.stem) is not None and not common
