"""Page furniture and footnotes of text extracted from PDFs (pdftotext default mode)."""

from __future__ import annotations

import re
import time

import pytest

from vnreport.layout.page_numbers import page_number
from vnreport.layout.pages import EMPTY_LAYOUT, PageLayout, analyze_pages
from vnreport.lines.classify import classify_line
from vnreport.lines.split import split_lines
from vnreport.model import DiagnosticCode

from ..helpers import CORPUS, read_cases

# Running text is set in a wider font than footnotes: its lines are about 60 characters, a
# footnote's about 100 (pdftotext keeps the PDF's line breaks).
_POOL = [
    "Công tác xây dựng Đảng được quan tâm lãnh đạo, chỉ đạo thường",
    "xuyên, bảo đảm đúng nguyên tắc, quy định của Trung ương; chất",
    "lượng sinh hoạt chi bộ từng bước được nâng lên, nền nếp, kỷ",
    "cương được giữ vững, vai trò của người đứng đầu được phát huy.",
    "Phong trào thi đua yêu nước được triển khai sâu rộng, gắn với",
    "các nhiệm vụ chính trị của địa phương, tạo khí thế mới trong",
    "Kinh tế có bước phát triển ổn định, bền vững với nhiều điểm",
    "sáng; hoạt động sản xuất kinh doanh sau đại dịch được phục hồi",
    "và phát triển khá, cơ cấu kinh tế chuyển dịch theo hướng tích",
    "cực; quy mô kinh tế và năng lực sản xuất của tỉnh được mở rộng.",
    "Công tác dân vận được đổi mới theo hướng thiết thực, sâu sát",
    "cơ sở; lắng nghe tâm tư, nguyện vọng, kịp thời giải quyết bức",
    "xúc, kiến nghị chính đáng của Nhân dân; phong trào Dân vận khéo",
    "được triển khai thực hiện có hiệu quả trên các lĩnh vực đời sống.",
    "Văn hóa, xã hội có nhiều chuyển biến tích cực; chất lượng giáo",
    "dục toàn diện được nâng lên; công tác chăm sóc sức khỏe Nhân",
    "dân được quan tâm, mạng lưới y tế cơ sở được củng cố, kiện toàn;",
    "an sinh xã hội được bảo đảm, đời sống Nhân dân được cải thiện.",
    "Quốc phòng, an ninh được giữ vững; thế trận quốc phòng toàn dân",
    "gắn với thế trận an ninh nhân dân được củng cố vững chắc; trật",
    "tự an toàn xã hội được bảo đảm, không để xảy ra bị động, bất ngờ",
    "trong mọi tình huống; công tác đối ngoại được mở rộng, hiệu quả.",
    "Công tác kiểm tra, giám sát được tăng cường, có nhiều đổi mới,",
    "sáng tạo theo hướng chủ động phát hiện, chủ động đề nghị và phối",
]


def run(page: int, count: int = 6) -> list[str]:
    """Running text lines of one page (each page its own text, as in a real report)."""
    start = (page * 6) % len(_POOL)
    return [_POOL[(start + k) % len(_POOL)] for k in range(count)]


RUN = run(0)


def layout_of(text: str) -> PageLayout:
    lines = split_lines(text)
    return analyze_pages(text, tuple(classify_line(text, line) for line in lines))


def line_texts(text: str, layout: PageLayout) -> list[str]:
    lines = split_lines(text)
    return [text[lines[i].content.start : lines[i].content.end] for i in sorted(layout.skip)]


def body_texts(text: str, layout: PageLayout) -> dict[str, str]:
    return {note.label: text[note.text_span.start : note.text_span.end] for note in layout.footnotes}


def ref_texts(text: str, layout: PageLayout) -> list[tuple[str, str, str]]:
    """(label, the digits, a few characters before them)."""
    return [(label, text[s.start : s.end], text[max(0, s.start - 8) : s.start]) for label, s in layout.refs]


