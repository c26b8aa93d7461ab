"""The fixed vocabulary of synthetic graphs: the 17 시·도 and a few technologies."""

REGIONS = [
    ("seoul", "서울특별시", "Seoul"), ("busan", "부산광역시", "Busan"),
    ("daegu", "대구광역시", "Daegu"), ("incheon", "인천광역시", "Incheon"),
    ("gwangju", "광주광역시", "Gwangju"), ("daejeon", "대전광역시", "Daejeon"),
    ("ulsan", "울산광역시", "Ulsan"), ("sejong", "세종특별자치시", "Sejong"),
    ("gyeonggi", "경기도", "Gyeonggi"), ("gangwon", "강원특별자치도", "Gangwon"),
    ("chungbuk", "충청북도", "North Chungcheong"), ("chungnam", "충청남도", "South Chungcheong"),
    ("jeonbuk", "전북특별자치도", "Jeonbuk"), ("jeonnam", "전라남도", "South Jeolla"),
    ("gyeongbuk", "경상북도", "North Gyeongsang"), ("gyeongnam", "경상남도", "South Gyeongsang"),
    ("jeju", "제주특별자치도", "Jeju"),
]  # fmt: skip
CONCEPTS = [
    ("ai", "인공지능", "artificial intelligence"), ("big-data", "빅데이터", "big data"),
    ("cloud", "클라우드", "cloud"), ("iot", "사물인터넷", "Internet of things"),
    ("software", "소프트웨어", "software"), ("vr-ar", "가상현실", "VR and AR"),
    ("game", "게임", "games"), ("film", "영상", "film"), ("drones", "드론", "drones"),
    ("smart-city", "스마트시티", "smart city"), ("5g", "5G", "5G"),
    ("startups", "창업", "start-ups"),
]  # fmt: skip
