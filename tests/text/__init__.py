"""Tests of the `text` stage(s)."""
