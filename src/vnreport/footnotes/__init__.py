"""Footnotes: markers in sentences, bodies, and the links between them."""
