"""Code tables of the document furniture: document types, issuing bodies, levels.

Sources: Party Guideline 36-HD/VPTW and Regulation 66-QĐ/TW (Party), Decree 30/2020/NĐ-CP
Appendix III (State), see ``../shared/reference/vn-document-format.md`` §1.2, §2.2. Codes are
matched case-sensitively first, because the mixed-case codes (QĐi, QyĐ, CTr, TTr, TrS) are
the only thing that tells them from an upper-case neighbour ("TT" Thông tri/Thông tư, "CTR").

Names are compared through :func:`vnreport.text.folds.fold_tone_placement`, so that old and new tone
placement ("hoá"/"hóa", "UỶ"/"ỦY") compare equal.
"""

from __future__ import annotations

import enum

import regex
from attrs import frozen

from vnreport.text.folds import fold_tone_placement


class Regime(str, enum.Enum):
    PARTY = "party"
    STATE = "state"


@frozen
class DocType:
    code: str | None
    """The code in the number ("BC", "QĐi"); None for types written without one (Luật, Công văn)."""
    name: str
    """Sentence-case name as a reader writes it: "Báo cáo", "Chương trình"."""
    regimes: frozenset[Regime]


_BOTH = frozenset({Regime.PARTY, Regime.STATE})
_PARTY = frozenset({Regime.PARTY})
_STATE = frozenset({Regime.STATE})

#: Document types, most specific name first where names share a prefix ("Nghị quyết liên tịch").
DOC_TYPES: tuple[DocType, ...] = (
    DocType("NQLT", "Nghị quyết liên tịch", _STATE),
    DocType("TTLT", "Thông tư liên tịch", _STATE),
    DocType("NQ", "Nghị quyết", _BOTH),
    DocType("QĐ", "Quyết định", _BOTH),
    # Party "Quy định": QĐi in 2018 usage, plain QĐ since (corpus 10, 14: "294-QĐ/TW" is a Quy định).
    DocType("QĐi", "Quy định", _PARTY),
    DocType("QyĐ", "Quy định", _STATE),
    DocType("CT", "Chỉ thị", _BOTH),
    DocType("KL", "Kết luận", _PARTY),
    DocType("HD", "Hướng dẫn", _BOTH),
    DocType("BC", "Báo cáo", _BOTH),
    DocType("KH", "Kế hoạch", _BOTH),
    DocType("CTr", "Chương trình", _BOTH),
    DocType("TB", "Thông báo", _BOTH),
    DocType("TTr", "Tờ trình", _BOTH),
    DocType("QC", "Quy chế", _BOTH),
    # "TT" is a Thông tri in Party numbers and a Thông tư in State numbers (regime decides).
    DocType("TT", "Thông tri", _PARTY),
    DocType("TT", "Thông tư", _STATE),
    DocType("CV", "Công văn", _PARTY),
    DocType(None, "Công văn", _STATE),
    DocType("BB", "Biên bản", _BOTH),
    DocType("BS", "Bản sao", _PARTY),
    DocType("TC", "Thông cáo", _BOTH),
    DocType("ĐA", "Đề án", _BOTH),
    DocType("DA", "Dự án", _STATE),
    DocType("PA", "Phương án", _STATE),
    DocType("NĐ", "Nghị định", _STATE),
    DocType("HĐ", "Hợp đồng", _STATE),
    DocType("CĐ", "Công điện", _STATE),
    DocType("BGN", "Bản ghi nhớ", _STATE),
    DocType("BTT", "Bản thỏa thuận", _STATE),
    DocType("GUQ", "Giấy ủy quyền", _STATE),
    DocType("GM", "Giấy mời", _STATE),
    DocType("GGT", "Giấy giới thiệu", _STATE),
    DocType("GNP", "Giấy nghỉ phép", _STATE),
    DocType("PG", "Phiếu gửi", _STATE),
    DocType("PC", "Phiếu chuyển", _STATE),
    DocType("PB", "Phiếu báo", _STATE),
    DocType("SY", "Bản sao y", _STATE),
    DocType("TrS", "Bản trích sao", _STATE),
    DocType("SL", "Bản sao lục", _STATE),
    DocType(None, "Luật", _STATE),  # law numbers carry no type code: "60/2024/QH15"
    DocType(None, "Bộ luật", _STATE),
    DocType(None, "Pháp lệnh", _STATE),
    DocType(None, "Lệnh", _STATE),
    DocType(None, "Hiến pháp", _STATE),
    # A charter ("ĐIỀU LỆ ĐẢNG CỘNG SẢN VIỆT NAM", a mass organisation's "Điều lệ Hội …") is
    # adopted by a congress and numbered by none.
    DocType(None, "Điều lệ", _BOTH),
)

