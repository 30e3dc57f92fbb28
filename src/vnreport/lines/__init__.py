"""Lines: the flat stream of lines, their markup, their roles, and whole-text checks."""
