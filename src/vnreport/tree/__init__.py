"""Tree: from classified lines to nested sections, items and paragraphs."""
