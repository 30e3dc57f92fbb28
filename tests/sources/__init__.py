"""Tests of the `sources` stage(s)."""
