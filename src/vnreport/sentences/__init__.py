"""Sentences: the underthesea door, sentence splitting with exact spans, word tokens."""