# Page 1: markers 1 and 2, bodies with the number line before each body.
PAGE_1 = "\n".join(
    [
        "1",
        "",
        *RUN[:2],
        "lượng công tác tư tưởng được nâng lên theo hướng hiện đại1. Công",
        "tác phát triển đảng viên có chuyển biến, đạt yêu cầu Chính phủ9",
        *RUN[2:],
        "1",
        "Tổ chức các cuộc điều tra dư luận xã hội cấp tỉnh: 17 cuộc điều tra trực tiếp với 31.000 phiếu và",
        "02 cuộc trực tuyến với trên 26.000 lượt người tham gia.",
        "2",
        "Kết nạp đảng viên mới bình quân hằng năm đạt tỷ lệ 3,12%, vượt mục tiêu Nghị quyết (mục tiêu 2,5%).",
        "",
    ]
)
# Page 2: the first body without its number, the number last; then "4 Thái…" glued.
PAGE_2 = "\n".join(
    [
        "2",
        "",
        *run(1)[:3],
        "cơ sở đảng đều có chuyển biến rõ nét và tích cực3, góp phần",
        *run(1)[3:],
        "thực hiện tốt nhiệm vụ trọng tâm; nhiều mô hình mới được nhân rộng 4. Thực",
        "hiện tốt việc rà soát, bổ sung quy hoạch cấp ủy các cấp.",
        "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên đạt 96,01%; tỷ lệ đảng viên hoàn thành",
        "tốt nhiệm vụ trở lên đạt 95,11%.",
        "4 Thái Nguyên quy hoạch 11 khu công nghiệp và 1 khu công nghệ thông tin tập trung (tổng diện tích",
        "4.245 ha), đã thành lập 6 khu công nghiệp.",
        "3",
        "",
    ]
)
# Page 3: numbers and quantities that are not markers, and no body at the bottom.
PAGE_3 = "\n".join(
    [
        "3",
        "",
        "Tỉnh có diện tích tự nhiên 8.375,21 km2, dân số gần 1,8 triệu",
        "người; xây mới 120 m3 bể chứa; phiên họp bắt đầu lúc 15g00 ngày",
        "25/10/2025; thực hiện Nghị quyết số 202/2025/QH15 của Quốc hội;",
        "đón trên 26.000 lượt khách trong năm 2025.",
        *run(2),
        "",
    ]
)
DOCUMENT = PAGE_1 + "\f" + PAGE_2 + "\f" + PAGE_3 + "\f"


def test_page_numbers_at_page_tops() -> None:
    layout = layout_of(DOCUMENT)
    numbers = [f.text for f in layout.furniture if f.kind == "page-number"]
    assert numbers == ["1", "2", "3"]
    assert sum(f.kind == "form-feed" for f in layout.furniture) == 3
    assert len(layout.page_starts) == 2


def test_glued_markers_link_to_bodies_in_both_orders() -> None:
    layout = layout_of(DOCUMENT)
    bodies = body_texts(DOCUMENT, layout)
    assert sorted(bodies, key=int) == ["1", "2", "3", "4"]
    assert bodies["1"].startswith("Tổ chức các cuộc điều tra") and bodies["1"].endswith("tham gia.")
    assert bodies["2"].startswith("Kết nạp đảng viên mới")
    # Number last: the body above the first numbered label belongs to the page's first label.
    assert bodies["3"].startswith("Tỷ lệ tổ chức cơ sở đảng") and bodies["3"].endswith("95,11%.")
    # Glued: the number opens the body line; the text span leaves it out, the span keeps it.
    assert bodies["4"].startswith("Thái Nguyên quy hoạch")
    note4 = next(n for n in layout.footnotes if n.label == "4")
    assert DOCUMENT[note4.span.start : note4.span.end].startswith("4 Thái Nguyên")
    assert [label for label, _ in layout.refs] == ["1", "3", "4"]


def test_two_digit_labels() -> None:
    first = [f"đạt kết quả tốt trong nhiệm vụ số hóa{k}, được ghi nhận rộng rãi" for k in range(1, 9)]
    note = "Số liệu chi tiết của nhiệm vụ thứ {} được tổng hợp tại phụ lục kèm theo báo cáo này."
    bodies = [f"{k}\n{note.format(k)}" for k in range(1, 9)]
    page_1 = "\n".join(["1", "", *first, *run(1), *bodies])
    page_2 = "\n".join(
        [
            "2",
            "",
            *RUN[:3],
            "Đề án 06 của Chính phủ9 được triển khai, có chuyển biến tích cực10, góp",
            *run(2)[3:],
            "Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi",
            "số quốc gia giai đoạn 2022 - 2025.",
            "10",
            "Các chỉ số cải cách hành chính đã có sự cải thiện đáng kể so với năm 2020 ở hai tỉnh trong kỳ.",
            "9",
        ]
    )
    text = page_1 + "\f" + page_2 + "\f"
    layout = layout_of(text)
    refs = {label: digits for label, digits, _ in ref_texts(text, layout)}
    assert refs["9"] == "9" and refs["10"] == "10"
    assert [note.label for note in layout.footnotes] == [str(k) for k in range(1, 11)]
    assert body_texts(text, layout)["9"].startswith("Đề án phát triển")


def test_marker_values_follow_the_bodies() -> None:
    layout = layout_of(DOCUMENT)
    refs = {label: (digits, before) for label, digits, before in ref_texts(DOCUMENT, layout)}
    assert refs["1"] == ("1", "hiện đại")
    assert refs["3"] == ("3", "tích cực")
    assert refs["4"][0] == "4" and refs["4"][1].endswith("rộng ")
    # "Chính phủ9" on a page whose bodies are 1 and 2 is not a marker.
    assert "9" not in {digits for digits, _ in refs.values()}


