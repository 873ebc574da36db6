"""Content: tree files -> a checked, immutable Library (model, conditions, answers, safe YAML, schema, loader).

The lowest layer: it imports nothing else from the package except `errors` and `text`.
"""
