"""The Word package: the XML parts read out of the zip safely, and where their text is.

Safety: the package is checked before anything is inflated (entry count, declared sizes,
compression ratio) and inflated with a hard cap; XML parts are parsed without entity
resolution, DTD loading or network access, and a part carrying a DTD is refused outright
(Word never writes one, so it can only be an entity attack).

Offsets: :func:`text_positions` matches every ``w:t`` of a parsed part with its text in the raw
XML, so that each character maps to the character (or ``&entity;``) it came from.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from typing import Any

from lxml import etree

from vnreport.errors import UnreadableInputError
from vnreport.limits import check_time, checked

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

#: Package limits. Real reports are a few hundred entries and a few MB; zip bombs are not.
MAX_ENTRIES = 5_000
MAX_PART_BYTES = 64 * 1024 * 1024
"""Largest inflated XML part that is read."""
MAX_TOTAL_BYTES = 256 * 1024 * 1024
"""Largest declared inflated size of the whole package."""
MAX_RATIO = 200
"""Largest compression ratio of an entry bigger than :data:`_RATIO_FLOOR` (text XML stays under ~30)."""
_RATIO_FLOOR = 1024 * 1024

_PARTS = ("word/document.xml", "word/numbering.xml", "word/styles.xml", "word/footnotes.xml")
#: The headers and footers, read as page furniture (:mod:`.docx_pages`).
_HEADER_OR_FOOTER = re.compile(r"word/(?:header|footer)[0-9]*\.xml")


# ---------------------------------------------------------------------------------------------
# The package
# ---------------------------------------------------------------------------------------------


def read_package(data: bytes) -> dict[str, bytes]:
    """The XML parts vnreport reads, inflated within the limits.

    Raises:
        UnreadableInputError: not a zip, no ``word/document.xml``, or over a limit (zip bomb).
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    # NotImplementedError: a directory entry naming a zip version or method zipfile lacks (a damaged
    # header, found by tests/test_fuzz.py).
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, EOFError, OSError) as exc:
        raise UnreadableInputError(
            "the .docx file is not a ZIP package vnreport can open (is it a renamed .doc?)"
        ) from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            raise UnreadableInputError(f"the .docx package has {len(infos)} entries (limit {MAX_ENTRIES})")
        total = sum(i.file_size for i in infos)
        if total > MAX_TOTAL_BYTES:
            raise UnreadableInputError(
                f"the .docx package would inflate to {total} bytes (limit {MAX_TOTAL_BYTES}): refused as a zip bomb"
            )
        by_name = {i.filename: i for i in infos}
        if "word/document.xml" not in by_name:
            raise UnreadableInputError("the file is a ZIP package but not a Word document (no word/document.xml)")
        parts: dict[str, bytes] = {}
        printed = [name for name in by_name if _HEADER_OR_FOOTER.fullmatch(name)]
        for name in (*_PARTS, *printed):
            info = by_name.get(name)
            if info is None:
                continue
            if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(1, info.compress_size):
                raise UnreadableInputError(
                    f"{name} inflates {info.file_size // max(1, info.compress_size)} times "
                    f"(limit {MAX_RATIO}): refused as a zip bomb"
                )
            parts[name] = _inflate(archive, info)
    return parts


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """Inflate one entry, stopping at :data:`MAX_PART_BYTES` whatever its header claims."""
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as stream:
            while True:
                chunk = stream.read(1 << 16)
                if not chunk:
                    break
                size += len(chunk)
                if size > MAX_PART_BYTES:
                    raise UnreadableInputError(
                        f"{info.filename} inflates beyond {MAX_PART_BYTES} bytes: refused as a zip bomb"
                    )
                chunks.append(chunk)
    # zlib.error: a damaged deflate stream (a flipped byte, found by tests/test_fuzz.py);
    # RuntimeError: an encrypted entry; ValueError: a header zipfile cannot make sense of.
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, zlib.error,
            RuntimeError, ValueError) as exc:  # fmt: skip
        raise UnreadableInputError(f"cannot inflate {info.filename} from the .docx package: {exc}") from exc
    return b"".join(chunks)


def xml_parser() -> etree.XMLParser:
    """The one XML parser configuration: no entities, no DTD, no network, no huge trees."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )


_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def parse_part(name: str, data: bytes) -> Any:
    """Parse one XML part safely (a part with a DTD is refused: Word never writes one)."""
    if _DOCTYPE.search(data[:65536]) or _DOCTYPE.search(data):
        raise UnreadableInputError(f"{name} declares a DTD or entities, which Word never writes: refused")
    try:
        return etree.fromstring(data, parser=xml_parser())
    except etree.XMLSyntaxError as exc:
        raise UnreadableInputError(f"{name} in the .docx package is not well-formed XML: {exc}") from exc


# ---------------------------------------------------------------------------------------------
# Text positions of <w:t> elements
# ---------------------------------------------------------------------------------------------

_ENTITY = re.compile(r"&(?:#[0-9]+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);")
_XML_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}


_RUN_SLICE = 1 << 16


def _decode(raw: str, base: int) -> tuple[str, list[int], list[int]]:
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in [*_ENTITY.finditer(raw), None]:
        stop = m.start() if m is not None else len(raw)
        i = pos
        if raw.find("\r", pos, stop) < 0:
            # One character per source character: a run at C speed (a 4 MB run took seconds char
            # by char), in slices with a look at the clock between (one w:t can be megabytes).
            for a in range(pos, stop, _RUN_SLICE):
                b = min(a + _RUN_SLICE, stop)
                chars.append(raw[a:b])
                starts.extend(range(base + a, base + b))
                ends.extend(range(base + a + 1, base + b + 1))
                check_time()
            i = stop
        while i < stop:
            if raw[i] == "\r":
                step = 2 if i + 1 < stop and raw[i + 1] == "\n" else 1
                chars.append("\n")
                starts.append(base + i)
                ends.append(base + i + step)
                i += step
                continue
            chars.append(raw[i])
            starts.append(base + i)
            ends.append(base + i + 1)
            i += 1
        if m is None:
            break
        token = m.group(0)
        if token in _XML_ENTITIES:
            value = _XML_ENTITIES[token]
        else:
            digits = token[2:-1]
            value = chr(int(digits[1:], 16) if digits.startswith("x") else int(digits))
        chars.append(value)
        starts.append(base + m.start())
        ends.append(base + m.end())
        pos = m.end()
    return "".join(chars), starts, ends


def text_positions(root: Any, xml: str, base: int) -> tuple[dict[Any, tuple[list[int], list[int]]], int]:
    """Offsets of the characters of every ``w:t``, matched in order with the raw XML."""
    m = re.search(rf'xmlns:([A-Za-z_][\w.-]*)="{re.escape(_W_NS)}"', xml)
    prefix = (m.group(1) + ":") if m else ""
    pattern = re.compile(rf"<{re.escape(prefix)}t(?:\s[^>]*)?(?:/>|>([^<]*)</{re.escape(prefix)}t\s*>)")
    elements = list(root.iter(W + "t"))
    matches = list(pattern.finditer(xml))
    positions: dict[Any, tuple[list[int], list[int]]] = {}
    misses = 0
    if len(matches) != len(elements):
        return positions, len(elements)
    for el, match in checked(zip(elements, matches, strict=True)):
        raw = match.group(1) or ""
        chars, starts, ends = _decode(raw, base + match.start(1) if match.group(1) is not None else base + match.end())
        if chars != (el.text or ""):
            misses += 1
            continue
        positions[el] = (starts, ends)  # by the proxy itself: an id may come back on another
    return positions, misses