def test_bodies_and_numbers_are_lifted_out_of_the_body() -> None:
    layout = layout_of(DOCUMENT)
    skipped = line_texts(DOCUMENT, layout)
    assert "02 cuộc trực tuyến với trên 26.000 lượt người tham gia." in skipped
    assert "tốt nhiệm vụ trở lên đạt 95,11%." in skipped
    assert RUN[0] not in skipped
    labels = [f.text for f in layout.furniture if f.kind == "footnote-label"]
    assert labels == ["3"]
    for note in layout.footnotes:
        assert note.span.contains(note.text_span)


def test_quantities_codes_and_times_are_not_markers() -> None:
    layout = layout_of(DOCUMENT)
    page_3 = DOCUMENT.index(PAGE_3)
    assert all(span.start < page_3 for _, span in layout.refs)
    # Even with bodies 1-9 expected on the page, none of these digits is a marker.
    page = PAGE_3.replace("3\n\n", "", 1) + "\n".join(
        f"{k}\nGhi chú số {k} về số liệu thống kê của tỉnh trong nhiệm kỳ, có đối chiếu với kế hoạch năm."
        for k in range(1, 10)
    )
    layout = layout_of("1\n\n" + "\n".join(run(3)) + "\f2\n\n" + page + "\n\f")
    assert layout.refs == ()
    assert layout.footnotes == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "diện tích tự nhiên 8.375,21 km2, dân số",
        "xây mới 120 m3 bể chứa nước sạch",
        "bắt đầu lúc 15g00 ngày 25 tháng 10",
        "trong năm 2025, tỉnh tiếp tục",
        "Nghị quyết số 202/2025/QH15, ngày 12/6/2025",
        "với trên 26.000 lượt người tham gia",
        "theo Điều 1. Phạm vi điều chỉnh",
        "Chỉ thị số 05-CT/TW ngày 15/5/2016",
    ],
)
def test_negative_markers(sentence: str) -> None:
    text = "\n".join(
        [
            "1",
            "",
            *RUN[:3],
            sentence,
            *RUN[3:],
            "1",
            "Ghi chú về số liệu thống kê của tỉnh trong nhiệm kỳ, đối chiếu với kế hoạch đề ra của Tỉnh ủy.",
            "\f2",
            "",
            *run(1),
        ]
    )
    layout = layout_of(text)
    assert layout.refs == ()
    assert layout.footnotes == ()


def test_page_numbers_at_page_bottoms() -> None:
    pages = ["\n".join([*run(k), str(k), ""]) for k in range(1, 5)]
    text = "\f".join(pages) + "\f"
    layout = layout_of(text)
    assert [f.text for f in layout.furniture if f.kind == "page-number"] == ["1", "2", "3", "4"]
    assert layout.footnotes == ()


def test_page_numbers_without_form_feeds() -> None:
    pages = ["\n".join(f"{'ABCD'[k]}{n}: {line}" for n, line in enumerate(run(k, 18))) for k in range(4)]
    text = "".join(f"{page}\n\n{k}\n\n" for k, page in enumerate(pages, start=1))
    layout = layout_of(text)
    assert [f.text for f in layout.furniture if f.kind == "page-number"] == ["1", "2", "3", "4"]
    assert len(layout.page_starts) == 3


def test_running_header_and_watermark() -> None:
    mark = "Tài liệu này thuộc sở hữu của các cơ quan Đảng. Việc phát tán trái phép bị nghiêm cấm"
    pages = ["\n".join([str(k), "", "BÁO CÁO CHÍNH TRỊ - ĐẢNG BỘ TỈNH", *run(k), "", mark, ""]) for k in range(1, 6)]
    text = "\f".join(pages) + "\f"
    layout = layout_of(text)
    kinds = [f.kind.value for f in layout.furniture if f.kind != "form-feed"]
    assert kinds.count("page-number") == 5
    assert kinds.count("running-header") == 5
    assert kinds.count("watermark") == 5
    assert run(1)[0] not in line_texts(text, layout)


def test_cover_page() -> None:
    cover = "\n".join(
        [
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "BAN CHẤP HÀNH ĐẢNG BỘ TỈNH",
            "",
            "BÁO CÁO",
            "TỔNG HỢP Ý KIẾN",
            "",
            "LƯU HÀNH NỘI BỘ",
            "",
        ]
    )
    first = "\n".join(["3", "TỈNH ỦY THÁI NGUYÊN", "*", "ĐẢNG CỘNG SẢN VIỆT NAM", *RUN])
    rest = ["\n".join([str(k), "", *run(k)]) for k in range(4, 7)]
    text = "\f".join([cover, "", first, *rest]) + "\f"
    layout = layout_of(text)
    cover_lines = [f.text for f in layout.furniture if f.kind == "cover"]
    assert cover_lines[0] == "ĐẢNG CỘNG SẢN VIỆT NAM" and "LƯU HÀNH NỘI BỘ" in cover_lines
    assert "TỈNH ỦY THÁI NGUYÊN" not in cover_lines


