"""Section or item, from what follows a line as well as from its shape (issue 12 class 4).

The classifier reads one line; whether a numbered line heads something is only known once the
lines after it are placed. When the tree is frozen, an item that reads as a heading and has a
body or numbered points of its own becomes a section, and a heading with nothing under it an
entry of its list. The builder's nesting is not changed by it.
"""

from __future__ import annotations

from collections.abc import Callable

from vnreport.lines.classify import MAX_LABEL_WORDS, is_lead_in, is_title_like, is_upper_title
from vnreport.lines.match_view import Readable, window
from vnreport.model import BULLET_STYLES, MarkerStyle, Span
from vnreport.rules.shapes import (
    CITATION_LABEL,
    CITED_DOCUMENT,
    DANGLING_WORDS,
    DOCUMENT_NAME_START,
    FORM_BLANKS,
    LAST_WORD,
    ORGAN_HEAD_WORDS,
    PARENTHESIS,
    REFERENCE_NOUN_END,
    SENTENCE_BREAK,
)
from vnreport.tree.agreement import HEADING_STYLES as HEADING_STYLES  # tree/bold_heads reads it here
from vnreport.tree.agreement import ITEM_SHARE, Siblings, is_run_in
from vnreport.tree.clauses import is_closed_titled_clause, is_titled_clause
from vnreport.tree.entries import entry_kind
from vnreport.tree.last_entry import last_bare_entry
from vnreport.tree.nodes import INTRINSIC_ORDER, OpenKind, OpenNode
from vnreport.tree.numbering import numbered_as
from vnreport.tree.sibling_heads import (
    bullet_label,
    closed_title_over_bullets,
    labels_over_points,
    parallel_title_over_body,
    text_over_bullets,
)

#: An item whose text is one sentence of at most this many words heads what follows it when
#: that is a body paragraph or numbered points of its own.
MAX_HEADING_WORDS = 40
#: An item of at most this many words followed by a paragraph is a heading with its body
#: ("3.5.2. Đối tượng không xem xét kết nạp lại."); a longer one is a sentence.
MAX_BODY_HEADING_WORDS = 10

#: A title ending in one of these ended there (a label, a question, a sentence).
_TITLE_END = frozenset(".:;!?")


def heading_shape(match: Readable, start: int, end: int) -> Span | None:
    """The span of an item's text when it could be a heading: one short sentence ending in
    "." ("1.1. Về tuổi đời.", "2.1. (Khoản 1): Quyền được thông tin của đảng viên.")."""
    raw = match[start:end]
    stripped = raw.rstrip(" *_\u00a0")
    if not stripped.endswith(".") or stripped.endswith(("..", "…")) or SENTENCE_BREAK.search(stripped[:-1]):
        return None
    if len(stripped.split()) > MAX_HEADING_WORDS:
        return None
    return Span(start, start + len(stripped) - 1)


def as_read(match: Readable, node: OpenNode, parent: OpenNode, siblings: Siblings | None = None) -> OpenNode:
    """A node's kind as what follows it decides (issue 12 class 4): an item that reads as a
    heading and has a body paragraph or numbered points of its own is a section; a heading
    with nothing under it is an entry of a list, an item; an entry whose siblings are all of
    its shape agrees with them (:mod:`vnreport.tree.agreement`; ``siblings`` counts them, one
    count for all children of ``parent``). The readings are tried in order; the first that
    applies decides."""
    _read_points_as_clause_text(match, node, parent)
    for reading in _OWN_READINGS:
        read = reading(match, node, parent)
        if read is not None:
            return read
    siblings = siblings or Siblings(match, parent)
    return (
        _run_in_section(match, node, siblings)
        or _bare_entry_item(match, node)
        or entry_kind(match, node, parent, siblings)
        or node
    )


def _item_heading_its_body(match: Readable, node: OpenNode, parent: OpenNode) -> OpenNode | None:
    """An item that reads as a heading over a body paragraph or points of its own: a section."""
    if (
        node.kind is not OpenKind.ITEM
        or node.heading is None
        or (_is_clause(node, parent) and not is_closed_titled_clause(match, node, parent))
        or not _heads_what_follows(match, node)
    ):
        return None
    section = OpenNode(OpenKind.SECTION, node.start, node.heading.end, node.marker, node.key, node.heading)
    section.children = node.children[1:]
    return section


