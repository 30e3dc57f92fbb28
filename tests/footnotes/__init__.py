"""Tests of the `footnotes` stage(s)."""