def test_labels_in_a_run_share_the_bodies_below() -> None:
    page = "\n".join(
        [
            *RUN[:3],
            "khu nhà trọ thông qua các hoạt động Ngày Chủ nhật xanh 1.",
            *RUN[3:],
            "cấp trường đến cơ sở2.",
            "",
            "1",
            "2",
            "",
            "Tổ chức 75 đợt Ngày Chủ nhật xanh, Ngày Thứ bảy tình nguyện.",
            "",
            "Thường xuyên tổ chức các chương trình như Trung thu yêu thương, Điều ước đêm đông, Sắc màu",
            "nhân ái tại các mái ấm trên địa bàn.",
        ]
    )
    text = page + "\n\f" + "\n".join(run(1)) + "\n\f" + "\n".join(run(2)) + "\n\f"
    layout = layout_of(text)
    bodies = body_texts(text, layout)
    assert bodies["1"] == "Tổ chức 75 đợt Ngày Chủ nhật xanh, Ngày Thứ bảy tình nguyện."
    assert bodies["2"].startswith("Thường xuyên") and bodies["2"].endswith("trên địa bàn.")
    assert [label for label, _ in layout.refs] == ["1", "2"]


def test_plain_text_is_left_alone() -> None:
    text = "I- BỐI CẢNH\n1- Thuận lợi\nHuyện có nhiều lợi thế[14].\n\n[14] Số liệu năm 2020.\n"
    assert layout_of(text) is EMPTY_LAYOUT


def test_seed_is_left_alone(seed_text: str) -> None:
    lines = split_lines(seed_text)
    classified = tuple(classify_line(seed_text, line) for line in lines)
    start = time.perf_counter()
    layout = analyze_pages(seed_text, classified)
    assert layout is EMPTY_LAYOUT
    assert time.perf_counter() - start < 0.05


@pytest.mark.parametrize(
    "text",
    ["", "\n" * 100_000, "Đảng bộ tỉnh " * 170_000, "1\n\f2\n\f3\n\f", "\f" * 1000, "7\n" * 50_000],
    ids=["empty", "blank-lines", "one-long-line", "only-page-numbers", "only-form-feeds", "only-numbers"],
)
def test_bad_input(text: str) -> None:
    start = time.perf_counter()
    layout = layout_of(text)
    assert time.perf_counter() - start < 5
    assert isinstance(layout, PageLayout)


def test_only_page_numbers_diagnostic() -> None:
    layout = layout_of("1\n\f2\n\f3\n\f")
    assert [d.code for d in layout.diagnostics] == [DiagnosticCode.ONLY_PAGE_NUMBERS]
    assert [f.text for f in layout.furniture if f.kind == "page-number"] == ["1", "2", "3"]


def test_marker_without_body_is_reported() -> None:
    page_4 = "\n".join(["4", "", *run(3)[:2], "đạt yêu cầu đề ra của Chính phủ5, góp phần", *run(3)[2:], ""])
    text = DOCUMENT + page_4 + "\f"
    layout = layout_of(text)
    assert [d.code for d in layout.diagnostics] == [DiagnosticCode.FOOTNOTE_MARKER_WITHOUT_BODY]
    assert text[layout.diagnostics[0].span.start : layout.diagnostics[0].span.end] == "5"


CORPUS_PDF = [
    ("01_thainguyen-bao-cao-chinh-tri-2025.txt", 26, True),
    ("01_thainguyen-bao-cao-chinh-tri-2025.layout.txt", 26, True),
    ("02_thainguyen-bao-cao-kiem-diem-2025.txt", 10, True),
    ("04_thainguyen-bao-cao-tong-hop-y-kien-van-kien-xiv.txt", 0, True),
    ("07_hanoi-btctu-huong-dan-nghiep-vu-to-chuc-dang.txt", 0, True),
    ("09_btctw-huong-dan-38-nghiep-vu-dang-vien.txt", 0, True),
    ("12_hsv-hcmute-van-kien-dai-hoi-xii.txt", 20, False),
]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")
@pytest.mark.parametrize(("name", "at_least", "numbered"), CORPUS_PDF)
def test_corpus_pages(name: str, at_least: int, numbered: bool) -> None:
    from vnreport.text.reading import read

    text = read((CORPUS / name).read_bytes()).text
    layout = layout_of(text)
    pages = len(layout.page_starts) + 1
    numbers = sum(f.kind == "page-number" for f in layout.furniture)
    labels = {note.label for note in layout.footnotes}
    markers = {label for label, _ in layout.refs}
    linked = labels & markers
    print(
        f"{name}: pages={pages} page-numbers={numbers} markers={len(layout.refs)} "
        f"bodies={len(layout.footnotes)} linked={len(linked)}"
    )
    if numbered:
        assert numbers >= pages - 4
    assert len(linked) >= at_least
    if at_least == 0:
        assert layout.footnotes == ()
    # Labels count up through the document, one body each.
    values = [int(note.label) for note in layout.footnotes]
    assert values == sorted(values) and len(set(values)) == len(values)
    for note in layout.footnotes:
        assert text[note.text_span.start : note.text_span.end].strip()
    if "09_" in name:
        assert sum(f.kind == "watermark" for f in layout.furniture) >= 45


