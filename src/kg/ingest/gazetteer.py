"""Word lists the extraction rules use: regions, cities, name suffixes, titles, figure units.

Data only, so that a reader can see (and extend) every word a rule depends on.
"""

from __future__ import annotations

from kg.build.regions import region_named


def words(text: str) -> list[str]:
    """A word list written as one string (easier to read and extend)."""
    return text.split()


# Provinces and metropolitan cities: full name, and the short forms articles use.
PROVINCES: dict[str, tuple[str, ...]] = {
    "서울특별시": ("서울", "서울시"),
    "부산광역시": ("부산", "부산시"),
    "대구광역시": ("대구", "대구시"),
    "인천광역시": ("인천", "인천시"),
    "광주광역시": ("광주", "광주시"),
    "대전광역시": ("대전", "대전시"),
    "울산광역시": ("울산", "울산시"),
    "세종특별자치시": ("세종", "세종시"),
    "경기도": ("경기",),
    "강원특별자치도": ("강원", "강원도"),
    "충청북도": ("충북",),
    "충청남도": ("충남",),
    "전북특별자치도": ("전북", "전북도", "전라북도"),
    "전라남도": ("전남",),
    "경상북도": ("경북",),
    "경상남도": ("경남",),
    "제주특별자치도": ("제주", "제주도"),
}
# Former full names of 시·도 renamed (kept as a place's alt_ko, so both names match it).
FORMER_NAMES = {"강원특별자치도": ("강원도",), "전북특별자치도": ("전라북도",)}
# The slug of each 시·도's place: the registry's (data/reference/regions.toml).
REGION_SLUGS = {full: region.slug for full in PROVINCES if (region := region_named(full))}
# Cities (시) printed as "<name>시", or bare before "·", "지역" or a hyphen.
CITIES = words(
    "수원 성남 고양 용인 부천 안산 안양 남양주 화성 평택 의정부 시흥 파주 김포 광명 군포 "
    "하남 오산 이천 안성 의왕 양주 포천 여주 과천 구리 동두천 춘천 원주 강릉 동해 태백 속초 "
    "삼척 청주 충주 제천 천안 공주 보령 아산 서산 논산 계룡 당진 전주 군산 익산 정읍 남원 "
    "김제 목포 여수 순천 나주 광양 포항 경주 김천 안동 구미 영주 영천 상주 문경 경산 창원 "
    "진주 통영 사천 김해 밀양 거제 양산 서귀포"
)
# The 도 each city is in (agencies named after their city serve its 도).
CITY_PROVINCE = {
    city: province
    for province, cities in {
        "경기도": "수원 성남 고양 용인 부천 안산 안양 남양주 화성 평택 의정부 시흥 파주 김포 "
        "광명 군포 하남 오산 이천 안성 의왕 양주 포천 여주 과천 구리 동두천",
        "강원특별자치도": "춘천 원주 강릉 동해 태백 속초 삼척",
        "충청북도": "청주 충주 제천",
        "충청남도": "천안 공주 보령 아산 서산 논산 계룡 당진",
        "전북특별자치도": "전주 군산 익산 정읍 남원 김제",
        "전라남도": "목포 여수 순천 나주 광양",
        "경상북도": "포항 경주 김천 안동 구미 영주 영천 상주 문경 경산",
        "경상남도": "창원 진주 통영 사천 김해 밀양 거제 양산",
        "제주특별자치도": "서귀포",
    }.items()
    for city in cities.split()
}
# Counties (군) by 도; printed "<name>군" (bare only in a list ending with one: 함양·산청군).
# 고성 (강원, 경남) is left out: its 도 cannot be told from the name.
COUNTY_PROVINCE = {
    county: province
    for province, counties in {
        "경기도": "연천 가평 양평",
        "강원특별자치도": "홍천 횡성 영월 평창 정선 철원 화천 양구 인제 양양",
        "충청북도": "보은 옥천 영동 증평 진천 괴산 음성 단양",
        "충청남도": "금산 부여 서천 청양 홍성 예산 태안",
        "전북특별자치도": "완주 진안 무주 장수 임실 순창 고창 부안",
        "전라남도": "담양 곡성 구례 고흥 보성 화순 장흥 강진 해남 영암 무안 함평 영광 장성 "
        "완도 진도 신안",
        "경상북도": "의성 청송 영양 영덕 청도 고령 성주 칠곡 예천 봉화 울진 울릉",
        "경상남도": "의령 함안 창녕 남해 하동 산청 함양 거창 합천",
        "부산광역시": "기장",
        "대구광역시": "달성 군위",
        "인천광역시": "강화 옹진",
        "울산광역시": "울주",
    }.items()
    for county in counties.split()
}
# County names that are also common words (예산 budget, 진도 progress …): never bare.
COMMON_COUNTY_WORDS = set(
    words("예산 진도 영광 음성 부여 강진 영양 고령 달성 강화 보은 장수 정선 인제 완주 영동 성주 "
          "보성 청도 화순 무안 해남 고창 신안 함평 장성 의성 청송")
)  # fmt: skip
# Common words that end like a 읍·면·동·리 (by their last two syllables): 활동, 반면, 관리 ….
NOT_LOCALITIES = set(
    words(
        "활동 운동 이동 행동 노동 협동 작동 변동 감동 자동 가동 "
        "반면 측면 전면 이면 대면 화면 지면 표면 국면 당면 직면 장면 방면 서면 일면 "
        "내면 외면 단면 평면 양면 후면 체면 안면 라면 하면 되면 으면 려면 다면 보면 "
        "관리 처리 거리 자리 무리 요리 원리 논리 유리 소리 머리 우리 분리 수리 정리 진리 "
        "권리 편리 심리 의리 대리 경리 총리 도리 다리 마리 고리 보리 물리 조리 승리 순리 "
        "터리 러리 토리 모리 스리 브리"  # loanwords: 배터리, 갤러리, 스토리, 메모리
    )
)  # (not 공동, 수동, 진동, 정면: 충무공동, 연수동, 웅진동, 탕정면 are places)
# Words ending in 구 that are not districts (자치구).
NOT_DISTRICTS = set(
    words("지역구 선거구 출입구 비상구 연구 탐구 요구 도구 친구 가구 입구 출구 창구")
)

