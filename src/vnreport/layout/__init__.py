"""Layout: pages, the header and closing furniture, bundles of documents, tables, code tables."""
