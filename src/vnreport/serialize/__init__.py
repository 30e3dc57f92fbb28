"""One serializer module per format: json, outline (text), table (CSV/JSONL rows, pandas)."""