@pytest.mark.parametrize(
    ("line", "value"),
    [("7", 7), ("- 7 -", 7), ("-- 12 --", 12), ("— 3 —", 3), ("Trang 5", 5), ("- Trang 5 -", 5), ("trang7", 7)],
)
def test_one_page_number_recognizer_for_every_reader(line: str, value: int) -> None:
    assert page_number(line, with_total=True) == value
    assert page_number(line, with_total=False) == value


def test_page_of_pages_only_where_a_total_counts() -> None:
    # At the top of a document alone, "10/2025" is a month: only the page reader, which checks
    # that the numbers count up page by page, takes a page of pages.
    assert page_number("7/45", with_total=True) == 7
    assert page_number("7 / 45", with_total=False) is None
    assert page_number("10/2025", with_total=False) is None
    assert page_number("7a", with_total=True) is None
    assert page_number("Trang - - 7", with_total=True) is None


_NOTE = "Số liệu chi tiết của nội dung thứ {} được tổng hợp tại phụ lục kèm theo báo cáo này của Ban."


def _marker_page(line: str, labels: list[int], after: str | None = None) -> str:
    """``line`` (and the line ``after`` it) in the running text of a page with the bodies
    ``labels`` at its bottom, after a page with bodies 1 … min(labels) - 1 (and their markers),
    so the labels continue the sequence."""
    pages: list[str] = []
    first = min(labels)
    if first > 1:
        earlier = [f"đạt kết quả tốt trong nhiệm vụ số hóa{k}, được ghi nhận rộng rãi" for k in range(1, first)]
        bodies = [f"{k}\n{_NOTE.format(k)}" for k in range(1, first)]
        pages.append("\n".join(["1", "", *earlier, *run(1), *bodies]))
    bodies = [f"{k}\n{_NOTE.format(k)}" for k in labels]
    lines = [line] if after is None else [line, after]
    pages.append("\n".join([str(len(pages) + 1), "", *run(2)[:3], *lines, *run(2)[3:], *bodies]))
    pages.append("\n".join([str(len(pages) + 1), "", *run(3)]))
    return "\f".join(pages) + "\f"


def _marker_cases() -> list[tuple[str, str, list[int], str | None]]:
    out = []
    for line, reading, *rest in read_cases("pdf_footnote_markers"):
        labels = [int(v) for v in re.findall(r"\[(\d+)\]", reading)]
        after = None
        for extra in rest:
            key, _, value = extra.partition(":")
            if key == "bodies":
                low, _, high = value.strip().partition("-")
                labels = list(range(int(low), int(high or low) + 1))
            else:
                after = value.strip()
        out.append((line, reading, labels, after))
    return out


_MARKER_CASES = _marker_cases()


@pytest.mark.parametrize(("line", "reading", "labels", "after"), _MARKER_CASES, ids=[c[0][:40] for c in _MARKER_CASES])
def test_pdf_marker_forms(line: str, reading: str, labels: list[int], after: str | None) -> None:
    text = _marker_page(line, labels, after)
    at = text.index("\n" + line + "\n") + 1
    layout = layout_of(text)
    read = line
    for _, span in sorted(layout.refs, key=lambda r: -r[1].start):
        if at <= span.start < at + len(line):
            s, e = span.start - at, span.end - at
            read = read[:s] + "[" + read[s:e] + "]" + read[e:]
    assert read == reading


