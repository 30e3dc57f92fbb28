"""Legacy Vietnamese encodings (TCVN3/ABC, VNI, VISCII, CP1258): detection and conversion."""

from __future__ import annotations

from attrs import frozen

from .model import Diagnostic


@frozen
class LegacyDecoded:
    text: str
    encoding: str
    diagnostics: tuple[Diagnostic, ...] = ()


def decode_legacy(data: bytes) -> LegacyDecoded | None:
    """Decode bytes that are not UTF-8 when they read as a legacy Vietnamese encoding, else None."""
    return None
