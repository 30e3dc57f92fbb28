"""Tests of the `layout` stage(s)."""
