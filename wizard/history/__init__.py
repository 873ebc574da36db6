"""The private history: SQLite store, the journal front ends report through, re-test comparison, views."""
