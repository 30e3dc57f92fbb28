"""Bundles: where a second document of a file starts."""

from __future__ import annotations

import regex

# =============================================================================================
# Bundles: where a second document starts (bundles.py)
# =============================================================================================

#: Mottos that open a Vietnamese document header (Decree 30/2020, Guideline 36-HD/VPTW).
HEADER_MOTTO = regex.compile(
    r"(?:CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI(?:\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM)?|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM)",
    regex.VERSION1,
)
