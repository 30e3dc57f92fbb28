"""Figures: quantities, comparisons, targets and evidence read from sentences."""
