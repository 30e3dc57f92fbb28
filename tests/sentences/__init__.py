"""Tests of the `sentences` stage(s)."""
