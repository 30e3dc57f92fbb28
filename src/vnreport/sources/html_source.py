"""HTML source: decoding the bytes (charset) and the index from the parsed tree back to source offsets."""

from __future__ import annotations

import codecs
import html as html_lib
import re
from array import array

from vnreport.model import Diagnostic, DiagnosticCode, Span
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
                diagnostic = Diagnostic(
                    DiagnosticCode.HTML_PARSE,
                    f"the page declares {declared} but is not valid {declared} (byte {exc.start}); "
                    "undecodable bytes were replaced",
                    Span(0, 0),
                )
                return data.decode(name, errors="replace"), name, 0, (diagnostic,)
    text, encoding, bom_len, diagnostics = decode_bytes(data)
    return text, encoding, bom_len, diagnostics


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
    """The source's text content in order, each character with its source offsets.

    ``locate(s)`` finds the text node ``s`` at or after the previous one and returns its source
    offsets; the parser's repairs (a dropped stray character, an entity it reads differently)
    are bridged character by character.
    """

    def __init__(self, source: str) -> None:
        chars: list[str] = []
        starts = array("q")
        ends = array("q")
        pos = 0
        n = len(source)
        for m in _MARKUP.finditer(source):
            if m.start() > pos:
                _literal(source, pos, m.start(), chars, starts, ends)
            token = m.group(0)
            if token.startswith("&"):
                decoded = html_lib.unescape(token)
                if decoded == token:
                    _literal(source, m.start(), m.end(), chars, starts, ends)
                else:
                    chars.append(decoded)
                    starts.extend([m.start()] * len(decoded))
                    ends.extend([m.end()] * len(decoded))
                pos = m.end()
                continue
            pos = m.end()
            tag = (m.group("tag") or "").lower()
            if tag in RAW_TEXT and not token.startswith("</"):
                close = re.compile(rf"</{tag}\s*>", re.IGNORECASE).search(source, pos)
                pos = close.end() if close else n
        if pos < n:
            _literal(source, pos, n, chars, starts, ends)
        self.stream = "".join(chars)
        self.starts = starts
        self.ends = ends
        self.cursor = 0
        self.misses = 0
        self.length = n

    def locate(self, s: str) -> tuple[list[int], list[int]]:
        stream = self.stream
        at = stream.find(s, self.cursor)
        if at >= 0:
            self.cursor = at + len(s)
            return list(self.starts[at : at + len(s)]), list(self.ends[at : at + len(s)])
        starts: list[int] = []
        ends: list[int] = []
        for ch in s:
            found = stream.find(ch, self.cursor, self.cursor + _WINDOW)
            if found >= 0:
                starts.append(self.starts[found])
                ends.append(self.ends[found])
                self.cursor = found + 1
            else:
                self.misses += 1
                where = self.starts[self.cursor] if self.cursor < len(self.starts) else self.length
                starts.append(where)
                ends.append(where)
        return starts, ends


def _literal(source: str, start: int, end: int, chars: list[str], starts: array[int], ends: array[int]) -> None:
    """Literal text; CR LF and lone CR read as LF (as the parser reads them)."""
    chunk = source[start:end]
    if "\r" not in chunk:
        chars.append(chunk)
        starts.extend(range(start, end))
        ends.extend(range(start + 1, end + 1))
        return
    i = start
    while i < end:
        ch = source[i]
        if ch == "\r":
            step = 2 if i + 1 < end and source[i + 1] == "\n" else 1
            chars.append("\n")
            starts.append(i)
            ends.append(i + step)
            i += step
        else:
            chars.append(ch)
            starts.append(i)
            ends.append(i + 1)
            i += 1
