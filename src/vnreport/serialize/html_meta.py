"""The metadata card of the HTML view: the title, then the furniture read into fields."""

from __future__ import annotations

from html import escape

from vnreport.document import Document
from vnreport.model import Metadata
from vnreport.serialize.inline import metadata_rows


def _counts(doc: Document) -> str:
    """What the reader will find: sections, footnotes, claims and how their figures check out."""
    from vnreport.model import Section

    sections = sum(1 for node in doc.nodes() if isinstance(node, Section))
    statuses: dict[str, int] = {}
    for claim in doc.claims():
        status = claim.check.status if claim.check is not None else "no-figures"
        statuses[status] = statuses.get(status, 0) + 1
    parts = [
        f"<b>{sections}</b> sections",
        f"<b>{len(doc.all_footnotes())}</b> footnotes",
        f"<b>{sum(statuses.values())}</b> claims citing them",
    ]
    labels = (("supported", "backed"), ("partly-supported", "partly backed"), ("unsupported", "not backed"))
    parts += [f'<span class="check {key}">{statuses[key]} {text}</span>' for key, text in labels if statuses.get(key)]
    if doc.diagnostics:
        parts.append(f'<a href="#diagnostics"><b>{len(doc.diagnostics)}</b> diagnostics</a>')
    return '<p class="counts">' + " · ".join(parts) + "</p>"


def metadata_card(meta: Metadata, doc: Document, anchor: str | None = None) -> str:
    """A card with the document's title and metadata; the whole document's card (``anchor``
    None) also counts what the page holds."""
    rows = metadata_rows(meta)
    title = next((value for label, value in rows if label == "Title"), None) or meta.web_title or "Văn bản"
    items = "".join(
        f'<dt lang="en">{escape(label)}</dt><dd>{escape(value)}</dd>' for label, value in rows if label != "Title"
    )
    counts = _counts(doc) if anchor is None else ""
    ident = "meta" if anchor is None else f"meta-{escape(anchor)}"
    return f'<header class="card" id="{ident}"><h1>{escape(title)}</h1><dl>{items}</dl>{counts}</header>'
