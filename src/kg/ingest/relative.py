"""Dates told against another: the article's date line (지난 8일, 작년 6월, 지난달) or the
date printed before (같은 해, 이듬해, 같은 달, 이날, 전날), and the checks of any date."""

from __future__ import annotations

import calendar
import datetime
import re

from kg.core import yearwords


class BadDate(ValueError):
    """A date that looks like one but does not exist (2019. 13. 40)."""


def to_date(y: str, m: str | None, d: str | None) -> tuple[str, str]:
    """(ISO value, precision) of printed parts; BadDate if no such month or day."""
    year = int(y.lstrip("'")) + (2000 if y.startswith("'") and int(y[1:]) < 50 else 0)
    year += 1900 if y.startswith("'") and year < 100 else 0
    if m is None:
        return f"{year:04d}", "year"
    month = int(m)
    if not 1 <= month <= 12:
        raise BadDate(f"no such month in {y}.{m}")
    if d is None:
        return f"{year:04d}-{month:02d}", "month"
    if not 1 <= int(d) <= calendar.monthrange(year, month)[1]:
        raise BadDate(f"no such day in {y}.{m}.{d}")
    return f"{year:04d}-{month:02d}-{int(d):02d}", "day"


# A month may be narrowed ("3월 초", "8월 말"): the month is what is kept.
PART = r"(?:\s*(?:초순|초|중순|하순|말|께|경))?"
END = r"(?=\s|,|에|엔|\)|$)"  # 엔: 에는 spoken
RELATIVE = re.compile(
    r"(?P<same>같은\s*해|그\s*해|이듬해|다음\s*해|올해|올)\s*(?P<sm>\d{1,2})\s*월"
    r"(?:\s*(?P<sd>\d{1,2})\s*일)?"
    + PART
    + END  # 같은 해 11월: the year of the date before
    + r"|(?P<sameyear>같은\s*해|그\s*해|이듬해|다음\s*해)"
    + END  # the year only
    + r"|같은\s*달(?:\s*(?P<smd>\d{1,2})\s*일)?(?P<samemonth>)"
    + END  # the month before's
    + r"|(?P<thisday>이날|같은\s*날|당일)"
    + END
    + r"|(?P<eve>전날)"
    + END  # the date before
    + r"|(?P<ago>어제|그제|그저께|오늘)(?:\s*\(\s*(?P<ad>\d{1,2})\s*일\s*\))?"
    + END
    + r"|지난달\s*(?P<pd>\d{1,2})\s*일"
    + END
    + r"|(?P<lastmonth>지난달)(?!\s*\d)"
    + END  # the month before the article's ("이달 …을 연다" is mostly a schedule)
    + r"|(?P<lastyear>지난해|작년|재작년)(?!\s*\d{1,2}\s*월)"
    + END  # 지난해에는 …가 선정했다: the year only
    + r"|(?<![\d])(?<!오는\s)(?<!오는)(?:지난\s*)?(?:(?P<m>\d{1,2})\s*월\s*)?(?P<d>\d{1,2})\s*일"
    + END
    + r"|(?P<last>지난해|작년|재작년|지난|[Ll]ast\s+year)\s*(?P<lm>\d{1,2})\s*월"
    + PART
    + END  # 지난 9월
    + r"|(?<![\d.년'])(?<!오는\s)(?<!내년\s)(?P<bm>\d{1,2})\s*월(?!\s*\d{1,2}\s*일)"
    + PART
    + END  # 8월: this year's (or last year's, if not yet come)
)


def resolve(
    match: re.Match[str], relative: bool, today: str | None, years: list[str]
) -> tuple[str, str] | None:
    """The date a mention names; ``years`` holds the dates printed before it (so "같은
    해", "같은 달", "이날" and "전날" resolve against the last one), ``today`` the article's."""
    if not relative:
        parts = re.match(ABSOLUTE_ANY, match.group(0))
        assert parts is not None
        return to_date(parts["y"], parts["m"], parts["d"])
    if told_before(match):
        return _after_before(match, years)
    if today is None:
        return None
    year, month, day = (int(p) for p in today.split("-"))
    if match["same"]:  # 올해 3월
        return to_date(str(year), match["sm"], match["sd"])
    if match["ago"]:  # 어제(22일), 그제: counted back from the article's date
        back = {"오늘": 0, "어제": 1}.get(match["ago"], 2)
        if match["ad"] is None:
            return _days_before(today, back)
    if match["lastyear"]:  # 지난해, 작년, 재작년: the year only
        return str(year + yearwords.shift(match["lastyear"])), "year"
    if match["lastmonth"]:  # 지난달, 이달
        return to_date(str(year if month > 1 else year - 1), str(month - 1 or 12), None)
    if match["pd"]:  # 지난달 25일
        return to_date(str(year if month > 1 else year - 1), str(month - 1 or 12), match["pd"])
    if match["lm"] or match["bm"]:  # the month named; last year's if 지난해 or not yet come
        m = int(match["lm"] or match["bm"])
        back = -yearwords.shift(match["last"] or "")  # 지난해, 재작년, last year
        y = year - (back or (1 if match["last"] and m >= month or m > month else 0))
        return to_date(str(y), str(m), None)
    d = int(match["d"] or match["ad"])
    m = int(match["m"]) if match["m"] else month if d <= day else month - 1
    y = year if m <= month else year - 1
    m = m or 12
    return to_date(str(y), str(m), str(d))


def told_before(match: re.Match[str]) -> bool:
    """Whether ``match`` is a date told against the one printed before it (같은 해, 이듬해,
    같은 달, 이날, 전날) rather than against the article's date."""
    told = match["same"] and not match["same"].startswith("올") or match["sameyear"]
    return bool(told or match["samemonth"] is not None or match["thisday"] or match["eve"])


def _after_before(match: re.Match[str], years: list[str]) -> tuple[str, str] | None:
    """The date told against the last of ``years``; None if there is none."""
    told = match["same"] and not match["same"].startswith("올") or match["sameyear"]
    if not years:
        return None
    last = years[-1]
    if told:  # 같은 해, 이듬해: the year before's
        later = yearwords.shift(match["same"] or match["sameyear"])
        return to_date(str(int(last[:4]) + later), match["sm"], match["sd"])
    if match["samemonth"] is not None:  # 같은 달 (5일)
        return to_date(last[:4], last[5:7], match["smd"]) if len(last) >= 7 else None
    if len(last) < 10:
        return None
    return (last, "day") if match["thisday"] else _days_before(last, 1)


def _days_before(day: str, back: int) -> tuple[str, str]:
    return (datetime.date.fromisoformat(day) - datetime.timedelta(days=back)).isoformat(), "day"


ABSOLUTE_ANY = re.compile(
    r"(?P<y>\d{4}|'\d{2})\s*[.년\-/]\s*(?:(?P<m>\d{1,2})\s*[.월\-/]?\s*(?:(?P<d>\d{1,2}))?)?"
)
