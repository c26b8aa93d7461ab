"""The fixed vocabulary of synthetic graphs: a few technologies (the 시·도: kg.build.regions)."""

CONCEPTS = [
    ("ai", "인공지능", "artificial intelligence"), ("big-data", "빅데이터", "big data"),
    ("cloud", "클라우드", "cloud"), ("iot", "사물인터넷", "Internet of things"),
    ("software", "소프트웨어", "software"), ("vr-ar", "가상현실", "VR and AR"),
    ("game", "게임", "games"), ("film", "영상", "film"), ("drones", "드론", "drones"),
    ("smart-city", "스마트시티", "smart city"), ("5g", "5G", "5G"),
    ("startups", "창업", "start-ups"),
]  # fmt: skip