# Suffixes of names: units the agency runs, and bodies (agencies, ministries …).
UNIT_SUFFIXES = ("센터", "랩", "제작소", "스튜디오", "타운", "창작터", "지원단", "허브",
                 "테스트베드", "사무소", "분원", "본부", "사업단", "체험관", "캠퍼스",
                 "팀")  # fmt: skip
BODY_SUFFIXES = tuple(
    words("진흥원 재단 공사 공단 위원회 연구원 협회 테크노파크 의회 대학교 병원 연구소 부 청 처")
)
# Bodies that are regional promotion agencies when a place's name starts them.
AGENCY_SUFFIXES = ("진흥원", "재단", "테크노파크")
SHORT_BODY_SUFFIXES = {
    "부": 3,
    "청": 3,
    "처": 4,
    "병원": 5,
    "대학교": 5,
}  # the shortest name each suffix may end
ZONE_SUFFIXES = ("구역", "타운", "단지", "특구", "지구", "밸리", "클러스터")
LAW_SUFFIXES = ("조례", "법", "규칙", "규정")
NOT_NAMES = set(
    words(
        "범부처 각부처 관계부처 지원센터 거점센터 본부 사업부 책임연구원 선임연구원 수석연구원 "
        "주임연구원 전임연구원 연구원 중앙부처 주무부처 주무관청 취재부 편집부 대학병원 "
        "종합병원 동부 서부 남부 북부 중부 동남부 동북부 서남부 서북부 남동부 남서부 북동부 "
        "북서부 중서부 중동부 중남부 중북부"
    )
)  # fmt: skip  (…부: parts of a region, no ministry)

