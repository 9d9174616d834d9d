"""Files at the edge: hostile-safe reading of YAML/JSON, loading decks and workshops, problems and
cross-references.
"""
