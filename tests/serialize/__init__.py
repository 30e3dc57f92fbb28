"""Tests of the `serialize` stage(s)."""
