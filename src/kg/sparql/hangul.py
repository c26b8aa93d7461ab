"""Search keys of a name: folded text, Revised Romanization and initial consonants (초성).

What people type into a Korean search box: part of a name (``정보문화``), its
romanization (``jeonju``, the Revised Romanization of Korean, syllable by syllable
with a final consonant carried to a following vowel, and ㄴ/ㄹ + ㄹ as ``ll``), or the
initial consonants of its syllables (``ㅈㅈㅈㅂ``). Each key ignores case and spaces;
characters that are not Hangul syllables are kept (lower case) in every key.

Example::

    >>> romanize("전주정보문화산업진흥원")
    'jeonjujeongbomunhwasaneopjinheungwon'
    >>> romanize("한국어"), romanize("신라"), romanize("서울 ICT")
    ('hangugeo', 'silla', 'seoulict')
    >>> initials("전주정보문화산업진흥원")
    'ㅈㅈㅈㅂㅁㅎㅅㅇㅈㅎㅇ'
    >>> fold(" SOS 랩 "), is_initials("ㅈㅈ ㅈㅂ"), is_initials("정보")
    ('sos랩', True, False)
    >>> search_keys(["전주", "Jeonju"])
    ['전주', 'jeonju', 'ㅈㅈ']
"""

from __future__ import annotations

import functools
import re
import unicodedata

FIRST, LAST = 0xAC00, 0xD7A3  # the precomposed Hangul syllables 가 … 힣
CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"  # compatibility jamo, as keyboards type them
# fmt: off
LEAD = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "-", "j", "jj", "ch", "k",
        "t", "p", "h"]  # "-": ㅇ is silent
VOWEL = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo",
         "we", "wi", "yu", "eu", "ui", "i"]
# The 27 final consonants (index 1 …): as said at the end of a syllable, and the initial
# they become before a vowel (linking: 한국어 → han-gu-geo).
CODA = ["k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
        "t", "t", "ng", "t", "t", "k", "t", "p", "t"]
CARRIED = ["g", "kk", "gs", "n", "nj", "nh", "d", "r", "lg", "lm", "lb", "ls", "lt", "lp", "lh",
           "m", "b", "bs", "s", "ss", "ng", "j", "ch", "k", "t", "p", "h"]
# fmt: on
# The markers of the intermediate form: a final consonant, and the two initials whose sound
# depends on the syllable before them (ㅇ is silent, ㄹ is r or l).
HANGUL = re.compile("[\uac00-\ud7a3]+")
FINAL_MARK, SILENT, RIEUL = 0xE000, "\ue100", "\ue101"
CARRY = re.compile("([\ue001-\ue01b])" + SILENT)  # a final before a vowel: carried over
LIQUID = re.compile("[\ue004\ue008]" + RIEUL)  # ㄴ or ㄹ, then ㄹ: ll (신라 silla)


def fold(text: str) -> str:
    """``text`` composed (NFC), lower case, without whitespace: what every key is made of."""
    return "".join(unicodedata.normalize("NFC", text).lower().split())


def search_keys(names: list[str]) -> list[str]:
    """The distinct keys a search box matches ``names`` by: folded, romanized, 초성."""
    keys = [key for name in names for key in (fold(name), romanize(name), initials(name))]
    return list(dict.fromkeys(key for key in keys if key))


def initials(text: str) -> str:
    """The initial consonant of each Hangul syllable (초성); other characters folded, kept."""
    return HANGUL.sub(lambda m: _initials(m.group()), fold(text))


def is_initials(query: str) -> bool:
    """True for a query of initial consonants only (ㅈㅈㅈㅂ): a 초성 search."""
    folded = fold(query)
    return bool(folded) and all(c in CHOSEONG for c in folded)


def romanize(text: str) -> str:
    """The Revised Romanization of ``text`` (folded, no spaces); other characters kept."""
    return HANGUL.sub(lambda m: _romanized(m.group()), fold(text))


@functools.lru_cache(maxsize=65536)
def _initials(run: str) -> str:
    return run.translate(_tables()[0])


@functools.lru_cache(maxsize=65536)
def _romanized(run: str) -> str:
    """One run of Hangul syllables (names repeat their words: each run is worked out once)."""
    marked = CARRY.sub(
        lambda m: CARRIED[ord(m.group(1)) - FINAL_MARK - 1], run.translate(_tables()[1])
    )
    return LIQUID.sub("ll", marked).translate(_tables()[2])


@functools.cache
def _tables() -> tuple[dict[int, str], dict[int, str], dict[int, str]]:
    """str.translate tables: syllable → initial; syllable → marked romanization; markers → text.

    Built on first use (11,172 syllables), not at import: ``kg query`` imports this module.
    """
    lead_of: dict[int, str] = {}
    marked: dict[int, str] = {}
    for code in range(FIRST, LAST + 1):
        lead, vowel, final = (code - FIRST) // 588, (code - FIRST) % 588 // 28, (code - FIRST) % 28
        lead_of[code] = CHOSEONG[lead]
        start = {11: SILENT, 5: RIEUL}.get(lead, LEAD[lead])
        marked[code] = start + VOWEL[vowel] + (chr(FINAL_MARK + final) if final else "")
    said = {FINAL_MARK + i: coda for i, coda in enumerate(CODA, start=1)}
    said |= {ord(SILENT): "", ord(RIEUL): "r"}
    return lead_of, marked, said