def test_labels_glued_to_the_end_of_the_line_above() -> None:
    # Page 1: label 2 glued to the last line of body 1. Page 2: the page's first label printed
    # last, glued to the last body's last line, and label 4 glued above its body. Page 3: one
    # body, its label glued after it.
    page_1 = "\n".join(
        [
            "1",
            "",
            *RUN[:2],
            "lượng công tác tư tưởng được nâng lên theo hướng hiện đại1. Công",
            "tác phát triển đảng viên có chuyển biến, đạt yêu cầu đề ra2; các",
            *RUN[2:],
            "1",
            "Tổ chức các cuộc điều tra dư luận xã hội cấp tỉnh: 17 cuộc điều tra trực tiếp với 31.000 phiếu và",
            "02 cuộc trực tuyến với trên 26.000 lượt người tham gia. 2",
            "Kết nạp đảng viên mới bình quân hằng năm đạt tỷ lệ 3,12%, vượt mục tiêu Nghị quyết (mục tiêu 2,5%).",
        ]
    )
    page_2 = "\n".join(
        [
            "2",
            "",
            *run(1)[:3],
            "cơ sở đảng đều có chuyển biến rõ nét và tích cực3, góp phần",
            *run(1)[3:],
            "thực hiện tốt nhiệm vụ trọng tâm; nhiều mô hình mới được nhân rộng4. Thực",
            "hiện tốt việc rà soát, bổ sung quy hoạch cấp ủy các cấp.",
            "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên đạt 96,01%; tỷ lệ đảng viên hoàn thành",
            "tốt nhiệm vụ trở lên đạt 95,11%. 4",
            "Thái Nguyên quy hoạch 11 khu công nghiệp và 1 khu công nghệ thông tin tập trung (tổng diện tích",
            "4.245 ha), đã thành lập 6 khu công nghiệp. 3",
        ]
    )
    page_3 = "\n".join(
        [
            "3",
            "",
            *run(2)[:4],
            "cương được giữ vững, vai trò của người đứng đầu được phát huy5.",
            *run(2)[4:],
            "Ghi chú về số liệu thống kê của tỉnh trong nhiệm kỳ, đối chiếu với kế hoạch đề ra của Tỉnh ủy. 5",
        ]
    )
    text = page_1 + "\n\f" + page_2 + "\n\f" + page_3 + "\n\f"
    layout = layout_of(text)
    bodies = body_texts(text, layout)
    assert bodies["1"].endswith("lượt người tham gia.")
    assert bodies["2"].startswith("Kết nạp đảng viên mới")
    assert bodies["3"].startswith("Tỷ lệ tổ chức") and bodies["3"].endswith("95,11%.")
    assert bodies["4"].startswith("Thái Nguyên quy hoạch") and bodies["4"].endswith("6 khu công nghiệp.")
    assert bodies["5"].startswith("Ghi chú") and bodies["5"].endswith("của Tỉnh ủy.")
    assert [(label, before[-3:]) for label, _, before in ref_texts(text, layout)] == [
        ("1", "đại"),
        ("2", " ra"),
        ("3", "cực"),
        ("4", "ộng"),
        ("5", "huy"),
    ]


def test_last_label_glued_after_its_own_body() -> None:
    # 12's layout (page 20): label 1 alone above its body, label 2 printed after its own body,
    # here glued to that body's last line, the page's last ("…Thủ Đức. 2").
    page = "\n".join(
        [
            "1",
            "",
            *RUN[:2],
            "công trình “Vượt núi, băng rừng, dẫn nước về cho dân” mang lại ý nghĩa to lớn1. Chiến",
            "dịch đã để lại nhiều công trình, phần việc có giá trị, với các con số ấn tượng2 với",
            *RUN[2:],
            "1",
            "Có 890 sinh viên tham gia Chiến dịch tại các tỉnh Phú Yên và Đắk Nông; tỉnh Đồng Tháp và tại TP. HCM.",
            "Hoạt động đã tạo điểm nhấn với các con số như: 101 bảng vẽ được trao cho hàng gánh khó khăn, 2000 suất",
            "cháo đêm cho công nhân, trồng 200 cây xanh tại Thành phố Thủ Đức. 2",
        ]
    )
    text = page + "\n\f" + "\n".join(["2", "", *run(1)]) + "\n\f"
    layout = layout_of(text)
    bodies = body_texts(text, layout)
    assert bodies["1"].startswith("Có 890") and bodies["1"].endswith("TP. HCM.")
    assert bodies["2"].startswith("Hoạt động") and bodies["2"].endswith("Thủ Đức.")
    assert [(label, before[-3:]) for label, _, before in ref_texts(text, layout)] == [("1", "lớn"), ("2", "ợng")]


_FIRST_LABELS_LAST = [
    "Riêng đối với tỉnh Thái Nguyên từ năm 2023 tỉnh đã tự cân đối thu chi và có điều tiết về ngân sách Trung ương",
    "Gồm 192 dự án ngoài khu công nghiệp với số vốn 78.015 tỷ đồng và 40 dự án trong khu công nghiệp với",
    "số vốn 3.717 tỷ đồng.",
    "Tỉnh Thái Nguyên ban hành Đề án hỗ trợ doanh nghiệp nhỏ và vừa, nâng cao năng lực cạnh tranh và cải",
    "thiện môi trường đầu tư; Đề án phát triển kinh tế tập thể giai đoạn 2021 - 2025; Quy định mức chi hỗ trợ",
    "đưa lao động trẻ về làm việc tại tổ chức kinh tế tập thể trên địa bàn tỉnh…",
]