# The short names ministries go by in the news → their full names.
SHORT_NAMES = {
    "과기정통부": "과학기술정보통신부", "과기부": "과학기술정보통신부", "중기부": "중소벤처기업부",
    "문체부": "문화체육관광부", "산업부": "산업통상자원부", "행안부": "행정안전부",
    "국토부": "국토교통부", "농식품부": "농림축산식품부", "복지부": "보건복지부",
}  # fmt: skip

LEGAL_FORMS = {"(재)": "재단법인", "(사)": "사단법인", "재단법인": "재단법인"}

# Particles and endings that may follow a name; longest first.
PARTICLES = tuple(
    sorted(
        words(
            "은 는 이 가 을 를 의 에 로 으로 와 과 도 만 에서 에서는 에게 까지 부터 이며 이다 "
            "에도 과의 와의 으로서 로서 으로부터 로부터 에서의 와는 과는 에는 께서 이라는 라는 "
            "으로는 로는 이라고 라고"  # 이라고: a quotation (원장님이라고 들었어요)
        ),
        key=len,
        reverse=True,
    )
)

# Titles of people; HEAD_TITLES head the organization they are named with.
TITLES = words(
    "원장 부원장 이사장 센터장 본부장 단장 소장 대표 대표이사 장관 차관 시장 도지사 "
    "군수 구청장 청장 총장 교수 회장 사장 팀장 실장 기자 과장 국장 부장 차장 처장 "
    "책임연구원 선임연구원 수석연구원 주임연구원 주임 연구위원 사무국장 사무총장 위원장 "
    "부시장 부지사 주무관 사무관 매니저 이사 상임이사 원장직무대행 의원 "
    "논설위원 시민기자 진행자 앵커 아나운서 특파원 편집위원 관장"
)
# Titles held in a city, county or province government (printed after its place's name).
GOVERNMENT_TITLES = set(
    words("시장 도지사 군수 구청장 부시장 부지사 부군수 국장 과장 실장 주무관 사무관 팀장")
)
# Titles of the outlet's own people (a by-line, a host): no post is recorded for them.
MEDIA_TITLES = words("기자 논설위원 시민기자 진행자 앵커 아나운서 특파원 편집위원")
HEAD_TITLES = {"원장", "이사장", "센터장", "단장", "소장", "대표", "대표이사", "장관", "청장",
               "관장", "위원장", "회장", "사장", "총장"}  # fmt: skip
# Family names (one or two syllables) a personal name starts with.
SURNAMES = words(
    "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 전 홍 고 문 양 손 배 백 허 "
    "남 심 노 하 곽 성 차 주 우 구 민 진 나 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 "
    "선 설 마 길 연 위 표 명 기 반 왕 금 옥 육 인 맹 제 모 탁 국 어 은 편 용 예 경 봉 사 부 "
    "황보 남궁 제갈 선우 서문 독고 사공 동방"
)
# With no body printed, a post of the agency named nearest.
AGENCY_TITLES = set(
    words(
        "원장 이사장 부원장 본부장 단장 팀장 실장 과장 센터장 책임연구원 선임연구원 수석연구원 "
        "주임연구원 주임 연구위원 사무국장 상임이사"
    )
)
NOT_PERSON = set(
    words(
        "신임 전임 초대 현재 당시 관계자 담당 지역 기관 센터 이어 이날 이번 이후 이에 이제 "
        "이미 정작 오늘 지난 한편 하지만 또한 다만 주로 모두 우선 최근 최초 고객 기업 전국 "
        "기념사 축사 인사말 환영사 격려사 신년사 취임사 소감 발표 설명 강조 인터뷰 질문 답변 "
        "이번에 지역의 기관장 문화 정책 사업 공모 연구 성과 주요 대표"
    )
)

