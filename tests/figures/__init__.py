"""Tests of the `figures` stage(s)."""