@pytest.mark.parametrize("printed", ["alone", "glued above", "glued to the body", "first glued at the end"])
def test_first_labels_printed_last_with_the_third_glued(printed: str) -> None:
    # Corpus 01 (page 10): bodies 1 and 2 without their labels, which come last ("1⏎2"), and
    # label 3 alone above its body; the same page with label 3 glued to the end of the line
    # above its body, or to the body's first word ("3Tỉnh …"), or label 1 glued to the end of
    # the last body ("… tỉnh… 1⏎2").
    b = list(_FIRST_LABELS_LAST)
    tail = ["1", "2"]
    if printed == "alone":
        b.insert(3, "3")
    elif printed == "glued above":
        b[2] += " 3"
    elif printed == "glued to the body":
        b[3] = "3" + b[3]
    else:
        b[2] += " 3"
        b[5] += " 1"
        tail = ["2"]
    page = "\n".join(
        [
            "1",
            "",
            *RUN[:2],
            "lượng công tác tư tưởng được nâng lên theo hướng hiện đại1. Công",
            "tác phát triển đảng viên có chuyển biến, đạt yêu cầu đề ra2; các",
            "cơ sở đảng đều có chuyển biến rõ nét và tích cực3, góp phần",
            *RUN[2:],
            *b,
            *tail,
        ]
    )
    text = page + "\n\f" + "\n".join(["2", "", *run(1)]) + "\n\f"
    layout = layout_of(text)
    bodies = body_texts(text, layout)
    assert bodies["1"].startswith("Riêng đối với") and bodies["1"].endswith("Trung ương")
    assert bodies["2"].startswith("Gồm 192") and bodies["2"].endswith("3.717 tỷ đồng.")
    assert bodies["3"].startswith("Tỉnh Thái Nguyên") and bodies["3"].endswith("địa bàn tỉnh…")
    assert [label for label, _, _ in ref_texts(text, layout)] == ["1", "2", "3"]


def test_one_body_label_last_after_a_lost_marker() -> None:
    # Corpus 02 (page 7) with marker 1 lost on page 1 (its body is read there, its marker not):
    # the next page's one body, its label 2 glued to its last line, is still read.
    page_1 = "\n".join(["1", "", *RUN, _NOTE.format(1), "1"])
    page_2 = "\n".join(
        [
            "2",
            "",
            *run(1)[:3],
            "ủy. Thực hiện tốt nguyên tắc tổ chức và hoạt động của Đảng, nhất là nguyên tắc",
            "tập trung dân chủ2. Chỉ đạo chuẩn bị chu đáo nội dung, nâng cao chất lượng các",
            *run(1)[3:],
            "Nhiệm kỳ 2020-2025, trước khi hợp nhất: Ban Chấp hành Đảng bộ tỉnh Bắc Kạn đã tổ chức 20 hội nghị,",
            "Ban Thường vụ Tỉnh ủy tổ chức 99 cuộc họp, Thường trực Tỉnh ủy tổ chức trên 127 cuộc họp để cho ý",
            "kiến và quyết định các nội dung thuộc thẩm quyền. 2",
        ]
    )
    text = page_1 + "\n\f" + page_2 + "\n\f"
    layout = layout_of(text)
    bodies = body_texts(text, layout)
    assert bodies["2"].startswith("Nhiệm kỳ 2020-2025") and bodies["2"].endswith("thuộc thẩm quyền.")
    assert ("2", "2", "dân chủ") in [(label, digits, before[-7:]) for label, digits, before in ref_texts(text, layout)]


def test_label_glued_to_a_count_with_a_leading_zero() -> None:
    # Corpus 12 (page 15), label 2 set close to its body's first word, a count "02 tập thể".
    page = "\n".join(
        [
            "1",
            "",
            *RUN[:2],
            "lượng công tác tư tưởng được nâng lên theo hướng hiện đại1. Công",
            "tác phát triển đảng viên có chuyển biến, đạt yêu cầu đề ra2; các",
            *RUN[2:],
            "1",
            _NOTE.format(1),
            "202 tập thể và 04 cá nhân sinh viên có thành tích xuất sắc trong Cuộc thi Packaging Speak Out 2024.",
            "06 sinh viên và 02 tập thể có thành tích xuất sắc Cuộc thi Olympic Tin học Sinh viên Việt Nam lần",
            "thứ 33 (OLP’24), Procon Việt Nam và ICPC Asia Hanoi năm 2024.",
        ]
    )
    text = page + "\n\f" + "\n".join(["2", "", *run(1)]) + "\n\f"
    layout = layout_of(text)
    bodies = body_texts(text, layout)
    assert bodies["2"].startswith("02 tập thể và 04 cá nhân") and bodies["2"].endswith("năm 2024.")