def _clause_of_an_article(match: Readable, node: OpenNode, parent: OpenNode) -> OpenNode | None:
    """A clause under an article is an item unless it carries a title of its own."""
    if node.kind is not OpenKind.SECTION or not _is_clause(node, parent):
        return None
    return node if is_titled_clause(match, node) else _clause_item(match, node)


def _entry_of_a_list_in_its_shape(match: Readable, node: OpenNode, parent: OpenNode) -> OpenNode | None:
    if node.kind is OpenKind.SECTION and _entry_in_its_shape(match, node, parent):
        return _entry_of_its_list(node)
    return None


#: The readings of a node that need no count of its siblings, in the order they are tried.
_OWN_READINGS: tuple[Callable[[Readable, OpenNode, OpenNode], OpenNode | None], ...] = (
    _item_heading_its_body,
    _clause_of_an_article,
    _entry_of_a_list_in_its_shape,
    last_bare_entry,
)


def _run_in_section(match: Readable, node: OpenNode, siblings: Siblings) -> OpenNode | None:
    """A "Label: text" entry whose label is its title: a section over the rest of the text."""
    label = _label_of(match, node, siblings)
    if label is None:
        return None
    section = OpenNode(OpenKind.SECTION, node.start, label.end, node.marker, node.key, label)
    section.line_end = node.children[0].end
    section.children = node.children[1:]
    return section


def _bare_entry_item(match: Readable, node: OpenNode) -> OpenNode | None:
    """A heading with nothing under it that reads as an entry of a list: an item."""
    if node.kind is not OpenKind.SECTION or node.children or not _is_bare_entry(match, node):
        return None
    item = OpenNode(OpenKind.ITEM, node.start, node.line_end, node.marker, node.key)
    assert node.title is not None
    item.children = [OpenNode(OpenKind.PARAGRAPH, node.title.start, node.line_end)]
    return item


def _runs_into_its_body(match: Readable, node: OpenNode, parent: OpenNode) -> bool:
    """A heading whose title, wrapped over lines, runs on into its first paragraph, in a list
    whose other entries are all sentences, is one of those entries: "3. Cấp ủy đảng, … đoàn kết⏎trong …, điều
    hành; các nội dung trong Nghị quyết⏎Đại hội Đảng bộ tỉnh được cụ thể hóa …" among
    "1. …", "2. …", "4. …" that are items. The page broke the sentence at a capitalised name,
    where a title could have ended; its siblings say it did not."""
    title = node.title
    if title is None or not _one_paragraph_heading(node):
        return False
    own = match[title.start : title.end].rstrip(" *_\u00a0")
    if not own or own[-1] in _TITLE_END or is_upper_title(own):
        return False
    body_start = node.children[0].start
    full = _ran_to_margin(match, node)
    if _blank_line_between(match, title.end, body_start) and not full:
        return False  # the author ended the line with a blank one: the title stops there
    if "\n" not in own and not full and not _visibly_unfinished(own, match, body_start):
        return False  # a one-line title the body follows is a heading ("II. Quan điểm, …" then "Đại hội …")
    if match[title.end : title.end + 2].lstrip(" *_")[:1] == ":":
        return False  # a run-in label ("6.1.6. Sử dụng thẻ đảng viên: Đảng viên …") ends its title
    siblings = [c for c in parent.children if c is not node and c.key == node.key]
    # One other entry read the same way does not stop the list's sentences voting.
    others = sum(c.kind is not OpenKind.ITEM for c in siblings)
    return len(siblings) >= 2 and others * ITEM_SHARE <= len(siblings)


def _ran_to_margin(match: Readable, node: OpenNode) -> bool:
    """A one-line title as wide as its body's widest line: the page broke a sentence there ("(4)
    100% Cán bộ Hội … mỗi năm Phối hợp với Đoàn" then "Trường tổ chức …", corpus 12), where a
    title stops short. A blank line the extraction put under such a line ends nothing."""
    title = node.title
    if title is None or "\n" in match[node.start : title.end]:
        return False
    body = node.children[0]
    widest = max(len(line) for line in match[body.start : body.end].split("\n"))
    return title.end - node.start >= _FULL_LINE_SHARE * widest


