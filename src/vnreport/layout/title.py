"""The title block under the header: type line, title, subtitle, draft mark, "Kính gửi:"."""

from __future__ import annotations

import attrs
from attrs import define

from vnreport.layout import codes
from vnreport.layout.scan import Scan, clean, is_marker_line, lines_span, mostly_upper, split_items
from vnreport.lines.split import LineKind
from vnreport.model import FurnitureKind, Span
from vnreport.rules import furniture as P
from vnreport.text.folds import fold_accents, fold_tone_placement


def read_title(scan: Scan, start: int, limit: int, expect: bool) -> tuple[int, bool]:
    """Type line, title, subtitle, draft mark, "Kính gửi:"; return (body start, title found)."""
    block = _TitleBlock(scan, limit)
    i = _read_type_line(block, start)
    # A source that centres its type line centres the title under it: the centring bounds it.
    block.centred = i > start and start in scan.centred
    if not expect and not block.type_alone and not _upper_first_line(scan, start, limit):
        return _skip_blank(scan, start, limit), False
    while i < limit:
        if scan.blank(i):
            i += 1
            continue
        i, stop = _title_line(block, i)
        if stop:
            break
    if _preamble_at(scan, i, limit):
        kept = _without_authority(scan.text, block.title)
        if len(kept) < len(block.title):
            scan.meta.authority = Span(block.title[len(kept)].start, block.title[-1].end)
        block.title = kept
    body = _skip_blank(scan, i, limit)
    for j in range(start, body):
        if not scan.blank(j):
            scan.kind(j, FurnitureKind.TITLE)
    block.record()
    return body, bool(block.title or block.type_alone)


def _preamble_at(scan: Scan, i: int, limit: int) -> bool:
    """Line ``i`` opens the preamble, possibly wrapped after its first word ("*Căn ⏎ cứ Luật …")."""
    if i >= limit:
        return False
    j = i + 1
    while j < limit and scan.blank(j):
        j += 1
    two = scan.folded(i) + ("\n" + scan.folded(j) if j < limit else "")
    return P.PREAMBLE.match(two) is not None


#: Words a title line may end on and run on into a name of the next line ("… CỦA ⏎ ỦY BAN NHÂN DÂN
#: TỈNH"). Not "bằng", "số": an upper-case line ends on them in names ("CAO BẰNG", "MÃ SỐ").
RUNS_ON = frozenset(("của", "và", "cho", "thuộc", "với", "tại", "về", "các", "những", "trong", "trên", "đối", "giữa"))


def _without_authority(text: str, title: list[Span]) -> list[Span]:
    """The title lines without the enacting authority under them: the last line (or the last two,
    "HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HÀ NỘI ⏎ KHÓA XVI, KỲ HỌP THỨ 28"), when it names one and the
    line above it does not run on into it ("… CỦA ⏎ ỦY BAN NHÂN DÂN TỈNH" is still title)."""

    def names_authority(k: int) -> bool:
        line = text[title[k].start : title[k].end] if k >= 1 else ""
        return P.ENACTING_AUTHORITY.match(fold_accents(line)) is not None and not P.AUTHORITY_GOES_ON.search(line)

    last = len(title) - 1
    k = last if names_authority(last) else last - 1 if names_authority(last - 1) else 0
    if k < 1:
        return title
    word = clean(text[title[k - 1].start : title[k - 1].end]).rsplit(" ", 1)[-1]
    return title if word.casefold() in RUNS_ON else title[:k]


@define
class _TitleBlock:
    """The title block read so far."""

    scan: Scan
    limit: int
    title: list[Span] = attrs.field(factory=list)
    subtitle: list[Span] = attrs.field(factory=list)
    title_upper: bool = False
    """The title is upper case (a mixed-case line under it is a subtitle, not more title)."""
    type_alone: bool = False
    """The type line stands alone ("BÁO CÁO"): the title is the next run of lines."""
    centred: bool = False
    """The source centres the type line: the block ends at the first line it does not centre."""

    def take(self, start: int, end: int) -> None:
        for j in range(start, end):
            self.scan.kind(j, FurnitureKind.TITLE)

    def record(self) -> None:
        text = self.scan.text
        if self.title:
            self.scan.meta.title.offer(_join(text, self.title), Span(self.title[0].start, self.title[-1].end))
        if self.subtitle:
            self.scan.meta.subtitle.offer(_join(text, self.subtitle), self.subtitle[0])