def test_sequence_goes_on_past_a_page_whose_bodies_were_not_read() -> None:
    # Page 1 cites 1 and 2 but its bodies are lost (no block at its bottom); page 2's bodies
    # 3 and 4 still continue the sequence.
    page_1 = "\n".join(["1", "", *RUN[:2], "theo hướng hiện đại1, tác phát triển đảng viên có chuyển biến2;", *RUN[2:]])
    page_2 = "\n".join(
        [
            "2",
            "",
            *run(1)[:3],
            "cơ sở đảng đều có chuyển biến rõ nét và tích cực3, góp phần",
            "thực hiện tốt nhiệm vụ trọng tâm; nhiều mô hình mới được nhân rộng4. Thực",
            *run(1)[3:],
            "3",
            "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên đạt 96,01%; tỷ lệ đảng viên hoàn thành",
            "4",
            "Thái Nguyên quy hoạch 11 khu công nghiệp và 1 khu công nghệ thông tin tập trung (tổng diện tích",
        ]
    )
    text = page_1 + "\n\f" + page_2 + "\n\f"
    layout = layout_of(text)
    assert [note.label for note in layout.footnotes] == ["3", "4"]
    assert [label for label, _ in layout.refs] == ["3", "4"]


def test_labels_glued_to_the_first_word_of_their_body() -> None:
    # The superscript label set close to the body: "2Kết nạp …", "13GRDP …", after a finished
    # short last line of the body above.
    page = "\n".join(
        [
            "1",
            "",
            *RUN[:2],
            "lượng công tác tư tưởng được nâng lên theo hướng hiện đại1. Công",
            "tác phát triển đảng viên có chuyển biến, đạt yêu cầu GRDP2; các",
            *RUN[2:],
            "1Tổ chức các cuộc điều tra dư luận xã hội cấp tỉnh: 17 cuộc điều tra trực tiếp với 31.000 phiếu",
            "và 02 cuộc trực tuyến.",
            "2GRDP bình quân đầu người đến năm 2025 tỉnh Thái Nguyên ước đạt 119 triệu đồng/người/năm.",
        ]
    )
    text = page + "\n\f" + "\n".join(["2", "", *run(1)]) + "\n\f"
    layout = layout_of(text)
    bodies = body_texts(text, layout)
    assert bodies == {
        "1": "Tổ chức các cuộc điều tra dư luận xã hội cấp tỉnh: 17 cuộc điều tra trực tiếp với 31.000 phiếu"
        "\nvà 02 cuộc trực tuyến.",
        "2": "GRDP bình quân đầu người đến năm 2025 tỉnh Thái Nguyên ước đạt 119 triệu đồng/người/năm.",
    }
    assert [label for label, _ in layout.refs] == ["1", "2"]


_UNFINISHED = [
    "1",
    "Tổ chức các cuộc điều tra dư luận xã hội cấp tỉnh: 17 cuộc điều tra trực tiếp với 31.000 phiếu và",
    "02 cuộc trực tuyến với trên 26.000 lượt người tham gia, trong đó có 05 cuộc điều tra về việc thực",
]
_GOES_ON = "hiện các chỉ tiêu chủ yếu của Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XX đã đề ra."


@pytest.mark.parametrize("own_bodies", [True, False])
def test_body_continued_on_the_next_page(own_bodies: bool) -> None:
    # Body 1 stops mid-sentence at the bottom of page 1 and goes on at the bottom of page 2,
    # above page 2's own bodies or alone.
    page_1 = "\n".join(
        ["1", "", *RUN[:2], "theo hướng hiện đại1. Công tác phát triển đảng viên có", *RUN[2:], *_UNFINISHED]
    )
    own = ["2", "Kết nạp đảng viên mới bình quân hằng năm đạt tỷ lệ 3,12%, vượt mục tiêu Nghị quyết (mục tiêu 2,5%)."]
    marker = "cơ sở đảng đều có chuyển biến rõ nét và tích cực2, góp phần" if own_bodies else run(2)[0]
    page_2 = "\n".join(["2", "", *run(1)[:3], marker, *run(1)[3:], "", _GOES_ON, *(own if own_bodies else [])])
    text = page_1 + "\n\f" + page_2 + "\n\f" + "\n".join(["3", "", *run(3)]) + "\n\f"
    layout = layout_of(text)
    note = next(n for n in layout.footnotes if n.label == "1")
    assert [text[s.start : s.end] for s in note.continued] == [_GOES_ON]
    assert _GOES_ON in line_texts(text, layout)
    assert [n.label for n in layout.footnotes] == (["1", "2"] if own_bodies else ["1"])