#: A title line at least this share of its body's widest line is full: the page broke it.
_FULL_LINE_SHARE = 0.95


def _blank_line_between(match: Readable, start: int, end: int) -> bool:
    """A blank line, not a page break, between a title and its body. A page break (a form feed,
    with the page's furniture around it) may fall inside a sentence; a blank line the author
    typed ends a paragraph (blank-separated text, the seed's layout)."""
    gap = match[start:end]
    if "\f" in gap:
        return False
    lines = gap.split("\n")
    return any(not line.strip() for line in lines[1:-1])


def _one_paragraph_heading(node: OpenNode) -> bool:
    """A numbered heading (no Phần/Chương/Mục/Điều) with paragraphs and nothing else under it."""
    marker = node.marker
    if marker is None or marker.style in INTRINSIC_ORDER:
        return False
    return bool(node.children) and all(c.kind is OpenKind.PARAGRAPH for c in node.children)


def _visibly_unfinished(title: str, match: Readable, body_start: int) -> bool:
    """A one-line title that cannot end where it does: on a word that needs its complement
    ("… pháp luật chuyên ngành về", "… yêu cầu tại khoản"), inside a bracket left open ("… chính
    trị - xã hội (Tổng Liên đoàn"), or before a bracket that goes on with it ("… đã áp dụng" then
    "(nếu có);")."""
    if title.count("(") > title.count(")"):
        return True
    last = LAST_WORD.search(title)
    if last is not None and (last.group(1).lower() in DANGLING_WORDS or last.group(1) in ORGAN_HEAD_WORDS):
        return True
    if DOCUMENT_NAME_START.match(*window(match, body_start)) is not None:
        return True  # "4.6. Văn phòng" then "Trung ương Đảng phối hợp …": a name goes on
    return REFERENCE_NOUN_END.search(title) is not None or match[body_start : body_start + 1] == "("


def _entry_in_its_shape(match: Readable, node: OpenNode, parent: OpenNode) -> bool:
    """A heading by its line that is one entry of its list by what it is: a title running on
    into its first paragraph, or a starred note."""
    return _runs_into_its_body(match, node, parent) or _starred_note(match, node) or _field_to_fill(match, node)


def _field_to_fill(match: Readable, node: OpenNode) -> bool:
    """A form's field: a numbered label whose text, on its own line, is the blank left for the
    filler ("1. Mục tiêu: ……………", "3.4. Địa điểm kiểm tra: ……"), an entry as its siblings
    whose blank stands on the next line are ("3.1. Đối tượng kiểm tra:⏎……")."""
    title, marker = node.title, node.marker
    if title is None or marker is None or marker.style in INTRINSIC_ORDER or len(node.children) != 1:
        return False
    blank = node.children[0]
    if blank.kind is not OpenKind.PARAGRAPH or "\n" in match[title.end : blank.start]:
        return False
    own = match[blank.start : blank.end]
    return FORM_BLANKS.search(own) is not None and not FORM_BLANKS.sub("", own).strip(" *_;.,:")


def _starred_note(match: Readable, node: OpenNode) -> bool:
    """A starred label run into its text with only paragraphs under it ("* Lưu ý: Maket Lễ trao
    tặng … để bố trí cho phù hợp.") is a note, an item as a bulleted "- Nguyên nhân khách quan:
    …" is; it heads a section only over points of its own ("* Đối với 5 bài học kinh nghiệm:
    …" then "- …"). A wrapped line of the note may stand as a paragraph of its own."""
    marker = node.marker
    if marker is None or marker.style is not MarkerStyle.STAR:
        return False
    return all(c.kind is OpenKind.PARAGRAPH for c in node.children) and is_run_in(match, node)