def _read_type_line(block: _TitleBlock, start: int) -> int:
    """The type line ("BÁO CÁO", "NGHỊ QUYẾT", "BÁO CÁO CHÍNH TRỊ CỦA …"), if ``start`` is one;
    return the position after it."""
    scan = block.scan
    if start >= block.limit or scan.blank(start):
        return start
    m = P.TYPE_LINE.match(scan.folded(start))
    if m is None:
        return start
    line = scan.lines[start].line.content
    content = scan.content(start)
    type_span = Span(line.start + m.start("type"), line.start + m.end("type"))
    type_name = clean(scan.text[type_span.start : type_span.end])
    if m.start("draft") >= 0:
        scan.meta.draft.offer(True, Span(line.start + m.start("draft"), line.start + m.end("draft")))
    rest = clean(content[m.end() :])
    if _is_subtype(type_name, rest):  # "BÁO CÁO TÓM TẮT": the subtype belongs to the type line
        scan.meta.type_line = (clean(content[m.start("type") :]), Span(type_span.start, line.end))
        block.type_alone = True
    else:
        # "BÁO CÁO CHÍNH TRỊ CỦA …": the type as printed keeps its named genre.
        genre = codes.refine_type_name(_type_name(type_name), clean(content[m.start("type") :]))
        end = type_span.start + len(genre) if len(genre) > len(_type_name(type_name)) else type_span.end
        scan.meta.type_line = (clean(scan.text[type_span.start : end]), Span(type_span.start, end))
        own_run = P.TYPE_RUN_END.match(content, m.end())
        if own_run is not None and P.LETTER.search(rest):
            # "**KẾT LUẬN****CỦA BỘ CHÍNH TRỊ…**": the type word was a line of its own, glued
            # by a crawl; the title is what follows its bold run.
            block.title.append(Span(line.start + own_run.end(), line.end))
            block.title_upper = mostly_upper(clean(scan.shown(start)[own_run.end() :]))
        elif P.LETTER.search(rest):
            # "BÁO CÁO CHÍNH TRỊ CỦA BAN CHẤP HÀNH …": the title is what follows the type as
            # printed, the same as under a type word on a line of its own.
            after = _title_after(scan.text, end, line.end)
            block.title.append(Span(after, line.end))
            block.title_upper = mostly_upper(clean(scan.shown_text[after : line.end]))
        else:
            block.type_alone = True
    scan.kind(start, FurnitureKind.TITLE)
    return start + 1


def _upper_first_line(scan: Scan, start: int, limit: int) -> bool:
    """With no header and no type line, only an upper-case first line can be a title."""
    return start < limit and mostly_upper(clean(scan.shown(start))) and not is_marker_line(scan, start)


def _title_line(block: _TitleBlock, i: int) -> tuple[int, bool]:
    """Read the non-blank line ``i`` of the title block; return (next position, block ended)."""
    scan = block.scan
    content = scan.content(i)
    folded = scan.folded(i)
    cleaned = clean(content)
    if scan.lines[i].kind in (LineKind.RULE, LineKind.STAR) or (cleaned and not P.LETTER_OR_DIGIT.search(cleaned)):
        scan.kind(i, FurnitureKind.TITLE)  # a rule under the title closes the block
        return i + 1, bool(block.title or block.subtitle)
    if not cleaned:  # markup only ("** **", "|")
        scan.kind(i, FurnitureKind.TITLE)
        return i + 1, False
    if P.RULE_GLUED.match(content):
        return i, True
    draft = P.DRAFT.match(folded)
    if draft is not None:
        c0 = scan.lines[i].content_start
        scan.meta.draft.offer(True, Span(c0 + draft.start("draft"), c0 + draft.end("draft")))
        scan.kind(i, FurnitureKind.TITLE)
        return i + 1, False
    if P.ADDRESSEES.match(folded):
        return _read_addressees(scan, i, block.limit), True
    if P.PREAMBLE.match(folded) or is_marker_line(scan, i):
        return i, True
    return _title_text(block, i, cleaned)


