"""Text: bytes in, one normalized text out — decoding, legacy encodings, offset maps, folds."""