def _entry_of_its_list(node: OpenNode) -> OpenNode:
    """The heading and its first paragraph as one item whose paragraph starts at the title."""
    assert node.title is not None
    body, *rest = node.children
    item = OpenNode(OpenKind.ITEM, node.start, max(node.end, node.children[-1].end), node.marker, node.key)
    own = OpenNode(OpenKind.PARAGRAPH, node.title.start, body.end)
    own.gaps = body.gaps
    item.children = [own, *rest]
    return item


def _clause_item(match: Readable, node: OpenNode) -> OpenNode:
    """A clause read as a heading ("1. Quy trình xét tặng:" then "a) …") is the article's text:
    its line is the item's first paragraph, its points follow. A clause read as a run-in label
    ("5. Lưu trữ lịch sử của Đảng thực hiện: Thu thập, chỉnh lý, …", corpus 14) is one sentence:
    its label and the text after the colon are one paragraph."""
    assert node.title is not None and node.marker is not None
    end = node.line_end
    if node.children and node.children[0].start < end:
        end = node.children[0].start
    item = OpenNode(OpenKind.ITEM, node.start, node.line_end, node.marker, node.key)
    if is_run_in(match, node):
        first, *rest = node.children
        own = OpenNode(OpenKind.PARAGRAPH, node.title.start, first.end)
        own.gaps = first.gaps
        item.children = [own, *rest]
        return item
    item.children = [OpenNode(OpenKind.PARAGRAPH, node.title.start, end), *node.children]
    return item


def _read_points_as_clause_text(match: Readable, node: OpenNode, parent: OpenNode) -> None:
    """The points of a clause of an article (before they are read themselves): see
    :func:`_point_of_clause`."""
    if _is_clause(node, parent):
        node.children = [_point_of_clause(match, c) for c in node.children]


def _point_of_clause(match: Readable, node: OpenNode) -> OpenNode:
    """A point of a clause is the clause's text as the clause is the article's (Điều > khoản >
    điểm): "c) Sở Nội vụ thành phố⏎Hà Nội:" over the paragraphs of what it does ("Tiếp nhận hồ
    sơ, …") and "b) Đối với cá nhân … trong nước:" over its paragraph are items, like their
    sibling points that run on."""
    if node.kind is not OpenKind.SECTION or node.key != MarkerStyle.LETTER.value or node.title is None:
        return node
    return _clause_item(match, node)


def _heads_what_follows(match: Readable, node: OpenNode) -> bool:
    """Numbered points of its own make a numbered item a heading ("1.1. Về tuổi đời." then
    "1.1.1. …"); so does a body paragraph, when the item's text is a short title or a
    title under a citation ("2.1. (Khoản 1): Quyền được thông tin của đảng viên."). A
    sentence with a paragraph after it stays an item; list entries ("(1)", "a)") stay."""
    children, heading, marker = node.children, node.heading, node.marker
    if len(children) < 2 or children[0].kind is not OpenKind.PARAGRAPH or heading is None or marker is None:
        return False
    if marker.style not in HEADING_STYLES or children[0].start != heading.start:
        return False
    follower = children[1]
    if follower.kind is not OpenKind.PARAGRAPH:
        return follower.marker is not None and follower.marker.value is not None
    own = match[heading.start : heading.end]
    colon = own.find(":")
    if colon > 0 and CITATION_LABEL.match(own[:colon].strip()):
        return True
    return len(own.split()) <= MAX_BODY_HEADING_WORDS


def _label_of(match: Readable, node: OpenNode, siblings: Siblings) -> Span | None:
    """The title of an item that heads what follows it, if it reads as one."""
    return (
        _label_over_points(match, node, siblings)
        or _subdivided_title(match, node)
        or _open_title_over_bullets(match, node)
        or closed_title_over_bullets(match, node, siblings)
        or parallel_title_over_body(match, node, siblings)
        or _bullet_title_over_body(match, node)
    )