#: Named genres inside a type, read from the title line or the subtitle ("Báo cáo chính trị").
#: Only well-known genres: a title such as "Báo cáo tình hình…" keeps the plain type name.
SUBTYPES: dict[str, tuple[str, ...]] = {
    "Báo cáo": ("chính trị", "kiểm điểm", "tổng kết", "sơ kết", "thẩm tra"),
    "Chương trình": ("hành động", "công tác toàn khóa", "công tác"),
    "Kế hoạch": ("hành động",),
    "Nghị quyết": ("đại hội",),
}


def doc_type_for_code(code: str, regime: Regime | None) -> DocType | None:
    """The type a number's code names. Exact case first ("CTr"), then case-blind ("CTR")."""
    for exact in (True, False):
        found = [
            t
            for t in DOC_TYPES
            if t.code is not None and (t.code == code if exact else t.code.casefold() == code.casefold())
        ]
        if found:
            if regime is not None:
                for t in found:
                    if regime in t.regimes:
                        return t
            return found[0]
    return None


def doc_type_for_name(name: str, regime: Regime | None) -> DocType | None:
    """The type whose name a title line starts with ("BÁO CÁO CHÍNH TRỊ…" → Báo cáo)."""
    key = fold_tone_placement(name).casefold()
    best: DocType | None = None
    for t in DOC_TYPES:
        n = fold_tone_placement(t.name).casefold()
        if key == n or key.startswith(n + " "):
            longer = best is None or len(t.name) > len(best.name)
            if longer or (best is not None and len(t.name) == len(best.name) and regime in t.regimes):
                best = t
    if best is not None and regime is not None and regime not in best.regimes:
        # "Quy định" is QĐi (Party) or QyĐ (State): same name, the regime picks the row.
        for t in DOC_TYPES:
            if t.name == best.name and regime in t.regimes:
                return t
    return best


def names_type(text: str, doc_type: DocType) -> bool:
    """Does ``text`` open with the type's name ("BÁO CÁO CHÍNH TRỊ CỦA …" names Báo cáo)?"""
    key = fold_tone_placement(" ".join(text.split())).casefold()
    name = fold_tone_placement(doc_type.name).casefold()
    return key == name or key.startswith(name + " ")


def refine_type_name(base: str, text: str) -> str:
    """``"Báo cáo"`` + ``"Báo cáo Chính trị của …"`` → ``"Báo cáo chính trị"``: a named genre
    printed right after the type word, at the start of ``text``."""
    folded = fold_tone_placement(" ".join(text.split())).casefold().lstrip("( ")
    head = fold_tone_placement(base).casefold()
    for sub in SUBTYPES.get(base, ()):
        phrase = f"{head} {fold_tone_placement(sub)}"
        if folded == phrase or folded.startswith(phrase + " ") or folded.startswith(phrase + ","):
            return f"{base} {sub}"
    return base


# ---------------------------------------------------------------------------------------------
# Issuing bodies
# ---------------------------------------------------------------------------------------------


class Level(str, enum.Enum):
    CENTRAL = "central"
    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"
    #: A school, hospital or company's own body (a university's student union, its Party
    #: committee): below the territorial levels, whatever city its name holds.
    GRASSROOTS = "grassroots"


#: Party level suffixes of an issuer code; a staff body prefixes its own code ("BTC" + "TU").
PARTY_LEVEL_CODES: dict[str, Level | None] = {
    "TW": Level.CENTRAL,
    "TU": Level.PROVINCE,
    "HU": Level.DISTRICT,
    "QU": Level.DISTRICT,
    "ThU": Level.DISTRICT,
    "THU": Level.DISTRICT,
    # Đảng ủy, chi bộ, đảng đoàn, ban cán sự, ban chỉ đạo, đại hội: the level is in the name.
    "ĐUK": None,
    "ĐU": None,
    "CB": None,
    "ĐĐ": None,
    "BCSĐ": None,
    "BCĐ": None,
    "ĐH": None,
}

#: Staff bodies of a Party committee, prefixed to its level code ("BTCTU" = Ban Tổ chức Tỉnh ủy).
PARTY_BODY_CODES: dict[str, str] = {
    "VP": "Văn phòng",
    "BTC": "Ban Tổ chức",
    "BTG": "Ban Tuyên giáo",
    "BDV": "Ban Dân vận",
    "BTGDV": "Ban Tuyên giáo và Dân vận",
    "UBKT": "Ủy ban Kiểm tra",
    "BNC": "Ban Nội chính",
    "BKT": "Ban Kinh tế",
    "BĐN": "Ban Đối ngoại",
    "BCS": "Ban cán sự",
}