def _title_text(block: _TitleBlock, i: int, cleaned: str) -> tuple[int, bool]:
    """A line of words: parenthesised subtitle, upper-case title, or mixed-case summary."""
    if block.centred and i not in block.scan.centred:
        return i, True
    if cleaned.startswith("(") and (block.title or block.type_alone):
        end = _paren_block(block.scan, i, block.limit)
        if end is None:
            return i, True
        block.subtitle = [lines_span(block.scan, i, end)]
        block.take(i, end)
        return end, False
    if block.subtitle:
        return i, True
    if block.title and _italic_under(block.scan, i):
        # The format sets the note under a title in italics ("Tài liệu phục vụ …", "Dự thảo lần
        # 2"): with the source's italics that is a subtitle, closed by a rule or not.
        end = _italic_end(block.scan, i, block.limit)
        block.subtitle = [lines_span(block.scan, i, end)]
        block.take(i, end)
        return end, False
    if _continues_upper_title(block, clean(block.scan.shown(i))):
        block.title.append(block.scan.lines[i].line.content)
        block.title_upper = True
        block.scan.kind(i, FurnitureKind.TITLE)
        return i + 1, False
    if _is_summary_line(cleaned):
        return _summary(block, i)
    return i, True


def _italic_under(scan: Scan, i: int) -> bool:
    """Line ``i`` is set in italics and the line above it (the title's last) is not."""
    if i not in scan.italic:
        return False
    k = i - 1
    while k >= 0 and scan.blank(k):
        k -= 1
    return k >= 0 and k not in scan.italic and _is_summary_run_line(scan, i)


def _italic_end(scan: Scan, start: int, limit: int) -> int:
    """End of the run of italic summary lines from ``start`` (at most four; blank lines between
    them kept)."""
    end, taken = start + 1, 1
    for i in range(start + 1, limit):
        if scan.blank(i):
            continue
        if taken >= 4 or i not in scan.italic or not _is_summary_run_line(scan, i) or _closes_summary(scan, i):
            break
        end, taken = i + 1, taken + 1
    return end


def _continues_upper_title(block: _TitleBlock, cleaned: str) -> bool:
    # A line without letters ("2026 - 2030") has no case: it continues the run it is in. A crawl
    # may break the title after its first word, even a one-letter one ("Ý ⏎ KIẾN CHỈ ĐẠO CỦA …").
    upper = (
        mostly_upper(cleaned)
        or (not block.title and cleaned.isupper())
        or (bool(block.title) and block.title_upper and not P.LETTER.search(cleaned))
    )
    return upper and (not block.title or block.title_upper) and len(cleaned) <= 300


def _summary(block: _TitleBlock, i: int) -> tuple[int, bool]:
    """A mixed-case summary: the title under a lone type line, or a subtitle under an upper-case
    title when a rule or draft mark closes it."""
    scan = block.scan
    if not block.title and block.type_alone:
        end = _centred_end(scan, i, block.limit) if block.centred else _summary_end(scan, i, block.limit, strict=False)
        block.title.append(lines_span(scan, i, end))
        block.take(i, end)
        return end, False
    if block.title and block.title_upper:
        end = _summary_end(scan, i, block.limit, strict=True)
        if end > i:
            if _summary_of_authority(block, i):
                block.title.append(lines_span(scan, i, end))
            else:
                block.subtitle = [lines_span(scan, i, end)]
            block.take(i, end)
            return end, False
    return i, True


def _summary_of_authority(block: _TitleBlock, i: int) -> bool:
    """Line ``i`` opens the summary "Về …" under a title that only names the issuer ("CỦA BAN
    CHẤP HÀNH ĐẢNG BỘ TỈNH"): the summary is the rest of the title (corpus 06 as printed)."""
    first = block.title[0]
    head = fold_accents(block.scan.text[first.start : first.end], punctuation=True)
    return P.TITLE_BY_AUTHORITY.match(head) is not None and P.SUMMARY_OPENING.match(block.scan.folded(i)) is not None


def _title_after(text: str, start: int, end: int) -> int:
    """The first offset of the title after the type words, past spaces and markup."""
    while start < end and (text[start].isspace() or text[start] in "*_#|"):
        start += 1
    return start


def _type_name(type_name: str) -> str:
    t = codes.doc_type_for_name(type_name, None)
    return t.name if t is not None else type_name


def _is_subtype(type_name: str, rest: str) -> bool:
    t = codes.doc_type_for_name(type_name, None)
    if t is None or not rest:
        return False
    key = fold_tone_placement(rest).casefold()
    return any(key == fold_tone_placement(sub).casefold() for sub in codes.SUBTYPES.get(t.name, ()))


def _is_summary_line(cleaned: str) -> bool:
    """A line of a mixed-case summary: short, and not a sentence that ends a paragraph."""
    return (len(cleaned) <= 160 and not cleaned.endswith((":", ".", ";"))) or cleaned.endswith(")")