def _label_over_points(match: Readable, node: OpenNode, siblings: Siblings) -> Span | None:
    """The label of a bulleted line that heads points or a body of its own: "- Đối với chi bộ
    trực thuộc đảng ủy cơ sở:" then "+ Nếu …", "- Đối với doanh nghiệp khu vực ngoài nhà nước:"
    then "Quần chúng làm việc …". Its text is a short title ending in ":", no sentence and no
    lead-in ("… như sau:", "… gồm:"), as a numbered label is (``MAX_LABEL_WORDS``); a longer one
    where each bullet of its list is such a label over points (the cases of a rule: "- Trường
    hợp thẩm quyền … thuộc cấp ủy nơi đảng viên đang sinh hoạt:", "- Trường hợp … không thuộc
    …:", each over its "+" steps)."""
    label = bullet_label(match, node)
    if label is None:
        return None
    # A gloss in brackets does not make a label long: "- Đối với chi bộ thôn, tổ dân phố (chi bộ
    # trực thuộc đảng ủy cấp trên trực tiếp tổ chức cơ sở đảng):".
    bare = PARENTHESIS.sub(" ", match[label.start : label.end])
    # A star marks a sub-heading (:func:`vnreport.lines.classify._decide_bullet`), which may run
    # as long as an open title ("* Một số ý kiến tham gia cụ thể đối với … trong giai đoạn mới:").
    assert node.marker is not None
    limit = MAX_OPEN_TITLE_WORDS if node.marker.style is MarkerStyle.STAR else MAX_LABEL_WORDS
    if is_title_like(bare, limit):
        return label
    if is_title_like(bare, MAX_OPEN_TITLE_WORDS) and labels_over_points(match, node, siblings):
        return label
    return None


def _subdivided_title(match: Readable, node: OpenNode) -> Span | None:
    """The text of a numbered item with points numbered under its own number ("9.3. (Khoản 5):
    Quy định … được cụ thể hoá như sau:" then "9.3.1. …"): a division of the document, whose
    text heads its subdivisions even when it reads as a sentence leading into them."""
    children, marker = node.children, node.marker
    if node.kind is not OpenKind.ITEM or marker is None or not isinstance(marker.value, (int, tuple)):
        return None
    if marker.style not in (MarkerStyle.ARABIC, MarkerStyle.DECIMAL):
        return None
    if len(children) < 2 or children[0].kind is not OpenKind.PARAGRAPH:
        return None
    prefix = marker.value if isinstance(marker.value, tuple) else (marker.value,)
    if not any(
        c.marker is not None
        and c.marker.style is MarkerStyle.DECIMAL
        and isinstance(c.marker.value, tuple)
        and numbered_as(marker, c.marker.value[:-1])
        and len(c.marker.value) == len(prefix) + 1
        for c in children[1:]
    ):
        return None
    own = match[children[0].start : children[0].end].rstrip()
    return Span(children[0].start, children[0].start + len(own.rstrip(":.").rstrip()))


#: A numbered title left without a stop over a bullet list may run this long in PDF text
#: (corpus 05: "2.1. Xây dựng, ban hành … và dân vận của Đảng", 51 words over four lines).
MAX_OPEN_TITLE_WORDS = 60
#: With the documents it cites named in full, such a title may run up to this long.
MAX_CITED_TITLE_WORDS = 2 * MAX_OPEN_TITLE_WORDS
#: Numbered styles whose unclosed text can head a bullet list ("2.1. …", "a) Ở thôn, …").
_OPEN_TITLE_STYLES = HEADING_STYLES | {MarkerStyle.LETTER}


def _open_title_over_bullets(match: Readable, node: OpenNode) -> Span | None:
    """The text of a numbered item that ends without any punctuation and heads a bullet list:
    a title the author did not close, not a sentence ("2.1. Xây dựng, ban hành và tổ chức thực
    hiện hiệu quả các nghị quyết, …; công tác kiểm tra, giám sát, nội chính và dân vận của Đảng"
    then "- Đề án …")."""
    own = text_over_bullets(match, node, _OPEN_TITLE_STYLES)
    if own is None:
        return None
    # An open list closes with "…" ("a) Ở thôn, tổ dân phố, buôn, ấp, bản…"): still no stop.
    tail = own.removesuffix("…").removesuffix("...")
    if not tail or not (tail[-1].isalnum() or tail[-1] == ")") or SENTENCE_BREAK.search(tail):
        return None
    # Documents cited by number are named in full ("5.2. Xử lý kỷ luật tổ chức đảng, đảng viên
    # theo Quy định số 296-QĐ/TW, ngày … của Ban Chấp hành Trung ương Đảng về …; Hướng dẫn số
    # 08-HD/TW …", 77 words): the title's own words stop at the first.
    cited = CITED_DOCUMENT.search(own)
    if len((own[: cited.start()] if cited else own).split()) > MAX_OPEN_TITLE_WORDS:
        return None
    if len(own.split()) > MAX_CITED_TITLE_WORDS:
        return None
    return Span(node.children[0].start, node.children[0].start + len(own))


