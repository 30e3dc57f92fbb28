"""Tests of the `tree` stage(s)."""