# Figures: the printed unit, its UN/CEFACT code, and the noun of what it counts.
FIGURE_UNITS: dict[str, tuple[str, str]] = {
    "개 기업": ("C62", "기업"),
    "개기업": ("C62", "기업"),
    "개사": ("C62", "기업"),
    "개국": ("C62", "국가"),
    "개소": ("C62", "시설"),
    "명": ("C62", "인원"),
    "건": ("C62", "건수"),
    "%": ("P1", "비율"),
    "억원": ("C62", "금액(억원)"),
    "백만원": ("C62", "금액(백만원)"),
    "백만 원": ("C62", "금액(백만원)"),
    "천원": ("C62", "금액(천원)"),
    "천 원": ("C62", "금액(천원)"),
    "억 원": ("C62", "금액(억원)"),
    "조원": ("C62", "금액(조원)"),
    "만원": ("C62", "금액(만원)"),
    "만 원": ("C62", "금액(만원)"),
    "만명": ("C62", "인원(만명)"),
    "만 명": ("C62", "인원(만명)"),
    "곳": ("C62", "시설"),
    "개 기관": ("C62", "기관"),
    "개기관": ("C62", "기관"),
    "개 과제": ("C62", "과제"),
    "개과제": ("C62", "과제"),
    "개 팀": ("C62", "팀"),
    "개팀": ("C62", "팀"),
    "㎡": ("MTK", "면적(㎡)"),
    "만달러": ("C62", "금액(만달러)"),
    "만 달러": ("C62", "금액(만달러)"),
    "원": ("C62", "금액(원)"),
    "개": ("C62", "개수"),
    "실": ("C62", "실"),
    "회": ("C62", "횟수"),
    "편": ("C62", "편수"),
    "종": ("C62", "종류"),
    "km": ("KMT", "거리(km)"),
}
# Words before 을/를 통해 … that name a program; leading adverbs are dropped.
ADVERBS = ("특히", "또한", "아울러", "먼저", "한편", "지난해", "올해", "최근", "그동안")

# Timeline verbs whose subject is the agency itself (founded, renamed, merged, moved).
AGENCY_VERBS = {"설립", "출범", "명칭개정", "명칭변경", "통합", "이전"}

