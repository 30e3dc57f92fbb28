"""HTML source: decoding the bytes (charset) and the index from the parsed tree back to source offsets."""

from __future__ import annotations

import codecs
import html as html_lib
import re
import threading
from array import array
from bisect import bisect_right
from collections.abc import Sequence

from lxml import etree

from vnreport.errors import VnreportError
from vnreport.model import Diagnostic, DiagnosticCode, Span
from vnreport.sources._text import NATURALS
from vnreport.text.reading import decode_bytes

# ---------------------------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_html(data: bytes) -> tuple[str, str, int, tuple[Diagnostic, ...]]:
    """``(text, encoding, bom_length, diagnostics)``: BOM, then ``<meta charset>``, then sniffing."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), name, len(bom), ()
    m = _META_CHARSET.search(data[:4096])
    if m is not None:
        declared = m.group(1).decode("ascii").lower()
        try:
            name = codecs.lookup(declared).name
        except LookupError:
            name = ""
        mismatch = _declared_mismatch(data, name) if name else None
        if mismatch is not None:
            text, encoding, bom_len, diagnostics = decode_bytes(data)
            diagnostic = Diagnostic(
                DiagnosticCode.HTML_CHARSET,
                f"the page declares {declared} but its bytes are {encoding} ({mismatch}); it was read as {encoding}",
                Span(0, 0),
            )
            return text, encoding, bom_len, (diagnostic, *diagnostics)
        if name:
            try:
                return data.decode(name), name, 0, ()
            except UnicodeDecodeError as exc:
                # A page that lies about its charset: read it as well as possible and say so.
                if name != "utf-8":
                    try:
                        return data.decode("utf-8"), "utf-8", 0, ()
                    except UnicodeDecodeError:
                        pass
                legacy = _legacy_reading(data, declared, exc.start)
                if legacy is not None:
                    return legacy
                diagnostic = Diagnostic(
                    DiagnosticCode.HTML_PARSE,
                    f"the page declares {declared} but is not valid {declared} (byte {exc.start}); "
                    "undecodable bytes were replaced",
                    Span(0, 0),
                )
                return data.decode(name, errors="replace"), name, 0, (diagnostic,)
    text, encoding, bom_len, diagnostics = decode_bytes(data)
    return text, encoding, bom_len, diagnostics


def _legacy_reading(data: bytes, declared: str, bad: int) -> tuple[str, str, int, tuple[Diagnostic, ...]] | None:
    """The page read as the text path reads bytes that are not UTF-8, when that finds a legacy
    Vietnamese encoding (a TCVN3 or VNI page under a template's ``charset=utf-8``): replacing its
    bytes would lose every accented letter. None for stray bytes in a UTF-8 page."""
    try:
        text, encoding, bom_len, diagnostics = decode_bytes(data)
    except VnreportError:
        return None
    if encoding in ("utf-8", declared):
        return None
    diagnostic = Diagnostic(
        DiagnosticCode.HTML_CHARSET,
        f"the page declares {declared} but its bytes are {encoding} (byte {bad} is not {declared}); "
        f"it was read as {encoding}",
        Span(0, 0),
    )
    return text, encoding, bom_len, (diagnostic, *diagnostics)


def _declared_mismatch(data: bytes, name: str) -> str | None:
    """Why the bytes cannot be in the declared encoding ``name``, or None when they may be.

    A wide encoding (UTF-16, UTF-32) cannot be right: the declaration was found as ASCII bytes,
    which such a page would spell with NULs between. A page declaring a one-byte code page whose
    bytes are valid UTF-8 with multi-byte characters is UTF-8: such sequences are vanishingly rare
    in real text in a one-byte code page ("Ã©"), and read as one they would be mojibake."""
    if name.startswith(("utf-16", "utf-32", "utf_16", "utf_32")):
        return "the declaration itself is written one byte per character"
    if name in ("utf-8", "ascii") or data.isascii():
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "they form valid multi-byte UTF-8 sequences"


# ---------------------------------------------------------------------------------------------
# The parser
# ---------------------------------------------------------------------------------------------


def html_parser() -> etree.HTMLParser:
    """The one HTML parser configuration: no network, huge trees (long attributes and text nodes read
    whole; :mod:`.html_limits` bounds nesting itself), comments kept for offsets.

    libxml2's HTML parser never loads DTDs nor expands entities declared in a document, so an
    XXE or "billion laughs" page is read as (odd) text; ``no_network`` keeps it off the net anyway.
    """
    return etree.HTMLParser(no_network=True, huge_tree=True, remove_pis=True, encoding="utf-8")


_PARSERS = threading.local()


def thread_parser() -> etree.HTMLParser:
    """This thread's :func:`html_parser`, made once: setting up a fresh libxml2 parser costs
    about as much as parsing a report page, and a parser may be reused, though not by two
    threads at once (lxml's rule)."""
    parser: etree.HTMLParser | None = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = _PARSERS.parser = html_parser()
    return parser


# ---------------------------------------------------------------------------------------------
# Where text nodes are in the source
# ---------------------------------------------------------------------------------------------

_MARKUP = re.compile(
    r"""<!--.*?(?:-->|\Z)          # comment
      | <![^>]*>?                  # doctype, <![if ...]>, CDATA openers
      | <\?[^>]*>?                 # processing instruction
      | </?(?P<tag>[A-Za-z][^\s/>]*)(?:[^>"']|"[^"]*"|'[^']*')*>   # a tag
      | &(?:\#[0-9]+;?|\#[xX][0-9A-Fa-f]+;?|[A-Za-z][A-Za-z0-9]*;?)  # a character reference
    """,
    re.DOTALL | re.VERBOSE,
)
RAW_TEXT = frozenset({"script", "style"})
#: ``<!DOCTYPE html [ ... ]>``: group 1 is the internal subset, brackets included.
INTERNAL_SUBSET = re.compile(r"<!DOCTYPE[^\[>]*(\[.*?\]\s*)>", re.IGNORECASE | re.DOTALL)

#: How far ahead a character is looked for when a text node cannot be found whole.
_WINDOW = 64


class SourceIndex:
    """The source's text content in order, with the way back to the source offsets.

    ``locate(s)`` finds the text node ``s`` at or after the previous one and returns its source
    offsets; the parser's repairs (a dropped stray character, an entity it reads differently)
    are bridged character by character.

    The text content (:attr:`stream`) is kept as segments, not character by character: a
    *literal* segment is source text read as it is (its k-th character is at ``src + k``, one
    character long); any other segment (an entity, a CR LF read as LF) maps all its characters
    to the whole token ``[src, end)``. A text node inside one literal segment, the common case,
    gets its offsets as two ``range`` objects, without a list or array being built.
    """

    def __init__(self, source: str) -> None:
        self._pieces: list[str] = []
        self.seg_at: list[int] = []
        """Where each segment starts in :attr:`stream` (strictly increasing: no empty segments)."""
        self.seg_src: list[int] = []
        """Source offset of each segment's first character."""
        self.seg_end: list[int] = []
        """-1 for a literal segment, else the end of the token all its characters come from."""
        self._length = 0
        entities: dict[str, str] = {}
        pos = 0
        n = len(source)
        for m in _MARKUP.finditer(source):
            begin = m.start()
            if begin > pos:
                self._literal(source, pos, begin)
            pos = m.end()
            if source[begin] == "&":
                token = m.group(0)
                decoded = entities.get(token)
                if decoded is None:
                    decoded = entities[token] = html_lib.unescape(token)
                if decoded == token:
                    self._literal(source, begin, pos)
                else:
                    self._segment(decoded, begin, pos)
                continue
            tag = (m.group("tag") or "").lower()
            if tag in RAW_TEXT and source[begin + 1] != "/":
                close = re.compile(rf"</{tag}\s*>", re.IGNORECASE).search(source, pos)
                pos = close.end() if close else n
        if pos < n:
            self._literal(source, pos, n)
        self.stream = "".join(self._pieces)
        self.cursor = 0
        self.misses = 0
        self.length = n

    def _segment(self, chars: str, src: int, end: int) -> None:
        if chars:
            self._pieces.append(chars)
            self.seg_at.append(self._length)
            self.seg_src.append(src)
            self.seg_end.append(end)
            self._length += len(chars)

    def _literal(self, source: str, start: int, end: int) -> None:
        """Literal text; CR LF and lone CR read as LF (as the parser reads them)."""
        cr = source.find("\r", start, end)
        while cr >= 0:
            self._segment(source[start:cr], start, -1)
            step = 2 if cr + 1 < end and source[cr + 1] == "\n" else 1
            self._segment("\n", cr, cr + step)
            start = cr + step
            cr = source.find("\r", start, end)
        self._segment(source[start:end], start, -1)

    def offsets(self, at: int, n: int) -> tuple[Sequence[int], Sequence[int]]:
        """Source starts and ends of the ``n`` stream characters from ``at``."""
        seg_at = self.seg_at
        k = bisect_right(seg_at, at) - 1
        last = len(seg_at) - 1
        stop = at + n
        seg_stop = seg_at[k + 1] if k < last else len(self.stream)
        if stop <= seg_stop and self.seg_end[k] < 0:
            first = self.seg_src[k] + at - seg_at[k]
            return range(first, first + n), range(first + 1, first + n + 1)
        starts: list[int] = []
        ends: list[int] = []
        while at < stop:
            seg_stop = seg_at[k + 1] if k < last else len(self.stream)
            take = min(stop, seg_stop) - at
            src = self.seg_src[k]
            if self.seg_end[k] < 0:
                first = src + at - seg_at[k]
                starts.extend(range(first, first + take))
                ends.extend(range(first + 1, first + take + 1))
            else:
                starts.extend([src] * take)
                ends.extend([self.seg_end[k]] * take)
            at += take
            k += 1
        return starts, ends

    def seek(self, source_offset: int) -> None:
        """Put the cursor at the first text character at or after ``source_offset``."""
        k = bisect_right(self.seg_src, source_offset) - 1
        if k < 0:
            self.cursor = 0
            return
        seg_stop = self.seg_at[k + 1] if k + 1 < len(self.seg_at) else len(self.stream)
        inside = source_offset - self.seg_src[k]
        if self.seg_end[k] < 0 and inside < seg_stop - self.seg_at[k]:
            self.cursor = self.seg_at[k] + inside
        else:
            self.cursor = seg_stop if source_offset > self.seg_src[k] else self.seg_at[k]

    def locate(self, s: str) -> tuple[Sequence[int], Sequence[int]]:
        stream = self.stream
        at = stream.find(s, self.cursor)
        if at >= 0:
            self.cursor = at + len(s)
            return self.offsets(at, len(s))
        starts: list[int] = []
        ends: list[int] = []
        for ch in s:
            found = stream.find(ch, self.cursor, self.cursor + _WINDOW)
            if found >= 0:
                one_start, one_end = self.offsets(found, 1)
                starts.append(one_start[0])
                ends.append(one_end[0])
                self.cursor = found + 1
            else:
                self.misses += 1
                where = self.offsets(self.cursor, 1)[0][0] if self.cursor < len(stream) else self.length
                starts.append(where)
                ends.append(where)
        return starts, ends


# ---------------------------------------------------------------------------------------------
# The fast way: reading the source alongside the tree
# ---------------------------------------------------------------------------------------------

#: A run of markup between two text nodes: tags (attribute values may hold ">"), comments,
#: declarations and processing instructions. Script and style elements stop the run: their
#: content is not markup and is skipped whole (:data:`_RAW_OPEN`).
_MARKUP_RUN = re.compile(
    r"""(?:<!--.*?(?:-->|\Z)
        | <![^>]*+>?
        | <\?[^>]*+>?
        | </?(?!(?:script|style)(?![^\s/>]))[A-Za-z][^\s/>]*+(?:[^>"']++|"[^"]*+"|'[^']*+')*+>
    )*""",
    re.DOTALL | re.VERBOSE | re.IGNORECASE,
)
_RAW_OPEN = re.compile(r"<(script|style)(?![^\s/>])(?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+>", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:\#[0-9]+;?|\#[xX][0-9A-Fa-f]+;?|[A-Za-z][A-Za-z0-9]*;?)")
#: Entities as the parser reads them, remembered (a page spells "&nbsp;" a thousand times).
_ENTITIES: dict[str, str] = {}
_MAX_ENTITIES = 4096


class SourceReader:
    """Finds the text nodes of a parsed page in its source, in document order, the fast way:
    each node is the next run of character data after the markup that follows the previous one.

    That holds for the markup a parser keeps as it is. Where it does not (the parser repaired the
    page, dropped a character, read a stray "<" as text), :meth:`locate` hands over to a
    :class:`SourceIndex` from that point on, which bridges repairs character by character; the
    whitespace runs a parser drops between elements are skipped.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.pos = 0
        self._index: SourceIndex | None = None

    @property
    def misses(self) -> int:
        return self._index.misses if self._index is not None else 0

    def locate(self, s: str) -> tuple[Sequence[int], Sequence[int]]:
        if self._index is None:
            found = self._next_run(s)
            if found is not None:
                return found
            self._index = SourceIndex(self.source)
            self._index.seek(self.pos)
        return self._index.locate(s)

    def _past_markup(self, p: int) -> int:
        """The first offset from ``p`` past any markup, script and style content."""
        source = self.source
        while source.startswith("<", p):
            markup = _MARKUP_RUN.match(source, p)
            p = markup.end() if markup is not None else p
            raw = _RAW_OPEN.match(source, p) if source.startswith("<", p) else None
            if raw is None:
                return p
            close = re.compile(rf"</{raw.group(1)}\s*>", re.IGNORECASE).search(source, raw.end())
            p = close.end() if close else len(source)
        return p

    def _next_run(self, s: str) -> tuple[Sequence[int], Sequence[int]] | None:
        source = self.source
        n = len(source)
        p = self.pos
        while True:
            p = self._past_markup(p)
            end = p + len(s)
            if source.startswith(s, p) and (end == n or source[end] == "<"):
                # The node is the source text itself, up to the next markup (the common case).
                self.pos = end
                return range(p, end), range(p + 1, end + 1)
            q = source.find("<", p)
            if q < 0:
                q = n
            if source.startswith(s, p) and end > q:
                # A stray "<" the parser read as text.
                self.pos = end
                return range(p, end), range(p + 1, end + 1)
            decoded = _decoded(source, p, q)
            if decoded is not None and decoded[0] == s:
                self.pos = q
                return decoded[1], decoded[2]
            if q > p and source[p:q].isspace() and not s.isspace():
                p = q  # whitespace the parser dropped between elements
                continue
            return None


def _decoded(source: str, start: int, stop: int) -> tuple[str, array[int], TokenEnds] | None:
    """The character data ``source[start:stop]`` as the parser reads it (entities decoded, CR LF
    and lone CR as LF, as :class:`SourceIndex` reads them), with the source start of each
    character and their ends; None when there is nothing to decode."""
    if source.find("&", start, stop) < 0 and source.find("\r", start, stop) < 0:
        return None
    pieces: list[str] = []
    starts = array("q")
    token_ends: dict[int, int] = {}
    pos = start
    for m in _ENTITY.finditer(source, start, stop):
        begin, end = m.span()
        if begin > pos:
            _literal_piece(source, pos, begin, pieces, starts, token_ends)
        token = source[begin:end]
        decoded = _ENTITIES.get(token)
        if decoded is None:
            decoded = html_lib.unescape(token)
            if len(_ENTITIES) < _MAX_ENTITIES:
                _ENTITIES[token] = decoded
        if decoded == token:
            _literal_piece(source, begin, end, pieces, starts, token_ends)
        elif decoded:
            pieces.append(decoded)
            starts.fromlist([begin] * len(decoded))
            token_ends[begin] = end
        pos = end
    if pos < stop:
        _literal_piece(source, pos, stop, pieces, starts, token_ends)
    return "".join(pieces), starts, TokenEnds(starts, token_ends)


def _literal_piece(
    source: str, start: int, stop: int, pieces: list[str], starts: array[int], token_ends: dict[int, int]
) -> None:
    cr = source.find("\r", start, stop)
    while cr >= 0:
        if cr > start:
            pieces.append(source[start:cr])
            starts += NATURALS.run(start, cr)
        step = 2 if cr + 1 < stop and source[cr + 1] == "\n" else 1
        pieces.append("\n")
        starts.append(cr)
        token_ends[cr] = cr + step
        start = cr + step
        cr = source.find("\r", start, stop)
    if stop > start:
        pieces.append(source[start:stop])
        starts += NATURALS.run(start, stop)


class TokenEnds(Sequence[int]):
    """The source ends of decoded characters, worked out when asked: a character read as it is
    ends one after its start; one read from a token (an entity, a CR LF) ends where the token
    does. The layout asks for a handful of them per text node, never for all."""

    __slots__ = ("_starts", "_token_ends")

    def __init__(self, starts: Sequence[int], token_ends: dict[int, int]) -> None:
        self._starts = starts
        self._token_ends = token_ends

    def __len__(self) -> int:
        return len(self._starts)

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(len(self)))]
        start = self._starts[index]
        end = self._token_ends.get(start)
        return start + 1 if end is None else end
