"""The HTML view: one self-contained page to read a parsed document in a browser.

The page has the metadata as a card, an outline to navigate, the body with an anchor on every
section, footnote markers that show their body on hover or click and link to it (and the body
back to each marker that cites it), claims highlighted with the check of their figures against
the cited footnotes, a figures table per section, and the diagnostics, each linked to where it
points. CSS and script are inline; nothing is loaded from anywhere (the page's
Content-Security-Policy says so), so it works offline and from a file.
"""

from __future__ import annotations

from html import escape
from typing import Any

from vnreport.document import Document
from vnreport.model import Diagnostic, Footnote, Item, Paragraph, Section, SubDocument
from vnreport.serialize.html_assets import CSS, JS
from vnreport.serialize.html_body import BodyWriter, heading_text
from vnreport.serialize.html_meta import metadata_card
from vnreport.serialize.inline import footnote_text, one_line

_POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def _outline(nodes: tuple[Any, ...]) -> str:
    """Nested lists of links to the sections (and the bundled documents)."""
    entries: list[str] = []
    for node in nodes:
        if isinstance(node, Section):
            marker, title = heading_text(node)
            label = (f'<span class="m">{escape(marker)}</span> ' if marker else "") + escape(title)
            entries.append(f'<li><a href="#n-{escape(node.id)}">{label}</a>{_outline(node.children)}</li>')
        elif isinstance(node, SubDocument):
            title = one_line(node.metadata.title or node.metadata.doc_type_name or node.id)
            entries.append(f'<li><a href="#n-{escape(node.id)}">{escape(title)}</a>{_outline(node.children)}</li>')
        elif isinstance(node, Item):
            entries.append(_outline(node.children))
    inner = "".join(e for e in entries if e)
    return f"<ol>{inner}</ol>" if inner else ""


def _footnotes(doc: Document, citing: dict[str, list[str]]) -> str:
    if not doc.all_footnotes():
        return ""
    items = [_footnote(doc, note, citing.get(note.id, [])) for note in doc.all_footnotes()]
    return f'<section id="footnotes"><h2 lang="en">Footnotes</h2><ol class="notes">{"".join(items)}</ol></section>'


def _footnote(doc: Document, note: Footnote, refs: list[str]) -> str:
    back = " ".join(
        f'<a href="#{ref}" aria-label="back to the citing text">↩{"" if len(refs) == 1 else i + 1}</a>'
        for i, ref in enumerate(refs)
    )
    return (
        f'<li id="fn-{escape(note.id)}"><span class="label">{escape(note.label)}</span>'
        f'<div><span class="fn-body">{escape(footnote_text(doc.text, note))}</span>'
        f'<span class="back">{back}</span></div></li>'
    )


def _targets(doc: Document) -> list[tuple[int, int, str]]:
    """(start, end, anchor) of every element a diagnostic may point into, innermost last."""
    out: list[tuple[int, int, str]] = []

    def walk(nodes: tuple[Any, ...]) -> None:
        for node in nodes:
            if isinstance(node, (Section, Item, Paragraph, SubDocument)):
                out.append((node.span.start, node.span.end, f"n-{node.id}"))
            if isinstance(node, Paragraph):
                out.extend((s.span.start, s.span.end, f"n-{s.id}") for s in node.children if hasattr(s, "text"))
            elif hasattr(node, "children"):
                walk(node.children)

    walk(doc.body)
    out.extend((note.span.start, note.span.end, f"fn-{note.id}") for note in doc.all_footnotes())
    return out


def _where(diagnostic: Diagnostic, targets: list[tuple[int, int, str]]) -> str:
    """The innermost element holding the diagnostic's start; the metadata card when none does
    (the diagnostic is about the header or the furniture)."""
    at = diagnostic.span.start
    found = "meta"
    for start, end, anchor in targets:
        if start <= at < end or start == at == end:
            found = anchor
    return found


def _diagnostics(doc: Document) -> str:
    if not doc.diagnostics:
        return ""
    targets = _targets(doc)
    rows = []
    for d in doc.diagnostics:
        quoted = one_line(d.span.slice(doc.text))[:80]
        rows.append(
            f'<li class="sev-{d.severity.value}"><a href="#{escape(_where(d, targets))}">'
            f"<code>{escape(d.code.value)}</code></a> {escape(d.message)}"
            + (f" — “{escape(quoted)}”" if quoted else "")
            + "</li>"
        )
    return f'<section id="diagnostics" lang="en"><h2>Diagnostics</h2><ul class="diags">{"".join(rows)}</ul></section>'


def document_to_html(doc: Document) -> str:
    """The whole page: ``<!DOCTYPE html>`` to ``</html>``, in Vietnamese (``lang="vi"``)."""
    writer = BodyWriter(doc)
    body = writer.nodes(doc.body, 0)
    title = one_line(doc.metadata.title or doc.metadata.web_title or "Văn bản")
    extra = [
        ('<a href="#footnotes">Footnotes</a>', bool(doc.all_footnotes())),
        ('<a href="#diagnostics">Diagnostics</a>', bool(doc.diagnostics)),
    ]
    links = "".join(f"<li>{link}</li>" for link, present in extra if present)
    nav = (
        f'<nav class="outline" aria-label="Outline"><h2 lang="en">Outline</h2>'
        f'<ol><li><a href="#meta" lang="en">Document</a></li></ol>{_outline(doc.body)}'
        + (f'<ol class="extra" lang="en">{links}</ol>' if links else "")
        + "</nav>"
    )
    return (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="vnreport">\n<link rel="icon" href="data:,">\n'
        f"<title>{escape(title[:120])}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f'<div class="layout">{nav}<main>{metadata_card(doc.metadata, doc)}<article id="body">{body}</article>'
        f"{_footnotes(doc, writer.citing)}{_diagnostics(doc)}</main></div>\n"
        f'<div id="popover" role="tooltip" hidden></div>\n<script>{JS}</script>\n</body>\n</html>\n'
    )