#: A bulleted line at least this share of its body's widest line ran to the margin.
_MARGIN_SHARE = 0.85


def _bullet_title_over_body(match: Readable, node: OpenNode) -> Span | None:
    """The text of a bulleted line that is a sub-heading over paragraphs or numbered points of its
    own: one short line with no stop, then a paragraph that starts a sentence ("- Lãnh đạo công
    tác xây dựng Đảng và hệ thống chính trị" then "Ban Chấp hành Đảng bộ, …", corpus 02) or "(1)"
    ("- Về nguyên nhân chủ quan" then "(1) Một số cấp ủy, …", corpus 01). A point that runs on
    wraps to the margin and ends with punctuation; a heading stops short of it, unclosed."""
    children = node.children
    if not _bullet_over_body_or_points(node):
        return None
    own = match[children[0].start : children[0].end].rstrip(" *_\u00a0")
    if not _unclosed_one_line_title(own):
        return None
    body_start = children[1].start
    if children[1].marker is None and (
        not match[body_start : body_start + 1].isupper() or _visibly_unfinished(own, match, body_start)
    ):
        return None
    widest = max(len(line) for line in match[body_start : children[1].end].split("\n"))
    if len(own) >= _MARGIN_SHARE * widest:
        return None  # the line ran to the margin: a point wrapped at a capitalised word
    return Span(children[0].start, children[0].start + len(own))


def _bullet_over_body_or_points(node: OpenNode) -> bool:
    """A bulleted item whose first paragraph has a body or numbered points after it."""
    children, marker = node.children, node.marker
    if node.kind is not OpenKind.ITEM or marker is None or marker.style not in BULLET_STYLES:
        return False
    return len(children) >= 2 and children[0].kind is OpenKind.PARAGRAPH and _body_or_points(children[1])


def _unclosed_one_line_title(own: str) -> bool:
    """One line, short as a title, ending on a word or a bracket: no stop, no colon, no lead-in."""
    if not own or "\n" in own or not (own[-1].isalnum() or own[-1] == ")"):
        return False
    return is_title_like(own, MAX_LABEL_WORDS) and not is_lead_in(own) and ":" not in own


def _body_or_points(node: OpenNode) -> bool:
    """A paragraph, or a numbered point ("(1) Một số cấp ủy, …" under "- Về nguyên nhân chủ quan")."""
    if node.kind is OpenKind.PARAGRAPH:
        return node.marker is None
    return node.marker is not None and node.marker.value is not None and node.marker.style not in BULLET_STYLES


def _is_bare_entry(match: Readable, node: OpenNode) -> bool:
    """A short numbered or bulleted heading in lower case with nothing under it."""
    marker, title = node.marker, node.title
    if marker is None or title is None or title.end <= title.start:
        return False
    if marker.style in INTRINSIC_ORDER:
        return False
    return not is_upper_title(match[title.start : title.end])


def _is_clause(node: OpenNode, parent: OpenNode) -> bool:
    """A numbered clause of an article ("Điều 1." then "1. Luật này quy định.") is the
    article's text, never a heading of its own: legislative drafting titles the article only
    (Điều > khoản > điểm), so "1. Quy trình xét tặng:" over its points is a clause too. A
    clause titled on a line of its own over its points is the one exception
    (:mod:`vnreport.tree.clauses`)."""
    return (
        parent.marker is not None
        and parent.marker.style is MarkerStyle.ARTICLE
        and node.key == MarkerStyle.ARABIC.value
    )
