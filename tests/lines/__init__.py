"""Tests of the `lines` stage(s)."""