# Event phrases of timelines and prose → the verb whose def:verb names the event kind
# (ontology/kg.ttl). 허가 and 인증 취득 are accreditations; 문을 열다 an opening.
EVENT_PHRASES = {
    "통합": r"통합\s*출범|통합(?!\s*조례)",
    "명칭변경": r"명칭\s*(?:을\s*|이\s*)?(?:변경|개정|개칭)|개칭"
    r"|지금의\s*이름을\s*(?:얻|갖|달)(?:었|았|은|어|아|고|게)"
    r"|(?:으로|로)\s*(?:기관명|이름|명칭|간판)(?:을|를)?\s*(?:바[꾸꿨꿔꿈뀌뀐]|변경)"
    r"|(?:기관명|이름|명칭)(?:으로|로)\s*(?:바(?:뀌었|뀌어|뀐|꿨|꾸었|꾸고|꾸며|꿔|꾼|꿈)|변경)"
    r"|(?:기관명|이름|명칭|간판)(?:을|를)\s*[‘'“\"]?[^\s‘’'“”\"]{2,30}[’'”\"]?(?:으로|로)\s*바(?:꿨|꾸었|꾸고|꾸며|꿔|꾼)"
    r"|(?:으로|로)\s*새\s*(?:이름|명칭|간판)"
    r"|(?<![A-Za-z])rebrand(?:ed)?(?![A-Za-z])",  # 이름을 'B'로 바꿨다, 'B'로 새 이름
    # "개소식에서 … 협약을 맺었다": at the ceremony, where; the happening is the verb after.
    "개소": r"새로\s*생(?:긴|겼)|문을\s*(?:열었|열어|열고|열|연)"
    r"|(?<=[을를])\s*(?:열었|열어|열고|연)|(?:개소|개장|준공)(?!식에서)|(?<![A-Za-z])open(?:ed)?(?![A-Za-z]|\s+[A-Za-z])",
    "개관": r"개관(?!식에서)",
    "개원": r"개원(?!식에서)",
    "개청": r"개청",
    "출범": r"출범|발족|창립",
    "설립": r"설립|창설|출발(?=한|했|하|해)|세운(?=\s)|세웠|세울(?=\s*때)|세워(?=진|졌)|첫발"
    # 시가 출연해 만든 곳; code switching: "launch한 이 agency"
    r"|(?:(?<=출연해\s)|(?<=출자해\s)|(?<=출연해서\s)|(?<=출연하여\s))만(?:든|들었|들어)"
    r"|(?<![A-Za-z])launch(?:ed)?(?![A-Za-z]|\s+[A-Za-z])",
    "설치": r"설치|신설|새로\s*(?:만들(?:어|었)?|꾸리|꾸렸)",
    "지정": r"지정|(?<![A-Za-z])designat(?:e|ed)(?![A-Za-z]|\s+[A-Za-z])",
    # 시범기관으로 뽑혔다: selected (passive)
    "선정": r"선정|뽑(?:혔|혀|힌|히어)|(?<![A-Za-z])selected(?![A-Za-z]|\s+[A-Za-z])",
    "등록": r"등록",
    "인증": r"인증\s*(?:을\s*|를\s*)?(?:취득|획득|받)|인증|허가",
    "인정": r"인정",
    "제정": r"제정|(?<=조례안을\s)(?:의결|가결)|(?<=조례를\s)(?:의결|가결)",
    # An agreement signed: a HistoryEvent (no class of its own), about the agreement if named.
    "협약": r"(?:협약(?:\(MOU\))?['’”\"」』]?|MOU)(?:을|를|도)?\s*(?:맺[었은고어는]|체결)",
    "이전": r"(?:으로|로)\s*(?:본사|본원|사옥|청사)?(?:를|을)?\s*이전"
    r"|(?:본사|본원|사옥|청사)(?:를|을)?\s*이전|이전\s*개소|이전(?=\s*$)"
    r"|(?:본사|본원|사옥|청사)(?:를|을)\s*(?:\S+\s+){0,6}?옮(?:겼|겨|긴|기)"  # 본원을 … 옮겼다
    r"|(?:본사|본원|사옥|청사)(?:으로|로)\s*(?:자리를\s*)?옮(?:겼|겨|긴|기)"  # 새 청사로 옮겼다
    r"|(?:건물|공간|캠퍼스\s*안|단지\s*안|건물\s*안)(?:으로|로)\s*(?:자리를\s*)?옮(?:겼|겨|긴|기)"
    r"|(?:으로|로)\s*이사(?=했|해|하|한|\s*$|$)"  # 새 청사로 이사했다
    r"|(?:으로|로)\s*자리를\s*옮(?:겼|겨|긴|기)"  # 옛 별관으로 자리를 옮겼고
    r"|(?:건물|청사|사옥)(?:을|를)\s*(?:\S+\s+){0,2}?옮(?:겼|겨)",  # 건물을 고쳐 옮겼다
    # A ceremony held (기공식을 가졌다, 기념식을 개최했다): a HistoryEvent of its holder.
    "개최": r"(?<=식)[’'”\"」』]?(?:을|를)\s*(?:가졌|가진|개최)",
    # An evaluation's grade received (경영평가에서 '가' 등급을 받았다, a line's "…'A' 등급."):
    # a HistoryEvent.
    "평가": r"등급(?:을|를)\s*받(?:았|은|아|고|는\s*등)"
    r"|평가에서\s*[‘'“\"][^‘’'“”\"]{1,8}[’'”\"]\s*등급(?=\s*[.。]?\s*$)",
}