#: State issuer codes with a fixed level; UBND and HĐND take the level from the name.
STATE_ISSUER_LEVELS: dict[str, Level | None] = {
    "CP": Level.CENTRAL,
    "TTg": Level.CENTRAL,
    "QH": Level.CENTRAL,
    "UBTVQH": Level.CENTRAL,
    "CTN": Level.CENTRAL,
    "VPCP": Level.CENTRAL,
    "TANDTC": Level.CENTRAL,
    "VKSNDTC": Level.CENTRAL,
    "KTNN": Level.CENTRAL,
    "NHNN": Level.CENTRAL,
    "UBND": None,
    "HĐND": None,
}

#: Cities run by the centre: "THÀNH PHỐ HÀ NỘI" is a province, "THÀNH PHỐ THÁI NGUYÊN" a district.
CENTRAL_CITIES = ("hà nội", "hồ chí minh", "hcm", "hải phòng", "đà nẵng", "cần thơ", "huế")

_LEVEL_WORDS: tuple[tuple[str, Level], ...] = (
    ("trung ương", Level.CENTRAL),
    ("chính phủ", Level.CENTRAL),
    ("quốc hội", Level.CENTRAL),
    ("bộ chính trị", Level.CENTRAL),
    ("ban bí thư", Level.CENTRAL),
    ("tỉnh", Level.PROVINCE),
    ("huyện", Level.DISTRICT),
    ("quận", Level.DISTRICT),
    ("thị xã", Level.DISTRICT),
    ("thị ủy", Level.DISTRICT),
    ("xã", Level.COMMUNE),
    ("phường", Level.COMMUNE),
    ("thị trấn", Level.COMMUNE),
)
#: Institutions that name a unit of their own: a level word or city after one is part of the
#: institution's name ("HỘI SINH VIÊN VIỆT NAM TRƯỜNG ĐẠI HỌC SƯ PHẠM KỸ THUẬT TP. HỒ CHÍ MINH" is a
#: university's union, not a city's). "trường" alone would also be "môi trường", "thị trường".
_INSTITUTION_WORDS = (
    "trường đại học",
    "trường đh",
    "trường cao đẳng",
    "trường cđ",
    "trường trung học",
    "trường thpt",
    "trường thcs",
    "trường tiểu học",
    "trường mầm non",
    "bệnh viện",
    "công ty",
)
_NON_LETTER = regex.compile(r"[^\p{L} ]", regex.VERSION1)
_CITY = regex.compile(r"\b(?:thành phố|thành ủy|tp\.?)\s+(?P<city>[\p{L} ]+)", regex.VERSION1)


def level_from_name(name: str) -> Level | None:
    """The level a body's name tells: "HUYỆN ỦY VĂN LÃNG" → district, "BỘ CÔNG THƯƠNG" → central."""
    key = " ".join(fold_tone_placement(name).casefold().split())
    if key.startswith("bộ ") and "bộ tỉnh" not in key and "bộ huyện" not in key and "bộ xã" not in key:
        return Level.CENTRAL  # a ministry ("BỘ CÔNG THƯƠNG"); "ĐẢNG BỘ TỈNH" is not one
    words = " " + _NON_LETTER.sub(" ", key) + " "
    # Every word that tells a level, with where it stands: the first one names the body itself
    # ("ĐẢNG ỦY XÃ … HUYỆN …" is a commune's), the rest its parents.
    found = [(words.find(f" {word} "), level) for word, level in _LEVEL_WORDS]
    m = _CITY.search(key)
    if m is not None:
        central = any(m.group("city").startswith(c) for c in CENTRAL_CITIES)
        found.append((m.start(), Level.PROVINCE if central else Level.DISTRICT))
    found += [(words.find(f" {word} "), Level.GRASSROOTS) for word in _INSTITUTION_WORDS]
    placed = [(i, level) for i, level in found if i >= 0]
    return min(placed, key=lambda f: f[0])[1] if placed else None


def level_from_code(code: str) -> Level | None:
    """The level an issuer code tells: "HU" → district, "BTCTU" → province, "CP" → central."""
    head = regex.split(r"[-0-9]", code, maxsplit=1)[0]
    if head in STATE_ISSUER_LEVELS:
        return STATE_ISSUER_LEVELS[head]
    for suffix in sorted(PARTY_LEVEL_CODES, key=len, reverse=True):
        if head.endswith(suffix) and (head == suffix or head[: -len(suffix)] in PARTY_BODY_CODES):
            return PARTY_LEVEL_CODES[suffix]
    if head.startswith("B") and len(head) >= 3 and head.isupper():
        return Level.CENTRAL  # a ministry: BNV, BCT, BTC, BKHĐT…
    return None


def issuer_level(code: str | None, names: tuple[str, ...]) -> Level | None:
    """Name of the issuing body first (most specific), then its parents, then the code."""
    for name in names:
        level = level_from_name(name)
        if level is not None:
            return level
    return level_from_code(code) if code else None
