"""What Akoma Ntoso says about a document: FRBR identification, references, preface, conclusions.

The FRBR IRIs follow the naming convention, ``/akn/vn/<type>/<name>/<actor>/<date>/<number>``:
the actor is the issuer written in ASCII ("HUYỆN ỦY VĂN LÃNG" → ``huyen-uy-van-lang``), the number
the "Số" with its symbol (``348-tb-tu``, ``nn`` when the document has none). The date is the date
the document bears; a date without its day or month keeps the first of the month or year, with
``vnr:precision`` saying so; without a date, the web page's date, then the year of the number, and
last ``0001-01-01`` named ``unknown``. Work and expression are authored by the issuer, the
manifestation by vnreport.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from vnreport.model import DateValue, Metadata
from vnreport.serialize.akn_body import BodyContext, clean, el

VNR = "urn:vnreport:1.0"
"""Our namespace, for what Akoma Ntoso has no element or attribute for."""
V = "{" + VNR + "}"


def slug(text: str) -> str:
    """ASCII, lower case, words joined by "-": for IRIs and eIds built from names."""
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def camel(text: str) -> str:
    """ "Báo cáo chính trị" → ``baoCaoChinhTri``: the ``name`` of the document element."""
    words = slug(text).split("-")
    return words[0] + "".join(w.capitalize() for w in words[1:]) if words and words[0] else ""


def iso_date(m: Metadata) -> tuple[str, str, str | None]:
    """(ISO date, FRBRdate name, precision or None when the date is whole)."""
    candidates: list[tuple[DateValue | None, str]] = [(m.date, "issued"), (m.web_date, "published")]
    for value, name in candidates:
        if value is not None and value.year:
            precision = None if value.day and value.month else ("month" if value.month else "year")
            return f"{value.year:04d}-{value.month or 1:02d}-{value.day or 1:02d}", name, precision
    if m.number_year:
        return f"{m.number_year:04d}-01-01", "numbered", "year"
    return "0001-01-01", "unknown", "none"


def work_number(m: Metadata) -> str:
    text = "-".join(part for part in (m.number, m.symbol) if part)
    return slug(text) or "nn"


def work_uri(m: Metadata, doc_tag: str, doc_name: str) -> str:
    date, _, _ = iso_date(m)
    actor = slug(m.issuer) if m.issuer else "unknown"
    return f"/akn/vn/{doc_tag}/{doc_name}/{actor}/{date}/{work_number(m)}"


def _frbr_common(parent: Any, this: str, uri: str, m: Metadata, author: str) -> None:
    date, name, precision = iso_date(m)
    el(parent, "FRBRthis", value=this)
    el(parent, "FRBRuri", value=uri)
    frbr_date = el(parent, "FRBRdate", date=date, name=name)
    if precision:
        frbr_date.set(V + "precision", precision)
    el(parent, "FRBRauthor", href=f"#{author}")


def identification(meta: Any, m: Metadata, doc_tag: str, doc_name: str, refs: dict[str, str]) -> None:
    """``identification`` with the three FRBR levels Akoma Ntoso requires."""
    ident = el(meta, "identification", source=f"#{refs['vnreport']}")
    uri = work_uri(m, doc_tag, doc_name)
    issuer = refs.get("issuer", refs["vnreport"])
    work = el(ident, "FRBRWork")
    _frbr_common(work, uri + "/!main", uri, m, issuer)
    el(work, "FRBRcountry", value="vn")
    if m.number or m.symbol:
        el(work, "FRBRnumber", value="-".join(p for p in (m.number, m.symbol) if p))
    if m.doc_type_name:
        el(work, "FRBRname", value=m.doc_type_name)
    expression = el(ident, "FRBRExpression")
    _frbr_common(expression, uri + "/vie@/!main", uri + "/vie@", m, issuer)
    el(expression, "FRBRlanguage", language="vie")
    manifestation = el(ident, "FRBRManifestation")
    _frbr_common(manifestation, uri + "/vie@/!main.xml", uri + "/vie@.akn", m, refs["vnreport"])
    el(manifestation, "FRBRformat", value="application/akn+xml")


def references(meta: Any, m: Metadata, ctx: BodyContext) -> dict[str, str]:
    """``references``: the issuer (and its parent body), the signer and their post, vnreport.

    Returns role → eId ("issuer", "parent", "signer", "position", "vnreport")."""
    refs: dict[str, str] = {}
    block = el(meta, "references", source="#" + ctx.prefix + "vnreport")
    refs["vnreport"] = ctx.claim(ctx.prefix + "vnreport")
    for role, name in (("issuer", m.issuer), ("parent", m.parent_issuer)):
        _reference(block, ctx, refs, role, "TLCOrganization", "organizations", name)
    el(block, "TLCOrganization", eId=refs["vnreport"], href="/akn/ontology/organizations/vnreport", showAs="vnreport")
    signature = m.signature
    if signature is not None:
        _reference(block, ctx, refs, "signer", "TLCPerson", "persons", signature.name)
        _reference(block, ctx, refs, "position", "TLCRole", "roles", signature.position)
    return refs


# -- preface and conclusions --------------------------------------------------------------------


def preface(parent: Any, m: Metadata, refs: dict[str, str]) -> None:
    """The header as Akoma Ntoso reads it: proponent, number, date, type, title."""
    lines: list[tuple[str, str, dict[str, Any]]] = []
    if m.parent_issuer:
        lines.append(("organization", m.parent_issuer, {"refersTo": "#" + refs["parent"]}))
    if m.issuer:
        lines.append(("docProponent", m.issuer, {"refersTo": "#" + refs["issuer"], "as": None}))
    number = m.number_raw or "-".join(p for p in (m.number, m.symbol) if p)
    if number:
        lines.append(("docNumber", number, {}))
    if m.date is not None and m.date.year:
        date, _, precision = iso_date(m)
        lines.append(("docDate", m.date_raw or date, {"date": date, V + "precision": precision}))
    if m.doc_type_name:
        lines.append(("docType", m.doc_type_name, {}))
    if m.title:
        lines.append(("docTitle", m.title, {}))
    if not lines and not m.subtitle:
        return
    block = el(parent, "preface")
    for tag, text, attributes in lines:
        el(el(block, "p"), tag, text, **attributes)
    if m.subtitle:
        el(block, "p", m.subtitle, **{"class": "subtitle"})


def conclusions(parent: Any, m: Metadata, refs: dict[str, str], ctx: BodyContext) -> None:
    """Recipients ("Nơi nhận") and the signature, each a ``container`` of ``conclusions``."""
    signature = m.signature
    if not m.recipients and signature is None:
        return
    block = el(parent, "conclusions")
    if m.recipients:
        recipients = el(block, "container", eId=ctx.claim(ctx.prefix + "recipients"), name="recipients")
        for recipient in m.recipients:
            el(recipients, "p", recipient)
    if signature is not None:
        container = el(block, "container", eId=ctx.claim(ctx.prefix + "signature"), name="signature")
        line = el(el(container, "p"), "signature")
        line.text = clean(signature.authority) + " " if signature.authority else None
        if signature.position:
            role = el(line, "role", signature.position, refersTo="#" + refs["position"])
            role.tail = " " if signature.name else None
        if signature.name:
            person = el(line, "person", signature.name, refersTo="#" + refs["signer"])
            if "position" in refs:
                person.set("as", "#" + refs["position"])


def _reference(
    block: Any, ctx: BodyContext, refs: dict[str, str], role: str, element: str, ontology: str, name: str | None
) -> None:
    """One ``TLC…`` entry of ``references`` for ``name`` (none when it is empty), its eId kept in
    ``refs`` under ``role``."""
    if not name:
        return
    refs[role] = ctx.claim(ctx.prefix + (slug(name) or role))
    el(block, element, eId=refs[role], href=f"/akn/ontology/{ontology}/vn/{slug(name)}", showAs=name)