def _summary_end(scan: Scan, start: int, limit: int, strict: bool) -> int:
    """End of a mixed-case summary run. Strict (a subtitle under an upper-case title): only when a
    rule or draft mark closes the run within 8 short lines; lenient: up to 4 summary lines."""
    taken = 0
    last = start
    bold_open = False
    for i in range(start, limit):
        if taken >= 8:
            break
        if scan.blank(i):
            continue
        closes_bold = bold_open and scan.content(i).count("**") % 2 == 1
        if _closes_summary(scan, i):
            return last + 1 if taken else start
        # The line that closes a bold title the crawl broke ("**Kết quả kiểm⏎tra.....**") is
        # the title's, even ending in ".".
        if not closes_bold and not _is_summary_run_line(scan, i):
            break
        taken += 1
        last = i
        bold_open = not strict and taken == 1 and scan.content(i).count("**") % 2 == 1
        if not strict and taken >= 4:
            break
    return start if strict else last + 1


def _centred_end(scan: Scan, start: int, limit: int) -> int:
    """End of the run of centred summary lines from ``start`` (blank lines between them kept)."""
    end = start + 1
    for i in range(start + 1, limit):
        if scan.blank(i):
            continue
        if i not in scan.centred or not _is_summary_run_line(scan, i) or _closes_summary(scan, i):
            break
        end = i + 1
    return end


def _closes_summary(scan: Scan, i: int) -> bool:
    kind = scan.lines[i].kind
    return kind in (LineKind.RULE, LineKind.STAR) or bool(
        P.RULE_GLUED.match(scan.content(i)) or P.DRAFT.match(scan.folded(i))
    )


def _is_summary_run_line(scan: Scan, i: int) -> bool:
    folded = scan.folded(i)
    content = scan.content(i)
    if P.PREAMBLE.match(folded) or P.ADDRESSEES.match(folded) or is_marker_line(scan, i):
        return False
    return _is_summary_line(clean(content)) and len(content) <= 160


def _paren_block(scan: Scan, start: int, limit: int) -> int | None:
    """Lines of a parenthesised subtitle "(Báo cáo … ⏎ … 2025)"; None if it never closes."""
    for i in range(start, min(limit, start + 12)):
        if scan.blank(i):
            continue
        cleaned = clean(scan.content(i))
        if len(cleaned) > 400:
            return None
        if cleaned.endswith(")"):
            return i + 1
    return None


def _read_addressees(scan: Scan, start: int, limit: int) -> int:
    """ "Kính gửi: A" or "Kính gửi:" over "- A;" lines; return the position after the block."""
    text = scan.text
    c = scan.lines[start].line.content
    m = P.ADDRESSEES.match(fold_accents(text[c.start : c.end], punctuation=True))
    assert m is not None
    scan.kind(start, FurnitureKind.ADDRESSEES)
    items: list[tuple[str, Span]] = []
    rest = Span(c.start + m.start("rest"), c.end)
    if clean(text[rest.start : rest.end]):
        items.extend(split_items(text, rest))
    i = start + 1
    end = i
    edges: list[int] = []
    while i < limit:
        if scan.blank(i):
            i += 1
            continue
        if not clean(scan.content(i)):
            edges.append(i)  # a table cell's edge ("|"): the crawl set the list in a cell of its own
            i += 1
            continue
        item = P.RECIPIENT_ITEM.match(scan.content(i))
        if item is None or len(scan.content(i)) > 200:
            break
        items.extend(split_items(text, scan.lines[i].line.content))
        for k in (*edges, i):
            scan.kind(k, FurnitureKind.ADDRESSEES)
        edges.clear()
        i += 1
        end = i
    i = end if edges else i
    if items:
        parts = enumerate(sp for _, sp in items)
        scan.meta.addressees.offer(tuple(v for v, _ in items), Span(c.start, items[-1][1].end), parts)
    return i


def _join(text: str, spans: list[Span]) -> str:
    return " ".join(clean(text[sp.start : sp.end]) for sp in spans)


def _skip_blank(scan: Scan, i: int, limit: int) -> int:
    while i < limit and (
        scan.blank(i) or scan.lines[i].kind in (LineKind.RULE, LineKind.STAR) or not clean(scan.content(i))
    ):
        if not scan.blank(i):
            scan.kind(i, FurnitureKind.TITLE)
        i += 1
    return i
